/**
 * `csr site`: the whole quality system as a static website. Every page is built from what the
 * other commands use: documents and review reports through the `csr render` templates (with the
 * site's navigation around them), registers and matrices from the `csr list` / `csr matrix` /
 * `csr export` definitions (auditRegisters), findings as `csr check` gives them. The builder
 * only hands finished files to `write`; where they go is the command's business.
 */
import { dispositionKey } from "../model/decision.js";
import { objectiveRegister } from "../report/registers/objectives.js";
import { lastSignedEdition, listName, signedEditionLine } from "../report/registers/register-editions.js";
import { REGISTER_COMMANDS, type RegisterWithForm } from "../model/register-forms.js";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compareFindings, type Finding } from "../core/diagnostic.js";
import { addDays } from "../core/dates.js";
import { checkRepository } from "../check/engine.js";
import { rules } from "../check/registry.js";
import { UserError } from "../core/errors.js";
import { escapeHtml, escapeRegExp, localized, shellArgument } from "../core/text.js";
import { repositoryCalendar } from "../load/calendar.js";
import { trainingRecordDays, trainingSessionVersions } from "../load/training-records.js";
import { unreadableFiles, unreadableNote } from "../load/silent.js";
import { workdaysOverdue, type WorkCalendar } from "../model/calendar.js";
import { sourceRevisionsUnreviewed } from "../model/source-review.js";
import { revisionNameIn } from "../i18n/values.js";
import type { FolderCommit } from "../load/git.js";
import { TEMPLATES_DIR } from "../load/package.js";
import type { Repository } from "../load/repository.js";
import { inCatalogOrder, type Catalog } from "../model/catalog.js";
import type { Change } from "../model/changes.js";
import { deviationInForce, withdrawnTemporaryText } from "../model/deviations.js";
import { clauseCoverage, procedureCoverage } from "../model/coverage.js";
import { RECORDED_WORDING, type RecordedWording } from "../model/fingerprint.js";
import { classificationName, csrClassification, documentClassification, isStateSecret, isStateSecretCsr } from "../model/classification.js";
import { addressing, unconfirmedLinkText, DEFAULT_REVIEW_DAYS, csrFacts, csrStatusText, historyReason, implementationStatusText, reviewRecordText, type ClosedEntry } from "../model/csr-status.js";
import { currentRevision, revisionEffective } from "../model/index.js";
import { releaseTag } from "../model/paths.js";
import { asRevision, releasedPendingUntil, revisionDate, revisionSignatures } from "../model/revision.js";
import { customerNoticesText } from "../model/customer-notices.js";
import { externalPendingUntil } from "../model/external.js";
import { heldExternalEdition, heldSourceEdition, nextCheckDue, type HeldEdition } from "../model/external-check.js";
import { controlledSince, csrOn, csrRecordedAfter, documentOn, earlierRevisionOn, indexOn, replacedUntilEffective } from "../model/as-of.js";
import { addressedSectionLabel, parseSectionReference } from "../model/sections.js";
import { judgingRoundsOnce } from "../model/review-timeliness.js";
import { sessionResultColumns, sessionResultsIn, sessionTraineesIn } from "../model/training.js";
import { openTrainings, type OpenTraining } from "../model/training-completion.js";
import { documentTrainingRecord, documentTrainingText } from "../model/document-training.js";
import type { ClassificationChange, ControlledDocument, Csr, Customer, Decision, Opinion, Person, Process, ProcessAudit, ReviewRound, Section, SignatureRole, SourceDocument, SourceRevision, TrainingSession } from "../model/types.js";
import { auditUncounted, auditCustomers, auditCycleStart, auditNonconformities, auditKind, auditShifts, auditorRoster, auditsIn, unqualifiedAuditors, type AuditEntry, type AuditorRoster } from "../model/process-audits.js";
import { documentReferrers, type Referrers } from "../model/referrers.js";
import { conjunction, shortList, translate, type MessageData, type MessageKey } from "../i18n/index.js";
import { createRenderer, handlebarsRuntime } from "../render/environment.js";
import { pageFooter } from "../render/pdf.js";
import { markdownToHtml } from "../render/markdown.js";
import { citeClause, csrReportView, deviatedLabel, documentView, type DocumentView, type Lang, type PageLinker, type SupersededRevision } from "../render/view.js";
import { auditorNames, lastAuditText } from "../report/registers/audits.js";
import { auditorPeriods } from "../report/registers/people.js";
import { auditNotes, clauseLastAudits, coverageReading, DIRECT, editionNotes, INHERITED, procedureNotes, servingDocuments, THROUGH_CHILDREN } from "../report/registers/clauses.js";
import { periodicReviewResult } from "../report/registers/periodic-reviews.js";
import { compareIds, csrsOn, csrsOnById, customerName, departmentName, deviationsOn, documentsOn, pastDeviations, withDeviatedVersion, documentStatus, documentTitle, documentVersion, effectiveDate, peopleOf, personName, registerContext, scopeNotes, statusLabel, t, versionInForce, versionInForceOn, type DocumentsOn, type RegisterContext } from "../report/registers/context.js";
import { confirmationText, externalStatus, sourceImplementedOn, sourceRevisionStatus, sourceSuccessor } from "../report/registers/external.js";
import { auditRegisters, REGISTER_PARTS, type RegisterPart } from "../report/registers/index.js";
import { documentList, type DraftsOn } from "../report/registers/documents.js";
import { reviewedVersion } from "../model/periodic-review.js";
import { pickColumns, tableView, type Table } from "../report/table.js";
import { trainingPersonRegister } from "../report/registers/training-person.js";
import { actionFragment, href, rootOf, SitePages, type EntityKind } from "./pages.js";
import { toolingPages } from "./tooling.js";
import { firstArticleIds, firstArticlePages } from "./first-articles.js";
import { findingsTable, PANELS, trainingTracked, type CsrRow, type ListPage, type Panel, type PanelInput, type PanelNumber } from "./panels.js";
import { buildDownloads } from "./downloads.js";
import { blankFormHtml, type BlankFormView } from "./blank-form.js";
import { heatMapCellsHtml, type HeatMapCell } from "./heat-map.js";
import { sectionHtml, writeSection, type Put } from "./section.js";
import { REPORT_TEMPLATES, siteReportHtml } from "./report.js";
import { GENERIC_TEMPLATES, writeGenericPage, type GenericView } from "./page.js";
import { bySeverity, entityFindings } from "./entity-findings.js";
import { namePinyin } from "./pinyin.js";
import type { SearchEntry } from "./search.js";
import { changeConcerns, copiesByKeys, departmentSections, personCopiesSections } from "./department.js";
import { stillHeld } from "../model/distribution.js";
import { changesPeriodFrom, departmentChangesLinks, departmentChangesPage, departmentChangesSection, departmentChangesTitle, previousMonthStart, recentChangesRegister } from "./changes.js";
import { calendarNotice } from "./calendar-notice.js";
import { findingReader, type Reading } from "./attention.js";
import { errorLines } from "./error-banner.js";
import { columnLinker, siteRows, siteTable, type Cell, type SiteRows, type SiteTable, type Chrome, type EntityRef, type Fact, type Linker, type PageStatus, type SiteSection } from "./view.js";
import { processLabel } from "../model/labels.js";

export interface SiteOptions {
  lang: Lang;
  /** The date deadlines are measured against. */
  today: string;
  /** Where the site will be published, e.g. https://qms.example.com/; gives pages a canonical address. */
  baseUrl?: string;
  /** With baseUrl: a sitemap.xml of every page's address. */
  sitemap?: boolean;
  /** csr's version, printed in the footer. */
  version: string;
  /** The documents as the revisions of `today` were released, for those revised since (RegisterContext `released`). */
  released?: ReadonlyMap<string, ControlledDocument>;
  /** Earlier revisions of the documents as released, by release tag (commands/site earlierRevisions): a page each, stamped 已替代 非受控, linked from the document's page (tester59 G11). */
  earlier?: ReadonlyMap<string, ControlledDocument>;
  /**
   * Released documents whose file differs from their current version's release tag, by id, as tagged
   * (commands/shared/registers.ts changedSinceRelease): their pages show the released text and say so.
   */
  changedSinceRelease?: ReadonlyMap<string, ControlledDocument>;
  /**
   * Where the findings of a site of a past day come from (commands/site findingsAsOf): the repository
   * as committed at the end of `today`, or, with no commit by then, the working tree, which the pages say.
   */
  findingsSource?: FindingsSource;
  /** The documents marked 秘密, 机密 or 绝密 (secretDocuments), whose pages, registers and change report withhold their text. */
  secret: ReadonlyMap<string, ControlledDocument>;
  /** Where the register of drafts and documents in review of a past day takes them from (DraftsOn): the commit of that day, or nowhere. */
  drafts?: DraftsOn;
  /** For a site of a past day, the documents as their files were committed then (RegisterContext.committed): drafts, 修订中 and retention of that day. */
  committed?: ReadonlyMap<string, ControlledDocument | null>;
  /** The commits that touched the repository's folder (load/git.ts folderCommits); a document's page lists those of its file made by the end of `today`. */
  commits: readonly FolderCommit[];
  /**
   * The change report (变更报告) of the period the site shows (csr site: the twelve months to `today`), built from the registers' context;
   * with `part`, of the changes `keep` takes (all without it) dated from `part.from` (the period's start without it): the current and previous
   * month (changes.ts), a department's changes and those of its last 30 days. Its notes are worded for people who never use git (tester70 P11).
   */
  changeReport?: (rc: RegisterContext, part?: { from?: string; keep?: (change: Change) => boolean }) => Table;
  /**
   * A register under the heading `csr list`/`csr export` give it (commands/shared/output.ts withHeading:
   * organisation, form number, as-of date, signature lines), for its page and its workbook.
   */
  heading?: (table: Table) => Table;
  /**
   * The version in force of the documents being revised, by id (load/base.ts revisedInForce, as csr check reads it): the
   * section a CSR link names until the release (model/revision.ts citedDocument), on the CSR pages and the findings' readings.
   */
  inForce?: ReadonlyMap<string, ControlledDocument>;
  /** A customer's audit pack: its document as the file has it, before what names another customer was withheld (customer-scope.ts textOf); CSR links are judged on it. */
  textOf?: (doc: ControlledDocument) => ControlledDocument;
  /** The repository's documents a customer's audit pack leaves out (csr site --customer, customer-scope.ts): a reference to one says so. */
  outside?: ReadonlySet<string>;
}

/** The commit whose `csr check` a site of a past day shows (its short id and committer day), or that there was none by then. */
export type FindingsSource = { commit: string; date: string } | { unavailable: true };

/** Where the site goes: each file by its site-relative '/'-separated path. */
export interface SiteWriter {
  write(path: string, content: string | Uint8Array): void;
  /** A file written as `write` puts its pieces out (a register page is megabytes, section.ts Put), complete when this returns. */
  writeParts(path: string, write: (put: Put) => void): void;
  /** The file system path a file is written to by a library that writes files itself (exceljs); its folder exists. */
  fileFor(path: string): string;
}

export interface SiteSummary {
  pages: number;
  files: number;
  /** Documents whose page shows a notice instead of the document (a reference that does not resolve). */
  unrendered: string[];
  /** Document numbers more than one file carries (id/duplicate), each with its files' paths: their page says so instead of showing either file, as csr render --all prints neither. */
  sharedNumbers: { id: string; files: string[] }[];
  /** Documents marked with a level of 国家秘密, whose page shows their register data and not their body. */
  withheld: string[];
  /** CSRs marked with a level of 国家秘密 (their own 密级 or their source's), whose text the site does not publish. */
  withheldCsrs: string[];
  /** Documents marked lower that address such a CSR (secretCsrsAddressedIn): their page too shows their register data and not their body. */
  withheldForCsrs: string[];
  findings: { errors: number; warnings: number };
}

const SITE_TEMPLATES = join(TEMPLATES_DIR, "site");

/** The document numbers more than one file carries (id/duplicate), in the order of the documents, each with its files' repository paths in that order (as csr render --all finds them). */
function filesBySharedNumber(repo: Repository): { id: string; files: string[] }[] {
  const files = new Map<string, string[]>();
  for (const d of repo.documents) files.set(d.value.id, [...(files.get(d.value.id) ?? []), d.file.path]);
  return [...files].filter(([, paths]) => paths.length > 1).map(([id, paths]) => ({ id, files: paths }));
}

/**
 * Nothing from outside the site: scripts and style sheets from the site itself only, no inline style
 * (a document's print styles are the site's assets/document.css; a Markdown table's column alignment is
 * a class), no frames, no connections, forms only to the site.
 */
const SITE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'";
const DOCUMENT_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'";

/**
 * A document's or CSR's page with each table of its A4 column focusable: on a phone (site.css, at most
 * 720 px) each of them scrolls in its own box, and one with nothing focusable in it (no link: the
 * opinions of a review not yet decided, a draft's header) could not be scrolled from the keyboard
 * (axe scrollable-region-focusable, serious; tester48 #7), as the site's own scroll boxes are
 * (section.ts). The column is `table.page` up to the site's sections (site-foot.hbs, report.ts:
 * site-extras); the findings above it and the sections below are in the site's boxes, focusable
 * already. A value's text cannot hold `<table`: it is escaped.
 */
export function focusableTables(html: string): string {
  const start = html.indexOf('<table class="page">');
  if (start < 0) return html;
  const found = html.indexOf('<div class="site-extras">', start);
  const end = found < 0 ? html.length : found;
  // Each `<table>` and `<table class="…">` but `table.page` before the site's sections, found by indexOf: a regular
  // expression over the column, joined again from three slices, cost about three times as much on every page.
  let marked = "";
  let from = 0;
  for (let at = html.indexOf("<table", start + 6); at >= 0 && at < end; at = html.indexOf("<table", at + 6)) {
    const next = at + 6;
    if (html.charCodeAt(next) === 0x3e || (html.startsWith(' class="', next) && !html.startsWith('page"', next + 8))) {
      marked += `${html.slice(from, next)} tabindex="0"`;
      from = next;
    }
  }
  return from === 0 ? html : marked + html.slice(from);
}

/**
 * The repository's documents marked 秘密, 机密 or 绝密 (model/classification.ts isStateSecret), by id:
 * judged once per site, for its pages (buildSite `secret`) and its change report (withoutSecretSummaries).
 */
export function secretDocuments(repo: Repository): ReadonlyMap<string, ControlledDocument> {
  const quoting = secretCsrsAddressedIn(repo);
  return new Map(repo.documents.filter((d) => isStateSecret(repo, d.value) || quoting.has(d.value.id)).map((d) => [d.value.id, d.value]));
}

/**
 * The CSRs marked 秘密, 机密 or 绝密 (isStateSecretCsr) addressed in each document, by the document's id: the
 * section that addresses a requirement writes it into the document's text, so the site withholds that text
 * as it withholds the CSR's own, whatever the document is marked (派生密级; csr check reports a document
 * marked lower than such a CSR, doc/classification-below-csr, tester54a A3).
 */
function secretCsrsAddressedIn(repo: Repository): Map<string, string[]> {
  const customers = new Map(repo.customers.map((c) => [c.value.code, c.value]));
  const out = new Map<string, string[]>();
  for (const { value: csr } of repo.csrs) {
    if (!isStateSecretCsr(customers.get(csr.customer), csr)) continue;
    for (const document of new Set((csr.addressed ?? []).map((a) => a.document))) out.set(document, [...(out.get(document) ?? []), csr.id]);
  }
  return out;
}

/**
 * The documents that did not exist on the past day a site shows: not in the repository as committed at its
 * end (`drafts`, DraftsOn: the commit of that day, commands/shared/registers.ts committedOn) and not
 * controlled by then by their own records (`on`, documentsOn: a draft or document in review now, or first
 * released later). A document released by then that git got only later (a repository adopted with its
 * history on paper) existed: its records say so. None for a site of today, or of a day without a commit by
 * then, when csr cannot tell (its draft's page says so).
 */
function absentOn(repo: Repository, on: DocumentsOn, drafts: DraftsOn | undefined): Set<string> {
  if (drafts === undefined || !("ctx" in drafts)) return new Set();
  const committed = new Set(drafts.ctx.repo.documents.map((d) => d.value.id));
  return new Set(repo.documents.map((d) => d.value.id).filter((id) => !committed.has(id) && !controlledDocument(on.byId.get(id))));
}

/**
 * The rules of the dashboard's attention lists whose findings turn on dated records: deadlines of reviews,
 * implementations, trainings, recalls, distributions after a re-review and periodic reviews, decisions and what they concluded, withdrawals.
 * Not csr/section-missing and csr/suspect-link, which compare texts.
 */
const DATED_RULES: ReadonlySet<string> = new Set([
  "csr/review-overdue",
  "csr/review-due-soon",
  "csr/review-late",
  "csr/forced-decision",
  "csr/not-addressed",
  "csr/addressed-by-obsolete",
  "csr/implementation-overdue",
  "csr/late-for-customer",
  "csr/training-overdue",
  "csr/not-redistributed",
  "doc/recall-overdue",
  "doc/periodic-review-due",
  "doc/revision-pending",
  "doc/obsolete-referenced",
  "doc/training-overdue",
]);

/**
 * The findings of a site of a past day whose findings git cannot give (no commit by then: FindingsSource
 * `unavailable`), the files as they are now checked against the day, with those of DATED_RULES judged again on
 * the records of the day (model/as-of.ts documentOn, csrOn: what was recorded later taken away): a review
 * decided since was open, and perhaps overdue, on that day; an implementation or a periodic review recorded
 * since was not done; a copy taken back since was still out; a document withdrawn since was in force. Judged on
 * today's records, the dashboard counted none of them, its lists agreeing with its numbers only because both
 * were wrong. A document or CSR not yet controlled or received on the day is not judged.
 */
function withDatedRulesOn(repo: Repository, findings: readonly Finding[], today: string): Finding[] {
  const customers = new Map(repo.customers.map((c) => [c.value.code, c.value]));
  const onDay: Repository = {
    ...repo,
    documents: repo.documents.flatMap((d) => {
      const on = documentOn(d.value, today);
      return on ? [on === d.value ? d : { ...d, value: on }] : [];
    }),
    csrs: repo.csrs.flatMap((c) => {
      const on = csrOn(c.value, today, customers.get(c.value.customer));
      return on ? [on === c.value ? c : { ...c, value: on }] : [];
    }),
  };
  const judged = checkRepository(onDay, { today }, rules.filter((rule) => DATED_RULES.has(rule.id))).findings.filter((f) => DATED_RULES.has(f.rule));
  return [...findings.filter((f) => !DATED_RULES.has(f.rule)), ...judged].sort(compareFindings);
}

/** Whether a document of a day (documentsOn) was a controlled one then: released (an external one received) or withdrawn, not a draft or in review. */
function controlledDocument(doc: ControlledDocument | undefined): boolean {
  return doc !== undefined && doc.status !== "draft" && doc.status !== "in-review";
}

/** `findings`: what `csr check` reports on the repository today (the command reads them through the check cache). */
export async function buildSite(repo: Repository, findings: readonly Finding[], options: SiteOptions, out: SiteWriter): Promise<SiteSummary> {
  const { secret } = options;
  const judged = options.findingsSource !== undefined && "unavailable" in options.findingsSource ? withDatedRulesOn(repo, findings, options.today) : findings;
  const shown = withoutSecretBodies(repo, judged, secret, options.lang);
  // An earlier revision of a document marked secret now (its 密级 is register data, not the revision's) is withheld as its current one is.
  const withheld = (doc: ControlledDocument) => ({ ...doc, sections: [], ...withheldRecords(doc, options.lang) });
  const released = options.released && new Map([...options.released].map(([tag, doc]) => [tag, secret.has(doc.id) ? withheld(doc) : doc]));
  const changedSinceRelease = options.changedSinceRelease && new Map([...options.changedSinceRelease].map(([id, doc]) => [id, secret.has(id) ? withheld(doc) : doc]));
  // The registers, the dashboard and the review reports each judge every CSR's review rounds: once is enough.
  const packText = options.textOf;
  const textOf = packText ? (doc: ControlledDocument) => packText(shown.textOf?.(doc) ?? doc) : shown.textOf;
  return judgingRoundsOnce(() => writeSite(shown.repo, shown.findings, { ...options, ...(released ? { released } : {}), ...(changedSinceRelease ? { changedSinceRelease } : {}) }, out, textOf));
}

/**
 * The repository and findings as the site may show them: a document marked 秘密, 机密 or 绝密
 * (model/classification.ts isStateSecret) keeps its register data but loses its sections and its
 * periodic reviews' comments, so that
 * no page, register, review report or search entry can quote them (a CSR addressed to its section
 * 5.5 shows "5.5", not the section's title); a finding in its file says only where it is, since a
 * message may quote the text (doc/mention-unresolved quotes a 《…》 mention).
 */
function withoutSecretBodies(repo: Repository, findings: readonly Finding[], secret: ReadonlyMap<string, ControlledDocument>, lang: Lang): { repo: Repository; findings: readonly Finding[]; textOf?: (doc: ControlledDocument) => ControlledDocument } {
  const customers = new Map(repo.customers.map((c) => [c.value.code, c.value]));
  const secretCsrs = repo.csrs.filter((c) => isStateSecretCsr(customers.get(c.value.customer), c.value));
  if (secret.size === 0 && secretCsrs.length === 0) return { repo, findings };
  const secretFiles = new Set<string>(secretCsrs.map((c) => c.file.path));
  const csrs = secretCsrs.length === 0 ? repo.csrs : repo.csrs.map((located) => (secretFiles.has(located.file.path) ? { ...located, value: withheldCsr(located.value, csrClassification(customers.get(located.value.customer), located.value), lang) } : located));
  const originals = new Map<ControlledDocument, ControlledDocument>();
  const documents = repo.documents.map((located) => {
    if (!secret.has(located.value.id)) return located;
    secretFiles.add(located.file.path);
    const { reviews } = located.value;
    // A periodic review's comment says what must change in the text (需修订): it goes with the text.
    const shown = { ...located.value, sections: [], ...withheldRecords(located.value, lang), ...(reviews ? { reviews: reviews.map(({ comment: _comment, ...review }) => review) } : {}) };
    originals.set(shown, located.value);
    return { ...located, value: shown };
  });
  // A document withheld for the CSRs it addresses (secretCsrsAddressedIn), not for its own 密级, says so.
  const quoting = new Set(repo.documents.filter((d) => secret.has(d.value.id) && !isStateSecret(repo, d.value)).map((d) => d.file.path));
  const withheld = (finding: Finding) => translate(lang, quoting.has(finding.file) ? "site.finding.withheld-for-csr" : "site.finding.withheld", { rule: finding.rule });
  // A CSR link into a withheld text is still judged on that text: emptied, it would read as changed (suspect) on the CSR matrix.
  const textOf = (doc: ControlledDocument) => originals.get(doc) ?? doc;
  // doc/classification-below-csr names only ids and 密级, and tells the reader why the body is missing.
  const quotes = (f: Finding) => secretFiles.has(f.file) && f.rule !== "doc/classification-below-csr";
  // A finding in another file may quote a withheld document's section titles because it is about that document (csr/section-missing:
  // QP-006 … 第 5.5 节现为 '…'): its message names the document too. One about another document that has a section of the same
  // common title (doc/empty-section: CS/QP-012 第 1 节“目的”) quotes nothing of it and is shown.
  const titles = secretSectionTitles(repo.documents.filter((d) => secret.has(d.value.id)).map((d) => d.value));
  const quotesTitle = (f: Finding) => titles.find(([title, id]) => f.message.includes(title) && namesDocument(f.message, id));
  const shownFinding = (f: Finding): Finding => {
    if (quotes(f)) return { ...f, message: withheld(f) };
    const quoted = quotesTitle(f);
    return quoted ? { ...f, message: translate(lang, "site.finding.withheld-section-title", { document: quoted[1], rule: f.rule }) } : f;
  };
  return { repo: { ...repo, documents, csrs }, findings: findings.map(shownFinding), textOf };
}

/** Whether `message` names document `id` (QP-006, CS/QP-013) as an id, not as part of a longer one (QP-0061, CS/QP-013-01). */
function namesDocument(message: string, id: string): boolean {
  for (let at = message.indexOf(id); at >= 0; at = message.indexOf(id, at + 1)) {
    if (!/[A-Za-z0-9/_.-]/.test(message[at - 1] ?? "") && !/[A-Za-z0-9_-]/.test(message[at + id.length] ?? "")) return true;
  }
  return false;
}

/**
 * The section titles (Chinese and English, two characters or more) of the documents withheld from the site, each with
 * its document's id, longest first: a finding elsewhere quoting one and naming its document is not published (GJB 9001C 7.5.3.2: the site shows
 * a 秘密 document's sections by number alone).
 */
function secretSectionTitles(documents: readonly ControlledDocument[]): [title: string, document: string][] {
  const titles: [string, string][] = [];
  const walk = (id: string, sections: readonly Section[] | undefined) => {
    for (const section of sections ?? []) {
      for (const title of [section.title, section.title_en]) if (title && title.trim().length >= 2) titles.push([title.trim(), id]);
      walk(id, section.sections);
    }
  };
  for (const doc of documents) walk(doc.id, doc.sections);
  return titles.sort((a, b) => b[0].length - a[0].length);
}

/** The CSRs marked 秘密, 机密 or 绝密 (their own 密级 or their source's: isStateSecretCsr), by id, with that 密级; for withoutSecretSummaries. */
export function secretCsrIds(repo: Repository): Map<string, string> {
  const customers = new Map(repo.customers.map((c) => [c.value.code, c.value]));
  const out = new Map<string, string>();
  for (const { value } of repo.csrs) if (isStateSecretCsr(customers.get(value.customer), value)) out.set(value.id, csrClassification(customers.get(value.customer), value));
  return out;
}

/**
 * A CSR marked 秘密, 机密 or 绝密 (its own 密级 or its source document's: model/classification.ts
 * isStateSecretCsr) as the site shows it: its register data (id, title, source and section, clauses,
 * dates, who reviewed, decided and implemented it) but not its requirement text, which quotes the
 * customer's classified document, nor what may quote it: the departments' comments, the decision's
 * justification, a confirmation's comment and the earlier wording an amendment kept. The free text
 * written about it — why a review was late, the implementation's evidence (a test report's result
 * against the requirement) and why it was late for the customer's date, why it was superseded, why an amendment was made, why a review round was
 * opened again or a record replaced (a history entry's `reason` as written) — is replaced by a line
 * saying it is not published, so that a report still shows that it was recorded (tester53 N1). Its
 * page, the registers and their downloads and the search index are all built from this.
 */
function withheldCsr(csr: Csr, classification: string, lang: Lang): Csr {
  const name = classificationName(lang, classification);
  const hidden = translate(lang, "site.csr.field.withheld", { classification: name });
  const text = <T extends string | undefined>(value: T): T => (value === undefined || value === "" ? value : (hidden as T));
  const opinions = (list: readonly Opinion[] | undefined) => list?.map(({ comment: _comment, ...opinion }) => opinion);
  const decision = (d: Decision | undefined) => d && (({ justification: _justification, ...rest }) => rest)(d);
  // Why a round was closed or a record replaced, as the user wrote it; csr's own words ("amended", a new
  // source revision's, said from the revisions by historyReason) quote nothing and stay.
  const reason = (entry: ClosedEntry) => (entry.reason !== undefined && entry.reason !== "" && historyReason(entry, "", lang) === entry.reason ? { reason: hidden } : {});
  const review = csr.review && {
    ...csr.review,
    ...(csr.review.late_reason !== undefined && { late_reason: text(csr.review.late_reason) }),
    ...(csr.review.opinions && { opinions: opinions(csr.review.opinions) }),
    ...(csr.review.decision && { decision: decision(csr.review.decision) }),
    ...(csr.review.confirmations && { confirmations: csr.review.confirmations.map(({ comment: _comment, ...c }) => ({ ...c, ...(c.late_reason !== undefined && { late_reason: text(c.late_reason) }) })) }),
    ...(csr.review.history && {
      history: csr.review.history.map((round) => ({ ...round, ...reason(round), ...(round.late_reason !== undefined && { late_reason: text(round.late_reason) }), ...(round.opinions && { opinions: opinions(round.opinions) }), ...(round.decision && { decision: decision(round.decision) }) })),
    }),
  };
  const implementation = csr.implementation && {
    ...csr.implementation,
    ...(csr.implementation.evidence !== undefined && { evidence: text(csr.implementation.evidence) }),
    ...(csr.implementation.late_reason !== undefined && { late_reason: text(csr.implementation.late_reason) }),
    ...(csr.implementation.history && { history: csr.implementation.history.map((h) => ({ ...h, ...reason(h), ...(h.evidence !== undefined && { evidence: text(h.evidence) }), ...(h.late_reason !== undefined && { late_reason: text(h.late_reason) }) })) }),
  };
  // The requirement's wording kept in earlier rounds (csr set after csr source update) goes with its text.
  const wording = <T extends { title?: string; text?: string }>(round: T): T => ({ ...round, ...(round.title !== undefined && { title: hidden }), ...(round.text !== undefined && { text: hidden }) });
  if (review?.history) review.history = review.history.map(wording);
  // The title says what the requirement asks (电源模块100%温度循环筛选): withheld as its text is (note36), in every page,
  // register, link and search entry; the link is still judged on the wording recorded (RECORDED_WORDING).
  const recorded: RecordedWording = { title: csr.title, ...(csr.title_en !== undefined && { title_en: csr.title_en }), text: csr.text };
  const shown: Csr & { [RECORDED_WORDING]: RecordedWording } = {
    ...csr,
    [RECORDED_WORDING]: recorded,
    title: hidden,
    ...(csr.title_en !== undefined && { title_en: hidden }),
    text: translate(lang, "site.csr.text.withheld", { classification: name }),
    ...(review && { review }),
    ...(implementation && { implementation }),
    ...(csr.superseded && { superseded: { ...csr.superseded, reason: text(csr.superseded.reason) } }),
    ...(csr.amendments && { amendments: csr.amendments.map(({ was: _was, ...amendment }) => ({ ...amendment, ...(amendment.reason !== undefined && { reason: text(amendment.reason) }) })) }),
  };
  return shown;
}

/**
 * A revision's summary (修订内容) says what changed in the text, and csr's commit message of the release
 * repeats it, which a classified document's page withholds (site.document.commit.withheld): it goes with
 * the text, the revision's number, date, pages and signatures stay. So does the reason it was withdrawn
 * for (作废原因: 工艺改由HH-WI-06统一规定 says what the text prescribed); the day and the successor stay.
 */
function withheldRecords(doc: ControlledDocument, lang: Lang): Pick<ControlledDocument, "revisions" | "obsolete"> {
  const summary = translate(lang, "site.revision.summary.withheld");
  return {
    ...(doc.revisions && { revisions: doc.revisions.map(({ summary_en: _english, ...r }) => (r.summary ? { ...r, summary } : r)) }),
    ...(doc.obsolete && { obsolete: { ...doc.obsolete, reason: translate(lang, "site.obsolete.reason.withheld") } }),
  };
}

/**
 * The change report as the site may show it: a revision of a document marked 秘密, 机密 or 绝密
 * (`secret`, secretDocuments) keeps its row (number, versions, pages changed, dates) but not its
 * summary, and its withdrawal its row and successor but not its reason (withheldRecords), in the
 * register's page and its csv and xlsx alike; csr changes and csr export, which are not published, keep them.
 * A CSR marked 秘密 or above (`secretCsrs`, secretCsrIds) keeps its rows but not the free text written
 * about it: an implementation's evidence, why it was superseded or reviewed again (withheldCsr, tester53 N1).
 */
export function withoutSecretSummaries<T extends { changes: Change[]; entered: Change[] }>(period: T, secret: ReadonlyMap<string, ControlledDocument>, lang: Lang, secretCsrs: ReadonlyMap<string, string> = new Map()): T {
  if (secret.size === 0 && secretCsrs.size === 0) return period;
  const withheld = translate(lang, "site.revision.summary.withheld");
  // The rows a revision record gives (model/changes.ts revisionRecord); a draft added without one says its status.
  const fromRecord = (c: Change) => c.kind === "released" || c.kind === "effective" || (c.kind === "added" && c.to !== "");
  const withdrawal = (c: Change, doc: ControlledDocument): Change => {
    const successor = doc.obsolete?.superseded_by;
    // As model/changes.ts writes the detail of a withdrawal: the reason, then the successor.
    return { ...c, detail: [translate(lang, "site.obsolete.reason.withheld"), successor ? `→ ${successor}` : ""].filter(Boolean).join(" ") };
  };
  const shown = (c: Change): Change => {
    const csrClass = c.area === "csr" ? secretCsrs.get(c.id) : undefined;
    if (csrClass !== undefined) {
      const hidden = translate(lang, "site.csr.field.withheld", { classification: classificationName(lang, csrClass) });
      const reason = (c.kind === "superseded" || c.kind === "reopened") && c.detail !== "";
      return { ...c, ...(c.title !== "" && { title: hidden }), ...(reason && { detail: hidden }), ...(c.evidence && { evidence: hidden }) };
    }
    const doc = c.area === "document" ? secret.get(c.id) : undefined;
    // A periodic review's comment says what must change in the text (需修订), as its page leaves it out (withoutSecretBodies).
    if (doc !== undefined && c.kind === "reviewed" && c.remark !== undefined) return (({ remark: _remark, ...rest }) => rest)(c);
    if (doc === undefined || c.detail === "") return c;
    if (fromRecord(c)) return (({ detail_en: _english, ...rest }) => ({ ...rest, detail: withheld }))(c);
    return c.kind === "withdrawn" ? withdrawal(c, doc) : c;
  };
  return { ...period, changes: period.changes.map(shown), entered: period.entered.map(shown) };
}

async function writeSite(repo: Repository, findings: readonly Finding[], options: SiteOptions, out: SiteWriter, textOf?: (doc: ControlledDocument) => ControlledDocument): Promise<SiteSummary> {
  const { lang, today } = options;
  // An audit pack holds the documents addressing one customer's requirements, not the quality system: every view of its clause
  // coverage (the clause matrices and cross-reference, the heat map, the dashboard's clause panel) says that it counts those
  // documents only (tester70 P8, site70b's note).
  const coverageNote = options.outside ? translate(lang, "site.customer-pack.coverage", { customer: repo.customers[0]?.value.code ?? "", count: repo.documents.length }) : undefined;
  const rc = { ...registerContext(repo, lang, options.released, options.committed), ...(textOf ? { textOf } : {}), ...(coverageNote ? { coverageNote } : {}) };
  const { index } = rc;
  // A site of a past day leaves out the documents that did not exist then (absentOn): no page, no link to one, no search entry.
  const absent = absentOn(repo, documentsOn(rc, today), options.drafts);
  const pages = new SitePages(index, absent, repo.tooling.map((t) => t.value.id), firstArticleIds(rc, today));
  const Handlebars = await handlebarsRuntime();
  const renderer = await createRenderer(repo.root, "html", lang, {
    partials: sitePartials(),
    helpers: new Map<string, (...args: never[]) => string>([
      ["section-html", (section: SiteSection) => sectionHtml(section, Handlebars.escapeExpression)],
      ["heat-map-cells", (cells: HeatMapCell[]) => heatMapCellsHtml(cells, Handlebars.escapeExpression)],
    ]),
  });
  const body = await markdownToHtml({ site: true });
  const commits = fileCommits(options.commits, today);
  const tr = (key: MessageKey, data?: MessageData) => t(rc, key, data);
  const organisation = repo.config ? localized(lang, repo.config.value.organisation.name, repo.config.value.organisation.name_en) : "";
  // Every page written, in order: the sitemap lists them all.
  const htmlPages: string[] = [];
  let fileCount = 0;
  const emit = (path: string, content: string | Uint8Array) => {
    out.write(path, content);
    fileCount++;
    if (path.endsWith(".html")) htmlPages.push(path);
  };

  const navItems: [string, string][] = [
    ["index.html", tr("site.nav.dashboard")],
    // A customer's audit pack has no heat map: its clause coverage would be counted from the pack's few documents (tester74 T10).
    ...(options.outside ? [] : [["coverage.html", tr("site.nav.coverage")] as [string, string]]),
    ["registers/index.html", tr("site.nav.registers")],
    ["customers.html", tr("site.nav.customers")],
    ["people.html", tr("site.nav.people")],
    ["departments.html", tr("site.nav.departments")],
    ["findings.html", tr("site.nav.findings")],
    ["search.html", tr("site.nav.search")],
  ];
  // The frame is the same on every page of a folder that is not in the navigation: made once per folder.
  const labels = {
    navLabel: tr("site.nav.label"),
    searchLabel: tr("site.search-box.label"),
    searchButton: tr("site.search-box.button"),
    skip: tr("site.skip-to-content"),
    footer: tr("site.footer", { version: options.version, today }),
    listSeparator: tr("common.list-separator"),
    notice: calendarNotice(rc, today),
  };
  const frames = new Map<string, Omit<Chrome, "csp" | "canonical" | "scripts" | "sections">>();
  const frame = (page: string) => {
    const key = navItems.some(([target]) => target === page) ? page : rootOf(page);
    let made = frames.get(key);
    if (!made) {
      made = {
        lang,
        root: rootOf(page),
        organisation,
        nav: navItems.map(([target, text]) => ({ text, href: href(page, target), current: target === page })),
        navLabel: labels.navLabel,
        search: { action: href(page, "search.html"), label: labels.searchLabel, button: labels.searchButton },
        skip: labels.skip,
        footer: labels.footer,
        listSeparator: labels.listSeparator,
        ...(labels.notice ? { notice: labels.notice } : {}),
      };
      frames.set(key, made);
    }
    return made;
  };
  const chrome = (page: string, extra: Partial<Chrome> = {}): Chrome => ({
    csp: SITE_CSP,
    ...frame(page),
    ...(options.baseUrl ? { canonical: addressOf(options.baseUrl, page) } : {}),
    scripts: [],
    sections: [],
    ...extra,
  });
  const link = (from: string, kind: EntityKind, id: string | undefined, fragment?: string): string | undefined => (id ? pages.link(from, kind, id, fragment) : undefined);
  // The distribution register names people by name: a name that is one person's links to their page, one shared by two to neither.
  const personByName = new Map<string, string | undefined>();
  for (const { value: p } of index.people.values()) {
    const name = personName(rc, p.id);
    personByName.set(name, personByName.has(name) ? undefined : p.id);
  }
  const copyPeople = (page: string): Linker => (_row, key, text) => (COPY_PEOPLE.has(key) ? link(page, "person", personByName.get(text)) : undefined);
  const entityCell = (from: string, kind: EntityKind, id: string | undefined, text = id ?? ""): Cell => {
    const target = link(from, kind, id);
    return target ? { text, href: target } : { text };
  };
  // The 涉及 column of a customer's or a person's findings: the CSR or document a finding is in, linking to its page (its id one
  // word, never broken at its hyphen), or `own` for the entity's own file (customers/<code>.yaml, people.yaml).
  const concerns = (page: string, own: string) => ({
    header: tr("site.customer.findings.about"),
    cell: (finding: Finding): Cell => {
      const entity = entityOfFile(finding.file);
      return entity?.kind === "csr" || entity?.kind === "document" ? { ...entityCell(page, entity.kind, entity.id), className: "code" } : { text: own };
    },
  });
  const escape = Handlebars.escapeExpression;
  const section = (s: SiteSection) => sectionHtml(s, escape);
  // Written by code (page.ts, report.ts) unless the repository replaces a template they are made of.
  const replaces = (templates: readonly string[]) => templates.some((name) => existsSync(join(repo.root, "templates", "html", `${name}.hbs`)));
  const ownGeneric = replaces(GENERIC_TEMPLATES);
  const generic = (page: string, view: Omit<GenericView, "site">) => {
    const full = { ...view, site: chrome(page) };
    if (ownGeneric) return emit(page, renderer.renderPartial("site-generic", full));
    out.writeParts(page, (put) => writeGenericPage(full, escape, put, (s, into) => writeSection(s, escape, into)));
    fileCount++;
    htmlPages.push(page);
  };
  // A table of a page written by code has its rows made as they are written; a repository's own templates get them all.
  const tableOf = (table: Table, link: Linker): SiteTable | SiteRows => (ownGeneric ? siteTable(table, link) : siteRows(table, link));
  const entityOfFile = fileEntities(repo);
  const cannotShow = (error: UserError) => tr("site.cannot-show", { message: error.message });

  // A register, matrix or list that lacks the files csr could not read says so under its table, as `csr list`'s
  // (unreadableNote), and so does its workbook; its CSV, as `csr list`'s, carries rows only (tester47 F1).
  const unreadable = unreadableFiles(repo.problems);
  const incomplete = unreadableNote(repo.problems, lang);
  const noting = (notes: string[] | undefined) => (incomplete ? [...(notes ?? []), incomplete] : notes);

  const standards = scopeCatalogs(repo);
  const registers = registerFiles([...auditRegisters(rc, today, options.drafts), ...(options.changeReport ? [options.changeReport(rc), recentChangesRegister(rc, options.changeReport(rc, { from: previousMonthStart(today) }), today)] : [])], standards);
  // A note naming the command that lists another register (…见内部审核记录（csr list audits）) links to its page here (tester82 A6).
  const linkNotes = noteLinker(registers);
  // A corrective action's id on a page links to its row of the action register (纠正措施台账, look65 #5): one the register of the day lists.
  const actionRegister = registers.find((r) => r.table.id === "actions");
  const actionRows = new Set((actionRegister?.table.rows ?? []).map((row) => String(row.id ?? "")));
  const actionLink = (from: string, id: string) => (actionRegister && actionRows.has(id) ? href(from, `registers/${actionRegister.name}.html`, actionFragment(id)) : undefined);
  // A rendered document or review report links the documents it names and every person of people.yaml it names (signers, reviewers, the decider, the owner),
  // and the corrective actions its revisions carry out. A reference to a document the repository does not have is marked in place (tester59 G2): the
  // approved text stays on the page.
  const pageLinker = (page: string): PageLinker => ({
    document: (id) => link(page, "document", id),
    person: (id) => link(page, "person", id),
    action: (id) => actionLink(page, id),
    unresolved: (id, file) => (options.outside?.has(id) ? tr("site.reference.outside-pack") : file ? tr("site.reference.unreadable", { file }) : tr("site.reference.missing")),
  });

  // --- Documents: the rendered document, then what links to it and the commits that touched it.
  const unrendered: string[] = [];
  // A number two files carry: which of them is the document, only its owner can say (csr check, id/duplicate); csr render --all prints neither (breaker59 H7).
  const sharedNumbers = filesBySharedNumber(repo);
  const withheld: string[] = [];
  const withheldCsrs: string[] = [];
  const withheldForCsrs: string[] = [];
  const quotingCsrs = secretCsrsAddressedIn(repo);
  const findingsOf = entityFindings(repo, findings, entityOfFile);
  const documentsOnDay = documentsOn(rc, today);
  const calendar = repositoryCalendar(repo.config?.value);
  // Each finding on an entity's page read for a reader (attention.ts), from the records of `today` as the pages show them.
  // A repeated id is the first of its files, as the index and the CSR pages keep it (ref/duplicate-id reports the others).
  const csrsOnDay = csrsOnById(rc, today);
  // A released document changed in its file without a new revision is shown as its release tag has it: the text approved.
  const documentsShown = new Map(documentsOnDay.byId);
  for (const [id, tagged] of options.changedSinceRelease ?? []) {
    const current = documentsShown.get(id);
    const shown = current && documentOn(current, today, tagged);
    if (shown) documentsShown.set(id, shown);
  }
  const asOf = { documents: documentsShown, csrs: csrsOnDay };
  // Who names a document (related, forms) as the documents are shown on the day, as csr show finds them: a reference
  // only the draft of a revision in preparation (修订中) makes is not the released document's (tester64 N13).
  const referrers = documentReferrers({ ...repo, documents: repo.documents.flatMap((l) => (documentsShown.get(l.value.id) === undefined ? [] : [{ ...l, value: documentsShown.get(l.value.id)! }])) });
  // What a document's page and a review report say of the documents they name (withdrawn, which version) is what the records say of that day.
  const indexOnDay = indexOn(index, today);
  const readFinding = findingReader({ rc, today, calendar, entityOfFile, asOf, ...(options.inForce ? { inForce: options.inForce } : {}) });
  // A customer's audit pack lists each finding as what is due, by when and by whom (findingReader), not as csr check's
  // message, which tells the organisation's own document controller which csr command records it (tester74 T10).
  const listedFindings = options.outside ? findings.map((f) => ({ ...f, message: readingText(rc, readFinding(f)) })) : findings;
  // Who answers for a finding, when that is one person of people.yaml by name, links to their page (not a person's page to itself).
  const responsibleOf = (page: string, self?: string) => (name: string) => {
    const id = personByName.get(name);
    return id === self ? undefined : link(page, "person", id);
  };
  const ownFindings = (page: string, kind: EntityKind, id: string) => findingsSection(rc, page, findingsOf(kind, id), readFinding, responsibleOf(page));
  // A document's controlled copies: the distribution register's rows of it (文件发放/回收记录).
  // auditRegisters builds every register with everyRegister: the distribution and review-timeliness registers are among them.
  const distribution = registers.find((r) => r.table.id === "distribution")!.table;
  const csrRegister = registers.find((r) => r.table.id === "csr-list")!.table;
  const copiesOf = groupBy(distribution.rows, (row) => [String(row.number)]);
  // The person and department pages take their copies from the same register, by holder and by department.
  const copies = copiesByKeys(distribution);
  // What the search finds a document by: the text its page shows, the version in force while the next is 待实施 (tester59 G1).
  const searched = new Map(documentsShown);
  const documentPages = new Set(pages.entries("document").map(([, path]) => path.toLowerCase()));
  for (const located of index.documents.values()) {
    const current = located.value;
    if (absent.has(current.id)) continue;
    const page = pages.page("document", current.id)!;
    const sharing = sharedNumbers.find((shared) => shared.id === current.id);
    if (sharing) {
      // The page stays, so that links to the number still lead somewhere; it shows neither file as the controlled text.
      generic(page, { title: current.id, lead: tr("site.document.same-number", { id: current.id, files: conjunction(sharing.files) }), sections: [...present(ownFindings(page, "document", current.id))] });
      continue;
    }
    // On a point-of-use page csr check's findings are document control's to-dos: folded below the text (tester59 G7);
    // what the reader must know about the text shown (which text it is, and why) stays above it.
    const todo = ownFindings(page, "document", current.id);
    let notices: SiteSection | undefined;
    const notice = (title: string, note: string) => {
      notices = notices ? { ...notices, title: `${title} · ${notices.title}`, notes: [note, ...(notices.notes ?? [])] } : { title, notes: [note] };
    };
    const secret = options.secret.has(current.id);
    // A commit message of a 秘密 document may describe its text: its page lists the commits without their messages.
    const docCommits = (commits.get(located.file.path) ?? []).map((c) => (secret ? { ...c, message: tr("site.document.commit.withheld") } : c));
    // The document as its records show it on `today`, as the registers of that day list it (documentsOn): a site
    // of a past day shows the version then in force, with its revision record and, from git, its text (tester25 F4).
    // A released document changed in its file without a new revision: the text approved is the tag's, not the file's.
    const doc = documentsShown.get(current.id);
    if (doc && options.changedSinceRelease?.has(current.id)) {
      const version = currentRevision(current)!.version;
      const tag = releaseTag(current.id, version);
      // Said first, in the box's title too: the text on the page is not the file's. The commands it gives are pasted into a shell.
      const commands = { id: shellArgument(current.id), tagArg: shellArgument(tag), pathArg: shellArgument(located.file.path) };
      notice(tr("site.document.unreleased-changes.title"), tr("site.document.unreleased-changes", { version, tag, path: located.file.path, ...commands }));
    }
    // A draft of a site of a past day without a commit by then: whether it was written by then, nothing dated says.
    if (doc && options.drafts && "unknown" in options.drafts && !controlledDocument(doc)) {
      notice(tr("site.document.undated-draft.title", { date: today }), tr("site.document.undated-draft", { id: doc.id, status: statusLabel(rc, doc.status), date: today }));
    }
    if (doc === undefined) {
      // Released (an external one: received) after `today`: not yet a controlled document on that day.
      const key = current.kind === "external" ? "site.document.not-yet.received" : "site.document.not-yet.released";
      generic(page, { title: `${current.id} ${documentTitle(rc, current)}`, lead: tr(key, { id: current.id, since: controlledSince(current, today) ?? "", date: today }), sections: [commitsSection(rc, docCommits)] });
      continue;
    }
    // A version released to take effect later (待实施, csr release --effective): until that day the page is the version
    // still in force, as released (its text read from git by releasedOn), and the coming one has a page of its own,
    // marked for training and preparation only (tester59 G1; IATF 16949 7.5.3.2.1, 8.5.6). Without that text in git the
    // page stays the coming version, and its status line says which version is in force.
    const replaced = documentsOnDay.unread.has(current) ? undefined : replacedUntilEffective(doc, today);
    const inForceText = replaced && options.released?.get(releaseTag(doc.id, replaced.version));
    const comingPage = inForceText ? pendingPage(page, currentRevision(doc)!.version, documentPages) : undefined;
    const shown = inForceText ? asRevision(doc, replaced!.version, inForceText) : doc;
    // A form in force: its blank sheet to print (a page of its own), or where to get it when the repository does not hold its items (tester59 G10).
    const blank = !secret && shown.kind === "form" && shown.status === "released" && !(replaced && !inForceText) ? blankForm(rc, page, shown, documentPages) : undefined;
    // Each earlier revision git holds the text of: a page of its own, stamped 已替代 非受控 (tester59 G11).
    const earlierPages = !secret && !(replaced && !inForceText) ? earlierRevisionPages(page, shown, options.earlier) : [];
    const sections = documentSections(rc, page, doc, referrers.get(doc.id), docCommits, entityCell, copiesSection(rc, doc, distribution, copiesOf.get(doc.id), copyPeople(page)), today, csrsOnDay, absent, calendar, (id) => actionLink(page, id), blank?.item, earlierSection(rc, page, earlierPages));
    // A document marked 秘密, 机密 or 绝密 is read on a need-to-know basis, never on a shared web page
    // (a site may be hosted anywhere): its page has what the registers show of it, not its body.
    if (secret) {
      const own = isStateSecret(repo, doc);
      (own ? withheld : withheldForCsrs).push(doc.id);
      const lead = own
        ? tr("site.document.withheld", { classification: classificationName(lang, documentClassification(repo, doc)) })
        : tr("site.document.withheld-for-csr", { id: doc.id, csrs: (quotingCsrs.get(doc.id) ?? []).join(tr("rule.doc/classification-below-csr.separator")), classification: classificationName(lang, documentClassification(repo, doc) || "") || tr("rule.doc/classification-below-csr.unmarked") });
      generic(page, { title: `${doc.id} ${documentTitle(rc, doc)}`, lead, facts: registerFacts(rc, page, doc, entityCell), sections: [...present(notices), ...sections, ...present(todo)] });
      continue;
    }
    if (inForceText) searched.set(doc.id, shown);
    const todoBox = todo && { summary: tr("site.document.todo", { count: findingsOf("document", current.id).length }), section: todo };
    const deviating = deviationsInForce(rc, (referrers.get(doc.id)?.deviations ?? []).filter((id) => !absent.has(id)), today);
    const pageStatus = (of: ControlledDocument, from: string, coming?: { page: string; version: string; date: string }) => documentStatusLine(rc, of, today, from, (id) => link(from, "document", id), coming, deviating);
    let html: string;
    try {
      // A document being revised (修订中) shows its version in force as released, not the draft in its file;
      // a site of a past day, the version of that day as released (documentsOn).
      // Their text not in git (documentsOn `unread`): the page shows the file's text, and says why.
      const unread = documentsOnDay.unread.has(current);
      const earlier = earlierRevisionOn(current, today);
      // Being revised, the file holds the draft: shown as csr render shows it, stamped 草稿.
      const draftOnly = unread && current.status === "released" && current.revising !== undefined;
      // Not yet in force, and git lacks the text of the version that is (a shallow clone, a release made without csr):
      // the page shows the coming version, and says so above it, with its 实施日期.
      if (replaced && !inForceText) {
        const coming = currentRevision(doc)!.version;
        notice(
          tr("site.document.in-force-unread.title", { inForce: replaced.version }),
          tr("site.document.in-force-unread", { id: doc.id, inForce: replaced.version, tag: releaseTag(doc.id, replaced.version), coming, date: releasedPendingUntil(doc, today) ?? "" }),
        );
      }
      if (unread) {
        const version = currentRevision(doc)!.version;
        const note = earlier
          ? tr("site.document.as-of-unread", { id: doc.id, version, date: today, tag: releaseTag(doc.id, version), current: currentRevision(current)!.version })
          : tr("site.document.revising-unread", { id: doc.id, since: current.revising?.since ?? "", version, tag: releaseTag(doc.id, version) });
        notice(earlier ? tr("site.document.as-of-unread.title", { date: today }) : tr("site.document.revising-unread.title"), note);
      }
      const rendered = (of: ControlledDocument, from: string, extra: Partial<Chrome>, pending: boolean) => {
        const view = documentView(repo, indexOnDay, of, lang, body, pageLinker(from), today, draftOnly);
        // A controlled copy is a numbered paper copy in the distribution register (文件发放/回收记录): a page of the site,
        // or its print, is a reference copy, stamped 非受控 where csr render stamps a released document 受控 (待实施 非受控
        // on the page of a version not yet in force). The confidentiality notice says the copy is controlled, so it goes with the 受控 stamp.
        // An external document is controlled as an external document (外来文件清单), but its page is not a controlled copy of it either: 外来文件 非受控.
        const stamp = view.stamp === "released" ? (pending ? "pending" : "uncontrolled") : view.stamp === "external" ? "external-uncontrolled" : view.stamp;
        const confidentiality = stamp === "uncontrolled" || stamp === "pending" || stamp === "external-uncontrolled" ? "" : view.confidentiality;
        // The status line at the top links a withdrawn document's replacement: the notice above the text does not repeat it (page59).
        const obsolete = view.obsolete && extra.status ? { ...view.obsolete, supersededBy: "" } : view.obsolete;
        return focusableTables(renderer.render(of.kind, { ...view, stamp, confidentiality, ...(obsolete ? { obsolete } : {}), site: chrome(from, { csp: DOCUMENT_CSP, ...extra }) }));
      };
      // The coming version shown for want of the text in force is stamped 待实施 and said to be so, the version in force named.
      const comingShown = replaced !== undefined && !inForceText;
      const firstPending = doc.status === "released" && (replaced === undefined || comingShown) && releasedPendingUntil(doc, today) !== undefined;
      const coming = comingPage ? { page: comingPage, version: currentRevision(doc)!.version, date: releasedPendingUntil(doc, today)! } : undefined;
      const inForce = comingShown ? { ...pendingStatusLine(rc, doc, replaced.version, releasedPendingUntil(doc, today) ?? "", "", deviating, (id) => link(page, "document", id)), note: tr("site.document.status.uncontrolled") } : pageStatus(shown, page, coming);
      // A form's blank sheet is what the shop floor came for: linked from the line read first, too.
      const status = blank?.page ? { ...inForce, parts: [...inForce.parts, { text: " " }, { text: tr("site.blank-form.status.link", { version: documentVersion(shown) }), href: href(page, blank.page) }] } : inForce;
      html = rendered(shown, page, { sections, ...(notices ? { alerts: notices } : {}), ...(todoBox ? { todo: todoBox } : {}), status }, firstPending);
      for (const e of earlierPages) {
        const view = documentView(repo, indexOnDay, e.doc, lang, body, pageLinker(e.page), today, false, e.superseded);
        const status: PageStatus = { tone: "stop", parts: [{ text: tr("site.document.earlier.status", { id: doc.id, ...e.superseded }) }, { text: tr("site.document.earlier.back", { id: doc.id }), href: href(e.page, page) }, { text: tr("site.document.status.end") }] };
        emit(e.page, focusableTables(renderer.render(e.doc.kind, { ...view, site: chrome(e.page, { csp: DOCUMENT_CSP, status }) })));
      }
      if (blank?.page) {
        const view = documentView(repo, indexOnDay, shown, lang, body, pageLinker(blank.page), today);
        emit(blank.page, blankFormHtml(blankFormView(rc, view, renderer.labels, blank.page, page, today), escape));
      }
      if (comingPage) {
        const comingStatus = pendingStatusLine(rc, doc, replaced!.version, releasedPendingUntil(doc, today)!, page === comingPage ? "" : href(comingPage, page), deviating, (id) => link(comingPage, "document", id));
        emit(comingPage, rendered(doc, comingPage, { status: comingStatus }, true));
      }
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      unrendered.push(doc.id);
      generic(page, {
        title: `${doc.id} ${documentTitle(rc, doc)}`,
        lead: cannotShow(error),
        sections: [...present(notices), ...sections, ...present(todo)],
      });
      continue;
    }
    emit(page, html);
  }

  // --- CSRs: the review report, then the facts of today and the earlier review rounds.
  // Every CSR as its records show it on `today` (csrsOn), as the registers of that day: a site of a past day shows a
  // review decided later as open, and measures it against its deadline (tester25 F4); its documents are those of that day.
  const factsContext = { config: repo.config?.value, calendar, document: (id: string) => documentsOnDay.byId.get(id), today };
  // A review report's 落实文件 in the version in force that day, as the CSR matrix of the same site (tester49 #3).
  const addressedVersion = versionInForceOn(rc, today);
  const csrIds = new Set<string>();
  const csrRows: CsrRow[] = csrsOn(rc, today)
    // One row an id, as the index keeps the first of a repeated id (ref/duplicate-id reports the others).
    .filter((csr) => !csrIds.has(csr.id) && csrIds.add(csr.id) !== undefined)
    .map((csr) => ({ csr, facts: csrFacts(csr, factsContext) }))
    .sort((a, b) => compareIds(a.csr.id, b.csr.id));
  // What each CSR superseded (csr.superseded.by names the successor): the successor's page links back.
  const successors = groupBy(csrRows.map((r) => r.csr).filter((c) => c.superseded?.by), (c) => [c.superseded!.by!]);
  const ownReport = replaces(REPORT_TEMPLATES);
  // Received after `today`: not yet a CSR of the organisation on that day.
  for (const { value: csr } of index.csrs.values()) {
    if (csrIds.has(csr.id)) continue;
    generic(pages.page("csr", csr.id)!, { title: `${csr.id} ${localized(lang, csr.title, csr.title_en)}`, lead: tr("site.csr.not-yet", { id: csr.id, since: csr.received, date: today }), sections: [] });
  }
  // Documents whose page shows no body (it could not be rendered): their sections have no place on it to link to (tester50a #7).
  const bodiless = new Set(unrendered);
  for (const { csr, facts } of csrRows) {
    const page = pages.page("csr", csr.id)!;
    if (isStateSecretCsr(index.customers.get(csr.customer)?.value, csr)) withheldCsrs.push(csr.id);
    const alerts = ownFindings(page, "csr", csr.id);
    // Training record numbers recorded without a session carry no date: on a page of a CSR with records made after the day, said once (as csrAsOfNotes does under the CSR registers).
    const undatedTraining = csr.training?.records?.length && csrRecordedAfter(index.csrs.get(csr.id)!.value, today) ? csr.training.records.join(tr("common.list-separator")) : undefined;
    const sections = csrSections(rc, page, csr, facts, entityCell, successors.get(csr.id) ?? [], undatedTraining, today);
    let html: string;
    try {
      const view = csrReportView(repo, indexOnDay, csr, lang, body, today, pageLinker(page), addressedVersion, rc.textOf, undefined, options.inForce);
      // The report has the earlier rounds (历次评审) itself: the page does not print them twice.
      const below = sections.filter((section) => section.id !== "rounds");
      // The customer and the source document (with its revisions) on the customer's page.
      const listed = index.customers.get(csr.customer)?.value.sources?.some((s) => s.id === csr.source.document);
      const hrefs = { customerHref: link(page, "customer", csr.customer), sourceHref: listed ? link(page, "customer", csr.customer, sourceFragment(csr.source.document)) : undefined };
      const addressed = view.addressed.map((a) => (a.anchor && bodiless.has(a.id) ? { ...a, anchor: "" } : a));
      const reportView = { ...view, addressed, ...hrefs, site: chrome(page, { sections: below, alerts, csp: DOCUMENT_CSP }) };
      html = focusableTables(ownReport ? renderer.render("csr-review-report", reportView) : siteReportHtml(reportView, renderer.labels, escape, section));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      unrendered.push(csr.id);
      generic(page, { title: `${csr.id} ${localized(lang, csr.title, csr.title_en)}`, lead: cannotShow(error), sections: [...present(alerts), ...sections] });
      continue;
    }
    emit(page, html);
  }

  // --- Customers, processes, people.
  const csrsByCustomer = groupBy(csrRows, (r) => [r.csr.customer]);
  // A customer's page lists its CSRs with the CSR list's and the matrix's own values (customerCsrSection).
  const csrMatrixRegister = registers.find((r) => r.table.id === "csr-matrix")!.table;
  for (const { value: customer } of index.customers.values()) {
    const page = pages.page("customer", customer.code)!;
    const csrs = csrsByCustomer.get(customer.code) ?? [];
    generic(page, {
      title: `${customer.code} ${customerName(rc, customer.code)}`,
      facts: [
        { label: tr("site.customer.code"), values: [{ text: customer.code }] },
        ...(customer.class ? [{ label: tr("site.customer.class"), values: [{ text: customer.class }] }] : []),
        ...(customer.notes ? [{ label: tr("site.customer.notes"), values: [{ text: customer.notes }] }] : []),
      ],
      sections: [
        // The customer's own file and those of its CSRs, each row saying which (a CSR linking to its page).
        ...present(
          findingsSection(rc, page, findingsOf("customer", customer.code), readFinding, responsibleOf(page), concerns(page, tr("site.customer.findings.own"))),
        ),
        // Each source document with an id that a CSR's review report links to (来源文件), and the controlled copies of its revisions.
        ...(customer.sources ?? []).flatMap((source) => [{
          id: sourceFragment(source.id),
          title: `${tr("site.customer.source")} ${source.id} ${localized(lang, source.title, source.title_en)}`,
          // A classified 订货合同 or 技术协议 carries its 密级 on each revision's row, as the 外来文件清单 prints it.
          table: {
            columns: [
              { header: tr("site.customer.column.revision") },
              ...(source.classification ? [{ header: tr("register.external.column.classification") }] : []),
              { header: tr("site.customer.column.issued"), className: "date" },
              // The customer's 实施日期, which csr/late-for-customer judges against (tester55 C13), as the 外来文件清单 prints it.
              { header: tr("register.external.column.effective"), className: "date" },
              { header: tr("site.customer.column.received"), className: "date" },
              { header: tr("site.customer.column.status") },
            ],
            rows: source.revisions.map((r, i, all) => {
              // Before the customer's 实施日期, 待实施 and the one it replaces 现行 until then, as the 外来文件清单 says (tester54a A11);
              // put into production earlier, 现行 from that day and the one before replaced (tester77 E11).
              const dated = r.received <= today ? sourceRevisionStatus(all.filter((x) => x.received <= today), i, today, sourceImplementedOn(rc, customer.code, source, today)) : undefined;
              return [
                { text: r.revision },
                ...(source.classification ? [{ text: classificationName(lang, source.classification) }] : []),
                { text: r.issued ?? "", className: "date" },
                { text: r.effective ?? "", className: "date" },
                { text: r.received, className: "date" },
                {
                  text: [
                    dated ? t(rc, `register.external.${dated.key}`, dated) : r.status === "superseded" ? supersededText(rc, all, i) : tr("site.customer.current"),
                    // Reviewed and found to hold no requirement (csr source update --without-requirements, tester55 C1).
                    ...(r.no_requirements && r.no_requirements.date <= today ? [tr("site.customer.no-requirements", { person: personName(rc, r.no_requirements.by), date: r.no_requirements.date })] : []),
                  ].join(t(rc, "register.remarks-separator")),
                },
              ];
            }),
          },
          // The latest check that the revision held is still the customer's current one, and the next one due, as csr show gives them (breaker60 K5).
          items: sourceConfirmation(rc, source, today),
        }, ...present(sourceCopiesSection(rc, source.id, distribution, copiesOf.get(source.id), copyPeople(page)))]),
        // Its source revisions received and not reviewed yet (no requirement registered, no 无特定要求), as the dashboard counts them
        // among the reviews open and csr/source-unreviewed reports them once overdue: "顾客要求（0 项）" alone read as nothing to review (tester68 G2).
        ...present(unreviewedSourcesSection(rc, customer, csrs.map((r) => r.csr), today, calendar)),
        customerCsrSection(rc, page, csrs, csrRegister, csrMatrixRegister, entityCell),
      ],
    });
  }
  // Who was a qualified internal auditor when: the process pages' audits and the people's pages read it.
  const roster = auditorRoster(index.people, rc.repo.config?.value);
  // Every audit held by the site's day, found once: each process's page and each person's page keep theirs.
  const audits = auditsIn(rc.repo.processes.map((p) => p.value), undefined, today);
  // Each process page links to the programme it is audited by (内部审核方案), the register page of it.
  const programme = registers.find((r) => r.table.id === "audit-programme");
  for (const { value: process } of index.processes.values()) {
    const page = pages.page("process", process.code)!;
    const types = { "customer-oriented": tr("site.process.customer-oriented"), support: tr("site.process.support"), management: tr("site.process.management") };
    // The procedures first, then the other documents, as the process list's two columns give them.
    const serving = servingDocuments(process, documentsOnDay.list).sort((a, b) => Number(a.level !== 2) - Number(b.level !== 2));
    generic(page, {
      title: processLabel(process, lang),
      facts: [
        { label: tr("site.process.type"), values: [{ text: types[process.type] }] },
        { label: tr("site.process.owner"), values: process.owner ? [entityCell(page, "department", process.owner, departmentName(rc, process.owner))] : [] },
        // The process owner top management assigned (IATF 16949 5.3.1), a person beside the owning department.
        ...(process.owner_person !== undefined ? [{ label: tr("register.processes.column.owner-person"), values: [entityCell(page, "person", process.owner_person, personName(rc, process.owner_person))] }] : []),
        ...(process.manufacturing === true ? [{ label: tr("register.processes.column.manufacturing"), values: [{ text: tr("register.processes.manufacturing") }] }] : []),
        ...(programme ? [{ label: tr("site.process.audit-programme"), values: [{ text: programme.table.sheet, href: href(page, `registers/${programme.name}.html`) }] }] : []),
      ],
      sections: [
        ...present(ownFindings(page, "process", process.code)),
        // Each clause as the standard cites it, with its title (IATF 16949 8.2.1 顾客沟通), one a line.
        { title: tr("site.process.clauses"), items: inCatalogOrder(process.clauses ?? [], repo.config?.value.standards ?? []).map((c) => ({ text: citeClause(repo, lang, c) })), empty: tr("site.none") },
        processDocumentsSection(rc, page, process, serving, absent, documentsOnDay.byId, today, entityCell),
        // The CSRs addressed in its documents, as the CSR matrix maps each place to the processes its document serves (tester70 P12).
        processCsrsSection(rc, process, csrMatrixRegister, columnLinker(pages, page)),
        // Every audit of the process held by the site's day, not only the last (tester62 N4): the programme's record for this process.
        processAuditSection(rc, process, audits, roster),
        // Its KPIs (IATF 16949 9.1.1.1): the quality objectives set for it, with this year's values, as csr list objectives gives them.
        ...(rc.repo.objectives.some((o) => o.value.process === process.code) ? [processObjectivesSection(rc, process, today, columnLinker(pages, page))] : []),
      ],
    });
  }
  // --- Tooling (工装台账): a page per entry, as csr show <tooling id> gives it.
  for (const { page, view } of toolingPages({ rc, today, pages, documents: documentsOnDay.list.filter((d) => !absent.has(d.id)), tableOf, linker: (page) => columnLinker(pages, page), findings: ownFindings })) generic(page, view);
  // --- 首件鉴定 (首件鉴定台账): a page per record, as csr show FA-… gives it (fai80).
  for (const { page, view } of firstArticlePages({ rc, today, pages, findings: ownFindings })) generic(page, view);
  // Every customer's and person's page linked from one page in the navigation: most were reachable only by search (tester47 #3).
  generic("customers.html", {
    title: tr("site.nav.customers"),
    sections: [{ title: "", items: [...index.customers.values()].map(({ value: c }) => entityCell("customers.html", "customer", c.code, `${c.code} ${customerName(rc, c.code)}`)), empty: tr("site.none") }],
  });
  generic("people.html", {
    title: tr("site.nav.people"),
    // Each person's department links to its page (tester70 P1).
    sections: [{ title: "", items: [...index.people.values()].map(({ value: p }) => notedParts(rc, entityCell("people.html", "person", p.id, personName(rc, p.id)), entityCell("people.html", "department", p.department, departmentName(rc, p.department)))), empty: tr("site.none") }],
  });
  const documentsOfDay = absent.size === 0 ? documentsOnDay.list : documentsOnDay.list.filter((d) => !absent.has(d.id));
  const work = personWork(rc, documentsOfDay, csrRows, calendar, today);
  const tracked = trainingTracked(rc, today, csrRows);
  for (const { value: person } of index.people.values()) {
    const page = pages.page("person", person.id)!;
    generic(page, {
      title: personName(rc, person.id),
      facts: [
        { label: tr("site.person.department"), values: [entityCell(page, "department", person.department, departmentName(rc, person.department))] },
        ...(person.title ? [{ label: tr("site.person.title"), values: [{ text: person.title }] }] : []),
        { label: tr("site.person.roles"), values: [{ text: person.roles.map((role) => tr(`site.person.role.${role}`)).join(tr("common.list-separator")) }] },
        // Every qualification period, as csr list people gives them, once people.yaml marks auditors (breaker63 P9).
        // One value a period, kept whole (a date is never broken at its hyphen).
        ...(roster.marks ? [{ label: tr("people.register.column.auditor"), values: withNone(auditorPeriods(person.internal_auditor ?? [], tr).map((text) => ({ text, className: "nobr" })), tr("site.none")) }] : []),
      ],
      sections: [
        // Their entry of people.yaml and the CSRs whose implementation they own, each row saying which (tester48 #15), as a customer's page does.
        ...present(
          findingsSection(rc, page, findingsOf("person", person.id), readFinding, responsibleOf(page, person.id), concerns(page, tr("site.person.findings.own"))),
        ),
        ...personSections(rc, page, person.id, person.department, work, entityCell, today, tracked, (id) => findingsOf("csr", id).some((f) => f.rule === "csr/implementation-overdue")),
        ...personTrainedSection(rc, person, today, columnLinker(pages, page)),
        // The controlled copies they hold and must hand back once superseded, and what their department was issued on OA (tester70 P2).
        ...personCopiesSections(rc, copies, person.id, person.department, columnLinker(pages, page)),
        ...personAuditSection(rc, page, person.id, audits, roster, entityCell),
      ],
    });
  }

  // --- Departments: what each owns, was issued, must hand back, owes (tester70 P1), from the registers of the day.
  const changesFrom = addDays(today, -29);
  const departmentDocuments = documentList(rc, { status: "all", today });
  const ownerOf = (id: string) => index.documents.get(id)?.value.department;
  const departmentOf = (id: string) => index.people.get(id)?.value.department;
  const implementerOf = (id: string) => index.csrs.get(id)?.value.implementation?.owner;
  const departmentItems: Cell[] = [];
  for (const { code } of index.departments.values()) {
    const page = pages.page("department", code)!;
    const toReview = work.toReview.get(code) ?? [];
    const name = departmentName(rc, code);
    const members = [...index.people.values()].filter(({ value }) => value.department === code).map(({ value }) => entityCell(page, "person", value.id, personName(rc, value.id)));
    const concerned = options.changeReport ? (change: Change) => changeConcerns(code, change, ownerOf, departmentOf, implementerOf) : undefined;
    const all = concerned && options.changeReport!(rc, { keep: concerned });
    generic(page, {
      title: withNote(rc, name, code),
      facts: [{ label: tr("site.department.people"), values: withNone(members, tr("site.none")) }],
      sections: departmentSections({
        rc,
        today,
        code,
        documents: departmentDocuments,
        copies,
        csrList: csrRegister,
        csrs: csrRows.map((r) => r.csr),
        toReview: { id: "to-review", title: tr("site.person.to-review", { count: toReview.length }), table: csrTable(rc, page, toReview, entityCell), empty: tr("site.none") },
        ...(concerned ? { changes: options.changeReport!(rc, { from: changesFrom, keep: concerned }), changesLinks: departmentChangesLinks(rc, page, code, all!.rows.length) } : {}),
        changesFrom,
        link: columnLinker(pages, page),
      }),
    });
    // All its changes of the report's period, which its last 30 days link to (tester70 P11).
    if (all) {
      const changesPage = departmentChangesPage(page);
      const title = departmentChangesTitle(rc, code, changesPeriodFrom(today), today, all.rows.length);
      generic(changesPage, { title, sections: [departmentChangesSection(rc, all, title, columnLinker(pages, changesPage))] });
    }
    departmentItems.push(entityCell("departments.html", "department", code, withNote(rc, name, code)));
  }
  generic("departments.html", { title: tr("site.nav.departments"), sections: [{ title: "", items: departmentItems, empty: tr("site.none") }] });

  // --- Registers and matrices, each with its xlsx and csv (see downloads.ts).
  // Grouped as an audit file is, by the standards' clauses (REGISTER_PARTS); the change reports, of no part, follow them.
  const registerItems = new Map<RegisterPart | undefined, Cell[]>([...REGISTER_PARTS.map((part) => [part, []] as [RegisterPart, Cell[]]), [undefined, []]]);
  // The management review's 明细见 names a register by its sheet name (文件定期评审记录, 变更报告 …): linked to that register's page (tester71 Q2).
  const registerOfSheet = new Map<string, string>();
  for (const { name, table } of registers) if (table.sheet !== undefined && !registerOfSheet.has(table.sheet)) registerOfSheet.set(table.sheet, name);
  const registerLinker = (page: string, table: Table): Linker => {
    const byColumn = columnLinker(pages, page);
    if (!table.id?.startsWith("management-review")) return byColumn;
    return (row, key, text) => {
      const register = key === "source" ? registerOfSheet.get(text) : undefined;
      return register !== undefined ? href(page, `registers/${register}.html`) : byColumn(row, key, text);
    };
  };
  for (const { name, table } of registers) {
    const page = `registers/${name}.html`;
    // The edition of the register signed last (register-editions.yaml, csr register sign; GJB 9001C 7.5.3): the page is the
    // register as it stands today, and says which edition of it was signed on paper, by whom and when.
    const signed = table.id !== undefined ? lastSignedEdition(rc, listName(table.id), today) : undefined;
    const notes = noting(signed ? [signedEditionLine(rc, signed), ...(table.notes ?? [])] : table.notes);
    const headed = { ...(options.heading?.(table) ?? table), ...(notes ? { notes } : {}) };
    const rows = tableOf(table, registerLinker(page, table));
    // The action register's rows are where a revision's 纠正措施 links to (actionLink).
    const rowIds = table === actionRegister?.table ? table.rows.map((row) => actionFragment(String(row.id ?? ""))) : undefined;
    generic(page, { title: headed.title, sections: [registerSection(rc, page, rowIds ? { ...rows, rowIds } : rows, headed, name, linkNotes(page, headed.notes))] });
    registerItems.get(table.part)!.push({ text: table.title, href: href("registers/index.html", page) });
  }
  const registerSections = [...registerItems].filter(([, items]) => items.length > 0).map(([part, items]) => ({ title: tr(part ? `site.registers.part.${part}` : "site.registers.other"), items }));
  generic("registers/index.html", { title: tr("site.registers.title"), sections: registerSections });

  // --- Coverage heat map: one matrix per standard in scope, the registers' clause matrices coloured.
  const clauseMatrices = registers.filter((r) => r.table.id === "clauses").map((r) => r.table);
  if (!options.outside) emit(
    "coverage.html",
    renderer.renderPartial("site-coverage", {
      title: tr("site.coverage.title"),
      legend: [
        { className: "direct", text: tr("site.coverage.direct", { direct: DIRECT }) },
        { className: "parent", text: tr("site.coverage.parent", { inherited: INHERITED }) },
        { className: "inherited", text: tr("site.coverage.through-children", { throughChildren: THROUGH_CHILDREN }) },
        // Without coverage.inherit_from_parent a clause only a parent names (△) is not covered either, and its row is coloured as such (tester47 F10).
        { className: "uncovered", text: repo.config?.value.coverage?.inherit_from_parent ? tr("site.coverage.none") : tr("site.coverage.none-or-parent", { inherited: INHERITED }) },
        { className: "manual-only", text: tr("site.coverage.manual-only", { label: tr("register.clauses.manual-only") }) },
        { className: "excluded", text: tr("site.coverage.excluded") },
        { className: "list-direct", text: tr("site.coverage.list") },
        // The audit coverage (tester62 N9) once the programme has recorded an audit: a clause not audited in the three-year cycle.
        ...(anyAudit(repo) ? [{ className: "audit-out", text: tr("site.coverage.audit-out") }] : []),
      ],
      heading: { clause: tr("site.coverage.clause"), key: tr("site.coverage.key") },
      standards: standards.map((catalog, i) => heatMap(rc, catalog, clauseMatrices[i]!, pages, documentsOfDay, today)),
      incomplete: [...scopeNotes(rc), ...(incomplete !== undefined ? [incomplete] : [])].join(" ") || undefined,
      site: chrome("coverage.html"),
    }),
  );

  // --- Findings.
  // A site of a past day says whose check its findings are (commands/site findingsAsOf), on the findings page and the dashboard.
  const source = options.findingsSource;
  const findingsNote = source === undefined ? undefined : "commit" in source ? tr("site.findings.source.commit", { today, commit: source.commit, date: source.date }) : tr("site.findings.source.unavailable", { today });
  const withFindingsNote = (key: "site.findings.lead-with-note" | "site.dashboard.lead-with-note", lead: string) => (findingsNote ? tr(key, { lead, note: findingsNote }) : lead);
  const findingsLinker = (page: string): Linker => (row, key) => {
    if (key !== "file") return undefined;
    const entity = entityOfFile(String(row.file).replace(/:\d+:\d+$/, ""));
    return entity ? link(page, entity.kind, entity.id) : undefined;
  };
  generic("findings.html", {
    title: tr("site.findings.title"),
    lead: withFindingsNote("site.findings.lead-with-note", tr("site.findings.lead", { today, errors: count(findings, "error"), warnings: count(findings, "warning") })),
    sections: [
      {
        title: tr("site.findings.all"),
        // Errors first, as the dashboard puts them; within a severity, by file as csr check gives them.
        table: tableOf(findingsTable(rc, "", [...listedFindings].sort(bySeverity)), findingsLinker("findings.html")),
        empty: tr("site.findings.none"),
      },
    ],
  });

  // --- Dashboard and the lists behind its numbers.
  const reviewRegister = registers.find((r) => r.table.id === "reviews")!.table;
  // The dashboard counts the CSRs as their records show them on `today`, as the registers it links to (csrsOn).
  const unreleasedChanges = [...(options.changedSinceRelease?.keys() ?? [])].flatMap((id) => {
    const doc = documentsShown.get(id);
    const located = index.documents.get(id);
    return doc && located ? [{ doc, tag: releaseTag(id, currentRevision(doc)!.version), path: located.file.path }] : [];
  });
  const input: PanelInput = { rc, today, ...(options.outside ? { pack: true } : {}), findings: listedFindings, csrs: csrRows, csrRegister, reviewRegister, distributionRegister: distribution, disposalRegister: registers.find((r) => r.table.id === "disposals")?.table, periodicReviewPlan: registers.find((r) => r.table.id === "periodic-review-plan")?.table, auditProgramme: registers.find((r) => r.table.id === "audit-programme")?.table, audits: registers.find((r) => r.table.id === "audits")?.table, csrMatrix: csrMatrixRegister, clauseMatrices: options.outside ? [] : standards.map((catalog, i) => ({ catalog, table: clauseMatrices[i]! })), entityOfFile, calendar, asOf, unreleasedChanges };
  const panels = PANELS.map((panel) => panel(input)).filter((p): p is Panel => p !== undefined);
  // A number's label is read under its panel's title ("overdue" under "CSR reviews"); the page it
  // opens stands alone, so a list titled by the label alone is titled by both ("CSR reviews: overdue").
  for (const panel of panels) {
    for (const number of panel.numbers ?? []) {
      const list = number.list;
      if (list && list.title === number.label) {
        list.title = t(rc, "site.fact", { label: panel.title, value: number.label });
        list.table = { ...list.table, title: list.title };
      }
    }
  }
  const lists = new Map<string, ListPage>();
  const listHref = (list: ListPage) => {
    lists.set(list.name, list);
    return href("index.html", listPage(list));
  };
  emit(
    "index.html",
    renderer.renderPartial("site-dashboard", {
      title: tr("site.dashboard.title"),
      lead: withFindingsNote("site.dashboard.lead-with-note", tr("site.dashboard.lead", { today })),
      // A customer's audit pack says first what it holds (tester74 T10).
      ...(options.outside ? { pack: tr("site.customer-pack.dashboard", { customer: repo.customers[0]?.value.code ?? "", count: repo.documents.length }) } : {}),
      // Every number below lacks what the unread files hold: said first, each file named, the findings one click away.
      ...(unreadable.length > 0 ? { incomplete: { text: tr("site.dashboard.incomplete", { count: unreadable.length, files: shortList(unreadable, lang, 10) }), link: tr("site.dashboard.incomplete.findings"), href: "findings.html" } } : {}),
      // An error elsewhere (a released document not shown, a register row left out) is said as early: the panel counting it is the last one.
      // Named, each linking to what it concerns (tester80 M11): "1 个错误" alone sent a 总经理 hunting through the findings.
      ...(unreadable.length === 0 && count(findings, "error") > 0
        ? { errors: { text: tr("site.dashboard.errors", { count: count(findings, "error") }), lines: errorLines({ rc, findings, read: readFinding, entityOfFile, link: (e, fragment) => link("index.html", e.kind, e.id, fragment), findingsHref: "findings.html" }), link: tr("site.dashboard.incomplete.findings"), href: "findings.html" } }
        : {}),
      panels: panels.map((panel) => dashboardPanel(panel, listHref, (e, fragment) => link("index.html", e.kind, e.id, fragment))),
      site: chrome("index.html"),
    }),
  );
  for (const list of lists.values()) {
    const page = listPage(list);
    const byColumn = columnLinker(pages, page);
    const entityOf = list.entityOf;
    const linker: Linker = entityOf
      ? (row, key, text) => {
          const entity = key === "file" ? entityOf(row) : undefined;
          return entity ? link(page, entity.kind, entity.id) : byColumn(row, key, text);
        }
      : byColumn;
    generic(page, { title: list.table.title, sections: [{ title: "", table: tableOf(list.table, linker), empty: list.empty ?? tr("site.none"), notes: linkNotes(page, list.everyFile ? list.table.notes : noting(list.table.notes)) }] });
  }

  // --- Search, and the files the worker made.
  const entries = searchEntries(rc, pages, searched, documentsShown, asOf.csrs, absent, heatMapClauses(rc, standards, clauseMatrices));
  for (const file of await buildDownloads({ registers: registers.map((r) => ({ ...r, table: incomplete ? { ...r.table, notes: noting(r.table.notes) } : r.table, xlsxFile: out.fileFor(`registers/${r.name}.xlsx`) })), entries, lang, heading: options.heading })) emit(file.path, file.content);
  fileCount += registers.length;
  emit(
    "search.html",
    renderer.renderPartial("site-search", {
      title: tr("site.search.title"),
      labels: {
        kinds: JSON.stringify({
          document: tr("site.search.kind.document"),
          csr: tr("site.search.kind.csr"),
          customer: tr("site.search.kind.customer"),
          process: tr("site.search.kind.process"),
          person: tr("site.search.kind.person"),
          department: tr("site.search.kind.department"),
        }),
        found: tr("site.search.found"),
        more: tr("site.search.more"),
        none: tr("site.search.none"),
        entries: tr("site.search.entries", { count: entries.length }),
      },
      site: chrome("search.html", { scripts: ["assets/minisearch.js", "assets/tokenize.js", "assets/search-entries.js", "assets/search.js"] }),
    }),
  );
  // Every page printed from the site is numbered as csr render's and csr list's PDFs are (第 x 页 共 y 页, the label page_x_of_y;
  // tester49 #8): in the bottom-center margin box of every page, which every page's site.css gives, without the browser's own footer.
  const pageNumbers = `\n/* Page numbers on paper, as csr render's PDFs (render/pdf.ts pageFooter). */\n@page { @bottom-center { content: ${pageFooter(renderer.labels)}; font-size: 9pt; vertical-align: middle; } }\n`;
  for (const name of readdirSync(join(SITE_TEMPLATES, "assets")).sort()) {
    const file = readFileSync(join(SITE_TEMPLATES, "assets", name));
    emit(`assets/${name}`, name === "site.css" ? Buffer.concat([file, Buffer.from(pageNumbers)]) : file);
  }
  // The print style of documents and review reports, which `csr render` puts in each file: one file that every page links.
  emit("assets/document.css", renderer.renderPartial("document-style", {}));
  // Only when asked: the list of every page's address is a map of the organisation's confidential material for whoever finds it.
  if (options.baseUrl && options.sitemap) emit("sitemap.xml", sitemap(options.baseUrl, htmlPages));
  // The site is the organisation's confidential material (customers' CSRs, people): a search engine that finds it anyway is asked to index none of it (tester25 F8).
  emit("robots.txt", "User-agent: *\nDisallow: /\n");

  return { pages: htmlPages.length, files: fileCount, unrendered, sharedNumbers, withheld, withheldCsrs, withheldForCsrs, findings: { errors: count(findings, "error"), warnings: count(findings, "warning") } };
}

function count(findings: readonly Finding[], severity: Finding["severity"]): number {
  return findings.filter((f) => f.severity === severity).length;
}

/** The site's partials (templates/site/*.hbs), registered beside the render partials. */
export function sitePartials(): Map<string, string> {
  const partials = new Map<string, string>();
  for (const name of readdirSync(SITE_TEMPLATES).filter((n) => n.endsWith(".hbs")).sort()) {
    partials.set(name.slice(0, -".hbs".length), readFileSync(join(SITE_TEMPLATES, name), "utf8"));
  }
  return partials;
}

/** File names of the registers: their ids, and for the clause matrices (one per standard) the standard's id. */
function registerFiles(tables: Table[], standards: readonly Catalog[]): { name: string; table: Table }[] {
  let clauseMatrices = 0;
  return tables.map((table) => ({
    name: table.id === "clauses" ? `clauses-${standards[clauseMatrices++]?.id ?? clauseMatrices}` : (table.id ?? "table"),
    table,
  }));
}

/**
 * Links the notes of a page (`page`, the site's path of it) where they name the command that lists a register the site has a page of
 * (`registers`, each by its table's form or id in REGISTER_COMMANDS; the first page of a command, this year's plan before the coming
 * year's): a reader of the site runs no csr (tester82 A6: the audit programme's note sent the auditor to `csr list audits`). The
 * longest command named wins (csr list audit-programme, not csr list); a note naming none, or only its own page, stays a string.
 */
function noteLinker(registers: readonly { name: string; table: Table }[]): (page: string, notes: readonly string[] | undefined) => (string | Cell)[] | undefined {
  const pageOf = new Map<string, string>();
  for (const { name, table } of registers) {
    const id = table.form ?? table.id;
    const command = id !== undefined && Object.hasOwn(REGISTER_COMMANDS, id) ? REGISTER_COMMANDS[id as RegisterWithForm] : undefined;
    // A command with a placeholder (csr changes <from> <to>) is not typed as written.
    if (command !== undefined && !command.includes("<") && !pageOf.has(command)) pageOf.set(command, `registers/${name}.html`);
  }
  const commands = [...pageOf.keys()].sort((a, b) => b.length - a.length);
  if (commands.length === 0) return (_page, notes) => notes?.slice();
  const named = new RegExp(`(?:${commands.map(escapeRegExp).join("|")})(?![\\w-])`, "g");
  return (page, notes) =>
    notes?.map((note) => {
      const parts: { text: string; href?: string }[] = [];
      let at = 0;
      for (const match of note.matchAll(named)) {
        const target = pageOf.get(match[0])!;
        if (target === page) continue;
        if (match.index > at) parts.push({ text: note.slice(at, match.index) });
        parts.push({ text: match[0], href: href(page, target) });
        at = match.index + match[0].length;
      }
      if (parts.length === 0) return note;
      if (at < note.length) parts.push({ text: note.slice(at) });
      return { text: note, parts };
    });
}

function scopeCatalogs(repo: Repository): Catalog[] {
  return (repo.config?.value.standards ?? []).flatMap((id) => {
    const catalog = repo.catalogs.get(id);
    return catalog ? [catalog] : [];
  });
}

/**
 * A customer's page's 最近核对 line under source document `source` (csr source confirm; 外来文件有效性确认, IATF 16949
 * 4.3.2 and 7.5.3.2.2): who last checked, on which day and where that the revision held on `today` is the customer's
 * current one, and the day the next check is due when qms.yaml sets document_control.external_check_months, as csr show
 * prints it (confirmationText, nextCheckDue). None when no revision is held (none received yet, or the last one withdrawn).
 */
/** A customer's source revisions awaiting review (sourceRevisionsUnreviewed), one line each with its deadline; undefined when none. */
function unreviewedSourcesSection(rc: RegisterContext, customer: Customer, csrs: readonly Csr[], today: string, calendar: WorkCalendar): SiteSection | undefined {
  const days = rc.repo.config?.value.csr?.review_days ?? DEFAULT_REVIEW_DAYS;
  const unreviewed = sourceRevisionsUnreviewed([customer], csrs, today, calendar, days);
  if (unreviewed.length === 0) return undefined;
  return {
    id: "sources-unreviewed",
    title: t(rc, "site.customer.sources-unreviewed", { count: unreviewed.length }),
    items: unreviewed.map(({ source, revision, due }) => {
      const late = workdaysOverdue(calendar, due, today);
      const data = { source: source.id, title: localized(rc.lang, source.title, source.title_en), named: revisionNameIn(rc.lang, revision.revision), received: revision.received, due };
      return { text: late > 0 ? t(rc, "site.customer.source-unreviewed-overdue", { ...data, count: late }) : t(rc, "site.customer.source-unreviewed", data) };
    }),
  };
}

function sourceConfirmation(rc: RegisterContext, source: SourceDocument, today: string): Cell[] {
  const held = heldSourceEdition(source, today);
  if (held === undefined) return [];
  return [{ text: fact(rc, "show.source-card.confirmed", confirmationText(rc, held, nextCheckOf(rc, held), "site.confirmation.never", today)) }];
}

/** An external standard's page's 最近核对 line (as sourceConfirmation's): none for a document not in force, or received after `today`. */
function externalConfirmation(rc: RegisterContext, doc: ControlledDocument, today: string): Cell[] {
  const held = heldExternalEdition(doc, today);
  if (held === undefined) return [];
  return [{ text: fact(rc, "show.source-card.confirmed", confirmationText(rc, held, nextCheckOf(rc, held), "site.confirmation.never", today)) }];
}

/** The day the next check of `held` is due, when qms.yaml sets document_control.external_check_months (doc/external-check-due). */
function nextCheckOf(rc: RegisterContext, held: HeldEdition | undefined): string | undefined {
  const months = rc.repo.config?.value.document_control?.external_check_months;
  return held?.since !== undefined && months !== undefined ? nextCheckDue(held.since, months) : undefined;
}

/** A finding's reading (attention.ts) as one line of a findings table: what is due, then its deadline and who answers for it. */
function readingText(rc: RegisterContext, reading: Reading): string {
  return [reading.what, ...(reading.due ? [t(rc, "site.customer-pack.finding-due", { due: reading.due })] : []), ...(reading.responsible ? [t(rc, "site.customer-pack.finding-responsible", { responsible: reading.responsible })] : [])].join(t(rc, "register.remarks-separator"));
}

/** The id of a source document's section on its customer's page. */
function sourceFragment(source: string): string {
  return `source-${source}`;
}

function listPage(list: ListPage): string {
  return `lists/${list.name}.html`;
}

function dashboardPanel(panel: Panel, listHref: (list: ListPage) => string, entityHref: (e: EntityRef, fragment?: string) => string | undefined) {
  const number = (n: PanelNumber | undefined) =>
    n
      ? {
          text: n.count === null ? "—" : String(n.count),
          label: n.label,
          href: n.list ? listHref(n.list) : n.register ? href("index.html", `registers/${n.register}.html`) : n.entity ? entityHref(n.entity, n.fragment) : undefined,
          className: n.count !== null && n.count > 0 && n.tone ? n.tone : "",
        }
      : undefined;
  return {
    id: panel.id,
    title: panel.title,
    notes: panel.notes,
    // The one paragraph a panel had before it could have several (5389c94a): a repository's own site-dashboard written then still prints it.
    note: panel.notes?.join(" "),
    numbers: panel.numbers?.map(number),
    grid: panel.grid && {
      corner: panel.grid.corner,
      columns: panel.grid.columns,
      rows: panel.grid.rows.map((row) => ({
        label: { text: row.label, href: row.entity ? entityHref(row.entity) : undefined },
        cells: row.numbers.map((n) => number(n) ?? { text: "" }),
      })),
    },
    links: panel.links?.map((l) => ({ text: l.text, href: entityHref(l.entity), note: l.note })),
  };
}

/**
 * A register's page: `table` on the screen, `register` (under its heading, with its notes) on paper as `csr list --format html` prints it, on the
 * site's A4 landscape page (tester48 #6). `notes`: the register's notes as the screen shows them, linked (noteLinker).
 */
function registerSection(rc: RegisterContext, page: string, table: SiteTable | SiteRows, register: Table, name: string, notes: SiteSection["notes"]): SiteSection {
  return {
    register: true,
    ...(register.heading ? { heading: register.heading } : {}),
    // The page's heading is the register's title already.
    title: "",
    downloads: [
      { text: t(rc, "site.register.download-xlsx"), href: href(page, `registers/${name}.xlsx`) },
      { text: t(rc, "site.register.download-csv"), href: href(page, `registers/${name}.csv`) },
    ],
    table,
    ...(notes ? { notes } : {}),
    empty: t(rc, "site.none"),
    print: tableView(register, rc.lang, true, false, "A4 landscape"),
  };
}

type EntityCell = (from: string, kind: EntityKind, id: string | undefined, text?: string) => Cell;

/** The deviations from a document (deviationsOn), each linked with its note (临时，至 2026-12-19); none: no section. */
function deviationsSection(rc: RegisterContext, page: string, target: string, referrers: Referrers | undefined, absent: ReadonlySet<string>, today: string, entityCell: EntityCell): SiteSection[] {
  const deviations = deviationsOn(rc, (referrers?.deviations ?? []).filter((id) => !absent.has(id)), today, target);
  if (deviations.length === 0) return [];
  return [{ title: t(rc, "site.document.deviations"), items: deviations.map(({ doc, note }) => entityCell(page, "document", doc.id, withNote(rc, `${doc.id} ${documentTitle(rc, doc)}`, note || undefined))) }];
}

/** The deviations from a document withdrawn by `today` (pastDeviations), each linked with how it ended (临时，2026-11-03 至 2026-11-30，2026-11-20 提前撤销); none: no section. */
function pastDeviationsSection(rc: RegisterContext, page: string, target: string, referrers: Referrers | undefined, absent: ReadonlySet<string>, today: string, entityCell: EntityCell): SiteSection[] {
  const past = pastDeviations(rc, (referrers?.deviations ?? []).filter((id) => !absent.has(id)), today);
  if (past.length === 0) return [];
  return [{ title: t(rc, "site.document.past-deviations"), items: past.map((doc) => entityCell(page, "document", doc.id, withNote(rc, `${doc.id} ${documentTitle(rc, doc)}`, withDeviatedVersion(rc, withdrawnTemporaryText(rc.lang, doc) ?? "", doc, target)))) }];
}

/** A document the deviation `deviation` deviates from, linked, with the version it deviates from when recorded: WI-010-01 A/1 制动软管总成扣压作业指导书 (tester63 N7). */
function deviatedCell(rc: RegisterContext, page: string, deviation: ControlledDocument, id: string, entityCell: EntityCell): Cell {
  return entityCell(page, "document", id, deviatedLabel(rc.index, rc.lang, deviation, id));
}

function documentCell(rc: RegisterContext, page: string, id: string, entityCell: EntityCell): Cell {
  const doc = rc.index.documents.get(id)?.value;
  return entityCell(page, "document", id, doc ? `${id} ${documentTitle(rc, doc)}` : id);
}

interface FileCommit {
  commit: string;
  date: string;
  author: string;
  message: string;
}

/** The commits that touched each file by the end of `day` (by committer day, folderCommits), newest first. */
function fileCommits(commits: readonly FolderCommit[], day: string): Map<string, FileCommit[]> {
  const map = new Map<string, FileCommit[]>();
  for (const { short, day: date, author, message, files } of commits) {
    if (date > day) continue;
    for (const file of files) {
      const list = map.get(file) ?? [];
      list.push({ commit: short, date, author, message });
      map.set(file, list);
    }
  }
  return map;
}

function documentSections(
  rc: RegisterContext,
  page: string,
  doc: ControlledDocument,
  referrers: Referrers | undefined,
  commits: readonly FileCommit[],
  entityCell: EntityCell,
  copies: SiteSection | undefined,
  today: string,
  /** The CSRs as their records show them on `today` (csrsOn): one superseded by then is marked, one received later left out. */
  csrsOnDay: ReadonlyMap<string, Csr>,
  /** The documents that did not exist on `today` (absentOn): not among those that refer to this one. */
  absent: ReadonlySet<string>,
  /** The repository's working-day calendar (writeSite's): the last day to notify a customer is counted on it. */
  calendar: WorkCalendar,
  /** A corrective action's row on the action register, from this page (writeSite's actionLink). */
  actionLink: (id: string) => string | undefined,
  /** A form's blank sheet: the link to its page, or where to get it (blankForm). */
  blank?: Cell,
  /** The pages of its earlier revisions (earlierSection). */
  earlier?: SiteSection,
): SiteSection[] {
  const none = t(rc, "site.none");
  return [
    {
      title: t(rc, "site.document.status-title"),
      items: [
        // An external document's as the external document list says it: 现行, or 待实施 before its 实施日期 (released is not yet in force).
        { text: fact(rc, "site.document.status", doc.kind === "external" ? externalStatus(rc, doc, today) : documentStatus(rc, doc, today)) },
        // The version in force on the day, as the CSR matrix gives it: a version released to take effect later is marked 待实施.
        // An obsolete document's is its last version, as the obsolete register heads it (最后版本; tester49 #11).
        // An external document's is the publisher's edition held (external.revision, as the external document list has it); it has no revisions of ours.
        doc.kind === "external"
          ? { text: fact(rc, doc.status === "obsolete" ? "site.document.last-version" : "site.document.held-edition", doc.external?.revision || "—") }
          : { text: fact(rc, doc.status === "obsolete" ? "site.document.last-version" : "site.document.current-version", versionInForce(rc, doc, today) || "—") },
        // An external standard in force: the latest check that the edition held is the publisher's current one, as csr show gives it (breaker60 K5).
        ...externalConfirmation(rc, doc, today),
        { text: fact(rc, "site.document.department", departmentName(rc, doc.department)) },
        ...declassified(rc, page, doc.classification_changes, entityCell, today),
        ...(blank ? [blank] : []),
      ],
    },
    // A deviation names what it deviates from, which it leaves as it is; the page of that document lists the deviations in force or in preparation (IATF 16949 8.5.6.1.1, tester61 L12).
    ...(doc.deviates_from?.length ? [{ title: t(rc, "site.document.deviates-from"), items: doc.deviates_from.map((id) => deviatedCell(rc, page, doc, id, entityCell)) }] : []),
    ...deviationsSection(rc, page, doc.id, referrers, absent, today, entityCell),
    ...pastDeviationsSection(rc, page, doc.id, referrers, absent, today, entityCell),
    ...(earlier ? [earlier] : []),
    ...revisionFollowUpSection(rc, doc, calendar, actionLink),
    // The clauses the document addresses itself, each as the standard cites it, with its title.
    ...(doc.clauses?.length ? [{ title: t(rc, "site.document.clauses"), items: inCatalogOrder(doc.clauses, rc.repo.config?.value.standards ?? []).map((c) => ({ text: citeClause(rc.repo, rc.lang, c) })) }] : []),
    {
      title: t(rc, "site.document.csrs"),
      // A CSR superseded by the day is no longer a requirement the document addresses (csr show lists it no more): marked, after the others (tester49 #5).
      // A CSR received after the day was not yet one of the organisation's (csrsOn leaves it out): not listed on the page of that day.
      items: [...(referrers?.csrs ?? [])]
        .filter((c) => csrsOnDay.has(c.id))
        .sort((a, b) => Number(csrsOnDay.get(a.id)?.superseded !== undefined) - Number(csrsOnDay.get(b.id)?.superseded !== undefined))
        .map((c) => {
          const csr = rc.index.csrs.get(c.id)?.value;
          const superseded = csrsOnDay.get(c.id)?.superseded;
          // A withdrawn document, or a link made against a revision not yet in force, does not address the CSR on the day: as the CSR matrix marks it.
          // Of a past day, a revision before the one that cites the CSR did not address it yet (model/link-start.ts, tester52 D3).
          const onDay = csrsOnDay.get(c.id);
          const standing = addressing(c.place, doc, today, superseded ? undefined : onDay);
          const mark =
            standing.counts || standing.why === "unreleased"
              ? undefined
              : standing.why === "pending"
                ? t(rc, "site.document.csr.pending", { version: standing.version, date: standing.date })
                : standing.why === "later"
                  ? t(rc, "register.csr.link.later", { version: standing.version, date: standing.date })
                  : standing.why === "revised"
                  ? t(rc, "register.csr.link.revised", { revision: standing.revision, date: standing.date })
                  : standing.why === "draft"
                  ? t(rc, "register.csr.link.draft", { version: standing.version, date: standing.date })
                  : standing.why === "suspect"
                  ? unconfirmedLinkText(standing, rc.lang)
                  : [standing.date && t(rc, "register.csr.matrix.version.withdrawn", { date: standing.date }), t(rc, "register.csr.link.withdrawn")];
          const replaced = superseded && t(rc, superseded.by ? "site.document.csr.superseded-by" : "site.document.csr.superseded", { date: superseded.date, by: superseded.by ?? "" });
          const note = [c.place.section && addressedSectionLabel(rc.textOf?.(doc) ?? doc, c.place.section, rc.lang, isStateSecret(rc.repo, doc)), mark, replaced].flat().filter(Boolean).join(t(rc, "register.remarks-separator"));
          return entityCell(page, "csr", c.id, withNote(rc, `${c.id} ${csr ? localized(rc.lang, csr.title, csr.title_en) : ""}`, note || undefined));
        }),
      empty: none,
    },
    {
      title: t(rc, "site.document.referrers"),
      items: [
        ...(referrers?.documents ?? []).filter((id) => !absent.has(id)).sort(compareIds).map((id) => documentCell(rc, page, id, entityCell)),
        // A withdrawn form no current procedure lists any more is still referred to by the versions that listed it when it was
        // withdrawn (obsolete.used_by), its 所属程序 in the record list and csr show: its records kept were filled under them (aud68 A15).
        ...(doc.obsolete?.used_by ?? [])
          .filter((u) => !(referrers?.documents ?? []).includes(u.document))
          .map((u) => {
            const user = rc.index.documents.get(u.document)?.value;
            const text = user ? `${u.document} ${documentTitle(rc, user)}` : u.document;
            return entityCell(page, "document", u.document, withNote(rc, text, t(rc, u.version ? "site.document.used-by-version" : "site.document.used-by", { version: u.version ?? "" })));
          }),
        ...(referrers?.processes ?? []).map((code) => {
          const process = rc.index.processes.get(code)?.value;
          return entityCell(page, "process", code, `${code} ${process ? localized(rc.lang, process.name, process.name_en) : ""}`);
        }),
      ],
      empty: none,
    },
    ...present(copies),
    ...trainingSection(rc, page, doc, today, entityCell),
    // The 文件定期评审记录 of this document (IATF 16949 7.5.3, GJB 9001C 7.5.3), where it has an interval or reviews.
    ...(doc.review_interval_months || doc.reviews?.length
      ? [
          {
            title: t(rc, "site.document.periodic-reviews"),
            table: {
              // As the 文件定期评审记录 register has them, with the version the review found in force.
              columns: [{ header: t(rc, "site.document.periodic-review.date"), className: "date" }, { header: t(rc, "register.periodic-reviews.column.version") }, { header: t(rc, "site.document.periodic-review.by") }, { header: t(rc, "site.document.periodic-review.result") }, { header: t(rc, "site.document.periodic-review.comment") }],
              rows: (doc.reviews ?? []).map((r) => [
                { text: r.date, className: "date" },
                { text: reviewedVersion(doc, r) },
                entityCell(page, "person", r.by, personName(rc, r.by)),
                { text: periodicReviewResult(rc, r) },
                { text: r.comment ?? "" },
              ]),
            },
            empty: t(rc, "site.document.no-periodic-reviews"),
          },
        ]
      : []),
    commitsSection(rc, commits),
  ];
}

/**
 * What the document's revisions record was done for them and after them, as csr show's 修订记录 gives it: the corrective
 * action records each carries out (csr release --action) and who it was notified to or approved by, with the last day to
 * notify them (顾客通知/批准, csr sign; IATF 16949 8.5.6.1), one row per revision that records either, oldest first
 * (breaker64 P8). Versions and days only, no summary: nothing a 秘密 document withholds. None when no revision records either.
 * Headed as the revision record (csr history) heads these columns; the last days counted on `calendar` (writeSite's).
 */
function revisionFollowUpSection(rc: RegisterContext, doc: ControlledDocument, calendar: WorkCalendar, actionLink: (id: string) => string | undefined): SiteSection[] {
  const separator = t(rc, "register.list-separator");
  // Each action id links to its row of the action register (look65 #5).
  const actions = (ids: readonly string[]): Cell => ({
    text: ids.join(separator),
    className: "code",
    parts: ids.flatMap((id, i) => {
      const href = actionLink(id);
      return [...(i > 0 ? [{ text: separator }] : []), href === undefined ? { text: id } : { text: id, href }];
    }),
  });
  const revisions = (doc.revisions ?? []).filter((r) => (r.actions ?? []).length > 0 || (r.customer_notices ?? []).length > 0);
  if (revisions.length === 0) return [];
  return [
    {
      title: t(rc, "site.document.follow-up"),
      table: {
        // A version and an action id (8D-2026-001) are read whole: never broken at their "/" or hyphens on a narrow screen.
        columns: [{ header: t(rc, "history.column.version"), className: "code" }, { header: t(rc, "history.column.date"), className: "date" }, { header: t(rc, "site.document.follow-up.actions"), className: "code" }, { header: t(rc, "history.column.notices") }],
        rows: revisions.map((r) => [{ text: r.version, className: "code" }, { text: revisionDate(r, rc.lang), className: "date" }, actions(r.actions ?? []), { text: customerNoticesText(r, rc.lang, calendar) }]),
      },
    },
  ];
}

/**
 * The training on a document as its card has it (csr show, tester63 N12): where the training on its current version
 * stands on `today` (documentTrainingState), and each session held by then, oldest first, with the version it trained,
 * who, the trainer and the record, as the training register (csr list training) lists them. None for a document not
 * marked as needing training and without a session.
 */
function trainingSection(rc: RegisterContext, page: string, doc: ControlledDocument, today: string, entityCell: EntityCell): SiteSection[] {
  const config = rc.repo.config?.value;
  const record = documentTrainingRecord(doc, config, repositoryCalendar(config), peopleOf(rc), today, () => trainingSessionVersions(rc.repo));
  if (record === undefined) return [];
  // How each session was given, its hours, who failed and its evaluation, in columns once one records them, as csr list training adds them (tester72 Q5).
  const { results, evaluated } = sessionResultColumns(record.sessions.map((s) => s.session), today);
  const resultsOf = (s: TrainingSession) => sessionResultsIn(rc.lang, s, today, (id) => personName(rc, id));
  return [
    {
      id: "training",
      title: t(rc, "site.document.training"),
      ...(record.state ? { notes: [documentTrainingText(rc.lang, record.state)] } : {}),
      table: {
        columns: [
          { header: t(rc, "register.training.column.date"), className: "date" },
          { header: t(rc, "register.training.column.revision") },
          { header: t(rc, "register.training.column.people") },
          { header: t(rc, "register.training.column.trainer") },
          ...(results ? [{ header: t(rc, "register.training.column.method") }, { header: t(rc, "register.training.column.hours") }, { header: t(rc, "register.training.column.failed") }] : []),
          { header: t(rc, "register.training.column.record") },
          ...(evaluated ? [{ header: t(rc, "register.training.column.evaluation") }] : []),
        ],
        rows: record.sessions.map(({ session: s, version }) => {
          const r = resultsOf(s);
          return [
            { text: s.date, className: "date" },
            { text: version ?? "" },
            { text: sessionTraineesIn(rc.lang, s, (id) => personName(rc, id), (code) => departmentName(rc, code), (id) => rc.index.people.get(id)?.value.department) },
            s.trainer ? entityCell(page, "person", s.trainer, personName(rc, s.trainer)) : { text: s.external_trainer ? translate(rc.lang, "train.external-trainer", { trainer: s.external_trainer }) : "" },
            ...(results ? [{ text: r.method }, { text: r.hours === undefined ? "" : String(r.hours) }, { text: r.failed }] : []),
            { text: s.record ?? "" },
            ...(evaluated ? [{ text: r.evaluation }] : []),
          ];
        }),
      },
      empty: t(rc, "site.document.no-training"),
    },
  ];
}

/** The commits that changed a document's file (fileCommits), newest first. */
function commitsSection(rc: RegisterContext, commits: readonly FileCommit[]): SiteSection {
  return {
    title: t(rc, "site.document.commits"),
    table: {
      columns: [{ header: t(rc, "site.document.commit.date"), className: "date" }, { header: t(rc, "site.document.commit.commit") }, { header: t(rc, "site.document.commit.author") }, { header: t(rc, "site.document.commit.message") }],
      rows: commits.map((c) => [{ text: c.date, className: "date" }, { text: c.commit }, { text: c.author }, { text: c.message }]),
    },
    empty: t(rc, "site.document.no-commits"),
  };
}

/**
 * What the registers show of a document whose body the site does not publish: its number, title,
 * 密级 and current version, and who signed that version in each capacity (编制 … 会签, 军代表).
 */
function registerFacts(rc: RegisterContext, page: string, doc: ControlledDocument, entityCell: EntityCell): Fact[] {
  const current = currentRevision(doc);
  const signed = current ? revisionSignatures(current) : [];
  const roles = [...new Set(signed.map((s) => s.role))];
  return [
    { label: t(rc, "register.documents.column.number"), values: [{ text: doc.id }] },
    { label: t(rc, "register.documents.column.title"), values: [{ text: documentTitle(rc, doc) }] },
    { label: t(rc, "register.documents.column.classification"), values: [{ text: classificationName(rc.lang, documentClassification(rc.repo, doc)) }] },
    { label: t(rc, "register.documents.column.version"), values: [{ text: current?.version ?? "—" }] },
    ...roles.map((role) => ({
      label: t(rc, `sign.role.${role}`),
      values: signed.filter((s) => s.role === role).map(({ signature }) => entityCell(page, "person", signature.by, [personName(rc, signature.by), signature.date ?? ""].filter(Boolean).join(" "))),
    })),
  ];
}

function csrSections(rc: RegisterContext, page: string, csr: Csr, facts: CsrRow["facts"], entityCell: EntityCell, superseded: readonly Csr[], undatedTraining: string | undefined, today: string): SiteSection[] {
  const rounds = csr.review?.history ?? [];
  const items: Cell[] = [
    { text: fact(rc, "site.csr.status", csrStatusText(csr, facts.status, rc.repo.config?.value, rc.lang)) },
    // The audit trail of a customer revision: by which CSR this one was superseded, when and why, and what this one superseded.
    ...(csr.superseded
      ? [
          csr.superseded.by
            ? entityCell(page, "csr", csr.superseded.by, t(rc, "site.csr.superseded-by", { id: csr.superseded.by, date: csr.superseded.date, reason: csr.superseded.reason }))
            : { text: t(rc, "site.csr.superseded-on", { date: csr.superseded.date, reason: csr.superseded.reason }) },
        ]
      : []),
    ...superseded.map((old) => entityCell(page, "csr", old.id, t(rc, "site.csr.supersedes", { id: old.id, date: old.superseded!.date, reason: old.superseded!.reason }))),
    entityCell(page, "customer", csr.customer, fact(rc, "site.csr.customer", `${csr.customer} ${customerName(rc, csr.customer)}`)),
    ...declassified(rc, page, csr.classification_changes, entityCell, today),
  ];
  if (facts.due) {
    const note = daysOverdue(rc, facts) ?? t(rc, "site.csr.days-left", { count: facts.daysLeft ?? 0 });
    items.push({ text: fact(rc, "site.csr.review-due", withNote(rc, facts.due, note)) });
  }
  if (facts.missing.length) items.push({ text: fact(rc, "site.csr.opinions-missing", facts.missing.map((d) => departmentName(rc, d)).join(t(rc, "common.list-separator"))) });
  // Opinions given on paper are not missing: the page says where they are signed.
  else if (csr.review?.record && !csr.superseded) items.push({ text: t(rc, "site.csr.opinions-on-record", { record: reviewRecordText(csr.review.record) }) });
  if (csr.implementation?.owner) items.push(entityCell(page, "person", csr.implementation.owner, fact(rc, "site.csr.implementation-owner", personName(rc, csr.implementation.owner))));
  if (undatedTraining) items.push({ text: t(rc, "site.csr.training-undated", { records: undatedTraining, date: today }) });
  return [
    { title: t(rc, "site.csr.status-today"), items },
    {
      id: "rounds",
      title: t(rc, "site.csr.rounds"),
      table: {
        columns: [
          { header: t(rc, "site.csr.round.revision") },
          { header: t(rc, "site.csr.round.closed"), className: "date" },
          { header: t(rc, "site.csr.round.reason") },
          { header: t(rc, "site.csr.round.opinions") },
          { header: t(rc, "site.csr.round.decision") },
        ],
        rows: rounds.map((r) => [
          { text: r.source_revision ?? "" },
          { text: r.closed ?? "", className: "date" },
          { text: historyReason(r, csr.source.document, rc.lang) },
          {
            text: [
              ...(r.opinions ?? []).map((o) => signed(rc, `${departmentName(rc, o.department)} ${t(rc, `register.opinion.${o.opinion}`)}`, personName(rc, o.reviewer), o.date)),
              ...(r.record ? [t(rc, "site.csr.opinions-on-record", { record: reviewRecordText(r.record) })] : []),
            ].join(t(rc, "site.items-separator")),
          },
          { text: r.decision ? signed(rc, t(rc, `register.disposition.${dispositionKey(r.decision)}`), personName(rc, r.decision.by), r.decision.date) : "" },
        ]),
      },
      empty: t(rc, "site.none"),
    },
  ];
}

/**
 * Each lowering of a document's or CSR's 密级 (降密/解密) recorded by `today` (csr set --classification --by --reason),
 * oldest first: the day, from and to the level, who authorised it (linked to their page) and the grounds, as csr show
 * and csr changes say it (tester57 E1).
 */
function declassified(rc: RegisterContext, page: string, changes: readonly ClassificationChange[] | undefined, entityCell: EntityCell, today: string): Cell[] {
  return (changes ?? [])
    .filter((c) => c.date <= today)
    .map((c) => entityCell(page, "person", c.by, t(rc, "site.declassified", { date: c.date, from: classificationName(rc.lang, c.from), to: classificationName(rc.lang, c.to), by: personName(rc, c.by), reason: c.reason })));
}

function present<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/**
 * What csr check reports about an entity (entity-findings.ts), errors first, read for a reader of the page
 * (attention.ts findingReader: what is wrong or due, the deadline, who answers for it, in the page's language),
 * each rule linking to the findings page, which has csr check's own message (with the command that fixes it);
 * with `about`, a column saying what each one is about (a customer's page: the customer itself or which of its
 * CSRs). The deadline and responsible columns only where some finding has one, a responsible person linked
 * to their page by `person`. None: no section.
 */
function findingsSection(rc: RegisterContext, page: string, findings: readonly Finding[], read: (finding: Finding) => Reading, person: (name: string) => string | undefined, about?: { header: string; cell: (finding: Finding) => Cell }): SiteSection | undefined {
  if (findings.length === 0) return undefined;
  const all = href(page, "findings.html");
  const readings = findings.map(read);
  const due = readings.some((r) => r.due);
  const responsible = readings.some((r) => r.responsible);
  return {
    id: "findings",
    title: t(rc, "site.entity.findings", { count: findings.length }),
    table: {
      // What is due, by when and by whom first, for the page's reader (tester70 P6); the rule last, small, for those who fix the records.
      columns: [
        { header: t(rc, "site.panel.findings.column.severity") },
        ...(about ? [{ header: about.header }] : []),
        { header: t(rc, "site.attention.column.what") },
        ...(due ? [{ header: t(rc, "site.attention.column.due"), className: "date" }] : []),
        ...(responsible ? [{ header: t(rc, "site.attention.column.responsible") }] : []),
        { header: t(rc, "site.panel.findings.column.rule") },
      ],
      rows: findings.map((f, i) => [
        { text: f.severity === "error" ? t(rc, "site.panel.findings.error") : t(rc, "site.panel.findings.warning"), className: f.severity === "error" ? "alert" : "warn" },
        ...(about ? [about.cell(f)] : []),
        { text: readings[i]!.what },
        ...(due ? [{ text: readings[i]!.due ?? "", className: "date" }] : []),
        ...(responsible ? [responsibleCell(readings[i]!.responsible ?? "", person)] : []),
        // A rule id is one word: doc/recall-overdue, never broken at its hyphen.
        { text: f.rule, href: all, className: "code site-rule" },
      ]),
    },
    notes: [t(rc, "site.entity.findings.note")],
  };
}

/** Who answers for a finding: linked when it is one person (not departments, nor two people). */
function responsibleCell(text: string, person: (name: string) => string | undefined): Cell {
  const target = text === "" ? undefined : person(text);
  return target ? { text, href: target } : { text };
}

/** The columns of the distribution register (report/registers/distribution.ts) that name a person. */
const COPY_PEOPLE = new Set(["holder", "issuedBy", "returnedBy", "receivedBy"]);

/**
 * A document's controlled copies: its rows of the distribution register (文件发放/回收记录), without
 * the document's own number and title; copies to recall say so in their state. `people` links the
 * names of COPY_PEOPLE's columns to their pages.
 */
function copiesSection(rc: RegisterContext, doc: ControlledDocument, register: Table, rows: Table["rows"] | undefined, people: Linker): SiteSection | undefined {
  // A released document never handed out, on paper or electronically, says so rather than leaving the section out (tester55 C2).
  if (!rows?.length) return doc.status !== "released" ? undefined : { id: "copies", title: t(rc, "site.document.copies.title"), empty: t(rc, "site.document.copies.none", { id: doc.id }) };
  return { id: "copies", title: t(rc, "site.document.copies", { count: rows.length }), table: copyTable(register, rows, people) };
}

/** The columns of the distribution register a page of one document's copies shows: not the document's own number and title. */
const COPY_COLUMNS = new Set(["copy", "version", "to", "holder", "issuedBy", "date", "dueBy", "recalled", "returnedBy", "receivedBy", "state", "remark"]);

/** `rows` of the distribution register in COPY_COLUMNS, for the page of the one document they are copies of. */
function copyTable(register: Table, rows: Table["rows"], people: Linker): SiteTable {
  return siteTable({ ...register, columns: register.columns.filter((c) => COPY_COLUMNS.has(c.key)), rows }, people);
}

/**
 * The controlled copies of a customer's source document (its revisions handed to departments, csr distribute
 * <source>; tester66 N1) on the customer's page, below the source: its rows of the distribution register, as a
 * document's page gives its own (copiesSection); none without any.
 */
function sourceCopiesSection(rc: RegisterContext, id: string, register: Table, rows: Table["rows"] | undefined, people: Linker): SiteSection | undefined {
  if (!rows?.length) return undefined;
  return { id: `${sourceFragment(id)}-copies`, title: t(rc, "site.customer.source-copies", { id, count: rows.length }), table: copyTable(register, rows, people) };
}

/**
 * The page of a document's version released to take effect later (待实施), beside its page: documents/WI-010-01-A2.html
 * for A/2 of documents/WI-010-01.html; another name (…-A2~pending) when a document's page has that one.
 */
function pendingPage(page: string, version: string, taken: ReadonlySet<string>): string {
  const base = `${page.slice(0, -".html".length)}-${version.replace(/[^\p{L}\p{N}]/gu, "")}`;
  return taken.has(`${base}.html`.toLowerCase()) ? `${base}~pending.html` : `${base}.html`;
}

/** An earlier revision's page: the document as that revision was released, and what replaced it when. */
interface EarlierRevisionPage {
  page: string;
  doc: ControlledDocument;
  superseded: SupersededRevision;
}

/**
 * The pages of the earlier revisions of `doc` (as its page shows it) whose text git holds (`texts`, by release tag:
 * commands/site earlierRevisions), beside its page (QP-010.html: QP-010~A-0.html): each the document as released
 * then (asRevision), with the revision that replaced it and from when, as csr render --revision prints it (tester59 G11;
 * IATF 16949 7.5.3.2: obsolete documents identified, their unintended use prevented). Not in the search.
 */
function earlierRevisionPages(page: string, doc: ControlledDocument, texts: ReadonlyMap<string, ControlledDocument> | undefined): EarlierRevisionPage[] {
  const revisions = doc.kind === "external" || (doc.status !== "released" && doc.status !== "obsolete") ? [] : (doc.revisions ?? []);
  const base = page.slice(0, -".html".length);
  return revisions.slice(0, -1).flatMap((r, i) => {
    const then = texts?.get(releaseTag(doc.id, r.version));
    if (then === undefined) return [];
    return [{ page: `${base}~${r.version.replace(/[^\p{L}\p{N}]+/gu, "-")}.html`, doc: asRevision(doc, r.version, then), superseded: { version: r.version, by: revisions[i + 1]!.version, effective: revisionEffective(doc, i + 1) } }];
  });
}

/** The section of a document's page linking its earlier revisions' pages, newest first; none without any. */
function earlierSection(rc: RegisterContext, page: string, earlier: readonly EarlierRevisionPage[]): SiteSection | undefined {
  if (earlier.length === 0) return undefined;
  return { id: "earlier", title: t(rc, "site.document.earlier"), items: [...earlier].reverse().map((e) => ({ text: t(rc, "site.document.earlier.item", { ...e.superseded }), href: href(page, e.page) })) };
}

/**
 * A form's blank sheet on its page (tester59 G10): with items to fill in (`sections`), a page of its own to print
 * (blank-form.ts), `page` beside the form's page (HH-F-052.html: HH-F-052~blank.html) and the status section's
 * link to it; without them (a form registered from its paper or Word original: doc/form-no-fields leaves it so),
 * no page, and the line saying where the shop floor gets it: 文控 or the form's department, which issue it as a
 * controlled copy (csr distribute). `taken`: the document pages, lower case.
 */
function blankForm(rc: RegisterContext, page: string, form: ControlledDocument, taken: ReadonlySet<string>): { page?: string; item: Cell } {
  const version = documentVersion(form);
  if ((form.sections ?? []).length === 0) return { item: { text: fact(rc, "site.blank-form", t(rc, "site.blank-form.elsewhere", { department: departmentName(rc, form.department) })) } };
  const base = page.slice(0, -".html".length);
  const blank = taken.has(`${base}~blank.html`.toLowerCase()) ? `${base}~blank~2.html` : `${base}~blank.html`;
  return { page: blank, item: { text: fact(rc, "site.blank-form", t(rc, "site.blank-form.print", { version })), href: href(page, blank) } };
}

/** What the blank sheet of form `view` (documentView of the version shown) on page `page` shows; `back` is the form's page. */
function blankFormView(rc: RegisterContext, view: DocumentView, labels: Readonly<Record<string, string>>, page: string, back: string, today: string): BlankFormView {
  const label = (key: string) => labels[key] ?? key;
  const colon = label("colon");
  const data = { id: view.number, title: view.title, version: view.version, date: today };
  return {
    lang: rc.lang,
    csp: DOCUMENT_CSP,
    root: rootOf(page),
    organisation: view.organisation,
    title: view.title,
    identity: `${label(view.numberLabel)}${colon}${view.number} · ${label("version")}${colon}${view.version}`,
    sections: view.sections,
    // A form with items (sections) and a sheet: the sheet after them, as csr render prints it.
    ...(view.sheet && { sheet: { view: view.sheet, date: label("sheet_date") } }),
    ...(view.record && {
      record: {
        title: label("record_keeping"),
        fields: [
          { label: label("retention"), value: view.record.retention },
          { label: label("medium"), value: view.record.medium ? label(`medium_${view.record.medium}`) : "" },
          { label: label("location"), value: view.record.location },
        ],
      },
    }),
    note: t(rc, "site.blank-form.note", data),
    screen: { text: t(rc, "site.blank-form.screen", data), back: { text: t(rc, "site.blank-form.back", data), href: href(page, back) } },
  };
}

/**
 * A document page's status line (PageStatus), in the words a reader at the point of use acts on (tester59 G6, G14; IATF
 * 16949 7.5.3.2.1, 7.5.3: the current revision identified where it is used, unintended use of obsolete documents
 * prevented): 现行有效 A/1，2025-03-17 起生效; 草稿 / 审批中，未批准，不得用于生产; 已作废（date），不得使用，替代文件 <link>;
 * 待实施 for a first issue not yet in force; a temporary one (valid_until) 有效期至 …, or past that day 已到期, not to be used; with `coming` (the page of the version released to take effect later and its
 * 实施日期) the version in force and a link to the coming one (tester59 G1); `deviations` in force from it (deviationsInForce), each
 * linked, with until when it applies (tester61 L12). `doc`: the document as the page shows it on
 * `today`; `documentLink` links another document's page from this one. A page stamped 非受控 says what that means.
 */
function documentStatusLine(
  rc: RegisterContext,
  doc: ControlledDocument,
  today: string,
  from: string,
  documentLink: (id: string) => string | undefined,
  coming?: { page: string; version: string; date: string },
  deviations: readonly ControlledDocument[] = [],
): PageStatus {
  const tr = (key: MessageKey, data?: MessageData) => t(rc, key, data);
  const version = documentVersion(doc);
  const uncontrolled = tr("site.document.status.uncontrolled");
  if (doc.status === "obsolete") {
    const by = doc.obsolete?.superseded_by;
    const target = by === undefined ? undefined : documentLink(by);
    const parts: PageStatus["parts"] = [{ text: tr("site.document.status.obsolete", { date: doc.obsolete?.date ?? "" }) }];
    if (by !== undefined) parts.push({ text: tr("site.document.status.obsolete.by") }, target ? { text: by, href: target } : { text: by }, { text: tr("site.document.status.end") });
    return { tone: "stop", parts };
  }
  if (doc.status === "draft" || doc.status === "in-review") return { tone: "stop", parts: [{ text: tr(doc.status === "draft" ? "site.document.status.draft" : "site.document.status.in-review") }] };
  if (doc.kind === "external") return externalStatusLine(rc, doc, today);
  const pending = releasedPendingUntil(doc, today);
  // A temporary document (临时, valid_until) says until when it may be worked to; past that day, not any more (tester61 L4).
  const until = doc.valid_until;
  const temporary: PageStatus["parts"] = until === undefined ? [] : [{ text: tr(until < today ? "site.document.status.temporary-expired" : "site.document.status.temporary", { until }) }];
  if (pending !== undefined) return { tone: "pending", parts: [{ text: tr("site.document.status.first-pending", { version, date: pending }) }, ...temporary, ...deviationParts(rc, deviations, documentLink, pending)] };
  if (until !== undefined && until < today) return { tone: "stop", parts: temporary, note: uncontrolled };
  const parts: PageStatus["parts"] = [{ text: tr("site.document.status.in-force", { version, effective: effectiveDate(rc, doc) ?? "" }) }, ...temporary];
  if (coming) parts.push({ text: tr("site.document.status.coming", { version, coming: coming.version, date: coming.date }) }, { text: tr("site.document.status.coming.link", { coming: coming.version }), href: href(from, coming.page) }, { text: tr("site.document.status.end") });
  else if (doc.revising !== undefined && doc.revising.since <= today) parts.push({ text: tr("site.document.status.revising", { version }) });
  parts.push(...deviationParts(rc, deviations, documentLink));
  return { tone: "ok", parts, note: uncontrolled };
}

/**
 * The banner's words on the deviations in force from the document (deviationsInForce), each linked: whoever works to the
 * page works to the deviation too while it applies, so the banner names it, not only the section below (tester61 L12).
 * On the page of a version 待实施 from `pending` (YYYY-MM-DD), that it applies now, to the version in force, and whether
 * it still will once this one takes effect: until a day before `pending` it ends first (IATF 16949 8.5.6.1.1).
 */
function deviationParts(rc: RegisterContext, deviations: readonly ControlledDocument[], documentLink: (id: string) => string | undefined, pending?: string): PageStatus["parts"] {
  return deviations.flatMap((deviation) => {
    const target = documentLink(deviation.id);
    const name = `${deviation.id} ${documentTitle(rc, deviation)}`;
    const until = deviation.valid_until;
    const end =
      pending === undefined
        ? until === undefined
          ? t(rc, "site.document.status.deviation.open")
          : t(rc, "site.document.status.deviation.until", { until })
        : until === undefined
          ? t(rc, "site.document.status.deviation-pending.open", { date: pending })
          : until < pending
            ? t(rc, "site.document.status.deviation-pending.ends-before", { until, date: pending })
            : t(rc, "site.document.status.deviation-pending.until", { until, date: pending });
    return [{ text: t(rc, pending === undefined ? "site.document.status.deviation" : "site.document.status.deviation-pending") }, target ? { text: name, href: target } : { text: name }, { text: end }];
  });
}

/**
 * The deviations (`ids`: documents naming this one under `deviates_from`) in force on `today`: released, their 实施日期
 * reached and, for a temporary one, `valid_until` not passed (the day itself still in force), by number. IATF 16949 8.5.6.1.1.
 */
function deviationsInForce(rc: RegisterContext, ids: readonly string[], today: string): ControlledDocument[] {
  return ids
    .flatMap((id) => rc.index.documents.get(id)?.value ?? [])
    .filter((d) => deviationInForce(d, today))
    .sort((a, b) => compareIds(a.id, b.id));
}

/**
 * An external document's (外来文件) status line, page59's note: who issued it, the edition held and when it was received,
 * whether that edition is the current one by the last record of it (its receipt, a periodic review since, or a check
 * that it is the publisher's current edition: csr source confirm), or from when it is in force; and, under it, that it is controlled as an external document (IATF
 * 16949 7.5.3.2: documents of external origin identified and their distribution controlled; GJB 9001C 7.5.3).
 */
function externalStatusLine(rc: RegisterContext, doc: ControlledDocument, today: string): PageStatus {
  const external = doc.external ?? {};
  const pending = externalPendingUntil(doc, today);
  const checked = [external.received, ...(doc.reviews ?? []).map((r) => r.date), heldExternalEdition(doc, today)?.confirmed?.date].filter((day): day is string => day !== undefined && day <= today).sort().at(-1);
  const previous = external.previous?.at(-1)?.revision;
  const data = {
    by: external.publisher ? t(rc, "site.document.status.external.by", { publisher: external.publisher }) : "",
    edition: external.revision ?? doc.id,
    received: external.received ?? "",
    checked: checked ?? "",
    date: pending ?? "",
    previous: previous ?? "",
  };
  const key: MessageKey = pending
    ? previous
      ? "site.document.status.external.pending-previous"
      : "site.document.status.external.pending"
    : checked
      ? "site.document.status.external.current"
      : "site.document.status.external.unrecorded";
  return { tone: pending ? "pending" : "ok", parts: [{ text: t(rc, key, data) }], note: t(rc, "site.document.status.external.controlled") };
}

/**
 * The status line of the page of a version released to take effect later (待实施, tester59 G1): for training and
 * preparation only, not to be used before `date`; the version in force (`inForce`) linked to the document's page (`back`);
 * the deviations in force from the document (deviationsInForce), linked by `documentLink`, as they apply now and from `date`.
 */
function pendingStatusLine(rc: RegisterContext, doc: ControlledDocument, inForce: string, date: string, back: string, deviations: readonly ControlledDocument[], documentLink: (id: string) => string | undefined): PageStatus {
  const version = documentVersion(doc);
  return {
    tone: "pending",
    parts: [
      { text: t(rc, "site.document.status.pending-page", { version, date }) },
      { text: t(rc, "site.document.status.pending-page.link", { id: doc.id, inForce }), href: back },
      { text: t(rc, "site.document.status.end") },
      // The deviations in force apply now, to the version in force; whether still once this one takes effect (breaker62 rest).
      ...deviationParts(rc, deviations, documentLink, date),
    ],
    // The page of the coming version has no copies section: the copies in use are the version in force's, on its page.
    note: t(rc, "site.document.status.uncontrolled-pending", { id: doc.id, inForce }),
  };
}

/** "状态：已发布" / "Status: released": a label and its value as the page's language writes them. */
function fact(rc: RegisterContext, label: MessageKey, value: string): string {
  return t(rc, "site.fact", { label: t(rc, label), value });
}

/** "评审期限：2026-12-04（剩余 5 个工作日）" / "… (5 working days left)": a text with its note in brackets. */
/**
 * "已逾期 32 个工作日" / "32 working days overdue" for a review past its deadline (facts.daysLeft below
 * 0), undefined otherwise: "剩余 -32 个工作日" read as a typing error (tester49 #7).
 */
function daysOverdue(rc: RegisterContext, facts: { daysLeft?: number }): string | undefined {
  const left = facts.daysLeft ?? 0;
  return left < 0 ? t(rc, "site.csr.days-overdue", { count: -left }) : undefined;
}

function withNote(rc: RegisterContext, text: string, note: string | undefined): string {
  return note ? t(rc, "site.with-note", { text, note }) : text;
}

/** `text` with its `note` as withNote writes them, each a link where it has one: 黄军（生产部）, the name to the person's page, the department to its own. */
function notedParts(rc: RegisterContext, text: Cell, note: Cell): Cell {
  const [before = "", between = "", after = ""] = t(rc, "site.with-note", { text: "\u0000", note: "\u0000" }).split("\u0000");
  const parts = [{ text: before }, text, { text: between }, note, { text: after }].filter((part) => part.text !== "").map((part) => ({ text: part.text, ...(part.href ? { href: part.href } : {}) }));
  return { text: parts.map((part) => part.text).join(""), parts };
}

/** "市场部 同意（孙伟，2024-06-18）" / "市场部 accept (孙伟, 2024-06-18)": what was signed, by whom and when. */
function signed(rc: RegisterContext, what: string, who: string, date: string): string {
  return t(rc, "site.signed", { what, who, date });
}

/**
 * A customer's CSRs in one table, as the customer's SQE audits them (IATF 16949 4.3.2, 7.5.1.1, 7.5.3.2.2;
 * tester70 P7): received, the review's deadline, decided and whether in time, the disposition, where each is
 * addressed (the document linked, its section and version), who implements it by when beside the customer's date,
 * the day it went into production, its status and training. Every value is the CSR list's (`list`) or, for the
 * review's timeliness, the CSR matrix's (`matrix`) row of the same CSR on the same day: the page and the registers
 * cannot disagree. Printed on A4 landscape with the site's other tables.
 */
function customerCsrSection(rc: RegisterContext, page: string, csrs: readonly CsrRow[], list: Table, matrix: Table, entityCell: EntityCell): SiteSection {
  const wanted = new Set(csrs.map((r) => r.csr.id));
  // The dashboard's count of a customer's CSRs of one status links to the first of them (#status-in-review).
  const statusOf = new Map(csrs.map((r) => [r.csr.id, r.facts.status]));
  const anchored = new Set<string>();
  const rows = list.rows.filter((row) => wanted.has(String(row.id)));
  // The matrix has a row per place a CSR is addressed, each with the same review: the first one's timeliness is the CSR's.
  const timeliness = new Map<string, string>();
  const places = new Map<string, string[]>();
  for (const row of matrix.rows) {
    const id = String(row.id);
    if (!wanted.has(id)) continue;
    if (!timeliness.has(id)) timeliness.set(id, String(row.timeliness ?? ""));
    if (row.document) places.set(id, [...(places.get(id) ?? []), String(row.document)]);
  }
  const header = (table: Table, key: string) => table.columns.find((c) => c.key === key)?.header ?? key;
  const text = (value: Table["rows"][number][string] | undefined) => (value === null || value === undefined ? "" : String(value));
  const date = (value: Table["rows"][number][string] | undefined): Cell => ({ text: text(value), className: "date" });
  // 落实文件 as the CSR list writes it, one place a line, its document's number linked to the document's page.
  const addressed = (id: string, value: string): Cell => {
    const documents = places.get(id) ?? [];
    const parts = value.split("\n").filter((line) => line !== "").flatMap((line, i) => {
      const document = documents[i];
      const target = document !== undefined && line.startsWith(document) ? entityCell(page, "document", document).href : undefined;
      const placed = target ? [{ text: document!, href: target }, { text: line.slice(document!.length) }] : [{ text: line }];
      return i === 0 ? placed : [{ text: "\n" }, ...placed];
    });
    return { text: value, parts };
  };
  // A value of several lines (培训: its state, then its records), a line each.
  const lines = (value: string): Cell => ({ text: value, parts: value.split("\n").flatMap((line, i) => (i === 0 ? [{ text: line }] : [{ text: "\n" }, { text: line }])) });
  // Reviewed again from a new source revision: the deadline runs from that day (换版重评日期), said under the first receipt.
  const received = (row: Table["rows"][number]): Cell => (row.restarted ? { ...lines(`${text(row.received)}\n${header(list, "restarted")} ${text(row.restarted)}`), className: "date" } : date(row.received));
  // An open review past its deadline with the working days overdue (the list's 剩余工作日), or its 期限说明 on a day off right after it (tester49 #12).
  const reviewDue = (row: Table["rows"][number]): Cell =>
    typeof row.daysLeft !== "number" ? date(row.reviewDue) : row.deadlineNote ? { text: text(row.deadlineNote) } : row.daysLeft < 0 ? { text: withNote(rc, text(row.reviewDue), daysOverdue(rc, { daysLeft: row.daysLeft })), className: "date" } : date(row.reviewDue);
  return {
    id: "csrs",
    title: t(rc, "site.customer.csrs", { count: rows.length }),
    table: {
      columns: [
        { header: header(list, "id") },
        { header: header(list, "title") },
        { header: header(list, "received"), className: "date" },
        { header: header(list, "reviewDue"), className: "date" },
        { header: header(list, "decided"), className: "date" },
        { header: header(matrix, "timeliness") },
        { header: header(list, "disposition") },
        { header: header(list, "addressed") },
        { header: header(list, "owner") },
        { header: header(list, "due"), className: "date" },
        ...(list.columns.some((c) => c.key === "requiredBy") ? [{ header: header(list, "requiredBy"), className: "date" }] : []),
        { header: header(list, "implemented"), className: "date" },
        { header: header(list, "status") },
        { header: header(list, "training") },
      ],
      rowIds: rows.map((row) => {
        const status = statusOf.get(String(row.id));
        return status === undefined || anchored.has(status) || !anchored.add(status) ? undefined : `status-${status}`;
      }),
      rows: rows.map((row) => {
        const id = String(row.id);
        return [
          { ...entityCell(page, "csr", id), className: "code" },
          { text: text(row.title) },
          received(row),
          reviewDue(row),
          date(row.decided),
          { text: timeliness.get(id) ?? "" },
          { text: text(row.disposition) },
          addressed(id, text(row.addressed)),
          { text: text(row.owner) },
          date(row.due),
          ...(list.columns.some((c) => c.key === "requiredBy") ? [date(row.requiredBy)] : []),
          date(row.implemented),
          lines(text(row.status)),
          lines(text(row.training)),
        ];
      }),
    },
    empty: t(rc, "site.none"),
    notes: [t(rc, "site.customer.csrs.note", { days: rc.repo.config?.value.csr?.review_days ?? DEFAULT_REVIEW_DAYS })],
  };
}

function csrTable(rc: RegisterContext, page: string, rows: readonly CsrRow[], entityCell: EntityCell) {
  return {
    columns: [{ header: t(rc, "site.csr-table.id") }, { header: t(rc, "site.csr-table.title") }, { header: t(rc, "site.csr-table.status") }, { header: t(rc, "site.csr-table.review-due"), className: "date" }],
    rows: rows.map(({ csr, facts }) => [
      entityCell(page, "csr", csr.id),
      { text: localized(rc.lang, csr.title, csr.title_en) },
      { text: csrStatusText(csr, facts.status, rc.repo.config?.value, rc.lang) },
      // Past the deadline, the working days overdue, as the CSR's page says them (tester49 #12): a row due 2026-01-16 read as on time.
      { text: facts.due === undefined ? "" : withNote(rc, facts.due, daysOverdue(rc, facts)), className: "date" },
    ]),
  };
}

interface PersonWork {
  /** Open CSRs by the departments whose opinion is missing. */
  toReview: Map<string, CsrRow[]>;
  /** Unfinished CSR implementations by owner. */
  implementing: Map<string, CsrRow[]>;
  /** Live documents by the people who signed their current version, each with the capacities they signed in (编制 … 会签, 标准化审查, 军代表). */
  signed: Map<string, { doc: ControlledDocument; roles: SignatureRole[] }[]>;
  /** Trainings open, by the people still to be trained on them (completion.missing: csr list training --missing's rows). */
  training: Map<string, OpenTraining[]>;
}

/** `documents` and `csrs`: as their records show them on the site's day `today` (documentsOn, csrsOn), as the registers of that day. */
function personWork(rc: RegisterContext, documents: readonly ControlledDocument[], csrs: readonly CsrRow[], calendar: WorkCalendar, today: string): PersonWork {
  const repo = rc.repo;
  const finished = ["superseded", "rejected", "not-applicable"];
  const docs = documents.filter((d) => d.status !== "obsolete").sort((a, b) => compareIds(a.id, b.id));
  return {
    toReview: groupBy(
      csrs.filter((r) => r.facts.due !== undefined),
      (r) => r.facts.missing,
    ),
    implementing: groupBy(
      csrs.filter((r) => !["implemented", "verified"].includes(r.csr.implementation?.status ?? "") && !finished.includes(r.facts.status)),
      (r) => (r.csr.implementation?.owner ? [r.csr.implementation.owner] : []),
    ),
    signed: signersOfCurrentVersions(docs),
    training: groupBy(
      openTrainings(documents, csrs.map((r) => r.csr), peopleOf(rc), repo.config?.value, calendar, today, trainingRecordDays(repo), trainingSessionVersions(repo), rc.index.customers).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : compareIds(a.id, b.id))),
      (o) => o.completion.missing,
    ),
  };
}

/** For each person, the documents whose current version they signed, in every capacity the revision records. */
function signersOfCurrentVersions(docs: readonly ControlledDocument[]): PersonWork["signed"] {
  const map: PersonWork["signed"] = new Map();
  for (const doc of docs) {
    const current = currentRevision(doc);
    if (!current) continue;
    const roles = new Map<string, SignatureRole[]>();
    for (const { role, signature } of revisionSignatures(current)) roles.set(signature.by, [...(roles.get(signature.by) ?? []), role]);
    for (const [person, signed] of roles) map.set(person, [...(map.get(person) ?? []), { doc, roles: signed }]);
  }
  return map;
}

function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}

/**
 * The trainings a person received (员工培训档案, as `csr list training --person` lists them; tester72 Q6): each session
 * that trained them, by name, with their department or as its trainer, with revision, trainer and record number, which
 * an auditor asks to see (IATF 16949 7.2.1, 7.2.2). Not for a person of an outside party: the organisation does not train them.
 */
function personTrainedSection(rc: RegisterContext, person: Person, today: string, link: Linker): SiteSection[] {
  if (rc.index.parties.has(person.department) && !rc.index.departments.has(person.department)) return [];
  const file = trainingPersonRegister(rc, { today, person, trainedOnly: true });
  // The document or CSR of a session links to its page, as an id column does.
  const linked: Linker = (row, key, text) => (key === "subject" ? link(row, "id", text) : undefined);
  return [
    {
      id: "trained",
      title: t(rc, "site.person.trained", { count: file.rows.length }),
      table: siteTable(pickColumns(file, ["date", "subject", "title", "revision", "way", "trainer", "record"]), linked),
      empty: t(rc, "site.none"),
    },
  ];
}

/**
 * A person's open work: opinions their department still owes, implementations they own, trainings
 * they still owe (as csr list training --missing lists them: model/training-completion.ts, breaker63 P1), documents they signed (in which capacity). A
 * person of an outside party (the 军代表室) owes no opinion and needs no training of the organisation's.
 */
function personSections(rc: RegisterContext, page: string, id: string, department: string, work: PersonWork, entityCell: EntityCell, today: string, tracked: ReturnType<typeof trainingTracked>, overdue: (csr: string) => boolean): SiteSection[] {
  const outside = rc.index.parties.has(department) && !rc.index.departments.has(department);
  const none = t(rc, "site.none");
  const toReview = work.toReview.get(department) ?? [];
  const implementing = work.implementing.get(id) ?? [];
  const training = work.training.get(id) ?? [];
  const signed = work.signed.get(id) ?? [];
  const sections: SiteSection[] = [
    { id: "to-review", title: t(rc, "site.person.to-review", { count: toReview.length }), table: csrTable(rc, page, toReview, entityCell), empty: none },
    // Each with its implementation deadline (完成期限), overdue as csr check's csr/implementation-overdue reports it.
    {
      id: "implementing",
      title: t(rc, "site.person.implementing", { count: implementing.length }),
      table: {
        columns: [{ header: t(rc, "site.csr-table.id") }, { header: t(rc, "site.csr-table.title") }, { header: t(rc, "site.csr-table.status") }, { header: t(rc, "site.person.implementing.status") }, { header: t(rc, "site.person.implementing.due"), className: "date" }, { header: t(rc, "site.person.implementing.state") }],
        rows: implementing.map(({ csr, facts }) => {
          const late = overdue(csr.id);
          return [
            entityCell(page, "csr", csr.id),
            { text: localized(rc.lang, csr.title, csr.title_en) },
            { text: csrStatusText(csr, facts.status, rc.repo.config?.value, rc.lang) },
            { text: implementationStatusText(csr, rc.repo.config?.value, rc.lang) || t(rc, "register.implementation.planned") },
            { text: csr.implementation?.due ?? "", className: "date" },
            late ? { text: t(rc, "site.person.implementing.overdue"), className: "alert" } : { text: csr.implementation?.due ? t(rc, "site.person.implementing.open") : "" },
          ];
        }),
      },
      empty: none,
    },
    {
      id: "training",
      // As the dashboard's 培训 panel: nothing marked as needing training is "—" with why, never a reassuring 0 / 无 (tester59 G8).
      title: t(rc, "site.person.training", { count: training.length === 0 && !(tracked.documents && tracked.csrs) ? "—" : training.length }),
      ...(tracked.documents && tracked.csrs ? {} : { notes: [...(tracked.documents ? [] : [t(rc, "site.person.training.documents-unmarked")]), ...(tracked.csrs ? [] : [t(rc, "site.person.training.csrs-unmarked")])] }),
      table: {
        columns: [{ header: t(rc, "site.person.training.subject") }, { header: t(rc, "site.person.training.title") }, { header: t(rc, "site.person.training.revision") }, { header: t(rc, "site.person.training.due"), className: "date" }, { header: t(rc, "site.person.training.state") }],
        rows: training.map((o) => [
          entityCell(page, o.kind, o.id),
          { text: o.kind === "document" ? documentTitle(rc, rc.index.documents.get(o.id)!.value) : localized(rc.lang, rc.index.csrs.get(o.id)!.value.title, rc.index.csrs.get(o.id)!.value.title_en) },
          { text: o.revision },
          { text: o.due, className: "date" },
          { text: o.due < today ? t(rc, "site.person.training.overdue") : t(rc, "site.person.training.open") },
        ]),
      },
      empty: training.length === 0 && !(tracked.documents && tracked.csrs) ? "—" : none,
    },
    {
      title: t(rc, "site.person.signed"),
      table: {
        columns: [{ header: t(rc, "site.person.signed.document") }, { header: t(rc, "site.person.signed.as") }],
        rows: signed.map(({ doc, roles }) => [documentCell(rc, page, doc.id, entityCell), { text: roles.map((role) => t(rc, `sign.role.${role}`)).join(t(rc, "common.list-separator")) }]),
      },
      empty: none,
    },
  ];
  return sections.filter((section) => !outside || (section.id !== "training" && section.id !== "to-review"));
}

/**
 * The clause matrix of one standard as a heat map: the same marks, coloured, each linking to the process or document.
 * `documents`: as their records show them on the site's day (documentsOn), as the matrix has them, so that a row's
 * colour is the coverage of that day (a document released later does not cover a clause on a site of an earlier day).
 */
/** Whether any process has an internal audit recorded: the heat map then shows each clause's last audit. */
const anyAudit = (repo: Repository) => repo.processes.some((p) => (p.value.audits ?? []).length > 0);

/**
 * One standard's heat map. Once an audit is recorded, a 最近审核 column gives each clause's last audit by `today`
 * (clauseLastAudits, as csr matrix clauses --audits), marked when it is not within the three-year cycle (IATF 16949
 * 9.2.2.2), with the matrix's count of the clauses audited in the cycle above the table (tester62 N9).
 */
function heatMap(rc: RegisterContext, catalog: Catalog, table: Table, pages: SitePages, documents: readonly ControlledDocument[], today: string) {
  const page = "coverage.html";
  const config = rc.repo.config?.value;
  // The old edition's heat map during a transition reads the new edition's references as the matrix does (coverageReading).
  const read = coverageReading(rc, catalog);
  const input = { processes: read(rc.repo.processes.map((p) => p.value)), documents: read(documents), exclusions: config?.exclusions, inherit: config?.coverage?.inherit_from_parent };
  const coverage = clauseCoverage(catalog, input);
  const entityColumns = table.columns.filter((c) => c.key.startsWith("p:") || c.key.startsWith("d:"));
  const target = (key: string) => pages.link(page, key.startsWith("p:") ? "process" : "document", key.slice(2));
  const targets = entityColumns.map((c) => target(c.key));
  // The manual and other-documents columns (register clauses.ts) list documents by number, "△" after one
  // that names only a clause above: each number links to its document.
  const listColumns = table.columns.filter((c) => c.key === "manual" || c.key === "other");
  const separator = t(rc, "common.list-separator");
  const listCell = (value: string, excluded: boolean, number: string): HeatMapCell => {
    const items = value === "" ? [] : value.split(separator).map((item) => ({ id: item.replace(` ${INHERITED}`, ""), text: item }));
    const className = excluded ? "excluded" : items.length === 0 ? "" : items.some((i) => i.text === i.id) ? "list direct" : "list parent";
    return { text: separator, className, label: "", links: items.map((i) => ({ text: i.text, href: pages.link(page, "document", i.id), label: `${number} × ${i.id}` })) };
  };
  const state = { [DIRECT]: "direct", [INHERITED]: "parent", [THROUGH_CHILDREN]: "inherited" } as Record<string, string>;
  // During a transition the new edition's matrix has the old numbers (原条款（2016版）): the heat map shows them too.
  const former = table.columns.find((c) => c.key === "former");
  const lastAuditOf = anyAudit(rc.repo) ? clauseLastAudits(input.processes, catalog.id, today, auditorRoster(rc.index.people, rc.repo.config?.value)) : undefined;
  const cycle = auditCycleStart(today);
  const auditCell = (number: string, excluded: boolean): HeatMapCell => {
    const last = lastAuditOf!(number);
    const className = excluded ? "excluded" : last.date !== undefined && last.date >= cycle ? "audit" : "audit out-of-cycle";
    return { text: "", className, label: "", links: excluded ? [] : [{ text: lastAuditText(rc, last, t(rc, "register.clauses.never-audited")), label: "" }] };
  };
  const auditLead = lastAuditOf ? auditNotes(rc, coverage, lastAuditOf, today) : [];
  return {
    id: catalog.id,
    title: table.title,
    notes: table.notes,
    // Under the coverage line, as in the matrix: the coverage by procedures alone and the clauses no procedure addresses.
    procedures: [...procedureNotes(rc, coverage, procedureCoverage(catalog, input)), ...auditLead],
    edition: editionNotes(rc, catalog),
    former: former?.header,
    // A process's or document's column is headed by its code, set vertically; its full name is in the title and
    // in the key above the table (names set vertically were illegible in Chinese). The list columns keep their words.
    columns: entityColumns.map((c, j) => ({ text: c.short ?? c.key.slice(2), name: c.header, href: targets[j] })),
    key: entityColumns.map((c, j) => ({ text: c.header, href: targets[j] })),
    lists: [...listColumns.map((c) => ({ text: c.header })), ...(lastAuditOf ? [{ text: t(rc, "register.clauses.column.audited") }] : [])],
    rows: table.rows.map((row, i) => {
      const entry = coverage.entries[i]!;
      const excluded = entry.state === "excluded";
      return {
        number: String(row.number),
        former: former ? String(row.former ?? "") : undefined,
        title: String(row.title),
        // A row the coverage ratio does not count (nothing names the clause, or only a parent clause without
        // coverage.inherit_from_parent) is coloured as not addressed, as csr check reports it.
        // The row's classes are "row-" and its state, never a cell's class: a cell's "inherited" (○) is light green, a row's is not.
        // A clause covered that no procedure, work instruction or form answers has its clause coloured apart (tester68 G10).
        state: entry.state === "inherited" && !coverage.inherit ? "row-inherited row-uncovered" : entry.basis ? `row-${entry.state} row-${entry.basis}-only` : `row-${entry.state}`,
        coverage: String(row.coverage),
        cells: [
          ...entityColumns.map((c, j): HeatMapCell => {
            const mark = String(row[c.key] ?? "");
            // A blank cell is neutral: "not addressed" is said of a clause's whole row (tr.uncovered), not of each
            // process or document that does not name it.
            const className = excluded ? "excluded" : (state[mark] ?? "");
            return { text: mark, className, href: mark ? targets[j] : undefined, label: `${row.number} × ${c.header}` };
          }),
          ...listColumns.map((c): HeatMapCell => listCell(String(row[c.key] ?? ""), excluded, String(row.number))),
          ...(lastAuditOf ? [auditCell(String(row.number), excluded)] : []),
        ],
      };
    }),
  };
}

/** What each file defines, so that a finding can link to the entity's page. */
function fileEntities(repo: Repository): (file: string) => EntityRef | undefined {
  const map = new Map<string, EntityRef>();
  for (const d of repo.documents) map.set(d.file.path, { kind: "document", id: d.value.id });
  for (const c of repo.csrs) map.set(c.file.path, { kind: "csr", id: c.value.id });
  for (const c of repo.customers) map.set(c.file.path, { kind: "customer", id: c.value.code });
  return (file) => map.get(file);
}

/** A place a CSR is addressed as the search finds it: the document's number, and the section reference typed whole (`QP-014#5.2`) when its section has a number. */
function addressedIn(document: string, section: string | undefined): string[] {
  const number = section === undefined ? undefined : parseSectionReference(section).number;
  return number === undefined ? [document] : [document, `${document}#${number}`];
}

/**
 * The words of a CSR's review report (csr-review-report.hbs) beyond its requirement, as its records show them on the
 * site's day (csrOn): the round in force's words (roundWords), the confirmations' comments, the superseded reason,
 * why its earlier rounds and implementation records closed, and each earlier round's words, as those of the round in
 * force: an earlier round is searched as it was searched while it was in force.
 */
function reviewText(csr: Csr, lang: Lang): string[] {
  const review = csr.review;
  return [
    ...(review ? roundWords(review) : []),
    ...(review?.confirmations ?? []).flatMap((c) => [c.comment ?? "", c.late_reason ?? ""]),
    ...(review?.history ?? []).flatMap((round) => [historyReason(round, csr.source.document, lang), ...roundWords(round)]),
    ...(csr.implementation?.history ?? []).map((h) => historyReason(h, csr.source.document, lang)),
    csr.superseded?.reason ?? "",
  ];
}

/**
 * What a review round says in words: the departments' comments, where its paper record is kept, the decision's reasons,
 * the alternative agreed with the customer (its text, with whom, the record of the agreement), why it was late.
 */
function roundWords(round: Pick<ReviewRound, "opinions" | "record" | "decision" | "late_reason">): string[] {
  const alternative = round.decision?.alternative;
  const agreed = alternative ? [alternative.text, alternative.agreed_with, alternative.record ?? ""] : [];
  return [...(round.opinions ?? []).map((o) => o.comment ?? ""), round.record ? reviewRecordText(round.record) : "", round.decision?.justification ?? "", ...agreed, round.late_reason ?? ""];
}

/**
 * Every entity as a search entry; `page` is the link from search.html. `documents` and `csrs`: as their records
 * show them on the site's day (documentsOn, csrsOn), as their pages do: a document is found by the text of its
 * version of that day and the training records made by then. One not yet controlled on that day (released or
 * received later), whose page says so, is found by its number and title only; one that did not exist then (absentOn)
 * is not found. `onDay`: the documents as their records show them on that day with every revision released by then
 * (documentsOn): where `documents` holds the version in force while a later one is 待实施, that one's 更改原因, 更改申请
 * and ECN numbers are searched as well.
 */
function searchEntries(rc: RegisterContext, sitePages: SitePages, documents: ReadonlyMap<string, ControlledDocument>, onDay: ReadonlyMap<string, ControlledDocument>, csrs: ReadonlyMap<string, Csr>, absent: ReadonlySet<string>, heatMap: ReadonlyMap<string, readonly string[]>): SearchEntry[] {
  const pages = { page: (kind: EntityKind, id: string) => sitePages.link("search.html", kind, id)! };
  const entries: SearchEntry[] = [];
  const trainingRecords = (sessions: readonly TrainingSession[] | undefined): string[] => (sessions ?? []).flatMap((session) => (session.record ? [session.record] : []));
  const sectionText = (sections: ControlledDocument["sections"]): string =>
    (sections ?? []).map((s) => [s.title, s.title_en ?? "", s.text ?? "", sectionText(s.sections)].join("\n")).join("\n");
  // A document or process is found by the clauses the heat map gives it (heatMapClauses), and no others (tester50a #8).
  const clausesOf = (key: string): string => (heatMap.get(key) ?? []).join(" ");
  // A department as a line of the text searched, its name and code: 归口部门：生产部（PRD）, the line a result quotes.
  const owning = (code: string | undefined) => (code ? t(rc, "site.search.department", { department: departmentName(rc, code), code }) : "");
  // Who holds its copies, a line: 副本领用人：黄军（生产部）、…, so that 黄军 finds the documents whose copies he holds (tester70 P2), a copy
  // stamped 作废 and kept (作废留用) too, as his page lists it (stillHeld); not 受控副本 or "Controlled copies", which would make 受控 and
  // "control" find every document issued.
  const holding = (doc: ControlledDocument): string => {
    const holders = [...new Set((doc.distribution ?? []).filter(stillHeld).map((copy) => withNote(rc, copy.holder ? personName(rc, copy.holder) : departmentName(rc, copy.to), copy.holder ? departmentName(rc, copy.to) : undefined)))];
    return holders.length > 0 ? t(rc, "site.search.holders", { holders: holders.join(t(rc, "common.list-separator")) }) : "";
  };
  const configurationChange = (["zh-CN", "en"] as const).map((lang) => translate(lang, "revision.basis.configuration-change"));
  for (const { value: current } of rc.repo.documents) {
    if (absent.has(current.id)) continue;
    const doc = documents.get(current.id);
    if (doc === undefined) {
      entries.push({ key: `document:${current.id}`, kind: "document", ref: current.id, title: documentTitle(rc, current), text: [current.title, current.title_en ?? ""].join("\n"), clauses: "", page: pages.page("document", current.id) });
      continue;
    }
    const clauses = clausesOf(`document:${doc.id}`);
    // A result says a document is obsolete or a draft on the day, so it does not read as current (tester50a #12).
    const mark = doc.status === "obsolete" ? t(rc, "render.reference.obsolete") : doc.status === "draft" ? t(rc, "render.reference.draft") : undefined;
    // A document marked with a level of 国家秘密 has no sections here (withoutSecretBodies): it is found by its register data only.
    // Its revision record's summaries (修订说明), each revision's basis (更改原因, 更改申请, the corrective actions of csr release
    // --action, ECN: where csr release --reason records an 8D or complaint number, tester63 N6) and why it was withdrawn,
    // as its page of the day shows them.
    // A revision released to take effect later (待实施) is not in the record of the version in force the page shows,
    // yet its basis finds the document too: an 8D-driven change usually waits for its training (breaker63 P2).
    // One line each, in the order revisionBasis prints them, the corrective actions' ids among them (the page prints them):
    // a 技术状态更改 first, in both languages as its reason is, so that the mark its record prints finds it (GJB 9001C 8.5.6).
    const basis = (r: NonNullable<ControlledDocument["revisions"]>[number]) => [...(r.configuration_change ? configurationChange : []), r.reason ?? "", r.reason_en ?? "", r.change_request ?? "", ...(r.actions ?? []), ...(r.ecn ?? [])];
    const pending = (onDay.get(doc.id)?.revisions ?? []).slice((doc.revisions ?? []).length);
    const record = [...(doc.revisions ?? []).flatMap((r) => [r.summary ?? "", r.summary_en ?? "", ...basis(r)]), ...pending.flatMap(basis), doc.obsolete?.reason ?? ""];
    // Found by its owning department's name and code too (生产部 finds WI-010-01), a result showing its version and whether it is in force (tester70 P13).
    const version = documentVersion(doc);
    const state = t(rc, `site.search.badge.${doc.status}`);
    const badge = version === "" ? state : `${version} ${state}`;
    entries.push({ key: `document:${doc.id}`, kind: "document", ref: doc.id, title: documentTitle(rc, doc), ...(mark ? { mark } : {}), badge, text: [doc.title, doc.title_en ?? "", owning(doc.department), ...[holding(doc)].filter((line) => line !== ""), sectionText(doc.sections), doc.remarks ?? "", ...trainingRecords(doc.training?.sessions), ...record.filter((line) => line !== "")].join("\n"), clauses, page: pages.page("document", doc.id) });
  }
  const customers = new Map(rc.repo.customers.map(({ value }) => [value.code, value]));
  const sourceTitles = (csr: Csr): string[] => {
    const source = customers.get(csr.customer)?.sources?.find((s) => s.id === csr.source.document);
    return source ? [source.title, source.title_en ?? ""] : [];
  };
  const implementer = (person: string | undefined): string[] => {
    const department = person === undefined ? undefined : rc.index.people.get(person)?.value.department;
    return person === undefined || department === undefined ? [] : [t(rc, "site.search.owner", { owner: personName(rc, person), department: departmentName(rc, department), code: department })];
  };
  for (const { value: current } of rc.repo.csrs) {
    const csr = csrs.get(current.id);
    if (csr === undefined) {
      entries.push({ key: `csr:${current.id}`, kind: "csr", ref: current.id, title: localized(rc.lang, current.title, current.title_en), text: [current.title, current.title_en ?? ""].join("\n"), clauses: "", page: pages.page("csr", current.id) });
      continue;
    }
    entries.push({
      key: `csr:${csr.id}`,
      kind: "csr",
      ref: csr.id,
      title: localized(rc.lang, csr.title, csr.title_en),
      ...(csr.superseded ? { mark: t(rc, "site.search.superseded") } : {}),
      // What its page shows that people look for too: the evidence of its implementation (★/☆ marks) and its training records' numbers (tester25 F12).
      // And what its review report says in words: the source document's title as the customer gave it, the departments' comments, the decision's reasons, why it was late or superseded (tester51 #2).
      // Its implementation's owner and their department (生产部 finds the CSRs 黄军 owns).
      text: [csr.title, csr.title_en ?? "", csr.text ?? "", csr.category ?? "", csr.customer, csr.source.document, csr.source.section ?? "", ...implementer(csr.implementation?.owner), csr.implementation?.evidence ?? "", ...(csr.implementation?.late_reason ? [csr.implementation.late_reason] : []), ...(csr.training?.records ?? []), ...trainingRecords(csr.training?.sessions), ...[...sourceTitles(csr), ...reviewText(csr, rc.lang)].filter((line) => line !== "")].join("\n"),
      // Where it is addressed, searched and not shown: a document's number finds the CSRs addressed in it, a section reference typed whole (QP-014#5.2) those addressed in that section.
      clauses: [...csr.clauses, ...(csr.addressed ?? []).flatMap((a) => addressedIn(a.document, a.section))].join(" "),
      page: pages.page("csr", csr.id),
    });
  }
  for (const { value: c } of rc.repo.customers) {
    entries.push({ key: `customer:${c.code}`, kind: "customer", ref: c.code, title: customerName(rc, c.code), text: [c.name, c.name_en ?? "", c.notes ?? "", ...(c.sources ?? []).map((s) => [s.id, s.title, s.title_en ?? ""].join(" ").trim())].join("\n"), clauses: "", page: pages.page("customer", c.code) });
  }
  for (const { value: p } of rc.repo.processes) {
    entries.push({ key: `process:${p.code}`, kind: "process", ref: p.code, title: localized(rc.lang, p.name, p.name_en), text: [p.name, p.name_en ?? "", owning(p.owner)].join("\n"), clauses: clausesOf(`process:${p.code}`), page: pages.page("process", p.code) });
  }
  for (const { value: p } of rc.repo.people) {
    // Found by the pinyin of the name too (xuhaitao, xht for 徐海涛), as colleagues type it.
    const pinyin = namePinyin(p.name);
    entries.push({ key: `person:${p.id}`, kind: "person", ref: p.id, title: personName(rc, p.id), text: [p.name, p.name_en ?? "", p.title ?? ""].join("\n"), clauses: "", ...(pinyin ? { pinyin } : {}), page: pages.page("person", p.id) });
  }
  // A department by its name and code and the names of its people: its page is where its head starts (tester70 P1).
  for (const { code, name, name_en } of rc.index.departments.values()) {
    const people = rc.repo.people.filter(({ value }) => value.department === code).map(({ value }) => personName(rc, value.id));
    entries.push({ key: `department:${code}`, kind: "department", ref: code, title: departmentName(rc, code), text: [name, name_en ?? "", people.length > 0 ? t(rc, "site.search.members", { people: people.join(t(rc, "common.list-separator")) }) : ""].join("\n"), clauses: "", page: pages.page("department", code) });
  }
  // Two entities with the same key (a duplicate id, reported by csr check) are searchable once.
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.key) && seen.add(e.key));
}

/**
 * The clauses the heat map gives each process and document, by search key ("document:QP-012"), read from the very
 * tables it colours (the registers' clause matrices, one per standard in `standards`' order): a process's or
 * procedure's cell marked ● (names the clause) or ○ (through the forms and documents it lists), △ (names only a
 * clause above) too when qms.yaml's coverage.inherit_from_parent counts it; a manual or other document where the
 * matrix lists it under the clause (with △ on the same terms). So a clause typed in the search box finds what the
 * heat map and the cross-reference say addresses it (tester50a #8).
 */
function heatMapClauses(rc: RegisterContext, standards: readonly Catalog[], tables: readonly Table[]): Map<string, string[]> {
  const inherit = rc.repo.config?.value.coverage?.inherit_from_parent === true;
  const counted = new Set([DIRECT, THROUGH_CHILDREN, ...(inherit ? [INHERITED] : [])]);
  const separator = t(rc, "common.list-separator");
  const byKey = new Map<string, string[]>();
  const add = (key: string, ref: string) => {
    const list = byKey.get(key);
    if (list) list.push(ref);
    else byKey.set(key, [ref]);
  };
  tables.forEach((table, i) => {
    const catalog = standards[i]!.id;
    for (const row of table.rows) {
      const ref = `${catalog}:${String(row.number)}`;
      for (const { key } of table.columns) {
        const value = String(row[key] ?? "");
        if (key.startsWith("p:") || key.startsWith("d:")) {
          if (counted.has(value)) add(`${key.startsWith("p:") ? "process" : "document"}:${key.slice(2)}`, ref);
        } else if ((key === "manual" || key === "other") && value !== "") {
          for (const item of value.split(separator)) {
            const id = item.replace(` ${INHERITED}`, "");
            if (id === item || inherit) add(`document:${id}`, ref);
          }
        }
      }
    }
  });
  return byKey;
}

/** A page's published address: each segment URL-encoded, as the site's links are (pages.ts href), so an id with '#' or '?' stays in the path. */
function addressOf(baseUrl: string, page: string): string {
  return new URL(page.split("/").map(encodeURIComponent).join("/"), baseUrl).href;
}

/** Every page of the site, as written: the navigation's, the entities', the registers' and the lists'. */
function sitemap(baseUrl: string, pages: readonly string[]): string {
  const urls = pages.map((p) => `  <url><loc>${escapeHtml(addressOf(baseUrl, p))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

/** `cells`, or the one cell `none` says when there are none. */
const withNone = (cells: Cell[], none: string): Cell[] => (cells.length > 0 ? cells : [{ text: none }]);

/**
 * The internal audits `person` made (among the auditors, `by`) of `audits` (auditsIn: every process's held by the
 * site's day, by date), on their page: the process (linking to its page), the report, the nonconformities and whether
 * they were qualified that day (审核员无资格 when people.yaml marks auditors and they were not: such an audit does not
 * count, auditCounts). Nothing when none (breaker63 P9).
 */
function personAuditSection(rc: RegisterContext, page: string, person: string, audits: readonly AuditEntry[], roster: AuditorRoster, entityCell: EntityCell) {
  const made = audits.filter(({ audit }) => audit.by.includes(person));
  if (made.length === 0) return [];
  const actions = rc.repo.actions.map(({ value }) => value);
  const unqualified = (audit: ProcessAudit) => unqualifiedAuditors({ by: [person], date: audit.date, kind: audit.kind }, roster).length > 0;
  const uncounted = made.filter(({ audit }) => unqualified(audit)).length;
  return [
    {
      id: "audits",
      title: t(rc, "site.person.audits", { count: made.length }),
      table: {
        columns: [
          { header: t(rc, "register.audits.column.date"), className: "date" },
          { header: t(rc, "register.audits.column.code") },
          { header: t(rc, "register.audits.column.report") },
          { header: t(rc, "register.audits.column.nonconformities") },
          ...(roster.marks ? [{ header: t(rc, "people.register.column.auditor") }] : []),
        ],
        rows: made.map(({ process, audit }) => [
          { text: audit.date, className: "date" },
          entityCell(page, "process", process.code, processLabel(process, rc.lang)),
          { text: audit.report },
          { text: String(auditNonconformities({ process, audit }, actions)) },
          ...(roster.marks ? [{ text: unqualified(audit) ? t(rc, "site.person.audits.unqualified") : t(rc, "site.person.audits.qualified") }] : []),
        ]),
      },
      ...(uncounted > 0 ? { notes: [t(rc, "register.audit-uncounted.totals", { count: uncounted })] } : {}),
    },
  ];
}

/**
 * A process page's internal audits (内部审核记录, IATF 16949 9.2.2.1): those of `process` among `held` (auditsIn of every
 * process up to the site's day, by date), with the auditors, report, nonconformities and comment, as csr list audits lists
 * them; 尚未审核 when none. `roster` (auditorRoster of people.yaml) says which audits an unqualified auditor made, which do not count.
 */
function processAuditSection(rc: RegisterContext, process: Process, held: readonly AuditEntry[], roster: AuditorRoster) {
  const audits = held.filter((entry) => entry.process === process);
  // Those that do not count, by why (auditUncounted): an auditor not qualified that day, a leader of the process's own department.
  const why = audits.map(({ audit }) => auditUncounted(process, audit, roster));
  const uncounted = why.filter((w) => w === "unqualified").length;
  const ownDepartment = why.filter((w) => w === "own-department").length;
  // As csr list audits counts them: the greater of the record and the actions opened against the audit (auditNonconformities).
  const actions = rc.repo.actions.map(({ value }) => value);
  // A manufacturing process or product audit among them (IATF 16949 9.2.2.3, 9.2.2.4): its kind, part, customer and shift, as csr list audits adds them.
  const detailed = audits.some(({ audit }) => audit.kind !== undefined || audit.part !== undefined || audit.customer !== undefined || audit.shift !== undefined);
  return {
    id: "audits",
    title: t(rc, "register.audits.title", { count: audits.length }),
    ...(audits.length === 0
      ? { empty: t(rc, "register.processes.never-audited") }
      : {
          table: {
            columns: [
              { header: t(rc, "register.audits.column.date"), className: "date" },
              { header: t(rc, "register.audits.column.auditors") },
              { header: t(rc, "register.audits.column.report") },
              { header: t(rc, "register.audits.column.nonconformities") },
              ...(detailed
                ? [
                    { header: t(rc, "register.audits.column.kind") },
                    { header: t(rc, "register.audits.column.part") },
                    { header: t(rc, "register.audits.column.customer") },
                    { header: t(rc, "register.audits.column.shift") },
                  ]
                : []),
              { header: t(rc, "register.audits.column.comment") },
            ],
            rows: audits.map(({ audit }) => [
              { text: audit.date, className: "date" },
              { text: auditorNames(rc, process, audit, roster) },
              { text: audit.report },
              { text: String(auditNonconformities({ process, audit }, actions)) },
              ...(detailed
                ? [
                    { text: t(rc, `value.audit-kind.${auditKind(audit)}`) },
                    { text: audit.part ?? "" },
                    { text: auditCustomers(audit).map((code) => customerName(rc, code)).join(t(rc, "register.list-separator")) },
                    { text: auditShifts(audit).join(t(rc, "register.list-separator")) },
                  ]
                : []),
              { text: audit.comment ?? "" },
            ]),
          },
          ...(uncounted + ownDepartment > 0
            ? {
                notes: [
                  ...(uncounted > 0 ? [t(rc, "register.audit-uncounted.totals", { count: uncounted })] : []),
                  ...(ownDepartment > 0 ? [t(rc, "register.audit-own-department.totals", { count: ownDepartment })] : []),
                ],
              }
            : {}),
        }),
  };
}

/**
 * A process's documents (过程文件), each with its version, 生效日期 and status as the document registers give them (tester70
 * P12): the released documents serving it, as csr list processes and the clause matrix's notes count them (servingDocuments:
 * listed by the process or naming it, tester62 N12), procedures first; then the forms those documents name (`forms`), which
 * the line fills in (WI-010-02's HH-F-045), saying which document names each; then the ones the process still lists that do
 * not serve it, marked: withdrawn (doc/obsolete-referenced) or with their status, never read as documents in force.
 */
function processDocumentsSection(rc: RegisterContext, page: string, process: Process, serving: readonly ControlledDocument[], absent: ReadonlySet<string>, onDay: ReadonlyMap<string, ControlledDocument>, today: string, entityCell: EntityCell): SiteSection {
  const shown = serving.filter((d) => !absent.has(d.id));
  const ids = new Set(shown.map((d) => d.id));
  const namedBy = new Map<string, string[]>();
  for (const doc of shown) for (const form of doc.forms ?? []) if (!ids.has(form) && !absent.has(form) && onDay.has(form)) namedBy.set(form, [...(namedBy.get(form) ?? []), doc.id]);
  const listed = (process.documents ?? []).filter((id) => !absent.has(id) && !ids.has(id) && !namedBy.has(id));
  const separator = t(rc, "common.list-separator");
  const row = (id: string, note: string): Cell[] => {
    const doc = onDay.get(id) ?? rc.index.documents.get(id)?.value;
    if (!doc) return [entityCell(page, "document", id), { text: "" }, { text: "" }, { text: "", className: "date" }, { text: "" }, { text: note }];
    const withdrawn = doc.status === "obsolete";
    return [
      { ...entityCell(page, "document", id), className: "code" },
      { text: documentTitle(rc, doc) },
      { text: withdrawn ? "" : versionInForce(rc, doc, today), className: "code" },
      { text: withdrawn ? "" : (effectiveDate(rc, doc) ?? ""), className: "date" },
      { text: withdrawn ? withNote(rc, statusLabel(rc, doc.status), doc.obsolete?.date) : documentStatus(rc, doc, today) },
      { text: note },
    ];
  };
  const rows = [...shown.map((d) => row(d.id, "")), ...[...namedBy].map(([form, by]) => row(form, t(rc, "site.process.document.form-of", { documents: by.join(separator) }))), ...listed.map((id) => row(id, t(rc, "site.process.document.listed")))];
  return {
    id: "documents",
    title: t(rc, "site.process.documents"),
    table: {
      columns: [
        { header: t(rc, "register.documents.column.number") },
        { header: t(rc, "register.documents.column.title") },
        { header: t(rc, "register.documents.column.version") },
        { header: t(rc, "register.documents.column.effective"), className: "date" },
        { header: t(rc, "register.documents.column.status") },
        { header: t(rc, "site.process.document.why") },
      ],
      rows,
    },
    empty: t(rc, "site.none"),
  };
}

/** The CSR matrix's rows of the places in the documents serving `process` (its 所属过程 column), in the matrix's columns of the place and the requirement's status. */
/** The quality objectives set for `process` (its KPIs, IATF 16949 9.1.1.1) with this year's values to `today`: its rows of 质量目标及实现情况一览表. */
function processObjectivesSection(rc: RegisterContext, process: Process, today: string, link: Linker): SiteSection {
  const table = objectiveRegister(rc, { today, year: Number(today.slice(0, 4)), process: process.code });
  const keys = ["id", "text", "owner", "target", "frequency", "values", "result"];
  return { id: "objectives", title: t(rc, "site.process.objectives", { count: table.rows.length }), table: siteTable({ ...pickColumns(table, keys), rows: table.rows }, link), empty: t(rc, "site.none") };
}

function processCsrsSection(rc: RegisterContext, process: Process, matrix: Table, link: Linker): SiteSection {
  const separator = t(rc, "register.list-separator");
  const rows = matrix.rows.filter((row) => String(row.processes ?? "").split(separator).includes(process.code));
  const keys = ["id", "summary", "document", "section", "version", "link", "status"].filter((key) => matrix.columns.some((c) => c.key === key));
  const csrs = new Set(rows.map((row) => String(row.id)));
  return { id: "csrs", title: t(rc, "site.process.csrs", { count: csrs.size }), table: siteTable({ ...pickColumns(matrix, keys), rows }, link), empty: t(rc, "site.none") };
}

/** A superseded revision `all[i]` of a customer's source document as the 外来文件清单 words it (sourceSuccessor); 已替代 when none follows. */
function supersededText(rc: RegisterContext, all: readonly SourceRevision[], i: number): string {
  const successor = sourceSuccessor(all, i);
  return successor === undefined ? t(rc, "site.customer.superseded") : t(rc, "register.external.superseded-by", { successor });
}
