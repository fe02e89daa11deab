import { shellArgument } from "../../../core/text.js";
import { sentences, t } from "../../../i18n/index.js";
import { revisionName } from "../../../i18n/values.js";
import { sourcesWithoutKeeper } from "../../../model/external-check.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 7.5.3.2 (documents of external origin identified and their distribution controlled) and 4.3.2
 * (tester70 P9): a customer's source document held — its supplier manual, a CSR edition — is an external document
 * that a department keeps and controls. One with no keeper recorded and no controlled copy out is printed 未登记 in
 * the 外来文件清单, and nobody answers for checking that it is still the customer's current edition.
 */
export const rule: Rule = {
  id: "csr/source-keeper-missing",
  severity: "warning",
  scope: { files: "own" },
  summary: "A customer source document held has no keeper department and no controlled copy out.",
  docs: {
    description:
      "A customer source document (`sources` of `customers/<CODE>.yaml`) whose revision held on the day (the last received, not marked superseded) has no department recorded as its keeper (`department`, 保管部门) and no controlled copy of that revision out at a department (`distribution`). A customer's supplier manual or CSR edition is a document of external origin, which is identified and whose distribution is controlled ({{cite:document-control}}): the external document list prints such a source's keeper as 未登记, and no department answers for keeping it current. Reported on the source's `id`.",
    bad: `
  - id: DYA-SQM
    title: 东岳汽车供应商质量手册
    revisions:   # no department, no distribution
      - {revision: D, received: 2026-03-16}
`,
    good: `
  - id: DYA-SQM
    title: 东岳汽车供应商质量手册
    department: QA
    revisions:
      - {revision: D, received: 2026-03-16}
`,
    fix: "Record the department that keeps it with `csr source update <source> --department <department>`, or the controlled copies handed out with `csr distribute <source> --to <departments>`.",
  },
  check(ctx) {
    for (const { value: customer, file } of ctx.repo.customers) {
      if (!ctx.keeps(file)) continue;
      for (const { source, index, held } of sourcesWithoutKeeper([customer], ctx.options.today)) {
        const data = { id: source.id, arg: shellArgument(source.id), title: source.title, named: revisionName(held.revision) };
        ctx.report({ file, path: ["sources", index, "id"] }, sentences(t("rule.csr/source-keeper-missing", data), t("rule.csr/source-keeper-missing.fix", data)));
      }
    }
  },
};
