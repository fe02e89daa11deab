import { daysBetween } from "../../../core/dates.js";
import { t } from "../../../i18n/index.js";
import { changeThread, type ThreadRevision } from "../../../model/engineering-change.js";
import type { ControlledDocument } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

/** The order an engineering change flows down in: the PFMEA, then the control plan drawn from it, then the work instruction. */
function stage(document: ControlledDocument): number | undefined {
  if (document.role === "pfmea") return 0;
  if (document.role === "control-plan") return 1;
  if (document.kind === "instruction") return 2;
  return undefined;
}

/**
 * For one ECN's thread (model/engineering-change.ts changeThread): each revision of a control plan released before
 * a revision of a PFMEA carrying the same ECN, and each of a work instruction released before one of a control plan
 * (or, without a control plan in the thread, of a PFMEA), paired with the latest such revision of the stage before.
 */
export function outOfOrder(thread: readonly ThreadRevision[]): { later: ThreadRevision; earlier: ThreadRevision }[] {
  const dated = thread.filter((r) => r.revision.date !== undefined && stage(r.document) !== undefined);
  const found: { later: ThreadRevision; earlier: ThreadRevision }[] = [];
  for (const revision of dated) {
    const own = stage(revision.document)!;
    const previous = [1, 0].filter((s) => s < own).map((s) => dated.filter((r) => stage(r.document) === s)).find((list) => list.length > 0) ?? [];
    const after = previous.filter((r) => r.revision.date! > revision.revision.date!);
    if (after.length > 0) found.push({ later: revision, earlier: after.at(-1)! });
  }
  return found;
}

/**
 * An engineering change reaches the shop floor in order: the PFMEA is updated, the control plan follows from it and
 * the work instruction from the control plan (IATF 16949 8.3.3.3, 8.5.1.1, 8.5.6.1; AIAG-VDA FMEA Handbook: the
 * control plan is drawn from the PFMEA; tester77 E8). Revisions are tied by the ECN they carry.
 */
export const rule: Rule = {
  id: "doc/ecn-out-of-order",
  severity: "warning",
  scope: {
    files: "all",
    reads: (file) => (file.kind === "document" ? { id: file.data.id, role: file.data.role, kind: file.data.kind, revisions: (file.data.revisions ?? []).map((r) => [r.version, r.date, r.ecn]) } : null),
  },
  summary: "A control plan's revision for an ECN was released before the PFMEA's, or a work instruction's before the control plan's.",
  docs: {
    description:
      "The revisions carrying the same customer change notice (`ecn`, `csr release --ecn`) are one engineering change ({{cite:customer-change-notice}}): the PFMEA (`role: pfmea`) is revised first, the control plan (`role: control-plan`) from it, and the work instructions from the control plan ({{cite:special-characteristics}}). A control plan's revision released (`date`) on an earlier day than a PFMEA revision of the same ECN, or a work instruction's earlier than a control plan's (or, where the change has no control plan revision, a PFMEA's), was released before what it follows from. The finding is on the later document's revision and gives the days between them. Revisions released on the same day are in order.",
    bad: `
role: control-plan
status: released
effective: 2026-11-05
revisions:
  - version: A/0
    date: 2026-11-05   # the PFMEA's revision with this ECN: 2026-11-10
    summary: 首次发布
    ecn: [DYA-ECN-2026-201]
`,
    good: `
role: control-plan
status: released
effective: 2026-11-12
revisions:
  - version: A/0
    date: 2026-11-12
    summary: 首次发布
    ecn: [DYA-ECN-2026-201]
`,
    fix: "Check the document against the revision it should follow from and, if they differ, release a new revision of it; for the next change, release the PFMEA first, then the control plan, then the work instructions (`csr changes --ecn <number>` lists the thread).",
  },
  check(ctx) {
    const documents = ctx.repo.documents.map((d) => d.value);
    const files = new Map(ctx.repo.documents.map((d) => [d.value.id, d.file]));
    const ecns = new Set(documents.filter((d) => stage(d) !== undefined).flatMap((d) => (d.revisions ?? []).flatMap((r) => r.ecn ?? [])));
    const labels = ["rule.doc/ecn-out-of-order.pfmea", "rule.doc/ecn-out-of-order.control-plan", "rule.doc/ecn-out-of-order.instruction"] as const;
    for (const ecn of [...ecns].sort()) {
      for (const { later, earlier } of outOfOrder(changeThread(documents, { ecn }))) {
        const file = files.get(later.document.id)!;
        if (!ctx.keeps(file)) continue;
        const index = later.document.revisions!.indexOf(later.revision);
        ctx.report(
          { file, path: ["revisions", index, "date"] },
          t("rule.doc/ecn-out-of-order", {
            document: later.document.id,
            version: later.revision.version,
            kind: t(labels[stage(later.document)!]!),
            date: later.revision.date!,
            ecn,
            other: earlier.document.id,
            otherVersion: earlier.revision.version,
            otherKind: t(labels[stage(earlier.document)!]!),
            otherDate: earlier.revision.date!,
            days: daysBetween(later.revision.date!, earlier.revision.date!),
          }),
        );
      }
    }
  },
};
