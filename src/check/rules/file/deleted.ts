import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/**
 * A controlled document or a decided CSR is withdrawn, never deleted: IATF 16949 7.5.3.2.1 and
 * GJB 9001C 7.5.3 ask for obsolete documents to be kept identified (date, reason, successor,
 * recall), and a CSR's review decision is the record of 7.5.3.2.2 (8.2.3.1.2). A superseded CSR's
 * file is the record of why the requirement stopped counting (date, reason, successor), which
 * commit messages and paper records cite by its number (tester23 F16). A deletion removes
 * that evidence with no finding left to show for it, so the comparison with the base reports it on
 * the file as it was at the base (the only place it still exists), where its content starts.
 */
export const rule: Rule = {
  id: "file/deleted",
  severity: "error",
  scope: { files: "own" },
  summary: "A released or obsolete document, or a CSR with a review decision or superseded, was deleted since the base revision.",
  docs: {
    description:
      "(With `--base`.) A file that held a released or obsolete document, or a CSR whose review has a decision or that is superseded, existed at the base revision and is gone, and no other file defines that number now. A controlled document is withdrawn (作废), not deleted: `csr obsolete` records the date, the reason, the successor and the copies to recall, and the document stays in the obsolete documents list ({{cite:record-retention}}). A decided CSR is the record of its review ({{cite:requirements-review}}); one the customer withdrew or that repeats another is marked `superseded` (`csr supersede`; `csr source update` does it when a new revision of the customer's document drops it), and a superseded CSR's file is the record of why it stopped counting (date, reason, successor), cited by its number in commit messages, review records and e-mails; `csr add` never gives a number found in the git history again. A document that was never released, and a CSR without a decision that was never superseded, may be deleted. The finding is on the file's path at the base revision, on its first line, as the file no longer exists; renamed files are followed by number.",
    fix: "Restore the file (`git checkout <base> -- <file>`); a superseded CSR is then as it should be. Otherwise withdraw it: `csr obsolete <number> --reason ...` for a document, or `csr supersede <CSR-id> --reason ...` (with `--by <CSR-id>` for the CSR that replaces it) for a CSR.",
  },
  check(ctx) {
    const base = ctx.options.base;
    if (!base) return;
    const present = new Set(ctx.repo.files.map((f) => f.path));
    // An entity kept in part after a schema error still exists: its file has findings of its own.
    const documents = new Set([...ctx.repo.documents, ...ctx.repo.partial.documents].map((d) => d.value.id));
    const csrs = new Set([...ctx.repo.csrs, ...ctx.repo.partial.csrs].map((c) => c.value.id));
    for (const { value, file } of base.repo.documents) {
      if (present.has(file.path) || documents.has(value.id) || (value.status !== "released" && value.status !== "obsolete")) continue;
      ctx.report({ file, path: [] }, t(`rule.file/deleted.${value.status}`, { id: value.id, title: value.title, base: base.rev, path: file.path }));
    }
    for (const { value, file } of base.repo.csrs) {
      if (present.has(file.path) || csrs.has(value.id) || (!value.review?.decision && !value.superseded)) continue;
      ctx.report({ file, path: [] }, t(value.superseded ? "rule.file/deleted.csr-superseded" : "rule.file/deleted.csr", { id: value.id, title: value.title, base: base.rev, path: file.path }));
    }
  },
};
