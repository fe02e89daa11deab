/**
 * `csr source update <source-id>`: a customer issued a new revision of its CSR document. The old
 * revision is marked superseded, and each CSR taken from it is, as the user says (flags, or one
 * question per CSR at a terminal):
 * - changed (the default): a new review round starts, whose deadline counts from the date the new
 *   revision was received; the earlier round stays on record;
 * - unchanged: it keeps its decision, with one recorded confirmation (who, when, which revision)
 *   instead of a new countersigning round; a confirmation after the new revision's review period
 *   records why (--late-reason, or asked at a terminal), as a late decision does;
 * - removed: it is marked superseded.
 * What it writes into the records is in the repository's language (qms.yaml `language`).
 *
 * Given the new revision's file and the previous one's, it compares the section each CSR cites
 * (proposals.ts) and proposes the verdicts: preselected in the questions, applied with --accept.
 *
 * `--department` sets the department that keeps the source document (保管部门 of the 外来文件清单),
 * with a new revision or alone (then no revision is recorded and no CSR is touched).
 *
 * Running it again with the same revision and dates is safe: the revision is recorded once, and CSRs that
 * are already on it are left alone, so an interrupted run can simply be repeated. Other dates for a
 * revision recorded already are refused: `--amend` corrects them (amend.ts).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { isScalar, parseDocument, type Document, type YAMLMap } from "yaml";
import { localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { didYouMean, oneLine, shellArgument } from "../../core/text.js";
import { conjunction, language, list, t } from "../../i18n/index.js";
import { revisionName } from "../../i18n/values.js";
import { findRoot } from "../../load/discover.js";
import { refuseOnConflicts } from "../../load/git.js";
import { loadRepository, type Located, type Repository } from "../../load/repository.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { estimatedDeadlineNote } from "../../model/calendar.js";
import { DEFAULT_REVIEW_DAYS, reviewDue, reviewStart } from "../../model/csr-status.js";
import { buildIndex, type RepoIndex } from "../../model/index.js";
import { REPORT_SIGNER_ROLES, type Csr, type Customer, type SourceRevision } from "../../model/types.js";
import { canPrompt, codedChoices, loadPrompts, missingArgument, missingFlag, type Prompts } from "../add/prompting.js";
import { departmentByCode, editFile, listOption, optionalAnswer, reportPersisted, saveChanges, setInOrder, withEditSession } from "../shared/edit.js";
import { CSR_KEY_ORDER } from "../set/csr.js";
import { personChoice, personLabel, resolveDepartment, resolvePerson, toRecallLine, worksOn } from "../shared/people.js";
import type { CommandContext } from "../context.js";
import { departmentLabel } from "../../model/labels.js";
import { stillControlled } from "../../model/distribution.js";
import { editionInForceFrom } from "../../model/external.js";
import { eventLabel } from "../../model/recorded-events.js";
import { classificationOption, dateAnswerProblem, dateOption, eventDateAnswer, eventDateOption } from "../options.js";
import { classificationName } from "../../model/classification.js";
import { effectiveBeforeReceived, revisionSummary } from "./add.js";
import { amendRevision, refuseDifferentDates } from "./amend.js";
import { attachment } from "./attachment.js";
import { recordEarlierRevision } from "./earlier.js";
import { recordNoRequirements } from "./no-requirements.js";
import { compareFiles, describeComparison, proposedVerdicts } from "./proposals.js";
import { deadlinesToCheck, documentsToCheck } from "../shared/documents-to-check.js";
import type { CsrProposal } from "../../compare/revisions.js";
import { splitCitation } from "../../compare/sections.js";
import { appendIn, mapNode, persistChanges, refuseUnreadableConfig, verifyChanges, yamlText, type FileChange } from "../shared/persist.js";
import { withRepositoryLock } from "../shared/transaction.js";
import { unknownCustomer } from "../../model/customers.js";

export interface SourceUpdateFlags {
  customer?: string;
  /** The new revision; with --received, unless only --department is given. */
  revision?: string;
  issued?: string;
  received?: string;
  /** The customer's 实施日期 of the revision (with --amend, of a revision recorded already). */
  effective?: string;
  /** What the revision changed from the one before (变更内容); of a revision recorded already, with no date given (amend.ts). */
  summary?: string;
  summaryEn?: string;
  /** The custodian department (保管部门), by code or name. */
  department?: string;
  /** The source document's 密级 (model/classification.ts CLASSIFICATIONS), which its CSRs inherit. */
  classification?: string;
  file?: string;
  /** The previous revision's file, when its revision entry records none. */
  previousFile?: string;
  /** Take the file comparison's proposal for every CSR not named with --unchanged or --removed. */
  accept?: boolean;
  unchanged?: string[];
  removed?: string[];
  by?: string;
  date?: string;
  /** Why the confirmations come after the new revision's review period (IATF 16949 7.5.3.2.2). */
  lateReason?: string;
  /** Correct the dates of the revision named by --revision, recorded already (amend.ts). */
  amend?: boolean;
  /** Record the revision named by --revision as one received before the latest, history (earlier.ts). */
  earlier?: boolean;
  /** Record the review of the revision named by --revision (default: the latest) as finding no requirement (no-requirements.ts). */
  withoutRequirements?: boolean;
  yes?: boolean;
  commit?: boolean;
}

export type Verdict = "changed" | "unchanged" | "removed";

export async function sourceUpdateCommand(ctx: CommandContext, sourceId: string | undefined, flags: SourceUpdateFlags): Promise<number> {
  return updateSource(ctx, sourceId, flags);
}

/** `prompts` given: ask whatever the terminal (tests drive this). Without `sourceId`, the source document is picked at a terminal. */
export async function updateSource(ctx: CommandContext, given: string | undefined, flags: SourceUpdateFlags, prompts?: Prompts): Promise<number> {
  if (given === undefined) {
    const ask = prompts ?? (canPrompt(flags.yes) ? await loadPrompts() : undefined);
    if (!ask) throw missingArgument("source-id", "source update");
    return updateSource(ctx, await askSource(ctx, ask, flags.customer), flags, ask);
  }
  const sourceId = given;
  if (flags.withoutRequirements) return recordNoRequirements(ctx, sourceId, flags, customerWithSource);
  if (flags.earlier) return recordEarlierRevision(ctx, sourceId, flags, customerWithSource);
  // What a recorded revision changed, given alone (tester77 E11): a correction of the record, as --amend makes one.
  const summaryAlone = (flags.summary !== undefined || flags.summaryEn !== undefined) && flags.revision !== undefined && flags.received === undefined && flags.issued === undefined && flags.effective === undefined;
  if (flags.amend || summaryAlone) return amendRevision(ctx, sourceId, flags, customerWithSource);
  const { department, classification, customer, yes, commit, amend: _amend, earlier: _earlier, withoutRequirements: _withoutRequirements, ...revisionFlags } = flags;
  if ((department !== undefined || classification !== undefined) && Object.values(revisionFlags).every((v) => v === undefined)) {
    return setRegisterData(ctx, sourceId, { department, classification, customer, yes, commit });
  }
  // At a terminal, what the options leave open is asked as csr source add asks it (tester50b #2):
  // the revision, then (asked for the revision, or given no date) the date issued and the date received.
  const ask = prompts ?? (canPrompt(yes) && (flags.revision === undefined || flags.received === undefined) ? await loadPrompts() : undefined);
  if (ask) {
    const asked = { ...flags };
    if (asked.revision === undefined) asked.revision = (await ask.input({ message: t("source.update.prompt.revision", { id: sourceId }), required: true })).trim();
    if (asked.received === undefined) {
      if (asked.issued === undefined) asked.issued = optionalAnswer(await ask.input({ message: t("source.add.prompt.issued"), validate: (v) => v.trim() === "" || eventDateAnswer()(v.trim()) }));
      const follows = asked.issued === undefined ? undefined : { what: eventLabel("rule.date/event.revision-issued", { revision: asked.revision }), of: sourceId, date: dateOption(asked.issued, "--issued"), external: true as const };
      asked.received = (await ask.input({ message: t("source.add.prompt.received"), default: dateOption(undefined, "--received"), validate: eventDateAnswer({ follows }) })).trim();
    }
    // The customer's 实施日期, against which csr/late-for-customer and the 外来文件清单 compare (tester54a A16).
    if (asked.effective === undefined && (flags.revision === undefined || flags.received === undefined)) {
      asked.effective = optionalAnswer(await ask.input({ message: t("source.update.prompt.effective", { named: revisionName(asked.revision) }), validate: (v) => v.trim() === "" || dateAnswerProblem(v.trim()) }));
    }
    flags = asked;
    prompts = ask;
  }
  if (flags.revision === undefined) throw new UserError(t("cli.error.required-option", { option: "--revision <rev>" }), t("source.update.needs-revision.hint"));
  if (flags.received === undefined) throw new UserError(t("cli.error.required-option", { option: "--received <date>" }));
  const revision = flags.revision.trim();
  const issued = flags.issued === undefined ? undefined : dateOption(flags.issued, "--issued");
  const received = eventDateOption(flags.received, "--received", {
    follows: issued === undefined ? undefined : { what: eventLabel("rule.date/event.revision-issued", { revision }), of: sourceId, date: issued, external: true },
  });
  const effective = flags.effective === undefined ? undefined : dateOption(flags.effective, "--effective");
  if (revision === "") throw new UserError(t("source.empty-revision"));
  const summary = revisionSummary(flags);
  const root = findRoot(ctx.dir);
  await refuseOnConflicts(root);
  return withRepositoryLock(ctx, root, () => update(ctx, root, sourceId, flags, { received, issued, effective, revision, summary }, prompts));
}

/**
 * The source document a new revision is of, picked at a terminal from the customers' sources (of
 * `customer` alone when given), current ones first, each with its customer and latest revision.
 * Errors: UserError when the repository has none.
 */
async function askSource(ctx: CommandContext, ask: Prompts, customer: string | undefined): Promise<string> {
  const repo = loadRepository(findRoot(ctx.dir));
  const sources = repo.customers
    .filter((c) => customer === undefined || c.value.code === customer)
    .flatMap((c) => (c.value.sources ?? []).map((source) => ({ customer: c.value, source, latest: source.revisions[source.revisions.length - 1] })));
  if (sources.length === 0) throw new UserError(t("source.pick.none"), t("source.pick.none.hint"));
  const superseded = (latest: SourceRevision | undefined) => Number(latest?.status === "superseded");
  sources.sort((a, b) => superseded(a.latest) - superseded(b.latest));
  return ask.select({
    message: t("source.pick"),
    choices: codedChoices(
      sources.map(({ customer, source, latest }) => ({
        value: source.id,
        name: source.title,
        name_en: source.title_en,
        note: t("source.pick.note", { customer: customer.code, revision: latest?.revision ?? "", named: revisionName(latest?.revision ?? ""), received: latest?.received ?? "" }),
      })),
    ),
  });
}

/** Under the repository lock: reads the repository, computes every file's change, writes them all or none. */
async function update(ctx: CommandContext, root: string, sourceId: string, flags: SourceUpdateFlags, given: { received: string; issued?: string; effective?: string; revision: string; summary: ReturnType<typeof revisionSummary> }, prompts?: Prompts): Promise<number> {
  const { received, issued, effective, revision, summary } = given;
  const repo = loadRepository(root);
  refuseUnreadableConfig(repo);
  const index = buildIndex(repo);
  const zh = (repo.config?.value.language ?? "zh-CN") !== "en";
  const customer = customerWithSource(repo.customers, sourceId, flags.customer);
  const sourceIndex = customer.value.sources!.findIndex((s) => s.id === sourceId);
  const source = customer.value.sources![sourceIndex]!;
  const file = flags.file === undefined ? undefined : attachment(root, resolve(ctx.dir, flags.file), flags.file);
  const custodian = flags.department === undefined ? undefined : resolveDepartment(index, flags.department, "--department");
  const classification = flags.classification === undefined ? undefined : classificationOption(flags.classification);

  const changes: FileChange[] = [];
  const latest = source.revisions[source.revisions.length - 1]!;
  const resumed = latest.revision === revision;
  // Run again with the same revision and dates, an interrupted update resumes; other dates would be dropped unseen.
  if (resumed) refuseDifferentDates(sourceId, latest, { received, issued, effective });
  if (!resumed && source.revisions.some((r) => r.revision === revision)) {
    throw new UserError(t("source.revision-recorded", { revision, id: sourceId, latest: latest.revision }), t("source.revision-recorded.hint"));
  }
  // Received before the latest revision, it is an earlier one, not a new round (tester54b B8).
  if (!resumed && received < latest.received) {
    throw new UserError(
      t("source.received-before-latest", { id: sourceId, named: revisionName(revision), received, latest: revisionName(latest.revision), latestReceived: latest.received }),
      t("source.received-before-latest.hint", { id: shellArgument(sourceId), revision: shellArgument(revision), received }),
    );
  }
  const customerText = readFileSync(join(root, customer.file.path), "utf8");
  const customerDoc = parseDocument(customerText);
  source.revisions.forEach((r, i) => {
    if (r.status !== "superseded" && !(resumed && r === latest)) customerDoc.setIn(["sources", sourceIndex, "revisions", i, "status"], "superseded");
  });
  if (!resumed) {
    const entry: SourceRevision = { revision, ...(issued ? { issued } : {}), received, ...(effective ? { effective } : {}), ...summary, ...(file ? { file } : {}), status: "current", supersedes: latest.revision };
    appendIn(customerDoc, ["sources", sourceIndex, "revisions"], entry);
  }
  if (custodian !== undefined) setSourceKeyIn(customerDoc, sourceIndex, "department", custodian);
  if (classification !== undefined) setSourceKeyIn(customerDoc, sourceIndex, "classification", classification);
  changes.push({ path: customer.file.path, kind: "customer", text: yamlText(customerDoc, customerText) });

  const restartedOn = resumed ? latest.received : received;
  const affected = repo.csrs.filter(
    (c) => c.value.customer === customer.value.code && c.value.source.document === sourceId && !c.value.superseded && c.value.source.revision !== revision,
  );
  const previous = resumed ? source.revisions[source.revisions.length - 2] : latest;
  const previousFile = flags.previousFile === undefined ? previous?.file : attachment(root, resolve(ctx.dir, flags.previousFile), flags.previousFile);
  const newFile = file ?? (resumed ? latest.file : undefined);
  const comparison = newFile && previousFile && affected.length > 0 ? await compareFiles(root, previousFile, newFile, affected.map((c) => c.value)) : undefined;
  if (comparison) ctx.stdout(describeComparison(comparison, previousFile!, newFile!).join("\n") + "\n");
  if (flags.accept && !comparison) {
    throw new UserError(t("source.accept-without-comparison"), t("source.accept-without-comparison.hint"));
  }
  const proposed = comparison ? proposedVerdicts(comparison) : undefined;
  refuseMovedAlready(repo, customer.value, sourceId, revision, affected.map((c) => c.value.id), flags);
  const asking = prompts ?? (canPrompt(flags.yes) ? await loadPrompts() : undefined);
  const texts = new Map<string, string>();
  const verdicts = await askVerdicts(affected.map((c) => c.value), flags, asking, proposed, revision, texts);
  const unchangedAny = [...verdicts.values()].includes("unchanged");
  const follows = { what: eventLabel("rule.date/event.revision-received", { revision }), of: sourceId, date: received };
  // The day of the comparison is the review evidence of the new revision (IATF 16949 7.5.3.2.2): asked, not taken to be today (tester66 N5).
  const confirmedText = flags.date ?? (unchangedAny && asking ? (await asking.input({ message: t("source.update.prompt.confirmed-on", { revision }), default: localToday(), validate: eventDateAnswer({ follows }) })).trim() : undefined);
  const confirmed = eventDateOption(confirmedText, "--date", { follows });
  const confirmer = unchangedAny ? await whoConfirms(index, flags, asking, confirmed) : undefined;
  const config = repo.config?.value;
  const calendar = repositoryCalendar(config);
  // The confirmations are the new revision's review round, due from the day it was received.
  const confirmationDue = calendar.addWorkdays(restartedOn, config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS);
  if (flags.lateReason !== undefined && confirmer === undefined) throw new UserError(t("source.update.late-reason-without-confirmation"));
  const lateReason = confirmer === undefined ? undefined : await confirmationLateReason(flags, asking, confirmed, confirmationDue, confirmed > confirmationDue);
  const reimplement: string[] = [];
  for (const { value: csr, file: csrFile } of affected) {
    const text = readFileSync(join(root, csrFile.path), "utf8");
    const doc = parseDocument(text);
    const verdict = verdicts.get(csr.id)!;
    if (verdict === "removed") {
      const reason = zh ? `${sourceId} ${revision} 版已删除此要求` : `removed in ${sourceId} revision ${revision}`;
      doc.set("superseded", doc.createNode({ date: received, reason }));
    } else if (verdict === "unchanged") {
      appendIn(doc, ["review", "confirmations"], doc.createNode({ source_revision: revision, by: confirmer!, date: confirmed, ...(lateReason ? { late_reason: lateReason } : {}) }, { flow: true }));
      doc.setIn(["source", "revision"], revision);
      // A renumbered section (same title and text under a new number): the citation follows it, in the form it had (tester64 N10).
      const proposal = comparison?.proposals.find((p) => p.csr === csr.id);
      const cited = csr.source.section === undefined || proposal === undefined ? undefined : renumberedCitation(csr.source.section, proposal);
      if (cited !== undefined) doc.setIn(["source", "section"], cited);
    } else {
      // The earlier round's nodes are moved, not re-created, so they keep their comments and layout;
      // its late reason goes with its decision, or it would excuse the new round's (csr/review-late),
      // and its paper record with its opinions, or it would stand for the new round's (csr/review-incomplete).
      // Why it closed is the revision that closed it, which the reports say in the reader's language (historyReason).
      const round = mapNode(doc, { source_revision: csr.source.revision, closed: restartedOn, revised_to: revision });
      // The departments the CSR named to countersign: the closed round keeps them, the new one starts with them (tester56 D13).
      if (csr.review?.required !== undefined) {
        const required = doc.createNode(csr.review.required);
        required.flow = true;
        round.set("required", required);
      }
      // The round that reviewed the old wording keeps it, as csr set --text does after the update (tester54a A1).
      const newText = texts.get(csr.id);
      if (newText !== undefined) {
        if (csr.text !== undefined) round.set("text", csr.text);
        setInOrder(doc, CSR_KEY_ORDER, "text", doc.createNode(newText));
      }
      for (const key of ["opinions", "record", "decision", "late_reason", ...REPORT_SIGNER_ROLES]) {
        const node = doc.getIn(["review", key], true);
        if (node) round.set(key, node);
        if (node) doc.deleteIn(["review", key]);
      }
      appendIn(doc, ["review", "history"], round);
      // What was implemented and verified met the requirement as the earlier revision put it: it goes to
      // implementation.history with that round, and the new round's is recorded again once decided.
      const done = csr.implementation?.implemented !== undefined || csr.implementation?.verified !== undefined || csr.implementation?.status === "implemented" || csr.implementation?.status === "verified";
      if (done) {
        const earlier = mapNode(doc, { closed: restartedOn, source_revision: csr.source.revision, revised_to: revision });
        for (const key of IMPLEMENTATION_OF_ROUND) {
          const node = doc.getIn(["implementation", key], true);
          if (node === undefined) continue;
          earlier.set(key, node);
          doc.deleteIn(["implementation", key]);
        }
        appendIn(doc, ["implementation", "history"], earlier);
        reimplement.push(csr.id);
      }
      doc.setIn(["review", "restarted"], restartedOn);
      doc.setIn(["source", "revision"], revision);
    }
    changes.push({ path: csrFile.path, kind: "csr", text: yamlText(doc, text) });
  }

  verifyChanges(repo, changes, localToday());
  const count = (verdict: Verdict): number => affected.filter((c) => verdicts.get(c.value.id) === verdict).length;
  const [toReview, kept, dropped] = [count("changed"), count("unchanged"), count("removed")];
  const counts = [t("commit.source-update.to-review", { count: toReview }), ...(kept > 0 ? [t("commit.source-update.unchanged", { count: kept })] : []), ...(dropped > 0 ? [t("commit.source-update.removed", { count: dropped })] : [])];
  const message = flags.commit ? oneLine(t("commit.source-update", { id: sourceId, revision, counts: list(counts) })) : undefined;
  const persisted = await persistChanges(root, changes, message);

  const changed = affected.filter((c) => verdicts.get(c.value.id) === "changed");
  const due = changed[0] ? reviewDue({ ...changed[0].value, review: { restarted: restartedOn } }, calendar, config) : undefined;
  const lines = [
    resumed
      ? t("source.resumed", { id: sourceId, revision, received: latest.received })
      : t("source.recorded", { id: sourceId, revision, received, previous: latest.revision }),
  ];
  if (effective !== undefined && !resumed) lines.push(t("source.effective", { id: sourceId, named: revisionName(revision), date: effective }));
  if (summary.summary !== undefined && !resumed) lines.push(t("source.summary", { id: sourceId, named: revisionName(revision), summary: summary.summary }));
  // The controlled copies of the revisions this one replaces, due back once it is in force (csr recall <source>; tester66 N1), as csr set --edition says of a standard's.
  const out = resumed ? [] : (source.distribution ?? []).filter((c) => stillControlled(c) && c.version !== revision);
  if (out.length > 0) {
    lines.push(toRecallLine(index, config, out, editionInForceFrom({ received, ...(effective ? { effective } : {}) })!, shellArgument(sourceId), revision));
  }
  if (custodian !== undefined) lines.push(custodianLine(index, sourceId, custodian, source.department));
  if (classification !== undefined) lines.push(classificationLine(sourceId, classification, source.classification));
  if (affected.length === 0) lines.push(t("source.none-affected", { customer: customer.value.code, id: sourceId }));
  if (changed.length > 0) {
    lines.push(t("source.to-review", { count: changed.length, revision, due: due ?? "" }));
    for (const { value } of changed) lines.push(`  ${t(texts.has(value.id) ? "source.was-on.text" : "source.was-on", { id: value.id, title: value.title, revision: value.source.revision })}`);
    // Where the new wording was not given: left blank at a terminal (tester54a A16), or never asked, with flags (tester56 D1).
    const wordingLeft = changed.filter((c) => !texts.has(c.value.id));
    if (wordingLeft.length > 0) lines.push(t("source.update.text-hint", { count: wordingLeft.length, id: wordingLeft[0]!.value.id, named: revisionName(revision) }));
    if (reimplement.length > 0) lines.push(t("source.reimplement", { count: reimplement.length, ids: list(reimplement), revision }));
  }
  const unchanged = affected.filter((c) => verdicts.get(c.value.id) === "unchanged");
  if (unchanged.length > 0) {
    lines.push(t("source.unchanged", { count: unchanged.length, revision, by: confirmer === undefined ? "" : personLabel(index, confirmer), date: confirmed }));
    for (const { value } of unchanged) lines.push(`  ${value.id}  ${value.title}`);
    if (confirmed > confirmationDue) lines.push(lateReason ? t("source.update.late-reason-recorded", { reason: lateReason, due: confirmationDue }) : t("source.update.late", { due: confirmationDue }));
  }
  const removed = affected.filter((c) => verdicts.get(c.value.id) === "removed");
  if (removed.length > 0) {
    lines.push(t("source.removed", { count: removed.length, revision }));
    for (const { value } of removed) lines.push(`  ${value.id}  ${value.title}`);
  }
  // Where the changed and withdrawn requirements are addressed: the documents the new revision makes suspect (7.5.3.2.2; tester64 N6).
  // A CSR reviewed again only because it was never decided, its section unchanged by the comparison, leaves its documents as they were.
  const reworded = changed.filter((c) => comparison?.proposals.find((p) => p.csr === c.value.id)?.verdict !== "unchanged");
  const suspect = [...reworded.map((c) => ({ csr: c.value, change: "changed" as const })), ...removed.map((c) => ({ csr: c.value, change: "removed" as const }))];
  const toCheck = documentsToCheck(suspect);
  if (toCheck) lines.push(toCheck);
  // The complaint and change-notification deadlines the customer's file takes from such a CSR (tester66 N4).
  const deadlines = deadlinesToCheck(suspect, (code) => (code === customer.value.code ? { value: customer.value, path: customer.file.path } : undefined));
  if (deadlines) lines.push(deadlines);
  // The third part of a customer revision, besides the requirements changed and withdrawn: the new ones, said at a terminal (tester54a A16).
  if (!resumed && asking) lines.push(t("source.update.new-requirements", { named: revisionName(revision), customer: customer.value.code, id: sourceId }));
  if (comparison && !flags.accept && !asking && listOption(flags.unchanged).length + listOption(flags.removed).length === 0) {
    lines.push(t("source.proposals-not-applied"));
  }
  ctx.stdout(lines.join("\n") + "\n");
  const note = due === undefined ? undefined : estimatedDeadlineNote(calendar, restartedOn, due);
  if (note) ctx.stderr(note);
  // Said once, when the revision is recorded; a resumed run records nothing new.
  const early = resumed ? undefined : effectiveBeforeReceived(sourceId, revision, effective, received);
  if (early) ctx.stderr(early + "\n");
  reportPersisted(ctx, persisted, message ?? "");
  return 0;
}


/**
 * A CSR's citation of a section the new revision renumbered, in the form the CSR had: the bare
 * number stays bare ("3.10" → "3.11"), number and title keep the title ("3.10 年度全尺寸检验" →
 * "3.11 年度全尺寸检验"), a citation by title alone is left as it is. Undefined when nothing changes.
 */
export function renumberedCitation(cited: string, proposal: Pick<CsrProposal, "old" | "new">): string | undefined {
  const from = proposal.old?.number;
  const to = proposal.new?.number;
  if (!from || !to || from === to) return undefined;
  const { number, written } = splitCitation(cited);
  if (number !== from || written === undefined) return undefined;
  return `${to}${cited.slice(written.length)}`.trim();
}

/**
 * The implementation record of a review round (`implementation`, besides its owner): what a changed
 * source revision closes with the round, as it closes the decision (implementation.history).
 */
const IMPLEMENTATION_OF_ROUND = ["status", "due", "required_by", "late_reason", "evidence", "implemented", "verified"] as const;
/**
 * `csr source update <id> --department <code>` and/or `--classification <level>` alone: the department
 * that keeps the source document (保管部门) and its 密级 are register data, set without a revision; no
 * CSR is touched (the CSRs inherit the 密级 unless they carry their own).
 */
async function setRegisterData(ctx: CommandContext, sourceId: string, flags: Pick<SourceUpdateFlags, "department" | "classification" | "customer" | "yes" | "commit">): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const customer = customerWithSource(session.repo.customers, sourceId, flags.customer);
    const sourceIndex = customer.value.sources!.findIndex((s) => s.id === sourceId);
    const source = customer.value.sources![sourceIndex]!;
    const department = flags.department === undefined ? undefined : departmentByCode(session, flags.department, "--department");
    const classification = flags.classification === undefined ? undefined : classificationOption(flags.classification);
    const lines = [
      ...(department === undefined ? [] : [custodianLine(session.index, sourceId, department, source.department)]),
      ...(classification === undefined ? [] : [classificationLine(sourceId, classification, source.classification)]),
    ];
    const newDepartment = department !== undefined && department !== source.department ? department : undefined;
    const newClassification = classification !== undefined && classification !== source.classification ? classification : undefined;
    if (newDepartment === undefined && newClassification === undefined) {
      ctx.stdout(`${lines.join("\n")}\n`);
      return 0;
    }
    const change = editFile(session.root, customer.file.path, "customer", (doc) => {
      if (newDepartment !== undefined) setSourceKeyIn(doc, sourceIndex, "department", newDepartment);
      if (newClassification !== undefined) setSourceKeyIn(doc, sourceIndex, "classification", newClassification);
    });
    const message = newDepartment !== undefined ? t("source.custodian.commit", { id: sourceId, department: newDepartment }) : t("source.classification.commit", { id: sourceId, classification: newClassification! });
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message });
    return 0;
  });
}

/** Sets `key` of the source document, a new key before its revisions, where a reader of the file looks for it. */
function setSourceKeyIn(doc: Document.Parsed, sourceIndex: number, key: "department" | "classification", value: string): void {
  const source = doc.getIn(["sources", sourceIndex], true) as YAMLMap;
  if (source.has(key)) return source.set(key, value);
  const revisions = source.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === "revisions");
  source.items.splice(revisions < 0 ? source.items.length : revisions, 0, doc.createPair(key, value));
}

/** "NES-HT2026-01 的密级：秘密（原为内部）；其 CSR 随之，自有密级的除外。" */
function classificationLine(sourceId: string, classification: string, previous: string | undefined): string {
  const name = classificationName(language(), classification);
  if (previous === undefined || previous === classification) return t("source.classification", { id: sourceId, classification: name });
  return t("source.classification.changed", { id: sourceId, classification: name, previous: classificationName(language(), previous) });
}

/** "QP-SQM 的保管部门：品质部。", saying which department kept it before, if another did. */
function custodianLine(index: RepoIndex, sourceId: string, department: string, previous: string | undefined): string {
  if (previous === undefined || previous === department) return t("source.custodian", { id: sourceId, department: departmentLabel(index, department) });
  return t("source.custodian.changed", { id: sourceId, department: departmentLabel(index, department), previous: departmentLabel(index, previous) });
}

function customerWithSource(customers: readonly Located<Customer>[], sourceId: string, code: string | undefined): Located<Customer> {
  const candidates = customers.filter((c) => (code === undefined || c.value.code === code) && (c.value.sources ?? []).some((s) => s.id === sourceId));
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    throw new UserError(t("source.ambiguous", { id: sourceId, customers: conjunction(candidates.map((c) => c.value.code)) }), t("source.ambiguous.hint"));
  }
  if (code !== undefined && !customers.some((c) => c.value.code === code)) {
    throw unknownCustomer(customers.map((c) => c.value), code);
  }
  const known = customers.filter((c) => code === undefined || c.value.code === code).flatMap((c) => (c.value.sources ?? []).map((s) => s.id));
  throw new UserError(
    (code ? t("source.unknown-for-customer", { id: sourceId, customer: code }) : t("source.unknown", { id: sourceId })) + didYouMean(sourceId, known),
    t("source.unknown.hint", { known: list(known) || t("add.none") }),
  );
}

/**
 * A CSR named with --unchanged or --removed that is on `revision` already: moved there, its review
 * restarted, when the revision was registered (a first run without them), so there is no earlier
 * revision to confirm it against (tester20 F17). Refused saying so, with the command that records its
 * review of `revision` now: its earlier conclusion when the requirement is unchanged, the --by and
 * --date given.
 */
function refuseMovedAlready(repo: Repository, customer: Customer, sourceId: string, revision: string, affected: readonly string[], flags: SourceUpdateFlags): void {
  for (const id of [...listOption(flags.unchanged), ...listOption(flags.removed)]) {
    if (affected.includes(id)) continue;
    const csr = repo.csrs.find((c) => c.value.id === id)?.value;
    if (!csr || csr.customer !== customer.code || csr.source.document !== sourceId || csr.source.revision !== revision || csr.superseded) continue;
    const config = repo.config?.value;
    const earlier = csr.review?.history?.at(-1)?.decision?.disposition;
    const decided = csr.review?.decision;
    const named = revisionName(revision);
    if (decided) throw new UserError(t("source.not-affected.decided", { id, source: sourceId, named, disposition: t(`value.disposition.${decided.disposition}`), date: decided.date }));
    const command = `'csr review ${shellArgument(id)} --disposition ${earlier ?? "<" + t("source.not-affected.disposition") + ">"} --by ${flags.by === undefined ? "<" + t("source.not-affected.person") + ">" : shellArgument(flags.by)} --date ${flags.date === undefined ? "<" + t("source.not-affected.date") + ">" : shellArgument(flags.date)}${flags.lateReason === undefined ? "" : ` --late-reason ${shellArgument(flags.lateReason)}`}'`;
    throw new UserError(
      t("source.not-affected.restarted", { id, source: sourceId, named, restarted: reviewStart(csr), due: reviewDue(csr, repositoryCalendar(config), config) }),
      earlier
        ? t("source.not-affected.restarted.hint", { source: sourceId, named, disposition: t(`value.disposition.${earlier}`), command })
        : t("source.not-affected.restarted.hint-undecided", { source: sourceId, named, command }),
    );
  }
}

/**
 * What became of each CSR in the new revision: `--unchanged` and `--removed` name some; with
 * --accept the file comparison's proposal decides the others; at a terminal they are asked one by
 * one, the proposal preselected; otherwise they are changed (reviewed again).
 */
async function askVerdicts(csrs: readonly Csr[], flags: SourceUpdateFlags, ask: Prompts | undefined, proposed: ReadonlyMap<string, Verdict> | undefined, revision: string, texts: Map<string, string>): Promise<Map<string, Verdict>> {
  const ids = new Set(csrs.map((c) => c.id));
  const unchanged = listOption(flags.unchanged);
  const removed = listOption(flags.removed);
  for (const id of [...unchanged, ...removed]) {
    if (!ids.has(id)) throw new UserError(ids.size === 0 ? t("source.not-affected.none", { id }) : t("source.not-affected", { id, ids: list([...ids]) }));
  }
  const both = unchanged.filter((id) => removed.includes(id));
  if (both.length > 0) throw new UserError(t("source.both-verdicts", { ids: list(both) }));
  const on = flags.date === undefined ? undefined : dateOption(flags.date, "--date");
  for (const csr of csrs) if (unchanged.includes(csr.id)) refuseUndecided(csr, on);
  const verdicts = new Map<string, Verdict>();
  for (const csr of csrs) {
    const given: Verdict | undefined = unchanged.includes(csr.id) ? "unchanged" : removed.includes(csr.id) ? "removed" : undefined;
    // A requirement never decided has no decision to keep: whatever the file comparison finds, it is reviewed.
    const decided = csr.review?.decision !== undefined;
    const suggested = proposed?.get(csr.id) === "unchanged" && !decided ? "changed" : proposed?.get(csr.id);
    const settled = given ?? (flags.accept ? suggested : undefined);
    if (settled !== undefined || !ask) {
      verdicts.set(csr.id, settled ?? "changed");
      continue;
    }
    const verdict = await ask.select<Verdict>({
      message: t("prompt.source.verdict", { id: csr.id, title: csr.title }),
      choices: [
        { value: "changed", name: t("prompt.source.changed") },
        ...(decided ? [{ value: "unchanged" as const, name: t("prompt.source.unchanged") }] : []),
        { value: "removed", name: t("prompt.source.removed") },
      ],
      ...(suggested !== undefined ? { default: suggested } : {}),
    });
    verdicts.set(csr.id, verdict);
    // The new wording, which the new round reviews (tester54a A16): left blank, csr set --text records it later.
    if (verdict === "changed") {
      const text = (await ask.input({ message: t("source.update.prompt.text", { id: csr.id, named: revisionName(revision) }) })).trim();
      if (text !== "" && text !== csr.text?.trim()) texts.set(csr.id, text);
    }
  }
  return verdicts;
}

/**
 * A confirmation that a revision leaves a CSR unchanged keeps its decision in force; a CSR with no
 * decision (by the day of the confirmation, when --date is given) has none to keep, and would read as
 * reviewed in time (csr/confirmed-without-decision).
 */
function refuseUndecided(csr: Csr, date: string | undefined): void {
  const decision = csr.review?.decision;
  if (decision !== undefined && (date === undefined || decision.date <= date)) return;
  throw new UserError(decision === undefined ? t("source.unchanged-undecided", { id: csr.id }) : t("source.unchanged-decided-later", { id: csr.id, date: date!, decided: decision.date }));
}

/**
 * Why the confirmations come after the new revision's review period (`due`), when they do:
 * --late-reason, else asked at a terminal (it may be left blank: csr/review-late then reports it).
 * `late`: they are after its last day (pastDeadline: the Saturday after a Friday deadline is late). Refused when they are in time, as `csr review --late-reason` is for a decision in time.
 */
async function confirmationLateReason(flags: SourceUpdateFlags, ask: Prompts | undefined, date: string, due: string, late: boolean): Promise<string | undefined> {
  if (!late) {
    if (flags.lateReason !== undefined) throw new UserError(t("source.update.not-late", { date, due }));
    return undefined;
  }
  if (flags.lateReason !== undefined) {
    const reason = flags.lateReason.trim();
    if (reason === "") throw new UserError(t("source.update.late-reason-empty"));
    return reason;
  }
  const answer = ask ? (await ask.input({ message: t("source.update.prompt.late-reason", { due }) })).trim() : "";
  return answer === "" ? undefined : answer;
}

/**
 * Who confirms that unchanged CSRs keep their decision: --by, else asked. A confirmation keeps a
 * decision in force for the new revision, so it is the decider's: a person with the approver role
 * in people.yaml, as for `csr review --disposition` (csr/review-inconsistent).
 */
async function whoConfirms(index: RepoIndex, flags: SourceUpdateFlags, ask: Prompts | undefined, on: string): Promise<string> {
  const approvers = [...index.people.values()].map((p) => p.value).filter((p) => p.roles.includes("approver") && worksOn(p, on));
  const by =
    flags.by ??
    (ask ? await ask.select({ message: t("prompt.source.confirmed-by"), choices: approvers.map((p) => personChoice(index, p)) }) : undefined);
  if (by === undefined) throw missingFlag("--by", t("source.needs.by"));
  const person = resolvePerson(index, by, "--by", on);
  if (!person.roles.includes("approver")) {
    throw new UserError(t("source.confirmer-not-approver", { person: personLabel(index, person.id) }), t("source.confirmer-not-approver.hint", { approvers: list(approvers.map((p) => personLabel(index, p.id))) }));
  }
  return person.id;
}
