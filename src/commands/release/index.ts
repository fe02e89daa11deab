/**
 * `csr release`: a new revision of a controlled document. The version is bumped, the revision
 * entry appended, the document released, and the change committed and tagged, so that git holds
 * the proof of every revision.
 */
import { repositoryCalendar } from "../../load/calendar.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { shellArgument } from "../../core/text.js";
import { conjunction, language, list, t } from "../../i18n/index.js";
import { codeWithLabel } from "../../i18n/values.js";
import { findRoot } from "../../load/discover.js";
import { gitRaw, workTreePrefix } from "../../load/git.js";
import { refFromFiles } from "../../load/git-directory.js";
import { buildRepository, loadRepository, type Located, type Repository } from "../../load/repository.js";
import { parseText } from "../../load/source.js";
import { citations, worksToGjb9001C } from "../../model/citations.js";
import { isStateSecret } from "../../model/classification.js";
import { temporaryExpired, withEdition } from "../../model/distribution.js";
import { deviatedVersionsOnRelease } from "../../model/deviations.js";
import { electronicLabel } from "../../model/labels.js";
import { linkStandingOn } from "../../model/link-start.js";
import { buildIndex, currentRevision, documentLayout, GJB_SIGNATURES, isMilitaryRepresentative, layoutSignatures, militaryParties, peopleOf, type RepoIndex } from "../../model/index.js";
import { DEFAULT_TRAINING_DAYS } from "../../model/distribution.js";
import { documentCompletion, trainingDue } from "../../model/training-completion.js";
import { releaseTag } from "../../model/paths.js";
import { bodyOnPaper, configurationChangeOf, nextVersion, revisedContent, revisionBasis } from "../../model/revision.js";
import { documentSections, emptySections, parseSectionReference } from "../../model/sections.js";
import { changedEnds, SectionPrints } from "../../model/fingerprint.js";
import { personToType, worksOn } from "../../model/people.js";
import { SIGNATURE_ROLES, type ControlledDocument, type Csr, type ElectronicIssue, type Person, type Revision, type Role, type SignatureRole } from "../../model/types.js";
import { documentLayoutOwner, layoutSetCommand } from "../../model/layouts.js";
import { revisionEvent } from "../../model/recorded-events.js";
import { documentAt, documentCommits } from "../history/index.js";
import { dateOption, eventDateOption, refuseBefore } from "../options.js";
import type { CommandContext } from "../context.js";
import { departmentLabel, personLabel, refuseOperator, resolvePeople, resolvePerson } from "../shared/people.js";
import { countersignMissing, countersignRequired } from "../../model/countersign.js";
import { appendIn, refuseUnreadableConfig } from "../shared/persist.js";
import { listOption } from "../shared/edit.js";
import { uncommitted, withRepositoryLock } from "../shared/transaction.js";
import { canPrompt, loadPrompts, type Prompts } from "../add/prompting.js";
import { revisionDueRemark } from "../../model/revision-remarks.js";
import { printingBrowser } from "../../render/pdf.js";
import { askForRelease, lastTotalPages, releaseNeedsAnswers, totalPagesPrinted } from "./ask.js";
import { noticeLines, releaseNotices } from "./notices.js";
import { characteristicLines } from "./characteristics.js";
import { tableMarks } from "../../model/symbol-marks.js";
import { closedActionLines, namedActions, recordedActionIds, refuseClosedBefore, refuseReceivedAfter } from "./actions.js";
import { confirmUncommitted, refuseRewrittenEntries, uncommittedChange } from "./changes.js";
import { linkChanges, planLinks } from "./links.js";
import { linksToRepin } from "./repin.js";
import { configurationChangeRecord, firstArticleQuestion, refuseUnapprovedChange, type ConfigurationChangeFlags } from "./configuration.js";
import { pointsOfUseLines } from "./copies.js";
import { specialCharacteristicLine } from "../shared/special.js";
import { editDocument, findDocument, refuseInvalidTag, refuseOtherStagedFiles, refuseUnlessGitIsClean, refuseWithoutIdentity, setAfter, withGitErrors, writeAndCommit } from "./document.js";

/** The signers of a revision and their dates, as `csr release` and `csr sign` take them (people by id or name). */
export interface SignatureFlags {
  prepared?: string;
  reviewed?: string;
  approved?: string;
  /** 会签 (several people: repeated, or separated by commas), 标准化审查, 军代表: the GJB signatures a `document_layouts` entry may print (docs/format.md). */
  countersigned?: string[];
  standardization?: string;
  militaryRepresentative?: string;
  date?: string;
  /** Each signature's own date (编制/审核/批准 are signed on different days); each defaults to --date. */
  preparedDate?: string;
  reviewedDate?: string;
  countersignedDate?: string;
  standardizationDate?: string;
  approvedDate?: string;
  militaryRepresentativeDate?: string;
}

export interface ReleaseFlags extends SignatureFlags, ConfigurationChangeFlags {
  major?: boolean;
  /** The day the revision takes effect (生效日期/实施日期), when later than the release --date: may be in the future. */
  effective?: string;
  /** A temporary revision (临时, IATF 16949 8.5.6.1.1): the last day it is valid (valid_until), not before it takes effect. Absent: not temporary. */
  until?: string;
  summary?: string;
  /** The summary in English (summary_en), which English outputs print in its place. */
  summaryEn?: string;
  /** 更改原因: why the document changed (the summary says what changed). */
  reason?: string;
  /** The reason in English (reason_en). */
  reasonEn?: string;
  /** 文件更改申请单号: the change request the revision carries out. */
  changeRequest?: string;
  /** 技术状态更改: the revision changes the product's configuration, so the 军代表 agrees to it whatever the level (Revision configuration_change). */
  configurationChange?: boolean;
  /** 编辑性修改: the revision changes no work (typing errors, layout), so it needs no training of its own (Revision editorial). */
  editorial?: boolean;
  /** 顾客变更通知/ECN numbers: repeated, or separated by commas. */
  ecn?: string[];
  /** The corrective action records (actions/) the revision carries out, by id (--action; comma-separated or repeated). */
  action?: string[];
  /** The customers the change was notified to, each `<code>[=<date>]` (--customer-notified; the release's date without one). */
  customerNotified?: string[];
  /** The customers that approved the change, each `<code>[=<date>]` (--customer-approved). */
  customerApproved?: string[];
  pages?: string;
  /** 总页数: the page count of the controlled copy as printed (csr render --format pdf warns when they differ). */
  totalPages?: string;
  /** Release although the document has not changed since its last release. */
  force?: boolean;
  /** Release the uncommitted changes of the document's file with the revision (release/changes.ts); without it they are shown and asked about, or refused. */
  includeChanges?: boolean;
  /** Never prompt: a value left open is refused, naming its option, as without a terminal. */
  yes?: boolean;
}

export { releaseTag };

/** --total-pages: a whole number of pages from 1 (the schema's minimum), or undefined when not given. */
function totalPagesOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new UserError(t("release.total-pages", { value }));
  return Number(value);
}

/**
 * The why of a revision as --reason (--reason-en), --change-request and --ecn give them (Revision reason, reason_en, change_request, ecn):
 * each trimmed, a blank one left out; --ecn split at commas (ASCII or full-width), each number once, in the order given;
 * --action the same (Revision actions: the corrective action records it carries out, which ref/unresolved resolves).
 */
export function changeBasis(flags: Pick<ReleaseFlags, "reason" | "reasonEn" | "changeRequest" | "ecn" | "action">): Pick<Revision, "reason" | "reason_en" | "change_request" | "ecn" | "actions"> {
  const reason = flags.reason?.trim();
  const reasonEn = flags.reasonEn?.trim();
  const request = flags.changeRequest?.trim();
  const ecn = [...new Set((flags.ecn ?? []).flatMap((value) => value.split(/[,，]/)).map((value) => value.trim()).filter(Boolean))];
  const actions = [...new Set((flags.action ?? []).flatMap((value) => value.split(/[,，]/)).map((value) => value.trim()).filter(Boolean))];
  return { ...(reason ? { reason } : {}), ...(reasonEn ? { reason_en: reasonEn } : {}), ...(request ? { change_request: request } : {}), ...(ecn.length > 0 ? { ecn } : {}), ...(actions.length > 0 ? { actions } : {}) };
}

export async function releaseCommand(ctx: CommandContext, id: string, flags: ReleaseFlags): Promise<number> {
  return releaseDocument(ctx, id, flags);
}

/** `prompts` given: ask for what the options leave open, whatever the terminal (tests drive this). */
export async function releaseDocument(ctx: CommandContext, id: string, flags: ReleaseFlags, prompts?: Prompts): Promise<number> {
  return withGitErrors(() => release(ctx, id, flags, prompts));
}

/**
 * Everything that can refuse is checked before the file is written: the signers, staged files,
 * git's identity and the tag (its name and that it is new). The write, commit and tag then go
 * together or not at all (writeAndCommit).
 */
async function release(ctx: CommandContext, id: string, given: ReleaseFlags, prompts: Prompts | undefined): Promise<number> {
  // The options given are read before anything else, as without a terminal; answers are read again below.
  const early = checkDateOptions(given);
  // Refused before anything else; an answer to its question (release/ask.ts askTotalPages) is read below.
  totalPagesOption(given.totalPages);
  const root = findRoot(ctx.dir);
  await refuseUnlessGitIsClean(root);
  return withRepositoryLock(ctx, root, async () => {
    const repo = loadRepository(root);
    refuseUnreadableConfig(repo);
    const index = buildIndex(repo);
    const { value: doc, file } = findDocument(repo, index, id, (text) => ctx.stderr(text));
    let baseline: Promise<Baseline | undefined> | undefined;
    // The document as its last release committed it: read once, for refuseUnchanged and for the links made against the new text.
    const baselineOf = (version: string) => (baseline ??= releasedBaseline(root, doc.id, version, file.path));
    if (doc.status === "obsolete") throw new UserError(t("release.obsolete", { id }), t("release.obsolete.hint"));
    // Written and approved by its publisher: the organisation registers it on receipt (csr new external).
    if (doc.kind === "external") throw new UserError(t("release.external", { id: doc.id }), t("release.external.hint", { id: doc.id, arg: shellArgument(doc.id) }));
    // Its body is on its paper original (imported from a register): the repository holds no text to issue as a new revision, and a
    // register entry released as one would claim a version that was never issued on paper (tester51 #4).
    if (bodyOnPaper(doc)) throw new UserError(t("release.body-on-paper", { id: doc.id, version: currentRevision(doc)!.version }), t("release.body-on-paper.hint", { id: doc.id }));
    // The CSR links the new text breaks refuse the release whatever the answers, before the questions (tester23 F18).
    const links = await planLinks(root, repo.csrs, doc, file.path);
    // A deviation is limited in time or quantity (IATF 16949 8.5.6.1.1): released without its last day it would be
    // doc/deviation-without-end's finding at once, fixed only by another revision. Refused before any question, as the rule
    // reports it, unless qms.yaml turns the rule off (breaker63 P7).
    const deviatesFrom = [...new Set(doc.deviates_from ?? [])];
    // The check engine is loaded only then, as for the late check below.
    if (deviatesFrom.length > 0 && given.until === undefined && (await import("../../check/engine.js")).configuredSeverity("doc/deviation-without-end", repo.config?.value.rules ?? {}) !== undefined) {
      throw new UserError(t("release.deviation-without-until", { id: doc.id, targets: deviatesFrom.join(t("common.list-separator")) }));
    }
    // What the 技术状态更改 reaches (its class, the products and documents it affects): refused before any question when wrong.
    const configuration = configurationChangeRecord(index, doc, given);
    // A corrective action received after the revision's --date: refused before any question, as after them.
    if (given.date !== undefined) refuseReceivedAfter(namedActions(repo, changeBasis(given).actions ?? []), early.date);
    // Changes git has not committed would go into the release's commit: shown and asked about first, or refused.
    const pending = uncommittedChange(root, file.path);
    refuseRewrittenEntries(pending, doc.id);
    // Asked for only of a document csr can release: an external one's refusal comes first, not a request for signers it will not take.
    const needsAnswers = releaseNeedsAnswers(repo, doc, given);
    const terminal = needsAnswers || (pending && !given.includeChanges) ? (prompts ?? (canPrompt(given.yes) ? await loadPrompts() : undefined)) : undefined;
    const ask = needsAnswers ? terminal : undefined;
    if (terminal) {
      // What would refuse the release whatever the answers is said before the questions.
      refuseEmptySections(doc);
      const released = currentRevision(doc)?.version;
      if (released && !given.force) refuseUnchanged(ctx, doc, released, await baselineOf(released));
      // The document released as it stands: the findings no answer changes (what it refers to) refuse now, in the words of the late check.
      const provisional = editDocument(readFileSync(join(root, file.path), "utf8"), (yaml) => yaml.set("status", "released"));
      await refuseErrorFindings(repo, doc.id, file.path, provisional, early.date, ANSWER_FREE_RULES);
    }
    const included = await confirmUncommitted(pending, doc.id, given.includeChanges, terminal);
    const answered = ask ? await askForRelease(ask, repo, index, doc, given) : given;
    const recordedActions = recordedActionIds(repo, changeBasis(answered).actions ?? []);
    const flags = { ...answered, action: recordedActions.ids };
    const { date, signed, effective } = checkDateOptions(flags);
    refuseUnapprovedChange(repo, doc, configuration.change_class, flags, date, effective);
    const actions = namedActions(repo, recordedActions.ids);
    refuseReceivedAfter(actions, date);
    // A 质量问题 closed before this release would be closed before its 归零 was carried out (action/closed-early; tester81 J2).
    if (worksToGjb9001C(repo.config?.value)) refuseClosedBefore(actions, doc.id, date);
    const totalPages = totalPagesOption(flags.totalPages);
    const until = flags.until === undefined ? undefined : dateOption(flags.until, "--until");
    if (until !== undefined && until < effective) throw new UserError(t("release.until-before-effective", { until, effective }));
    // Ended before today, it is released expired: a typo, or a temporary document recorded after it ran (paperwork catching up), which is
    // history worth keeping; so said, not refused (breaker62 P6). rule doc/temporary-expired reports it until it is withdrawn.
    const endedBeforeToday = until !== undefined && until < localToday();
    const summary = required(flags.summary, "--summary", t("release.needs.summary"));
    const prepared = required(flags.prepared, "--prepared", t("release.needs.prepared"));
    const reviewed = required(flags.reviewed, "--reviewed", t("release.needs.reviewed"));
    const approved = required(flags.approved, "--approved", t("release.needs.approved"));
    // A revision record that prints 总页数 would show this version's cell blank for good: a released record is not rewritten (tester66 N8).
    // csr prints the document itself: the count is its own PDF's, as csr render prints it, where a browser is there to print it (tester76 M11).
    const counter = totalPages === undefined && totalPagesPrinted(repo, doc, date) ? printingBrowser() : undefined;
    if (totalPages === undefined && totalPagesPrinted(repo, doc, date) && counter === undefined) {
      const last = lastTotalPages(doc);
      const what = last ? t("release.needs.total-pages", { id: doc.id, version: last.version, pages: last.pages }) : t("release.needs.total-pages-first", { id: doc.id });
      throw new UserError(t("release.required", { flag: "--total-pages", what }), t("release.total-pages.no-chromium"));
    }
    refuseEmptySections(doc);
    const author = resolvePerson(index, prepared, "--prepared", signed.prepared);
    const reviewer = resolvePerson(index, reviewed, "--reviewed", signed.reviewed);
    const approver = resolvePerson(index, approved, "--approved", signed.approved);
    const extra = gjbSignatures(repo, index, doc, flags, signed, date);
    refuseMilitarySigners(index, [
      ["prepared", "--prepared", [author]],
      ["reviewed", "--reviewed", [reviewer]],
      ["countersigned", "--countersigned", extra.countersigned],
      ["standardization", "--standardization", extra.standardization ? [extra.standardization] : []],
      ["approved", "--approved", [approver]],
      ["military_representative", "--military-representative", extra.military_representative ? [extra.military_representative] : []],
    ]);
    for (const [flag, people] of [["--prepared", [author]], ["--reviewed", [reviewer]], ["--countersigned", extra.countersigned], ["--approved", [approver]]] as const) for (const p of people) refuseOperator(index, p, flag);
    requireRole(reviewer, "reviewer", "--reviewed");
    requireRole(approver, "approver", "--approved");
    refuseSharedDuties(author, reviewer, approver);
    requireRole(author, "author", "--prepared");
    if (extra.standardization) requireRole(extra.standardization, "standardization", "--standardization");
    refuseGjbSharedDuties(author, approver, extra.standardization, extra.military_representative, extra.countersigned);
    refuseMissingCountersign(repo, index, doc, extra.countersigned, date);
    const latest = currentRevision(doc);
    // A revision dated before the one it follows is doc/version-sequence's finding.
    if (latest) refuseBefore(date, "--date", { ...revisionEvent(latest), of: doc.id });
    const current = latest?.version;
    if (current && !flags.force && !terminal) refuseUnchanged(ctx, doc, current, await baselineOf(current));
    const version = nextVersion(current, flags.major === true && (doc.revisions?.length ?? 0) > 0);
    const tag = releaseTag(doc.id, version);
    await refuseInvalidTag(root, tag, doc.id);
    await refuseOtherStagedFiles(root, [file.path, ...links.along]);
    await refuseWithoutIdentity(root);
    // From the git directory's files when they can say (refFromFiles); else as simple-git's git.tags(["--list", tag]) lists them: a line each, trimmed.
    const tagged = refFromFiles(root, `refs/tags/${tag}`);
    if (tagged !== undefined ? tagged !== "" : (await gitRaw(root, ["tag", "-l", "--list", tag])).split("\n").some((line) => line.trim() === tag)) {
      throw new UserError(t("release.tag-exists", { tag, id, version }), t("release.tag-exists.hint"));
    }
    const revision: Revision = {
      version,
      date,
      ...(effective !== date ? { effective } : {}),
      summary,
      ...(flags.summaryEn?.trim() ? { summary_en: flags.summaryEn.trim() } : {}),
      ...changeBasis(flags),
      ...(flags.configurationChange ? { configuration_change: true, ...configuration } : {}),
      ...(flags.editorial ? { editorial: true } : {}),
      ...(flags.pages ? { pages: flags.pages } : {}),
      // Counted below where not given (counter): the key in its place in the record.
      ...(totalPages !== undefined ? { total_pages: totalPages } : counter ? { total_pages: lastTotalPages(doc)?.pages ?? 1 } : {}),
      prepared: { by: author.id, date: signed.prepared },
      reviewed: { by: reviewer.id, date: signed.reviewed },
      ...(extra.countersigned.length > 0 ? { countersigned: extra.countersigned.map((p) => ({ by: p.id, date: signed.countersigned })) } : {}),
      ...(extra.standardization ? { standardization: { by: extra.standardization.id, date: signed.standardization } } : {}),
      approved: { by: approver.id, date: signed.approved },
      ...(extra.military_representative ? { military_representative: { by: extra.military_representative.id, date: signed.military_representative } } : {}),
    };
    // The customers to notify of the change, or notified (IATF 16949 8.5.6.1): those it concerns (customersOwedNotice), or named.
    const notices = releaseNotices(repo, doc, revision, listOption(flags.customerNotified), listOption(flags.customerApproved), effective, date);
    if (notices.length > 0) revision.customer_notices = notices;
    const issue = electronicIssueOnRelease(repo, index, doc, version, date);
    const deviated = deviatedVersionsOnRelease(doc, effective, (id) => index.documents.get(id)?.value);
    // A 备注 asking for this revision (待修订, imported from the register) is answered by it (tester76 M4).
    const dueRemark = revisionDueRemark(doc.remarks);
    const releasedText = () => editDocument(readFileSync(join(root, file.path), "utf8"), (yaml) => {
      yaml.set("status", "released");
      // The revision in preparation (修订中, csr submit) is the one released now.
      yaml.delete("revising");
      // A rename's former title (csr edit --rename-section) led the CSR links to it here (links.ts): the released text no longer needs it.
      for (const section of documentSections(doc)) if (section.section.renamed_from !== undefined) yaml.deleteIn([...section.path, "renamed_from"]);
      setAfter(yaml, "effective", effective, "status");
      if (yaml.has("revisions")) yaml.addIn(["revisions"], yaml.createNode(revision));
      else setAfter(yaml, "revisions", [revision], "effective");
      // A temporary revision ends on its --until; a revision released without it is the standard again.
      if (until !== undefined) setAfter(yaml, "valid_until", until, "effective");
      else yaml.delete("valid_until");
      // A deviation records the version of each document it deviates from, in force on its 实施日期 (tester63 N7).
      if (deviated) setAfter(yaml, "deviates_from_versions", yaml.createNode(deviated.versions, { flow: true }), "deviates_from");
      if (issue.entry) appendIn(yaml, ["electronic_issue"], yaml.createNode(issue.entry, { flow: true }));
      if (dueRemark) {
        if (dueRemark.rest === "") yaml.delete("remarks");
        else yaml.set("remarks", dueRemark.rest);
      }
    });
    let text = releasedText();
    // 总页数 as the PDF of the document released prints it, on its 实施日期 (the revision then in force), with this count in its record.
    const counted = counter
      ? await (await import("../render/pages.js")).countedTotalPages(root, repo, index, counter, effective, (pages) => {
          revision.total_pages = pages;
          return parseText(file.path, "document", releasedText()).data as ControlledDocument;
        }, lastTotalPages(doc)?.pages ?? 1)
      : undefined;
    if (counter && counted === undefined) throw new UserError(t("release.total-pages.uncounted", { id: doc.id }));
    if (counted !== undefined) {
      revision.total_pages = counted;
      text = releasedText();
    }
    await refuseErrorFindings(repo, doc.id, file.path, text, [date, ...Object.values(signed)].sort().at(-1)!);
    const releasedDoc = parseText(file.path, "document", text).data as ControlledDocument;
    // Links made against the text released now belong to this revision (tester18 F14); without the text
    // released before, which links those are is not known, and none is moved.
    const pinnedToCurrent = links.csrs.some(({ value }) => (value.addressed ?? []).some((a) => a.document === doc.id && a.pin?.revision === current));
    const previous = current && pinnedToCurrent ? (await baselineOf(current))?.released : undefined;
    const repinned = previous
      ? linksToRepin(links.csrs, releasedDoc, previous, current!)
      : current === undefined
        ? linksToRepin(links.csrs, releasedDoc, undefined, undefined)
        : { csrs: [], places: new Map<string, number[]>(), sections: new Map<string, Map<number, string>>() };
    const changes = linkChanges(root, links.moved, repinned.places, version, repinned.sections);
    // A file whose only uncommitted changes are its links to the document goes into the commit whole (links.ts planLinks).
    const dirty = await uncommitted(root, changes.map((c) => c.path).filter((p) => !links.along.includes(p)));
    const others = [
      ...changes.map((c) => ({ path: c.path, after: c.text, commit: !dirty.has(c.path) })),
      ...links.along.filter((p) => !changes.some((c) => c.path === p)).map((p) => ({ path: p, after: readFileSync(join(root, p), "utf8"), commit: true })),
    ];
    const commit = await writeAndCommit(root, { path: file.path, after: text, message: t("commit.release", { id: doc.id, version, summary }), tag, others });
    ctx.stdout(t("release.released", { id: doc.id, version, path: file.path, commit, tag }) + "\n");
    if (counted !== undefined) ctx.stdout(t("release.total-pages.counted", { id: doc.id, version, pages: counted }) + "\n");
    if (dueRemark) ctx.stdout(t(dueRemark.rest === "" ? "release.remark-cleared" : "release.remark-cleared-rest", dueRemark) + "\n");
    if (effective !== date) ctx.stdout(t("release.effective-later", { id: doc.id, version, effective, date }) + "\n");
    // A change notice usually names a working day for production to change over (IATF 16949 7.5.3.2.2): a rest day is said, not refused (tester61 L8).
    if (effective !== date) {
      const calendar = repositoryCalendar(repo.config?.value);
      if (!calendar.isWorkday(effective)) ctx.stdout(t("release.effective-rest-day", { id: doc.id, effective, next: calendar.addWorkdays(effective, 1) }) + "\n");
    }
    if (until !== undefined) ctx.stdout(t("release.temporary", { id: doc.id, version, until }) + "\n");
    if (flags.configurationChange) {
      const military = extra.military_representative!;
      ctx.stdout(t("release.configuration-change", { id: doc.id, version, person: personLabel(index, military.id), date: signed.military_representative }) + "\n");
      if (Object.keys(configuration).length > 0) ctx.stdout(t("release.configuration-change-record", { id: doc.id, version, record: revisionBasis(configurationChangeOf(revision), language()) }) + "\n");
      const question = firstArticleQuestion(doc, revision);
      if (question !== undefined) ctx.stdout(question + "\n");
    }
    // A notice whose due date has already passed (a revision recorded after the fact) is said overdue, not due by a day gone (breaker64 P3).
    for (const line of noticeLines(repo, doc.id, version, localToday(), notices)) ctx.stdout(line + "\n");
    for (const line of recordedActions.renamed) ctx.stderr(line + "\n");
    const closed = closedActionLines(actions, doc.id, version, date);
    for (const line of closed.stdout) ctx.stdout(line + "\n");
    for (const line of closed.stderr) ctx.stderr(line + "\n");
    if (deviated?.added.length) ctx.stdout(t("release.deviates-from-versions", { id: doc.id, targets: list(deviated.added.map((target) => `${target} ${deviated.versions[target]}`)), effective }) + "\n");
    for (const { target, was } of deviated?.replaced ?? []) ctx.stdout(t("release.deviates-from-superseded", { id: doc.id, target, was, version: deviated!.versions[target]!, effective }) + "\n");
    // A new revision while deviations from the document are in force: the moment to verify the return to the standard process (IATF 16949 8.5.6.1.1; tester63 N7).
    const deviations = current === undefined ? [] : repo.documents.map((d) => d.value).filter((d) => d.status === "released" && d.id !== doc.id && (d.deviates_from ?? []).includes(doc.id) && temporaryExpired(d, date) === undefined);
    if (deviations.length > 0) {
      const named = deviations.sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true })).map((d) => (d.valid_until === undefined ? d.id : t("release.deviation-until", { id: d.id, until: d.valid_until })));
      ctx.stdout(t("release.deviations-in-force", { deviations: list(named), count: deviations.length, id: doc.id, then: current!, version }) + "\n");
    }
    if (endedBeforeToday) ctx.stderr(t("release.until-past", { until: until!, today: localToday(), id: doc.id }) + "\n");
    if (issue.line) ctx.stdout(issue.line + "\n");
    for (const m of links.moved) {
      // A section renamed in the draft (csr edit --rename-section): its title changed too, which the line says.
      const renamed = parseSectionReference(m.from).title !== undefined && parseSectionReference(m.from).title !== parseSectionReference(m.to).title;
      const key = renamed ? (dirty.has(m.path) ? "release.link-renamed-uncommitted" : "release.link-renamed") : dirty.has(m.path) ? "release.link-moved-uncommitted" : "release.link-moved";
      ctx.stdout(t(key, { document: doc.id, version, from: m.from, to: m.to, csr: m.csr }) + "\n");
    }
    if (links.along.length > 0) ctx.stdout(t("release.links-along", { paths: list(links.along), count: links.along.length, id: doc.id }) + "\n");
    if (repinned.csrs.length > 0) {
      const data = { csrs: list(repinned.csrs), count: repinned.csrs.length, id: doc.id, then: current!, version, effective };
      const key = current === undefined ? "release.pinned-first" : "release.repinned";
      ctx.stdout(t(effective !== date ? `${key}-pending` : key, data) + "\n");
    }
    if (dirty.size > 0) ctx.stdout(t("release.repinned-uncommitted", { paths: list([...dirty]), count: dirty.size }) + "\n");
    // Copies of a version released before csr were handed out on paper: unrecorded, they cannot be recalled on record (tester20 F11).
    const unrecordedImport = latest?.imported === true && !(doc.distribution ?? []).some((c) => c.version === current);
    // What is left to do where the document is used: the old copies to recall, the electronic issue to replace (tester65 N7).
    const pointsOfUse = pointsOfUseLines(index, doc, { version, ...(current === undefined ? {} : { previous: current }), date, effective, issued: issue.entry !== undefined, unrecordedImport, ended: endedBeforeToday });
    for (const line of pointsOfUse.stdout) ctx.stdout(line + "\n");
    for (const line of pointsOfUse.stderr) ctx.stderr(line + "\n");
    if (unrecordedImport) ctx.stdout(t("release.no-copies-recorded", { id: doc.id, previous: current! }) + "\n");
    const training = trainingLine(repo, index, releasedDoc, version, date);
    if (training) ctx.stdout(training + "\n");
    // A document marking a special characteristic: the copies and the training above are due on the day it takes effect (tester77 E7).
    const special = specialCharacteristicLine(repo, releasedDoc, date);
    if (special) ctx.stdout(special + "\n");
    // A special characteristic added, removed or reworded: its control plan and PFMEA are reviewed with it (IATF 16949 8.5.6.1, 8.3.3.3).
    // Read from git (the tag, else the history) only where a symbol table gives marks to compare (test/safety/git-processes).
    const before = current === undefined || tableMarks(repo.symbols.map((s) => s.value), repo.ownSymbols.map((s) => s.value)).size === 0 ? undefined : (await baselineOf(current))?.released;
    if (before) for (const line of characteristicLines(repo, releasedDoc, version, before)) ctx.stdout(line + "\n");
    const warnings = linksToCheck(links.csrs, index, releasedDoc, version, date, current === undefined);
    if (warnings.length > 0) ctx.stdout(warnings.join("\n") + "\n");
    // Said last: what else went into the release's commit, unless --include-changes asked for it.
    if (included && !given.includeChanges) ctx.stdout(included + "\n");
    return 0;
  });
}

/**
 * The electronic issue a release records when qms.yaml's `document_control.electronic_issue` says every release of
 * a manual, procedure or work instruction is issued electronically (on OA, read-only; a supplier's QP-001 §5.2,
 * tester55 C2): of the version released, on its day, to the departments it names (every department when it names
 * none), by its `issued_by` or else the one document controller at work that day. A document marked 秘密 or above is
 * not put on a networked system by default: the line says to hand out paper copies.
 */
function electronicIssueOnRelease(repo: Repository, index: RepoIndex, doc: ControlledDocument, version: string, date: string): { entry?: ElectronicIssue; line?: string } {
  const setting = repo.config?.value.document_control?.electronic_issue;
  if (!setting || doc.kind === "form" || doc.level > 3) return {};
  const named = withEdition(doc.id, version);
  if (isStateSecret(repo, doc)) return { line: t("release.electronic-issue.secret", { document: named, id: shellArgument(doc.id) }) };
  const to = setting.to ?? [...index.departments.keys()];
  const unknown = to.find((code) => !index.departments.has(code) && !index.parties.has(code));
  if (unknown !== undefined) throw new UserError(t("release.electronic-issue.unknown", { code: unknown }));
  const controllers = repo.people.map((p) => p.value).filter((p) => (p.roles ?? []).includes("document-controller") && worksOn(p, date));
  const by = setting.issued_by !== undefined ? resolvePerson(index, setting.issued_by, "document_control.electronic_issue.issued_by", date).id : controllers.length === 1 ? controllers[0]!.id : undefined;
  const entry: ElectronicIssue = { version, to, date, ...(setting.system ? { system: setting.system } : {}), ...(by ? { issued_by: by } : {}) };
  const departments = list(to.map((d) => departmentLabel(index, d)));
  return { entry, line: t("release.electronic-issue", { document: named, date, how: electronicLabel(setting.system), departments }) };
}

/**
 * The CSRs addressed in the document just released whose link the release made suspect, one warning
 * each, naming the CSR, the section and the commands that update `addressed` (tester16 F18; what
 * auditors look for: a procedure changed so that it no longer meets a CSR, IATF 16949 7.5.1.1 /
 * 4.3.2): a section of a pinned link whose text changed since it was pinned (csr/suspect-link). A
 * cited section the released text no longer has was re-pointed or refused before (links.ts).
 * `csrs`: as the release leaves them; `released`: the document as released; `date`: the release's; `first`: a first release.
 */
function linksToCheck(csrs: readonly Located<Csr>[], index: RepoIndex, released: ControlledDocument, version: string, date: string, first: boolean): string[] {
  const prints = new SectionPrints();
  const lines: string[] = [];
  for (const { value: csr } of csrs) {
    if (csr.superseded) continue;
    for (const place of csr.addressed ?? []) {
      // At a first release, a link made against the draft is pinned to the text approved now (linksToRepin), not suspect (tester64 N12).
      if (place.document !== released.id || (first && place.pin !== undefined && place.pin.revision === undefined)) continue;
      const by = personToType(index.people, [place.pin?.by, csr.implementation?.owner, csr.review?.decision?.by], language(), date);
      const where = place.section === undefined ? "" : ` --section "${place.section}"`;
      if (!changedEnds(csr, place, released, undefined, prints)?.section) {
        // Reworded by a new source revision and not confirmed since: the release (even one whose summary names the CSR) confirms nothing (tester58 F3).
        const standing = linkStandingOn(place, released, csr, date);
        if (standing?.kind !== "revised") continue;
        const part = place.section === undefined ? released.id : t("rule.csr/suspect-link.section", { section: place.section, document: released.id });
        const confirm = `csr address --confirm ${csr.id} ${released.id}${where} --by ${by}`;
        lines.push(t("release.csr-link.unconfirmed", { csr: csr.id, part, revision: standing.revision, date: standing.date, confirm }));
        continue;
      }
      const data = { csr: csr.id, document: released.id, version, by, remove: `csr address ${csr.id} ${released.id}${where} --remove` };
      const part = place.section === undefined ? t("rule.csr/suspect-link.body", { document: released.id }) : t("rule.csr/suspect-link.section", { section: place.section, document: released.id });
      const confirm = `csr address --confirm ${csr.id} ${released.id}${where} --by ${by}`;
      // A link made against a draft before its first release (before tester23 F1, release left it without a revision).
      lines.push(t(place.pin!.revision === undefined ? "release.csr-link.changed-draft" : "release.csr-link.changed", { ...data, part, then: place.pin!.revision ?? "", date: place.pin!.date, confirm }));
    }
  }
  return lines;
}

/**
 * A released document is what people work to (ISO 9001 7.5.2, 7.5.3): a section that is only a
 * title (as `csr new` scaffolds it) would be issued blank (model/sections.ts emptySections, which
 * doc/empty-section reports on a document already released).
 * `csr submit` refuses the same when a draft goes for approval (`message`: its own wording).
 * Errors: UserError listing the empty sections by number and title.
 */
export function refuseEmptySections(doc: ControlledDocument, message: "release.empty-sections" | "submit.empty-sections" = "release.empty-sections"): void {
  const empty = emptySections(doc);
  if (empty.length === 0) return;
  throw new UserError(t(message, { id: doc.id, sections: list(empty.map((s) => `${s.number} ${s.title}`)) }), t("release.empty-sections.hint"));
}

/**
 * A release puts the document in force, so it does not go out with errors of its own (approved
 * for suitability and adequacy before issue: 7.5.2 of IATF 16949, GJB 9001C and ISO 9001; the
 * message cites the standards in scope, model/citations.ts). The rules run on the repository as it
 * will be after the release — the document released with its new revision — so that what holds
 * only for a released document (doc/obsolete-referenced, doc/unreleased-referenced,
 * doc/record-retention-missing …) is checked before the release rather than reported after it.
 * The check's day is the last signature's, so a release recorded after the fact is judged as of
 * its own date. `rules` given: only their findings (ANSWER_FREE_RULES, before the questions).
 * Errors: UserError with one line per finding (file:line:col rule message, the message saying how
 * to fix it).
 */
async function refuseErrorFindings(repo: Repository, id: string, path: string, after: string, today: string, rules?: ReadonlySet<string>): Promise<void> {
  const { runCheck } = await import("../../check/engine.js");
  const files = repo.files.map((f) => (f.path === path ? parseText(path, "document", after) : f));
  const findings = runCheck(buildRepository(repo.root, files), { today, ...(today < localToday() ? { releaseDate: true } : {}) }).filter((f) => f.file === path && f.severity === "error" && (!rules || rules.has(f.rule)));
  if (findings.length === 0) return;
  const lines = findings.map((f) => `  ${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`);
  throw new UserError([t("release.findings", { id, count: findings.length, clause: list(citations(repo.config?.value.standards, "document-approval")) }), ...lines].join("\n"), t("release.findings.hint", { id }));
}

/**
 * The rules whose findings on the released document no signature, date or summary changes: what it
 * refers to or mentions, and a released form's record keeping. Checked before the questions at a
 * terminal (the document released with no revision yet), so that their refusal comes before the answers.
 */
const ANSWER_FREE_RULES: ReadonlySet<string> = new Set([
  "doc/unreleased-referenced",
  "doc/obsolete-referenced",
  "doc/obsolete-mentioned",
  "doc/mention-unresolved",
  "doc/record-retention-missing",
  "ref/unresolved",
]);

/**
 * A new revision records a change of content, and content is what doc/revision-not-bumped compares
 * (revisedContent): the distribution, recall, training and periodic review records are not part of
 * it. The baseline is the document as its last release committed it: the release tag, else (a
 * document released before csr, or in a repository adopted with its history) the commit that added
 * the current revision entry. Without either, csr says that it could not compare.
 * Errors: UserError when the content is the same as released.
 */
function refuseUnchanged(ctx: CommandContext, doc: ControlledDocument, version: string, baseline: Baseline | undefined): void {
  if (!baseline) {
    ctx.stderr(t("release.no-baseline", { id: doc.id, version }) + "\n");
    return;
  }
  const { released, tagged, since } = baseline;
  if (released && revisedContent(released) === revisedContent(doc)) {
    throw new UserError(t(tagged ? "release.unchanged" : "release.unchanged.commit", { id: doc.id, version, tag: releaseTag(doc.id, version), commit: since }), t("release.unchanged.hint"));
  }
}

/** The document as the release of `version` committed it (`released`, undefined when it cannot be read) and where from: the tag, else `since` that commit. */
interface Baseline {
  released: ControlledDocument | undefined;
  tagged: boolean;
  since: string;
}

/** The baseline refuseUnchanged describes; undefined when neither the tag nor a commit adding `version` is found. */
async function releasedBaseline(root: string, id: string, version: string, path: string): Promise<Baseline | undefined> {
  const tag = releaseTag(id, version);
  const prefix = workTreePrefix(root) ?? (await gitRaw(root, ["rev-parse", "--show-prefix"])).trim();
  const tagged = await documentAt(root, `refs/tags/${tag}`, `${prefix}${path}`);
  if (tagged) return { released: tagged, tagged: true, since: tag };
  const commit = (await documentCommits(root, path)).reverse().find((c) => c.newRevisions.includes(version));
  if (!commit) return undefined;
  return { released: await documentAt(root, commit.commit, commit.path), tagged: false, since: commit.commit };
}

/** The release date (--date, today by default), each signature's date and the date it takes effect, checked as signatureDates and effectiveDate check them. */
function checkDateOptions(flags: ReleaseFlags): { date: string; signed: ReturnType<typeof signatureDates>; effective: string } {
  const date = eventDateOption(flags.date, "--date");
  const signed = signatureDates(flags, date);
  return { date, signed, effective: effectiveDate(flags, date, signed) };
}

/**
 * The date of each signature: its own option, else the release date. A revision is prepared, then
 * reviewed, countersigned (会签) and checked for standardization (标准化审查), then approved, and
 * takes effect when approved or later, so the dates must follow that order (ISO 9001 7.5.2 c:
 * documents are reviewed and approved before use). The military representative (军代表) signs
 * the approved revision: on or after the approval (model/recorded-events.ts orders it so for
 * date/out-of-order), and before it takes effect (effectiveDate).
 * Errors: UserError naming the two dates out of order.
 */
function signatureDates(flags: ReleaseFlags, date: string): Record<"prepared" | "reviewed" | "countersigned" | "standardization" | "approved" | "military_representative", string> {
  const signedOn = (value: string | undefined, flag: string, otherwise = date) => (value === undefined ? otherwise : eventDateOption(value, flag));
  const prepared = signedOn(flags.preparedDate, "--prepared-date");
  const reviewed = signedOn(flags.reviewedDate, "--reviewed-date");
  const approved = signedOn(flags.approvedDate, "--approved-date");
  // 会签 and 标准化审查 come before the approval: signed the day of the approval unless said otherwise.
  const countersigned = signedOn(flags.countersignedDate, "--countersigned-date", approved);
  const standardization = signedOn(flags.standardizationDate, "--standardization-date", approved);
  const military = signedOn(flags.militaryRepresentativeDate, "--military-representative-date");
  const orders: [string, string][][] = [
    [["--prepared-date", prepared], ["--reviewed-date", reviewed], ["--approved-date", approved], ["--date", date]],
    [["--prepared-date", prepared], ["--countersigned-date", countersigned], ["--approved-date", approved]],
    [["--prepared-date", prepared], ["--standardization-date", standardization], ["--approved-date", approved]],
  ];
  for (const order of orders) {
    for (let i = 1; i < order.length; i++) {
      const [earlierFlag, earlier] = order[i - 1]!;
      const [laterFlag, later] = order[i]!;
      if (later < earlier) throw new UserError(t("release.date-order", { laterFlag, later, earlierFlag, earlier }));
    }
  }
  if (flags.militaryRepresentative?.trim() && military < approved) {
    throw new UserError(t("release.military-before-approval", { laterFlag: "--military-representative-date", later: military, earlierFlag: "--approved-date", earlier: approved }));
  }
  return { prepared, reviewed, countersigned, standardization, approved, military_representative: military };
}

/**
 * The day the revision takes effect (生效日期): --effective, else the release date. A document is in
 * force only once every signature it carries is given (GJB 9001C / ISO 9001 7.5.2 c: approved before
 * use; where the layout has a 军代表 cell, the customer's representative has signed too), so the day
 * is not before the last signature; a later one (实施日期 after distribution and training) may lie in
 * the future. doc/effective-before-signature reports the same in a file written by hand.
 * Errors: UserError naming the signature it would precede, or --effective before --date.
 */
function effectiveDate(flags: ReleaseFlags, date: string, signed: ReturnType<typeof signatureDates>): string {
  const effective = flags.effective === undefined ? date : dateOption(flags.effective, "--effective");
  if (effective < date) throw new UserError(t("release.effective-before-date", { effective, date }));
  const military = flags.militaryRepresentative?.trim() ? signed.military_representative : undefined;
  if (military !== undefined && effective < military) {
    throw new UserError(
      t(flags.effective === undefined ? "release.effective-before-military" : "release.effective-option-before-military", { effective, military }),
      t("release.effective-before-military.hint", { military }),
    );
  }
  return effective;
}

/**
 * The signatures one person may not both give on a revision: exactly the pairs refuseSharedDuties and
 * refuseGjbSharedDuties refuse (and doc/self-approval reports), so that `csr release`'s questions
 * offer exactly whom its options accept (release/ask.ts). 会签 is refused only to the preparer, whose
 * agreement to their own change is none; a reviewer or approver who also countersigns for their
 * department judges no work of their own, as doc/self-approval and `csr sign` hold too.
 */
export const SEPARATE_DUTIES: readonly (readonly [SignatureRole, SignatureRole])[] = [
  ["prepared", "reviewed"],
  ["prepared", "approved"],
  ["reviewed", "approved"],
  ["prepared", "countersigned"],
  ["prepared", "standardization"],
  ["prepared", "military_representative"],
  ["approved", "military_representative"],
];

/**
 * Segregation of duties (the rule doc/self-approval checks the same on recorded revisions): the
 * reviewer (审核) and the approver (批准) each judge someone else's work, so neither prepared the
 * change, and the approval is not the reviewer's second signature.
 * Errors: UserError naming the person with two of the roles.
 */
export function refuseSharedDuties(author: Person | undefined, reviewer: Person | undefined, approver: Person | undefined): void {
  // `csr sign` checks a revision signed in part: a signature not (yet) recorded shares no duty.
  if (approver && approver.id === author?.id) throw new UserError(t("release.self-approval", { name: approver.name, id: approver.id }));
  if (reviewer && reviewer.id === author?.id) throw new UserError(t("release.self-review", { name: reviewer.name, id: reviewer.id }));
  if (reviewer && reviewer.id === approver?.id) throw new UserError(t("release.review-and-approval", { name: reviewer.name, id: reviewer.id }));
}

/**
 * Segregation of duties for the GJB signatures (doc/self-approval checks the same on recorded
 * revisions): the countersignatures (会签: `countersigned` given now, `recordedCountersigned` already
 * on the revision, each refused in its own words) are other departments' agreement, and the
 * standardization check (标准化审查) and the military representative (军代表) each judge someone
 * else's document, so none of them is its preparer; the military representative's signature is the
 * customer's, so it is not the approver's either.
 * Errors: UserError naming the person with two of the roles.
 */
export function refuseGjbSharedDuties(
  author: Person | undefined,
  approver: Person | undefined,
  standardization: Person | undefined,
  military: Person | undefined,
  countersigned: readonly Person[] = [],
  recordedCountersigned: readonly Person[] = [],
): void {
  // 会签 is the agreement of the other departments concerned: the preparer's own is none. Given now, it is
  // left out of --countersigned; recorded already (csr sign), the --prepared given is the one to correct.
  const own = countersigned.find((p) => p.id === author?.id);
  if (own) throw new UserError(t("release.self-countersign", { name: own.name, id: own.id }));
  const recorded = recordedCountersigned.find((p) => p.id === author?.id);
  if (recorded) throw new UserError(t("release.self-countersign-recorded", { name: recorded.name, id: recorded.id }));
  if (standardization && standardization.id === author?.id) throw new UserError(t("release.self-standardization", { name: standardization.name, id: standardization.id }));
  if (military && military.id === author?.id) throw new UserError(t("release.self-military-representative", { name: military.name, id: military.id }));
  if (military && military.id === approver?.id) throw new UserError(t("release.military-representative-approver", { name: military.name, id: military.id }));
}

/**
 * In a repository with a military representative office (qms.yaml external_parties of kind
 * military-representative), its people are the customer's 军代表: they sign the organisation's
 * documents only as 军代表, and only they sign as 军代表 (GJB 9001C 7.5.2 审核和批准 by the
 * organisation; 5.3). A repository without such an office keeps its 军代表 in a department of its own
 * and is not judged here. `csr sign` checks the same; person/military-signature reports it
 * in revisions written by hand.
 * Errors: UserError naming the option, the person and their unit.
 */
export function refuseMilitarySigners(index: RepoIndex, signers: readonly (readonly [SignatureRole, string, readonly Person[]])[]): void {
  const offices = militaryParties(index);
  if (offices.length === 0) return;
  for (const [role, flag, people] of signers) {
    for (const person of people) {
      const military = isMilitaryRepresentative(index, person);
      const data = { flag, person: personLabel(index, person.id), department: departmentLabel(index, person.department) };
      if (role === "military_representative" && !military) throw new UserError(t("release.military-representative-not-military", { ...data, offices: list(offices.map((o) => departmentLabel(index, o.code))) }));
      if (role !== "military_representative" && military) throw new UserError(t("release.military-representative-other-role", { ...data, role: t(`sign.role.${role}`) }));
    }
  }
}

/**
 * The signers of 会签, 标准化审查 and 军代表, by id or name as the other person options take them.
 * Each one the document's printed layout (qms.yaml `document_layouts`) shows is required: a header
 * cell left blank on a released GJB document is a missing signature. A 技术状态更改 (--configuration-change)
 * needs the 军代表's agreement whatever the level (GJB 9001C 8.3.6, 8.5.6: the customer agrees to a change of
 * the configuration it accepted; tester68 G12), recorded in the revision record's 军代表 column where the
 * header has no cell for it.
 * Errors: UserError for a signature the layout prints and no option gives, a configuration change without
 * --military-representative, or an unknown person.
 */
function gjbSignatures(
  repo: Repository,
  index: RepoIndex,
  doc: ControlledDocument,
  flags: ReleaseFlags,
  signed: ReturnType<typeof signatureDates>,
  date: string,
): { countersigned: Person[]; standardization?: Person; military_representative?: Person } {
  const given = {
    countersigned: (flags.countersigned ?? []).flatMap((v) => v.split(/[,，、]/)).map((v) => v.trim()).filter(Boolean),
    standardization: flags.standardization?.trim() ? [flags.standardization] : [],
    military_representative: flags.militaryRepresentative?.trim() ? [flags.militaryRepresentative] : [],
  };
  if (flags.configurationChange && given.military_representative.length === 0) throw new UserError(t("release.configuration-change-unagreed", { id: doc.id }));
  refuseUnprintedSignatures(repo, doc, GJB_SIGNATURES.filter(([role]) => given[role].length > 0).map(([role]) => role), date, flags.configurationChange === true);
  const printed = layoutSignatures(repo, doc, date);
  // All that are missing in one refusal: a script learns the layout from one run, not one per signature (tester18 F8).
  const missing = GJB_SIGNATURES.filter(([role]) => printed.has(role) && given[role].length === 0);
  if (missing.length > 0) {
    throw new UserError(
      t("release.layout-signature", {
        count: missing.length,
        owner: documentLayoutOwner(repo, doc, date),
        label: conjunction(missing.map(([role]) => t(`release.signature.${role}`))),
        flag: conjunction(missing.map(([, flag]) => `${flag} ${t("release.layout-signature.person")}`)),
      }),
    );
  }
  const [standardization] = resolvePeople(index, given.standardization, "--standardization", signed.standardization);
  const [military] = resolvePeople(index, given.military_representative, "--military-representative", signed.military_representative);
  return {
    countersigned: resolvePeople(index, given.countersigned, "--countersigned", signed.countersigned),
    ...(standardization ? { standardization } : {}),
    ...(military ? { military_representative: military } : {}),
  };
}

/**
 * A signature is evidence on the printed document (GJB 9001C 7.5.2: approval shown on the issued
 * document): 会签, 标准化审查 or 军代表 recorded on a level whose printed layout (qms.yaml
 * `document_layouts`) has no such cell would be kept in the YAML and missing from every controlled copy,
 * so the copy would contradict the register. A 会签 on a level the organisation gave no layout is
 * printed: the default layout adds its cell to a revision that has one (an IATF procedure whose revision
 * concerns other departments, tester56 D6).
 * `date`: the day of the revision the signatures are on. The hint adds the cell from that day on
 * (`since`), so that the revisions issued before keep the form they were issued on. `configurationChange`:
 * the revision is a 技术状态更改, whose 军代表 is printed in the revision record's 军代表 column where the
 * layout names no columns of its own or names that one (render/view.ts defaultRevisionColumns).
 * Errors: UserError naming the signature and the level, with a hint to add the cell to the layout.
 */
export function refuseUnprintedSignatures(repo: Repository, doc: ControlledDocument, roles: readonly SignatureRole[], date: string, configurationChange = false): void {
  const printed = layoutSignatures(repo, doc, date);
  const layout = documentLayout(repo, doc, date);
  const recordColumns = layout?.revisions?.map((item) => (typeof item === "string" ? item : item.column));
  if (configurationChange && (recordColumns === undefined || recordColumns.includes("military_representative"))) printed.add("military_representative");
  // A level with no layout of its own is printed on the default one, which has a 会签 cell for a revision countersigned (render/view.ts signatureCells).
  const unprinted = GJB_SIGNATURES.filter(([role]) => roles.includes(role) && !printed.has(role) && !(role === "countersigned" && layout === undefined));
  if (unprinted.length === 0) return;
  // All the cells missing in one command: the layout is set once, not once per refusal.
  const wanted = new Set([...(layout?.signatures ?? ["prepared", "reviewed", "approved"]).map((item) => (typeof item === "string" ? item : item.role)), ...unprinted.map(([role]) => role)]);
  throw new UserError(
    t("release.layout-unprinted", { id: doc.id, owner: documentLayoutOwner(repo, doc, date), label: conjunction(unprinted.map(([role]) => t(`release.signature.${role}`))), flag: conjunction(unprinted.map(([, flag]) => flag)), count: unprinted.length }),
    t("release.layout-unprinted.hint", { date, command: layoutSetCommand(repo, doc, date, SIGNATURE_ROLES.filter((r) => wanted.has(r))) }),
  );
}

/**
 * A change is reviewed by the functions it concerns before it is approved (IATF 16949 7.5.2, 8.5.6;
 * GJB 9001C 7.5.2 会签): each department the document's kind (qms.yaml `document_control.countersign`)
 * or the document (`countersign_departments`) requires on `date` countersigns through someone of
 * --countersigned (a member, or a delegate qms.yaml names for it). doc/countersign-missing reports the same
 * in revisions recorded another way.
 * Errors: UserError naming the departments missing, the option to add and people of each who could sign.
 */
function refuseMissingCountersign(repo: Repository, index: RepoIndex, doc: ControlledDocument, countersigned: readonly Person[], date: string): void {
  const missing = countersignMissing(countersignRequired(repo.config?.value, doc, date), countersigned, index.departments);
  if (missing.length === 0) return;
  // Who could sign for each, a few of them by name: the document controller asks them rather than looks them up.
  const who = missing.flatMap((code) => {
    const people = [...index.people.values()].map((p) => p.value).filter((p) => worksOn(p, date) && !p.operator && countersignMissing([code], [p], index.departments).length === 0);
    return people.length === 0 ? [] : [t("release.countersign-missing.people", { department: departmentLabel(index, code), people: list(people.slice(0, 3).map((p) => personLabel(index, p.id))) })];
  });
  const departments = list(missing.map((code) => codeWithLabel(code, departmentLabel(index, code))));
  const people = who.length === 0 ? "" : t("release.countersign-missing.who", { who: who.join(t("release.countersign-missing.separator")) });
  throw new UserError(t("release.countersign-missing", { id: doc.id, count: missing.length, departments, people }));
}

function required(value: string | undefined, flag: string, what: string): string {
  if (value === undefined || value.trim() === "") throw new UserError(t("release.required", { flag, what }));
  return value;
}

export function requireRole(person: Person, role: Role, flag: string): void {
  if (!person.roles.includes(role)) {
    throw new UserError(t("release.missing-role", { flag, id: person.id, name: person.name, role: roleWithLabel(role), roles: list(person.roles.map(roleWithLabel)) || t("release.no-roles") }), t("release.missing-role.hint", { role: roleWithLabel(role), command: `csr person update ${person.id} --roles ${[...person.roles, role].join(",")}` }));
  }
}

/** A role as people.yaml spells it, with its meaning in Chinese: approver（批准）. */
function roleWithLabel(role: Role): string {
  return codeWithLabel(role, t(`value.role.${role}`));
}

/**
 * The one line a release of a document marked as needing training (`training: {required: true}`) ends with: how many
 * people of the departments concerned now need training on the new version and by when (IATF 16949 7.2.2: training on
 * the changed work, before it; the deadline doc/training-overdue and csr list training --missing count, trainingDue),
 * and the command that names them. Undefined for a document not marked so (tester72 Q4). A version in force at once
 * (no --effective) with people still to train makes them overdue from today: the line says so and proposes a day
 * `document_control.training_lead_days` working days on (default 5) to take effect instead (ops75 P1).
 */
function trainingLine(repo: Repository, index: RepoIndex, released: ControlledDocument, version: string, date: string): string | undefined {
  const config = repo.config?.value;
  const item = documentCompletion(released, peopleOf({ index }), config, date);
  if (item === undefined) return undefined;
  // An editorial revision needs no training of its own: what is still due is on the version that changed the work.
  if (item.revision !== version) return t(item.missing.length === 0 ? "release.training-editorial" : "release.training-editorial-open", { id: released.id, version, trained: item.revision, count: item.missing.length });
  if (item.start === undefined) return undefined;
  const due = trainingDue(repositoryCalendar(config), item.start, config?.document_control?.training_days ?? DEFAULT_TRAINING_DAYS, item.ahead);
  const departments = list(item.departments.map((code) => departmentLabel(index, code)));
  const data = { id: released.id, version, count: item.missing.length, departments, due, effective: item.start };
  if (item.required.length === 0) return t("release.training-nobody", data);
  if (item.start > date || item.missing.length === 0) return t("release.training-ahead", data);
  const clause = worksToGjb9001C(config) ? "GJB 9001C 7.2" : "IATF 16949 7.2.2";
  return t("release.training-in-force", { ...data, clause, proposed: repositoryCalendar(config).addWorkdays(date, config?.document_control?.training_lead_days ?? TRAINING_LEAD_DAYS) });
}

/** The working days a release proposes between itself and the day a version needing training takes effect (qms.yaml `training_lead_days`): a working week to train in. */
const TRAINING_LEAD_DAYS = 5;
