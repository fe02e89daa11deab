/**
 * A person as people write them: in a command's option (--holder 陈静), a register's cell or a Word header (编制 张 丽). One
 * lookup for every command and importer, and one refusal of a name two people share, so that a name means the same
 * person wherever it is typed and is never given to the first of two namesakes: a record names one person, who did the
 * work (IATF 16949 7.5.3.2.1; GJB 9001C 7.5.3).
 */
import { compactText } from "../core/text.js";
import { list, t } from "../i18n/index.js";
import { departmentLabel } from "./labels.js";
import type { Department, ExternalParty, Person, QmsConfig } from "./types.js";

/** Where a person's department is named from: qms.yaml's departments and outside parties by code (a RepoIndex, or unitsOf). */
export interface Units {
  departments: ReadonlyMap<string, Department>;
  parties?: ReadonlyMap<string, ExternalParty>;
}

/** qms.yaml's departments and outside parties by code, for an import that has no RepoIndex. */
export function unitsOf(config: QmsConfig | undefined): Units {
  return { departments: new Map((config?.departments ?? []).map((d) => [d.code, d])), parties: new Map((config?.external_parties ?? []).map((p) => [p.code, p])) };
}

/** How ids, names and 工号 are compared: after Unicode normalisation (NFKC), without spaces (also U+3000) or invisible characters, ignoring case. */
const personKey = (text: string) => compactText(text.normalize("NFKC")).toLowerCase();

/**
 * The people of `people` (people.yaml) `given` names: the one whose id it is; else those whose 工号 (`number`) and name
 * it gives as a sign-in sheet writes them, 王小二(1023) / 王小二（1023）; else those whose 工号 it is; else those whose
 * name or English name it is — compared by personKey, so "张 丽", "陈　静" and "ChenJing" find 张丽, 陈静 and chenjing.
 * Empty when nobody is named; two or more when the name (or 工号) is one they share, which the caller refuses
 * (namesakeRefusal) and never picks from.
 */
export function peopleNamed(given: string, people: readonly Person[]): Person[] {
  const key = personKey(given);
  if (key === "") return [];
  const byId = people.find((p) => personKey(p.id) === key);
  if (byId) return [byId];
  const isName = (p: Person, name: string) => personKey(p.name) === name || (p.name_en !== undefined && personKey(p.name_en) === name);
  const numbered = /^(.*?)[(（]([^()（）]+)[)）]$/u.exec(key);
  if (numbered) return people.filter((p) => p.number !== undefined && personKey(p.number) === numbered[2] && isName(p, numbered[1]!));
  const byNumber = people.filter((p) => p.number !== undefined && personKey(p.number) === key);
  if (byNumber.length > 0) return byNumber;
  return people.filter((p) => isName(p, key));
}

/**
 * The one-line refusal of `given` (as written, at `where`: an option such as --holder, or an import's column) that two or
 * more people share (`namesakes`, from peopleNamed): each by id, department (`units`) and 工号 where people.yaml gives one,
 * and that one of them is to be named by id or 工号 instead.
 */
export function namesakeRefusal(where: string, given: string, namesakes: readonly Person[], units: Units): string {
  const people = namesakes.map((p) => t(p.number === undefined ? "people.namesake.person" : "people.namesake.person-numbered", { id: p.id, department: departmentLabel(units, p.department), number: p.number ?? "" }));
  return t("people.namesake", { where, given: given.trim(), people: list(people), example: namesakes[0]!.id });
}
