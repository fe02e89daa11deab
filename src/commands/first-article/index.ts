/**
 * `csr first-article add`: the record of first article inspections (first-articles.yaml, 首件鉴定记录; GJB 9001C-2017 8.5.1,
 * GJB 908A) kept without hand-edited YAML. A record names the product and operation (or process), the 工艺规程 or 图样 the
 * first article was made to (its version in force on the day is recorded), why it was held, the change that called for it,
 * the team, the 军代表 who attended, the result and the report's number; it is numbered FA-<year>-NNN. `--amend <FA-…>`
 * corrects a recorded one in place, each change printed before → after (git keeps what it said).
 *
 * Errors (UserError, one line): a missing product, operation or process, reason, team, result or report; an unknown
 * reason or result; a process processes.yaml does not have; a document not in the repository; a person not of people.yaml,
 * left or not yet joined on the day, a 军代表 among the team or a team member as 军代表; a report number recorded already;
 * a date not a date or after today; an --amend of an unknown record or with nothing to change.
 */
import { isMap, type YAMLMap } from "yaml";
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { nextFirstArticleId } from "../../model/first-articles.js";
import { isMilitaryRepresentative, militaryParties, revisionInForce } from "../../model/index.js";
import { FIRST_ARTICLE_REASONS, FIRST_ARTICLE_RESULTS, type FirstArticle } from "../../model/types.js";
import type { Located } from "../../load/repository.js";
import type { CommandContext } from "../context.js";
import { choiceOption, eventDateOption } from "../options.js";
import { appendEntry, editFile, entryNamed, findDocumentById, listOption, processByCode, saveChanges, setInMapOrder, withEditSession, type EditSession } from "../shared/edit.js";
import type { FileChange } from "../shared/persist.js";
import { personLabel, refuseNotMilitary, resolvePerson } from "../shared/people.js";

const FILE = "first-articles.yaml";

export interface FirstArticleFlags {
  operation?: string;
  process?: string;
  document?: string;
  reason?: string;
  changeRequest?: string;
  date?: string;
  members?: string[];
  militaryRepresentative?: string;
  result?: string;
  report?: string;
  remark?: string;
  /** The record to correct (FA-…): only the fields given change. */
  amend?: string;
  yes?: boolean;
  commit?: boolean;
}

/** The order csr writes a record's keys in (schemas/first-articles.schema.json). */
const ORDER = ["id", "product", "operation", "process", "document", "version", "reason", "change_request", "date", "members", "military_representative", "result", "report", "remark"] as const;
type Key = (typeof ORDER)[number];

/**
 * `csr first-article add <product> --operation|--process … --reason … --members … --result … --report … [--document] [--change-request]
 * [--date] [--military-representative] [--remark]`, or `--amend <FA-…>` with the fields to correct (the product as the argument).
 */
export async function firstArticleAddCommand(ctx: CommandContext, product: string | undefined, flags: FirstArticleFlags): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    if (flags.amend !== undefined) return amend(ctx, session, product, flags);
    if (product === undefined || !product.trim()) throw new UserError(t("first-article.needs", { missing: t("first-article.field.product") }), t("first-article.add.hint"));
    const { record, notes } = firstArticleRecord(session, flags, { product: product.trim() });
    const taken = [...session.repo.firstArticles.map((r) => r.value.id), ...session.repo.unvalidated.firstArticles];
    const entry = { id: nextFirstArticleId(taken, record.date.slice(0, 4)), ...record } as FirstArticle;
    const lines = [t(entry.result === "pass" ? "first-article.added.pass" : "first-article.added.fail", { id: entry.id, product: entry.product, operation: subject(entry), date: entry.date, report: entry.report, path: FILE }), ...notes];
    await saveChanges(ctx, session, [addEntry(session, entry)], lines, { commit: flags.commit, message: t("first-article.commit.add", { id: entry.id, product: entry.product, result: t(`value.first-article-result.${entry.result}`) }) });
    return 0;
  });
}

/** The operation of a record as sentences name it: its operation, else its process's code. */
function subject(record: Pick<FirstArticle, "operation" | "process">): string {
  return record.operation ?? record.process ?? "";
}

/**
 * The record `flags` give, over `before` (a recorded one being corrected, or the product of a new one): each field given
 * is read and checked, the others kept; the document's version in force on the day is recorded again whenever the day or
 * the document is. `notes`: what the command says besides (a change request taken from the document's revision, a
 * document with no version in force that day, a change no revision records).
 */
function firstArticleRecord(session: EditSession, flags: FirstArticleFlags, before: Partial<FirstArticle>): { record: Omit<FirstArticle, "id">; notes: string[] } {
  const notes: string[] = [];
  const given = (value: string | undefined, field: string): string | undefined => {
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    if (trimmed === "") throw new UserError(t("first-article.empty", { field: t(`first-article.field.${field}` as "first-article.field.product") }));
    return trimmed;
  };
  const date = flags.date !== undefined || before.date === undefined ? eventDateOption(flags.date, "--date") : before.date;
  const operation = given(flags.operation, "operation") ?? before.operation;
  const process = flags.process !== undefined ? processByCode(session.repo, given(flags.process, "process")!, "first-article.unknown-process").value.code : before.process;
  const reason = flags.reason !== undefined ? choiceOption(flags.reason, "--reason", FIRST_ARTICLE_REASONS, "new-product") : before.reason;
  const result = flags.result !== undefined ? choiceOption(flags.result, "--result", FIRST_ARTICLE_RESULTS, "pass") : before.result;
  const report = given(flags.report, "report") ?? before.report;
  const memberIds = flags.members !== undefined ? listOption(flags.members) : before.members;
  const missing = [
    operation === undefined && process === undefined ? "--operation/--process" : "",
    reason === undefined ? "--reason" : "",
    memberIds === undefined || memberIds.length === 0 ? "--members" : "",
    result === undefined ? "--result" : "",
    report === undefined ? "--report" : "",
  ].filter(Boolean);
  if (missing.length > 0) throw new UserError(t("first-article.needs", { missing: list(missing) }), t("first-article.add.hint"));
  // Everyone is read as every command reads a person, and must be at work on the day (joined, not left).
  const members = [...new Set(memberIds!.map((m) => resolvePerson(session.index, m, "--members", date)))];
  for (const member of members) if (isMilitaryRepresentative(session.index, member)) throw new UserError(t("first-article.military-member", { person: personLabel(session.index, member.id) }));
  const militaryGiven = flags.militaryRepresentative !== undefined ? given(flags.militaryRepresentative, "military_representative") : before.military_representative;
  const military = militaryGiven === undefined ? undefined : resolvePerson(session.index, militaryGiven, "--military-representative", date);
  if (military) refuseNotMilitary(session.index, military, "--military-representative", "first-article.not-military");
  if (report !== before.report) {
    const same = session.repo.firstArticles.find((r) => r.value.report.normalize("NFKC").toLowerCase() === report!.normalize("NFKC").toLowerCase());
    if (same) throw new UserError(t("first-article.report-taken", { report: report!, id: same.value.id }));
  }
  // The document and its version in force on the day (GJB 9001C 7.5.3: the first article is made to the version in force).
  const documentId = flags.document !== undefined ? given(flags.document, "document") : before.document;
  let version: string | undefined;
  let changeRequest = flags.changeRequest !== undefined ? given(flags.changeRequest, "change_request") : before.change_request;
  if (documentId !== undefined) {
    const document = findDocumentById(session, documentId).value;
    const inForce = revisionInForce(document, date);
    version = inForce?.version;
    if (!inForce) notes.push(t("first-article.no-version", { document: document.id, date }));
    // A 首件鉴定 held for a design or process change is linked to the change its document's revision records, when that
    // revision is the change: a 技术状态更改 (configuration_change) or one calling for a first article (first_article_required).
    // Another revision's change request (an older revision's, of an unrelated kind) is not copied; the note says so.
    if (changeRequest === undefined && inForce && (reason === "design-change" || reason === "process-change")) {
      const change = inForce.configuration_change === true || inForce.first_article_required === true;
      if (change && inForce.change_request) {
        changeRequest = inForce.change_request;
        notes.push(t("first-article.change-from-revision", { number: changeRequest, document: document.id, version: inForce.version }));
      } else if (flags.amend === undefined || flags.document !== undefined || flags.reason !== undefined) {
        // Said when the record is written or its document or reason corrected; not again for an --amend of the team.
        notes.push(t(change ? "first-article.change-none" : "first-article.change-not-configuration", { document: document.id, version: inForce.version }));
      }
    }
  }
  if (changeRequest !== undefined && flags.changeRequest !== undefined && !session.repo.documents.some((d) => (d.value.revisions ?? []).some((r) => r.change_request === changeRequest))) notes.push(t("first-article.change-unrecorded", { number: changeRequest }));
  const remark = flags.remark !== undefined ? flags.remark.trim() || undefined : before.remark;
  const record: Omit<FirstArticle, "id"> = {
    product: before.product!,
    ...(operation !== undefined ? { operation } : {}),
    ...(process !== undefined ? { process } : {}),
    ...(documentId !== undefined ? { document: session.index.documents.get(documentId)?.value.id ?? documentId } : {}),
    ...(version !== undefined ? { version } : {}),
    reason: reason!,
    ...(changeRequest !== undefined ? { change_request: changeRequest } : {}),
    date,
    members: members.map((m) => m.id),
    ...(military ? { military_representative: military.id } : {}),
    result: result!,
    report: report!,
    ...(remark !== undefined ? { remark } : {}),
  };
  if (military === undefined && militaryParties(session.index).length > 0) notes.push(t("first-article.no-military"));
  return { record, notes };
}

/**
 * `--amend <FA-…>`: the record corrected in place (a wrong date, a member left out, the report's number mistyped), only the
 * fields given changing; the version is recorded again when the date or document changes. Each change printed before → after.
 */
async function amend(ctx: CommandContext, session: EditSession, product: string | undefined, flags: FirstArticleFlags): Promise<number> {
  const located = recordNamed(session, flags.amend!);
  const before = located.value;
  const { record, notes } = firstArticleRecord(session, flags, { ...before, ...(product?.trim() ? { product: product.trim() } : {}) });
  const updated: FirstArticle = { id: before.id, ...record };
  const shown = (key: Key, value: unknown): string => (value === undefined ? t("first-article.none") : Array.isArray(value) ? value.map((id) => personLabel(session.index, String(id))).join(t("first-article.separator")) : key === "military_representative" ? personLabel(session.index, String(value)) : String(value));
  const changed = ORDER.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(updated[key]));
  if (changed.length === 0) throw new UserError(t("first-article.amend.nothing", { id: before.id }), t("first-article.amend.hint", { id: before.id }));
  const change = editFile(session.root, located.file.path, "first-article", (doc) => {
    const map = doc.getIn(located.path, true);
    if (!isMap(map)) throw new UserError(t("first-article.not-a-map", { id: before.id }));
    for (const key of changed) {
      if (updated[key] === undefined) (map as YAMLMap).delete(key);
      else setInMapOrder(doc, map as YAMLMap<unknown, unknown>, ORDER, key, doc.createNode(updated[key], { flow: true }));
    }
  });
  const lines = [t("first-article.amended", { id: before.id, path: located.file.path }), ...changed.map((key) => t("first-article.amend.change", { field: key, was: shown(key, before[key]), now: shown(key, updated[key]) })), ...notes];
  await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("first-article.commit.amend", { id: before.id }) });
  return 0;
}

/** The record of first-articles.yaml `given` names (FA-2026-001 in any letter case). Errors: UserError naming the nearest. */
function recordNamed(session: EditSession, given: string): Located<FirstArticle> {
  return entryNamed(session.repo.firstArticles, session.repo.unvalidated.firstArticles, given, { invalid: "first-article.invalid", unknown: "first-article.unknown", none: "first-article.none" });
}

/** The new record at the end of first-articles.yaml (the file created when absent), its team on one line. */
function addEntry(session: EditSession, entry: FirstArticle): FileChange {
  return appendEntry(session.root, FILE, "first_articles", "first-article", (doc) => {
    const node = doc.createNode(entry) as YAMLMap;
    node.set("members", doc.createNode(entry.members, { flow: true }));
    return node;
  });
}

