/**
 * The customer's review of a quality problem's 归零 (the 军代表 reviews the 归零报告): GJB 9001C-2017 10.2 wants a
 * nonconformity's actions reviewed for effectiveness, and the 质量问题归零 practice (QJ 3183, GJB 5711) has the customer's
 * representative review a 归零 that is finished — all ten criteria of the 双五条 evidenced — on a day no earlier than the
 * last of that evidence. csr action zero refuses a review that breaks this; action/zeroing-review reports one written by hand.
 */
import { shellArgument } from "../core/text.js";
import { list, t } from "../i18n/index.js";
import { stepNameKey, ZEROING_PARTS, zeroingMissing, type ActionRevision, type ZeroingCriterion } from "./actions.js";
import { departmentLabel } from "./labels.js";
import { namesakeRefusal, peopleNamed } from "./person-names.js";
import { isMilitaryRepresentative, militaryParties, type RepoIndex } from "./index.js";
import type { ActionStepId, CorrectiveAction, Person, VoidedZeroingReview } from "./types.js";

/** A half of a 归零 (technical, management) and the criteria of it without evidence. */
export interface ZeroingLack {
  part: (typeof ZEROING_PARTS)[number]["part"];
  criteria: ZeroingCriterion[];
}

/** Each half of `action`'s 归零 with the criteria it lacks evidence for (zeroingMissing), technical first; empty once all ten are evidenced. */
export function zeroingLacking(action: CorrectiveAction): ZeroingLack[] {
  return ZEROING_PARTS.flatMap(({ part, criteria }) => {
    const missing = zeroingMissing(action, criteria);
    return missing.length > 0 ? [{ part, criteria: missing }] : [];
  });
}

/**
 * What a 归零 lacks, each half named apart ("技术归零缺 问题复现 的证据；管理归零缺 严肃处理、完善规章 的证据", tester68 G1), as csr
 * action zero, action/zeroing-incomplete and action/zeroing-review say it. `lacking`: zeroingLacking's.
 */
export function zeroingLackingText(lacking: readonly ZeroingLack[]): string {
  return lacking.map(({ part, criteria }) => t(`action.zero.part-missing.${part}`, { criteria: list(criteria.map((c) => t(`action.zero.criterion.${c}`))) })).join(t("action.zero.part-separator"));
}

/** The steps whose done dates date the evidence of the 归零's criteria: D4 原因分析 (定位, 机理, 复现) … D7 预防措施 (完善规章). */
const EVIDENCE_STEPS = ["D4", "D5", "D6", "D7"] as const satisfies readonly ActionStepId[];

/** The last dated evidence of a 归零: a step's done date (`step`) or a read-across check's date (`step` undefined: 举一反三). */
export interface ZeroingEvidenceDay {
  date: string;
  step?: (typeof EVIDENCE_STEPS)[number];
}

/**
 * The latest day (YYYY-MM-DD) the evidence of `action`'s 归零 carries: the done dates of D4–D7 (cause located, mechanism,
 * actions taken and verified, recurrence prevented) and the dates of its read-across checks (举一反三); the step that
 * carries it, none for a read-across. Undefined when nothing is dated. On a tie the step is named.
 */
export function lastZeroingEvidence(action: CorrectiveAction): ZeroingEvidenceDay | undefined {
  let last: ZeroingEvidenceDay | undefined;
  for (const step of EVIDENCE_STEPS) {
    const done = action.steps?.[step]?.done;
    if (done !== undefined && (last === undefined || done >= last.date)) last = { date: done, step };
  }
  for (const entry of action.read_across ?? []) if (last === undefined || entry.date > last.date) last = { date: entry.date };
  return last;
}

/** What is wrong with a recorded 归零 review (zeroingReviewProblems), one kind each. */
export type ZeroingReviewProblem =
  /** `reviewed_by` names nobody of people.yaml (by id, 工号, name or 姓名(工号), model/person-names.ts peopleNamed). */
  | { kind: "unknown-reviewer"; given: string }
  /** `reviewed_by` is a name (or 工号) two or more people of people.yaml share (`namesakes`); csr does not pick one. */
  | { kind: "namesake-reviewer"; given: string; namesakes: Person[] }
  /** The reviewer is no person of a 军代表室 (qms.yaml external_parties of kind military-representative); `offices` empty when the repository has none. */
  | { kind: "not-military"; person: Person; offices: string[] }
  /** Criteria without evidence, each half apart (technical first). */
  | { kind: "incomplete"; missing: ZeroingLack[] }
  /** The review is dated before the last evidence. */
  | { kind: "before-evidence"; reviewed: string; last: ZeroingEvidenceDay };

/**
 * What is wrong with `action`'s recorded 归零 review (`zeroing.reviewed_by`, `zeroing.reviewed`), in a repository that works
 * to GJB 9001C: a reviewer who is not a person of people.yaml (`reviewed_by` holds the id csr action zero writes, or the person
 * as a hand-written record names them — name, 工号 or 姓名(工号) — read as every command reads a person, peopleNamed), one
 * whose name two people share, or not a
 * 军代表 (a person whose department is a military representative office, isMilitaryRepresentative); criteria of the 双五条
 * without evidence; a review day before the last dated evidence (lastZeroingEvidence). Empty with no review recorded.
 */
export function zeroingReviewProblems(action: CorrectiveAction, index: Pick<RepoIndex, "people" | "parties" | "departments">): ZeroingReviewProblem[] {
  const zeroing = action.zeroing;
  if (zeroing?.reviewed_by === undefined && zeroing?.reviewed === undefined) return [];
  const problems: ZeroingReviewProblem[] = [];
  if (zeroing.reviewed_by !== undefined) {
    const named = peopleNamed(zeroing.reviewed_by, [...index.people.values()].map((p) => p.value));
    const person = named.length === 1 ? named[0]! : undefined;
    if (named.length > 1) problems.push({ kind: "namesake-reviewer", given: zeroing.reviewed_by, namesakes: named });
    else if (person === undefined) problems.push({ kind: "unknown-reviewer", given: zeroing.reviewed_by });
    else if (!isMilitaryRepresentative(index, person)) problems.push({ kind: "not-military", person, offices: militaryParties(index).map((p) => p.code) });
  }
  const missing = zeroingLacking(action);
  if (missing.length > 0) problems.push({ kind: "incomplete", missing });
  const last = lastZeroingEvidence(action);
  if (zeroing.reviewed !== undefined && last !== undefined && zeroing.reviewed < last.date) problems.push({ kind: "before-evidence", reviewed: zeroing.reviewed, last });
  return problems;
}

/**
 * A problem of a 归零 review in a sentence of the current language, naming the person (王建东（wangjd）), their unit, the
 * criteria lacking each half apart, or the step whose evidence the review precedes; `id` the record's id.
 */
export function zeroingReviewText(problem: ZeroingReviewProblem, id: string, index: Pick<RepoIndex, "people" | "parties" | "departments">): string {
  switch (problem.kind) {
    case "unknown-reviewer":
      return t("zeroing-review.unknown-reviewer", { given: problem.given, id: shellArgument(id) });
    case "namesake-reviewer":
      return namesakeRefusal("reviewed_by", problem.given, problem.namesakes, index);
    case "not-military": {
      const data = { person: t("people.label", { name: problem.person.name, id: problem.person.id }), department: departmentLabel(index, problem.person.department), offices: list(problem.offices.map((code) => t("people.department-choice", { code, name: departmentLabel(index, code) }))) };
      return t(problem.offices.length > 0 ? "zeroing-review.not-military" : "zeroing-review.no-office", data);
    }
    case "incomplete": {
      return t("zeroing-review.incomplete", { id, parts: zeroingLackingText(problem.missing), arg: shellArgument(id) });
    }
    case "before-evidence": {
      const what = problem.last.step === undefined ? t("zeroing-review.read-across") : t("zeroing-review.step", { step: problem.last.step, name: t(stepNameKey(problem.last.step, true)) });
      return t("zeroing-review.before-evidence", { reviewed: problem.reviewed, date: problem.last.date, what });
    }
  }
}

/**
 * Whether a quality problem's grade makes the 军代表's review of its 归零 a condition of its closure: 重大 and 严重
 * (`problem_grade: major|serious`). GJB 9001C-2017 10.2; the 归零 practice (QJ 3183, GJB 5711): the customer's
 * representative reviews the 归零 of a serious quality problem before it counts as 归零. A 一般 problem, or one not
 * graded, is closed by the organisation alone.
 */
export function reviewRequired(action: CorrectiveAction): boolean {
  return action.problem_grade === "major" || action.problem_grade === "serious";
}

/** Whether `action`'s 归零 has a 军代表 review recorded: who (`zeroing.reviewed_by`) and when (`zeroing.reviewed`). */
export function zeroingReviewed(action: CorrectiveAction): boolean {
  return action.zeroing?.reviewed_by !== undefined && action.zeroing.reviewed !== undefined;
}

/**
 * Whether `action` is closed (D8 done) while its 归零 still waits for the 军代表: graded 重大 or 严重 (reviewRequired) with no
 * review recorded, as happens when it was closed by hand or before csr action close asked for the review, or when an
 * amendment of the evidence voided the review (zeroing.voided_reviews). The registers and the management review do not
 * count such a record as 归零 (待军代表评审). GJB 9001C-2017 10.2.
 */
export function awaitsMilitaryReview(action: CorrectiveAction): boolean {
  return action.steps?.D8?.done !== undefined && reviewRequired(action) && !zeroingReviewed(action);
}

/** The review voided last (zeroing.voided_reviews), when no review has been recorded since; undefined otherwise. */
export function voidedReview(action: CorrectiveAction): VoidedZeroingReview | undefined {
  return zeroingReviewed(action) ? undefined : action.zeroing?.voided_reviews?.at(-1);
}

/** One 军代表 review of a 归零: who (a person id) and the day it was held. */
export interface HeldZeroingReview {
  reviewed_by?: string;
  reviewed: string;
}

/**
 * The 军代表's reviews of `zeroing` as they stood at the end of `day` (YYYY-MM-DD; csr render --as-of): `voided`, those
 * held and made void by a correction of the evidence by that day, oldest first (zeroing.voided_reviews); `inForce`, the
 * review then valid — the one recorded (zeroing.reviewed_by, reviewed), or, before it was held, a review voided only
 * after `day` — undefined when none was. A review held after `day` is in neither. GJB 9001C-2017 10.2, 7.5.3: the 归零
 * record shows every review, the voided ones too.
 */
export function zeroingReviewsOn(zeroing: CorrectiveAction["zeroing"], day: string): { inForce?: HeldZeroingReview; voided: VoidedZeroingReview[] } {
  const held = (zeroing?.voided_reviews ?? []).filter((v) => v.reviewed !== undefined && v.reviewed <= day);
  const voided = held.filter((v) => v.voided <= day);
  const current = zeroing?.reviewed !== undefined && zeroing.reviewed <= day ? { ...(zeroing.reviewed_by !== undefined ? { reviewed_by: zeroing.reviewed_by } : {}), reviewed: zeroing.reviewed } : undefined;
  const later = held.filter((v) => v.voided > day).at(-1);
  const inForce = current ?? (later ? { ...(later.reviewed_by !== undefined ? { reviewed_by: later.reviewed_by } : {}), reviewed: later.reviewed! } : undefined);
  return { ...(inForce ? { inForce } : {}), voided };
}

/** A day a record's closure (D8) may not precede (closedTooEarly): the 军代表's review, or the release of a revision made for it. */
export type ClosureBound = { kind: "review"; date: string; by?: string } | { kind: "release"; date: string; document: string; version: string };

/**
 * The days `action`'s closure (steps.D8.done, or `closing` for a closure about to be recorded) comes before, latest first:
 * the 军代表's review of a 重大 or 严重 problem (the 归零 is closed once reviewed), and the release of each revision made
 * for it (`revisions`, actionRevisions: csr release --action; 措施落实, 完善规章 are done once the documents are released).
 * Empty when the closure comes on or after them all, or the record is not closed. GJB 9001C-2017 10.2.
 */
export function closedTooEarly(action: CorrectiveAction, revisions: readonly ActionRevision[], closing = action.steps?.D8?.done): ClosureBound[] {
  if (closing === undefined) return [];
  const bounds: ClosureBound[] = [];
  const reviewed = action.zeroing?.reviewed;
  if (reviewRequired(action) && reviewed !== undefined && reviewed > closing) bounds.push({ kind: "review", date: reviewed, ...(action.zeroing?.reviewed_by !== undefined ? { by: action.zeroing.reviewed_by } : {}) });
  for (const r of revisions) if (r.date !== undefined && r.date > closing) bounds.push({ kind: "release", date: r.date, document: r.document, version: r.version });
  return bounds.sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * A ClosureBound in words of the current language: "军代表 王建东（wangjd）2026-11-30 的评审", "CS/WI-003 A/2 于 2026-12-02 发布";
 * `who` names a person by id.
 */
export function closureBoundText(bound: ClosureBound, who: (id: string | undefined) => string): string {
  return bound.kind === "review" ? t("zeroing-review.bound.review", { by: who(bound.by), date: bound.date }) : t("zeroing-review.bound.release", { revision: `${bound.document} ${bound.version}`, date: bound.date });
}
