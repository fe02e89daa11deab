import { shellArgument } from "../../../core/text.js";
import { sentences, t } from "../../../i18n/index.js";
import { currentRevision } from "../../../model/index.js";
import { revisedSince } from "../../../model/revision.js";
import type { Rule } from "../../rule.js";

/** A document number inside a step's note: letters first, then parts joined by '-', '_', '/' or '.' (HH-F-045, CS/WI-005). */
const DOCUMENT_NUMBER = /(?<![A-Za-z0-9_./-])[A-Za-z][A-Za-z0-9]*(?:[-_/.][A-Za-z0-9]+)+/g;

/** The steps whose notes say what was changed: the corrective action chosen, implemented, and recurrence prevented. */
const CHANGE_STEPS = ["D5", "D6", "D7"] as const;

/**
 * A corrective action record (actions/<id>.yaml, an 8D) whose step D5, D6 or D7, done, names in its note a controlled
 * document of the repository (扣压模具累计冲次纳入设备日常点检（HH-F-045）) that has no revision dated on or after the
 * day the record was received: the record says the action went into that document, the document says it did not
 * (IATF 16949 10.2.3 documented information updated, 7.5.3.2 change control; tester82 A14). The same test as
 * doc/affected-document-not-revised makes for a configuration change (model/revision.ts revisedSince). One finding per
 * document and step, at the id in the note; a document withdrawn since, or an external one (a customer's, a standard),
 * is not reported, nor an id the repository does not have.
 */
export const rule: Rule = {
  id: "action/document-not-revised",
  severity: "warning",
  // A record's findings follow from its own steps and from the id, kind, status and revisions' dates of the documents they name.
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.kind, f.data.status, (f.data.revisions ?? []).map((r) => [r.version, r.date])] : null) },
  summary: "A corrective action's D5–D7 names a document that has not been revised since the record was received.",
  docs: {
    description:
      "A step D5 (corrective action chosen), D6 (implemented) or D7 (recurrence prevented) of a corrective action record is done and its `note` names a controlled document of the repository by its number, and that document has no revision dated on or after the record's `received`: the record says the action was carried into the document (a form given a new column, a check added to a work instruction), the document's revisions say it was not. Documented information is updated as part of corrective action and its changes are controlled ({{cite:corrective-action}}; {{cite:document-control}}); an auditor reads the 8D against the document's history. One finding per document and step, at its number in the note. A document withdrawn (`status: obsolete`) or external (`kind: external`) is not reported, nor a number the repository does not have. `csr render` prints the revisions released for the record (`csr release --action`) on its report.",
    bad: `
  D7:
    done: 2026-04-17
    by: zhang
    note: 扣压模具累计冲次纳入设备日常点检（QR-045-01）   # QR-045-01 A/1 of 2024-03-01, not revised since
`,
    good: `
# documents/QR-045-01.yaml, revised for the record
  - version: A/2
    date: 2026-04-17
    summary: 增加扣压模具累计冲次栏
    actions: [8D-2026-001]
`,
    fix: "Revise the document and release it for the record (`csr release <document> --action <record> --summary …`); if the step changed no document (the number is only cited), correct the step's note.",
  },
  check(ctx) {
    for (const { value: action, file } of ctx.repo.actions) {
      if (!ctx.keeps(file) || typeof action.received !== "string") continue;
      for (const step of CHANGE_STEPS) {
        const entry = action.steps?.[step];
        if (entry?.done === undefined || typeof entry.note !== "string") continue;
        const named = new Set([...entry.note.matchAll(DOCUMENT_NUMBER)].map((m) => m[0]));
        for (const id of named) {
          const doc = ctx.index.documents.get(id)?.value;
          if (doc === undefined || doc.status === "obsolete" || doc.kind === "external" || revisedSince(doc, action.received)) continue;
          const current = currentRevision(doc);
          const data = { id: action.id, step, document: doc.id, received: action.received, current: current?.version ?? "", date: current?.date ?? "", arg: shellArgument(doc.id), action: shellArgument(action.id) };
          const message = t(current === undefined ? "rule.action/document-not-revised.unreleased" : "rule.action/document-not-revised", data);
          ctx.report({ file, path: ["steps", step, "note"], quote: id }, sentences(message, t("rule.action/document-not-revised.fix", data)));
        }
      }
    }
  },
};
