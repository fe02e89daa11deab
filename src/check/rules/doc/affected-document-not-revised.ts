import { sentences, t } from "../../../i18n/index.js";
import { shellArgument } from "../../../core/text.js";
import { currentRevision } from "../../../model/index.js";
import { revisedSince } from "../../../model/revision.js";
import type { Rule } from "../../rule.js";

/**
 * A 技术状态更改 that names another document it affects (a revision's `affected_documents`: the drawing, the
 * 关键件明细表 form) when that document has no revision released on or after the change's date: the change reached
 * the products it affects while that document still says what was before (GJB 9001C 8.3.6 and 7.5.3.2, the
 * configuration change carried into every document of the configuration; GJB 3206B; tester79 G6). An affected
 * document withdrawn (obsolete) is no longer in use and is not reported; one the repository does not have is
 * ref/unresolved's.
 */
export const rule: Rule = {
  id: "doc/affected-document-not-revised",
  severity: "warning",
  // A document's findings follow from its own revisions and from the id, status and revisions' dates of the documents they name.
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.status, (f.data.revisions ?? []).map((r) => [r.version, r.date, r.configuration_change, r.affected_documents])] : null) },
  summary: "A configuration change (技术状态更改) names a document it affects that has not been revised since.",
  docs: {
    description:
      "A revision marked `configuration_change: true` lists in `affected_documents` the other controlled documents the change reaches (`csr release --affects`: a drawing, a 工艺规程, the 关键件明细表 form), and one of them has no revision dated on or after the change's `date`: its released text still describes the configuration before the change. A change is carried into every document it affects before those documents are used again ({{cite:document-control}}; {{cite:customer-change-notice}}). An affected document withdrawn since (`status: obsolete`) is not reported. Reported on the entry of `affected_documents`, on the revision of the change.",
    bad: `
  - version: A/1
    date: 2026-03-02
    summary: 回流焊峰值温度由 245℃ 改为 250℃
    configuration_change: true
    change_class: II
    affected_documents: [QR-003-01]
`,
    good: `
  # documents/QR-003-01.yaml, revised with the change
  - version: A/1
    date: 2026-03-02
    summary: 峰值温度栏的规定值改为 250℃
    change_request: GG-2026-003
`,
    fix: "Revise the affected document and release it (`csr release <affected id> --summary …`), its revision record naming the change request; a document the change does not affect leaves `affected_documents`.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.index.documents.values()) {
      (doc.revisions ?? []).forEach((revision, i) => {
        if (revision.configuration_change !== true || revision.date === undefined) return;
        const since = revision.date;
        revision.affected_documents?.forEach((id, j) => {
          const affected = ctx.index.documents.get(id)?.value;
          if (affected === undefined || affected.status === "obsolete") return;
          if (revisedSince(affected, since)) return;
          const current = currentRevision(affected)?.version;
          const data = { id: doc.id, version: revision.version, affected: affected.id, arg: shellArgument(affected.id), date: since, current: current ?? "" };
          const message = t(current === undefined ? "rule.doc/affected-document-not-revised.unreleased" : "rule.doc/affected-document-not-revised", data);
          ctx.report({ file, path: ["revisions", i, "affected_documents", j] }, sentences(message, t("rule.doc/affected-document-not-revised.fix", data)));
        });
      });
    }
  },
};
