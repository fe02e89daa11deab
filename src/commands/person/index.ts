/**
 * `csr person add|update|leave|remove`: the staff changes of people.yaml (schemas/people.schema.json) without
 * hand-edited YAML — a new person, a changed department, roles or title (调岗), and the day a person
 * left (离职). A person who left stays in people.yaml with `left: <date>`, because the records they
 * signed name them (IATF 16949 7.5.3.2.1: records stay legible and attributable); the pick-lists of
 * the writing commands no longer offer them for new work (shared/edit.ts personChoices).
 *
 * Errors (UserError, one line): an id that is not a person id or is taken (compared without case and
 * after NFKC normalisation, as people are looked up), an unknown department or role, nothing to change,
 * a person who left already.
 *
 * `csr person remove <id>` deletes a person no record names (personRemoveCommand).
 *
 * `csr person update --left <date>` corrects the day a person left, `--no-left` records that they are
 * back (复职): the writing commands then take them for new work again.
 * `--from <date>` sets or corrects the start date (到岗), `--no-from` removes one recorded by mistake.
 *
 * `csr person update --auditor-since <date> [--auditor-until <date>] [--auditor-record <number>]` records
 * an internal auditor qualification (内审员资格, `internal_auditor`, IATF 16949 7.2.3): a new period, or the
 * one granted that day corrected; `--auditor-until` alone sets the last valid day of the latest period
 * (lapsed or withdrawn). `--auditor-kinds qms,manufacturing-process,product,second-party` says which kinds of audit it is
 * for (IATF 16949 7.2.3, 7.2.4; absent: a QMS auditor's). Refused: a 军代表 (the customer's, not one of the organisation's auditors), a
 * last day before the first, `--auditor-until`/`--auditor-record` alone without any qualification, a new period
 * overlapping one recorded (an open end reaching a later one, a start inside one: it would qualify audits the records
 * show unqualified).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Document, isMap, isSeq, type YAMLMap } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean, escapeRegExp, shellArgument } from "../../core/text.js";
import { list, shortList, t } from "../../i18n/index.js";
import { forEachPersonReference } from "../../check/rules/ref/unresolved.js";
import { workDescription } from "../../check/rules/person/work-dates.js";
import { locate, type SourceFile } from "../../load/source.js";
import type { Path } from "../../model/types.js";
import { isMilitaryRepresentative } from "../../model/index.js";
import { csrWork, documentWork, openWork, processWork } from "../../model/person-work.js";
import { AUDITOR_KINDS, type AuditorKind, type AuditorQualification, type Person, type Role } from "../../model/types.js";
import { qualifiedKinds } from "../../model/process-audits.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { dateOption } from "../options.js";
import { addDays, AFTER_EVERY_DAY } from "../../core/dates.js";
import { worksOn } from "../../model/people.js";
import { missingOpinions } from "../../model/csr-status.js";
import { departmentByCode, editFile, listOption, need, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";
import { departmentLabel, personChoice, personLabel, resolvePerson } from "../shared/people.js";
import { appendIn, yamlText, type FileChange } from "../shared/persist.js";
import { qualificationText } from "../../report/registers/people.js";

export interface PersonFlags {
  name?: string;
  /** add: the day the command runs as (--today, YYYY-MM-DD), the person's first day when --from is not given. */
  today?: string;
  nameEn?: string;
  department?: string;
  roles?: string[] | string;
  title?: string;
  /** update: the corrected day the person left (--left), or false: they are back (--no-left). */
  left?: string | false;
  /** add/update: the day the person starts work (--from, 到岗日期); update --no-from: none. */
  from?: string | false;
  /** update: "--from" or "--left" when it was given together with its --no- form (cli/main.ts); refused. */
  opposite?: string;
  date?: string;
  /** update: an internal auditor qualification granted on that day (internal_auditor), with its last day and proof. */
  auditorSince?: string;
  auditorUntil?: string;
  auditorRecord?: string;
  /** update: the kinds of audit that qualification is for (--auditor-kinds qms,product; AUDITOR_KINDS). */
  auditorKinds?: string[] | string;
  /** add/update: the employee number (工号, `number`). */
  number?: string;
  /** add/update: the stations worked at (工位, `stations`), repeated or comma-separated. */
  station?: string[] | string;
  /** add/update: an operator (操作工, `operator`); update --no-operator: no longer. */
  operator?: boolean;
  yes?: boolean;
  commit?: boolean;
}

/** schemas/common.schema.json personId. */
const PERSON_ID = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}_.'’·・-]| (?=[\p{L}\p{N}]))*$/u;
const ROLES: readonly Role[] = ["author", "reviewer", "approver", "document-controller", "standardization"];
const PEOPLE = "people.yaml";

const key = (id: string) => id.normalize("NFKC").trim().toLowerCase();

export async function personAddCommand(ctx: CommandContext, idArg: string | undefined, flags: PersonFlags): Promise<number> {
  return addPerson(ctx, idArg, flags);
}

/**
 * At a terminal, what the options do not give is asked: the id, the name as signed, the department
 * (qms.yaml's departments, then its outside parties), the roles (each with its Chinese label; none is
 * an answer) and the job title (blank: none). `prompts` are for tests; otherwise @inquirer/prompts.
 */
export async function addPerson(ctx: CommandContext, idArg: string | undefined, flags: PersonFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const { ask } = session;
    const taken = (id: string) => session.repo.people.find((p) => key(p.value.id) === key(id))?.value.id;
    const problem = (id: string) => (!PERSON_ID.test(id) ? t("person.bad-id", { id }) : taken(id) !== undefined ? t("person.exists", { id: taken(id)! }) : undefined);
    // An operator is known by name and 工号 (王小二(1023)): the name is the id unless one is given.
    const id = (idArg ?? (flags.name?.trim() || undefined) ?? (await need(ask, "<id>", t("person.needs.id"), (p) => p.input({ message: t("person.prompt.id"), required: true, validate: (v) => problem(v.trim()) ?? true })))).trim();
    const refused = problem(id);
    if (refused) throw new UserError(refused, taken(id) === undefined ? t("person.id.hint") : t("person.exists.hint", { id: taken(id)! }));
    const name = (flags.name ?? (await need(ask, "--name", t("person.needs.name"), (p) => p.input({ message: t("person.prompt.name"), required: true })))).trim();
    if (name === "") throw new UserError(t("person.empty-name"));
    // A person belongs to a department or to an outside party (a 军代表 to the 军代表室).
    const departments = [...session.index.departments.values(), ...session.index.parties.values()];
    const givenDepartment =
      flags.department ??
      (await need(ask, "--department", t("person.needs.department"), (p) => p.select({ message: t("person.prompt.department"), choices: departments.map((d) => ({ value: d.code, name: `${d.code}  ${d.name}` })) })));
    const department = departmentByCode(session, givenDepartment, "--department", { parties: true });
    const roles =
      flags.roles !== undefined || !ask
        ? roleOption(flags.roles)
        : await ask.checkbox({ message: t("person.prompt.roles"), choices: ROLES.map((r) => ({ value: r, name: t("person.role-choice", { role: r, name: t(`value.role.${r}`) }) })) });
    refuseMilitaryRoles(session, name === id ? name : t("people.label", { name, id }), department, roles);
    const title = flags.title ?? (ask ? await ask.input({ message: t("person.prompt.title") }) : undefined);
    const shopFloor = shopFloorFields(session, flags, roles);
    // The 工号 beside the name, the stations and the operator mark after the roles, where a reader of people.yaml looks for them.
    const person: Person = {
      id,
      name,
      ...(shopFloor.number !== undefined ? { number: shopFloor.number } : {}),
      ...(flags.nameEn?.trim() ? { name_en: flags.nameEn.trim() } : {}),
      department,
      ...(title?.trim() ? { title: title.trim() } : {}),
      roles,
      ...(shopFloor.stations !== undefined ? { stations: shopFloor.stations } : {}),
      ...(shopFloor.operator ? { operator: true } : {}),
    };
    const namesake = session.repo.people.find((p) => p.value.name === name)?.value;
    // Records that name this person by name (an import writes an unknown signer so): now the id.
    const byName = namesake || name === id ? { changes: [], places: [] } : recordsByName(session, name, id);
    // Without --from, at work from the day added (--today): counted at work since ever, a new operator owed training on every
    // document of the department from its release, years back (tester75 P12: 403 days overdue). Records already in their
    // name show they worked before it: no day is assumed then.
    const given = typeof flags.from === "string" ? dateOption(flags.from, "--from") : undefined;
    const joined = given ?? (byName.places.length > 0 ? undefined : dateOption(flags.today, "--today"));
    if (joined !== undefined) person.joined = joined;
    const lines = [
      t("person.added", { person: name === id ? name : t("people.label", { name, id }), department: departmentLabel(session.index, department), roles: roleList(person.roles), path: PEOPLE }),
      ...(given ? [t("person.added.joined", { date: given })] : joined ? [t("person.added.joined-today", { date: joined })] : []),
      ...shopFloorLines(person),
      ...(namesake ? [t("person.namesake", { name, id: namesake.id })] : []),
      ...(byName.places.length > 0 ? [t("person.by-name-resolved", { name, id, count: byName.places.length, files: list(byName.places) })] : []),
    ];
    await saveChanges(ctx, session, [addToPeople(session, person), ...byName.changes], lines, { commit: flags.commit, message: t("person.commit.add", { id, name }) });
    return 0;
  });
}

export async function personUpdateCommand(ctx: CommandContext, id: string, flags: PersonFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const { located, person } = findPerson(session, id);
    const next: Partial<Person> = {};
    if (flags.name !== undefined) next.name = flags.name.trim();
    if (flags.nameEn !== undefined) next.name_en = flags.nameEn.trim();
    if (flags.department !== undefined) next.department = departmentByCode(session, flags.department, "--department", { parties: true });
    if (flags.roles !== undefined) next.roles = roleOption(flags.roles);
    if (flags.title !== undefined) next.title = flags.title.trim();
    if (flags.from !== undefined) next.joined = flags.from === false ? (person.joined === undefined ? undefined : "") : dateOption(flags.from, "--from");
    if (flags.left !== undefined) next.left = flags.left === false ? (person.left === undefined ? undefined : "") : dateOption(flags.left, "--left");
    if (flags.number !== undefined || flags.station !== undefined || flags.operator !== undefined || flags.roles !== undefined) {
      // What is not given is kept; a value given empty (--number "", --station "", --no-operator) takes the field out ("").
      const fields = shopFloorFields(session, { ...flags, operator: flags.operator ?? person.operator }, next.roles ?? person.roles, person.id);
      const gone = "" as never;
      if (flags.number !== undefined) next.number = fields.number ?? (person.number === undefined ? undefined : gone);
      if (flags.station !== undefined) next.stations = fields.stations ?? (person.stations === undefined ? undefined : gone);
      if (flags.operator !== undefined) next.operator = flags.operator ? true : person.operator === undefined ? undefined : gone;
    }
    const qualifications = auditorQualifications(session, person, flags);
    if (qualifications) next.internal_auditor = qualifications;
    if (next.name === "") throw new UserError(t("person.empty-name"));
    if (flags.opposite) throw new UserError(t("person.update.opposite", { option: flags.opposite, negated: flags.opposite.replace("--", "--no-") }));
    if (next.joined) refuseWorkBefore(session, person.id, next.joined);
    if (next.left && next.left !== person.left) refuseWorkAfter(session, person.id, next.left, "update");
    if (next.department !== undefined || next.roles !== undefined) refuseMilitaryRoles(session, personLabel(session.index, person.id), next.department ?? person.department, next.roles ?? person.roles);
    const changed = (Object.keys(next) as (keyof Person)[]).filter((field) => JSON.stringify(next[field]) !== JSON.stringify(person[field]));
    if (changed.length === 0) {
      if (Object.keys(next).length === 0) throw new UserError(t("person.update.nothing"), t("person.update.hint", { id: person.id }));
      ctx.stdout(`${t("person.update.same", { person: personLabel(session.index, person.id) })}\n`);
      return 0;
    }
    const shown = (field: keyof Person, value: unknown) =>
      value === undefined || value === ""
        ? t("person.none")
        : field === "department"
          ? departmentLabel(session.index, String(value))
          : field === "roles"
            ? roleList(value as Role[])
            : field === "stations"
              ? list(value as string[])
              : field === "operator"
                ? t("person.operator.yes")
            : field === "internal_auditor"
              ? qualificationText(value as AuditorQualification[], t) || t("person.none")
              : String(value);
    // A period added beside those recorded is said as added, not as the newest period before and after (breaker63 P3).
    const addedPeriod = next.internal_auditor && (person.internal_auditor ?? []).length > 0 ? next.internal_auditor.find((q) => !(person.internal_auditor ?? []).some((p) => p.since === q.since)) : undefined;
    const details = changed.map((field) =>
      field === "internal_auditor" && addedPeriod
        ? t("person.update.auditor-added", { field: t("person.field.internal_auditor"), added: qualificationText([addedPeriod], t), before: person.internal_auditor!.map((q) => qualificationText([q], t)).join(t("register.list-separator")) })
        : t("person.update.field", { field: t(`person.field.${field as "name" | "name_en" | "department" | "roles" | "title" | "joined" | "left" | "internal_auditor" | "number" | "stations" | "operator"}`), before: shown(field, person[field]), after: shown(field, next[field]) }),
    );
    const change = editFile(session.root, located.file.path, "people", (doc) => {
      for (const field of changed) {
        const value = next[field];
        if (value === "" || value === undefined) doc.deleteIn([...located.path, field]);
        else if (field === "internal_auditor") doc.setIn([...located.path, field], doc.createNode((value as AuditorQualification[]).map((q) => doc.createNode(q, { flow: true }))));
        else doc.setIn([...located.path, field], field === "roles" || field === "stations" ? flowSeq(doc, value) : value);
      }
    });
    const lines = [t("person.updated", { person: personLabel(session.index, person.id), details: details.join(t("person.update.separator")) })];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("person.commit.update", { id: person.id, fields: changed.join(", ") }) });
    return 0;
  });
}

export async function personLeaveCommand(ctx: CommandContext, id: string, flags: PersonFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const { located, person } = findPerson(session, id);
    if (person.left !== undefined) throw new UserError(t("person.left-already", { person: personLabel(session.index, person.id), date: person.left }));
    const date = dateOption(flags.date, "--date");
    refuseWorkAfter(session, person.id, date);
    const change = editFile(session.root, located.file.path, "people", (doc) => doc.setIn([...located.path, "left"], date));
    const lines = [t("person.left", { person: personLabel(session.index, person.id), date, path: located.file.path }), ...handOver(session, person, date), ...nobodyAfter(session, person, date), ...controllerAfter(session, person, date)];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("person.commit.leave", { id: person.id, date }) });
    return 0;
  });
}

/**
 * `--date` is the last working day: records in the person's name dated after it would be errors of rule
 * person/work-after-leaving at once, so the command refuses before writing, names them and says which
 * date would keep them valid (the latest of them).
 */
function refuseWorkAfter(session: EditSession, id: string, date: string, command: "leave" | "update" = "leave"): void {
  const after = workOf(session, id).filter(({ w }) => w.date > date);
  if (after.length === 0) return;
  const latest = after.map(({ w }) => w.date).sort().at(-1)!;
  throw new UserError(
    t("person.leave.work-after", { person: personLabel(session.index, id), date, count: after.length, records: shortList(after.map((r) => workRecord(session, r))) }),
    t(command === "leave" ? "person.leave.work-after.hint" : "person.update.work-after.hint", { id: shellArgument(id), latest }),
  );
}

/** Records naming person `id` as the one who did the work: [{ w: PersonWork, entity: CSR or document id, or process code }]. */
function workOf(session: EditSession, id: string) {
  return [
    ...[...session.index.csrs.values()].flatMap(({ value }) => csrWork(value).map((w) => ({ w, entity: value.id }))),
    ...[...session.index.documents.values()].flatMap(({ value }) => documentWork(value).map((w) => ({ w, entity: value.id }))),
    ...session.repo.processes.flatMap(({ value }) => processWork(value).map((w) => ({ w, entity: value.code }))),
  ].filter(({ w }) => w.person === id);
}

function workRecord(session: EditSession, { w, entity }: ReturnType<typeof workOf>[number]): string {
  return t("person.leave.work-after.record", { entity, date: w.date, what: workDescription(w, session.index) });
}

/**
 * `csr person update --from <date>`: the first working day. Records in the person's name dated before it would be
 * errors of rule person/work-before-joining at once, so the command refuses before
 * writing, names them (earliest first) and says which start date would keep them valid (the earliest of them).
 */
function refuseWorkBefore(session: EditSession, id: string, date: string): void {
  const before = workOf(session, id).filter(({ w }) => w.date < date).sort((a, b) => a.w.date.localeCompare(b.w.date));
  if (before.length === 0) return;
  const earliest = before[0]!.w.date;
  throw new UserError(
    t("person.update.work-before", { person: personLabel(session.index, id), date, count: before.length, records: shortList(before.map((r) => workRecord(session, r))) }),
    t("person.update.work-before.hint", { id: shellArgument(id), earliest }),
  );
}

/**
 * `csr person remove <id>...`: takes people out of people.yaml who were never named by any record —
 * the placeholder people `csr init` writes (张三, 李四 …) once the real ones are added, or a person
 * added by mistake. Someone a record names (any person field ref/unresolved checks:
 * forEachPersonReference) stays, because the record must remain attributable (IATF 16949 7.5.3.2.1):
 * the refusal names where, and says to record that they left (`csr person leave`). A file that fails
 * its schema is searched as text for the id, since its fields cannot be read.
 * At a terminal with no id given, asks which of the people no record names to remove.
 */
export async function personRemoveCommand(ctx: CommandContext, ids: string[] | undefined, flags: PersonFlags): Promise<number> {
  return removePeople(ctx, ids, flags);
}

/** personRemoveCommand; `prompts` are for tests, otherwise @inquirer/prompts. */
export async function removePeople(ctx: CommandContext, ids: string[] | undefined, flags: PersonFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const places = personReferences(session);
    let given = ids ?? [];
    if (given.length === 0) {
      const unnamed = session.repo.people.map((p) => p.value).filter((p) => !places.has(p.id));
      if (session.ask && unnamed.length === 0) throw new UserError(t("person.remove.none-unnamed"), t("person.remove.referenced.hint", { id: "<id>" }));
      given = await need(session.ask, "<id>", t("person.needs.id"), (p) =>
        p.checkbox({ message: t("person.prompt.remove"), required: true, choices: unnamed.map((person) => personChoice(session.index, person)) }),
      );
    }
    const people = [...new Map(given.map((g) => findPerson(session, g)).map((found) => [found.person.id, found])).values()];
    for (const { person } of people) {
      const named = places.get(person.id);
      if (!named) continue;
      const shown = named.slice(0, SHOWN_PLACES).map((place) => `  ${place}`);
      if (named.length > SHOWN_PLACES) shown.push(`  ${t("person.remove.more", { count: named.length - SHOWN_PLACES })}`);
      throw new UserError(t("person.remove.referenced", { person: personLabel(session.index, person.id), count: named.length }) + "\n" + shown.join("\n"), t("person.remove.referenced.hint", { id: person.id }));
    }
    const file = people[0]!.located.file.path;
    const change = editFile(session.root, file, "people", (doc) => {
      // From the last entry back, so that the indexes of the others stay right.
      const indexes = people.map((p) => p.located.path.at(-1) as number).sort((a, b) => b - a);
      const list = doc.getIn(people[0]!.located.path.slice(0, -1), true);
      if (!isSeq(list)) throw new Error("people.yaml people changed while it was read");
      for (const i of indexes) list.items.splice(i, 1);
    });
    const labels = people.map((p) => personLabel(session.index, p.person.id));
    const lines = [t("person.removed", { people: list(labels), count: labels.length, path: file })];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("person.commit.remove", { ids: people.map((p) => p.person.id).join(", ") }) });
    return 0;
  });
}

/**
 * The records that name a person by `name` where a person id belongs (forEachPersonReference): what
 * `csr import` writes for a signer not yet in people.yaml, which `ref/unresolved` then reports. With
 * the person added as `id`, each such reference is rewritten to the id, so that the import's advice
 * ('csr person add') is all it takes. Returns the file changes and, per file, "path（n 处）".
 */
function recordsByName(session: EditSession, name: string, id: string): { changes: FileChange[]; places: string[] } {
  const found = new Map<string, { kind: SourceFile["kind"]; paths: Path[] }>();
  forEachPersonReference(session.repo, () => true, (file, path, person) => {
    if (person !== name) return;
    const entry = found.get(file.path) ?? { kind: file.kind, paths: [] };
    entry.paths.push(path);
    found.set(file.path, entry);
  });
  const changes = [...found].map(([path, { kind, paths }]) => editFile(session.root, path, kind, (doc) => paths.forEach((at) => doc.setIn(at, id))));
  const places = [...found].map(([path, { paths }]) => t("person.by-name-place", { path, count: paths.length }));
  return { changes, places };
}

/** Places named in the refusal to remove someone: enough to find them. */
const SHOWN_PLACES = 10;

/** Each person id a record names, with where: `file:line:column field.path`. */
function personReferences(session: EditSession): Map<string, string[]> {
  const places = new Map<string, string[]>();
  const add = (id: string, place: string) => places.set(id, [...(places.get(id) ?? []), place]);
  forEachPersonReference(session.repo, () => true, (file, path, id) => {
    const [line, column] = locate(file, path);
    add(id, `${file.path}:${line}:${column} ${path.join(".")}`);
  });
  // A record whose file fails its schema is not among the read ones: its text is what names people.
  const read = new Set([...session.repo.documents, ...session.repo.csrs].map((d) => d.file.path));
  for (const file of session.repo.files) {
    if ((file.kind !== "document" && file.kind !== "csr") || read.has(file.path)) continue;
    file.text.split("\n").forEach((text, i) => {
      for (const person of session.repo.people) {
        const id = escapeRegExp(person.value.id);
        if (new RegExp(`(^|[\\s:,\\[{'"-])${id}($|[\\s,\\]}'"#])`, "u").test(text)) add(person.value.id, `${file.path}:${i + 1}:1`);
      }
    });
  }
  return places;
}

/**
 * What someone leaving on `date` still answers for (tester60 J4), one line each with the command that
 * hands it over: the open work that rule person/left-with-open-work reports until it is handed over
 * (model/person-work.ts openWork: implementations owned, copies held, departments served as delegate,
 * the electronic issues qms.yaml has them make), then the documents they submitted that are still
 * waiting for approval (送审 or 修订中; csr submit), which someone else carries on. The list is the
 * repository's as it stands, whether the day is to come or past. Nothing: no line.
 */
function handOver(session: EditSession, person: Person, date: string): string[] {
  const id = shellArgument(person.id);
  const open = openWork(session.index, session.repo.config).filter((w) => w.person === person.id);
  const work = open.map((w) => {
    if (w.kind === "owner") return t("person.left.work.owner", { csr: w.csr, arg: shellArgument(w.csr) });
    if (w.kind === "holder") return t("person.left.work.holder", { document: w.document, version: w.version, copy: w.copy, department: departmentLabel(session.index, w.to), arg: shellArgument(w.document), to: w.to, id });
    if (w.kind === "delegate") return t("person.left.work.delegate", { department: departmentLabel(session.index, w.department), code: shellArgument(w.department), id });
    return t("person.left.work.electronic-issuer", { path: w.file.path });
  });
  const drafts = session.repo.documents
    .map(({ value: doc }) => (doc.revising?.by === person.id ? { doc, since: doc.revising.since, kind: "revising" as const } : doc.status === "in-review" && doc.submitted?.by === person.id ? { doc, since: doc.submitted.since, kind: "submitted" as const } : undefined))
    .filter((d) => d !== undefined)
    .map(({ doc, since, kind }) => t(`person.left.work.${kind}`, { document: doc.id, since, arg: shellArgument(doc.id) }));
  const lines: string[] = [];
  if (work.length > 0) lines.push(t("person.left.open-work", { date, count: work.length }), ...work.map((w) => `  - ${w}`));
  // The copies held pass at once to whoever takes over, their numbers kept (csr hand-over), rather than each recalled and issued again.
  if (open.some((w) => w.kind === "holder")) lines.push(t("person.left.hand-over", { id }));
  if (drafts.length > 0) lines.push(t("person.left.drafts", { count: drafts.length }), ...drafts.map((d) => `  - ${d}`));
  return lines;
}

/**
 * What waits on the leaver's role from the day after `date`, when nobody else at work then (worksOn) can do it
 * (IATF 16949 7.5.2 / GJB 9001C 7.5.2: documents are approved by those authorised; 8.2.3: the review needs each
 * department's opinion): the CSR reviews under way still without the opinion of a department the leaver speaks
 * for (a member or a delegate) that nobody else will speak for, and, for an approver, the documents in approval
 * (审批中, 修订中) and the undecided reviews when no other approver is at work. Each with what to do.
 */
function nobodyAfter(session: EditSession, person: Person, date: string): string[] {
  const next = addDays(date, 1);
  const atWork = session.repo.people.map((p) => p.value).filter((p) => p.id !== person.id && worksOn(p, next) && !isMilitaryRepresentative(session.index, p) && !p.operator);
  const undecided = session.repo.csrs.map((c) => c.value).filter((c) => !c.superseded && !c.review?.decision);
  const lines: string[] = [];
  const config = session.repo.config?.value;
  const speaksFor = [...session.index.departments.values()].filter((d) => d.code === person.department || (d.delegates ?? []).includes(person.id));
  for (const d of speaksFor) {
    if (atWork.some((p) => p.department === d.code || (d.delegates ?? []).includes(p.id))) continue;
    const waiting = undecided.filter((c) => missingOpinions(c, config).includes(d.code)).map((c) => c.id);
    if (waiting.length > 0) lines.push(t("person.left.opinions-nobody", { date: next, department: departmentLabel(session.index, d.code), code: shellArgument(d.code), csrs: shortList(waiting), first: shellArgument(waiting[0]!), id: shellArgument(person.id), count: waiting.length }));
  }
  if ((person.roles ?? []).includes("approver") && !atWork.some((p) => (p.roles ?? []).includes("approver"))) {
    const documents = session.repo.documents.filter((d) => d.value.status === "in-review" || d.value.revising !== undefined).length;
    if (documents + undecided.length > 0) lines.push(t("person.left.approver-nobody", { date: next, documents, csrs: undecided.length }));
  }
  return lines;
}

/**
 * The 文控 role's hand-over (tester60 J4): when a document controller leaves and nobody else with the role is
 * at work the day after `date` (worksOn: a successor added with --from counts from her first day), the line
 * that says so and how to add the successor; else the successor's name and first working day, so the
 * default 发放人/回收人 of csr distribute/recall is seen to change on the right day. Nothing for anyone else.
 */
function controllerAfter(session: EditSession, person: Person, date: string): string[] {
  if (!(person.roles ?? []).includes("document-controller")) return [];
  const next = addDays(date, 1);
  const others = session.repo.people.map((p) => p.value).filter((p) => p.id !== person.id && (p.roles ?? []).includes("document-controller") && !isMilitaryRepresentative(session.index, p));
  const atWork = others.filter((p) => worksOn(p, next));
  if (atWork.length > 0) return [t("person.left.controller-next", { date: next, people: list(atWork.map((p) => personLabel(session.index, p.id))) })];
  const coming = others.filter((p) => p.joined !== undefined && p.joined > next && worksOn({ ...p, joined: undefined }, p.joined));
  if (coming.length > 0) return [t("person.left.controller-gap", { date: next, people: list(coming.map((p) => `${personLabel(session.index, p.id)}（${p.joined}）`)) })];
  return [t("person.left.controller-none", { date: next })];
}

/**
 * The person's internal auditor qualifications after --auditor-since/--auditor-until/--auditor-record
 * (see the module's comment), oldest first; undefined when none of them is given. Errors: UserError.
 */
function auditorQualifications(session: EditSession, person: Person, flags: PersonFlags): AuditorQualification[] | undefined {
  if (flags.auditorSince === undefined && flags.auditorUntil === undefined && flags.auditorRecord === undefined && flags.auditorKinds === undefined) return undefined;
  if (isMilitaryRepresentative(session.index, person)) throw new UserError(t("person.auditor.military", { person: personLabel(session.index, person.id) }));
  const before = person.internal_auditor ?? [];
  const until = flags.auditorUntil === undefined ? undefined : dateOption(flags.auditorUntil, "--auditor-until");
  const record = flags.auditorRecord?.trim() || undefined;
  const kinds = flags.auditorKinds === undefined ? undefined : auditorKindOption(flags.auditorKinds);
  if (flags.auditorSince === undefined) {
    const latest = before.at(-1);
    if (!latest) throw new UserError(t("person.auditor.none", { person: personLabel(session.index, person.id) }), t("person.auditor.hint", { id: person.id }));
    if (until !== undefined && until < latest.since) throw new UserError(t("person.auditor.until-before", { until, since: latest.since }));
    const untilNow = until ?? latest.until;
    const recordNow = record ?? latest.record;
    const kindsNow = kinds ?? latest.kinds;
    return [...before.slice(0, -1), { since: latest.since, ...(untilNow !== undefined ? { until: untilNow } : {}), ...(recordNow ? { record: recordNow } : {}), ...(kindsNow ? { kinds: kindsNow } : {}) }];
  }
  const since = dateOption(flags.auditorSince, "--auditor-since");
  if (until !== undefined && until < since) throw new UserError(t("person.auditor.until-before", { until, since }));
  // The period granted that day keeps its kinds when corrected without --auditor-kinds.
  const kindsNow = kinds ?? before.find((p) => p.since === since)?.kinds;
  const period: AuditorQualification = { since, ...(until !== undefined ? { until } : {}), ...(record ? { record } : {}), ...(kindsNow ? { kinds: kindsNow } : {}) };
  // A new period that overlaps one recorded for a kind of audit they share (an open end reaching a later one, or a start inside
  // one) would qualify audits the records show unqualified: refused, saying which and how to record it (breaker63 P3; IATF
  // 16949 7.2.3). A product auditor's qualification beside a QMS auditor's is two qualifications, not an overlap.
  const end = (q: AuditorQualification) => q.until ?? AFTER_EVERY_DAY;
  const shares = (q: AuditorQualification) => qualifiedKinds(q).some((kind) => qualifiedKinds(period).includes(kind));
  const overlapped = before.filter((q) => q.since !== since && shares(q) && q.since <= end(period) && since <= end(q));
  if (overlapped.length > 0) {
    const periodText = (q: AuditorQualification) => qualificationText([q], t);
    throw new UserError(
      t("person.auditor.overlap", { person: personLabel(session.index, person.id), period: periodText(period), overlapped: overlapped.map(periodText).join(t("register.list-separator")) }),
      t("person.auditor.overlap.hint", { id: person.id, since: overlapped[0]!.since }),
    );
  }
  // The period granted that day is corrected, not repeated; the list stays in the order it was granted.
  return [...before.filter((p) => p.since !== since), period].sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
}

/** --auditor-kinds qms,product (or repeated): the kinds of audit a qualification is for, in AUDITOR_KINDS order. Errors: UserError for an unknown kind. */
function auditorKindOption(given: string[] | string): AuditorKind[] {
  const kinds = [...new Set(listOption(given))];
  if (kinds.length === 0) throw new UserError(t("person.auditor.bad-kind", { kind: "", kinds: list(AUDITOR_KINDS) }));
  for (const kind of kinds) if (!(AUDITOR_KINDS as readonly string[]).includes(kind)) throw new UserError(t("person.auditor.bad-kind", { kind, kinds: list(AUDITOR_KINDS) }) + didYouMean(kind, AUDITOR_KINDS));
  return AUDITOR_KINDS.filter((kind) => kinds.includes(kind));
}

/** The person by id or by name, as every option naming a person takes them (resolvePerson). */
function findPerson(session: EditSession, given: string) {
  const id = resolvePerson(session.index, given, "<id>").id;
  const located = session.repo.people.find((p) => p.value.id === id)!;
  return { located, person: located.value };
}

/**
 * A person of a military representative office (qms.yaml external_parties of kind
 * military-representative) is the customer's 军代表, not a member of the organisation: they sign its
 * documents and review reports only as 军代表 and take none of its roles (people.yaml written by `csr
 * init --standard GJB9001C` says so; GJB 9001C 5.3 / 7.5.2: the organisation's own people prepare,
 * review and approve its documents). Person rule person/military-signature reports the same
 * in a people.yaml edited by hand.
 * Errors: UserError naming the roles, with a hint to drop them or choose another department.
 */
function refuseMilitaryRoles(session: EditSession, person: string, department: string, roles: readonly Role[]): void {
  if (roles.length === 0 || !isMilitaryRepresentative(session.index, { department })) return;
  throw new UserError(t("person.military-roles", { person, department: departmentLabel(session.index, department), roles: roleList(roles) }), t("person.military-roles.hint"));
}

/** --roles reviewer,approver (or repeated); none given: no roles, which the schema allows. */
/**
 * The shop-floor fields of a person from the flags (IATF 16949 7.2.1, 7.2.2: operators trained for their stations):
 * `number` (工号), `stations` (工位, as station codes), `operator`. Errors (UserError, one line): a 工号 another person
 * (not `self`) has, a station that is no code, an operator given signing roles (an operator signs nothing).
 */
function shopFloorFields(session: EditSession, flags: PersonFlags, roles: readonly Role[], self?: string): Pick<Person, "number" | "stations" | "operator"> {
  const number = flags.number?.trim() || undefined;
  const holder = number === undefined ? undefined : session.repo.people.find((p) => p.value.id !== self && p.value.number?.normalize("NFKC").trim() === number.normalize("NFKC"))?.value;
  if (holder) throw new UserError(t("person.number-taken", { number: number!, person: personLabel(session.index, holder.id) }));
  const stations = [...new Set(listOption(flags.station).map((s) => s.trim()))];
  for (const station of stations) if (!STATION.test(station)) throw new UserError(t("person.bad-station", { station }));
  if (flags.operator && roles.length > 0) throw new UserError(t("person.operator-roles", { roles: roleList(roles) }));
  return { ...(number !== undefined ? { number } : {}), ...(stations.length > 0 ? { stations } : {}), ...(flags.operator ? { operator: true } : {}) };
}

/** schemas/common.schema.json code: a station as the control plan and the line name it (OP20, L1-OP20). */
const STATION = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** What csr person add says of a person's 工号, stations and being an operator, one line; none when nothing of it is given. */
function shopFloorLines(person: Person): string[] {
  const parts = [
    ...(person.number !== undefined ? [t("person.added.number", { number: person.number })] : []),
    ...(person.stations !== undefined ? [t("person.added.stations", { stations: list(person.stations) })] : []),
    ...(person.operator ? [t("person.added.operator")] : []),
  ];
  return parts.length === 0 ? [] : [parts.join(t("person.update.separator"))];
}

function roleOption(given: PersonFlags["roles"]): Role[] {
  const roles = [...new Set(listOption(given))];
  for (const role of roles) if (!ROLES.includes(role as Role)) throw new UserError(t("person.bad-role", { role, roles: list(ROLES.map((r) => t("person.role-choice", { role: r, name: t(`value.role.${r}`) }))) }) + didYouMean(role, ROLES));
  return roles as Role[];
}

const roleList = (roles: readonly Role[]) => (roles.length === 0 ? t("person.no-roles") : list(roles.map((r) => t(`value.role.${r}`))));

function flowSeq(doc: Document, values: unknown) {
  const node = doc.createNode(values);
  if (isSeq(node)) node.flow = true;
  return node;
}

/** The new person at the end of people.yaml's list (the file is created when absent), with one-line roles. */
function addToPeople(session: EditSession, person: Person): FileChange {
  const exists = existsSync(join(session.root, PEOPLE));
  const put = (doc: Document) => {
    const node = doc.createNode(person) as YAMLMap;
    for (const key of ["roles", "stations"]) {
      const seq = node.get(key, true);
      if (isSeq(seq)) seq.flow = true;
    }
    if (isMap(node)) appendIn(doc, ["people"], node);
  };
  if (exists) return editFile(session.root, PEOPLE, "people", put);
  const doc = new Document({ people: [] });
  put(doc);
  return { path: PEOPLE, kind: "people", text: yamlText(doc), create: true };
}
