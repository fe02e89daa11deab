/**
 * People as a hint names them for the reader to type: a command option that takes a person (--by,
 * --owner …) accepts the id or the name people.yaml spells (commands/shared/people.ts), so a hint
 * can show a real person instead of a placeholder such as <person>.
 */
import { translate } from "../i18n/index.js";
import type { RepoIndex } from "./index.js";
import type { Person } from "./types.js";

/**
 * Whether `person` works on `on` (YYYY-MM-DD). people.yaml's `left` (csr person leave) is the last day of
 * employment, as the 离职日期 of a 离职证明: work dated on it is theirs (the day a leaver hands over), work
 * after it is not. `joined` (csr person add/update --from) is the first working day (到岗日期): work dated before
 * it is not theirs either. What the writing commands refuse, the prompts leave out and rules person/work-after-leaving and person/work-before-joining report.
 */
export function worksOn(person: Person, on: string): boolean {
  return (person.joined === undefined || person.joined <= on) && (person.left === undefined || person.left >= on);
}

/**
 * The department `person` worked in on `on` (YYYY-MM-DD): undefined before they joined or after they left. What a
 * department's training of that day reaches (model/training-completion.ts: a session cannot train someone not yet
 * there, IATF 16949 7.2.2; tester72 Q1).
 */
export function departmentOn(person: Person, on: string): string | undefined {
  return worksOn(person, on) ? person.department : undefined;
}

/**
 * The first of `ids` that people.yaml knows and who still works on `on` (YYYY-MM-DD, the day the
 * hinted command records by default), else the first such person it lists; the placeholder
 * <person> / <人员> when there is nobody. Someone who has left is never named: the command would
 * refuse them for that day. Shown as the Chinese name when `lang` is Chinese and that name is
 * unique, has no space and is nobody's id (so it resolves to this one person when typed), else as
 * the id.
 */
export function personToType(people: RepoIndex["people"], ids: readonly (string | undefined)[], lang: string, on: string): string {
  const working = (p: Person | undefined): p is Person => p !== undefined && worksOn(p, on);
  const known = ids.map((id) => (id === undefined ? undefined : people.get(id)?.value)).find(working);
  const person = known ?? [...people.values()].map((p) => p.value).find(working);
  if (!person) return translate(lang === "en" ? "en" : "zh-CN", "people.placeholder");
  if (lang === "en" || /\s/.test(person.name)) return person.id;
  const clashes = [...people.values()].filter((p) => p.value.name === person.name || p.value.id === person.name).length;
  return clashes === 1 ? person.name : person.id;
}

/** Who may record a CSR's decision on `on` (the approver role in people.yaml, not left by then), as personToType shows them; else the placeholder <批准人> / <approver>. */
export function approverToType(people: RepoIndex["people"], lang: string, on: string): string {
  const approver = [...people.values()].find((p) => p.value.roles.includes("approver") && worksOn(p.value, on));
  // Nobody else: the command refuses a decision by someone without the role.
  if (!approver) return translate(lang === "en" ? "en" : "zh-CN", "people.placeholder.approver");
  return personToType(people, [approver.value.id], lang, on);
}
