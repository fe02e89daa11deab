/**
 * `csr show <document>`: a controlled document's card — what the 受控文件清单 and the other registers
 * say of it on a day, in one place: status and version in force, who signed it, clauses, processes,
 * related documents and forms, the CSRs addressed in it, who refers to it, its controlled copies, its
 * periodic review and its revision record. The details live in `csr history`, `csr list distribution
 * --document` and `csr render`, which the card names.
 */
import { customerNoticesText } from "../../model/customer-notices.js";
import { displayWidth, localized, padEnd, shellArgument, visible } from "../../core/text.js";
import { language, t, type MessageKey } from "../../i18n/index.js";
import type { Located, Repository } from "../../load/repository.js";
import { addressing } from "../../model/csr-status.js";
import { documentReferrers } from "../../model/referrers.js";
import { deviatedNumber, withdrawnTemporaryText } from "../../model/deviations.js";
import { classificationName, documentClassification } from "../../model/classification.js";
import { copiesDue, copiesInUse, copyEdition, copyRecallDue, electronicInUse } from "../../model/distribution.js";
import { electronicLabel, processCodeLabel, processLabel } from "../../model/labels.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { countersignRequired, countersignStates } from "../../model/countersign.js";
import { currentRevision, issuedOn, revisionInForce, type RepoIndex } from "../../model/index.js";
import { documentTrainingRecord, documentTrainingText } from "../../model/document-training.js";
import { documentCompletion } from "../../model/training-completion.js";
import { refresherTextIn } from "../../model/retraining.js";
import { sessionResultPartsIn, sessionResultsIn, sessionTraineesIn } from "../../model/training.js";
import { trainingSessionVersions } from "../../load/training-records.js";
import { nextPeriodicReview, pendingReviewConclusion } from "../../model/periodic-review.js";
import { batchRetention, customerRetentionText, recordKeepingText } from "../../model/record-keeping.js";
import { heldExternalEdition, nextCheckDue } from "../../model/external-check.js";
import { confirmationText } from "../../report/registers/external.js";
import { undatedRemark } from "../../report/registers/disposals.js";
import { releasedPendingUntil, revisionBasis, revisionDate, revisionSignatures, revisionSummary } from "../../model/revision.js";
import { controlledSince, copyRecordedAfter, recordedDocument, releaseRecordedAfter, reviewRecordedAfter, trainingRecordedAfter } from "../../model/as-of.js";
import { changedSinceRelease, registerContextOn } from "../shared/registers.js";
import { releaseTag } from "../../model/paths.js";
import { addressedSectionLabel } from "../../model/sections.js";
import type { ControlledDocument, Csr, Revision } from "../../model/types.js";
import { withdrawalApproval } from "../../model/withdrawal.js";
import { qualifiedAt } from "../../model/skills.js";
import { clauseList, compareIds, csrsOnById, customerName, departmentName, deviationsOn, documentsOn, pastDeviations, withDeviatedVersion, documentStatus, documentTitle, effectiveDate, peopleOf, personName, revisingOn, versionInForce, type RegisterContext } from "../../report/registers/context.js";
import { copyText } from "../../report/registers/revision-state.js";
import { documentChanges, type DocumentChange, type ThreadRevision } from "../../model/engineering-change.js";
import { documentTrace, traceContext, type RowTrace } from "../../model/characteristic-trace.js";
import { ourSymbols, type CharacteristicRow } from "../../model/characteristics.js";
import type { CommandContext } from "../context.js";
import { specialCharacteristicLine } from "../shared/special.js";

/** Labels are padded to at least this many terminal columns (a Chinese character takes two), as for a CSR. */
const LABEL_WIDTH = 16;

/** How many of a form's record batches its card lists, the latest first; the rest are counted. */
const BATCHES_SHOWN = 5;

/**
 * Prints the card of `located` as on `today` (YYYY-MM-DD): text, or with `json` the document as its
 * file has it with what is derived from it (status, version in force, CSRs addressed in it, referrers,
 * copies in use and due back, next periodic review). Returns the exit code (0).
 */
export async function showDocument(ctx: CommandContext, repo: Repository, index: RepoIndex, located: Located<ControlledDocument>, today: string, json: boolean): Promise<number> {
  const { file } = located;
  // The card of a day is the registers' document of that day (documentsOn: what was released, withdrawn, handed out,
  // taken back, trained and reviewed by then, with the content of the version then issued, read from git), not
  // today's with a past date (tester63 N5). Being revised (修订中), the file holds the draft of the next version: the
  // card is of the version in force, its content as released (its release tag), as the registers, the site and csr
  // render show it (tester56 D9).
  const day = await cardDay(repo, index, located, today);
  if (day.doc === undefined) return notYetControlled(ctx, day.rc, located, today, json);
  const { rc, doc, unread } = day;
  const revising = revisingOn(doc, today) !== undefined ? draftChanges(day.draft, doc, unread) : undefined;
  // As the document's page of csr site finds them; a CSR superseded by a new customer revision no longer counts here.
  const referrers = day.referrers.get(doc.id) ?? { documents: [], deviations: [], processes: [], csrs: [] };
  const csrs = referrers.csrs.flatMap(({ id, place }) => {
    const csr = day.csrs.get(id);
    return csr && !csr.superseded ? [{ csr, place, standing: addressing(place, doc, today, csr) }] : [];
  });
  const documents = [...new Set(referrers.documents)].filter((id) => id !== doc.id).flatMap((id) => rc.index.documents.get(id)?.value ?? []);
  const processes = [...new Set(referrers.processes)].flatMap((code) => index.processes.get(code)?.value ?? []);
  // A deviation names the document it deviates from; the document itself is not changed by it (IATF 16949 8.5.6.1.1, tester61 L12).
  const deviations = deviationsOn(rc, referrers.deviations, today, doc.id);
  const inUse = copiesInUse(doc, today);
  const due = copiesDue(doc, today);
  const electronic = electronicInUse(doc, today);
  const review = nextPeriodicReview(doc);
  const current = currentRevision(doc);
  const countersign = countersignCard(repo, index, doc, current, today);
  // Said under the card when something of it was recorded after the day, as under a register of that day (register.as-of.note).
  const asOf = recordedAfter(repo, located.value, today);
  // Its file changed since its version was released, with no new revision recorded: as its page of csr site says (look65 #9).
  // Its own release tag alone is read, not every document's.
  const unreleased = current && (await changedSinceRelease({ ...repo, documents: [located] }, today)).has(doc.id) ? { version: current.version, tag: releaseTag(doc.id, current.version) } : undefined;
  // The engineering changes its revisions carry, each with every revision carrying it (the PFMEA, control plan, work
  // instruction and deviation of one drawing change), so that the thread is read from any of them (tester77 E8).
  const changes = documentChanges([...rc.index.documents.values()].map((d) => d.value), doc);
  // A PFMEA's or control plan's special characteristics, each with where it is carried (IATF 16949 8.3.3.3; tester77 E3).
  const traced = doc.role === "pfmea" || doc.role === "control-plan" ? characteristicsOf(repo, rc, doc) : undefined;
  if (json) {
    const derived = {
      status: documentStatus(rc, doc, today),
      versionInForce: versionInForce(rc, doc, today) || null,
      csrs: csrs.map(({ csr, place, standing }) => ({ id: csr.id, ...(place.section !== undefined ? { section: place.section } : {}), counts: standing.counts })),
      referrers: { documents: documents.map((d) => d.id), deviations: deviations.map((d) => d.doc.id), processes: processes.map((p) => p.code) },
      copies: { inUse: inUse.map((c) => c.copy), due: due.map((c) => c.copy), ...(electronic.length > 0 ? { electronic } : {}) },
      periodicReviewDue: review?.due ?? null,
      ...(countersign.length > 0 ? { countersign: countersign.map(({ text: _, ...line }) => line) } : {}),
      ...(revising ? { revising: { ...doc.revising!, contentInForce: revising.inForce !== undefined, related: revising.related, forms: revising.forms } } : {}),
      ...(unreleased ? { unreleasedChanges: unreleased } : {}),
      ...(changes.length > 0 ? { engineeringChanges: changes.map(({ number, thread }) => ({ ...number, revisions: thread.map((r) => ({ document: r.document.id, version: r.revision.version })) })) } : {}),
      ...(traced ? { specialCharacteristics: traced.map(({ row: { path: _, ...row }, trace }) => ({ ...row, trace })) } : {}),
    };
    ctx.stdout(JSON.stringify({ file: file.path, ...(asOf ? { asOf: { date: today, contentUnread: unread } } : {}), document: doc, ...derived }, null, 2) + "\n");
    return 0;
  }

  const fields: [label: string, values: string[]][] = [];
  const field = (label: MessageKey, ...values: string[]) => fields.push([t(label), values]);
  const sep = t("common.list-separator");
  const named = (id: string) => {
    const other = index.documents.get(id)?.value;
    return other ? `${id} ${documentTitle(rc, other)}` : `${id} ${t("show.unknown-document")}`;
  };

  field("show.label.file", file.path);
  field("show.document.kind", t(`value.kind.${doc.kind}`) + (doc.level !== undefined ? t("show.document.level", { level: doc.level }) : ""));
  field("show.document.status", documentStatus(rc, doc, today));
  if (revising) field("show.document.revising", revisingText(rc, doc, revising));
  if (unreleased) field("show.document.unreleased-changes", t("show.document.unreleased-changes.text", { id: shellArgument(doc.id), path: file.path, pathArg: shellArgument(file.path), ...unreleased, tagArg: shellArgument(unreleased.tag) }));
  if (current) {
    // A version 待实施 carries its 实施日期 already (A/0；A/1 待实施（2026-12-10 实施）).
    // A version imported without a date: its date is on the paper record.
    const effective = releasedPendingUntil(doc, today) === undefined && (doc.effective ?? current.date) !== undefined ? effectiveDate(rc, doc) : null;
    const undated = current.date === undefined && doc.effective === undefined ? t("show.document.date-unknown", { text: revisionDate(current, rc.lang) }) : "";
    // Withdrawn before the day it was to take effect, it never was in force (breaker62 P7).
    const withdrawn = doc.status === "obsolete" ? doc.obsolete?.date : undefined;
    const neverInForce = withdrawn !== undefined && doc.effective !== undefined && doc.effective > withdrawn;
    const when = neverInForce ? t("show.document.never-in-force", { date: withdrawn, effective: doc.effective ?? "" }) : effective ? t("show.document.effective", { date: effective }) : undated;
    field(doc.status === "obsolete" ? "show.document.last-version" : "show.document.version", versionInForce(rc, doc, today) + when);
    // One entry per role, as the revision record prints it: 会签 何军、唐磊 2024-05-30.
    const signedText = (revision: typeof current) => {
      const signatures = revisionSignatures(revision);
      return [...new Set(signatures.map((s) => s.role))].map((role) => {
        const of = signatures.filter((s) => s.role === role).map((s) => s.signature);
        const dates = [...new Set(of.map((s) => s.date).filter(Boolean))];
        return `${t(`sign.role.${role}`)} ${of.map((s) => personName(rc, s.by)).join(sep)}${dates.length > 0 ? ` ${dates.join(sep)}` : ""}`;
      });
    };
    const signed = signedText(current);
    // In the 待实施 period the version in force's signatures come first, each labelled (breaker61 M9).
    const inForce = releasedPendingUntil(doc, today) === undefined ? undefined : revisionInForce(doc, today);
    const inForceSigned = inForce === undefined || inForce === current ? [] : signedText(inForce);
    if (inForceSigned.length > 0) {
      field("show.document.signatures", t("show.document.signatures.in-force", { version: inForce!.version }) + t("show.colon", { text: inForceSigned.join(" / ") }), ...(signed.length > 0 ? [t("show.document.signatures.pending", { version: current.version }) + t("show.colon", { text: signed.join(" / ") })] : []));
    } else if (signed.length > 0) field("show.document.signatures", current.version + t("show.colon", { text: signed.join(" / ") }));
  }
  if (countersign.length > 0) field("show.document.countersign", ...countersign.map((line) => line.text));
  if (doc.department) field("show.document.department", departmentName(rc, doc.department));
  // How the form's filled records are kept, as the form register prints it (a withdrawn form's records too: tester52 D9).
  if (doc.kind === "form" || doc.record) {
    const keeping = recordKeepingText(rc.lang, doc, repo.config?.value.departments ?? [], repo.config?.value.language);
    const medium = doc.record?.medium;
    field("show.document.retention", keeping.retention || t("show.document.retention.unset", { id: shellArgument(doc.id) }));
    if (medium) field("show.document.medium", t(`register.forms.medium.${medium}`));
    if (keeping.location) field("show.document.location", keeping.location);
    const customers = customerRetentionText(rc.lang, doc, repo.config?.value.language);
    if (customers.length > 0) field("show.document.customer-retention", ...customers.map((c) => t("register.forms.customer-retention", { customer: customerName(rc, c.customer), period: c.period })));
    // The batches of filled records registered on the form (csr record batch add), the latest first, each with its
    // retention as csr list disposals counts it (tester80 M12).
    const batches = [...(doc.record?.batches ?? [])].filter((b) => (b.from ?? b.to) <= today).sort((a, b) => (a.to < b.to ? 1 : a.to > b.to ? -1 : 0));
    if (batches.length > 0) {
      const shown = batches.slice(0, BATCHES_SHOWN).map((batch) => {
        const retention = batchRetention(doc, batch);
        const status =
          batch.disposal !== undefined && batch.disposal.date <= today
            ? t("show.document.batch.disposed", { date: batch.disposal.date })
            : retention.kind === "ends"
              ? t(retention.date <= today ? "show.document.batch.due" : "show.document.batch.ends", { date: retention.date })
              : retention.kind === "kept"
                ? t("show.document.batch.kept")
                : `${t("register.disposals.status.undated")}${t("show.parenthesis", { text: undatedRemark(rc, retention) })}`;
        const span = batch.from === undefined || batch.from === batch.to ? batch.to : t("show.document.batch.span", { from: batch.from, to: batch.to });
        return t("show.document.batch", { name: batch.name, span, status });
      });
      const earlier = batches.length - shown.length;
      field("show.document.batches", ...shown, ...(earlier > 0 ? [t("show.document.batches.earlier", { count: earlier })] : []));
    }
  }
  // The 密级 of a GJB unit's documents: printed on every copy.
  // One the layout of its level gives none is said to have none, not printed as a blank line (tester55 C3).
  // An external document's is its publisher's marking, which no layout gives (model/classification.ts layoutClassification).
  // An organisation whose layouts mark nothing (an IATF company's 会签 layout, tester56 D6) has no 密级 to speak of.
  if (doc.classification || repo.config?.value.document_layouts?.some((l) => l.classification !== undefined)) field("show.document.classification", classificationName(rc.lang, documentClassification(repo, doc)) || t(doc.kind === "external" ? "show.document.classification.none-external" : "show.document.classification.none"));
  if (doc.clauses?.length) field("show.label.clauses", clauseList(rc, doc.clauses));
  if (doc.processes?.length) field("show.document.processes", doc.processes.map((code) => processCodeLabel(rc.index.processes, code, rc.lang)).join(sep));
  // 关键工序 with the operators certified there today (GJB 9001C-2017 8.5.1 关键过程: 持证上岗; person/key-operation-uncertified).
  if (doc.key_operations?.length) {
    const people = repo.people.map((p) => p.value);
    field(
      "show.document.key-operations",
      ...doc.key_operations.map((op) => {
        const certified = qualifiedAt(people, op, today).map((p) => personName(rc, p.id));
        return certified.length > 0 ? t("show.document.key-operations.certified", { op, people: certified.join(sep) }) : t("show.document.key-operations.none", { op });
      }),
    );
  }
  if (doc.related?.length) field("show.document.related", ...doc.related.map(named));
  if (doc.forms?.length) field("show.document.forms", ...doc.forms.map(named));
  // With the version it deviates from, when recorded: WI-010-01 A/1 制动软管总成扣压作业指导书 (tester63 N7).
  if (doc.deviates_from?.length) field("show.document.deviates-from", ...doc.deviates_from.map((id) => named(id).replace(id, deviatedNumber(doc, id))));
  if (deviations.length > 0) field("show.document.deviations", ...deviations.map(({ doc: d, note }) => `${d.id} ${documentTitle(rc, d)}${note ? t("show.parenthesis", { text: note }) : ""}`));
  // A withdrawn temporary document keeps its period, and the document it deviated from its past deviations: evidence of a time-limited change and the return to the standard process (IATF 16949 8.5.6.1.1; tester63 N4).
  const ended = (d: ControlledDocument) => withdrawnTemporaryText(rc.lang, d) ?? "";
  if (doc.status === "obsolete" && doc.valid_until !== undefined) field("show.document.temporary", ended(doc));
  const past = pastDeviations(rc, referrers.deviations, today);
  if (past.length > 0) field("show.document.past-deviations", ...past.map((d) => `${d.id} ${documentTitle(rc, d)}${t("show.parenthesis", { text: withDeviatedVersion(rc, ended(d), d, doc.id) })}`));
  const threads = engineeringChangeLines(changes);
  if (threads.length > 0) field("show.document.engineering-change", ...threads);
  if (doc.role) field("show.document.role", t(`set.role.${doc.role}`));
  if (traced) field("show.document.special-characteristics", ...(traced.length > 0 ? traced.map(({ row, trace }) => characteristicLine(doc, row, trace)) : [t("show.document.special-characteristics.none")]));
  // A link that does not count on the day (withdrawn, 待实施) says why, as the CSR matrix does.
  field(
    "show.document.csrs",
    ...(csrs.length > 0
      ? csrs.map(({ csr, place, standing }) => {
          const where = place.section ? t("show.addressed.section", { section: addressedSectionLabel(day.draft, place.section, rc.lang) }) : "";
          const mark = standing.counts ? "" : standing.why === "pending" ? t("site.document.csr.pending", { version: standing.version, date: standing.date }) : standing.why === "withdrawn" ? t("register.csr.link.withdrawn") : standing.why === "revised" ? t("register.csr.link.revised", { revision: standing.revision, date: standing.date }) : standing.why === "draft" ? t("register.csr.link.draft", { version: standing.version, date: standing.date }) : t("show.document.csr.unreleased");
          return `${csr.id} ${localized(rc.lang, csr.title, csr.title_en)}${where}${mark ? t("show.parenthesis", { text: mark }) : ""}`;
        })
      : [t("show.document.none")]),
  );
  const referring = [...documents.sort((a, b) => compareIds(a.id, b.id)).map((d) => `${d.id} ${documentTitle(rc, d)}`), ...processes.map((p) => processLabel(p, rc.lang))];
  if (referring.length > 0) field("show.document.referrers", ...referring);
  // A withdrawn form keeps the procedure that governed its records, used it last, for as long as they are kept (tester55 C12).
  if (doc.obsolete?.used_by?.length) field("show.document.used-by", ...doc.obsolete.used_by.map((u) => (u.version ? named(u.document).replace(u.document, `${u.document} ${u.version}`) : named(u.document))));
  // Issued electronically (read-only on OA) as well as, or instead of, on paper: 电子版（OA，只读）生产部、品质部 2025-02-18 (tester55 C2).
  const electronicLines = electronic.map((e) => t("show.document.copies.electronic", { how: electronicLabel(e.system, rc.lang), departments: e.to.map((d) => departmentName(rc, d)).join(sep), date: e.date }));
  // An electronic issue replaced on the system or taken down with the document is still a line of its distribution record,
  // as the site's page and csr list distribution list it: the card counts it rather than saying none was issued (look65 #9).
  const takenDown = (doc.electronic_issue ?? []).length - electronic.length;
  if (takenDown > 0) electronicLines.push(t("show.document.copies.electronic-ended", { count: takenDown }));
  if (doc.distribution?.length || electronicLines.length > 0) {
    // Due back by the same 应回收日期 as the distribution register and doc/recall-overdue (tester19 F9).
    // The earliest, when copies of several old versions are out.
    const recallBy = due.flatMap((c) => copyRecallDue(doc, c, repositoryCalendar(repo.config?.value), repo.config?.value, repo.symbols.map((s) => s.value)) ?? []).sort()[0];
    const dueLine = recallBy && recallBy < today ? "show.document.copies.overdue" : "show.document.copies.due";
    field(
      "show.document.copies",
      ...(doc.distribution?.length ? [t("show.document.copies.in-use", { count: inUse.length }) + (inUse.length > 0 ? t("show.colon", { text: inUse.map((c) => copyText(rc, c)).join(sep) }) : "")] : []),
      ...electronicLines,
      ...(due.length > 0 ? [t(dueLine, { count: due.length, id: shellArgument(doc.id), date: recallBy ?? "" }) + t("show.colon", { text: due.map((c) => copyText(rc, c)).join(sep) })] : []),
      t("show.document.copies.details", { id: shellArgument(doc.id) }),
    );
  } else if (doc.status !== "draft") {
    // Not a bare 无: what the record lacks is the version to work to at the points of use (IATF 16949 7.5.3.2.1; tester65 N7). A withdrawn document needs none.
    const edition = doc.status === "obsolete" ? undefined : copyEdition(doc);
    field("show.document.copies", edition === undefined ? t("show.document.copies.none-out") : t("show.document.copies.none", { version: edition, arg: shellArgument(doc.id) }));
  }
  // Who was trained on which version, by whom, under which record (csr train), as the CSR card has it (tester63 N12).
  const training = trainingLines(rc, located, doc, today);
  if (training.length > 0) field("show.document.training", ...training);
  // Held stricter for a special characteristic it marks, as csr release said (tester77 E7).
  const special = specialCharacteristicLine(repo, doc, today);
  if (special) field("show.document.special", special);
  if (review) {
    // A review that found the document must be revised or withdrawn, not yet answered, says so (doc/revision-pending; tester19 F9): it is the latest.
    const open = pendingReviewConclusion(doc);
    const last = open?.review ?? doc.reviews?.at(-1);
    field(
      "show.document.periodic-review",
      t("show.document.periodic-review.interval", { count: review.months }) +
        (last ? t(open ? `show.document.periodic-review.last-${open.review.result as "revise" | "withdraw"}` : "show.document.periodic-review.last", { date: last.date, by: personName(rc, last.by) }) : "") +
        (review.due === undefined
          ? t("show.document.periodic-review.undated")
          : t(review.due < today ? "show.document.periodic-review.overdue" : "show.document.periodic-review.due", { date: review.due })),
    );
  }
  // The reviews that were also for a new edition of a standard (换版评审, csr periodic-review --for-edition).
  const editionReviews = (doc.reviews ?? []).filter((r) => r.edition);
  if (editionReviews.length > 0) {
    field(
      "show.document.edition-review",
      ...editionReviews.map((r) =>
        t("show.document.edition-review.line", { edition: rc.repo.catalogs.get(r.edition!)?.title ?? r.edition!, date: r.date, by: personName(rc, r.by), result: t(`value.periodic-review-result.${r.result ?? "suitable"}`) }),
      ),
    );
  }
  if (doc.status === "obsolete" && doc.obsolete) {
    const approval = withdrawalApproval(rc.lang, doc.obsolete, (id) => personName(rc, id));
    field(
      "show.document.obsolete",
      `${doc.obsolete.date}${t("show.colon", { text: doc.obsolete.reason })}${approval ? t("show.document.obsolete-approval", { approval }) : ""}${doc.obsolete.superseded_by ? t("show.document.superseded-by", { id: named(doc.obsolete.superseded_by) }) : ""}`,
    );
  }
  // An external document: its publisher's edition held, when received, and the latest check that it is current (csr source confirm).
  if (doc.kind === "external") {
    const ext = doc.external;
    if (ext?.publisher) field("show.document.external.publisher", ext.publisher);
    field("show.document.external.edition", [ext?.revision ?? doc.id, ext?.issued ? t("show.source-card.issued", { date: ext.issued }) : "", ext?.effective ? t("show.source-card.effective", { date: ext.effective }) : "", ext?.received ? t("show.source-card.received", { date: ext.received }) : ""].filter(Boolean).join(t("common.list-separator")));
    const held = heldExternalEdition(doc, today);
    const months = repo.config?.value.document_control?.external_check_months;
    const next = held?.since !== undefined && months !== undefined ? nextCheckDue(held.since, months) : undefined;
    field("show.source-card.confirmed", confirmationText(rc, held, next, undefined, today));
  }
  const revisions = doc.revisions ?? [];
  // An external document is not revised by the organisation: no revision record of its own, rather than 尚未发布 beside 已发布.
  if (doc.kind === "external" && revisions.length === 0) {
    // Nothing to list: its editions are the publisher's (above, and csr list external).
  } else field("show.document.revisions", ...(revisions.length > 0 ? [...revisions.map((r) => [r.version, revisionDate(r, rc.lang), r.summary && revisionSummary(r, rc.lang), revisionBasis(r, rc.lang), customerNoticesText(r, rc.lang, repositoryCalendar(repo.config?.value))].filter(Boolean).join("  ")), t("show.document.revisions.details", { id: shellArgument(doc.id) })] : [t("show.document.revisions.none")]));
  // Labels padded to the widest (English ones are longer than LABEL_WIDTH) and two spaces.
  const width = Math.max(LABEL_WIDTH, ...fields.map(([label]) => displayWidth(label) + 2));
  const notes = asOf ? ["", t("show.document.as-of", { date: today }), ...(unread ? [t("show.document.as-of.content-unread", { id: doc.id, version: current?.version ?? "", date: today, tag: releaseTag(doc.id, current?.version ?? "") })] : [])] : [];
  const out = [`${doc.id}  ${documentTitle(rc, doc)}`, "", ...fields.flatMap(([label, values]) => values.map((v, i) => `  ${padEnd(i === 0 ? label : "", width)}${v}`)), ...notes];
  // Values from the file are shown with their control characters escaped: show never steers the terminal.
  ctx.stdout(visible(out.join("\n") + "\n"));
  return 0;
}

/** What the draft of a revision in preparation changes in the lists the card prints: the ids added and removed. */
interface ListChange {
  added: string[];
  removed: string[];
}

/**
 * What the card of `located` on `day` is built from, as the registers of that day have it
 * (registerContextOn, documentsOn): `doc`, the document on that day (undefined when it was not yet a
 * controlled document, or not yet written), its content that of the version then issued, or, being
 * revised, of the version in force; `unread` when git lacks that content, so that the card shows the
 * file's; `draft`, the file as committed at the end of the day (its own today); `rc` with the index of
 * that day, so that a deviation or referring document is as it was then; the CSRs of that day (csrOn)
 * and who referred to each document then.
 */
async function cardDay(repo: Repository, index: RepoIndex, located: Located<ControlledDocument>, day: string): Promise<{ rc: RegisterContext; doc?: ControlledDocument; unread: boolean; draft: ControlledDocument; csrs: Map<string, Csr>; referrers: ReturnType<typeof documentReferrers> }> {
  const read = await registerContextOn(repo, language(), day, index);
  const on = documentsOn(read, day);
  const onDay = new Map(on.list.map((d) => [recordedDocument(d), d]));
  const documents = repo.documents.flatMap((l) => {
    const d = onDay.get(l.value);
    return d === undefined ? [] : [{ ...l, value: d }];
  });
  // The first file of an id, as the index keeps it (ref/duplicate-id reports the others).
  const byId = new Map<string, Located<ControlledDocument>>();
  for (const l of documents) if (!byId.has(l.value.id)) byId.set(l.value.id, l);
  const rc: RegisterContext = { ...read, index: { ...index, documents: byId } };
  const csrs = csrsOnById(rc, day);
  const doc = onDay.get(located.value);
  return { rc, ...(doc ? { doc } : {}), unread: on.unread.has(located.value), draft: read.committed?.get(located.value.id) ?? located.value, csrs, referrers: documentReferrers({ ...repo, documents }) };
}

/**
 * Whether a record the card of `doc` on `day` shows was made after that day: its release or withdrawal,
 * a copy handed out or taken back, a training session, a periodic review, or a deviation from it
 * released or withdrawn since (model/as-of.ts).
 */
function recordedAfter(repo: Repository, doc: ControlledDocument, day: string): boolean {
  const of = (d: ControlledDocument) => releaseRecordedAfter(d, day) || copyRecordedAfter(d, day) || reviewRecordedAfter(d, day) || trainingRecordedAfter(d, day);
  return of(doc) || repo.documents.some(({ value }) => value.deviates_from?.includes(doc.id) === true && releaseRecordedAfter(value, day));
}

/**
 * What the draft of the revision in preparation (`draft`, the file) adds to or removes from the 相关文件
 * and 相关记录 of the version in force (`inForce`, as released); `inForce` undefined when git lacks
 * its text (`unread`): the card then lists the draft's.
 */
function draftChanges(draft: ControlledDocument, inForce: ControlledDocument, unread: boolean): { inForce?: ControlledDocument; related: ListChange; forms: ListChange } {
  const change = (was: readonly string[] = [], now: readonly string[] = []): ListChange => ({ added: now.filter((id) => !was.includes(id)), removed: was.filter((id) => !now.includes(id)) });
  if (unread) return { related: change([], draft.related), forms: change([], draft.forms) };
  return { inForce, related: change(inForce.related, draft.related), forms: change(inForce.forms, draft.forms) };
}

/**
 * The card of a document that was not a controlled document on `today`: released (an external one,
 * received) after that day, or, a draft, first committed after it. Exit code 0. Its JSON carries
 * `asOf` as every past day's card does (`{ date, contentUnread: false }`: there is no content to read)
 * and `document: null`.
 */
function notYetControlled(ctx: CommandContext, rc: RegisterContext, located: Located<ControlledDocument>, today: string, json: boolean): number {
  const doc = located.value;
  const since = controlledSince(doc, today);
  const status = since !== undefined ? t(doc.kind === "external" ? "show.document.not-yet.received" : "show.document.not-yet.released", { id: doc.id, since, date: today }) : t("show.document.not-yet.written", { id: doc.id, date: today });
  if (json) {
    ctx.stdout(JSON.stringify({ file: located.file.path, asOf: { date: today, contentUnread: false }, document: null, notYet: { status: doc.status, ...(since !== undefined ? { since } : {}) } }, null, 2) + "\n");
    return 0;
  }
  const fields: [string, string][] = [
    [t("show.label.file"), located.file.path],
    [t("show.document.kind"), t(`value.kind.${doc.kind}`) + (doc.level !== undefined ? t("show.document.level", { level: doc.level }) : "")],
    [t("show.document.status"), status],
  ];
  const width = Math.max(LABEL_WIDTH, ...fields.map(([label]) => displayWidth(label) + 2));
  ctx.stdout(visible([`${doc.id}  ${documentTitle(rc, doc)}`, "", ...fields.map(([label, value]) => `  ${padEnd(label, width)}${value}`)].join("\n") + "\n"));
  return 0;
}

/**
 * The card's 修订中 line: since when and by whom, that the version in force stays in force, and what
 * the draft changes in its 相关文件 and 相关记录, or, its text as released not in git, that the card
 * lists the draft's.
 */
function revisingText(rc: RegisterContext, draft: ControlledDocument, revising: { inForce?: ControlledDocument; related: ListChange; forms: ListChange }): string {
  const sep = t("common.list-separator");
  const { since, by } = draft.revising!;
  const changes = (["related", "forms"] as const).flatMap((list) => [
    ...(revising[list].added.length > 0 ? [t(`show.document.revising.${list}-added`, { ids: revising[list].added.join(sep) })] : []),
    ...(revising[list].removed.length > 0 ? [t(`show.document.revising.${list}-removed`, { ids: revising[list].removed.join(sep) })] : []),
  ]);
  return (
    t(by ? "show.document.revising.since-by" : "show.document.revising.since", { since, by: personName(rc, by), version: currentRevision(draft)!.version }) +
    (revising.inForce === undefined ? t("show.document.revising.unread", { tag: releaseTag(draft.id, currentRevision(draft)!.version) }) : changes.length > 0 ? t("show.document.revising.changes", { changes: changes.join(t("register.remarks-separator")) }) : "") +
    t("show.document.revising.draft", { id: shellArgument(draft.id) })
  );
}

/**
 * The card's 培训 line of `doc` on `today`: where the training on its current version stands
 * (documentTrainingState), then each session held by then, oldest first — its day, the version it
 * trained (sessionVersion: for one written without it, from git), who, the trainer and the record, then its method,
 * hours, who failed and its effectiveness evaluation as the training register gives them (sessionResultsIn). None for a document not marked as needing training and without a session.
 */
function trainingLines(rc: RegisterContext, located: Located<ControlledDocument>, doc: ControlledDocument, today: string): string[] {
  const config = rc.repo.config?.value;
  const record = documentTrainingRecord(doc, config, repositoryCalendar(config), peopleOf(rc), today, () => trainingSessionVersions({ ...rc.repo, documents: [located] }));
  if (record === undefined) return [];
  const comma = t("show.comma");
  return [
    ...(record.state ? [documentTrainingText(rc.lang, record.state)] : []),
    ...refresherLine(rc, doc, today),
    ...record.sessions.map(({ session: s, version }) =>
      [s.date, version ?? "", sessionTraineesIn(rc.lang, s, (id) => personName(rc, id), (code) => departmentName(rc, code), (id) => rc.index.people.get(id)?.value.department), s.trainer ? t("show.training.trainer", { trainer: personName(rc, s.trainer) }) : s.external_trainer ? t("show.training.trainer", { trainer: t("train.external-trainer", { trainer: s.external_trainer }) }) : "", s.record ? t("show.training.record", { record: s.record }) : "", ...sessionResultPartsIn(rc.lang, sessionResultsIn(rc.lang, s, today, (id) => personName(rc, id)))].filter(Boolean).join(comma),
    ),
  ];
}

/** The card's line on refresher training (复训, training.retrain_months; model/retraining.ts refresherTextIn); none without an interval. */
function refresherLine(rc: RegisterContext, doc: ControlledDocument, today: string): string[] {
  if (doc.training?.retrain_months === undefined) return [];
  const item = documentCompletion(doc, peopleOf(rc), rc.repo.config?.value, today, trainingSessionVersions(rc.repo));
  const text = item && refresherTextIn(rc.lang, item, today, (id) => personName(rc, id));
  return text ? [text] : [];
}

/**
 * The card's 工程变更 lines of `changes` (documentChanges): for each change, the revisions of the documents carrying it,
 * with the command listing them (csr changes --ecn / --change-request). None when no revision carries one.
 */
function engineeringChangeLines(changes: readonly DocumentChange[]): string[] {
  const listed = (thread: ThreadRevision[]) => thread.map((r) => `${r.document.id} ${r.revision.version}`).join(t("common.list-separator"));
  return changes.map(({ number, thread }) =>
    "ecn" in number
      ? t("show.document.engineering-change.line", { number: number.ecn, revisions: listed(thread), arg: shellArgument(number.ecn) })
      : t("show.document.engineering-change.request-line", { number: number.changeRequest, revisions: listed(thread), arg: shellArgument(number.changeRequest) }),
  );
}

/**
 * The special characteristics of a released PFMEA or control plan as traced on the card's day (model/characteristic-trace.ts):
 * the documents of `rc`, within the document's product; none for a document not released (a draft is traced once released).
 */
function characteristicsOf(repo: Repository, rc: RegisterContext, doc: ControlledDocument): { row: CharacteristicRow; trace: RowTrace }[] {
  const documents = [...rc.index.documents.values()].map((d) => (d.value.id === doc.id ? doc : d.value));
  const context = traceContext(documents, ourSymbols(repo.symbols.map((s) => s.value), repo.ownSymbols.map((s) => s.value)));
  return documentTrace(context, doc);
}

/** One special characteristic of the card: OP30 拧紧扭矩 ★ (1 节第 3 行) — PFMEA：QR-007-03；作业指导书：WI-010-03, with what does not carry it. */
function characteristicLine(doc: ControlledDocument, row: CharacteristicRow, trace: RowTrace): string {
  const sep = t("common.list-separator");
  const carriedIn = (all: string[], carried: string[]) => {
    const missing = all.filter((id) => !carried.includes(id));
    return [...(carried.length > 0 ? [carried.join(sep)] : []), ...(missing.length > 0 ? [t("show.document.special-characteristics.unmarked", { ids: missing.join(sep) })] : [])].join(t("show.document.special-characteristics.separator"));
  };
  return t("show.document.special-characteristics.line", {
    op: row.op,
    characteristic: row.characteristic || row.opName || "",
    marks: row.marks.join(""),
    section: row.section,
    line: row.line,
    other: t(doc.role === "pfmea" ? "set.role.control-plan" : "set.role.pfmea"),
    paired: trace.paired.length > 0 ? carriedIn(trace.paired, trace.carried) : t("show.document.special-characteristics.unpaired"),
    instructions: trace.covering.length > 0 ? carriedIn(trace.covering, trace.marking) : t("show.document.special-characteristics.no-instruction", { op: row.op }),
  });
}

/**
 * The 会签 the document's revisions need (model/countersign.ts), one line each: of `current` (its latest
 * revision), each department required on its day with who countersigned for it or 未会签; and, while a
 * next version is being prepared (a draft, 审批中, 修订中), the departments its release needs as of `today`.
 * `file`: the document as its file has it (a draft's countersign_departments). None when nothing is required.
 */
function countersignCard(repo: Repository, index: RepoIndex, file: ControlledDocument, current: Revision | undefined, today: string): { version?: string; departments: { department: string; by: string[] }[]; text: string }[] {
  const config = repo.config?.value;
  const rc: RegisterContext = { repo, index, lang: language() };
  const lines: { version?: string; departments: { department: string; by: string[] }[]; text: string }[] = [];
  const required = current ? countersignRequired(config, file, issuedOn(current)) : [];
  if (current && required.length > 0) {
    const states = countersignStates(required, current.countersigned, index.people, index.departments);
    const text = states
      .map((s) => (s.by.length > 0 ? t("show.document.countersign.given", { department: departmentName(rc, s.department), by: s.by.map((id) => personName(rc, id)).join(t("common.list-separator")) }) : t("show.document.countersign.missing", { department: departmentName(rc, s.department) })))
      .join(" / ");
    lines.push({ version: current.version, departments: states, text: current.version + t("show.colon", { text }) });
  }
  const next = file.status === "draft" || file.status === "in-review" || revisingOn(file, today) !== undefined ? countersignRequired(config, file, today) : [];
  if (next.length > 0) lines.push({ departments: next.map((department) => ({ department, by: [] })), text: t("show.document.countersign.next", { departments: next.map((code) => departmentName(rc, code)).join(t("common.list-separator")) }) });
  return lines;
}
