/**
 * Is a CSR's review record consistent? The review report is signed evidence (IATF 16949
 * 7.5.3.2.2, the joint review 会签 of the CSR procedure), so it must hold together: each opinion
 * is given for a department by one of its members (or a delegate named in qms.yaml), nothing is
 * dated before the review started or after today, the decision comes after the last opinion (a
 * forced one may precede the countersigns that complete it), and the person who decides has the
 * approver role. `csr check` reports these (csr/review-inconsistent)
 * and `csr review` refuses to write them.
 */
import type { Csr, Department, Path, Person, QmsConfig } from "./types.js";
import { inDateRange } from "../core/dates.js";
import { reviewStart } from "./csr-status.js";
import { t } from "../i18n/index.js";
import { departmentLabel } from "./labels.js";

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
  // The texts of a message are made only for a problem: a check asks this of every CSR.
  const since = () => (review.restarted ? t("rule.csr/review-inconsistent.restarted", { start }) : t("rule.csr/review-inconsistent.received", { start }));
  let departments: Map<string, Department> | undefined;
  const departmentMap = () => (departments ??= new Map((config?.departments ?? []).map((d) => [d.code, d])));
  const delegatesOf = (code: string) => departmentMap().get(code)?.delegates ?? [];
  const departmentText = (code: string) => departmentLabel({ departments: departmentMap() }, code);
  const dated = (path: Path, what: () => string, date: string) => {
    // A date outside the sane range is date/out-of-range's finding, a start after today
    // date/in-future's: what only seems early against it is no finding of its own (one root cause, one finding).
    if (!inDateRange(date) || !inDateRange(start)) return;
    if (date > today) problems.push({ path, message: t("rule.csr/review-inconsistent.after-today", { csr: csr.id, what: what(), date, today }) });
    else if (date < start && start <= today) problems.push({ path, message: t("rule.csr/review-inconsistent.before-start", { csr: csr.id, what: what(), date, since: since() }) });
  };
  (review.opinions ?? []).forEach((opinion, i) => {
    const person = people.get(opinion.reviewer);
    if (person && person.department !== opinion.department && !delegatesOf(opinion.department).includes(person.id)) {
      problems.push({
        path: ["review", "opinions", i, "reviewer"],
        message: t("rule.csr/review-inconsistent.not-member", { csr: csr.id, name: person.name, person: person.id, of: departmentText(person.department), department: departmentText(opinion.department), code: opinion.department }),
      });
    }
    dated(["review", "opinions", i, "date"], () => t("rule.csr/review-inconsistent.opinion", { department: departmentText(opinion.department) }), opinion.date);
  });
  const decision = review.decision;
  if (decision) {
    dated(["review", "decision", "date"], () => t("rule.csr/review-inconsistent.decision"), decision.date);
    const last = (review.opinions ?? []).reduce<string | undefined>((latest, o) => (latest === undefined || o.date > latest ? o.date : latest), undefined);
    // An opinion dated after today is reported itself; the decision is not early because of it.
    // A forced decision came before some countersigns by definition: those given since complete it (csr/forced-decision).
    if (last !== undefined && decision.date < last && last <= today && !decision.forced) {
      problems.push({ path: ["review", "decision", "date"], message: t("rule.csr/review-inconsistent.decision-before-opinion", { csr: csr.id, date: decision.date, last }) });
    }
    const person = people.get(decision.by);
    if (person && !person.roles.includes("approver")) {
      problems.push({
        path: ["review", "decision", "by"],
        message: t("rule.csr/review-inconsistent.not-approver", { csr: csr.id, name: person.name, person: person.id, roles: [...person.roles, "approver"].join(",") }),
      });
    }
  }
  return problems;
}
