import { shellArgument } from "../../../core/text.js";
import { t, type MessageKey } from "../../../i18n/index.js";
import { reviewRewrites, type ReviewRewrite } from "../../../model/csr-review-record.js";
import type { Rule } from "../../rule.js";

/** How each signature of the review report is recorded again with csr review. */
const SIGNER_FLAGS = { recorder: "--recorder", leader: "--leader", military_representative: "--military-representative" } as const;

/** The fields of a review record the messages name in the reader's language; any other is named by its key. */
const FIELDS = new Set(["disposition", "justification", "by", "decided-by", "date", "forced", "department", "reviewer", "opinion", "comment", "form", "ref", "note", "source_revision", "closed", "revised_to", "reason", "late_reason", "opinions", "record", "decision", "recorder", "leader", "military_representative"]);

/**
 * The review record is the evidence of the contract review (IATF 16949 8.2.3.1, 7.5.3.2.2; GJB
 * 9001C 8.2.3): csr's commands change a decision, an opinion or a signature only with `--amend`,
 * which keeps the replaced one in `review.history`, and never rewrite a supersession. A hand edit
 * bypasses both (tester54b B2); this is their counterpart in the pre-commit hook and CI, as
 * csr/requirement-changed is for the requirement's wording and doc/revision-history-rewritten for a
 * document's revision record.
 */
export const rule: Rule = {
  id: "csr/review-rewritten",
  severity: "error",
  scope: { files: "own" },
  summary: "A CSR's review decision, opinion, signature, record, late reason, confirmation, earlier round or supersession recorded at the base revision was edited or removed without the history keeping it.",
  docs: {
    description:
      "(With `csr check --base <rev>`, and so in the pre-commit hook and CI.) Part of a CSR's review record as it was at the base revision has been edited or removed, and no review history entry added since keeps it: the decision (disposition, justification, who decided and when), a department's opinion, a signature of the review report (记录, 评审组长, 军代表), the paper review record, the late reason, a confirmation of an unchanged source revision, an earlier round in `review.history`, or the CSR's supersession (`superseded`). The review record is the evidence of who decided what and when ({{cite:requirements-review}}): csr changes it only with `csr review … --amend` (the replaced decision, opinion, signature, record or late reason goes to `review.history`) or in a new review round (`csr source update`), and never rewrites a supersession. Completing a record is no rewrite: a date given to a signature recorded without one, the form given to a paper record named by number alone, a late reason given to a confirmation. The dates `csr source update --amend` moves with a corrected received date (a closed round's `closed`, a removal's date) and a successor renumbered with `csr renumber` are not rewrites either. The finding names what changed, with both values.",
    bad: `
# csr/DYA/DYA-001.yaml: decided "must" by wang on 2026-11-16 at the base
  decision: {disposition: not-applicable, justification: 本公司不涉及, by: wang, date: 2026-11-16}
addressed:
`,
    good: `
# csr review DYA-001 --disposition not-applicable --justification 本公司不涉及 --by wang --amend
  decision: {disposition: not-applicable, justification: 本公司不涉及, by: wang, date: 2026-11-20}
  history:
    - reason: amended
      closed: 2026-11-20
      decision: {disposition: must, by: wang, date: 2026-11-16}
addressed:
`,
    fix: "Restore the record as it was at the base (`git show <base>:<file>`). If the decision must change, decide again with `csr review <id> --disposition <disposition> --by <person> --amend` (a department's opinion: `--department <code> --reviewer <person> --opinion <opinion> --amend`; a signature: `--recorder`, `--leader` or `--military-representative <person> --amend`; the record: `--record <number> --amend`; the late reason: `--late-reason <text> --amend`): the earlier one stays in the review history with the day it was replaced. If the customer issued a new revision, record it with `csr source update <source> --revision <revision> --received <date>`: the CSR is reviewed again. Earlier rounds and a supersession are never rewritten.",
  },
  check(ctx) {
    const base = ctx.options.base;
    if (!base) return;
    const before = new Map(base.repo.csrs.map(({ value }) => [value.id, value]));
    const ids = new Set(ctx.repo.csrs.map(({ value }) => value.id));
    for (const { value: csr, file } of ctx.repo.csrs) {
      const old = before.get(csr.id);
      if (!old || !ctx.keeps(file)) continue;
      const source = ctx.repo.customers.find((c) => c.value.code === csr.customer)?.value.sources?.find((s) => s.id === csr.source.document);
      const receivedDates = new Set((source?.revisions ?? []).map((r) => r.received));
      for (const rewrite of reviewRewrites(old, csr, { csrExists: (id) => ids.has(id), receivedDates })) {
        const data = { id: csr.id, what: part(rewrite), base: base.rev, path: file.path, fix: fix(rewrite, csr.id, csr.source.document) };
        ctx.report(
          { file, path: rewrite.path },
          rewrite.fields.length > 0
            ? t("rule.csr/review-rewritten.changed", { ...data, changes: rewrite.fields.map((f) => t("rule.csr/review-rewritten.change", { field: fieldLabel(rewrite.part === "decision" && f.key === "by" ? "decided-by" : f.key), was: shown(f.key, f.was), now: shown(f.key, f.now) })).join(t("rule.csr/review-rewritten.separator")) })
            : t("rule.csr/review-rewritten.removed", { ...data, was: removedText(rewrite.removed) }),
        );
      }
    }
  },
};

function part(rewrite: ReviewRewrite): string {
  switch (rewrite.part) {
    case "opinion":
      return t("rule.csr/review-rewritten.part.opinion", { department: rewrite.department ?? "" });
    case "signature":
      return t(`rule.csr/review-rewritten.part.signature.${rewrite.signer!}` as MessageKey);
    case "confirmation":
    case "history":
      return t(`rule.csr/review-rewritten.part.${rewrite.part}` as MessageKey, { position: rewrite.position ?? 0 });
    default:
      return t(`rule.csr/review-rewritten.part.${rewrite.part}` as MessageKey);
  }
}

/** The command that changes this part properly, or why nothing does. */
function fix(rewrite: ReviewRewrite, id: string, source: string): string {
  const csr = shellArgument(id);
  switch (rewrite.part) {
    case "decision":
      return t("rule.csr/review-rewritten.fix.decision", { id: csr, source: shellArgument(source) });
    case "opinion":
      return t("rule.csr/review-rewritten.fix.opinion", { id: csr, department: shellArgument(rewrite.department ?? "") });
    case "signature":
      return t("rule.csr/review-rewritten.fix.signature", { id: csr, flag: SIGNER_FLAGS[rewrite.signer!] });
    default:
      return t(`rule.csr/review-rewritten.fix.${rewrite.part}` as MessageKey, { id: csr });
  }
}

function fieldLabel(key: string): string {
  return FIELDS.has(key) ? t(`rule.csr/review-rewritten.field.${key}` as MessageKey) : key;
}

function shown(key: string, value: unknown): string {
  if (value === undefined) return t("rule.csr/review-rewritten.empty");
  if (key === "disposition" && typeof value === "string") return t(`value.disposition.${value}` as MessageKey);
  if (key === "opinion" && typeof value === "string") return t(`value.opinion.${value}` as MessageKey);
  if (typeof value === "object" && value !== null) return removedText(value);
  return String(value);
}

/** A removed record as one line: its values, by field. */
function removedText(value: unknown): string {
  if (typeof value !== "object" || value === null) return String(value);
  if (Array.isArray(value)) return value.map(removedText).join(t("rule.csr/review-rewritten.separator"));
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${fieldLabel(k)} ${typeof v === "object" ? removedText(v) : shown(k, v)}`)
    .join(t("rule.csr/review-rewritten.list"));
}
