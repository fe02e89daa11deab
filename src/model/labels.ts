/** People, departments and processes as a reader knows them, for messages of commands and of `csr check` alike. */
import { localized } from "../core/text.js";
import { language, t, translate, type Lang } from "../i18n/index.js";
import type { SpecialCharacteristics } from "./symbol-documents.js";
import type { Department, ExternalParty, Person, Process } from "./types.js";

/**
 * A person for a reader: 周鹏（zhoupeng） / Zhou Peng (zhoupeng), in the run's language; the name alone when it is the id;
 * the id as written when people.yaml does not know it (ref/unresolved reports such an id). `register.people` is the
 * repository index's people by id. Names repeat and ids do not, so a message names both (IATF 16949 7.5.3.2.1: records
 * say who did the work).
 */
export function personLabel(register: { people: ReadonlyMap<string, { value: Person }> }, id: string): string {
  const person = register.people.get(id)?.value;
  if (!person) return id;
  const name = localized(language(), person.name, person.name_en);
  return name === id ? name : t("people.label", { name, id });
}

/**
 * A department or outside party for a reader: its name (品质部 / Quality Assurance, 军代表室), or
 * the code when qms.yaml has neither. A copy's recipient and a person's unit may be either.
 */
export function departmentLabel(register: { departments: ReadonlyMap<string, Department>; parties?: ReadonlyMap<string, ExternalParty> }, code: string): string {
  const unit = register.departments.get(code) ?? register.parties?.get(code);
  return unit ? localized(language(), unit.name, unit.name_en) : code;
}

/**
 * A process for a reader: its code and its name in `lang`, the run's unless a register or document is made in another
 * (M2 内部审核 / M2 Internal audit; the Chinese name when it has no English one; the code alone when its name is empty).
 */
export function processLabel(process: Pick<Process, "code" | "name" | "name_en">, lang: Lang = language()): string {
  return translate(lang, "process.label", { code: process.code, name: localized(lang, process.name, process.name_en) }).trimEnd();
}

/**
 * The process a record names by `code`, for a reader in `lang` (processLabel), looked up in `processes` (the repository
 * index's, by code); the code as written when no process has it (ref/unresolved reports such a code).
 */
export function processCodeLabel(processes: ReadonlyMap<string, { value: Pick<Process, "code" | "name" | "name_en"> }>, code: string, lang: Lang = language()): string {
  const process = processes.get(code)?.value;
  return process ? processLabel(process, lang) : code;
}

/**
 * How an electronic issue (电子版发放) is named where a copy's number would be: 电子版（OA，只读）, or
 * 电子版（只读） when the system is not recorded. A controlled electronic file is read-only: one its
 * users could edit would not be the approved version.
 */
export function electronicLabel(system: string | undefined, lang: Lang = language()): string {
  return system ? translate(lang, "distribution.electronic", { system }) : translate(lang, "distribution.electronic.no-system");
}

/**
 * Where a document marks a special characteristic, for a reader: its marks, its stations and the first section
 * marking one ("★（工位 OP30，4 作业内容）" / "★ (station OP30, section 4 Work steps)"). What doc/training-overdue,
 * doc/recall-overdue, csr release and csr show say of a document held stricter for it (specialCharacteristics). With
 * `usedBy`, `doc` is a form that work instruction uses, at its stations ("工位 OP30 的 WI-010-01 所用表单，1 记录").
 */
export function specialCharacteristicLabel(doc: { id: string; stations?: readonly string[] }, found: SpecialCharacteristics, usedBy?: { id: string; stations?: readonly string[] }): string {
  const section = t("special-characteristic.section", { number: found.section, title: localized(language(), found.title, found.title_en) });
  const stations = (usedBy ?? doc).stations ?? [];
  const where =
    usedBy !== undefined
      ? t("special-characteristic.used-by", { instruction: usedBy.id, stations: stations.join(t("common.list-separator")), section })
      : stations.length > 0
        ? t("special-characteristic.stations", { stations: stations.join(t("common.list-separator")), section })
        : section;
  return t("special-characteristic", { document: doc.id, marks: found.marks.join(" "), where });
}
