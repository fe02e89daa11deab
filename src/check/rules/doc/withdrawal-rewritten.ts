import { t } from "../../../i18n/index.js";
import { same } from "../../../model/csr-review-record.js";
import type { Rule } from "../../rule.js";
import { documentPairs } from "./compare.js";

const FIELDS = ["date", "reason", "superseded_by"] as const;

/**
 * A withdrawal (作废) is recorded once, by `csr obsolete`, which refuses a document withdrawn already:
 * its date, reason and successor are the evidence of when the document stopped being in force and
 * what replaced it (IATF 16949 / GJB 9001C 7.5.3.2). A hand edit bypasses that (tester54b
 * B2); this is its counterpart in the pre-commit hook and CI, as doc/revision-history-rewritten is
 * for the revision record.
 */
export const rule: Rule = {
  id: "doc/withdrawal-rewritten",
  severity: "error",
  scope: { files: "own" },
  summary: "The withdrawal record (date, reason or successor) of a document obsolete at the base revision was edited or removed.",
  docs: {
    description:
      "(With `--base`, and so in the pre-commit hook and CI.) A document that was obsolete at the base revision has a different withdrawal record now (`obsolete`: its date, reason or successor `superseded_by`), or none. `csr obsolete` records a withdrawal once and refuses a document withdrawn already; the record is the evidence of when the document stopped being in force and what replaced it ({{cite:document-control}}), which an auditor compares with the obsolete register and the copies recalled. A successor renumbered since (its old number no longer exists) is no rewrite.",
    bad: `
obsolete:
  date: 2026-02-01   # was 2026-03-01 at the base
  reason: 并入顾客特定要求管理程序
  superseded_by: QP-020
`,
    good: `
obsolete:
  date: 2026-03-01
  reason: 并入顾客特定要求管理程序
  superseded_by: QP-020
`,
    fix: "Restore the withdrawal record as it was (`git show <base>:<file>`). A withdrawal is not revised: if the document is needed again, issue it anew (`csr new`) and release it.",
  },
  check(ctx) {
    const rev = ctx.options.base?.rev ?? "";
    for (const { current, base } of documentPairs(ctx)) {
      const was = base?.obsolete;
      if (!was || !ctx.keeps(current.file)) continue;
      const now = current.value.obsolete;
      if (same(was, now)) continue;
      if (!now) {
        ctx.report(
          { file: current.file, path: ["status"] },
          t("rule.doc/withdrawal-rewritten.removed", { id: current.value.id, date: was.date, reason: was.reason, base: rev, path: current.file.path }),
        );
        continue;
      }
      // A successor renumbered since is named by its new number.
      const changed = FIELDS.filter((f) => !same(was[f], now[f]) && !(f === "superseded_by" && was.superseded_by !== undefined && !ctx.index.documents.has(was.superseded_by)));
      if (changed.length === 0) continue;
      const empty = t("rule.doc/withdrawal-rewritten.empty");
      ctx.report(
        { file: current.file, path: ["obsolete", changed[0]!] },
        t("rule.doc/withdrawal-rewritten.changed", {
          id: current.value.id,
          base: rev,
          path: current.file.path,
          changes: changed.map((f) => t("rule.doc/withdrawal-rewritten.change", { field: t(`rule.doc/withdrawal-rewritten.field.${f}`), was: was[f] ?? empty, now: now[f] ?? empty })).join(t("rule.csr/review-rewritten.separator")),
        }),
      );
    }
  },
};
