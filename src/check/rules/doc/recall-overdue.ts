import { repositoryCalendar } from "../../../load/calendar.js";
import { workdaysLate } from "../../../model/calendar.js";
import { copiesToRecall, copyRecallDue, copyRecallStart, recallDays, specialRecall, specialRecallDays } from "../../../model/distribution.js";
import { shellArgument } from "../../../core/text.js";
import { departmentLabel, specialCharacteristicLabel } from "../../../model/labels.js";
import { specialCharacteristics } from "../../../model/symbol-documents.js";
import { sourceAsDocument } from "../../../model/source-copies.js";
import { contentInForce } from "../../../model/revision.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/**
 * IATF 16949 7.5.3.2 / ISO 9001 7.5.3.2 c): unintended use of obsolete documented information is
 * prevented, so the copies of a version no longer in force are taken back within
 * `document_control.recall_days` working days (qms.yaml, default 5). The copies of a customer's source
 * document (customers/<code>.yaml `sources[].distribution`) are judged as an external document's (sourceAsDocument).
 */
export const rule: Rule = {
  id: "doc/recall-overdue",
  severity: "error",
  scope: { files: "own" },
  clock: true,
  summary: "A controlled copy of a superseded version or of a withdrawn document is still out after the recall period.",
  docs: {
    description:
      "A controlled copy (an entry of `distribution`) that is not taken back (`recalled`), nor recorded lost, destroyed or kept stamped 作废 (`lost`, `destroyed`, `retained`), although it is no longer in force: it is of an earlier version than the document's current one, or the document is obsolete, or it is temporary (`valid_until`, csr release --until) and its last valid day has passed; a copy of a customer's source document (`sources[].distribution` in customers/<code>.yaml) whose newer revision is in force. Reported once `document_control.recall_days` working days (qms.yaml, default 5) have passed since the version after the copy's took effect (a copy of A/0 still out under A/2 counts from the day A/1 took effect), the document was withdrawn or a temporary one's last valid day, and a working day more (a day off right after the deadline is not late, as for a review); the distribution register prints the deadline as the copy's 应回收日期. A copy of a superseded version of a work instruction or form marking a special characteristic (a line of its sections carries a symbol of ours of `symbols.yaml`, such as ★) has no recall period: the old and the new instruction must not stand side by side at the station ({{cite:special-characteristics}}), so it is due back on the day the version after it took effect and reported from the working day after (`document_control.special_recall_days`, default 0, gives it some working days, never more than `recall_days`). What the version in force marks decides, not the old copy's own version: a copy of A/0 held after A/1 added the ★ has no recall period, and one of an A/0 marking a ★ that A/1, released through its control plan's change, no longer marks is an ordinary obsolete copy with `recall_days`, since the station is no longer run as special; the same version decides for its holders' training and qualification. The message names the mark, the stations and the section, and `csr release` and `csr show` say the same day. Obsolete documents must not stay in use ({{cite:document-control}}); the distribution and recall record (文件发放/回收记录) is the evidence that the old copies came back.",
    bad: `
distribution:
  - {copy: 1, version: A/0, to: QA, issued_by: wang, date: 2024-01-12, recalled: 2026-10-14, returned_by: zhang, received_by: wang}
  - {copy: 2, version: A/0, to: MKT, issued_by: wang, date: 2024-01-12}   # A/1 took effect on 2026-10-12
`,
    good: `
  - {copy: 2, version: A/0, to: MKT, issued_by: wang, date: 2024-01-12, recalled: 2026-10-15, returned_by: li, received_by: wang}
`,
    fix: "Take the copy back and record it with who handed it back: `csr recall QP-005 --copy 2 --by <person>` (without `--copy`, every copy that is due back, one holding unit at a time). A copy its holder keeps for reference is stamped 作废 and recorded with `csr recall QP-005 --copy 2 --retained --by … --remark …`; one lost or destroyed, with `--lost` or `--destroyed`.",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    const days = recallDays(config);
    const calendar = repositoryCalendar(config);
    const rows = ctx.repo.symbols.map((s) => s.value);
    const documents = [...ctx.index.documents.values()].map(({ value, file }) => ({ doc: contentInForce(value, ctx.options.inForce), file, at: ["distribution"] as (string | number)[] }));
    // A customer's source document: its revisions are its editions, its copies in the customer's file.
    const sources = ctx.repo.customers.flatMap(({ value: customer, file }) =>
      (customer.sources ?? []).flatMap((source, i) => (source.distribution?.length ? [{ doc: sourceAsDocument(customer, source), file, at: ["sources", i, "distribution"] as (string | number)[] }] : [])),
    );
    for (const { doc, file, at } of [...documents, ...sources]) {
      for (const copy of copiesToRecall(doc, ctx.options.today)) {
        // Counted from the day the copy's own version stopped being in force: a copy of A/0 still out under A/2 was due back after A/1 took effect.
        const start = copyRecallStart(doc, copy);
        const due = copyRecallDue(doc, copy, calendar, config, rows);
        if (!start || !due || workdaysLate(calendar, due, ctx.options.today) === 0) continue;
        const why =
          doc.status === "obsolete" && start === doc.obsolete?.date
            ? t("rule.doc/recall-overdue.withdrawn", { document: doc.id, start })
            : doc.status === "released" && start === doc.valid_until
              ? t("rule.doc/recall-overdue.expired", { document: doc.id, start })
              : t("rule.doc/recall-overdue.replaced", { version: copy.version, start });
        const data = { copy: copy.copy, document: doc.id, arg: shellArgument(doc.id), version: copy.version, to: departmentLabel(ctx.index, copy.to), why, due, days };
        // A superseded version of a document marking a special characteristic has no recall period (tester77 E7): the message says why.
        const special = specialRecall(doc, copy, rows) ? specialCharacteristics(doc, rows) : undefined;
        const message =
          special === undefined
            ? t("rule.doc/recall-overdue", data)
            : t(specialRecallDays(config) === 0 ? "rule.doc/recall-overdue.special" : "rule.doc/recall-overdue.special-days", { ...data, days: specialRecallDays(config), special: specialCharacteristicLabel(doc, special) });
        ctx.report({ file, path: [...at, (doc.distribution ?? []).indexOf(copy)] }, message);
      }
    }
  },
};
