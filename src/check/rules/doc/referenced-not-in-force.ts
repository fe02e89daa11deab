import { revisionEffective } from "../../../model/index.js";
import type { ControlledDocument } from "../../../model/types.js";
import type { Rule } from "../../rule.js";
import { releasedReferences } from "./references.js";
import { sentences, t } from "../../../i18n/index.js";

/**
 * IATF 16949 7.5.2 / 7.5.3.2.1, GJB 9001C 7.5.3: a document in force prescribes only forms in force. A procedure whose version took effect before a form it lists was
 * first in force was approved listing a form that did not exist yet (tester23 F13): the two
 * controlled copies' dates show it to an auditor. doc/unreleased-referenced judges today's state;
 * this rule judges the dates.
 */
export const rule: Rule = {
  id: "doc/referenced-not-in-force",
  severity: "error",
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.status, f.data.related, f.data.forms, f.data.effective, f.data.revisions] : null) },
  summary: "A released document's version took effect before a form it lists was first in force.",
  docs: {
    description:
      "A released document whose current version took effect (its 生效日期 `effective`, else its date) before a form named in its `forms` (its 相关记录) was first in force (the effective day of the form's first revision). The printed copy prescribes a form that did not exist yet when it was approved and put into force ({{cite:document-control}}); an auditor comparing the dates of the two controlled copies sees it. This happens when a release is back-dated (`csr release --date`) to before the release of the form it lists. Documents in `related` are not compared: procedures that refer to each other are often released over a few days when a system is set up, and one of them always comes first. A revision imported without a date (见原纸质记录) is not compared, and a referring version imported from a register (approved on paper, whose register may date it otherwise) gives a warning. The form's later revisions do not matter: once first in force, a form exists.",
    bad: `
forms: [QR-001-01]   # QR-001-01 A/0 takes effect 2024-02-01
revisions:
  - version: A/0
    date: 2024-01-10   # QP-001 in force from 2024-01-10
`,
    good: `
forms: [QR-001-01]   # QR-001-01 A/0 takes effect 2024-01-05
`,
    fix: "Release the referring document with the date (or `--effective`) on or after the day the form first takes effect; or correct a date recorded wrongly (`csr set <id> --effective <date>`).",
  },
  check(ctx) {
    // The form's first version's effective day against the referring document's current version's; an undated one is not compared.
    const firstDated = (form: ControlledDocument) => (form.revisions?.length ?? 0) > 0 && revisionEffective(form, 0) !== "";
    for (const { document, file, field, index, id, target } of releasedReferences(ctx, firstDated, ["forms"])) {
      const revisions = document.revisions ?? [];
      if (revisions.length === 0) continue;
      const from = revisionEffective(document, revisions.length - 1);
      const since = revisionEffective(target, 0);
      if (from === "" || from >= since) continue;
      const revision = revisions.at(-1)!;
      const version = revision.version;
      ctx.report(
        { file, path: [field, index] },
        sentences(
          t("rule.doc/referenced-not-in-force", { document: document.id, version, from, target: id, since, first: target.revisions![0]!.version }),
          t("rule.doc/referenced-not-in-force.fix", { document: document.id, target: id, since }),
        ),
        // A version imported from a register was approved on paper: the register's dates may be the register's, not the approval's.
        revision.imported ? "warning" : undefined,
      );
    }
  },
};
