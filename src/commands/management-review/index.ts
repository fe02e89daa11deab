/**
 * `csr management-review held|output|approve`: the record of management reviews (management-reviews.yaml, 管理评审记录;
 * ISO 9001 / IATF 16949 9.3, GJB 9001C 9.3) kept without hand-edited YAML. `held` records a review — the period reviewed,
 * the day, the chair and attendees — numbered MR-<year of the period's end> (MR-<year>-N for a second one); `output` adds
 * a decision or action (9.3.3: improvement, change to the QMS, resource need; IATF 16949 9.3.3.1: an action plan for a
 * customer performance target missed) with its owner and due day, numbered MR-2026/1, or with `--done` closes one with
 * the day and its evidence; `approve` records the 总经理's approval.
 *
 * Errors (UserError, one line): an unknown record or output; a person not of people.yaml, of an outside party, or left
 * by the day; a date not a date, after today, or before the review was held; a period not a year or FROM..TO, or starting
 * or ending after the review; a kind not of the four, or action-plan outside IATF 16949; an output closed, or a record approved, already; a missing option.
 */
import { Document, isMap, isSeq, type YAMLMap } from "yaml";
import { UserError } from "../../core/errors.js";
import { addDays } from "../../core/dates.js";
import { underStandard } from "../../model/citations.js";
import { list, t } from "../../i18n/index.js";
import { nextManagementReviewId, outputLabel } from "../../model/management-reviews.js";
import { MANAGEMENT_REVIEW_OUTPUT_KINDS, type ManagementReview, type ManagementReviewOutput } from "../../model/types.js";
import type { Located } from "../../load/repository.js";
import type { CommandContext } from "../context.js";
import { choiceOption, dateOption, eventDateOption } from "../options.js";
import { appendEntry, editFile, entryNamed, insiderOption, listOption, saveChanges, setInMapOrder, withEditSession, type EditSession } from "../shared/edit.js";
import { appendIn, type FileChange } from "../shared/persist.js";
import { personLabel } from "../shared/people.js";

/** The last day a period from `from` (YYYY-MM-DD) reviewed on `held` may run to, as the fix proposes it: the end of the month before `held`, or `held` itself when that is before `from`. */
function lastDayBefore(from: string, held: string): string {
  const monthEnd = addDays(`${held.slice(0, 7)}-01`, -1);
  return monthEnd >= from ? monthEnd : held;
}

const FILE = "management-reviews.yaml";

/** The order csr writes a record's keys in (schemas/management-reviews.schema.json). */
const ORDER = ["id", "period", "held", "chair", "attendees", "inputs", "outputs", "approved_by", "approved"] as const;
const OUTPUT_ORDER = ["no", "text", "kind", "owner", "due", "done", "evidence"] as const;

export interface HeldFlags {
  period?: string;
  date?: string;
  chair?: string;
  attendees?: string[];
  inputs?: string;
  yes?: boolean;
  commit?: boolean;
}

/**
 * `csr management-review held --period <YYYY|FROM..TO> [--date] --chair <person> --attendees <people> [--inputs <report>]`:
 * the review recorded at the end of management-reviews.yaml (created when absent). The day defaults to today.
 */
export async function managementReviewHeldCommand(ctx: CommandContext, flags: HeldFlags): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const missing = [flags.period === undefined ? "--period" : "", flags.chair === undefined ? "--chair" : "", flags.attendees === undefined ? "--attendees" : ""].filter(Boolean);
    if (missing.length > 0) throw new UserError(t("management-review.needs", { missing: list(missing) }), t("management-review.held.hint"));
    const held = eventDateOption(flags.date, "--date");
    const period = periodOption(flags.period!);
    if (period.from > held) throw new UserError(t("management-review.period-after", { from: period.from, held }));
    // A review looks back on a period that has passed: `--period 2026` held on 2026-12-07 would count days not yet lived (review81 9).
    if (period.to > held) throw new UserError(t("management-review.period-ends-after", { to: period.to, held, from: period.from, last: lastDayBefore(period.from, held) }));
    const chair = insiderOption(session, flags.chair!, "--chair", held);
    const attendees = [...new Set(listOption(flags.attendees).map((a) => insiderOption(session, a, "--attendees", held).id))];
    if (attendees.length === 0) throw new UserError(t("management-review.needs", { missing: "--attendees" }), t("management-review.held.hint"));
    const taken = [...session.repo.managementReviews.map((r) => r.value.id), ...session.repo.unvalidated.managementReviews];
    const inputs = flags.inputs?.trim() || undefined;
    const record: ManagementReview = { id: nextManagementReviewId(taken, period.to.slice(0, 4)), period, held, chair: chair.id, attendees, ...(inputs !== undefined ? { inputs } : {}) };
    const line = t("management-review.held", { id: record.id, held, chair: personLabel(session.index, chair.id), number: attendees.length, from: period.from, to: period.to, path: FILE });
    await saveChanges(ctx, session, [addRecord(session, record)], [line, t("management-review.held.next", { id: record.id })], { commit: flags.commit, message: t("management-review.commit.held", { id: record.id, held }) });
    return 0;
  });
}

export interface OutputFlags {
  kind?: string;
  owner?: string;
  due?: string;
  done?: string;
  evidence?: string;
  yes?: boolean;
  commit?: boolean;
}

/**
 * `csr management-review output <MR-…> <text> --kind <kind> --owner <person> --due <date>` adds an output, numbered one more
 * than the record's last; `csr management-review output <MR-…/N> --done <date> --evidence <text>` closes one.
 */
export async function managementReviewOutputCommand(ctx: CommandContext, ref: string, text: string | undefined, flags: OutputFlags): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const slash = ref.lastIndexOf("/");
    if (slash >= 0) return closeOutput(ctx, session, ref.slice(0, slash), ref.slice(slash + 1), text, flags);
    if (flags.done !== undefined || flags.evidence !== undefined) throw new UserError(t("management-review.done-needs-no", { id: ref.trim() }));
    const located = recordNamed(session, ref);
    const review = located.value;
    const missing = [text === undefined || !text.trim() ? "<text>" : "", flags.kind === undefined ? "--kind" : "", flags.owner === undefined ? "--owner" : "", flags.due === undefined ? "--due" : ""].filter(Boolean);
    if (missing.length > 0) throw new UserError(t("management-review.needs", { missing: list(missing) }), t("management-review.output.hint", { id: review.id }));
    const kind = choiceOption(flags.kind, "--kind", MANAGEMENT_REVIEW_OUTPUT_KINDS, "improvement");
    // An action plan for a customer performance target missed is IATF 16949 9.3.3.1's; GJB 9001C and ISO 9001 have no such output (review81 7).
    if (kind === "action-plan" && !underStandard(session.repo.config?.value?.standards, "IATF16949")) throw new UserError(t("management-review.action-plan-iatf"));
    const owner = insiderOption(session, flags.owner!, "--owner", review.held);
    const due = dateOption(flags.due, "--due");
    if (due < review.held) throw new UserError(t("management-review.before-held", { flag: "--due", date: due, id: review.id, held: review.held }));
    const outputs = review.outputs ?? [];
    const output: ManagementReviewOutput = { no: Math.max(0, ...outputs.map((o) => o.no)) + 1, text: text!.trim(), kind, owner: owner.id, due };
    const change = editFile(session.root, located.file.path, "management-review", (doc) => {
      const map = recordMap(doc, located);
      if (!isSeq(map.get("outputs"))) setInMapOrder(doc, map, ORDER, "outputs", doc.createNode([]));
      appendIn(doc, [...located.path, "outputs"], doc.createNode(output));
    });
    const label = outputLabel(review, output);
    const line = t("management-review.output.added", { label, text: output.text, kind: t(`value.management-review-output.${kind}`), owner: personLabel(session.index, owner.id), due });
    await saveChanges(ctx, session, [change], [line], { commit: flags.commit, message: t("management-review.commit.output", { label, text: output.text }) });
    return 0;
  });
}

/** `--done <date> --evidence <text>` on output `no` of record `id`: the day it was done and what shows it. */
async function closeOutput(ctx: CommandContext, session: EditSession, id: string, no: string, text: string | undefined, flags: OutputFlags): Promise<number> {
  const located = recordNamed(session, id);
  const review = located.value;
  const outputs = review.outputs ?? [];
  const index = outputs.findIndex((o) => String(o.no) === no.trim());
  if (index < 0) throw new UserError(t("management-review.unknown-output", { label: `${review.id}/${no.trim()}`, known: list(outputs.map((o) => outputLabel(review, o))) || t("management-review.none") }));
  const output = outputs[index]!;
  const label = outputLabel(review, output);
  if (text !== undefined || flags.kind !== undefined || flags.owner !== undefined || flags.due !== undefined) throw new UserError(t("management-review.close-only", { label }));
  if (flags.done === undefined || flags.evidence === undefined || !flags.evidence.trim()) throw new UserError(t("management-review.needs", { missing: list([flags.done === undefined ? "--done" : "", flags.evidence?.trim() ? "" : "--evidence"].filter(Boolean)) }), t("management-review.close.hint", { label }));
  if (output.done !== undefined) throw new UserError(t("management-review.already-done", { label, done: output.done }));
  const done = eventDateOption(flags.done, "--done");
  if (done < review.held) throw new UserError(t("management-review.before-held", { flag: "--done", date: done, id: review.id, held: review.held }));
  const evidence = flags.evidence.trim();
  const change = editFile(session.root, located.file.path, "management-review", (doc) => {
    const node = doc.getIn([...located.path, "outputs", index], true);
    if (!isMap(node)) throw new UserError(t("management-review.not-a-map", { id: label }));
    setInMapOrder(doc, node as YAMLMap<unknown, unknown>, OUTPUT_ORDER, "done", doc.createNode(done));
    setInMapOrder(doc, node as YAMLMap<unknown, unknown>, OUTPUT_ORDER, "evidence", doc.createNode(evidence));
  });
  const late = done > output.due ? t("management-review.output.late", { due: output.due }) : "";
  await saveChanges(ctx, session, [change], [t("management-review.output.closed", { label, text: output.text, done, evidence, late })], { commit: flags.commit, message: t("management-review.commit.closed", { label }) });
  return 0;
}

export interface ApproveFlags {
  by?: string;
  date?: string;
  yes?: boolean;
  commit?: boolean;
}

/** `csr management-review approve <MR-…> --by <person> [--date]`: the record approved (by the 总经理), once. */
export async function managementReviewApproveCommand(ctx: CommandContext, id: string, flags: ApproveFlags): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const located = recordNamed(session, id);
    const review = located.value;
    if (flags.by === undefined) throw new UserError(t("management-review.needs", { missing: "--by" }), t("management-review.approve.hint", { id: review.id }));
    if (review.approved !== undefined) throw new UserError(t("management-review.already-approved", { id: review.id, by: personLabel(session.index, review.approved_by ?? ""), date: review.approved }));
    const date = eventDateOption(flags.date, "--date");
    if (date < review.held) throw new UserError(t("management-review.before-held", { flag: "--date", date, id: review.id, held: review.held }));
    const by = insiderOption(session, flags.by, "--by", date);
    const change = editFile(session.root, located.file.path, "management-review", (doc) => {
      const map = recordMap(doc, located);
      setInMapOrder(doc, map, ORDER, "approved_by", doc.createNode(by.id));
      setInMapOrder(doc, map, ORDER, "approved", doc.createNode(date));
    });
    const open = (review.outputs ?? []).length === 0 ? [t("management-review.approved.no-outputs", { id: review.id })] : [];
    await saveChanges(ctx, session, [change], [t("management-review.approved", { id: review.id, by: personLabel(session.index, by.id), date }), ...open], { commit: flags.commit, message: t("management-review.commit.approved", { id: review.id }) });
    return 0;
  });
}

/**
 * The period `--period` gives: a year (2026: 2026-01-01 to 2026-12-31) or two days FROM..TO, the first not after the second.
 * Errors: UserError, one line.
 */
function periodOption(given: string): { from: string; to: string } {
  const value = given.normalize("NFKC").trim();
  if (/^\d{4}$/.test(value)) return { from: `${value}-01-01`, to: `${value}-12-31` };
  const parts = value.split("..");
  if (parts.length !== 2) throw new UserError(t("management-review.period", { value: given }));
  const from = dateOption(parts[0], "--period");
  const to = dateOption(parts[1], "--period");
  if (from > to) throw new UserError(t("management-review.period", { value: given }));
  return { from, to };
}

/** The record of management-reviews.yaml `given` names (MR-2026 in any letter case). Errors: UserError naming the nearest. */
function recordNamed(session: EditSession, given: string): Located<ManagementReview> {
  return entryNamed(session.repo.managementReviews, session.repo.unvalidated.managementReviews, given, {
    invalid: "management-review.invalid",
    unknown: "management-review.unknown",
    none: "management-review.none",
    hint: "management-review.unknown.hint",
  });
}

/** The YAML map of `located` in `doc`. Errors: UserError when the file no longer has one there. */
function recordMap(doc: Document.Parsed, located: Located<ManagementReview>): YAMLMap<unknown, unknown> {
  const map = doc.getIn(located.path, true);
  if (!isMap(map)) throw new UserError(t("management-review.not-a-map", { id: located.value.id }));
  return map as YAMLMap<unknown, unknown>;
}

/** The new record at the end of management-reviews.yaml (the file created when absent), its period and attendees on one line. */
function addRecord(session: EditSession, record: ManagementReview): FileChange {
  return appendEntry(session.root, FILE, "management_reviews", "management-review", (doc) => {
    const node = doc.createNode(record) as YAMLMap;
    node.set("period", doc.createNode(record.period, { flow: true }));
    node.set("attendees", doc.createNode(record.attendees, { flow: true }));
    return node;
  });
}
