/**
 * Is a CSR's review record consistent? The review report is signed evidence (IATF 16949
 * 7.5.3.2.2, the joint review 会签 of the CSR procedure), so it must hold together: each opinion
 * is given for a department by one of its members (or a delegate named in qms.yaml), nothing is
 * dated before the review started or after today, the decision comes after the last opinion, and
 * the person who decides has the approver role. `csr check` reports these (csr/review-inconsistent)
 * and `csr review` refuses to write them.
 */
import type { Csr, Path, Person, QmsConfig } from "./types.js";
import { inDateRange } from "../core/dates.js";
import { reviewStart } from "./csr-status.js";

export interface ReviewProblem {
  /** Where in the CSR file, e.g. ["review", "opinions", 1, "reviewer"]. */
  path: Path;
  message: string;
}

/** `people` by id; `today` YYYY-MM-DD. Only the current review round is checked: earlier rounds are history. */
export function reviewProblems(csr: Csr, config: QmsConfig | undefined, people: ReadonlyMap<string, Person>, today: string): ReviewProblem[] {
  const problems: ReviewProblem[] = [];
  const review = csr.review;
  if (!review) return problems;
  const start = reviewStart(csr);
  const since = review.restarted ? `the review was restarted on ${start}` : `the CSR was received on ${start}`;
  const departments = new Map((config?.departments ?? []).map((d) => [d.code, d]));
  const dated = (path: Path, what: string, date: string) => {
    // A date outside the sane range is date/out-of-range's finding (one root cause, one finding).
    if (!inDateRange(date) || !inDateRange(start)) return;
    if (date < start) problems.push({ path, message: `${csr.id}: ${what} is dated ${date}, before ${since}. Correct the date; an opinion or decision cannot come before the review started.` });
    else if (date > today) problems.push({ path, message: `${csr.id}: ${what} is dated ${date}, after today (${today}). Record it on the day it is given.` });
  };
  (review.opinions ?? []).forEach((opinion, i) => {
    const person = people.get(opinion.reviewer);
    const delegates = departments.get(opinion.department)?.delegates ?? [];
    if (person && person.department !== opinion.department && !delegates.includes(person.id)) {
      problems.push({
        path: ["review", "opinions", i, "reviewer"],
        message: `${csr.id}: ${person.name} (${person.id}) of ${person.department} gave the opinion of ${opinion.department}. An opinion is given by a member of the department, or by a delegate listed under 'delegates' of ${opinion.department} in qms.yaml.`,
      });
    }
    dated(["review", "opinions", i, "date"], `the opinion of ${opinion.department}`, opinion.date);
  });
  const decision = review.decision;
  if (decision) {
    dated(["review", "decision", "date"], "the decision", decision.date);
    const last = (review.opinions ?? []).reduce<string | undefined>((latest, o) => (latest === undefined || o.date > latest ? o.date : latest), undefined);
    if (last !== undefined && decision.date < last) {
      problems.push({ path: ["review", "decision", "date"], message: `${csr.id}: the decision is dated ${decision.date}, before the last opinion (${last}). The decision follows the opinions; correct the date.` });
    }
    const person = people.get(decision.by);
    if (person && !person.roles.includes("approver")) {
      problems.push({
        path: ["review", "decision", "by"],
        message: `${csr.id}: ${person.name} (${person.id}) recorded the decision but does not have the role 'approver' in people.yaml. Have an approver decide, or add the role if it was granted.`,
      });
    }
  }
  return problems;
}
