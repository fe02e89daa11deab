/**
 * People as a hint names them for the reader to type: a command option that takes a person (--by,
 * --owner …) accepts the id or the name people.yaml spells (commands/shared/people.ts), so a hint
 * can show a real person instead of a placeholder such as <person>.
 */
import { translate } from "../i18n/index.js";
import type { RepoIndex } from "./index.js";
import type { Person } from "./types.js";

/**
 * The first of `ids` that people.yaml knows, else the first person it lists; the placeholder
 * <person> / <人员> when it lists nobody. Shown as the Chinese name when `lang` is Chinese and that
 * name is unique, has no space and is nobody's id (so it resolves to this one person when typed),
 * else as the id.
 */
export function personToType(people: RepoIndex["people"], ids: readonly (string | undefined)[], lang: string): string {
  const known = ids.map((id) => (id === undefined ? undefined : people.get(id)?.value)).find((p): p is Person => p !== undefined);
  const person = known ?? people.values().next().value?.value;
  if (!person) return translate(lang === "en" ? "en" : "zh-CN", "people.placeholder");
  if (lang === "en" || /\s/.test(person.name)) return person.id;
  const clashes = [...people.values()].filter((p) => p.value.name === person.name || p.value.id === person.name).length;
  return clashes === 1 ? person.name : person.id;
}

/** Who may record a CSR's decision (the approver role in people.yaml), as personToType shows them. */
export function approverToType(people: RepoIndex["people"], lang: string): string {
  return personToType(people, [[...people.values()].find((p) => p.value.roles.includes("approver"))?.value.id], lang);
}
