/**
 * `csr department add|update`: the departments of qms.yaml (部门) and which of them countersign every
 * CSR review (会签, qms.yaml `csr.reviewers`), without hand-edited YAML. A new department (工程部,
 * 物流部 …) is usually also a new countersigning one: IATF 16949 4.3.2 and the CSR procedure have the
 * departments concerned review each customer requirement together.
 *
 * A department's code is not changed here: people, documents, processes, copies and opinions name it.
 * `update --add-delegate/--remove-delegate` names who serves a department without belonging to it
 * (qms.yaml `delegates`: gives its opinions, holds its copies), e.g. the 质量部 engineer who speaks
 * for a small 物流部; one who left is taken off (rule person/left-with-open-work reports them).
 *
 * Errors (UserError, one line): a code that is not a code (schemas/common.schema.json code) or that a
 * department or outside party has already (compared without case), an empty name, an unknown
 * department to update, nothing to change, a delegate who is no person of people.yaml, has left, or
 * belongs to the department already.
 */
import { isMap, isScalar, isSeq, YAMLSeq, type Document, type YAMLMap } from "yaml";
import { localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { CODE_PATTERN } from "../../model/paths.js";
import { EXTERNAL_PARTY_KINDS, type CsrReviewer, type ExternalParty, type ExternalPartyKind } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { dateOption } from "../options.js";
import { editFile, listOption, need, optionalAnswer, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";
import { departmentLabel, personLabel, resolveDepartment, resolvePerson } from "../shared/people.js";
import { appendExternalParty } from "../shared/external-parties.js";
import type { Prompts } from "../add/prompting.js";

export interface DepartmentFlags {
  name?: string;
  nameEn?: string;
  /** true: the department countersigns every CSR review (csr.reviewers); false: it no longer does. */
  countersign?: boolean;
  /** The day the department begins to countersign (YYYY-MM-DD, default today). */
  date?: string;
  /** People (id or name) who serve the department without belonging to it (qms.yaml `delegates`). */
  addDelegate?: string[];
  removeDelegate?: string[];
  /**
   * `add` only: the entry is an outside party (qms.yaml `external_parties`, 外部单位) of this kind, not a
   * department: e.g. the 军代表室 of a GJB 9001C supplier (military-representative), which holds
   * controlled copies and whose 军代表 signs documents, but countersigns no CSR, owns no document and is
   * trained by nobody.
   */
  external?: string;
  yes?: boolean;
  commit?: boolean;
}

export async function departmentAddCommand(ctx: CommandContext, code: string | undefined, flags: DepartmentFlags): Promise<number> {
  return addDepartment(ctx, code, flags);
}

/** `prompts` given: ask for whatever the flags left open, whatever the terminal (tests drive this). */
export async function addDepartment(ctx: CommandContext, codeArg: string | undefined, flags: DepartmentFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const { ask } = session;
    const config = session.repo.config;
    if (!config) throw new UserError(t("department.no-qms"));
    const problem = (code: string) => (!CODE_PATTERN.test(code) ? t("department.bad-code", { code }) : taken(session, code, flags.external !== undefined));
    const code = (codeArg ?? (await need(ask, "<code>", t("department.needs.code"), (p) => p.input({ message: t("department.prompt.code"), required: true, validate: (v) => problem(v.trim()) ?? true })))).trim();
    const refused = problem(code);
    if (refused) throw new UserError(refused, CODE_PATTERN.test(code) ? t("department.exists.hint") : t("department.code.hint"));
    const name = (flags.name ?? (await need(ask, "--name", t("department.needs.name"), (p) => p.input({ message: t("department.prompt.name"), required: true })))).trim();
    if (name === "") throw new UserError(t("department.empty-name"));
    const nameEn = (flags.nameEn ?? (ask ? optionalAnswer(await ask.input({ message: t("department.prompt.name-en") })) : undefined))?.trim() || undefined;
    if (flags.external !== undefined) return addParty(ctx, session, { code, name, ...(nameEn ? { name_en: nameEn } : {}), kind: partyKind(flags) }, flags);
    const countersign = flags.countersign ?? (ask
        ? (await ask.select({ message: t("department.prompt.countersign"), choices: [{ value: "yes", name: t("department.prompt.countersign-yes") }, { value: "no", name: t("department.prompt.countersign-no") }] })) === "yes"
        : false);
    const since = countersign ? sinceDate(session, flags.date) : undefined;
    const change = editFile(session.root, config.file.path, "qms", (doc) => {
      appendDepartment(doc, { code, name, ...(nameEn ? { name_en: nameEn } : {}) });
      if (countersign) setCountersign(doc, code, true, since?.date);
    });
    const label = t("people.department-choice", { code, name });
    const lines = [t("department.added", { department: label, path: config.file.path })];
    lines.push(countersign ? t("department.countersigns", { department: label }) : t("department.countersign-hint", { code }));
    const open = countersign ? openReviewsWithout(session, code) : [];
    if (open.length > 0) lines.push(t("department.open-reviews-need", { department: label, count: open.length, csrs: list(open) }));
    if (since?.date) lines.push(t("department.since", { department: label, count: since.decided, date: since.date }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("department.commit.add", { code, name }) });
    return 0;
  });
}

export async function departmentUpdateCommand(ctx: CommandContext, given: string, flags: DepartmentFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const config = session.repo.config;
    if (!config) throw new UserError(t("department.no-qms"));
    const code = resolveDepartment(session.index, given, "<code>");
    const department = session.index.departments.get(code)!;
    const reviewers = config.value.csr?.reviewers ?? [];
    const name = flags.name?.trim();
    const nameEn = flags.nameEn?.trim();
    if (name === "") throw new UserError(t("department.empty-name"));
    const delegates = delegateEdit(session, code, department.delegates ?? [], flags);
    if (name === undefined && nameEn === undefined && flags.countersign === undefined && !delegates) throw new UserError(t("department.update.nothing"), t("department.update.hint", { code }));
    const details: string[] = [];
    if (name !== undefined && name !== department.name) details.push(t("department.update.field", { field: t("department.field.name"), before: department.name, after: name }));
    if (nameEn !== undefined && nameEn !== (department.name_en ?? "")) details.push(t("department.update.field", { field: t("department.field.name_en"), before: department.name_en ?? t("department.none"), after: nameEn || t("department.none") }));
    const countersigns = reviewers.some((r) => reviewerCode(r) === code);
    const countersignChanged = flags.countersign !== undefined && flags.countersign !== countersigns;
    if (countersignChanged) details.push(t(flags.countersign ? "department.update.countersign-on" : "department.update.countersign-off"));
    const person = (id: string) => personLabel(session.index, id);
    if (delegates?.added.length) details.push(t("department.update.delegates-added", { people: list(delegates.added.map(person)) }));
    if (delegates?.removed.length) details.push(t("department.update.delegates-removed", { people: list(delegates.removed.map(person)) }));
    const label = name ?? departmentLabel(session.index, code);
    if (details.length === 0) {
      ctx.stdout(`${t("department.update.same", { department: label })}\n`);
      return 0;
    }
    const since = countersignChanged && flags.countersign ? sinceDate(session, flags.date) : undefined;
    const change = editFile(session.root, config.file.path, "qms", (doc) => {
      const entry = departmentNode(doc, code);
      if (name !== undefined) entry.set("name", name);
      if (nameEn === "") entry.delete("name_en");
      else if (nameEn !== undefined) entry.set("name_en", nameEn);
      if (countersignChanged) setCountersign(doc, code, flags.countersign!, since?.date);
      if (delegates?.added.length || delegates?.removed.length) setDelegates(doc, entry, delegates.after);
    });
    const lines = [t("department.updated", { department: departmentLabel(session.index, code), details: details.join(t("department.update.separator")) })];
    // Reviews under way follow csr.reviewers as it is now: say which now need, or no longer wait for, this department.
    const open = countersignChanged ? openReviewsWithout(session, code) : [];
    if (open.length > 0) lines.push(t(flags.countersign ? "department.open-reviews-need" : "department.open-reviews-skip", { department: label, count: open.length, csrs: list(open) }));
    if (since?.date) lines.push(t("department.since", { department: label, count: since.decided, date: since.date }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("department.commit.update", { code }) });
    return 0;
  });
}

/**
 * The department's delegates after `--add-delegate`/`--remove-delegate`, or undefined when neither is
 * given. One added is a person of people.yaml who is there today and not of the department already;
 * one removed is named as listed (by id or name), even when they left or people.yaml lost them.
 */
function delegateEdit(session: EditSession, code: string, before: readonly string[], flags: DepartmentFlags): { after: string[]; added: string[]; removed: string[] } | undefined {
  const add = listOption(flags.addDelegate);
  const remove = listOption(flags.removeDelegate);
  if (add.length === 0 && remove.length === 0) return undefined;
  const added: string[] = [];
  for (const given of add) {
    const person = resolvePerson(session.index, given, "--add-delegate", localToday());
    if (person.department === code) throw new UserError(t("department.delegate-member", { person: personLabel(session.index, person.id), department: departmentLabel(session.index, code) }));
    if (!before.includes(person.id) && !added.includes(person.id)) added.push(person.id);
  }
  const removed: string[] = [];
  for (const given of remove) {
    const id = before.includes(given.trim()) ? given.trim() : resolvePerson(session.index, given, "--remove-delegate").id;
    if (!before.includes(id)) throw new UserError(t("department.not-delegate", { person: personLabel(session.index, id), department: departmentLabel(session.index, code) }));
    if (!removed.includes(id)) removed.push(id);
  }
  return { after: [...before.filter((id) => !removed.includes(id)), ...added.filter((id) => !removed.includes(id))], added, removed };
}

/**
 * Writes `delegates`: the list edited in place (its style and comments kept), a new one on one line
 * as qms.yaml lists codes; the key taken out when nobody is left.
 */
function setDelegates(doc: Document.Parsed, entry: YAMLMap, delegates: readonly string[]): void {
  if (delegates.length === 0) {
    entry.delete("delegates");
    return;
  }
  const existing = entry.get("delegates", true);
  if (isSeq(existing)) {
    const kept = existing.items.filter((item) => isScalar(item) && delegates.includes(String(item.value)));
    const listed = new Set(kept.map((item) => String((item as { value: unknown }).value)));
    existing.items = [...kept, ...delegates.filter((id) => !listed.has(id)).map((id) => doc.createNode(id))];
    return;
  }
  const node = doc.createNode([...delegates]) as YAMLSeq;
  node.flow = true;
  entry.set("delegates", node);
}

/** Why `code` cannot be a new department's, or undefined: a department or an outside party has it (without case). */
function taken(session: EditSession, code: string, party = false): string | undefined {
  const key = code.toLowerCase();
  const department = [...session.index.departments.values()].find((d) => d.code.toLowerCase() === key);
  if (department) return t("department.exists", { department: t("people.department-choice", { code: department.code, name: department.name }) });
  const found = [...session.index.parties.values()].find((d) => d.code.toLowerCase() === key);
  if (!found) return undefined;
  const label = t("people.department-choice", { code: found.code, name: found.name });
  return party ? t("department.party.exists", { party: label }) : t("department.party-exists", { party: label });
}

/** The new entry after the last department, flow or block as that one is. */
function appendDepartment(doc: Document.Parsed, entry: { code: string; name: string; name_en?: string }): void {
  const departments = doc.get("departments", true);
  if (!isSeq(departments)) throw new UserError(t("department.no-list"));
  const last = departments.items[departments.items.length - 1];
  const node = doc.createNode(entry) as YAMLMap;
  if (isMap(last) && last.flow) node.flow = true;
  departments.items.push(node);
}

/** `--external <kind>` checked, with what it cannot go with (--countersign, --date: an outside party countersigns no CSR). */
function partyKind(flags: DepartmentFlags): ExternalPartyKind {
  const kind = EXTERNAL_PARTY_KINDS.find((k) => k === flags.external);
  if (!kind) throw new UserError(t("department.party.bad-kind", { kind: flags.external ?? "", kinds: EXTERNAL_PARTY_KINDS.join(", ") }));
  if (flags.countersign || flags.date !== undefined) throw new UserError(t("department.party.no-countersign"));
  return kind;
}

/** Adds an outside party (external_parties, after the departments when the list is new) and says what it may be used for. */
async function addParty(ctx: CommandContext, session: EditSession, party: ExternalParty, flags: DepartmentFlags): Promise<number> {
  const config = session.repo.config!;
  const change = editFile(session.root, config.file.path, "qms", (doc) => appendExternalParty(doc, party));
  const label = t("people.department-choice", { code: party.code, name: party.name });
  const lines = [t("department.party.added", { party: label, path: config.file.path, name: party.name, code: party.code })];
  await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("department.commit.add-party", { code: party.code, name: party.name }) });
  return 0;
}

function departmentNode(doc: Document.Parsed, code: string): YAMLMap {
  const departments = doc.get("departments", true);
  const found = isSeq(departments) ? departments.items.find((item) => isMap(item) && item.get("code") === code) : undefined;
  if (!isMap(found)) throw new UserError(t("department.no-list"));
  return found as YAMLMap;
}

const reviewerCode = (reviewer: CsrReviewer) => (typeof reviewer === "string" ? reviewer : reviewer.department);

/**
 * The day (`--date`, default today) a department joining csr.reviewers countersigns from, when
 * reviews that follow csr.reviewers were decided before it: they were complete without the
 * department and stay so (model/csr-status.ts requiredDepartments). Without such reviews the plain
 * code is written, as csr init writes the list. `decided`: how many reviews the day keeps complete.
 */
function sinceDate(session: EditSession, given: string | undefined): { date?: string; decided: number } {
  const date = dateOption(given, "--date");
  const decided = session.repo.csrs.filter((c) => c.value.review?.required === undefined && (c.value.review?.decision?.date ?? date) < date).length;
  return decided > 0 ? { date, decided } : { decided };
}

/**
 * Adds `code` to csr.reviewers (creating the list, one line as init writes it), as `{department,
 * since}` when `since` is given, or takes it out.
 */
function setCountersign(doc: Document.Parsed, code: string, on: boolean, since?: string): void {
  const entry = () => {
    if (since === undefined) return doc.createNode(code);
    const node = doc.createNode({ department: code, since }) as YAMLMap;
    node.flow = true;
    return node;
  };
  const reviewers = doc.getIn(["csr", "reviewers"], true);
  if (isSeq(reviewers)) {
    const at = reviewers.items.findIndex((item) => (isScalar(item) ? item.value : isMap(item) ? item.get("department") : item) === code);
    if (on && at < 0) reviewers.items.push(entry());
    if (!on && at >= 0) reviewers.items.splice(at, 1);
    return;
  }
  if (!on) return;
  const node = new YAMLSeq();
  node.flow = true;
  node.items.push(entry());
  doc.setIn(["csr", "reviewers"], node);
}

/** CSRs whose review is open (not decided, not superseded), that follow csr.reviewers (no review.required of their own) and have no opinion of `code`. */
function openReviewsWithout(session: EditSession, code: string): string[] {
  return session.repo.csrs
    .map((c) => c.value)
    .filter((c) => !c.superseded && !c.review?.decision && c.review?.required === undefined && !(c.review?.opinions ?? []).some((o) => o.department === code))
    .map((c) => c.id);
}
