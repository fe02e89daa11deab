import { documentFileName, numbersSharingFileName } from "../../../model/paths.js";
import type { Rule } from "../../rule.js";
import { conjunction, t } from "../../../i18n/index.js";

/** A file is found by its id: a document controller opens documents/QP-020.yaml to read QP-020. */
export const rule: Rule = {
  id: "id/file-name",
  severity: "error",
  holdsForParts: true,
  // Not "own": whether a number shares its file name with another document's depends on the other documents' ids.
  scope: { files: "all", reads: (f) => (f.kind === "document" ? f.data.id : f.kind === "customer" ? f.data.code : [f.data.id, f.data.customer]) },
  summary: "An entity's id does not match its file name or folder.",
  docs: {
    description:
      "Files are named after what they hold, so that a document controller finds `QP-020` in `documents/QP-020.yaml` (in any subfolder of `documents/`), customer `DYA` in `customers/DYA.yaml`, corrective action `8D-2026-012` in `actions/8D-2026-012.yaml`, and CSR `DYA-001` in `csr/DYA/DYA-001.yaml`. A `/` or `:` in a document number is written `_` in the file name: `CS/QP-006` lives in `documents/CS_QP-006.yaml`. So `CS/QP-006` and `CS_QP-006` would be one file name (and one print, one release tag): the second of such numbers is reported, to be given another number.",
    bad: `
# documents/QP-021.yaml
id: QP-020
`,
    fix: "Rename the file (`git mv`) or correct the id.",
  },
  check(ctx) {
    // A check names every file's entity: a file name is cut with plain string operations (a regular
    // expression for a name that does not end in .yaml), and what is expected written only for a finding.
    const base = (path: string) => {
      const name = path.slice(path.lastIndexOf("/") + 1);
      return name.endsWith(".yaml") ? name.slice(0, -5) : name.replace(/\.ya?ml$/i, "");
    };
    // Two numbers of one file name (CS/QP-006, CS_QP-006): the later of them is to be renumbered, so it alone is reported.
    const sharing = numbersSharingFileName(ctx.index.documents.keys());
    const seen = new Set<string>();
    for (const { value, file } of ctx.repo.documents) {
      const expected = documentFileName(value.id);
      // A second file of a number another document holds: id/duplicate says to give it a number of its own, not to take that file's name (one root cause, one finding).
      if (ctx.index.documents.get(value.id)?.file !== file) continue;
      const earlier = sharing.get(value.id)?.filter((other) => seen.has(other));
      seen.add(value.id);
      if (earlier !== undefined && earlier.length > 0) {
        ctx.report({ file, path: ["id"] }, t("rule.id/file-name.shared", { id: value.id, others: conjunction(earlier), expected }));
      } else if (base(file.path) !== expected) {
        ctx.report({ file, path: ["id"] }, t("rule.id/file-name.document", { id: value.id, expected }));
      }
    }
    for (const { value, file } of ctx.repo.customers) {
      if (base(file.path) !== value.code) {
        ctx.report({ file, path: ["code"] }, t("rule.id/file-name.customer", { code: value.code }));
      }
    }
    for (const { value, file } of ctx.repo.actions) {
      if (base(file.path) !== value.id) ctx.report({ file, path: ["id"] }, t("rule.id/file-name.action", { id: value.id }));
    }
    for (const { value, file } of ctx.repo.csrs) {
      if (base(file.path) !== value.id) {
        ctx.report({ file, path: ["id"] }, t("rule.id/file-name.csr", { id: value.id, expected: `csr/${value.customer}/${value.id}.yaml` }));
      } else if (secondSegment(file.path) !== value.customer) {
        ctx.report({ file, path: ["customer"] }, t("rule.id/file-name.csr-folder", { customer: value.customer, expected: `csr/${value.customer}/${value.id}.yaml` }));
      }
    }
  },
};

/** What `path.split("/")[1]` is (the customer's folder of a CSR file), without the array. */
function secondSegment(path: string): string | undefined {
  const first = path.indexOf("/");
  if (first < 0) return undefined;
  const second = path.indexOf("/", first + 1);
  return second < 0 ? path.slice(first + 1) : path.slice(first + 1, second);
}
