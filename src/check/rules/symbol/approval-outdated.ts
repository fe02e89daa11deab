import { t } from "../../../i18n/index.js";
import { revisionName } from "../../../i18n/values.js";
import { approvalSource, inUse, approvalState } from "../../../model/symbols.js";
import { symbolMarks } from "../../../model/symbol-marks.js";
import type { SymbolApproval } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

/** A CSR about special characteristics: it cites IATF 16949 8.3.3.3 or 8.2.3.1.2, or its wording names a symbol. */
const SPECIAL = /(^|:)(8\.3\.3\.3|8\.2\.3\.1\.2)$/u;

/**
 * The customer last approved its rows of the conversion table before the revision of its document
 * that a special-characteristics CSR now implements (IATF 16949 8.3.3.3): the table may no longer
 * follow the customer's symbols. One finding per customer, at the latest approval.
 */
export const rule: Rule = {
  id: "symbol/approval-outdated",
  severity: "warning",
  scope: { files: "all", reads: () => null },
  summary: "The customer approved its symbol table before the current revision of its special-characteristics document.",
  docs: {
    description:
      "A CSR about special characteristics (it cites {{cite:special-characteristics}}, or its `text` names a symbol) is taken from revision R of a customer document, and the customer's latest approval of its rows in `symbols.yaml` is for an earlier revision of that document (`approved.source: DOC/REV`) or, without a source, dated before R was received. A new revision can change or drop symbols, so the table is checked against it and the customer approves it again. One finding per customer, at its latest approval.",
    bad: `
    approved:
      by: 刘涛（东岳SQE）
      date: 2025-03-05
      source: DYA-SQM/B   # DYA-001 now implements DYA-SQM C
`,
    good: `
    approved:
      by: 刘涛（东岳SQE）
      date: 2026-11-25
      source: DYA-SQM/C
`,
    fix: "Compare the table with the new revision (`csr symbol update`, `csr symbol retire`, `csr symbol add`), then record the customer's approval for it: `csr symbol approve <customer> --source <document>/<revision>` (with `--amend` for rows whose approval still holds).",
  },
  check(ctx) {
    const done = new Set<string>();
    for (const { value: csr } of ctx.repo.csrs) {
      if (done.has(csr.customer) || csr.superseded || !csr.source) continue;
      const special = (csr.clauses ?? []).some((c) => SPECIAL.test(c)) || (typeof csr.text === "string" && symbolMarks(csr.text).length > 0);
      if (!special) continue;
      const rows = ctx.repo.symbols.filter((s) => s.value.customer === csr.customer && inUse(s.value) && s.value.approved && approvalState(s.value) === "holds");
      const latest = rows.reduce<(typeof rows)[number] | undefined>((a, b) => (a === undefined || b.value.approved!.date > a.value.approved!.date ? b : a), undefined);
      if (!latest) continue;
      const source = ctx.index.customers.get(csr.customer)?.value.sources?.find((s) => s.id === csr.source!.document);
      const revisions = source?.revisions ?? [];
      const now = revisions.findIndex((r) => r.revision === csr.source!.revision);
      if (!source || now < 0) continue;
      const approval: SymbolApproval = latest.value.approved!;
      const approvedFor = approvalSource(approval);
      const outdated = approvedFor?.document === source.id ? revisions.findIndex((r) => r.revision === approvedFor.revision) < now : approval.date < revisions[now]!.received;
      if (!outdated) continue;
      done.add(csr.customer);
      if (!ctx.keeps(latest.file)) continue;
      ctx.report(
        { file: latest.file, path: [...latest.path, "approved"], key: true },
        t(approvedFor?.document === source.id ? "rule.symbol/approval-outdated" : "rule.symbol/approval-outdated.dated", {
          customer: csr.customer,
          date: approval.date,
          approvedFor: approval.source ?? "",
          csr: csr.id,
          source: source.id,
          revision: revisionName(csr.source.revision),
          rev: csr.source.revision,
          received: revisions[now]!.received,
        }),
      );
    }
  },
};
