/**
 * `csr review <id>`: record one department's opinion (会签) or the decision, or, on its own, why the
 * current review round closed after the review period (--late-reason): the decision already
 * recorded, or the confirmation that a new source revision left the CSR unchanged; or, on its own
 * (--required), which departments countersign this CSR instead of qms.yaml's csr.reviewers. Earlier opinions,
 * decisions and late reasons are never overwritten silently: --amend moves them into the review
 * history.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { isSeq, parseDocument, type Document } from "yaml";
import { localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { didYouMean, localized, oneLine } from "../../core/text.js";
import { findRoot } from "../../load/discover.js";
import { refuseOnConflicts } from "../../load/git.js";
import { loadRepository, type Located, type Repository } from "../../load/repository.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { estimatedDeadlineNote, workdaysLeft, workdaysOverdue } from "../../model/calendar.js";
import { countersigning, csrStatus, missingOpinions, overruledBy, requiredDepartments, reviewDue, reviewOpen, reviewRecordText, reviewStart } from "../../model/csr-status.js";
import { currentReviewRound, firstDecisionOfRound, standingReviewRounds, type RoundStart } from "../../model/review-timeliness.js";
import { revisionName } from "../../i18n/values.js";
import { csrDistributions, distributionRevision, redistributionDue } from "../../model/distribution.js";
import { buildIndex, isMilitaryRepresentative, militaryParties, type RepoIndex } from "../../model/index.js";
import { eventLabel } from "../../model/recorded-events.js";
import { REPORT_SIGNER_ROLES, type Csr, type Decision, type Disposition, type Opinion, type OpinionValue, type Person, type ReviewRecord } from "../../model/types.js";
import { canPrompt, codedChoices, loadPrompts, missingArgument, missingFlag, recordingPrompts, type Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { choiceOption, dateAnswer, eventDateAnswer, eventDateOption, refuseBefore, type Follows } from "../options.js";
import { findCsr } from "../show/lookup.js";
import { listOption, reportPersisted } from "../shared/edit.js";
import { departmentLabel, personChoice, personLabel, refuseNotMilitary, refuseOperator, refuseOutsidePerson, resolveDepartment, resolvePerson, worksOn } from "../shared/people.js";
import { appendIn, mapNode, persistChanges, refuseUnreadableConfig, uncommittedUnder, verifyChanges, yamlText, type FileChange } from "../shared/persist.js";
import { withRepositoryLock } from "../shared/transaction.js";
import { disjunction, language, list, t } from "../../i18n/index.js";
import { codesWithLabels } from "../../i18n/values.js";
import { approverToType } from "../../model/people.js";
import { dispositionKey } from "../../model/decision.js";

export interface ReviewFlags {
  department?: string;
  reviewer?: string;
  opinion?: string;
  comment?: string;
  disposition?: string;
  justification?: string;
  by?: string;
  lateReason?: string;
  /** Who recorded the review report (记录) and who led the review (评审组长): people.yaml ids or names. */
  recorder?: string;
  leader?: string;
  /** The military representative (军代表) who signs the review report in agreement: a person of a military-representative party. */
  militaryRepresentative?: string;
  date?: string;
  /** The departments that countersign this CSR (review.required), by code or name, instead of csr.reviewers. */
  required?: string[];
  /** Which signed paper review record (评审记录编号) holds the departments' opinions: review.record.ref. */
  record?: string;
  /** The form that record was filled in on (表单编号), a form of the repository: review.record.form. */
  recordForm?: string;
  /**
   * A rejected requirement's alternative agreed with the customer (decision.alternative): what is met instead,
   * who agreed it for the customer, the day, and the record of the agreement.
   */
  alternative?: string;
  agreedWith?: string;
  agreedOn?: string;
  agreedRecord?: string;
  force?: boolean;
  amend?: boolean;
  yes?: boolean;
  commit?: boolean;
}

export const OPINIONS: readonly OpinionValue[] = ["accept", "accept-with-action", "reject"];
export const DISPOSITIONS: readonly Disposition[] = ["must", "optional", "not-applicable", "rejected"];

export async function reviewCommand(ctx: CommandContext, id: string | undefined, flags: ReviewFlags): Promise<number> {
  return reviewCsr(ctx, id, flags);
}

/**
 * `prompts` given: ask for whatever the flags left open, whatever the terminal (tests drive this).
 * The questions are asked first; the opinion or decision is then recorded under the repository
 * lock, from the CSR as re-read there, so that two reviewers at once both get recorded.
 */
export async function reviewCsr(ctx: CommandContext, given: string | undefined, flags: ReviewFlags, prompts?: Prompts): Promise<number> {
  // A usage error is said before anything is looked for, as commander says it of a required argument.
  if (given === undefined && !prompts && !canPrompt(flags.yes)) throw missingArgument("id", "review");
  const root = findRoot(ctx.dir);
  await refuseOnConflicts(root);
  const date = eventDateOption(flags.date, "--date");
  let ask = prompts ?? (canPrompt(flags.yes) ? await loadPrompts() : undefined);
  const id = given ?? (await askCsrToReview(root, ask!));
  if (ask) {
    const recorder = recordingPrompts(ask);
    await prepareReview(root, id, flags, date, recorder);
    ask = recorder.replay();
  }
  const answers = ask;
  return withRepositoryLock(ctx, root, async () => {
    const { repo, index, change, summary } = await prepareReview(root, id, flags, date, answers);
    verifyChanges(repo, [change], localToday());
    // Earlier steps of the round written without --commit go into this commit, which then records the whole round.
    const uncommitted = flags.commit ? uncommittedUnder<NonNullable<Csr["review"]>>(root, change.path, "review") : undefined;
    const earlier = uncommitted && uncommitted !== "clean" ? reviewSteps(uncommitted, index) : undefined;
    const what = summary.commit + (earlier ? t("commit.review.with-earlier", { steps: list(earlier) }) : "");
    const message = flags.commit ? oneLine(t("commit.review", { id, what })) : undefined;
    // A file found clean just now, under the lock, is not asked about again.
    const persisted = await persistChanges(root, [change], message, undefined, uncommitted ? [change.path] : []);
    ctx.stdout(summary.lines.join("\n") + "\n");
    if (summary.note) ctx.stderr(summary.note);
    reportPersisted(ctx, persisted, message ?? "");
    return 0;
  });
}

/**
 * The CSR to review, picked at a terminal from those awaiting review (received or in review, not
 * superseded), the one due soonest first: each with its review deadline, or how far past it it is.
 * Errors: UserError when none awaits review.
 */
async function askCsrToReview(root: string, ask: Prompts): Promise<string> {
  const repo = loadRepository(root);
  const index = buildIndex(repo);
  const config = repo.config?.value;
  const calendar = repositoryCalendar(config);
  const today = localToday();
  const awaiting = repo.csrs
    .map((c) => c.value)
    .filter((csr) => reviewOpen(csrStatus(csr, (d) => index.documents.get(d)?.value, today, config)))
    .map((csr) => ({ csr, due: reviewDue(csr, calendar, config) }))
    .sort((a, b) => a.due.localeCompare(b.due) || a.csr.id.localeCompare(b.csr.id, "en", { numeric: true }));
  if (awaiting.length === 0) throw new UserError(t("review.pick.none"), t("review.pick.none.hint"));
  const choices = codedChoices(
    awaiting.map(({ csr, due }) => {
      const left = workdaysLeft(calendar, due, today);
      const when = left < 0 ? t("review.pick.overdue", { due, count: -left }) : t("review.pick.due", { due, count: left });
      return { value: csr.id, name: csr.title, name_en: csr.title_en, note: when };
    }),
  );
  // The answer line shows the CSR's id, as it was typed on the command line.
  return ask.select({ message: t("review.pick"), choices: choices.map((c) => ({ ...c, short: c.value })) });
}

/** Reads the repository and the CSR's file and computes the edited file; writes nothing. */
async function prepareReview(root: string, id: string, flags: ReviewFlags, date: string, ask: Prompts | undefined): Promise<{ repo: Repository; index: RepoIndex; change: FileChange; summary: Outcome }> {
  const repo = loadRepository(root);
  // Before the reviewer is looked up in people.yaml: "no such person" would hide the cause.
  refuseUnreadableConfig(repo);
  const index = buildIndex(repo);
  const csr = findCsr(repo, id);
  if (csr.value.superseded) throw new UserError(t("review.superseded", { id, reason: csr.value.superseded.reason }));
  const wantsOpinion = [flags.department, flags.reviewer, flags.opinion, flags.comment].some((v) => v !== undefined);
  const wantsDecision = [flags.disposition, flags.justification, flags.by, flags.lateReason, ...alternativeFlags(flags)].some((v) => v !== undefined);
  if (wantsOpinion && wantsDecision) throw new UserError(t("review.opinion-and-decision"));
  // A late reason alone, given a decision or a confirmation, explains the round they closed; with --disposition it goes with a new decision.
  const closed = csr.value.review?.decision !== undefined || (csr.value.review?.confirmations ?? []).some((c) => c.source_revision === csr.value.source.revision);
  const onlyLateReason = flags.lateReason !== undefined && [flags.disposition, flags.justification, flags.by].every((v) => v === undefined) && closed;
  const wantsSigners = flags.recorder !== undefined || flags.leader !== undefined || flags.militaryRepresentative !== undefined;
  if (wantsOpinion && wantsSigners) throw new UserError(t("review.opinion-and-decision"));
  // The report's signers alone, on a decided review, complete its record; with --disposition they go with a new decision.
  const onlySigners = wantsSigners && !wantsDecision;
  if (flags.required !== undefined && (wantsOpinion || wantsDecision || wantsSigners)) throw new UserError(t("review.required.alone"));
  const wantsRecord = flags.record !== undefined || flags.recordForm !== undefined;
  // The paper record goes alone, or with the decision it was the review of (the countersigns, then the decision, in one command).
  const recordWithDecision = wantsRecord && flags.disposition !== undefined;
  if (wantsRecord && (wantsOpinion || flags.required !== undefined || (!recordWithDecision && (wantsDecision || wantsSigners)))) throw new UserError(t("review.record.alone"));
  let mode: Mode | undefined = recordWithDecision ? "decision" : wantsRecord ? "record" : flags.required !== undefined ? "required" : wantsOpinion ? "opinion" : onlyLateReason ? "late-reason" : wantsDecision ? "decision" : onlySigners ? "signers" : undefined;
  if (!mode && ask) {
    const late = unexplainedLateRound(repo, index, csr.value, date);
    // Every opinion required in (or a signed record holding them), no decision yet: what is left is the decision (tester56 D14).
    const decisionDue = csr.value.review?.decision === undefined && (csr.value.review?.record !== undefined || missingOpinions(csr.value, repo.config?.value).length === 0);
    mode = await ask.select<Mode>({
      message: `${id} ${csr.value.title}`,
      ...(decisionDue ? { default: "decision" as const } : {}),
      choices: [
        { value: "opinion", name: t("prompt.review.mode-opinion") },
        { value: "decision", name: t("prompt.review.mode-decision") },
        ...(late ? [{ value: "late-reason" as const, name: t(late === "confirmed" ? "review.prompt.mode-late-reason.confirmation" : "review.prompt.mode-late-reason") }] : []),
      ],
    });
  }
  if (!mode) throw new UserError(t("review.nothing-to-record"));
  const original = readFileSync(join(root, csr.file.path), "utf8");
  const doc = parseDocument(original);
  const summary =
    mode === "opinion"
      ? await recordOpinion(repo, index, csr, doc, flags, date, ask)
      : mode === "late-reason"
        ? await recordLateReason(repo, index, csr, doc, flags, date, ask)
        : mode === "signers"
          ? recordSigners(index, csr, doc, flags, date)
          : mode === "required"
            ? recordRequired(repo, index, csr, doc, flags.required!)
            : mode === "record"
              ? await recordPaperRecord(repo, index, csr, doc, flags, date, ask)
              : recordWithDecision
                ? await recordDecisionOnRecord(repo, index, csr, doc, flags, date, ask)
                : await recordDecision(repo, index, csr, doc, flags, date, ask);
  return { repo, index, change: { path: csr.file.path, kind: "csr", text: yamlText(doc, original) }, summary };
}

/**
 * The review steps (会签 opinions, a paper record, signatures …) written to the CSR's file by earlier
 * `csr review` runs without --commit, as the commit message names them: the file's uncommitted
 * changes, all in its `review` (uncommittedUnder: compared with the last commit, comments and layout
 * included; a file with other changes, or a file not yet committed, --commit refuses as it does for
 * every command).
 */
function reviewSteps(changed: { was: NonNullable<Csr["review"]> | undefined; is: NonNullable<Csr["review"]> | undefined }, index: RepoIndex): string[] {
  const [was, is] = [changed.was ?? {}, changed.is ?? {}];
  const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);
  const steps = [
    ...(same(was.required, is.required) ? [] : [t("commit.review.required", { departments: list((is.required ?? []).map((d) => departmentLabel(index, d))) })]),
    ...(is.opinions ?? [])
      .filter((o) => !(was.opinions ?? []).some((w) => same(w, o)))
      .map((o) => t("commit.review.opinion", { department: departmentLabel(index, o.department), opinion: t(`value.opinion.${o.opinion}`) })),
    ...(is.record && !same(was.record, is.record) ? [t("review.commit.record", { record: reviewRecordText(is.record) })] : []),
    ...(is.decision && !same(was.decision, is.decision) ? [t("commit.review.decision", { disposition: t(`value.disposition.${is.decision.disposition}`) })] : []),
    ...(is.late_reason !== undefined && was.late_reason !== is.late_reason ? [t("review.commit.late-reason")] : []),
    ...(REPORT_SIGNER_ROLES.some((role) => !same(was[role], is[role])) ? [t("commit.review.signers")] : []),
  ];
  return steps.length > 0 ? steps : [t("commit.review.other-steps")];
}

type Mode = "opinion" | "decision" | "late-reason" | "signers" | "required" | "record";

interface Outcome {
  lines: string[];
  /** What the commit message says after 'csr review <id>: '. */
  commit: string;
  /** For stderr: the deadline the decision was measured against was counted without a year's public holidays. */
  note?: string;
}

async function recordOpinion(repo: Repository, index: RepoIndex, { value: csr }: Located<Csr>, doc: Document, flags: ReviewFlags, given: string, ask: Prompts | undefined): Promise<Outcome> {
  refuseBefore(given, "--date", startOf(csr));
  const config = repo.config?.value;
  const departments = config?.departments ?? [];
  const missing = missingOpinions(csr, config);
  const opinions = csr.review?.opinions ?? [];
  const signed = (code: string) => opinions.find((o) => o.department === code);
  // The departments still to countersign first, those that have signed this round last: marked with
  // the day and who signed, and choosable only to amend (--amend), never signed twice unseen.
  const rank = (code: string) => (missing.includes(code) ? 0 : signed(code) ? 2 : 1);
  const choices = [...departments]
    .sort((a, b) => rank(a.code) - rank(b.code))
    .map((d) => {
      const opinion = signed(d.code);
      const mark = opinion
        ? `  ${t("review.prompt.signed", { date: opinion.date, reviewer: personName(index, opinion.reviewer), opinion: t(`value.opinion.${opinion.opinion}`) })}`
        : missing.includes(d.code)
          ? `  ${t("prompt.review.opinion-missing")}`
          : "";
      const name = localized(language(), d.name, d.name_en);
      return { value: d.code, name: `${d.code}  ${name}${mark}`, short: `${d.code}  ${name}`, ...(opinion && !flags.amend ? { disabled: t("review.prompt.signed.amend") } : {}) };
    });
  if (flags.department === undefined && ask && choices.length > 0 && choices.every((c) => c.disabled !== undefined)) {
    throw new UserError(t("review.all-signed", { id: csr.id }), t("review.opinion-exists.hint"));
  }
  const department =
    (flags.department === undefined ? undefined : resolveDepartment(index, flags.department, "--department")) ??
    (await need(ask, "--department", t("review.needs.department"), (p) => p.select({ message: t("prompt.review.department"), choices })));
  refuseSecondOpinion(index, csr, department, flags.amend === true);
  // A paper 会签 sheet is often transcribed days later: the date it was signed, asked as --date is read.
  const date = await askDate(ask, flags, given, t("prompt.review.opinion-date"), startOf(csr));
  const present = repo.people.filter((p) => worksOn(p.value, date));
  const members = present.filter((p) => p.value.department === department && !p.value.operator).map((p) => p.value);
  const reviewer = resolvePerson(
    index,
    flags.reviewer ??
      (await need(ask, "--reviewer", t("review.needs.reviewer"), (p) =>
        p.select({ message: t("prompt.review.reviewer"), choices: (members.length > 0 ? members : present.map((x) => x.value).filter((x) => !x.operator)).map((x) => personChoice(index, x)) }),
      )),
    "--reviewer",
    date,
  ).id;
  refuseOutsidePerson(index, index.people.get(reviewer)!.value, "--reviewer");
  refuseOperator(index, index.people.get(reviewer)!.value, "--reviewer");
  const opinion =
    flags.opinion !== undefined
      ? choiceOption(flags.opinion, "--opinion", OPINIONS, "accept")
      : await need(ask, "--opinion", t("review.needs.opinion"), (p) => p.select({ message: t("prompt.review.opinion"), choices: OPINIONS.map((o) => ({ value: o, name: t(`value.opinion.${o}`) })) }));
  // 有条件同意 agrees on a condition: the record names the action, or nobody can be held to it;
  // 不同意 stops the requirement: the record says why, or the decision cannot answer it.
  const needsAction = opinion === "accept-with-action";
  const needsReason = opinion === "reject";
  const comment =
    flags.comment ??
    (ask
      ? optional(
          await ask.input(
            needsAction
              ? { message: t("prompt.review.action"), validate: (v) => v.trim() !== "" || t("prompt.review.action-required") }
              : needsReason
                ? { message: t("review.prompt.reject-reason"), validate: (v) => v.trim() !== "" || t("review.prompt.reject-reason-required") }
                : { message: t("prompt.comment-optional") },
          ),
        )
      : undefined);
  if (needsAction && !comment?.trim()) throw new UserError(t("review.action-required", { opinion: t("value.opinion.accept-with-action") }));
  if (needsReason && !comment?.trim()) throw new UserError(t("review.reject-reason-required", { opinion: t("value.opinion.reject") }));
  const entry: Opinion = { department, reviewer, opinion, date, ...(comment ? { comment } : {}) };
  const earlier = opinions.findIndex((o) => o.department === department);
  const old = opinions[earlier];
  // An opinion given or changed after the decision takes the decision's ground away: the decision is made
  // again (and its earlier one kept in the history), never the opinion back-dated (tester23 F11). A forced
  // decision went without some countersigns, which may follow it (csr/forced-decision).
  const decision = csr.review?.decision;
  if (decision && !decision.forced && date > decision.date) {
    throw new UserError(
      t("review.opinion-after-decision", { id: csr.id, department: departmentLabel(index, department), date, disposition: t(`value.disposition.${decision.disposition}`), decided: decision.date }),
      t("review.opinion-after-decision.hint", { id: csr.id, by: decision.by, date, dispositions: disjunction(codesWithLabels(DISPOSITIONS)) }),
    );
  }

  const lines: string[] = [];
  if (old) {
    const round = mapNode(doc, { reason: "amended", closed: date });
    round.set("opinions", doc.createNode([doc.getIn(["review", "opinions", earlier], true)]));
    appendIn(doc, ["review", "history"], round);
    doc.setIn(["review", "opinions", earlier], doc.createNode(entry));
    lines.push(t("review.earlier-opinion-kept", { department: departmentLabel(index, department), opinion: t(`value.opinion.${old.opinion}`), date: old.date }));
  } else {
    appendIn(doc, ["review", "opinions"], entry);
  }
  const still = missing.filter((d) => d !== department);
  lines.unshift(t("review.opinion-recorded", { id: csr.id, department: departmentLabel(index, department), opinion: t(`value.opinion.${opinion}`), reviewer: personLabel(index, reviewer), date }));
  lines.push(
    still.length > 0
      ? t("review.still-missing", { departments: list(still.map((d) => departmentLabel(index, d))) })
      : csr.review?.decision
        ? t("review.all-opinions-in")
        : t("review.all-opinions-in-decide", { id: csr.id, by: approverToType(index.people, language(), localToday()), dispositions: disjunction(codesWithLabels(DISPOSITIONS)) }),
  );
  return { lines, commit: t("commit.review.opinion", { department: departmentLabel(index, department), opinion: t(`value.opinion.${opinion}`) }) };
}

/**
 * A department countersigns once a round: a second opinion of the same department replaces the
 * first only with --amend (which keeps it in the history). Refused before anything else is asked.
 * Errors: UserError naming the opinion on record.
 */
function refuseSecondOpinion(index: RepoIndex, csr: Csr, department: string, amend: boolean): void {
  const old = (csr.review?.opinions ?? []).find((o) => o.department === department);
  if (!old || amend) return;
  throw new UserError(
    t("review.opinion-exists", { department: departmentLabel(index, department), id: csr.id, opinion: t(`value.opinion.${old.opinion}`), reviewer: personLabel(index, old.reviewer), date: old.date }),
    t("review.opinion-exists.hint"),
  );
}

/** A person's name in the reader's language, as a list shows it; the id when people.yaml has no such person. */
function personName(index: RepoIndex, id: string): string {
  const person = index.people.get(id)?.value;
  return person ? localized(language(), person.name, person.name_en) : id;
}

async function recordDecision(repo: Repository, index: RepoIndex, { value: csr }: Located<Csr>, doc: Document, flags: ReviewFlags, given: string, ask: Prompts | undefined): Promise<Outcome> {
  const config = repo.config?.value;
  const earlier = csr.review?.decision;
  if (earlier && !flags.amend) {
    throw new UserError(
      t("review.already-decided", { id: csr.id, disposition: t(`value.disposition.${earlier.disposition}`), by: personLabel(index, earlier.by), date: earlier.date }),
      t("review.already-decided.hint"),
    );
  }
  const last = (csr.review?.opinions ?? []).reduce<string | undefined>((latest, o) => (latest === undefined || o.date > latest ? o.date : latest), undefined);
  const follows: Follows = last !== undefined && last > reviewStart(csr) ? { what: eventLabel("review.event.last-opinion"), of: csr.id, date: last } : startOf(csr);
  refuseBefore(given, "--date", follows);
  // A named paper review record holds the countersigns (会签) of the round, as csr check accepts them
  // (csr/review-incomplete, csr/forced-decision): the decision follows it and is not forced.
  const paper = csr.review?.record;
  const missing = paper ? [] : missingOpinions(csr, config);
  if (missing.length > 0 && !flags.force) {
    throw new UserError(
      t("review.opinions-missing", { id: csr.id, missing: list(missing.map((d) => departmentLabel(index, d))), required: list(requiredDepartments(csr, config).map((d) => departmentLabel(index, d))) }),
      t("review.opinions-missing.hint", { id: csr.id, department: missing[0]! }),
    );
  }
  const disposition =
    flags.disposition !== undefined
      ? choiceOption(flags.disposition, "--disposition", DISPOSITIONS, "must")
      : await need(ask, "--disposition", t("review.needs.disposition"), (p) => p.select({ message: t("prompt.review.disposition"), choices: DISPOSITIONS.map((d) => ({ value: d, name: t(`value.disposition.${d}`) })) }));
  // An alternative's options are checked before anything more is asked: they go only with a rejection.
  refuseMisplacedAlternative(flags, disposition);
  const needsWhy = disposition === "not-applicable" || disposition === "rejected";
  // Meeting a requirement over a department's 不同意 says how the objection was resolved (csr/rejection-overruled).
  const overruled = overruledBy(disposition, csr.review?.opinions ?? []);
  const rejecting = list(overruled.map((o) => departmentLabel(index, o.department)));
  // Asked when not given: required for a refusal and over a 不同意, else optional (at a terminal only).
  const askJustification = async (): Promise<string | undefined> => {
    if (needsWhy) {
      return need(ask, "--justification", t("review.needs.justification", { disposition: t(`value.disposition.${disposition}`) }), (p) => p.input({ message: t("prompt.review.justification"), required: true }));
    }
    if (overruled.length > 0) {
      return need(ask, "--justification", t("review.needs.justification-overruled", { departments: rejecting }), (p) =>
        p.input({ message: t("review.prompt.justification-overruled", { departments: rejecting }), required: true }),
      );
    }
    return ask ? optional(await ask.input({ message: t("prompt.review.justification-optional") })) : undefined;
  };
  const justification = flags.justification ?? (await askJustification());
  if (needsWhy && !justification?.trim()) throw new UserError(t("review.justification-required", { disposition: t(`value.disposition.${disposition}`) }));
  if (overruled.length > 0 && !justification?.trim()) throw new UserError(t("review.justification-overruled-required", { disposition: t(`value.disposition.${disposition}`), departments: rejecting }));
  const date = await askDate(ask, flags, given, t("prompt.review.decision-date"), follows);
  const alternative = agreedAlternative(flags, disposition, date, { what: eventLabel("rule.date/event.csr-received"), of: csr.id, date: csr.received });
  const by = resolvePerson(index, flags.by ?? (await need(ask, "--by", t("review.needs.by"), (p) => askApprover(p, repo, index, date))), "--by", date).id;
  const decision: Decision = { disposition, ...(justification ? { justification } : {}), by, date, ...(missing.length > 0 ? { forced: true } : {}), ...(alternative ? { alternative } : {}) };

  const lines = [t("review.decision-recorded", { id: csr.id, disposition: t(`value.disposition.${dispositionKey(decision)}`), by: personLabel(index, by), date })];
  if (alternative) lines.push(t("review.alternative-recorded", { id: csr.id, text: alternative.text, with: alternative.agreed_with, on: alternative.agreed_on, record: alternative.record ? t("show.alternative.record", { record: alternative.record }) : "" }));
  const calendar = repositoryCalendar(config);
  const due = reviewDue(csr, calendar, config);
  const earlierReason = csr.review?.late_reason;
  // The round was reviewed when its first decision was taken: an amendment is a new decision, not a late review.
  const reviewed = (earlier && firstDecisionOfRound(csr)?.date) || date;
  let lateReason: string | undefined;
  // Late from the calendar day after the deadline, as the review-timeliness register judges the round (pastDeadline).
  if (reviewed > due) {
    lateReason = flags.lateReason ?? earlierReason ?? (ask ? optional(await ask.input({ message: t("prompt.review.late-reason", { due }) })) : undefined);
    if (lateReason) doc.setIn(["review", "late_reason"], lateReason);
    // The reminder the README promises for a decision after the review period, with the reason it now carries.
    lines.push(lateReason ? t("review.decided-late", { due, count: workdaysOverdue(calendar, due, reviewed), reason: lateReason }) : t("review.late", { due }));
  } else if (flags.lateReason !== undefined) {
    throw new UserError(t("review.not-late", { id: csr.id, due, date: reviewed }));
  } else if (earlierReason !== undefined) {
    // The amended decision is in time: the reason explained the one it replaces.
    doc.deleteIn(["review", "late_reason"]);
  }
  // The review report's signatures were given under the decision amended: they go with it, and the new one is signed again.
  const resign = earlier ? SIGNERS.filter(([role]) => csr.review?.[role] !== undefined) : [];
  if (earlier) {
    const round = mapNode(doc, { reason: "amended", closed: date });
    round.set("decision", doc.getIn(["review", "decision"], true));
    if (earlierReason !== undefined && earlierReason !== lateReason) round.set("late_reason", earlierReason);
    for (const [role] of resign) {
      round.set(role, doc.getIn(["review", role], true));
      doc.deleteIn(["review", role]);
    }
    appendIn(doc, ["review", "history"], round);
    lines.push(t("review.earlier-decision-kept", { disposition: t(`value.disposition.${earlier.disposition}`), date: earlier.date }));
    if (date > due && reviewed <= due) lines.push(t("review.amended-in-time", { reviewed, due }));
  }
  if (missing.length > 0) lines.push(t("review.forced", { departments: list(missing.map((d) => departmentLabel(index, d))) }));
  const notGiven = paper ? missingOpinions(csr, config) : [];
  if (paper && notGiven.length > 0) lines.push(t("review.decision.on-record", { record: reviewRecordText(paper), departments: list(notGiven.map((d) => departmentLabel(index, d))) }));
  doc.setIn(["review", "decision"], doc.createNode(decision));
  // A decision on a new source revision of a CSR distributed before (tester54a A10): the departments have the earlier wording.
  // Whatever the decision, as csr distribute takes any and csr show asks for it.
  const redistribute = redistributionDue(csr);
  if (redistribute) {
    const earlier = [...new Set(csrDistributions(csr).map((d) => distributionRevision(csr, d)).filter((r) => r !== undefined))].map(revisionName);
    lines.push(t("review.distribute-again", { id: csr.id, earlier: list(earlier), revision: revisionName(redistribute.revision), to: redistribute.departments.join(" ") }));
  }
  const signing = ask && militaryParties(index).length > 0 ? await askSigners(ask, repo, index, flags, date) : flags;
  lines.push(...setSigners(index, doc, signing, date));
  const unsigned = resign.filter(([, flag]) => signing[flag] === undefined);
  if (unsigned.length > 0) {
    lines.push(
      t("review.signers.moved", {
        signers: list(resign.map(([role]) => t(`review.signers.${role}`, { person: personLabel(index, csr.review![role]!.by) }))),
        id: csr.id,
        options: unsigned.map(([, , option]) => `${option} <${t("review.signers.person")}>`).join(" "),
      }),
    );
  }
  const note = estimatedDeadlineNote(calendar, reviewStart(csr), due);
  return {
    lines,
    commit: t("commit.review.decision", { disposition: t(`value.disposition.${dispositionKey(decision)}`) }) + (earlier ? t("commit.review.amended") : "") + (missing.length > 0 ? t("commit.review.forced") : ""),
    ...(note ? { note } : {}),
  };
}

/** The options of an agreed alternative (csr review --alternative …), in the order the command names them. */
function alternativeFlags(flags: ReviewFlags): (string | undefined)[] {
  return [flags.alternative, flags.agreedWith, flags.agreedOn, flags.agreedRecord];
}

/** Errors (UserError): an alternative's options without --alternative, or with a disposition other than rejected. */
function refuseMisplacedAlternative(flags: ReviewFlags, disposition: Disposition): void {
  if (alternativeFlags(flags).every((v) => v === undefined)) return;
  if (flags.alternative === undefined) throw new UserError(t("review.alternative.needs-text"));
  if (disposition !== "rejected") throw new UserError(t("review.alternative.only-rejected", { disposition: t(`value.disposition.${disposition}`), rejected: t("value.disposition.rejected") }));
}

/**
 * The alternative agreed with the customer for a requirement rejected as written (--alternative, --agreed-with,
 * --agreed-on, --agreed-record; IATF 16949 4.3.2 and 7.5.3.2.2: the agreed deviation is then what is met), or
 * undefined when none is given. Errors (UserError): the options without --alternative or with a disposition other
 * than rejected; --alternative without who agreed it or the day; a day not YYYY-MM-DD, in the future, before the CSR
 * was received (`received`: an alternative may be agreed in an earlier round) or after the decision's `decided` day.
 */
function agreedAlternative(flags: ReviewFlags, disposition: Disposition, decided: string, received: Follows): Decision["alternative"] {
  if (alternativeFlags(flags).every((v) => v === undefined)) return undefined;
  refuseMisplacedAlternative(flags, disposition);
  const text = (flags.alternative ?? "").trim();
  const agreedWith = flags.agreedWith?.trim();
  if (text === "" || !agreedWith || flags.agreedOn === undefined) throw new UserError(t("review.alternative.needs-agreement"));
  const agreedOn = eventDateOption(flags.agreedOn, "--agreed-on");
  refuseBefore(agreedOn, "--agreed-on", received);
  if (agreedOn > decided) throw new UserError(t("review.alternative.after-decision", { agreed: agreedOn, decided }));
  const record = flags.agreedRecord?.trim();
  return { text, agreed_with: agreedWith, agreed_on: agreedOn, ...(record ? { record } : {}) };
}

/**
 * The signed paper review record (--record, --record-form) and the decision taken on it, in one
 * command: the record is named first (recordPaperRecord), so that its countersigns stand for the
 * opinions missing here and the decision is not forced. A record the same as the one on file is
 * simply the record the decision follows.
 */
async function recordDecisionOnRecord(repo: Repository, index: RepoIndex, located: Located<Csr>, doc: Document, flags: ReviewFlags, date: string, ask: Prompts | undefined): Promise<Outcome> {
  const earlier = located.value.review?.record;
  const same = earlier !== undefined && (flags.record === undefined || flags.record.trim() === earlier.ref) && (flags.recordForm === undefined || flags.recordForm.trim() === earlier.form);
  const named = same ? undefined : await recordPaperRecord(repo, index, located, doc, flags, date, ask);
  const record = (doc.getIn(["review", "record"]) as { toJSON(): ReviewRecord }).toJSON();
  const csr: Located<Csr> = { ...located, value: { ...located.value, review: { ...located.value.review, record } } };
  const decided = await recordDecision(repo, index, csr, doc, flags, date, ask);
  if (!named) return decided;
  return { ...decided, lines: [...named.lines, ...decided.lines], commit: named.commit + t("common.list-separator") + decided.commit };
}

/** The option of each of the review report's signers besides the decision's 批准 (a record covers every role of REPORT_SIGNER_ROLES). */
const SIGNER_OPTIONS = {
  recorder: ["recorder", "--recorder"],
  leader: ["leader", "--leader"],
  military_representative: ["militaryRepresentative", "--military-representative"],
} as const satisfies Record<(typeof REPORT_SIGNER_ROLES)[number], readonly [keyof ReviewFlags, string]>;
const SIGNERS = REPORT_SIGNER_ROLES.map((role) => [role, ...SIGNER_OPTIONS[role]] as const);

/**
 * The signatures of the review report (评审报告) besides the decision's 批准: who recorded it (记录,
 * `review.recorder`), the review team leader (评审组长, `review.leader`) and, in a GJB 9001C
 * repository, the military representative who agrees to it (军代表, `review.military_representative`;
 * GJB 9001C 8.2.3: the customer takes part in the review of the requirements), each `{by, date}` dated
 * like the decision (IATF 16949 7.5.3.2.2 / 4.3.2: the written review report of the project group;
 * records attributable, 7.5.3.2.1). Returns the lines that say what was recorded.
 * Errors (UserError): an unknown person or one who had left by `date`; as 军代表, someone who is not
 * of a military representative office (refuseNotMilitary); as 记录 or 评审组长, a 军代表.
 */
function setSigners(index: RepoIndex, doc: Document, flags: ReviewFlags, date: string): string[] {
  const signers = SIGNERS.flatMap(([role, flag, option]) => {
    const given = flags[flag];
    if (given === undefined) return [];
    const person = resolvePerson(index, given, option, date);
    refuseOperator(index, person, option);
    if (role === "military_representative") refuseNotMilitary(index, person, option, "review.military-representative.not-military");
    else refuseMilitary(index, person, option, t(`review.signer-role.${role}`));
    return [{ role, by: person.id }];
  });
  for (const { role, by } of signers) doc.setIn(["review", role], doc.createNode({ by, date }, { flow: true }));
  if (signers.length === 0) return [];
  return [t("review.signers.recorded", { signers: list(signers.map(({ role, by }) => t(`review.signers.${role}`, { person: personLabel(index, by) }))), date })];
}

/**
 * At a terminal in a repository with a military representative office (GJB 9001C), the review
 * report's signatures besides the decision's 批准 that the flags left open: 记录 and 评审组长 among the
 * organisation's people working on `date`, 军代表 among the office's (GJB 9001C 8.2.3: the customer
 * takes part in the review of the requirements). Each can be left for later ('csr review <id>
 * --recorder ...' on the decided CSR), as a signature given on paper days afterwards often is.
 * Returns the flags with the answers.
 */
async function askSigners(ask: Prompts, repo: Repository, index: RepoIndex, flags: ReviewFlags, date: string): Promise<ReviewFlags> {
  const present = repo.people.map((p) => p.value).filter((p) => worksOn(p, date));
  const answers: ReviewFlags = { ...flags };
  for (const [role, flag, option] of SIGNERS) {
    if (flags[flag] !== undefined) continue;
    const military = role === "military_representative";
    const people = present.filter((p) => isMilitaryRepresentative(index, p) === military);
    if (people.length === 0) continue;
    const answer = await ask.select<string>({
      message: t(`review.prompt.signer.${role}`),
      choices: [...people.map((p) => personChoice(index, p)), { value: "", name: t("review.prompt.signer.later", { option }) }],
    });
    if (answer !== "") answers[flag] = answer;
  }
  return answers;
}

/**
 * `--recorder`/`--leader`/`--military-representative` alone, on a decided review: the report's signatures
 * added afterwards, dated by --date or else today, the day they are recorded (tester56 D5). One recorded already is replaced only with --amend, and
 * kept in the review history.
 * Errors (UserError, one line): no decision yet; a signature recorded already, without --amend.
 */
function recordSigners(index: RepoIndex, { value: csr }: Located<Csr>, doc: Document, flags: ReviewFlags, date: string): Outcome {
  const decision = csr.review?.decision;
  if (!decision && flags.militaryRepresentative !== undefined) throw new UserError(t("review.military-representative.undecided", { id: csr.id }));
  if (!decision) throw new UserError(t("review.signers.undecided", { id: csr.id }), t("review.signers.undecided.hint", { id: csr.id }));
  for (const [role, flag] of SIGNERS) {
    const recorded = csr.review?.[role];
    if (flags[flag] !== undefined && recorded && !flags.amend) {
      throw new UserError(t("review.signers.exists", { id: csr.id, signer: t(`review.signers.${role}`, { person: personLabel(index, recorded.by) }), date: recorded.date ?? "" }), t("review.signers.exists.hint"));
    }
  }
  // Signed when it is recorded, as --help says (today, or --date), not on the decision's day: a 军代表 who signs two days later
  // signed then (tester56 D5). Not before the decision, which the report records.
  const on = date;
  refuseBefore(on, "--date", { what: eventLabel("rule.person/work.csr-decision"), of: csr.id, date: decision.date });
  // A signature replaced (--amend) stays in the review history, as an amended decision does (csr/review-rewritten).
  const replaced = SIGNERS.filter(([role, flag]) => flags[flag] !== undefined && csr.review?.[role] !== undefined);
  if (replaced.length > 0) {
    const round = mapNode(doc, { reason: "amended", closed: date });
    for (const [role] of replaced) round.set(role, doc.getIn(["review", role], true));
    appendIn(doc, ["review", "history"], round);
  }
  const lines = setSigners(index, doc, flags, on);
  return { lines: [t("review.signers.for", { id: csr.id, line: lines[0]! })], commit: t("commit.review.signers") };
}

/**
 * The departments that countersign this CSR (review.required), in place of qms.yaml's csr.reviewers:
 * a customer requirement about logistics needs 物流部's opinion, one about software 研发部's.
 * Refused once the round is decided: the opinions it was decided on were those of the departments
 * required then, and changing the list afterwards would rewrite that record.
 */
function recordRequired(repo: Repository, index: RepoIndex, { value: csr }: Located<Csr>, doc: Document, given: readonly string[]): Outcome {
  const decision = csr.review?.decision;
  if (decision) throw new UserError(t("review.required.decided", { id: csr.id, date: decision.date }));
  const codes = [...new Set(listOption(given).map((d) => resolveDepartment(index, d, "--required")))];
  if (codes.length === 0) throw new UserError(t("review.required.empty"));
  const config = repo.config?.value;
  const label = (departments: readonly string[]) => list(departments.map((d) => departmentLabel(index, d)));
  const before = requiredDepartments(csr, config);
  const lines =
    csr.review?.required?.join() === codes.join()
      ? [t("review.required.same", { id: csr.id, departments: label(codes) })]
      : [t("review.required.set", { id: csr.id, departments: label(codes), before: label(before) || t("department.none") })];
  // The round a new source revision closed was countersigned by qms.yaml's reviewers: it keeps that list, which the
  // review report prints, before this one is named for the new round (tester56 D13).
  const closed = csr.review?.restarted !== undefined && csr.review.required === undefined ? (csr.review.history ?? []).map((round) => round.source_revision !== undefined).lastIndexOf(true) : -1;
  const kept = closed >= 0 && csr.review!.history![closed]!.required === undefined ? countersigning(csr, config, csr.review!.history![closed]) : undefined;
  if (kept) {
    const node = doc.createNode(kept.required);
    node.flow = true;
    doc.setIn(["review", "history", closed, "required"], node);
  }
  // The list's items are replaced in place, so that a comment on it stays.
  const existing = doc.getIn(["review", "required"], true);
  if (isSeq(existing)) existing.items = codes.map((code) => doc.createNode(code));
  else {
    const node = doc.createNode(codes);
    node.flow = true;
    doc.setIn(["review", "required"], node);
  }
  const missing = missingOpinions({ ...csr, review: { ...csr.review, required: codes } }, config);
  lines.push(missing.length > 0 ? t("review.required.missing", { departments: label(missing) }) : t("review.required.all-given"));
  return { lines, commit: t("commit.review.required", { departments: label(codes) }) };
}

/**
 * The signed paper review record (评审记录) that holds the departments' opinions, `review.record`
 * (--record and --record-form, on their own): the 会签 given on paper, which csr/forced-decision and
 * csr/review-incomplete then accept in place of the opinions. The number (`ref`) is a non-empty
 * text; the form (`form`) is a form of the repository, asked at a terminal when a number is given
 * without it. --record-form alone adds the form to the record already named. A record (or its form)
 * recorded already is replaced only with --amend, and kept in the review history; a new number
 * keeps the earlier form unless another is given (a corrected number rarely changes it).
 * Errors (UserError, one line): a blank number; --record-form with no record named; a form that is
 * not a form of the repository; a record already there, without --amend; nothing changed.
 */
async function recordPaperRecord(repo: Repository, index: RepoIndex, { value: csr }: Located<Csr>, doc: Document, flags: ReviewFlags, date: string, ask: Prompts | undefined): Promise<Outcome> {
  const earlier = csr.review?.record;
  if (flags.record === undefined && !earlier?.ref) throw new UserError(t("review.record-form.no-record", { id: csr.id }), t("review.record-form.no-record.hint", { id: csr.id }));
  const ref = flags.record === undefined ? earlier!.ref! : flags.record.trim();
  if (ref === "") throw new UserError(t("review.record.empty"));
  // Naming the form of a record that had none completes it: nothing recorded before is replaced.
  const completes = earlier !== undefined && flags.record === undefined && earlier.form === undefined;
  if (earlier && !flags.amend && !completes) throw new UserError(t("review.record.exists", { id: csr.id, record: reviewRecordText(earlier) }), t("review.record.exists.hint"));
  const form =
    flags.recordForm !== undefined
      ? recordForm(index, flags.recordForm)
      : flags.record !== undefined && ask
        ? await askRecordForm(ask, repo, index, earlier?.form)
        : earlier?.form;
  if (earlier && earlier.ref === ref && earlier.form === form) throw new UserError(t("review.record.same", { id: csr.id, record: reviewRecordText(earlier) }));
  const named = reviewRecordText({ ...(form ? { form } : {}), ref });
  const lines = [t("review.record.recorded", { id: csr.id, record: named })];
  if (earlier && !completes) {
    const round = mapNode(doc, { reason: "amended", closed: date });
    round.set("record", doc.getIn(["review", "record"], true));
    appendIn(doc, ["review", "history"], round);
    lines.push(t("review.record.earlier-kept", { record: reviewRecordText(earlier) }));
  }
  // The form alone goes into the record in place, beside its number and note.
  if (flags.record === undefined) doc.setIn(["review", "record", "form"], form);
  else doc.setIn(["review", "record"], doc.createNode({ ...(form ? { form } : {}), ref }));
  return { lines, commit: t("review.commit.record", { record: named }) + (earlier && !completes ? t("commit.review.amended") : "") };
}

/**
 * The form a paper review record was filled in on (--record-form): a form of the repository, in force
 * or not (a record kept from years ago was made on the form of its day). Errors (UserError, one
 * line): no such document, suggesting the nearest form numbers; a document that is not a form.
 */
function recordForm(index: RepoIndex, given: string): string {
  const number = given.trim();
  const found = index.documents.get(number)?.value;
  if (!found) {
    const forms = [...index.documents.values()].filter((d) => d.value.kind === "form").map((d) => d.value.id);
    throw new UserError(t("review.record-form.unknown", { number }) + didYouMean(number, forms), t("review.record-form.unknown.hint"));
  }
  if (found.kind !== "form") throw new UserError(t("review.record-form.not-a-form", { number, title: found.title, kind: t(`value.kind.${found.kind}`) }));
  return number;
}

/**
 * At a terminal, the form a record given by number was filled in on: the forms of the repository,
 * those in use first, preselecting the earlier record's form, else qms.yaml's csr.review_form; or none.
 */
async function askRecordForm(ask: Prompts, repo: Repository, index: RepoIndex, earlier: string | undefined): Promise<string | undefined> {
  const forms = [...index.documents.values()].map((d) => d.value).filter((d) => d.kind === "form");
  forms.sort((a, b) => Number(a.status === "obsolete") - Number(b.status === "obsolete") || a.id.localeCompare(b.id));
  const preferred = earlier ?? repo.config?.value.csr?.review_form;
  const answer = await ask.select<string>({
    message: t("review.prompt.record-form"),
    choices: [
      ...forms.map((f) => ({ value: f.id, name: `${f.id}  ${f.title}${f.status === "obsolete" ? `  ${t("review.prompt.record-form.obsolete")}` : ""}` })),
      { value: "", name: t("review.prompt.record-form.none") },
    ],
    ...(preferred && forms.some((f) => f.id === preferred) ? { default: preferred } : {}),
  });
  return answer === "" ? undefined : answer;
}

/**
 * Why the current review round closed after its review period (IATF 16949 7.5.3.2.2), recorded on
 * its own: the decision, or the confirmation of an unchanged source revision, stays as it is, and
 * the reason goes where the round is judged (model/review-timeliness.ts): `review.late_reason` for
 * the decision, the confirmation's `late_reason` for a confirmation. Refused when the round was in
 * time; a reason already recorded is replaced only with --amend, and kept in the review history.
 */
async function recordLateReason(repo: Repository, index: RepoIndex, { value: csr }: Located<Csr>, doc: Document, flags: ReviewFlags, date: string, ask: Prompts | undefined): Promise<Outcome> {
  const config = repo.config?.value;
  const current = currentReviewRound(csr, repositoryCalendar(config), config, date, index.customers.get(csr.customer)?.value);
  // A confirmation of an unchanged revision in time keeps the decision before it, late or not: a late one's reason is recorded on the decision.
  const kept = current.kind !== "confirmed" ? undefined : standingReviewRounds(csr, repositoryCalendar(config), config, date, index.customers.get(csr.customer)?.value).find((r) => r.kind !== "confirmed" && r.timeliness === "late");
  const round = kept && (current.timeliness !== "late" || (current.lateReason !== undefined && kept.lateReason === undefined)) ? kept : current;
  const confirmation = round.kind === "confirmed" ? (csr.review?.confirmations ?? []).map((c) => c.source_revision).lastIndexOf(round.revision) : -1;
  const decided = round.decided;
  if (decided === undefined) throw new UserError(t("review.late-reason-open", { id: csr.id }));
  if (round.timeliness !== "late") {
    throw new UserError(
      confirmation >= 0
        ? t("review.confirmed-in-time", { id: csr.id, revision: revisionName(round.revision), date: decided, due: round.due })
        : t("review.decided-in-time", { id: csr.id, date: decided, due: round.due }),
    );
  }
  const due = round.due;
  const path = confirmation >= 0 ? ["review", "confirmations", confirmation, "late_reason"] : ["review", "late_reason"];
  const earlier = round.lateReason;
  if (earlier !== undefined && !flags.amend) throw new UserError(t("review.late-reason-exists", { id: csr.id, reason: earlier }), t("review.late-reason-exists.hint"));
  const question = confirmation >= 0 ? t("review.prompt.late-reason.confirmation", { due, revision: revisionName(round.revision) }) : t("prompt.review.late-reason", { due });
  const reason = (flags.lateReason ?? (ask ? await ask.input({ message: question, required: true }) : "")).trim();
  if (reason === "") throw new UserError(t("review.late-reason-empty"));
  if (reason === earlier) throw new UserError(t("review.late-reason-same", { id: csr.id }));
  if (earlier !== undefined) appendIn(doc, ["review", "history"], mapNode(doc, { reason: "amended", closed: date, late_reason: earlier }));
  doc.setIn(path, reason);
  const lines = [
    confirmation >= 0
      ? t("review.late-reason-recorded.confirmation", { id: csr.id, reason, revision: revisionName(round.revision), date: decided, due })
      : t("review.late-reason-recorded", { id: csr.id, reason, date: decided, due }),
  ];
  if (earlier !== undefined) lines.push(t("review.earlier-late-reason-kept", { reason: earlier }));
  return { lines, commit: t("review.commit.late-reason") + (earlier !== undefined ? t("commit.review.amended") : "") };
}

/** How the current round closed after its review period with no reason yet (the interactive menu offers to record one); undefined when it did not. */
function unexplainedLateRound(repo: Repository, index: RepoIndex, csr: Csr, today: string): RoundStart | undefined {
  const config = repo.config?.value;
  const rounds = standingReviewRounds(csr, repositoryCalendar(config), config, today, index.customers.get(csr.customer)?.value);
  // The current round first; then the decision a confirmation keeps (it stays late).
  return [...rounds].reverse().find((round) => round.timeliness === "late" && round.lateReason === undefined)?.kind;
}

/** A 军代表 signs a review report only as 军代表, not as its recorder or team leader. Errors: UserError. */
function refuseMilitary(index: RepoIndex, person: Person, option: string, role: string): void {
  if (isMilitaryRepresentative(index, person)) throw new UserError(t("review.military-representative.other-role", { option, person: personLabel(index, person.id), role }));
}

/**
 * The date of the opinion or decision: --date when given, else asked at a terminal with today as
 * the default and checked as --date is (a date, not after today, not before the event it follows);
 * without a terminal, today.
 */
async function askDate(ask: Prompts | undefined, flags: ReviewFlags, given: string, message: string, follows: Follows): Promise<string> {
  if (flags.date !== undefined || !ask) return given;
  const answer = await ask.input({ message, default: given, required: true, validate: eventDateAnswer({ follows }) });
  return dateAnswer(answer)!;
}

/**
 * The decider, among the people the decision would accept: approvers (people.yaml role) who work
 * on `date`. Errors (UserError): there is none.
 */
async function askApprover(ask: Prompts, repo: Repository, index: RepoIndex, date: string): Promise<string> {
  const approvers = repo.people.filter((x) => x.value.roles.includes("approver") && worksOn(x.value, date));
  if (approvers.length === 0) throw new UserError(t("review.no-approver", { date }), t("review.no-approver.hint"));
  return ask.select({ message: t("prompt.review.decided-by"), choices: approvers.map((x) => personChoice(index, x.value)) });
}

async function need<T>(ask: Prompts | undefined, flag: string, what: string, question: (p: Prompts) => Promise<T>): Promise<T> {
  if (!ask) throw missingFlag(flag, what);
  return question(ask);
}

function optional(answer: string): string | undefined {
  const trimmed = answer.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** The start of the current review round, which its opinions and decision follow. */
function startOf(csr: Csr): Follows {
  return { what: eventLabel(csr.review?.restarted ? "rule.date/event.csr-restarted" : "rule.date/event.csr-received"), of: csr.id, date: reviewStart(csr) };
}
