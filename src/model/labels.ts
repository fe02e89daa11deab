/** Departments as a reader knows them, for messages of commands and of `csr check` alike. */
import { localized } from "../core/text.js";
import { language } from "../i18n/index.js";
import type { Department } from "./types.js";

/** A department for a reader: its name (品质部 / Quality Assurance), or the code when qms.yaml has no such department. */
export function departmentLabel(register: { departments: ReadonlyMap<string, Department> }, code: string): string {
  const department = register.departments.get(code);
  return department ? localized(language(), department.name, department.name_en) : code;
}
