/**
 * People and departments as the writing commands take and print them. An option that names a person
 * (--holder, --owner, --reviewer, --by, --prepared, --people …) accepts the id in people.yaml or the
 * person's name as people.yaml spells it, because people are known by their names (陈静), not by their
 * ids (chenjing). A confirmation prints what a reader knows too: a department by its name, a person by
 * name with the id recorded in the file (names repeat, ids do not).
 */
import { UserError } from "../../core/errors.js";
import { closest, didYouMean, displayWidth, localized, padEnd, shellArgument } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import { isMilitaryRepresentative, isOutsider, militaryParties, type RepoIndex } from "../../model/index.js";
import { departmentLabel, personLabel } from "../../model/labels.js";
import { recallDays } from "../../model/distribution.js";
import { repositoryCalendar } from "../../load/calendar.js";
import type { QmsConfig } from "../../model/types.js";
import { worksOn } from "../../model/people.js";
import { namesakeRefusal, peopleNamed } from "../../model/person-names.js";
import type { ControlledCopy, Person } from "../../model/types.js";

/**
 * What people and departments are looked up in: people.yaml's people by id, qms.yaml's departments
 * and outside parties (external_parties) by code.
 */
export type Register = Pick<RepoIndex, "people" | "departments"> & Partial<Pick<RepoIndex, "parties">>;

/**
 * The person `given` names (knownPerson: by id, 工号 or name, as model/person-names.ts peopleNamed compares them). Given `on`, the date
 * (YYYY-MM-DD) of the work the person is named for, someone who left (people.yaml `left`) on or
 * before that day is refused: records name who did the work (IATF 16949 7.5.3.2.1), and a person who
 * has left does none; rule person/work-after-leaving reports such a record written by hand.
 * Errors (UserError, one line each): no such person (saying how to list people, and the closest id or
 * name); a name that two or more people have (listing their ids and departments); a person who left.
 */
export function resolvePerson(register: Register, given: string, flag: string, on?: string): Person {
  const person = findPerson(register, given, flag);
  if (on !== undefined) refuseLeft(register, person, flag, on);
  return person;
}

/**
 * Refuses (UserError, one line) a person of a military representative office (qms.yaml
 * external_parties of kind military-representative, the 军代表室) for the organisation's own work:
 * the 军代表 is the customer's representative, who signs only as 军代表 (GJB 9001C 5.3 / 7.5.2);
 * the organisation reviews its own documents (7.5.2/7.5.3 定期评审), trains its own people (7.2) and
 * hands out and takes back its own controlled copies (7.5.3), audits itself (9.2) and evaluates, approves and audits
 * its suppliers (8.4.1, tester81 J5), not the 军代表室. `work` names the work (person.military-work.<work>). Rule
 * person/military-signature reports such records written by hand.
 */
export function refuseMilitaryWork(index: Pick<RepoIndex, "people" | "departments" | "parties">, person: Person, flag: string, work: "periodic-review" | "trainee" | "trainer" | "issuer" | "receiver" | "auditor" | "supplier"): void {
  if (!isMilitaryRepresentative(index, person)) return;
  throw new UserError(t("person.military-work", { flag, person: personLabel(index, person.id), department: departmentLabel(index, person.department), work: t(`person.military-work.${work}`) }));
}

/**
 * Refuses (UserError, one line) `person` named by `option` as the 军代表 when they are no person of a military representative
 * office of qms.yaml `external_parties` (isMilitaryRepresentative): the 军代表 who signs a review report (GJB 9001C 8.2.3) or
 * attends a 首件鉴定 (8.5.1) is the customer's representative. `message` says what they sign or attend ({{option}},
 * {{person}}, {{department}}, {{offices}}); a repository without an office is told to add one.
 */
export function refuseNotMilitary(index: Pick<RepoIndex, "people" | "departments" | "parties">, person: Person, option: string, message: "review.military-representative.not-military" | "first-article.not-military"): void {
  if (isMilitaryRepresentative(index, person)) return;
  const offices = militaryParties(index);
  if (offices.length === 0) throw new UserError(t("review.military-representative.no-office", { option }), t("review.military-representative.no-office.hint"));
  throw new UserError(t(message, { option, person: personLabel(index, person.id), department: departmentLabel(index, person.department), offices: list(offices.map((o) => departmentLabel(index, o.code))) }));
}

/**
 * Refuses (UserError, one line) a person of an outside party that is no military representative office
 * (a supplier's contact person, isOutsider) for the organisation's own work named by `flag`: they hold
 * their party's copies, they do not own its corrective actions, review its requirements or evaluate
 * its suppliers (tester73 S10).
 */
export function refuseOutsidePerson(index: Pick<RepoIndex, "people" | "departments" | "parties">, person: Person, flag: string): void {
  if (!isOutsider(index, person)) return;
  throw new UserError(t("person.outside-work", { flag, person: personLabel(index, person.id), party: departmentLabel(index, person.department) }));
}

export { worksOn };

/** Refuses (UserError, one line) `person` for work dated `on` when they left before that day (`left` is their last working day) or start after it (`joined`, 到岗日期). */
export function refuseLeft(register: Register, person: Person, flag: string, on: string): void {
  if (person.joined !== undefined && person.joined > on) {
    throw new UserError(t("person.not-joined-for-work", { flag, person: personLabel(register, person.id), joined: person.joined, date: on, id: shellArgument(person.id) }));
  }
  if (person.left !== undefined && !worksOn(person, on)) {
    throw new UserError(t("person.left-for-work", { flag, person: personLabel(register, person.id), left: person.left, date: on, id: shellArgument(person.id) }));
  }
}

function findPerson(register: Register, given: string, flag: string): Person {
  const found = knownPerson(register, given, flag);
  if (found) return found;
  const people = [...register.people.values()].map((p) => p.value);
  // The nearest id or name, suggested as csr list people shows the person: the id to type, with the name (tester60 J13).
  const near = closest(given.trim(), people.flatMap((p) => [p.id, p.name, ...(p.name_en === undefined ? [] : [p.name_en])]));
  const meant = near === undefined ? undefined : people.find((p) => p.id === near || p.name === near || p.name_en === near);
  const suggestion = meant ? t("common.sentence-separator") + t("people.did-you-mean", { id: meant.id, name: language() === "en" ? (meant.name_en ?? meant.name) : meant.name }) : "";
  throw new UserError(t("people.unknown", { flag, given }) + suggestion);
}

/**
 * The person `given` names (model/person-names.ts peopleNamed: the id, the name or English name, the employee number
 * (工号) or the name with the number in brackets, 王小二(1023) / 王小二（1023）, as a sign-in sheet writes an operator).
 * Undefined when nobody is; UserError (one line, namesakeRefusal) for a name or 工号 two people share.
 */
export function knownPerson(register: Register, given: string, flag: string): Person | undefined {
  const named = peopleNamed(given, [...register.people.values()].map((p) => p.value));
  if (named.length > 1) throw new UserError(namesakeRefusal(flag, given, named, register));
  return named[0];
}

/**
 * Refuses (UserError, one line) an operator (people.yaml `operator`) for a signing duty named by `flag`: an operator is
 * trained and qualified at stations, and holds copies, but does not prepare, review, approve or countersign documents
 * nor give a department's opinion on a CSR (IATF 16949 7.5.2: documents approved by those authorised).
 */
export function refuseOperator(register: Register, person: Person, flag: string): void {
  if (!person.operator) return;
  throw new UserError(t("person.operator-duty", { flag, person: personLabel(register, person.id) }));
}

/** Each of `given` resolved as by resolvePerson (for work dated `on`), in order, once each. */
export function resolvePeople(register: Register, given: readonly string[], flag: string, on?: string): Person[] {
  const found = new Map<string, Person>();
  for (const g of given) {
    const person = resolvePerson(register, g, flag, on);
    found.set(person.id, person);
  }
  return [...found.values()];
}

/**
 * The code of the department `given` names: its code in qms.yaml, else its name or English name
 * (品质部 → QA), compared as resolvePerson compares names. With `parties`, an outside party of
 * qms.yaml's external_parties (军代表室) is taken too: a copy may go to one, nothing else may.
 * Errors (UserError, one line): an outside party where only a department will do; no such
 * department, listing every department (and with `parties` every party) as code and name.
 */
export function resolveDepartment(register: Pick<Register, "departments" | "parties">, given: string, flag: string, options: { parties?: boolean } = {}): string {
  const key = normalise(given);
  const byCodeOrName = <T extends { code: string; name: string; name_en?: string }>(units: T[]) =>
    units.find((d) => normalise(d.code) === key) ?? units.find((d) => normalise(d.name) === key || (d.name_en !== undefined && normalise(d.name_en) === key));
  const departments = [...register.departments.values()];
  const parties = [...(register.parties?.values() ?? [])];
  const found = byCodeOrName(departments);
  if (found) return found.code;
  const party = byCodeOrName(parties);
  if (party && options.parties) return party.code;
  const choices = (units: { code: string; name: string; name_en?: string }[]) => list(units.map((d) => t("people.department-choice", { code: d.code, name: localized(language(), d.name, d.name_en) })));
  if (party) throw new UserError(t("edit.party-not-department", { flag, party: choices([party]), known: choices(departments) }));
  const allowed = options.parties ? [...departments, ...parties] : departments;
  // Outside parties are named in the message only where qms.yaml has some.
  throw new UserError(t(options.parties && parties.length > 0 ? "edit.no-recipient" : "edit.no-department", { flag, code: given, known: choices(allowed) }) + didYouMean(given, allowed.map((d) => d.code)));
}

/**
 * A person as a prompt offers them: id, name and unit ("zhoupeng  周鹏（品质部）"; in English the
 * English names where people.yaml and qms.yaml give them: "zhoupeng  Zhou Peng (Quality Assurance)"),
 * so that two people of one name are told apart.
 */
export function personChoice(register: Register, person: Person, idWidth = 0): { value: string; name: string; short: string } {
  const name = localized(language(), person.name, person.name_en);
  const department = departmentLabel(register, person.department);
  return { value: person.id, name: t("prompt.person-choice", { id: padEnd(person.id, idWidth), name, department }), short: t("prompt.person-choice", { id: person.id, name, department }) };
}

/**
 * People as a prompt lists them (personChoice), the ids in one column padded to the widest by display
 * width, as codedChoices lists departments: `li     李娜（市场部）` under `zhang  张伟（品质部）`.
 */
export function personChoiceList(register: Register, people: readonly Person[]): { value: string; name: string; short: string }[] {
  const width = Math.max(0, ...people.map((p) => displayWidth(p.id)));
  return people.map((p) => personChoice(register, p, width));
}

// A person and a unit as a reader knows them live in model/labels.ts, for csr check's rules as well (review81 8).
export { departmentLabel, personLabel };

/** Controlled copies as the messages list them: "1 (A/0, Production), 2 (A/0, Quality Assurance)" / "受控号 1（A/0，生产部）、受控号 2（A/0，品质部）". */
export function copyList(register: Pick<Register, "departments" | "parties">, copies: readonly ControlledCopy[]): string {
  // A copy's place of use (使用场所) beside its unit: two copies of one department are told apart where they are fetched back.
  return list(copies.map((c) => t("distribute.copy", { copy: c.copy, version: c.version, to: c.location ? `${departmentLabel(register, c.to)} ${c.location}` : departmentLabel(register, c.to) })));
}

/**
 * The line that names the controlled copies of the edition replaced (`copies`), due back once the new `edition`
 * is in force from `from` (YYYY-MM-DD), within qms.yaml's recall period in working days (recallDays), with the
 * `csr recall <arg>` that records their return: csr set --edition of a standard, csr source update of a customer's
 * source. IATF 16949 7.5.3.2.1 / GJB 9001C 7.5.3 (obsolete copies withdrawn).
 */
export function toRecallLine(register: Pick<Register, "departments" | "parties">, config: QmsConfig | undefined, copies: readonly ControlledCopy[], from: string, arg: string, edition: string): string {
  const days = recallDays(config);
  return t("set.edition.to-recall", { count: copies.length, copies: copyList(register, copies), from, days, by: repositoryCalendar(config).addWorkdays(from, days), arg, edition });
}

function normalise(text: string): string {
  return text.normalize("NFKC").trim();
}
