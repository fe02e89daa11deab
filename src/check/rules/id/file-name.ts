import { documentFileName } from "../../../model/paths.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/** A file is found by its id: a document controller opens documents/QP-020.yaml to read QP-020. */
export const rule: Rule = {
  id: "id/file-name",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "An entity's id does not match its file name or folder.",
  docs: {
    description:
      "Files are named after what they hold, so that a document controller finds `QP-020` in `documents/QP-020.yaml` (in any subfolder of `documents/`), customer `DYA` in `customers/DYA.yaml`, and CSR `DYA-001` in `csr/DYA/DYA-001.yaml`. A `/` in a document number is written `_` in the file name: `CS/QP-006` lives in `documents/CS_QP-006.yaml`.",
    bad: `
# documents/QP-021.yaml
id: QP-020
`,
    fix: "Rename the file (`git mv`) or correct the id.",
  },
  check(ctx) {
    const base = (path: string) => path.slice(path.lastIndexOf("/") + 1).replace(/\.ya?ml$/i, "");
    for (const { value, file } of ctx.repo.documents) {
      const expected = documentFileName(value.id);
      if (base(file.path) !== expected) {
        ctx.report({ file, path: ["id"] }, t("rule.id/file-name.document", { id: value.id, expected }));
      }
    }
    for (const { value, file } of ctx.repo.customers) {
      if (base(file.path) !== value.code) {
        ctx.report({ file, path: ["code"] }, t("rule.id/file-name.customer", { code: value.code }));
      }
    }
    for (const { value, file } of ctx.repo.csrs) {
      const expected = `csr/${value.customer}/${value.id}.yaml`;
      if (base(file.path) !== value.id) {
        ctx.report({ file, path: ["id"] }, t("rule.id/file-name.csr", { id: value.id, expected }));
      } else if (file.path.split("/")[1] !== value.customer) {
        ctx.report({ file, path: ["customer"] }, t("rule.id/file-name.csr-folder", { customer: value.customer, expected }));
      }
    }
  },
};
