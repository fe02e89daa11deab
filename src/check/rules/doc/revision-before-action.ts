import { sentences, t } from "../../../i18n/index.js";
import { actionById } from "../../../model/actions.js";
import type { Rule } from "../../rule.js";

/**
 * A revision dated before a corrective action record it carries out (`actions`) was received: a change made to
 * correct a complaint or nonconformity cannot come before the problem was known (IATF 16949 10.2.1, 10.2.6), so
 * one of the two days, or the link, is wrong. csr release refuses it (release/actions.ts refuseReceivedAfter);
 * this finds it written by hand, imported, or made by a record's day of receipt corrected later (breaker64 P3).
 * An id without a record is ref/unresolved's; one in another letter case is found as csr show finds it.
 */
export const rule: Rule = {
  id: "doc/revision-before-action",
  severity: "error",
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, (f.data.revisions ?? []).map((r) => [r.version, r.date, r.actions])] : null) },
  summary: "A revision is dated before a corrective action record it carries out was received.",
  docs: {
    description:
      "A revision's `actions` names a corrective action record (actions/, a customer complaint's 8D or a nonconformity) received after the revision's date. A corrective change follows the problem it corrects ({{cite:corrective-action}}): dated before the complaint or nonconformity was received, either a day is mistyped (the revision's `date` or the record's `received`) or the revision does not carry out that record. The revision's change notice to the customer is counted from these days, so they must be right. One finding per record named, on its entry in `actions`. `csr release --action` refuses such a revision; this finds one written by hand or imported.",
    bad: `
  - version: A/0
    date: 2026-11-16
    summary: 增加扣压外径防错检测
    actions: [8D-2026-012]   # received 2026-11-19
`,
    good: `
  - version: A/0
    date: 2026-11-20
    summary: 增加扣压外径防错检测
    actions: [8D-2026-012]
`,
    fix: "Correct whichever is wrong: the revision's `date`, the record's `received` (actions/<id>.yaml), or the revision's `actions` (remove the id when the revision does not carry out that record; a change made before it is evidence to name in the 8D, not its corrective action).",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.index.documents.values()) {
      (doc.revisions ?? []).forEach((revision, at) => {
        if (revision.date === undefined) return;
        (revision.actions ?? []).forEach((id, i) => {
          const action = actionById(ctx.repo.actions, id);
          if (action === undefined || action.value.received <= revision.date!) return;
          const data = { id: doc.id, version: revision.version, date: revision.date!, action: action.value.id, received: action.value.received, path: action.file.path };
          ctx.report({ file, path: ["revisions", at, "actions", i] }, sentences(t("rule.doc/revision-before-action", data), t("rule.doc/revision-before-action.fix", data)));
        });
      });
    }
  },
};
