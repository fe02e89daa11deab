/** `csr show <id>`: everything about one CSR, or a document's card (document.ts), a customer source's (source.ts), a corrective action's (action.ts), an internal audit's by its report number (audit.ts), a tooling entry's (tooling.ts), a first article inspection's (first-article.ts), a quality objective's (objective.ts), a management review's (management-review.ts), a process's (process.ts), a supplier's (supplier.ts) or a customer's (customer.ts), with what is derived from it on a given day. */
import { suppliers } from "../../model/suppliers.js";
import { classificationName, csrClassification } from "../../model/classification.js";
import { visible } from "../../core/text.js";
import { findRoot } from "../../load/discover.js";
import type { Repository } from "../../load/repository.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { estimatedDeadlineNote } from "../../model/calendar.js";
import { closedRoundVerdict, currentReviewRound, firstDecisionOfRound, historyRounds, lateKeptDecision, workdaysPastDue, type ReviewRoundTimeliness } from "../../model/review-timeliness.js";
import { clauseTitle, parseClauseRef } from "../../model/catalog.js";
import { addressing, categoryName, countersigning, countersigningText, csrFacts, csrStatusText, historyClosing, historyReason, overruledOpinions, reviewDue, reviewRecordText, staleSource, verifiedByOwner, type Addressing, type CsrFacts } from "../../model/csr-status.js";
import { addressedWhenSuperseded } from "../../model/link-start.js";
import { changedEnds } from "../../model/fingerprint.js";
import { actionById } from "../../model/actions.js";
import { auditsByReport } from "../../model/process-audits.js";
import { toolingNamed } from "../../model/tooling.js";
import { buildIndex, currentRevision, revisionInForce, type RepoIndex } from "../../model/index.js";
import { citedDocument, releasedPendingUntil } from "../../model/revision.js";
import { documentSections, findSection } from "../../model/sections.js";
import { flowDownDecision, flowDownReadings } from "../../model/flow-down.js";
import { csrDistributions, distributionRevision, redistributionDue, type CsrDistributionEntry } from "../../model/distribution.js";
import { recordsTextIn, sessionResultPartsIn, sessionResultsIn, sessionTraineesIn } from "../../model/training.js";
import { csrCompletion, csrTrainingDeadline, csrTrainingDeadlineIn, csrTrainingReading } from "../../model/training-completion.js";
import { refresherTextIn } from "../../model/retraining.js";
import { trainingRecordDays } from "../../load/training-records.js";
import { REPORT_SIGNER_ROLES, type ControlledDocument, type Csr, type Decision, type DocumentStatus, type Opinion, type ReviewRound } from "../../model/types.js";
import { localized, padEnd } from "../../core/text.js";
import { conjunction, language, t, type MessageKey } from "../../i18n/index.js";
import { revisionName } from "../../i18n/values.js";
import { shellArgument } from "../../core/text.js";
import { customerDate, lateForCustomer } from "../../model/customer-schedule.js";
import { workdaysLate } from "../../model/calendar.js";
import type { CommandContext } from "../context.js";
import { choiceOption, dateOption } from "../options.js";
import { knownPerson } from "../shared/people.js";
import { findCsr } from "./lookup.js";
import { dispositionKey } from "../../model/decision.js";
import { noteSameNumber } from "../shared/same-number.js";
import { readRepository } from "../shared/read.js";
import { documentStateLine } from "../../report/registers/revision-state.js";

export interface ShowFlags {
  format?: string;
  today?: string;
}

export async function showCommand(ctx: CommandContext, id: string, flags: ShowFlags): Promise<number> {
  const format = choiceOption(flags.format, "--format", ["text", "json"] as const, "text");
  const today = dateOption(flags.today, "--today");
  const repo = await readRepository(findRoot(ctx.dir), today);
  const index = buildIndex(repo);
  // A document number shows the document's card; an id of both (a CSR numbered like a document) the CSR.
  const isCsr = index.csrs.has(id);
  const document = index.documents.get(id);
  if (document && !isCsr) {
    noteSameNumber(repo, document, (text) => ctx.stderr(text));
    return (await import("./document.js")).showDocument(ctx, repo, index, document, today, format === "json");
  }
  if (!isCsr) {
    // A customer's source document (csr list external): its card (tester60 J14), when no CSR has the id.
    const owners = repo.customers.flatMap((customer) => (customer.value.sources ?? []).filter((s) => s.id === id).map((source) => ({ customer, source })));
    if (owners.length > 0) return (await import("./source.js")).showSource(ctx, repo, index, owners[0]!.customer, owners[0]!.source, today, format === "json");
    // A corrective action record (actions/, 8D): its card, when no CSR has the id; its id in any letter case.
    const action = actionById(index.actions.values(), id);
    if (action) return (await import("./action.js")).showAction(ctx, repo, index, action, today, format === "json");
    // An internal audit by its report's number (IA-2026-02, MPA-…, PA-…), in any letter case: the whole audit (tester78 A9).
    const audits = auditsByReport(repo.processes.map((p) => p.value), id);
    if (audits.length > 0) return (await import("./audit.js")).showAudit(ctx, repo, index, audits, today, format === "json");
    // An entry of tooling.yaml (工装台账: a fixture, gauge, error-proofing device) by its id in any letter case.
    const tooling = toolingNamed(repo.tooling, id);
    if (tooling) return (await import("./tooling.js")).showTooling(ctx, repo, index, tooling, today, format === "json");
    // A first article inspection of first-articles.yaml (首件鉴定, FA-2026-001) by its number in any letter case.
    const firstArticle = toolingNamed(repo.firstArticles, id);
    if (firstArticle) return (await import("./first-article.js")).showFirstArticle(ctx, repo, index, firstArticle, today, format === "json");
    // A quality objective of objectives.yaml (质量目标, OBJ-03) by its number in any letter case.
    const objective = toolingNamed(repo.objectives, id);
    if (objective) return (await import("./objective.js")).showObjective(ctx, repo, index, objective, today, format === "json");
    // A process of processes.yaml (过程, C3) by its code in any letter case: its owner, process owner and KPIs.
    const process = repo.processes.find((p) => p.value.code === id.trim()) ?? repo.processes.find((p) => p.value.code.toLowerCase() === id.trim().toLowerCase());
    if (process) return (await import("./process.js")).showProcess(ctx, repo, index, process, today, format === "json");
    // A management review of management-reviews.yaml (管理评审记录, MR-2026) by its number in any letter case.
    const review = toolingNamed(repo.managementReviews, id);
    if (review) return (await import("./management-review.js")).showManagementReview(ctx, repo, index, review, today, format === "json");
    // A supplier (供方档案) by its code in any letter case, when no CSR has it.
    const supplier = suppliers(repo).find((s) => s.code.toLowerCase() === id.trim().toLowerCase());
    if (supplier) return (await import("./supplier.js")).showSupplier(ctx, repo, index, supplier, today, format === "json");
    // A customer (顾客) by its code in any letter case, its full name or a part of its name no other customer's has (tester74 T7).
    const { customerLocated, showCustomer } = await import("./customer.js");
    const customer = customerLocated(repo, id);
    if (customer) return showCustomer(ctx, repo, index, customer, today, format === "json");
    // A person (id, name or 工号) of people.yaml: their card with their levels at stations (多能工矩阵), when nothing else has the id.
    const person = knownPerson(index, id, "<id>");
    if (person) return (await import("./person.js")).showPerson(ctx, repo, index, person, today, format === "json");
  }
  const { value: csr, file } = findCsr(repo, id, [...index.documents.keys(), ...repo.customers.flatMap((c) => [c.value.code, ...(c.value.sources ?? []).map((s) => s.id)]), ...index.actions.keys(), ...repo.tooling.map((e) => e.value.id), ...repo.firstArticles.map((e) => e.value.id), ...repo.objectives.map((e) => e.value.id), ...repo.managementReviews.map((e) => e.value.id)]);
  const config = repo.config?.value;
  const calendar = repositoryCalendar(config);
  const facts = csrFacts(csr, { config, calendar, document: (d) => index.documents.get(d)?.value, today });
  // A document being revised (修订中): its links name the sections of the version in force, as the CSR matrix prints them (read from git).
  const revised = repo.documents.filter(({ value }) => value.status === "released" && value.revising !== undefined && csr.addressed?.some((a) => a.document === value.id && a.section !== undefined && !a.pin?.draft));
  const inForce = revised.length > 0 ? await (await import("../../load/base.js")).revisedInForce(repo.root, revised) : undefined;
  const addressed = (csr.addressed ?? []).map((a) => {
    const doc = index.documents.get(a.document)?.value;
    const cited = doc && citedDocument(doc, a, inForce);
    const { found, movedFrom } = cited && a.section !== undefined ? findSection(documentSections(cited), a.section) : {};
    // A section found under another number than the one written (the document renumbered since) says which was written.
    const section = a.section === undefined ? {} : { sectionNumber: found?.number ?? null, sectionTitle: found?.title ?? null, ...(movedFrom ? { sectionMovedFrom: movedFrom } : {}) };
    const changed = doc && !csr.superseded ? changedEnds(csr, a, doc) : undefined;
    const suspect = changed && (changed.section || changed.csr) ? changed : null;
    const standing = addressing(a, doc, today, csr);
    // A superseded requirement was addressed by the revision in force when it was superseded, not by a later one (tester52 D1).
    // A withdrawal after that day does not undo it; one before it means no revision addressed it then (model/link-start.ts).
    const then = doc && csr.superseded ? addressedWhenSuperseded(doc, csr.superseded.date) : undefined;
    const supersededIn = then?.kind === "in-force" ? then.version : null;
    return {
      ...a,
      ...section,
      title: doc?.title ?? null,
      ...(doc?.title_en ? { titleEn: doc.title_en } : {}),
      ...(found?.title_en ? { sectionTitleEn: found.title_en } : {}),
      status: doc?.status ?? null,
      version: doc ? (currentRevision(doc)?.version ?? null) : null,
      withdrawn: (doc?.status === "obsolete" && doc.obsolete?.date) || null,
      pending: pendingOf(standing),
      later: !standing.counts && standing.why === "later" ? { version: standing.version, date: standing.date } : null,
      revised: !standing.counts && standing.why === "revised" ? { revision: standing.revision, date: standing.date } : null,
      draft: !standing.counts && standing.why === "draft" ? { version: standing.version, date: standing.date } : null,
      undated: standing.counts && standing.undated === true,
      supersededIn,
      suspect,
    };
  });
  if (format === "json") {
    const { due, daysLeft, missing, reviewStart, status } = facts;
    const customer = index.customers.get(csr.customer)?.value;
    ctx.stdout(JSON.stringify({ file: file.path, csr, status, reviewStart, reviewDue: due ?? null, workdaysLeft: daysLeft ?? null, missingOpinions: missing, addressed, customerDate: customerDate(csr, customer) ?? null, lateForCustomer: lateForCustomer(csr, customer) ?? null }, null, 2) + "\n");
    return 0;
  }
  const due = reviewDue(csr, calendar, config);
  // Values from the file are shown with their control characters escaped: show never steers the terminal.
  ctx.stdout(visible(describe(repo, index, csr, facts, addressed, due, file.path, today)));
  const note = csr.superseded ? undefined : estimatedDeadlineNote(calendar, facts.reviewStart, due);
  if (note) ctx.stderr(note);
  return 0;
}

/**
 * A place's section as the CSR matrix marks it (model/sections.ts addressedSection): found, found
 * under another number (原写 5.4), or not found in a document with sections to find it in (`judged`).
 */
function addressedText(a: AddressedView, judged: boolean): string {
  if (!a.sectionNumber) return judged ? t("model.section.not-found", { section: a.section! }) : a.section!;
  const label = `${a.sectionNumber} ${localized(language(), a.sectionTitle ?? "", a.sectionTitleEn)}`;
  return a.sectionMovedFrom ? t("model.section.moved", { section: label, number: a.sectionMovedFrom }) : label;
}

/** Labels are padded to this many terminal columns (a Chinese character takes two). */
const LABEL_WIDTH = 16;

interface AddressedView {
  document: string;
  section?: string;
  sectionNumber?: string | null;
  sectionTitle?: string | null;
  /** The number written, when the section was found by its title under another (model/sections.ts findSection). */
  sectionMovedFrom?: string;
  title: string | null;
  /** The document's and the section's English titles, where given: the card prints them in English as the matrix does. */
  titleEn?: string;
  sectionTitleEn?: string;
  status: string | null;
  version: string | null;
  /** The date an obsolete document was withdrawn: it no longer addresses the CSR (auditor17 F14). */
  withdrawn: string | null;
  /** A link made against a revision released to take effect later: it counts from that day (auditor17 F10). */
  pending: { version: string; date: string } | null;
  /** A link that the revision in force on the day does not carry yet: from which revision it addresses the CSR (model/link-start.ts). */
  later: { version: string; date: string } | null;
  /** A link made for the wording of an earlier source revision, not confirmed since it changed (tester54a A4). */
  revised: { revision: string; date: string } | null;
  /** Linked to the draft of the next revision (修订中): the version in force does not have the text (tester56 D2). */
  draft: { version: string; date: string } | null;
  /** No record dates the link on a day whose revision or review round is not today's: counted as recorded now. */
  undated: boolean;
  /** A superseded CSR's: the revision in force on the day it was superseded, the one that addressed it. */
  supersededIn: string | null;
  /** Which end of a pinned link changed since it was confirmed (csr/suspect-link); null when none did. */
  suspect: { section: boolean; csr: boolean } | null;
}

function describe(repo: Repository, index: RepoIndex, csr: Csr, facts: CsrFacts, addressed: AddressedView[], due: string, path: string, today: string): string {
  // The names in the reader's language as the CSR matrix prints them (title_en, name_en, categories_en), so an
  // auditor tracing a row of the English matrix finds the same words on the card (tester65 N2).
  const lang = language();
  const out: string[] = [`${csr.id}  ${localized(lang, csr.title, csr.title_en)}`, ""];
  const field = (label: MessageKey, ...values: string[]) => values.forEach((v, i) => out.push(`  ${padEnd(i === 0 ? t(label) : "", LABEL_WIDTH)}${v}`));
  const person = (id: string) => personText(index, id);
  const department = (code: string) => departmentText(index, code);
  const departments = (codes: readonly string[]) => codes.map(department).join(t("common.list-separator"));
  const customer = index.customers.get(csr.customer)?.value;
  const source = customer?.sources?.find((s) => s.id === csr.source.document);
  const stale = staleSource(csr, customer);
  const sep = t("common.list-separator");

  field("show.label.file", path);
  field("show.label.customer", customer ? `${customer.code} ${localized(lang, customer.name, customer.name_en)}` : csr.customer);
  field(
    "show.label.source",
    [
      t("show.source", { document: csr.source.document + (source ? ` ${localized(lang, source.title, source.title_en)}` : ""), revision: csr.source.revision }),
      stale ? t("show.source.superseded", { revision: stale.latest.revision }) : "",
      csr.source.section ? t("show.source.section", { section: csr.source.section }) : "",
    ].join(""),
  );
  field("show.label.clauses", ...csr.clauses.map((c) => clauseLine(repo, c)));
  if (csr.category) field("show.label.category", categoryName(repo.config?.value, csr.category, lang));
  const classification = csrClassification(customer, csr);
  if (classification) {
    const name = classificationName(language(), classification);
    field("show.label.classification", csr.classification === undefined ? t("show.classification.inherited", { classification: name, source: csr.source.document }) : name);
  }
  if (csr.text) field("show.label.requirement", ...csr.text.trimEnd().split("\n"));
  field("show.label.received", csr.review?.restarted ? t("show.received.restarted", { received: csr.received, restarted: csr.review.restarted }) : csr.received);
  // The status in the reader's words: Chinese readers type the label where a command takes a status
  // (csr list --status 已验证, choiceOption), so the code is not needed beside it; English shows the code.
  // 已验证 by the implementation's owner, counted as implemented, is marked in either language (tester53 N4).
  const byOwner = verifiedByOwner(csr, repo.config?.value);
  field("show.label.status", language() === "en" && !byOwner ? facts.status : csrStatusText(csr, facts.status, repo.config?.value, language()));
  // The current revision confirmed unchanged: its own review period, closed by the confirmation.
  const round = currentReviewRound(csr, repositoryCalendar(repo.config?.value), repo.config?.value, today, customer);
  // A round closed after its period says so, with the reason recorded (review.late_reason, or the confirmation's), as the review report does.
  const late = round.timeliness === "late" ? t("show.review.late", { count: workdaysPastDue(round) }) + (round.lateReason ? t("review.show.late-reason", { reason: round.lateReason }) : "") : "";
  field(
    "show.label.review-due",
    csr.superseded
      ? supersededReviewLine(round, csr.superseded)
      : (round.kind === "confirmed" ? t("review-confirmation.show.due", { revision: revisionName(round.revision), due: round.due, date: round.decided! }) : reviewLine(csr, facts, due)) + late,
  );
  // With how a list the CSR names differs from qms.yaml's, and who gave an opinion without being asked (tester56 D13).
  const required = countersigning(csr, repo.config?.value);
  field("show.label.required", (required && countersigningText(required, language(), department, false)) || t("show.none-configured"));
  const opinions = (csr.review?.opinions ?? []).map((o) => opinionLine(o, person, department));
  const record = csr.review?.record;
  field("show.label.opinions", ...(opinions.length > 0 ? opinions : [t(record ? "show.on-review-record" : "show.no-opinions")]));
  if (record) field("show.label.review-record", reviewRecordText(record));
  else if (facts.missing.length > 0) field("show.label.missing", departments(facts.missing));
  // A decision over a department's 不同意 with no word on how it was resolved (csr/rejection-overruled).
  const overruled = csr.review?.decision?.justification ? [] : overruledOpinions(csr);
  // A decision taken late stays late when a later source revision is confirmed unchanged (the confirmation keeps it): said beside it, with its reason.
  const keptLate = csr.superseded ? undefined : lateKeptDecision(csr, repositoryCalendar(repo.config?.value), repo.config?.value, today, customer);
  const keptLateText = keptLate ? t("show.decision.late", { count: workdaysPastDue(keptLate), due: keptLate.due }) + (keptLate.lateReason ? t("review.show.late-reason", { reason: keptLate.lateReason }) : "") : "";
  field(
    "show.label.decision",
    csr.review?.decision ? decisionLine(csr.review.decision, person, csr.review.record !== undefined) + keptLateText + (overruled.length > 0 ? t("review.show.overruled-unexplained", { departments: departments(overruled.map((o) => o.department)) }) : "") : t("show.not-decided"),
  );
  // Rejected as written, the alternative agreed with the customer is what is met (IATF 16949 4.3.2): it has a line of its own.
  if (csr.review?.decision?.alternative) field("show.label.alternative", alternativeText(csr.review.decision.alternative));
  // The review report's 记录 and 评审组长 (review.recorder, review.leader), when recorded.
  // A closed round, and one whose decision was amended, keeps its own (in review.history).
  const signersOf = (review: Pick<ReviewRound, (typeof REPORT_SIGNER_ROLES)[number]> | undefined): string[] =>
    REPORT_SIGNER_ROLES.flatMap((role) => {
      const signed = review?.[role];
      // Without a day (a CSR list's 评审组长 names who, not when: csr import), said so, as the printed report leaves its 日期 blank.
      return signed ? [t(`review.signers.${role}`, { person: person(signed.by) }) + t("show.comma") + (signed.date ?? t("show.signed-undated"))] : [];
    });
  const signers = signersOf(csr.review);
  if (signers.length > 0) field("person.show.report-signers", ...signers);
  const confirmations = (csr.review?.confirmations ?? []).map(
    (c) =>
      t("review-confirmation.show.line", { revision: revisionName(c.source_revision), person: person(c.by), date: c.date }) +
      (c.comment ? t("show.colon", { text: c.comment }) : "") +
      (c.late_reason ? t("review.show.late-reason", { reason: c.late_reason }) : ""),
  );
  if (confirmations.length > 0) field("review-confirmation.show.label", ...confirmations);
  field(
    "show.label.addressed",
    ...(addressed.length > 0
      ? addressed.map(
          (a) => {
            // A revision released to take effect later, while the one before is what counts: as the CSR matrix says it (tester18 F6).
            const inForce = a.withdrawn || a.pending || a.supersededIn || a.later ? "" : versionInForceText(index.documents.get(a.document)?.value, today);
            const version = a.supersededIn
              ? ` ${a.supersededIn}${a.withdrawn ? t("show.addressed.superseded-withdrawn", { date: csr.superseded!.date, withdrawn: a.withdrawn }) : t("show.addressed.superseded", { date: csr.superseded!.date })}`
              : a.later
                ? ` ${revisionInForce(index.documents.get(a.document)!.value, today)?.version ?? ""}${t("show.addressed.later", a.later)}`
                : (inForce || `${a.version ? ` ${a.version}` : ""}${a.withdrawn ? t("show.addressed.withdrawn", { date: a.withdrawn }) : a.pending ? t("show.addressed.pending", a.pending) : a.status ? t("show.parenthesis", { text: t(`value.document-status.${a.status as DocumentStatus}`) }) : ""}`) +
                  (a.undated ? t("show.addressed.undated", { date: today }) : "") +
                  (a.revised ? t("show.addressed.revised", a.revised) : "") +
                  (a.draft ? t("show.addressed.draft", a.draft) : "");
            return `${a.document} ${a.title === null ? t("show.unknown-document") : localized(lang, a.title, a.titleEn)}${version}${a.section ? t("show.addressed.section", { section: addressedText(a, !!index.documents.get(a.document)?.value.sections?.length) }) : ""}${suspectMark(a.suspect)}`;
          },
        )
      : [t("show.no-document")]),
  );
  // Where each document addressing it stands, and the deviations in force from them: the thread from the customer's
  // revision to the copies at the station, with training, read from the requirement (IATF 16949 8.5.6.1; tester77 E8).
  if (!csr.superseded) {
    const rc = { repo, index, lang };
    const ids = [...new Set(addressed.map((a) => a.document))];
    const deviations = [...index.documents.values()].filter(({ value: d }) => d.status !== "obsolete" && d.status !== "draft" && !ids.includes(d.id) && (d.deviates_from ?? []).some((id) => ids.includes(id))).map((d) => d.value.id);
    const lines = [...ids, ...deviations.sort((x, y) => x.localeCompare(y, "en", { numeric: true }))].flatMap((id) => {
      const doc = index.documents.get(id)?.value;
      const line = doc && doc.status !== "obsolete" ? documentStateLine(rc, doc, today) : undefined;
      return line === undefined ? [] : [line];
    });
    if (lines.length > 0) field("show.label.addressed-state", ...lines);
  }
  const impl = csr.implementation;
  if (impl) {
    const parts = [
      byOwner ? t("register.implementation.verified-by-owner") : t(`value.implementation.${impl.status ?? "planned"}`),
      impl.owner ? t("show.implementation.owner", { person: person(impl.owner) }) : "",
      impl.due ? t("show.implementation.due", { date: impl.due }) : "",
      customerDateText(repo, index, csr),
      impl.implemented ? t("show.implementation.implemented", { date: impl.implemented }) : "",
      impl.verified ? t("show.implementation.verified", { person: person(impl.verified.by) }) + (impl.verified.date ? ` ${impl.verified.date}` : "") : "",
    ];
    field("show.label.implementation", parts.filter(Boolean).join(t("show.comma")));
    if (impl.evidence) field("show.label.evidence", impl.evidence);
    // Dates implemented and verifications replaced with csr implement --amend: the record as it was.
    const earlier = (impl.history ?? []).map((h) => {
      const record = [
        h.implemented ? t("show.implementation.implemented", { date: h.implemented }) : "",
        h.verified ? t("show.implementation.verified", { person: person(h.verified.by) }) + (h.verified.date ? ` ${h.verified.date}` : "") : "",
      ].filter(Boolean);
      return t("show.implementation.history", { closed: h.closed, reason: withoutFinalStop(historyReason(h, csr.source.document, language())), record: record.join(t("show.comma")) });
    });
    if (earlier.length > 0) field("show.label.implementation-history", ...earlier);
  }
  const distributions = csrDistributions(csr);
  if (distributions.length > 0) {
    // One line each: a revision reaches departments on different days, and again after it changed. Once a
    // revision of another wording is among them, each names its revision, and a current one not yet
    // distributed is said, with the command (tester54a A10): the earlier distribution is not the current one's.
    const named = distributions.some((d) => distributionRevision(csr, d) !== csr.source.revision);
    const revisionOf = (d: CsrDistributionEntry) => {
      const revision = named ? distributionRevision(csr, d) : undefined;
      return revision === undefined ? "" : t("show.distributed.revision", { revision: revisionName(revision) });
    };
    const due = redistributionDue(csr);
    const pending = due ? [t(csr.review?.decision ? "show.distributed.pending-decided" : "show.distributed.pending", { revision: revisionName(due.revision), id: shellArgument(csr.id), to: due.departments.join(" ") })] : [];
    field("show.label.distributed", ...distributions.map((d) => revisionOf(d) + departments(d.departments) + (d.date ? t("show.distributed.on", { date: d.date }) : "") + (d.by ? t("person.distributed-by", { by: person(d.by) }) : "")), ...pending);
  }
  if (csr.flow_down) {
    // How the requirement reaches the suppliers (IATF 16949 8.4.3.1): each supplier's latest passing, its reply, and 待重新传递 once the CSR or the document changed.
    const readings = flowDownReadings(csr, index.documents, today);
    const lines = readings.map(({ supplier, latest, status }) => {
      const passed = t("show.flow-down.passed", { supplier: department(supplier), document: latest.revision ? `${latest.document} ${latest.revision}` : latest.document, date: latest.date }) + (latest.record ? t("flow-down.record", { record: latest.record }) : "");
      const ack = latest.acknowledged;
      const acknowledged = ack ? t("show.flow-down.acknowledged", { date: ack.date }) + (ack.by ? t("flow-down.by", { by: index.people.has(ack.by) ? person(ack.by) : ack.by }) : "") + (ack.record ? t("flow-down.record", { record: ack.record }) : "") : "";
      const state =
        status.state === "renew"
          ? status.reason === "source-revised"
            ? t("show.flow-down.renew-source", { was: revisionName(status.was), is: revisionName(csr.source.revision), id: shellArgument(csr.id), supplier })
            : t("show.flow-down.renew-document", { document: latest.document, was: status.was, is: status.is, id: shellArgument(csr.id), supplier })
          : status.state === "awaiting"
            ? t("show.flow-down.awaiting")
            : "";
      return passed + acknowledged + state;
    });
    const none = csr.flow_down.required && readings.length === 0 ? [t("show.flow-down.none", { id: shellArgument(csr.id) })] : [];
    const required = csr.flow_down.required && readings.length > 0 ? [t("show.flow-down.required")] : [];
    const decision = flowDownDecision(csr);
    const notRequired =
      decision?.kind === "not-required"
        ? [t("show.flow-down.not-required", { reason: decision.reason }) + (decision.date ? t("show.flow-down.decided", { date: decision.date, by: decision.by ? t("show.comma") + person(decision.by) : "" }) : "")]
        : [];
    field("show.label.flow-down", ...notRequired, ...required, ...none, ...lines);
  }
  if (csr.training) {
    // Each session recorded with csr train is the evidence of IATF 16949 7.2: when, on which source revision, who, by whom, which record;
    // then how it was given, its hours, who failed and its effectiveness evaluation, as csr list training has them (tester72 Q5).
    const sessions = (csr.training.sessions ?? []).map((s) =>
      [s.date, s.revision ? t("show.training.revision", { revision: revisionName(s.revision) }) : "", sessionTraineesIn(language(), s, person, department, (p) => index.people.get(p)?.value.department), s.trainer ? t("show.training.trainer", { trainer: person(s.trainer) }) : s.external_trainer ? t("show.training.trainer", { trainer: t("train.external-trainer", { trainer: s.external_trainer }) }) : "", s.record ? t("show.training.record", { record: s.record }) : "", ...sessionResultPartsIn(language(), sessionResultsIn(language(), s, today, person))]
        .filter(Boolean)
        .join(t("show.comma")),
    );
    const days = trainingRecordDays(repo);
    // One reading with csr list training --missing: some of the people to train trained is 部分培训 2/9, not 已培训 (breaker63 P1).
    const reading = csrTrainingReading(csr, [...index.people.values()].map((p) => p.value), repo.config?.value, today, days);
    const records = recordsTextIn(language(), csr, days).join(sep);
    // Record numbers alone: in the management review's words (只登记了记录编号 TR-2026-025，受训人员见该记录), not 已培训 (tester62 N16).
    // A trainer counted as trained is said so: the session's line names only its trainees (tester65 N16).
    const state = reading.state === "partial" && reading.trainers > 0 ? t("train.state.partial-trainer", { ...reading, count: reading.trainers }) : t(`train.state.${reading.state}`, { ...reading });
    const stated = reading.state === "recorded" ? t("show.training.recorded", { records }) : state + (csr.training.records?.length ? t("show.training.records", { records }) : "");
    // Refresher training (复训, training.retrain_months): the interval and who is due (model/retraining.ts).
    const item = csr.training.retrain_months === undefined ? undefined : csrCompletion(csr, [...index.people.values()].map((p) => p.value), repo.config?.value, today, days, customer);
    const refresher = item && refresherTextIn(language(), item, today, person);
    // Last, its deadline and how it was counted, as csr list training --missing gives them (csrTrainingDeadline); where it stands while someone is still owed it.
    const deadline = csrTrainingDeadline(csr, customer, repo.config?.value, repositoryCalendar(repo.config?.value), today);
    const due = deadline ? [t("show.training.deadline", { deadline: csrTrainingDeadlineIn(language(), deadline, reading.state === "open" || reading.state === "partial") })] : [];
    field("show.label.training", stated, ...(refresher ? [refresher] : []), ...sessions, ...due);
  }
  // The CSR list's 备注 (tester76 M9): a note for its readers, line by line as written.
  if (csr.remarks) field("show.label.remarks", ...csr.remarks.trimEnd().split("\n"));
  if (csr.superseded) field("show.label.superseded", `${csr.superseded.date}${t("show.colon", { text: csr.superseded.reason })}${csr.superseded.by ? t("show.superseded.by", { by: csr.superseded.by }) : ""}`);
  // The typing errors corrected after the decision (csr set --amend): the day, the field, what it was, why and who.
  const amendments = (csr.amendments ?? []).map(
    (a) =>
      t("show.amendment", { date: a.date, field: t(`set.field.${a.field}`), was: a.was === undefined || a.was.length === 0 ? t("show.amendment.empty") : Array.isArray(a.was) ? a.was.join(t("common.list-separator")) : a.was }) +
      (a.reason ? t("show.colon", { text: a.reason }) : "") +
      (a.by ? t("show.amendment.by", { person: person(a.by) }) : ""),
  );
  if (amendments.length > 0) field("show.label.amendments", ...amendments);
  // The rounds a new source revision closed, each with its own start, deadline, decision and timeliness as the
  // review-timeliness register judges them, and then why it was closed: not the next round's reason as its own (tester55 C7).
  const closedRounds = historyRounds(csr, repositoryCalendar(repo.config?.value), repo.config?.value, today, customer);
  // The departments a closed round had to countersign, and who did not, where the record says (tester56 D13).
  const countersignedIn = (round: ReviewRound): string[] => {
    const c = countersigning(csr, repo.config?.value, round);
    const text = c ? countersigningText(c, language(), department, true) : "";
    return text ? [`  ${t("show.history.required", { departments: text })}`] : [];
  };
  const history = (csr.review?.history ?? []).flatMap((round, i) => {
    const judged = closedRounds[i];
    const heading = judged
      ? t(judged.round.decided ? "show.history.round-decided" : "show.history.round", {
          revision: revisionName(judged.round.revision),
          startKind: t(judged.round.kind === "restarted" ? "register.reviews.restarted" : "register.reviews.received"),
          start: judged.round.start,
          due: judged.round.due,
          decided: judged.round.decided ?? "",
          verdict: closedRoundVerdict(language(), judged.round),
        })
      : [round.reason || round.revised_to ? withoutFinalStop(historyReason(round, csr.source.document, language())) : t("show.history.earlier-round"), round.source_revision ? t("show.history.revision", { revision: revisionName(round.source_revision) }) : "", round.closed ? t("show.history.closed", { date: round.closed }) : ""].filter(Boolean).join(t("show.comma"));
    return [
    heading,
    // The wording that round reviewed, when the customer's next revision changed it (tester54a A1).
    ...(["title", "text", "clauses"] as const).flatMap((f) => (round[f] === undefined ? [] : [`  ${t("show.history.reviewed", { field: t(`set.field.${f}`), value: Array.isArray(round[f]) ? (round[f] as string[]).join(t("common.list-separator")) : (round[f] as string) })}`])),
    ...countersignedIn(round),
    ...(round.opinions ?? []).map((o) => `  ${opinionLine(o, person, department)}`),
    ...(round.record ? [`  ${t("show.history.record", { record: reviewRecordText(round.record) })}`] : []),
    ...(round.decision ? [`  ${t("show.history.decision", { decision: decisionLine(round.decision, person, round.record !== undefined) })}`] : []),
    ...(round.late_reason ? [`  ${t("review.show.history.late-reason", { reason: round.late_reason })}`] : []),
    ...signersOf(round).map((line) => `  ${line}`),
    ...(judged ? [`  ${withoutFinalStop(historyClosing(round, judged.closedBy, csr.source.document, language()))}`] : []),
    ];
  });
  if (history.length > 0) field("show.label.history", ...history);
  return out.join("\n") + "\n";
}

/**
 * A person as a reader of `csr show` knows them. In Chinese, by name (黄军): the commands take a
 * name wherever they take a person; with the id beside it (黄军（huangjun）) when another person has
 * the same name, as only the id then tells them apart in a command. In English, the id to type, then
 * the name, which may be Chinese when people.yaml has no English one. An id missing from
 * people.yaml is shown as it is.
 */
function personText(index: RepoIndex, id: string): string {
  const p = index.people.get(id)?.value;
  if (!p) return id;
  const name = localized(language(), p.name, p.name_en);
  if (language() === "en") return `${id} ${name}`;
  const namesake = [...index.people.values()].some(({ value: other }) => other.id !== id && other.name === p.name);
  return namesake ? t("people.label", { name, id }) : name;
}

/** A department (or outside party) by its name in Chinese (市场部); in English, its code then its name (MKT Marketing). */
function departmentText(index: RepoIndex, code: string): string {
  const d = index.departments.get(code) ?? index.parties.get(code);
  if (!d) return code;
  return language() === "en" ? `${code} ${localized(language(), d.name, d.name_en)}` : d.name;
}

/** The mark of a suspect link (csr/suspect-link): which end changed since it was confirmed. */
function suspectMark(suspect: AddressedView["suspect"]): string {
  if (!suspect) return "";
  const ends = [suspect.section ? t("show.suspect.section") : "", suspect.csr ? t("show.suspect.requirement") : ""].filter(Boolean);
  return `  ${t("show.suspect", { ends: conjunction(ends) })}`;
}

function clauseLine(repo: Repository, text: string): string {
  const ref = parseClauseRef(text);
  const clause = ref && repo.catalogs.get(ref.standard)?.clauses.get(ref.clause);
  const title = clause ? clauseTitle(clause, language()) : "";
  return title ? `${text} ${title}` : text;
}

/**
 * The review deadline of a superseded CSR: its last round's deadline and how the round ended, as the
 * review-timeliness register judges it, then the supersession. The review of a requirement later
 * superseded is still a record an auditor checks for timeliness (IATF 16949 7.5.3.2.2): "（已被取代）"
 * alone hid a deadline met (tester52 D13).
 */
function supersededReviewLine(round: ReviewRoundTimeliness, superseded: NonNullable<Csr["superseded"]>): string {
  const reason = round.lateReason ? t("review.show.late-reason", { reason: round.lateReason }) : "";
  const verdict =
    round.timeliness === "on-time"
      ? t("show.review.superseded.on-time", { used: t("show.review.superseded.used", { count: round.workdaysUsed }) })
      : round.timeliness === "late"
        ? t("show.review.superseded.late", { count: workdaysPastDue(round), used: t("show.review.superseded.used", { count: round.workdaysUsed }) }) + reason
        : round.timeliness === "superseded-overdue"
          ? t("show.review.superseded.overdue", { count: workdaysPastDue(round) })
          : t("show.review.superseded.undecided");
  const data = { due: round.due, verdict, date: superseded.date, by: superseded.by ?? "" };
  return superseded.by ? t("show.review.superseded-by", data) : t("show.review.superseded", data);
}

function reviewLine(csr: Csr, facts: CsrFacts, due: string): string {
  // Reviewed when the round's first decision was taken; an amendment since is a new decision.
  if (csr.review?.decision) return t("show.review.decided", { due, date: firstDecisionOfRound(csr)!.date });
  const left = facts.daysLeft!;
  if (left < 0) return t("show.review.overdue", { due, count: -left });
  return left === 0 ? t("show.review.due-today", { due }) : t("show.review.left", { due, count: left });
}

function opinionLine(o: Opinion, person: (id: string) => string, department: (code: string) => string): string {
  return [`${department(o.department)} ${t(`value.opinion.${o.opinion}`)}`, person(o.reviewer), o.date].join(t("show.comma")) + (o.comment ? t("show.colon", { text: o.comment }) : "");
}

/** A decision on one line; a forced one whose round names its signed paper record (`onRecord`) has its countersigns there (csr/forced-decision). */
function decisionLine(d: Decision, person: (id: string) => string, onRecord: boolean): string {
  return [t(`value.disposition.${dispositionKey(d)}`), person(d.by), d.date].join(t("show.comma")) + (d.forced ? t(onRecord ? "show.decision.forced-record" : "show.decision.forced") : "") + (d.justification ? t("show.colon", { text: d.justification }) : "");
}

/** The alternative agreed with the customer for a requirement rejected as written, as csr show and the registers print it. */
export function alternativeText(alternative: NonNullable<Decision["alternative"]>): string {
  const record = alternative.record ? t("show.alternative.record", { record: alternative.record }) : "";
  return t("show.alternative", { text: alternative.text, with: alternative.agreed_with, on: alternative.agreed_on, record });
}

/** A reason written as a sentence ("…重新评审。") without its full stop, as it is followed by more of the line. */
function withoutFinalStop(text: string): string {
  return text.replace(/[。．.！!；;，,、\s]+$/u, "");
}

/**
 * " A/1；A/2 待实施（2026-12-15 实施）" for a document whose current revision is released to take effect
 * later while the one before is in force, as the CSR matrix and the registers print it (versionInForce
 * of report/registers/context.ts); "" otherwise, when the version and its status say it all.
 */
function versionInForceText(doc: ControlledDocument | undefined, today: string): string {
  const until = doc ? releasedPendingUntil(doc, today) : undefined;
  const version = doc ? currentRevision(doc)?.version : undefined;
  if (!doc || until === undefined || version === undefined) return "";
  const pending = t("register.version.pending", { version, status: t("register.status.pending", { date: until }) });
  const inForce = revisionInForce(doc, today)?.version;
  return ` ${inForce === undefined ? pending : t("register.version.in-force", { inForce, pending })}`;
}

function pendingOf(standing: Addressing): AddressedView["pending"] {
  return !standing.counts && standing.why === "pending" ? { version: standing.version, date: standing.date } : null;
}

/**
 * The customer's date beside the due date (IATF 16949 7.5.3.2.2: on the customer's schedule): its
 * own, or its source revision's 实施日期, and by how many working days the implementation misses it
 * (csr/late-for-customer). Empty when the customer set none.
 */
function customerDateText(repo: Repository, index: RepoIndex, csr: Csr): string {
  const customer = index.customers.get(csr.customer)?.value;
  const schedule = customerDate(csr, customer);
  if (!schedule) return "";
  const data = { date: schedule.date, source: schedule.source, revision: revisionName(schedule.revision) };
  const late = lateForCustomer(csr, customer);
  if (!late) return t(schedule.own ? "show.implementation.required-by" : "show.implementation.effective", data);
  const count = workdaysLate(repositoryCalendar(repo.config?.value), schedule.date, late.date);
  const stated = t(late.field === "implemented" ? "show.implementation.late-for-customer" : "show.implementation.due-after-customer", { count });
  const reason = csr.implementation?.late_reason;
  const lateness = reason === undefined ? stated : t("show.implementation.late-reason", { late: stated, reason });
  return t(schedule.own ? "show.implementation.required-by-late" : "show.implementation.effective-late", { ...data, late: lateness });
}
