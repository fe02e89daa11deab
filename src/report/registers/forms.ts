/**
 * The form register (表单清单, the record list): each released form (controlledDocuments: a draft form
 * is not a controlled one, as in the controlled document list) with its owning procedure and how its
 * records are kept; then each withdrawn form whose filled records may still be held (recordsHeldOn),
 * marked 已作废 with the date and its successor in 备注: an auditor sampling a record filled on it
 * looks it up here for its retention, medium and location (IATF 16949 7.5.3.2.1; tester52 D9). Dated
 * `today`, the forms and their owners as their records show them that day (documentsOn): an owner is
 * named by the version of that day, as released. In English, the retention period and location in
 * English where the form or its department has it (model/record-keeping.ts), and a note naming the
 * forms printed with Chinese ones.
 */
import { localToday } from "../../core/dates.js";
import { shortList } from "../../i18n/index.js";
import { copiesInUse, electronicInUse } from "../../model/distribution.js";
import { customerRetentionText, recordKeepingText, recordsHeldOn } from "../../model/record-keeping.js";
import { releasedPendingUntil } from "../../model/revision.js";
import type { ControlledDocument } from "../../model/types.js";
import type { Table } from "../table.js";
import { filterNotesOf } from "./filter.js";
import { compareIds, controlledDocuments, customerName, departmentName, documentAsOfNotes, documentsOn, documentTitle, ownDocuments, pendingRemark, pendingStatus, revisionListed, t, unreleasedHints, unreleasedNotes, type RegisterContext } from "./context.js";

/**
 * `department` (a department code, `csr list forms --department`): only the forms that department uses (tester75 P9), a form
 * being used by a department that owns it (its `department`), holds a copy of it in use or issued to it electronically on
 * `today` (copiesInUse, electronicInUse), or owns a document that lists it (the procedure or work instruction whose
 * department fills it in); the title and a note say the register is filtered (filter.ts), as the other filtered registers do.
 */
export function formList(ctx: RegisterContext, options: { today: string; department?: string }): Table {
  const { today, department } = options;
  const { listed: live, unreleased } = controlledDocuments(ctx, today, (d) => d.kind === "form");
  // Each form's owners on the day: the released documents whose version of that day lists it (a form
  // removed by a later revision is still owned; one added later is not yet). Controlled documents only:
  // a procedure still in draft does not own it yet.
  const on = documentsOn(ctx, today);
  // After the forms in use, the withdrawn ones whose records are still kept: not to be filled any more, but their records are.
  const allWithdrawn = on.list.filter((d) => d.kind === "form" && d.status === "obsolete" && recordsHeldOn(d, today)).sort((a, b) => compareIds(a.id, b.id));
  // The departments of the documents listing each form on the day: the department working to the procedure fills it in.
  const usingDepartments = new Map<string, Set<string>>();
  for (const doc of on.list) if (doc.status === "released") for (const form of doc.forms ?? []) usingDepartments.set(form, (usingDepartments.get(form) ?? new Set()).add(doc.department));
  const uses = (form: ControlledDocument, code: string) =>
    form.department === code || usingDepartments.get(form.id)?.has(code) === true || copiesInUse(form, today).some((c) => c.to === code) || electronicInUse(form, today).some((e) => e.to.includes(code));
  const kept = (form: ControlledDocument) => department === undefined || uses(form, department);
  const withdrawn = allWithdrawn.filter(kept);
  const forms = [...live.filter(kept), ...withdrawn];
  const registerFormId = ctx.repo.config?.value.registers?.forms?.forms;
  const registerForm = registerFormId ? (on.byId.get(registerFormId) ?? ctx.index.documents.get(registerFormId)?.value) : undefined;
  const wholeName = registerForm ? documentTitle(ctx, registerForm) : t(ctx, "register.forms.whole");
  const filtered = department === undefined ? undefined : filterNotesOf(ctx, [t(ctx, "register.filter.used-by", { department: departmentName(ctx, department) })], "forms", "csr list forms", [department], wholeName);
  const owners = new Map<string, Set<string>>();
  for (const doc of on.list) if (doc.status === "released") for (const form of doc.forms ?? []) owners.set(form, (owners.get(form) ?? new Set()).add(doc.id));
  // A withdrawn form no current document lists any more: the documents that used it last, as recorded (obsolete.used_by), with
  // the version that did, so that its records kept still name the procedure that governed them (tester55 C12).
  for (const form of allWithdrawn) {
    const used = form.obsolete?.used_by ?? [];
    if (!owners.has(form.id) && used.length > 0) owners.set(form.id, new Set(used.map((u) => u.document + (u.version ? ` ${u.version}` : ""))));
  }
  // The owners' records count too: a procedure released after the day does not own a form on it.
  const considered = ownDocuments(ctx).filter((d) => d.kind === "form" || (d.forms ?? []).length > 0 || (on.byId.get(d.id)?.forms ?? []).length > 0);
  const departments = ctx.repo.config?.value.departments ?? [];
  const keeping = forms.map((form) => recordKeepingText(ctx.lang, form, departments, ctx.repo.config?.value.language));
  const customers = forms.map((form) => customerRetentionText(ctx.lang, form, ctx.repo.config?.value.language));
  const customerColumn = customers.some((c) => c.length > 0);
  const untranslated = forms.filter((_, i) => keeping[i]!.untranslated || customers[i]!.some((c) => c.untranslated)).map((form) => form.id);
  // A revision released to take effect later (csr release --effective) is named in 备注, A/1 待实施（… 实施）, beside the
  // version before it, as the procedure list does: until then the shop floor fills that one in (tester54a A6, breaker62 P8).
  const pending = live.filter((form) => kept(form) && releasedPendingUntil(form, today) !== undefined).length;
  const notes = [
    ...(filtered ? [filtered.note] : []),
    ...(pending > 0 ? [t(ctx, "register.forms.note-pending", { count: pending })] : []),
    ...(withdrawn.length > 0 ? [t(ctx, "register.forms.withdrawn.note", { count: withdrawn.length, ids: shortList(withdrawn.map((form) => form.id), ctx.lang, 5) })] : []),
    ...unreleasedNotes(ctx, unreleased),
    ...documentAsOfNotes(ctx, today, considered),
    // How records are kept carries no date (csr set --retention changes it without a revision): a register of a past day
    // reads it from the files as committed that day (ctx.committed); without them (no git, no commit by then) it prints
    // it as registered now, and says so (tester54a A7).
    ...(today < localToday() && ctx.committed === undefined && forms.some((form) => form.record !== undefined) ? [t(ctx, "register.forms.as-of-keeping", { date: today })] : []),
  ];
  const hints = [
    ...unreleasedHints(ctx, unreleased),
    ...(untranslated.length > 0 ? [t(ctx, "register.forms.untranslated", { count: untranslated.length, ids: shortList(untranslated, ctx.lang, 5) })] : []),
  ];
  return {
    id: "forms",
    // Printed on the record list's own form (qms.yaml registers.forms), the register is that form: its title (tester55 C11).
    title: filtered
      ? t(ctx, "register.forms.title-filtered", { title: wholeName, filter: filtered.title, count: forms.length })
      : registerForm
        ? t(ctx, "register.forms.title-on-form", { title: documentTitle(ctx, registerForm), count: forms.length })
        : t(ctx, "register.forms.title", { count: forms.length }),
    ...(filtered ? { filtered: filtered.filtered } : {}),
    ...(notes.length > 0 ? { notes } : {}),
    ...(hints.length > 0 ? { hints } : {}),
    sheet: t(ctx, "register.forms.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.forms.column.no"), kind: "number" },
      { key: "number", header: t(ctx, "register.forms.column.number"), kind: "id" },
      { key: "title", header: t(ctx, "register.forms.column.title") },
      { key: "version", header: t(ctx, "register.forms.column.version"), kind: "code" },
      { key: "issued", header: t(ctx, "register.forms.column.issued"), date: true },
      { key: "procedure", header: t(ctx, "register.forms.column.procedure"), kind: "id" },
      { key: "department", header: t(ctx, "register.forms.column.department"), kind: "name" },
      { key: "retention", header: t(ctx, "register.forms.column.retention") },
      // 顾客特殊期限, where any form has one: a customer's longer period (IATF 16949 7.5.3.2.1), each named by its customer.
      ...(customerColumn ? [{ key: "customerRetention", header: t(ctx, "register.forms.column.customer-retention") }] : []),
      { key: "medium", header: t(ctx, "register.forms.column.medium"), kind: "code" },
      { key: "location", header: t(ctx, "register.forms.column.location") },
      { key: "remarks", header: t(ctx, "register.forms.column.remarks"), remarks: true },
    ],
    rows: forms.map((form, i) => {
      const medium = form.record?.medium;
      // The version records are filled in on today: the one in force while a later one is 待实施, which 备注 names (breaker62 P8).
      const listed = revisionListed(ctx, form, today);
      return {
        no: i + 1,
        number: form.id,
        title: documentTitle(ctx, form),
        version: listed.version,
        issued: listed.issued,
        procedure: [...(owners.get(form.id) ?? [])].sort(compareIds).join(t(ctx, "register.list-separator")),
        department: departmentName(ctx, form.department),
        retention: keeping[i]!.retention,
        ...(customerColumn ? { customerRetention: customers[i]!.map((c) => t(ctx, "register.forms.customer-retention", { customer: customerName(ctx, c.customer), period: c.period })).join(t(ctx, "register.forms.customer-retention-separator")) } : {}),
        medium: medium ? t(ctx, `register.forms.medium.${medium}`) : "",
        location: keeping[i]!.location,
        remarks: form.status === "obsolete" ? withdrawalRemark(ctx, form) : pendingRemark(ctx, listed, pendingStatus(ctx, form, today)),
      };
    }),
  };
}


/** 已作废（2025-05-12），由 QR-007-02 替代: as `csr import` reads a withdrawn form back from 备注 (its date, its successor). */
function withdrawalRemark(ctx: RegisterContext, form: ControlledDocument): string {
  const date = form.obsolete?.date;
  const successor = form.obsolete?.superseded_by;
  return t(ctx, date ? "register.forms.remarks.withdrawn" : "register.forms.remarks.withdrawn-undated", { date: date ?? "" }) + (successor ? t(ctx, "register.forms.remarks.superseded-by", { id: successor }) : "");
}
