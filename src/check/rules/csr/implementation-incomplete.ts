import type { Rule } from "../../rule.js";
import { conjunction, t } from "../../../i18n/index.js";
import { implementationGaps, type ImplementationGap } from "../../../model/csr-status.js";
import type { Csr } from "../../../model/types.js";
import { decidedToMeet } from "../../../model/decision.js";

/**
 * The `csr implement` that records what an implementation record lacks, with placeholders for what
 * only the user knows: the date implemented (kept as verified, not turned back to implemented), who
 * verified it and when (the verifier on file when only the date is missing).
 */
export function completionCommand(csr: Csr, gaps: readonly ImplementationGap[]): string {
  const parts = [`csr implement ${csr.id}`];
  if (gaps.includes("implemented")) parts.push("--implemented YYYY-MM-DD");
  if (gaps.includes("verified-by") || gaps.includes("verified-date")) {
    parts.push(`--verified-by ${csr.implementation?.verified?.by ?? t("rule.doc/approval-missing.person")}`, "--date YYYY-MM-DD");
  }
  return parts.join(" ");
}

/** What an implementation record lacks, in words: 导入生产日期、验证人和验证日期. */
export function gapsText(gaps: readonly ImplementationGap[]): string {
  return conjunction(gaps.map((gap) => t(`rule.csr/implementation-incomplete.gap.${gap}`)));
}

/** What the implementation record of a CSR to implement (decided must or optional, not superseded) lacks for its status. */
export function incompleteImplementation(csr: Csr): ImplementationGap[] {
    if (csr.superseded || !decidedToMeet(csr.review?.decision)) return [];
  return implementationGaps(csr.implementation);
}

/** IATF 16949 7.5.3.2.2: the date a change is implemented in production is recorded, and a verification says who and when. */
export const rule: Rule = {
  id: "csr/implementation-incomplete",
  severity: "warning",
  scope: { files: "own" },
  summary: "A CSR's implementation status is implemented or verified, but the date implemented or the verification is not recorded.",
  docs: {
    description:
      "A CSR whose `implementation.status` is `implemented` without `implementation.implemented` (the date implemented in production), or `verified` without that date or without `implementation.verified` (who verified it, and when). `csr implement` does not record such a status, but a CSR list imported with 已实施 / 已验证 and no columns for those facts gives one: the import keeps the list's status and what the list says, and invents no date and no verifier. Rejected, not-applicable, undecided and superseded CSRs are not reported. {{#IATF16949}}IATF 16949 7.5.3.2.2 asks for the date each change is implemented in production to be recorded.{{/IATF16949}}{{^IATF16949}}{{cite:requirements-change}} asks that a change of requirements reach the documents and the people concerned; the record says when it did.{{/IATF16949}}",
    bad: `
implementation: {owner: wang, status: verified, implemented: 2026-11-16}
`,
    good: `
implementation: {owner: wang, status: verified, implemented: 2026-11-16, verified: {by: zhang, date: 2026-11-20}}
`,
    fix: "Record what the status claims from the records that show it: `csr implement <CSR> --implemented <date>` for the date implemented in production, `csr implement <CSR> --verified-by <person> --date <date>` for the verification (both in one command when both are missing). Where there is no record of it, record the status that the records do show instead (`csr implement <CSR> --status implemented` for a verification without a record, `--status in-progress` for an implementation without a date).",
  },
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      const gaps = incompleteImplementation(csr);
      if (gaps.length === 0) continue;
      ctx.report(
        { file, path: ["implementation", "status"] },
        t("rule.csr/implementation-incomplete", {
          csr: csr.id,
          status: t(`value.implementation.${csr.implementation!.status!}`),
          missing: gapsText(gaps),
          command: completionCommand(csr, gaps),
          // The status the record on file shows: implemented once its date is recorded, else still in progress.
          fallback: `csr implement ${csr.id} --status ${gaps.includes("implemented") ? "in-progress" : "implemented"}`,
        }),
      );
    }
  },
};
