/**
 * The external document list (外来文件清单): documents the organisation controls but did not
 * write. Two kinds are kept: the customers' own documents (CSR sources: supplier manuals,
 * specifications), one row per revision received so that a superseded revision stays on record
 * (IATF 16949 7.5.3.2.2 asks when each revision was received and reviewed); and external
 * standards kept as controlled documents of kind `external` (GB/T, GJB, ISO ...), one row per
 * edition, those replaced under the same number (`external.previous`) included.
 */
import type { MessageKey } from "../../i18n/index.js";
import { releaseRecordedAfter } from "../../model/as-of.js";
import { classificationName, documentClassification } from "../../model/classification.js";
import { editionInForceFrom, externalCategory, externalPendingUntil } from "../../model/external.js";
import { revisionImplementedOn } from "../../model/customer-schedule.js";
import { heldExternalEdition, heldSourceEdition, latestConfirmation, nextCheckDue, sourceHolders, sourcesWithoutKeeper, type HeldEdition } from "../../model/external-check.js";
import type { ControlledDocument, CurrencyConfirmation, Customer, SourceDocument, ExternalEdition, SourceRevision } from "../../model/types.js";
import type { Table } from "../table.js";
import { asOfNotes, compareIds, customerName, departmentName, documentsOn, documentTitle, documentVersion, personName, t, type RegisterContext } from "./context.js";

/**
 * `today` decides which standards are in force: one received ahead of its 实施日期 is listed as 待实施
 * with that date (model/external.ts). It is the day the list is true on: a revision or standard
 * received later is left out, and one withdrawn later is listed as it was (documentsOn).
 */
export function externalList(ctx: RegisterContext, options: { today: string; dueBy?: string }): Table {
  const { today, dueBy } = options;
  // 下次核对 of each edition held, once qms.yaml sets the interval of the periodic check (doc/external-check-due, one computation: nextCheckDue).
  const months = ctx.repo.config?.value.document_control?.external_check_months;
  const nextOf = (held: HeldEdition | undefined): string | null => (months === undefined || held?.since === undefined ? null : nextCheckDue(held.since, months));
  const customers = ctx.repo.customers.map((c) => c.value).sort((a, b) => compareIds(a.code, b.code));
  let recordedAfter = false;
  const sourceRows = customers.flatMap((customer) =>
    (customer.sources ?? []).flatMap((source) => {
      const received = source.revisions.filter((r) => r.received <= today);
      if (received.length < source.revisions.length) recordedAfter = true;
      const latest = received.at(-1);
      const implementedOn = sourceImplementedOn(ctx, customer.code, source, today);
      return received.map((revision, i) => {
        const successor = sourceSuccessor(received, i);
        // The mark is undated: it holds on a day only when no revision came after (one received later superseded it later).
        const superseded = revision !== latest || (revision.status === "superseded" && received.length === source.revisions.length);
        // A customer's revision is met in production from its 实施日期 (`effective`), as a standard is (replacedStatus):
        // until then it is 待实施 and the one before stays 现行 until that day (tester54a A11).
        const status = sourceRevisionStatus(received, i, today, implementedOn);
        return {
          kind: t(ctx, "register.external.customer-document"),
          number: source.id,
          title: ctx.lang === "en" ? (source.title_en ?? source.title) : source.title,
          classification: source.classification ?? "",
          issuer: customerName(ctx, customer.code),
          revision: revision.revision,
          issued: revision.issued ?? null,
          effective: revision.effective ?? null,
          received: revision.received,
          status: status
            ? t(ctx, `register.external.${status.key}`, status)
            : superseded
              ? successor
                ? t(ctx, "register.external.superseded-by", { successor })
                : t(ctx, "register.external.superseded")
              : t(ctx, "register.external.current"),
          keeper: sourceKeeper(ctx, source, revision.revision, today),
          // What the revision changed (变更内容, csr source add/update --summary: tester77 E11), in 备注 rather than a column of its own
          // on a list already twelve columns wide; and a revision reviewed and found to hold no requirement for the supplier
          // (csr source update --without-requirements), as the site's customer page says it (note37).
          remarks: [
            ...(revision.summary !== undefined ? [t(ctx, "register.external.summary", { summary: ctx.lang === "en" ? (revision.summary_en ?? revision.summary) : revision.summary })] : []),
            ...(revision.no_requirements && revision.no_requirements.date <= today ? [t(ctx, "register.external.no-requirements", { person: personName(ctx, revision.no_requirements.by), date: revision.no_requirements.date })] : []),
          ].join(t(ctx, "register.remarks-separator")),
          // The latest check that this revision is the customer's current one (csr source confirm, 外来文件有效性确认).
          confirmed: confirmedText(ctx, latestConfirmation(source.confirmations?.filter((c) => c.revision === revision.revision), today)?.confirmation),
          inForce: status ? status.key !== "pending" : !superseded,
          pending: status?.key === "pending",
          next: revision === latest ? nextOf(heldSourceEdition(source, today)) : null,
        };
      });
    }),
  );
  const standards = documentsOn(ctx, today)
    .list.filter((d) => d.kind === "external")
    .sort((a, b) => compareIds(a.id, b.id));
  if (ctx.repo.documents.some(({ value }) => value.kind === "external" && releaseRecordedAfter(value, today))) recordedAfter = true;
  const standardRows = standards.flatMap((doc) => {
    const editions = [...(doc.external?.previous ?? []), { ...doc.external, revision: doc.external?.revision ?? documentVersion(doc) }];
    return editions.map((edition, i) => {
      const status = i < editions.length - 1 ? replacedStatus(doc, editions, i, today) : undefined;
      return {
        kind: t(ctx, `register.external.category.${externalCategory(doc.id)}`),
        number: doc.id,
        title: documentTitle(ctx, doc),
        classification: documentClassification(ctx.repo, doc),
        issuer: doc.external?.publisher ?? "",
        revision: edition.revision,
        issued: edition.issued ?? null,
        effective: edition.effective ?? null,
        received: edition.received ?? null,
        status: status === undefined ? externalStatus(ctx, doc, today) : t(ctx, `register.external.${status.key}`, status),
        keeper: departmentName(ctx, doc.department),
        remarks: "",
        confirmed: i === editions.length - 1 ? confirmedText(ctx, latestConfirmation(doc.external?.confirmations?.filter((c) => c.revision === edition.revision), today)?.confirmation) : "",
        inForce: status === undefined ? doc.status === "released" && externalPendingUntil(doc, today) === undefined : status.key === "current-until",
        next: i === editions.length - 1 ? nextOf(heldExternalEdition(doc, today)) : null,
      };
    });
  });
  const current = sourceRows.filter((r) => r.inForce).length + standardRows.filter((r) => r.inForce).length;
  // A document nobody is recorded as keeping reads to an auditor as an uncontrolled one (IATF 16949 7.5.3.2): named under the list,
  // with the command that records its keeper for the one who runs it (aud68 A13).
  const keeping = customers.flatMap((customer) => (customer.sources ?? []).flatMap((source) => source.revisions.filter((r) => r.received <= today).map((r) => ({ source, kept: source.department ? "recorded" : sourceHolders(source, today, r.revision).length > 0 ? "holders" : "none" }))));
  // The sources kept by nobody are those of the editions held on the day, as csr/source-keeper-missing and the dashboard count them.
  const unkept = sourcesWithoutKeeper(customers, today).map((k) => k.source.id);
  // A GJB 外来文件清单 marks a classified 订货合同, 技术协议 or standard with its 密级; a list without one keeps its columns.
  const classified = [...sourceRows, ...standardRows].some((row) => row.classification !== "");
  // 备注, where a row has one: a list without any keeps its columns.
  const remarked = sourceRows.some((row) => row.remarks !== "");
  // 最近核对, once any edition has been confirmed current: a list without any keeps its columns.
  const confirmed = [...sourceRows, ...standardRows].some((row) => row.confirmed !== "");
  // --due-by: the check plan, the editions held whose next check falls due by that day (those overdue included; tester71 Q5).
  const planned = <R extends { next: string | null }>(list: R[]) => (dueBy === undefined ? list : list.filter((r) => r.next !== null && r.next <= dueBy));
  const withNext = months !== undefined;
  const rows = [...planned(sourceRows).map(({ inForce: _, pending: __, ...row }) => row), ...planned(standardRows).map(({ inForce: _, ...row }) => row)].map(({ classification, remarks, confirmed: last, next, ...row }, i) => ({
    no: i + 1,
    ...row,
    ...(withNext ? { next } : {}),
    ...(classified ? { classification: classificationName(ctx.lang, classification) } : {}),
    ...(confirmed ? { confirmed: last } : {}),
    ...(remarked ? { remarks } : {}),
  }));
  const pending = sourceRows.filter((r) => r.pending).length + standards.filter((doc) => externalPendingUntil(doc, today) !== undefined).length;
  return {
    id: "external",
    title: dueBy === undefined ? t(ctx, "register.external.title", { count: rows.length }) : t(ctx, "register.external.title-due", { count: rows.length, dueBy }),
    sheet: t(ctx, "register.external.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.external.column.no"), kind: "number" },
      { key: "kind", header: t(ctx, "register.external.column.kind"), kind: "code" },
      { key: "number", header: t(ctx, "register.external.column.number"), kind: "id" },
      { key: "title", header: t(ctx, "register.external.column.title") },
      ...(classified ? [{ key: "classification", header: t(ctx, "register.external.column.classification"), kind: "code" as const }] : []),
      { key: "issuer", header: t(ctx, "register.external.column.issuer") },
      { key: "revision", header: t(ctx, "register.external.column.revision"), kind: "code" },
      { key: "issued", header: t(ctx, "register.external.column.issued"), date: true },
      { key: "effective", header: t(ctx, "register.external.column.effective"), date: true },
      { key: "received", header: t(ctx, "register.external.column.received"), date: true },
      { key: "status", header: t(ctx, "register.external.column.status"), kind: "code" },
      { key: "keeper", header: t(ctx, "register.external.column.keeper"), kind: "name" },
      ...(confirmed ? [{ key: "confirmed", header: t(ctx, "register.external.column.confirmed") }] : []),
      ...(withNext ? [{ key: "next", header: t(ctx, "register.external.column.next"), date: true }] : []),
      ...(remarked ? [{ key: "remarks", header: t(ctx, "register.external.column.remarks"), remarks: true }] : []),
    ],
    rows,
    notes: [
      dueBy === undefined ? t(ctx, "register.external.note", { current }) : t(ctx, "register.external.note-due", { dueBy, months: months!, today }),
      ...(withNext && dueBy === undefined ? [t(ctx, "register.external.note-next", { months: months!, today })] : []),
      ...(pending > 0 ? [t(ctx, "register.external.note-pending", { count: pending })] : []),
      ...(unkept.length > 0 ? [t(ctx, "register.external.note-unkept", { count: unkept.length, ids: unkept.join(t(ctx, "register.list-separator")) })] : []),
      ...(keeping.some((k) => k.kept === "holders") ? [t(ctx, "register.external.note-holders")] : []),
      ...asOfNotes(ctx, today, recordedAfter),
    ],
    ...(unkept.length > 0 ? { hints: [unkeptHint(ctx, customers, unkept[0]!)] } : {}),
  };
}

/**
 * The command that records a keeper, for the one who runs the list. Its example names a department of this repository: the
 * one that keeps most of the customers' other documents, else the one whose procedure controls documents (clause 7.5.3,
 * external documents among them), else the first of qms.yaml.
 */
function unkeptHint(ctx: RegisterContext, customers: readonly Customer[], id: string): string {
  const kept = customers.flatMap((c) => (c.sources ?? []).flatMap((source) => source.department ?? []));
  const most = [...new Set(kept)].sort((a, b) => kept.filter((d) => d === b).length - kept.filter((d) => d === a).length)[0];
  const control = ctx.repo.documents
    .map((d) => d.value)
    .filter((d) => d.kind === "procedure" && (d.clauses ?? []).some((c) => /:7\.5\.3(\.|$)/.test(c)))
    .sort((a, b) => compareIds(a.id, b.id))[0]?.department;
  const department = most ?? control ?? ctx.repo.config?.value.departments?.[0]?.code;
  return department === undefined ? t(ctx, "register.external.note-unkept.hint-plain") : t(ctx, "register.external.note-unkept.hint", { id, department });
}

/**
 * The 保管部门 of a customer's revision: the department recorded as keeping the source document (`department`, csr source
 * add/update --department); without one, the departments that hold a controlled copy of that revision on the day, said so;
 * without either, 未登记, which the note under the list names: a blank read as a document nobody controls (aud68 A13).
 */
function sourceKeeper(ctx: RegisterContext, source: SourceDocument, revision: string, today: string): string {
  if (source.department) return departmentName(ctx, source.department);
  const holding = sourceHolders(source, today, revision);
  if (holding.length > 0) return t(ctx, "register.external.keeper-holders", { departments: holding.map((code) => departmentName(ctx, code)).join(t(ctx, "register.list-separator")) });
  return t(ctx, "register.external.keeper-unrecorded");
}

/** A check that an edition is current as the list prints it: `2026-12-03 陈静（东岳供应商门户）`; "" for none. */
/**
 * A card's 最近核对 line in `rc.lang`: the latest check that the edition held is current (csr source confirm),
 * or that none is recorded (`never`: by default a line naming the command that records one), and the day the
 * next one is due (`nextDue`, nextCheckDue) when qms.yaml sets an interval. csr show prints it on the card of a
 * customer's source document and of an external standard; csr site on a customer's page under each source
 * document and on an external standard's page, with its own `never`. Given `today`, a due day before it is marked 已逾期.
 */
export function confirmationText(rc: RegisterContext, held: HeldEdition | undefined, nextDue: string | undefined, never: MessageKey = "show.source-card.never-confirmed", today?: string): string {
  const last = held?.confirmed
    ? t(rc, held.confirmed.via ? "show.source-card.confirmed-via" : "show.source-card.confirmed-by", { date: held.confirmed.date, person: personName(rc, held.confirmed.by), revision: held.confirmed.revision, via: held.confirmed.via ?? "" })
    : t(rc, never);
  // A due day before `today` is overdue, as rule doc/external-check-due reports it: said so, not read as a plan (breaker61 M5).
  return last + (nextDue ? t(rc, today !== undefined && nextDue < today ? "show.source-card.next-overdue" : "show.source-card.next", { due: nextDue }) : "");
}

function confirmedText(ctx: RegisterContext, confirmation: CurrencyConfirmation | undefined): string {
  if (!confirmation) return "";
  const data = { date: confirmation.date, person: personName(ctx, confirmation.by), via: confirmation.via ?? "" };
  return t(ctx, confirmation.via ? "register.external.confirmed-via" : "register.external.confirmed", data);
}

/** An external document's status as the external document list shows it: 现行, 待实施（<date> 实施）, 已作废 …; `csr site` shows it on the document's page. */
export function externalStatus(ctx: RegisterContext, doc: ControlledDocument, today: string): string {
  if (doc.status === "obsolete") return doc.obsolete?.superseded_by ? t(ctx, "register.external.withdrawn-superseded-by", { successor: doc.obsolete.superseded_by }) : t(ctx, "register.external.withdrawn");
  if (doc.status !== "released") return t(ctx, "register.external.not-released");
  const pending = externalPendingUntil(doc, today);
  return pending ? t(ctx, "register.external.pending", { date: pending }) : t(ctx, "register.external.current");
}

/**
 * The revision that replaced a customer's revision `revisions[i]` (in order of receipt): the one recorded as superseding it,
 * else the next (one added with --earlier records none); undefined when none follows. The 外来文件清单 and the site's
 * customer page name it (已被 C 版替代).
 */
export function sourceSuccessor(revisions: readonly SourceRevision[], i: number): string | undefined {
  return revisions.find((r) => r.supersedes === revisions[i]!.revision)?.revision ?? revisions[i + 1]?.revision;
}

/**
 * The status of a customer's revision `received[i]` (those received by `today`, in order) where its
 * 实施日期 makes it other than 现行 or 已被替代: 待实施 before its own 实施日期; 现行 until the day the
 * next one is in force (editionInForceFrom) when every later one takes effect after `today`. Undefined
 * otherwise: the plain 现行 / 已被替代 mark. The customer's page of `csr site` marks its revisions so too.
 */
export function sourceRevisionStatus(
  received: readonly SourceRevision[],
  i: number,
  today: string,
  implementedOn: (revision: SourceRevision) => string | undefined = () => undefined,
): { key: "current-until" | "pending" | "current-early"; date: string; successor?: string; effective?: string } | undefined {
  const revision = received[i]!;
  const from = editionInForceFrom(revision);
  // Put into production before the customer's 实施日期 (revisionImplementedOn: tester77 E11), it is the one in use, and the one before it is replaced.
  const early = (r: SourceRevision) => {
    const ours = implementedOn(r);
    return ours === undefined || ours > today ? undefined : ours < r.received ? r.received : ours;
  };
  if (from !== undefined && from > today) {
    const ours = early(revision);
    return ours === undefined ? { key: "pending", date: from } : { key: "current-early", date: ours, effective: from };
  }
  const after = received.slice(i + 1);
  const later = after.map((r) => editionInForceFrom(r));
  if (later.length > 0 && later.every((day) => day !== undefined && day > today) && after.every((r) => early(r) === undefined)) {
    return { key: "current-until", date: later[0]!, successor: received[i + 1]!.revision };
  }
  return undefined;
}

/**
 * For sourceRevisionStatus: the day each revision of `source` of `customer` was put into production by `today`
 * (revisionImplementedOn), from the repository's CSRs and its documents as on that day.
 */
export function sourceImplementedOn(ctx: RegisterContext, customer: string, source: SourceDocument, today: string): (revision: SourceRevision) => string | undefined {
  const csrs = ctx.repo.csrs.map((c) => c.value);
  const documents = documentsOn(ctx, today).byId;
  return (revision) => revisionImplementedOn(csrs, customer, source.id, revision.revision, (id) => documents.get(id), today);
}

/**
 * The status of `editions[i]`, which a later edition replaced under the same number: still in force
 * until the next one is (现行 until its 实施日期: both stand on the list during the transition), unless a
 * later one is in force already or the document is withdrawn; else replaced by the next one.
 */
function replacedStatus(doc: ControlledDocument, editions: readonly Partial<ExternalEdition>[], i: number, today: string): { key: "current-until" | "superseded-by" | "pending"; date?: string; successor?: string } {
  const edition = editions[i]!;
  const successor = editions[i + 1]!;
  const later = editions.slice(i + 1).map((e) => editionInForceFrom(e));
  if (doc.status === "released" && later.every((from) => from !== undefined && from > today)) {
    return edition.effective !== undefined && edition.effective > today ? { key: "pending", date: edition.effective } : { key: "current-until", date: later[0]!, successor: successor.revision! };
  }
  return { key: "superseded-by", successor: successor.revision! };
}
