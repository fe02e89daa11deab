/**
 * `csr set <document>` (a CSR: csr.ts): the document controller's edits of a document's register entry, without
 * hand-edited YAML: the clauses it answers (the clause matrix), the processes of the process map it
 * serves (processes.yaml codes: the clause / process / document cross-reference), the forms it uses
 * (相关记录), the other documents it refers to (相关文件: work instructions, external standards) and a
 * form's record keeping (保存期限, 保存方式, 存放地点), its 密级 (classification), its department, and an external
 * document's new edition or the dates of the edition on file (edition.ts), and the 生效日期 of its current version (setEffective),
 * and the 发布日期 of a version imported without one (setIssued), and its periodic review interval (定期评审周期,
 * `review_interval_months`: --review-interval, register data; tester71 Q4).
 *
 * Clauses, processes, record keeping and 密级 are register data (model/revision.ts REGISTER_FIELDS): they change on
 * a released document without a new revision. Forms are controlled content, printed as the related
 * records section, and so are related documents (the 相关文件 section): on a released document the change is written as the draft of its next revision, the document
 * marked 修订中 as `csr submit` marks it (shared/revising.ts), and left for that revision (`csr release`)
 * to commit, as `csr new --used-by` does; an obsolete document's content no longer
 * changes. So is the department (制订部门, printed in the header), except where the repository holds no
 * text of the document to print it on: an external document's is the department that keeps it, and
 * one whose body is on paper (imported from a register, model/revision.ts bodyOnPaper) had its
 * department guessed by the import (from 保存部门): correcting it describes the paper original, as
 * writing in its body does (asCompleted), and needs no revision. So do the forms and related documents
 * of such a document (the 相关记录 a form register links to it): README's import section, tester51 #4.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean, shellArgument } from "../../core/text.js";
import { list, shortList, t } from "../../i18n/index.js";
import { compareClauseNumbers, type Catalog } from "../../model/catalog.js";
import { documentClassification } from "../../model/classification.js";
import { findProcess, issuedOn } from "../../model/index.js";
import { departmentLabel } from "../../model/labels.js";
import { completesPaperOriginal, isControlledContent } from "../../model/revision.js";
import { localToday } from "../../core/dates.js";
import { markRevising, revisingMarked } from "../shared/revising.js";
import { deviationOption } from "../shared/deviation.js";
import { deviatedVersion, deviationDay } from "../../model/deviations.js";
import { appendIn, type FileChange } from "../shared/persist.js";
import type { ControlledDocument, CustomerRetention, DocumentRole, RetentionRule } from "../../model/types.js";
import { DOCUMENT_ROLES } from "../../model/characteristics.js";
import { countedRetention, retentionRuleText } from "../../model/record-keeping.js";
import { isDeepStrictEqual } from "node:util";
import type { Located } from "../../load/repository.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { choiceOption, classificationOption, clauseOptionParts, clauseRef, clauseToRemove, dateOption, eventDateOption } from "../options.js";
import { departmentByCode, editFile, findDocumentById, listOption, saveChanges, setInMapOrder, withEditSession, type EditSession } from "../shared/edit.js";
import { refuseInvalidDocuments } from "../shared/repair.js";
import { allOrNothing } from "../shared/all-or-nothing.js";
import { CSR_OPTIONS, setCsr, type CsrFieldFlags } from "./csr.js";
import { classificationLowering, loweringRecorded } from "./classification.js";
import { correctEdition, editionGiven, setEdition, type EditionFlags } from "./edition.js";
import { printOrientation } from "../../render/view.js";

export interface SetFlags extends EditionFlags, CsrFieldFlags {
  /** The whole clause list, comma-separated; "" clears it. */
  clauses?: string[] | string;
  addClause?: string[];
  removeClause?: string[];
  /** The whole process list (processes.yaml codes), comma-separated; "" clears it. */
  processes?: string[] | string;
  /** The whole station list (工位, e.g. OP20), comma-separated; "" clears it. */
  station?: string[] | string;
  /** The whole list of operations marked 关键工序 (key_operations, station codes, e.g. OP40), comma-separated; "" clears it. */
  keyOperation?: string[] | string;
  addProcess?: string[];
  removeProcess?: string[];
  addForm?: string[];
  removeForm?: string[];
  /** Documents other than forms (相关文件): work instructions, other procedures, external standards. */
  addRelated?: string[];
  removeRelated?: string[];
  /** The whole list of documents this one deviates from (a deviation, 偏离: `deviates_from`), comma-separated; "" removes it. */
  deviatesFrom?: string[] | string;
  /** A form's retention period (record.retention), e.g. 3年 or 产品寿命期+1年. */
  retention?: string;
  medium?: string;
  location?: string;
  /** The retention period and location in English, for English registers (model/record-keeping.ts); "" removes one. */
  retentionEn?: string;
  locationEn?: string;
  /** A customer's own retention period of the form's records (record.retention_customer), `<customer>=<period>`; `<customer>=` removes it. */
  retentionCustomer?: string[];
  /** The retention period as csr counts it (record.retention_term), in a spelling it reads: 3年, 6个月, 员工离职后3年; "" removes it. */
  retentionTerm?: string;
  /** The periodic review interval in months (review_interval_months), 1 to 120; "" removes it. */
  reviewInterval?: string;
  /** Who reads the document: "supplier" for one written for suppliers (audience), "" for the organisation's own people. */
  audience?: string;
  /** What the document is to the tracing of special characteristics (role): pfmea, control-plan, process-flow; "" removes it. */
  role?: string;
  /** The 备注 (`remarks`), printed on the document and in the document lists; "" removes it. */
  remarks?: string;
  /** The A4 page it prints on (print.orientation): portrait, landscape, or auto (the field removed: render/view.ts printOrientation decides). */
  orientation?: string;
  /** The 密级 (model/classification.ts CLASSIFICATIONS). */
  classification?: string;
  /** Who authorised a lowered 密级 (with --reason, its 依据): recorded under classification_changes (classification.ts). */
  by?: string;
  /** The owning department (制订部门; an external document's 保管部门), a code or name of qms.yaml. */
  department?: string;
  /** Never prompt: without a field option the command fails, as a script wants. */
  yes?: boolean;
  commit?: boolean;
}

const MEDIA = ["paper", "electronic", "paper+electronic"] as const;
type Medium = (typeof MEDIA)[number];
const RECORD_FIELDS = ["retention", "retention_en", "medium", "location", "location_en"] as const;
type RecordFields = Partial<Record<(typeof RECORD_FIELDS)[number], string>>;
/** The record-keeping fields with an English text: each, its English field and the option that gives it. */
const ENGLISH = [
  { chinese: "retention", english: "retention_en", flag: "retentionEn" },
  { chinese: "location", english: "location_en", flag: "locationEn" },
] as const;

/** The order of a document file's keys, as the schema's examples and csr new write them: a new key goes where it belongs. */
const KEY_ORDER: readonly (keyof ControlledDocument)[] = [
  "id", "title", "title_en", "level", "kind", "department", "classification", "classification_changes", "processes", "stations", "key_operations", "clauses", "status", "effective", "valid_until", "deviates_from", "deviates_from_versions", "review_interval_months", "audience", "role",
  "reviews", "revisions", "related", "forms", "sections", "print", "record", "remarks",
];

/**
 * The versions a deviation deviates from once --deviates-from has set its documents to `after`: those `given`
 * (WI-010-01@A/2), else the one recorded for a document it keeps; none for a document it no longer names.
 */
function versionsAfter(document: ControlledDocument, after: readonly string[], given: Record<string, string>): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const id of after) {
    const version = given[id] ?? deviatedVersion(document, id);
    if (version !== undefined) versions[id] = version;
  }
  return versions;
}

/** One field's change, for the report and the commit message. */
interface FieldChange {
  field: "title_en" | "review_interval_months" | "audience" | "role" | "orientation" | "clauses" | "processes" | "stations" | "key_operations" | "forms" | "related" | "deviates_from" | "deviates_from_versions" | (typeof RECORD_FIELDS)[number] | "retention_customer" | "retention_term" | "classification" | "department" | "remarks";
  /** The document's field it changes, which decides whether a revision must follow. */
  key: "title_en" | "review_interval_months" | "audience" | "role" | "print" | "clauses" | "processes" | "stations" | "key_operations" | "forms" | "related" | "deviates_from" | "record" | "classification" | "department" | "remarks";
  text: string;
}

export async function setCommand(ctx: CommandContext, ids: string[], flags: SetFlags): Promise<number> {
  return ids.length === 1 ? setDocument(ctx, ids[0]!, flags) : setDocuments(ctx, ids, flags);
}

/**
 * `csr set A B … <field options>` (year72): the same register or content change of several documents at once, such as
 * the periodic review interval of a set of procedures (`csr set QP-001 QP-002 QP-003 --review-interval 36`). All or
 * nothing, as `csr periodic-review A B …` (shared/all-or-nothing.ts): each document is planned as `csr set` plans one,
 * and when any is refused (not a document, obsolete, in review, a value it does not take) every refusal is listed and
 * nothing is written. A document already like that is said so and left alone. One commit with --commit, of the
 * documents whose change is register data; a content change of a released document waits for its revision, as for one.
 * Only documents' field options: a CSR's fields, and an edition's or a version's dates (--edition, --issued,
 * --effective, --received, --amend), are set one document at a time. UserError without a field option, or with one of those.
 */
async function setDocuments(ctx: CommandContext, ids: string[], given: SetFlags): Promise<number> {
  const single = CSR_OPTIONS.find(([key]) => given[key] !== undefined && key !== "titleEn" && !(key === "reason" && given.classification !== undefined));
  const edition = [given.edition !== undefined && "--edition", given.issued !== undefined && "--issued", given.effective !== undefined && "--effective", given.received !== undefined && "--received", given.amend && "--amend"].find((f): f is string => typeof f === "string");
  const one = single?.[1] ?? edition;
  if (one !== undefined) throw new UserError(t("set.batch.one-at-a-time", { flag: one }));
  if (!anyField(given)) throw new UserError(t("set.batch.nothing", { count: ids.length }), t("set.nothing.hint"));
  return withEditSession(ctx, true, undefined, async (session) => {
    const unique = [...new Set(ids)];
    const planned = allOrNothing(
      unique,
      (id) => {
        const { documents, csrs } = session.index;
        if (!documents.has(id) && !session.repo.unvalidated.documents.has(id)) {
          if (csrs.has(id) || session.repo.unvalidated.csrs.has(id)) throw new UserError(t("set.batch.csr", { id }));
          throw new UserError(t("set.no-such", { id }) + didYouMean(id, [...documents.keys()]));
        }
        return planFields(session, findDocumentById(session, id, { repair: true }), given, given);
      },
      { heading: (count, total) => t("set.batch.refused", { count, total }), hint: t("set.batch.refused.hint") },
    );
    const changed = planned.filter((p): p is PlannedSet & { change: FileChange } => p.change !== undefined);
    const lines = planned.flatMap((p) => p.lines);
    const committed = changed.filter((p) => p.commit);
    const summary = committed.map((p) => `${p.id} ${p.summary}`).join(t("set.commit-separator"));
    await saveChanges(ctx, session, changed.map((p) => p.change), lines, {
      commit: given.commit === true && committed.length > 0,
      message: t("commit.set.batch", { ids: shortList(committed.map((p) => p.id)), count: committed.length, summary }),
      only: committed.map((p) => p.change.path),
    });
    return 0;
  });
}

/** One document's `csr set`, planned: the file change (none when it is like that already), the lines said, and whether --commit commits it now. */
interface PlannedSet {
  id: string;
  change?: FileChange;
  lines: string[];
  /** The change is register data (or the paper original's), committed with --commit; a released document's content waits for its revision. */
  commit: boolean;
  /** The fields changed, for the commit message. */
  summary: string;
}

/**
 * `prompts` given: ask whatever the terminal (tests drive this). At a terminal without any field
 * option, csr asks which field to change and its new value, offering the present one.
 */
export async function setDocument(ctx: CommandContext, id: string, given: SetFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, given.yes, prompts, async (session) => {
    const { documents, csrs } = session.index;
    const isDocument = documents.has(id) || session.repo.unvalidated.documents.has(id);
    if (!isDocument && (csrs.has(id) || session.repo.unvalidated.csrs.has(id))) return setCsr(ctx, session, id, given);
    if (!isDocument) throw new UserError(t("set.no-such", { id }) + didYouMean(id, [...documents.keys(), ...csrs.keys()]));
    // A file that fails its schema is worked from, and the change written only if it repairs the file (shared/repair.ts: tester67b B3).
    const found = findDocumentById(session, id, { repair: true });
    // --amend also corrects an external document's dates on file (edition.ts correctEdition).
    // --title-en is a document's too: the English title of its registers (register data, model/revision.ts REGISTER_FIELDS).
    // --reason is a lowered 密级's 依据 too (classification.ts).
    const csrOption = CSR_OPTIONS.find(([key]) => given[key] !== undefined && key !== "titleEn" && !(key === "amend" && found.value.kind === "external") && !(key === "reason" && given.classification !== undefined));
    if (csrOption) throw new UserError(t("set.csr-option", { flag: csrOption[1], id }));
    if (found.value.kind !== "external" && given.effective !== undefined && given.edition === undefined && given.issued === undefined && given.received === undefined) {
      if (anyField(given)) throw new UserError(t("set.effective.and-fields"));
      return setEffective(ctx, session, found, given);
    }
    if (found.value.kind !== "external" && given.issued !== undefined && given.edition === undefined && given.effective === undefined && given.received === undefined && !given.amend) {
      if (anyField(given)) throw new UserError(t("set.issued.and-fields"));
      return setIssued(ctx, session, found, given);
    }
    if (given.amend && !editionGiven(given)) throw new UserError(t("set.edition.amend-alone"));
    if (editionGiven(given)) {
      if (anyField(given)) throw new UserError(t("set.edition.and-fields"));
      if (given.edition === undefined && found.value.kind === "external") return correctEdition(ctx, session, found, given);
      return setEdition(ctx, session, found, given);
    }
    const flags = session.ask && !anyField(given) ? { ...given, ...(await askField(session, session.ask, found.value)) } : given;
    const plan = planFields(session, found, given, flags);
    if (plan.change === undefined) {
      ctx.stdout(plan.lines.join("\n") + "\n");
      return 0;
    }
    await saveChanges(ctx, session, [plan.change], plan.lines, { commit: given.commit === true && plan.commit, message: t("commit.set", { id, summary: plan.summary }) });
    return 0;
  });
}

/**
 * The field options' change of document `found` (`flags`: `given`, or what the terminal user chose in their place), as
 * `csr set` makes it: planned, not written. UserError for a value it does not take, or for a content change of an obsolete
 * document or of one in review.
 */
function planFields(session: EditSession, found: Located<ControlledDocument>, given: SetFlags, flags: SetFlags): PlannedSet {
  const { value: document, file } = found;
  const id = document.id;
  const clauses = clauseList(session, document.id, document.clauses ?? [], flags);
  const processes = processList(session, document, flags);
  const stations = codeList(flags.station, document.stations);
  const keyOperations = codeList(flags.keyOperation, document.key_operations);
  const forms = formList(session, document, flags);
  const related = relatedList(session, document, flags);
  const deviation = flags.deviatesFrom === undefined ? undefined : deviationOption(session, document.id, flags.deviatesFrom, { day: deviationDay(document, localToday()), released: (document.revisions?.length ?? 0) > 0 });
  const deviatesFrom = deviation?.numbers;
  const deviatedVersions = deviation === undefined ? undefined : versionsAfter(document, deviation.numbers, deviation.versions);
  const record = recordFields(document, flags);
  const customerRetention = customerRetentionList(session, document, flags);
  const term = retentionTermEdit(document, flags, record);
  const classification = flags.classification === undefined ? undefined : classificationOption(flags.classification);
  const department = flags.department === undefined ? undefined : departmentByCode(session, flags.department, "--department");
  const titleEn = flags.titleEn?.trim();
  const remarks = flags.remarks?.trim();
  const reviewInterval = reviewIntervalOption(document, flags.reviewInterval);
  const audience = audienceOption(flags.audience);
  const role = roleOption(flags.role);
  const orientation = orientationOption(flags.orientation);
  if (reviewInterval === undefined && audience === undefined && role === undefined && orientation === undefined && !clauses && !processes && !stations && !keyOperations && !forms && !related && !deviatesFrom && !record && !customerRetention && !term && !classification && !department && titleEn === undefined && remarks === undefined) {
    // A forms list answered as it was asks for no addition or removal.
    if (flags !== given) return { id, lines: [t("set.unchanged", { id })], commit: false, summary: "" };
    throw new UserError(t("set.nothing", { id }), t("set.nothing.hint"));
  }
  const changes: FieldChange[] = [];
  // "" removes the English title, so that the registers print the Chinese one.
  if (titleEn !== undefined && titleEn !== (document.title_en ?? "")) {
    const text = titleEn === "" ? t("set.csr.cleared", { before: document.title_en! }) : document.title_en === undefined ? titleEn : t("set.was", { value: titleEn, before: document.title_en });
    changes.push({ field: "title_en", key: "title_en", text });
  }
  if (reviewInterval !== undefined && reviewInterval !== (document.review_interval_months ?? "")) {
    const months = (value: number) => t("process.months", { months: value, count: value });
    const before = document.review_interval_months;
    const text = reviewInterval === "" ? t("set.csr.cleared", { before: months(before!) }) : before === undefined ? months(reviewInterval) : t("set.was", { value: months(reviewInterval), before: months(before) });
    changes.push({ field: "review_interval_months", key: "review_interval_months", text });
  }
  if (audience !== undefined && audience !== (document.audience ?? "")) {
    const label = (value: string) => t(value === "" ? "set.audience.internal" : "set.audience.supplier");
    changes.push({ field: "audience", key: "audience", text: t("set.was", { value: label(audience), before: label(document.audience ?? "") }) });
  }
  if (role !== undefined && role !== (document.role ?? "")) {
    const label = (value: DocumentRole | "") => t(value === "" ? "set.role.none" : `set.role.${value}`);
    changes.push({ field: "role", key: "role", text: t("set.was", { value: label(role), before: label(document.role ?? "") }) });
  }
  // The page it prints on, `auto` leaving it to its body's tables: the change says what each prints on (tester77 E4).
  if (orientation !== undefined && orientation !== (document.print?.orientation ?? "")) {
    const label = (value: "portrait" | "landscape" | "") => (value === "" ? t("set.orientation.auto", { orientation: t(`set.orientation.${printOrientation({ ...document, print: {} })}`) }) : t(`set.orientation.${value}`));
    changes.push({ field: "orientation", key: "print", text: t("set.was", { value: label(orientation), before: label(document.print?.orientation ?? "") }) });
  }
  if (clauses && !sameList(clauses.before, clauses.after)) changes.push({ field: "clauses", key: "clauses", text: listChange(clauses) });
  if (processes && !sameList(processes.before, processes.after)) changes.push({ field: "processes", key: "processes", text: listChange(processes) });
  if (stations && !sameList(stations.before, stations.after)) changes.push({ field: "stations", key: "stations", text: stations.after.length === 0 ? t("set.csr.cleared", { before: list(stations.before) }) : listChange(stations) });
  if (keyOperations && !sameList(keyOperations.before, keyOperations.after)) changes.push({ field: "key_operations", key: "key_operations", text: keyOperations.after.length === 0 ? t("set.csr.cleared", { before: list(keyOperations.before) }) : listChange(keyOperations) });
  if (forms && !sameList(forms.before, forms.after)) changes.push({ field: "forms", key: "forms", text: listChange(forms) });
  if (related && !sameList(related.before, related.after)) changes.push({ field: "related", key: "related", text: listChange(related) });
  const deviatedBefore = document.deviates_from ?? [];
  if (deviatesFrom && !sameList(deviatedBefore, deviatesFrom)) {
    const edit = { before: [...deviatedBefore], after: deviatesFrom, added: deviatesFrom.filter((d) => !deviatedBefore.includes(d)), removed: deviatedBefore.filter((d) => !deviatesFrom.includes(d)) };
    changes.push({ field: "deviates_from", key: "deviates_from", text: deviatesFrom.length === 0 ? t("set.csr.cleared", { before: list(deviatedBefore) }) : listChange(edit) });
  }
  const versionsBefore = document.deviates_from_versions ?? {};
  const versionsChanged = deviatedVersions !== undefined && !sameList(Object.entries(versionsBefore).map(([d, v]) => `${d}@${v}`).sort(), Object.entries(deviatedVersions).map(([d, v]) => `${d}@${v}`).sort());
  // Which revision of each it deviates from (tester63 N7): WI-010-01 A/2（原为 A/1）.
  if (versionsChanged && Object.keys(deviatedVersions).some((d) => versionsBefore[d] !== deviatedVersions[d])) {
    const text = Object.entries(deviatedVersions)
      .filter(([d, v]) => versionsBefore[d] !== v)
      .map(([d, v]) => (versionsBefore[d] === undefined ? `${d} ${v}` : t("set.was", { value: `${d} ${v}`, before: versionsBefore[d]! })));
    changes.push({ field: "deviates_from_versions", key: "deviates_from", text: list(text) });
  }
  for (const field of RECORD_FIELDS) {
    const value = record?.[field];
    const before = document.record?.[field];
    // "" removes an English text (as csr set --title-en "" does).
    if (value === undefined || value === before || (value === "" && before === undefined)) continue;
    const shown = (v: string) => (field === "medium" ? t(`value.medium.${v as Medium}`) : v === "" ? t("set.none") : v);
    // Removed with its Chinese changed, not by its own option (recordFields).
    const stale = value === "" && ENGLISH.some((e) => e.english === field && flags[e.flag] === undefined);
    const text = stale ? t("set.stale-english", { before: before!, flag: `--${field.replace("_", "-")}` }) : before === undefined ? shown(value) : t("set.was", { value: shown(value), before: shown(before) });
    changes.push({ field, key: "record", text });
  }
  if (customerRetention && JSON.stringify(customerRetention.before) !== JSON.stringify(customerRetention.after)) {
    const text = (list: readonly CustomerRetention[]) => list.map((c) => `${c.customer} ${c.period}`).join(t("common.list-separator")) || t("set.none");
    changes.push({ field: "retention_customer", key: "record", text: customerRetention.before.length === 0 ? text(customerRetention.after) : t("set.was", { value: text(customerRetention.after), before: text(customerRetention.before) }) });
  }
  if (term && !sameTerm(term.before, term.after)) {
    const text = term.after === undefined ? (term.stale ? t("set.stale-term", { before: retentionRuleText(term.before!) }) : t("set.csr.cleared", { before: retentionRuleText(term.before!) })) : term.before === undefined ? retentionRuleText(term.after) : t("set.was", { value: retentionRuleText(term.after), before: retentionRuleText(term.before) });
    changes.push({ field: "retention_term", key: "record", text });
  }
  // The 密级 the document is printed with, its own or its layout's: giving that one again changes nothing.
  const classificationBefore = documentClassification(session.repo, document);
  const newClassification = classification !== undefined && classification !== classificationBefore ? classification : undefined;
  const lowering = classificationLowering(session, id, classificationBefore, newClassification, flags);
  if (newClassification) {
    changes.push({ field: "classification", key: "classification", text: classificationBefore === "" ? newClassification : t("set.was", { value: newClassification, before: classificationBefore }) });
  }
  // The 备注 is printed on the document (its remarks line) as well as in the lists: content, like the forms (tester54a A8).
  if (remarks !== undefined && remarks !== (document.remarks ?? "")) {
    changes.push({ field: "remarks", key: "remarks", text: remarks === "" ? t("set.csr.cleared", { before: document.remarks! }) : document.remarks === undefined ? remarks : t("set.was", { value: remarks, before: document.remarks }) });
  }
  if (department !== undefined && department !== document.department) {
    const name = (code: string) => departmentLabel(session.index, code);
    changes.push({ field: "department", key: "department", text: document.department === undefined ? name(department) : t("set.was", { value: name(department), before: name(document.department) }) });
  }
  if (changes.length === 0) return { id, lines: [t("set.unchanged", { id })], commit: false, summary: "" };
  // No text of the document in the repository prints its department (see above): the correction is register data.
  // Nor, while its body is on paper, the forms and related documents it lists: writing them in completes the import.
  const describesPaper = (key: keyof ControlledDocument) => (key === "department" && document.kind === "external") || completesPaperOriginal(document, key);
  const content = changes.some((c) => isControlledContent(c.key) && !describesPaper(c.key));
  if (content && document.status === "obsolete") throw new UserError(t("set.obsolete", { id, date: document.obsolete?.date ?? "" }));
  // Its reviewers must see every change of what they approve, as csr new --used-by and csr obsolete leave a document in review as it is.
  if (content && document.status === "in-review") throw new UserError(t("set.in-review", { id }), t("set.in-review.hint", { id: shellArgument(id) }));
  // The new content is the draft of the next revision: unmarked, every register, print and page would give it under the approved version (tester54a A2).
  const today = localToday();
  const marking = content && document.status === "released" && document.revising === undefined;
  const change = editFile(session.root, file.path, "document", (doc) => {
    if (clauses) setList(doc, "clauses", clauses.after);
    if (processes) setList(doc, "processes", processes.after);
    if (stations && changes.some((c) => c.key === "stations")) {
      if (stations.after.length === 0) doc.delete("stations");
      else if (doc.has("stations")) setList(doc, "stations", stations.after);
      else setInOrder(doc, "stations", doc.createNode([...stations.after], { flow: true }));
    }
    if (keyOperations && changes.some((c) => c.key === "key_operations")) {
      if (keyOperations.after.length === 0) doc.delete("key_operations");
      else if (doc.has("key_operations")) setList(doc, "key_operations", keyOperations.after);
      else setInOrder(doc, "key_operations", doc.createNode([...keyOperations.after], { flow: true }));
    }
    if (forms) setList(doc, "forms", forms.after);
    if (related) setList(doc, "related", related.after);
    if (deviatesFrom && changes.some((c) => c.key === "deviates_from")) {
      if (deviatesFrom.length === 0) doc.delete("deviates_from");
      else if (doc.has("deviates_from")) setList(doc, "deviates_from", deviatesFrom);
      else setInOrder(doc, "deviates_from", doc.createNode([...deviatesFrom], { flow: true }));
    }
    if (deviatedVersions && versionsChanged) {
      if (Object.keys(deviatedVersions).length === 0) doc.delete("deviates_from_versions");
      else if (doc.has("deviates_from_versions")) doc.set("deviates_from_versions", doc.createNode(deviatedVersions, { flow: true }));
      else setInOrder(doc, "deviates_from_versions", doc.createNode(deviatedVersions, { flow: true }));
    }
    if (record) setRecord(doc, record);
    if (term && !sameTerm(term.before, term.after)) setRetentionTerm(doc, term.after);
    if (customerRetention) setCustomerRetention(doc, customerRetention.after);
    if (newClassification) setScalar(doc, "classification", newClassification);
    if (lowering) {
      if (doc.has("classification_changes")) appendIn(doc, ["classification_changes"], doc.createNode(lowering));
      else setInOrder(doc, "classification_changes", doc.createNode([lowering]));
    }
    if (department !== undefined && department !== document.department) setScalar(doc, "department", department);
    if (changes.some((c) => c.key === "title_en")) {
      if (titleEn === "") doc.delete("title_en");
      else setScalar(doc, "title_en", titleEn!);
    }
    if (changes.some((c) => c.key === "review_interval_months")) {
      if (reviewInterval === "") doc.delete("review_interval_months");
      else if (doc.has("review_interval_months")) doc.set("review_interval_months", reviewInterval);
      else setInOrder(doc, "review_interval_months", doc.createNode(reviewInterval));
    }
    if (changes.some((c) => c.key === "audience")) {
      if (audience === "") doc.delete("audience");
      else if (doc.has("audience")) doc.set("audience", audience);
      else setInOrder(doc, "audience", doc.createNode(audience));
    }
    if (changes.some((c) => c.key === "role")) {
      if (role === "") doc.delete("role");
      else if (doc.has("role")) doc.set("role", role);
      else setInOrder(doc, "role", doc.createNode(role));
    }
    if (changes.some((c) => c.key === "print")) setOrientation(doc, orientation!);
    if (changes.some((c) => c.key === "remarks")) {
      if (remarks === "") doc.delete("remarks");
      else setScalar(doc, "remarks", remarks!);
    }
    if (marking) markRevising(doc, document, today);
  });
  const lines = [t("set.updated", { id, title: document.title, path: file.path }), ...changes.map((c) => `  ${t(`set.field.${c.field}`)}${t("set.colon")}${c.text}`)];
  // The documents deviated from are left as they are (shared/deviation.ts).
  if (deviatesFrom?.length && changes.some((c) => c.key === "deviates_from")) lines.push(t("set.deviates-from", { id, targets: list(deviatesFrom) }));
  if (lowering) lines.push(loweringRecorded(session, lowering));
  // A released document's content changes only through a revision: the change is committed with it, not here.
  const leftForRelease = content && document.status === "released";
  // The message names the content changed: the related records, else the related documents, else the department.
  const named = changes.some((c) => c.key === "forms") ? "set.release" : changes.some((c) => c.key === "related") ? "set.release-related" : changes.some((c) => c.key === "remarks") ? "set.release-remarks" : "set.release-department";
  if (leftForRelease) lines.push(t(flags.commit ? `${named}-commit` : named, { id }));
  if (marking) lines.push(revisingMarked(document, today));
  // A document already under revision takes a content change into its draft: the register-data line is for the other changes only (tester57 E16).
  else if (document.status === "released" && (!leftForRelease || changes.some((c) => !isControlledContent(c.key) || describesPaper(c.key))))
    lines.push(t(changes.some((c) => completesPaperOriginal(document, c.key)) ? "set.on-paper" : "set.register-data", { id }));
  const summary = changes.map((c) => `${t(`set.field.${c.field}`)} ${c.text}`).join(t("set.commit-separator"));
  return { id, change, lines, commit: !leftForRelease, summary };
}

/**
 * `csr set <document> --effective <date>`: corrects the day the current revision of a released
 * document of the organisation took effect (生效日期, `effective`, and the revision's own `effective`
 * when later than its date, as `csr release --effective` writes them) — register data, no new revision
 * (model/revision.ts REGISTER_FIELDS): a register imported with its 发布日期 for want of a 生效日期
 * (tester20 F5), or a 实施日期 postponed. Not before the revision's date; the rules the change is checked
 * with keep it after its signatures (doc/effective-before-signature). An external document's 实施日期
 * is its publisher's, recorded with its edition (edition.ts).
 * Errors: UserError for a document without a released revision, or a day before the revision's date.
 */
async function setEffective(ctx: CommandContext, session: EditSession, found: Located<ControlledDocument>, flags: SetFlags): Promise<number> {
  const { value: document, file } = found;
  const revisions = document.revisions ?? [];
  const current = revisions.at(-1);
  if ((document.status !== "released" && document.status !== "obsolete") || current === undefined) {
    throw new UserError(t("set.effective.not-released", { id: document.id, status: t(`value.document-status.${document.status}`) }), t("set.effective.not-released.hint", { id: shellArgument(document.id) }));
  }
  const effective = dateOption(flags.effective, "--effective");
  if (effective < issuedOn(current)) throw new UserError(t("set.effective.before-date", { id: document.id, effective, version: current.version, date: issuedOn(current) }));
  const before = document.effective ?? current.effective ?? current.date;
  if (effective === before) {
    ctx.stdout(t("set.unchanged", { id: document.id }) + "\n");
    return 0;
  }
  const change = editFile(session.root, file.path, "document", (doc) => {
    if (doc.has("effective")) doc.set("effective", effective);
    else setInOrder(doc, "effective", doc.createNode(effective));
    const at = ["revisions", revisions.length - 1, "effective"];
    if (effective > issuedOn(current)) doc.setIn(at, effective);
    else doc.deleteIn(at);
  });
  const text = before === undefined ? effective : t("set.was", { value: effective, before });
  const lines = [t("set.updated", { id: document.id, title: document.title, path: file.path }), `  ${t("set.field.effective", { version: current.version })}${t("set.colon")}${text}`, t("set.register-data", { id: document.id })];
  await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("commit.set", { id: document.id, summary: `${t("set.field.effective", { version: current.version })} ${text}` }) });
  return 0;
}

/**
 * `csr set <document> --issued <date>`: records the 发布日期 of the current version where it was
 * imported without one (a form register without a date column, plan.ts revisionFromRow): the day
 * the paper record gives, found later. It completes the imported entry (model/revision.ts
 * RECORD_COMPLETION_FIELDS) rather than rewriting it, and needs no new revision. A date recorded
 * already is evidence and is not changed here (doc/revision-history-rewritten).
 * Errors: UserError for a document without a version, a version with a date, a day after today.
 */
async function setIssued(ctx: CommandContext, session: EditSession, found: Located<ControlledDocument>, flags: SetFlags): Promise<number> {
  const { value: document, file } = found;
  const revisions = document.revisions ?? [];
  const current = revisions.at(-1);
  if (current === undefined) throw new UserError(t("set.issued.no-version", { id: document.id }), t("set.issued.no-version.hint", { id: shellArgument(document.id) }));
  if (current.date !== undefined) throw new UserError(t("set.issued.dated", { id: document.id, version: current.version, date: current.date }));
  const date = eventDateOption(flags.issued, "--issued");
  // After the version, where csr release and csr import write it.
  const change = editFile(session.root, file.path, "document", (doc) => {
    const entry = doc.getIn(["revisions", revisions.length - 1], true);
    if (!isMap<unknown, unknown>(entry)) throw new Error("a revision entry is a mapping");
    const version = entry.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === "version");
    entry.items.splice(version + 1, 0, doc.createPair("date", date));
  });
  const field = t("set.field.issued", { version: current.version });
  const lines = [t("set.updated", { id: document.id, title: document.title, path: file.path }), `  ${field}${t("set.colon")}${date}`, t("set.issued.completes", { id: document.id })];
  await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("commit.set", { id: document.id, summary: `${field} ${date}` }) });
  return 0;
}

/**
 * A list of station codes after its option (the whole list; "" clears it), undefined when not given: --station, the
 * stations (工位) a work instruction is used at, whose people are trained on it instead of its whole department (IATF
 * 16949 7.2.2; tester75 P4); --key-operation, the operations it marks 关键工序, whose operators are certified (GJB
 * 9001C-2017 8.5.1 关键过程; person/key-operation-uncertified). Error (UserError): a station that is no code.
 */
function codeList(given: string[] | string | undefined, present: readonly string[] | undefined): { before: string[]; after: string[]; added: string[]; removed: string[] } | undefined {
  if (given === undefined) return undefined;
  const after = [...new Set(listOption(given))];
  for (const station of after) if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(station)) throw new UserError(t("person.bad-station", { station }));
  const before = present ?? [];
  return { before: [...before], after, added: after.filter((s) => !before.includes(s)), removed: before.filter((s) => !after.includes(s)) };
}

const FIELD_OPTIONS = ["clauses", "processes", "forms", "retention", "medium", "location"] as const;

function anyField(flags: SetFlags): boolean {
  return [flags.titleEn, flags.remarks, flags.reviewInterval, flags.audience, flags.role, flags.orientation, flags.deviatesFrom, flags.clauses, flags.processes, flags.station, flags.keyOperation, flags.retention, flags.medium, flags.location, flags.retentionEn, flags.locationEn, flags.retentionTerm, flags.classification, flags.department].some((v) => v !== undefined) ||
    [flags.addClause, flags.removeClause, flags.addProcess, flags.removeProcess, flags.addForm, flags.removeForm, flags.addRelated, flags.removeRelated, flags.retentionCustomer].some((v) => (v ?? []).length > 0);
}

/**
 * The one field a terminal user chose to change and its new value, as the options would give it:
 * a list is answered whole (comma-separated, the present one offered), the forms list turned into
 * the forms added and removed; only the fields the document has (record keeping for a form, forms
 * for a document that lists them, processes when processes.yaml has some).
 */
async function askField(session: EditSession, ask: Prompts, document: ControlledDocument): Promise<SetFlags> {
  const offered = FIELD_OPTIONS.filter((field) => {
    if (field === "processes") return session.index.processes.size > 0;
    if (field === "forms") return document.kind !== "form" && document.kind !== "external";
    if (field === "retention" || field === "medium" || field === "location") return document.kind === "form";
    return true;
  });
  const field = await ask.select({ message: t("set.prompt.field", { id: document.id }), choices: offered.map((f) => ({ value: f, name: t(`set.field.${f}`) })) });
  if (field === "medium") {
    return { medium: await ask.select({ message: t("set.field.medium"), choices: MEDIA.map((m) => ({ value: m, name: t(`value.medium.${m}`) })), ...(document.record?.medium ? { default: document.record.medium } : {}) }) };
  }
  if (field === "retention" || field === "location") {
    return { [field]: await ask.input({ message: t(`set.field.${field}`), default: document.record?.[field], required: true }) };
  }
  const present = field === "clauses" ? document.clauses : field === "processes" ? document.processes : document.forms;
  const answer = await ask.input({ message: t("set.prompt.list", { field: t(`set.field.${field}`) }), default: (present ?? []).join(",") });
  if (field !== "forms") return { [field]: answer };
  const after = listOption(answer);
  return { addForm: after.filter((f) => !(present ?? []).includes(f)), removeForm: (present ?? []).filter((f) => !after.includes(f)) };
}

export interface ListEdit {
  before: string[];
  after: string[];
  added: string[];
  removed: string[];
}

/**
 * The clause list after `--clauses` (the whole list) or `--add-clause`/`--remove-clause`; undefined
 * when none is given. Each clause is `STANDARD:CLAUSE` of a standard in scope (qms.yaml standards)
 * whose catalog has it, or a bare number when one standard is in scope.
 * Errors: UserError naming the flag and the clause.
 */
export function clauseList(session: EditSession, id: string, before: readonly string[], flags: Pick<SetFlags, "clauses" | "addClause" | "removeClause">): ListEdit | undefined {
  const standards = session.repo.config?.value.standards ?? [];
  const catalogs = standards.map((s) => session.repo.catalogs.get(s)).filter((c): c is Catalog => c !== undefined);
  const parts = (values: readonly string[] | string | undefined) => clauseOptionParts(session.repo, values);
  const add = parts(flags.addClause);
  const remove = parts(flags.removeClause);
  if (flags.clauses === undefined && add.length === 0 && remove.length === 0) return undefined;
  if (flags.clauses !== undefined && (add.length > 0 || remove.length > 0)) throw new UserError(t("set.clauses-and-edits"));
  if (flags.clauses !== undefined) {
    const after = unique(parts(flags.clauses).map((ref) => clauseRef(ref, "--clauses", catalogs)));
    return { before: [...before], after, added: after.filter((c) => !before.includes(c)), removed: before.filter((c) => !after.includes(c)) };
  }
  const added = unique(add.map((ref) => clauseRef(ref, "--add-clause", catalogs)));
  const removed = unique(remove.map((ref) => clauseToRemove(ref, catalogs)));
  return listEdit(id, before, added, removed, "clause");
}

/**
 * The process list after `--processes` (the whole list) or `--add-process`/`--remove-process`;
 * undefined when none is given. Each added process is a code of processes.yaml (by code, or by
 * name as the process map names it), so the process map (`csr matrix processes`) finds the document.
 * Errors: UserError naming the flag and the process, with the nearest code.
 */
function processList(session: EditSession, document: ControlledDocument, flags: SetFlags): ListEdit | undefined {
  const add = listOption(flags.addProcess);
  const remove = listOption(flags.removeProcess);
  if (flags.processes === undefined && add.length === 0 && remove.length === 0) return undefined;
  if (flags.processes !== undefined && (add.length > 0 || remove.length > 0)) throw new UserError(t("set.processes-and-edits"));
  const before = document.processes ?? [];
  if (flags.processes !== undefined) {
    const after = unique(listOption(flags.processes).map((code) => processCode(session, code, "--processes")));
    return { before, after, added: after.filter((c) => !before.includes(c)), removed: before.filter((c) => !after.includes(c)) };
  }
  // A process being removed need not be in processes.yaml: taking out one that was renamed or dropped is the fix.
  return listEdit(document.id, before, unique(add.map((code) => processCode(session, code, "--add-process"))), unique(remove), "process");
}

/** A process of processes.yaml by its code (case as written there) or its name. Errors: UserError with did-you-mean. */
function processCode(session: EditSession, given: string, flag: string): string {
  const text = given.trim();
  const found = findProcess([...session.index.processes.values()], text);
  if (found) return found.value.code;
  const processes = [...session.index.processes.values()].map((p) => p.value);
  if (processes.length === 0) throw new UserError(t("set.no-processes", { flag, process: text }), t("set.no-processes.hint"));
  throw new UserError(t("set.unknown-process", { flag, process: text }) + didYouMean(text, processes.flatMap((p) => [p.code, p.name])), t("set.unknown-process.hint"));
}

/** The forms list after `--add-form`/`--remove-form`; undefined when neither is given. Errors: UserError, one line. */
function formList(session: EditSession, document: ControlledDocument, flags: SetFlags): ListEdit | undefined {
  return documentList(session, document, "form", flags.addForm, flags.removeForm, (form, number) => {
    if (form.kind !== "form") throw new UserError(t("set.not-a-form", { number, kind: t(`value.kind.${form.kind}`) }));
  });
}

/**
 * The related documents (相关文件) after `--add-related`/`--remove-related`; undefined when neither
 * is given. An added document exists, is not a form (forms are the related records: --add-form),
 * is not the document itself and is not obsolete (its successor is named). Errors: UserError, one line.
 */
function relatedList(session: EditSession, document: ControlledDocument, flags: SetFlags): ListEdit | undefined {
  return documentList(session, document, "related", flags.addRelated, flags.removeRelated, (other, number) => {
    if (other.id === document.id) throw new UserError(t("set.related-self", { id: document.id }));
    if (other.kind === "form") throw new UserError(t("set.related-is-form", { number }));
  });
}

/**
 * A document's `forms` or `related` list after its add and remove options; undefined when neither is
 * given. A form or an external document has neither list. Each document added exists, passes
 * `refuse` (what the list takes) and is not obsolete (its successor is named). Errors: UserError, one line.
 */
function documentList(
  session: EditSession,
  document: ControlledDocument,
  what: "form" | "related",
  added: SetFlags["addForm"],
  removed: SetFlags["removeForm"],
  refuse: (other: ControlledDocument, number: string) => void,
): ListEdit | undefined {
  const add = unique(listOption(added));
  const remove = unique(listOption(removed));
  if (add.length === 0 && remove.length === 0) return undefined;
  if (document.kind === "form" || document.kind === "external") {
    throw new UserError(t(what === "form" ? "set.forms-of-kind" : "set.related-of-kind", { id: document.id, kind: t(`value.kind.${document.kind}`) }));
  }
  for (const number of add) {
    const other = what === "form" ? formToAdd(session, number) : findDocumentById(session, number).value;
    refuse(other, number);
    if (other.status === "obsolete") {
      const successor = other.obsolete?.superseded_by;
      throw new UserError(t(successor ? `set.${what}-obsolete-successor` : `set.${what}-obsolete`, { number, date: other.obsolete?.date ?? "", successor: successor ?? "" }));
    }
  }
  return listEdit(document.id, (what === "form" ? document.forms : document.related) ?? [], add, remove, what);
}

/** A document to list as a form; one that does not exist is refused suggesting the nearest form numbers. */
function formToAdd(session: EditSession, number: string): ControlledDocument {
  const found = session.index.documents.get(number);
  if (found) return found.value;
  refuseInvalidDocuments(session.repo, [number], () => false);
  const forms = [...session.index.documents.values()].filter((d) => d.value.kind === "form").map((d) => d.value.id);
  throw new UserError(t("set.no-form", { number }) + didYouMean(number, forms));
}

/** `before` with `removed` taken out and `added` appended (kept in clause order when it was in that order). */
function listEdit(id: string, before: readonly string[], added: string[], removed: string[], what: "clause" | "process" | "form" | "related"): ListEdit {
  for (const item of added) {
    if (removed.includes(item)) throw new UserError(t("set.add-and-remove", { item }));
    if (before.includes(item)) throw new UserError(t(`set.${what}-listed`, { id, item }));
  }
  for (const item of removed) {
    if (!before.includes(item)) throw new UserError(t(`set.${what}-not-listed`, { id, item, listed: list(before) || t("set.none") }) + didYouMean(item, before));
  }
  let after = [...before.filter((c) => !removed.includes(c)), ...added];
  if (what === "clause" && isSortedClauses(before)) after = after.sort(compareClauseRefs);
  return { before: [...before], after, added, removed };
}


/** `--role pfmea|control-plan|process-flow` (what the document is to the tracing of special characteristics) or `--role ""` (none); undefined when not given. */
function roleOption(given: string | undefined): DocumentRole | "" | undefined {
  if (given === undefined) return undefined;
  const value = given.trim();
  if (value === "" || (DOCUMENT_ROLES as readonly string[]).includes(value)) return value as DocumentRole | "";
  throw new UserError(t("set.role.invalid", { value: given }));
}

/** `--audience supplier` (a document written for suppliers) or `--audience ""` (the organisation's own people); undefined when not given. */
function audienceOption(given: string | undefined): "supplier" | "" | undefined {
  if (given === undefined) return undefined;
  const value = given.trim();
  if (value === "" || value === "supplier") return value;
  throw new UserError(t("set.audience.invalid", { value: given }));
}

/**
 * `--orientation portrait|landscape|auto`: the A4 page the document prints on (print.orientation, register data: the
 * approved text laid out, not changed; model/revision.ts REGISTER_FIELDS), "" for auto (the field removed, its body's
 * tables deciding: render/view.ts printOrientation); undefined when not given. Errors: UserError, one line, for another value.
 */
function orientationOption(given: string | undefined): "portrait" | "landscape" | "" | undefined {
  if (given === undefined) return undefined;
  const value = given.trim().toLowerCase();
  if (value === "portrait" || value === "landscape") return value;
  if (value === "auto") return "";
  throw new UserError(t("set.orientation.invalid", { value: given }));
}

/** Sets print.orientation (in flow style where csr adds the map), "" removing it and a `print` left empty. */
function setOrientation(doc: Document.Parsed, orientation: "portrait" | "landscape" | ""): void {
  const existing = doc.get("print", true);
  if (isMap(existing)) {
    if (orientation !== "") return void existing.set("orientation", orientation);
    existing.delete("orientation");
    if (existing.items.length === 0) doc.delete("print");
    return;
  }
  if (orientation !== "") setInOrder(doc, "print", doc.createNode({ orientation }, { flow: true }));
}

/**
 * `--review-interval <months>`: the document's periodic review interval (review_interval_months), a whole number of months
 * from 1 to 120, "" removing it; undefined when not given. An external document is checked still current on the
 * organisation's check interval (document_control.external_check_months), not reviewed. Errors: UserError, one line.
 */
function reviewIntervalOption(document: ControlledDocument, given: string | undefined): number | "" | undefined {
  if (given === undefined) return undefined;
  if (document.kind === "external") throw new UserError(t("set.review-interval.external", { id: document.id }), t("set.review-interval.external.hint"));
  const text = given.trim();
  if (text === "") return "";
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 120) throw new UserError(t("set.review-interval.months", { value: given }));
  return Number(text);
}

/** The record-keeping fields given, checked; undefined when none is. Only a form keeps records. */
function recordFields(document: ControlledDocument, flags: SetFlags): RecordFields | undefined {
  if ([flags.retention, flags.medium, flags.location, flags.retentionEn, flags.locationEn].every((v) => v === undefined)) return undefined;
  if (document.kind !== "form") throw new UserError(t("set.record-not-form", { id: document.id, kind: t(`value.kind.${document.kind}`) }));
  const fields: RecordFields = {};
  for (const [field, flag] of [["retention", "--retention"], ["location", "--location"]] as const) {
    const value = flags[field]?.trim();
    if (value === undefined) continue;
    if (value === "") throw new UserError(t("set.record-empty", { flag }));
    fields[field] = value;
  }
  // An English text given is set, "" removing it. A changed retention or location without its English
  // in the same command: the English on file translates the old one, and an English register would
  // print it (tester23 F17). It goes.
  for (const { chinese, english, flag } of ENGLISH) {
    const given = flags[flag]?.trim();
    const changed = fields[chinese] !== undefined && fields[chinese] !== document.record?.[chinese];
    if (given !== undefined) fields[english] = given;
    else if (changed && document.record?.[english] !== undefined) fields[english] = "";
  }
  if (flags.medium !== undefined) fields.medium = choiceOption<Medium>(flags.medium.trim(), "--medium", MEDIA, "paper");
  return fields;
}

/**
 * `--retention-customer <customer>=<period>` (repeatable): a customer's own retention period of the
 * form's records (record.retention_customer, printed in the record list's 顾客特殊期限 column), set
 * or replaced for that customer, `<customer>=` removing it; undefined when none is given. The
 * customer is a code of customers/ (or its name); only a form keeps records.
 */
function customerRetentionList(session: EditSession, document: ControlledDocument, flags: SetFlags): { before: CustomerRetention[]; after: CustomerRetention[] } | undefined {
  if ((flags.retentionCustomer ?? []).length === 0) return undefined;
  if (document.kind !== "form") throw new UserError(t("set.record-not-form", { id: document.id, kind: t(`value.kind.${document.kind}`) }));
  const before = document.record?.retention_customer ?? [];
  let after = before.map((c) => ({ ...c }));
  for (const given of flags.retentionCustomer!) {
    const at = given.search(/[=＝]/);
    if (at <= 0) throw new UserError(t("set.retention-customer.syntax", { value: given }));
    const name = given.slice(0, at).trim();
    const period = given.slice(at + 1).trim();
    const customer = [...session.index.customers.values()].find((c) => c.value.code === name || c.value.name === name)?.value.code;
    if (!customer) throw new UserError(t("set.retention-customer.unknown", { customer: name }) + didYouMean(name, [...session.index.customers.keys()]));
    const existing = after.find((c) => c.customer === customer);
    if (period === "") after = after.filter((c) => c.customer !== customer);
    // A new period replaces the English one that translated the old.
    else if (existing) Object.assign(existing, { period }, existing.period !== period ? { period_en: undefined } : {});
    else after.push({ customer, period });
  }
  after = after.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as unknown as CustomerRetention);
  return { before, after };
}

/**
 * `--retention-term <period>`: the form's retention period as csr counts it (record.retention_term), where
 * its 保存期限 is written in no way csr reads (离职后保存三年) and so `csr list disposals` cannot date its
 * batches (tester67b B2). Given in a spelling csr counts (3年, 6个月, 员工离职后3年, 产品寿命期+1年: countedRetention),
 * written as years or months and the event counted from; `""` removes it. The text printed stays `--retention`'s.
 * A new --retention without it removes the count on file, which counted the old text (as its English goes:
 * recordFields), and says so (`stale`). Undefined when neither changes it. Errors: UserError, one line.
 */
function retentionTermEdit(document: ControlledDocument, flags: SetFlags, record: RecordFields | undefined): { before?: RetentionRule; after?: RetentionRule; stale?: boolean } | undefined {
  const before = document.record?.retention_term;
  const given = flags.retentionTerm?.trim();
  if (given === undefined) {
    const rewritten = record?.retention !== undefined && record.retention !== document.record?.retention;
    return rewritten && before !== undefined ? { before, stale: true } : undefined;
  }
  if (document.kind !== "form") throw new UserError(t("set.record-not-form", { id: document.id, kind: t(`value.kind.${document.kind}`) }));
  if (given === "") return { before };
  const counted = countedRetention(given);
  if (counted && "kept" in counted) throw new UserError(t("set.retention-term.kept", { value: given }));
  if (!counted || counted.months === 0) throw new UserError(t("set.retention-term.unreadable", { value: given }));
  const count = counted.months % 12 === 0 ? { years: counted.months / 12 } : { months: counted.months };
  return { before, after: { ...count, ...(counted.after ? { after: counted.after } : {}) } };
}

/** The same count however the file writes it ({after, years} or {years, after}; 12 months or 1 year). */
const sameTerm = (a: RetentionRule | undefined, b: RetentionRule | undefined) => isDeepStrictEqual(a && countedRetention(undefined, a), b && countedRetention(undefined, b));

/** Sets (or, undefined, removes) record.retention_term in flow style, after the retention it counts. */
function setRetentionTerm(doc: Document.Parsed, rule: RetentionRule | undefined): void {
  const existing = doc.get("record", true);
  if (isMap(existing)) {
    if (rule === undefined) return void existing.delete("retention_term");
    return setInMapOrder(doc, existing, ["retention", "retention_term"], "retention_term", doc.createNode({ ...rule }, { flow: true }));
  }
  if (rule !== undefined) setInOrder(doc, "record", doc.createNode({ retention_term: { ...rule } }, { flow: true }));
}

function setCustomerRetention(doc: Document.Parsed, list: readonly CustomerRetention[]): void {
  const existing = doc.get("record", true);
  const node = doc.createNode(list.map((c) => ({ ...c })), { flow: false });
  if (isMap(existing)) {
    if (list.length === 0) existing.delete("retention_customer");
    else existing.set("retention_customer", node);
    return;
  }
  if (list.length > 0) setInOrder(doc, "record", doc.createNode({ retention_customer: list.map((c) => ({ ...c })) }));
}

/** Sets a plain value: in place where the file has the key, else at its place in KEY_ORDER. */
function setScalar(doc: Document.Parsed, key: "title_en" | "classification" | "department" | "remarks", value: string): void {
  if (doc.has(key)) doc.set(key, value);
  else setInOrder(doc, key, doc.createNode(value));
}

/** Sets a list, keeping the items (and their comments) that stay and the list's flow or block style. */
export function setList(doc: Document.Parsed, key: "clauses" | "processes" | "forms" | "related" | "deviates_from" | "stations" | "key_operations", items: readonly string[]): void {
  const existing = doc.get(key, true);
  // An empty `forms` or `related` stays, as csr new writes them for a procedure; an empty clause or process list is no list.
  if (items.length === 0 && key !== "forms" && key !== "related") {
    doc.delete(key);
    return;
  }
  if (isSeq(existing)) {
    const kept = new Map(existing.items.filter(isScalar).map((node) => [String(node.value), node]));
    existing.items = items.map((item) => kept.get(item) ?? doc.createNode(item));
    return;
  }
  setInOrder(doc, key, doc.createNode([...items], { flow: true }));
}

/** Sets the record-keeping fields in the form's `record` map, or adds the map in flow style (as the examples write it). */
function setRecord(doc: Document.Parsed, fields: RecordFields): void {
  const existing = doc.get("record", true);
  if (isMap(existing)) {
    for (const [field, value] of Object.entries(fields)) {
      if (value === "") existing.delete(field);
      else existing.set(field, value);
    }
    return;
  }
  const ordered = Object.fromEntries(RECORD_FIELDS.filter((f) => fields[f] !== undefined && fields[f] !== "").map((f) => [f, fields[f]]));
  setInOrder(doc, "record", doc.createNode(ordered, { flow: true }));
}

/** Adds `key` (absent from the file: a valid file has a list or map where it has the key) at its place in KEY_ORDER, after the last key present that comes before it. */
function setInOrder(doc: Document.Parsed, key: keyof ControlledDocument, node: Node): void {
  const map = doc.contents as unknown;
  if (!isMap<unknown, unknown>(map)) throw new Error("a document file is a mapping");
  const position = KEY_ORDER.indexOf(key);
  const before = new Set(KEY_ORDER.slice(0, position));
  let index = 0;
  map.items.forEach((pair, i) => {
    if (before.has((isScalar(pair.key) ? pair.key.value : pair.key) as keyof ControlledDocument)) index = i + 1;
  });
  map.items.splice(index, 0, doc.createPair(key, node));
}

/** "added A, B; removed C" / "增加 A、B；删除 C", or "A, B (was C)" for a replaced list. */
export function listChange(edit: ListEdit): string {
  const parts = [edit.added.length > 0 && t("set.added", { items: list(edit.added) }), edit.removed.length > 0 && t("set.removed", { items: list(edit.removed) })].filter(
    (p): p is string => typeof p === "string",
  );
  // A replaced list with the same clauses in another order.
  return parts.length > 0 ? parts.join(t("set.part-separator")) : list(edit.after);
}

const unique = (items: readonly string[]) => [...new Set(items.map((i) => i.trim()).filter(Boolean))];
export const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function compareClauseRefs(a: string, b: string): number {
  const [sa, ca] = a.split(":") as [string, string];
  const [sb, cb] = b.split(":") as [string, string];
  return sa === sb ? compareClauseNumbers(ca ?? "", cb ?? "") : sa < sb ? -1 : 1;
}

function isSortedClauses(clauses: readonly string[]): boolean {
  return clauses.every((c, i) => i === 0 || compareClauseRefs(clauses[i - 1]!, c) <= 0);
}
