/**
 * The recorded work dated outside a person's employment (model/people.ts worksOn), which rules
 * person/work-after-leaving and person/work-before-joining report: the work of CSRs, documents and
 * the internal audits of processes.yaml, each with where its person's id is.
 */
import type { Repository } from "../../../load/repository.js";
import type { SourceFile } from "../../../load/source.js";
import type { RepoIndex } from "../../../model/index.js";
import { csrWork, documentWork, processWork, type PersonWork } from "../../../model/person-work.js";
import { departmentLabel } from "../../../model/labels.js";
import { describe } from "../../../model/recorded-events.js";
import type { Path, Person } from "../../../model/types.js";
import { t } from "../../../i18n/index.js";

export interface WorkOutside {
  /** "before-joining": dated before the person's `joined`; "after-leaving": after their `left`. */
  problem: "before-joining" | "after-leaving";
  work: PersonWork;
  person: Person;
  file: SourceFile;
  /** Of the person's id, from the file's root. */
  path: Path;
}

/** Both rules look at every piece of work: it is listed once per check, by whichever rule runs first. */
const found = new WeakMap<RepoIndex, WorkOutside[]>();

export function workOutsideEmployment(repo: Repository, index: RepoIndex): WorkOutside[] {
  const known = found.get(index);
  if (known) return known;
  const outside: WorkOutside[] = [];
  // Most repositories have nobody who left or starts later: then there is no work to list.
  if ([...index.people.values()].some((p) => p.value.left !== undefined || p.value.joined !== undefined)) {
    const scan = (file: SourceFile, path: Path, work: PersonWork[]) => {
      for (const w of work) {
        const person = index.people.get(w.person)?.value;
        if (person === undefined) continue;
        const problem = person.joined !== undefined && person.joined > w.date ? "before-joining" : person.left !== undefined && person.left < w.date ? "after-leaving" : undefined;
        if (problem) outside.push({ problem, work: w, person, file, path: [...path, ...w.path] });
      }
    };
    for (const { value, file, path } of index.csrs.values()) scan(file, path, csrWork(value));
    for (const { value, file, path } of index.documents.values()) scan(file, path, documentWork(value));
    for (const { value, file, path } of repo.processes) scan(file, path, processWork(value));
  }
  found.set(index, outside);
  return outside;
}

/**
 * "the review (审核) of A/1 (as a trainee)": what the work was, and the person's part when there are
 * several; a department named in it (a CSR opinion's) by its name, 技术部 rather than ENG.
 */
export function workDescription(w: PersonWork, register: Pick<RepoIndex, "departments" | "parties">): string {
  const { department } = w.what.data;
  const what = typeof department === "string" ? { ...w.what, data: { ...w.what.data, department: departmentLabel(register, department) } } : w.what;
  return describe(what) + (w.as ? t(`rule.person/work.as.${w.as}`) : "");
}
