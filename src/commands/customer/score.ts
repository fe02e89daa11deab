/**
 * `csr customer score <code> --period 2026-11 [--ppm 12] [--delivery 98.5] [--grade A] [--rank 3/45] [--complaints 0] --by <person>
 * [--date] [--record]`: records a period of the customer's scorecard (顾客计分卡, IATF 16949 9.1.2.1: customer performance
 * data, customer portals and scorecards, reviewed by management under 9.3.2.1) in customers/<CODE>.yaml `scorecards`, as
 * `csr supplier rate` records a supplier's rating (shared/ratings.ts). The figures are the customer's, as it published them.
 * Errors (UserError, one line): no such customer; a period not a year, half, quarter or month; a period recorded already;
 * a number not a number or out of range; no --period or --by, or no figure at all.
 */
import { isMap } from "yaml";
import { UserError } from "../../core/errors.js";
import { language, t } from "../../i18n/index.js";
import { SPECIAL_STATUSES, type CustomerScorecard, type CustomerSpecialStatus } from "../../model/types.js";
import { outputLabel } from "../../model/management-reviews.js";
import { didYouMean } from "../../core/text.js";
import { registerContext } from "../../report/registers/context.js";
import { scorecardText, specialStatusText } from "../../report/registers/customers.js";
import type { CommandContext } from "../context.js";
import { choiceOption, eventDateOption } from "../options.js";
import { editFile, saveChanges, setInOrder, withEditSession, type EditSession } from "../shared/edit.js";
import { personLabel, refuseOutsidePerson, resolvePerson } from "../shared/people.js";
import { appendFlowEntry, ratingMeasure, ratingPeriod, refuseUnbegunPeriod } from "../shared/ratings.js";
import { CUSTOMER_KEY_ORDER, customerFile } from "./update.js";

export interface CustomerScoreFlags {
  period?: string;
  ppm?: string;
  delivery?: string;
  grade?: string;
  rank?: string;
  complaints?: string;
  by?: string;
  date?: string;
  record?: string;
  /** The action plan of a period below the customer's targets: an action's id or a management review output's (MR-2026-2/1). */
  actionPlan?: string;
  yes?: boolean;
  commit?: boolean;
}

export async function customerScoreCommand(ctx: CommandContext, code: string, flags: CustomerScoreFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = customerFile(session, code);
    const customer = located.value;
    if (flags.period === undefined) throw new UserError(t("customer.score.needs"), t("customer.score.hint", { code: customer.code }));
    const period = ratingPeriod(flags.period);
    const recorded = (customer.scorecards ?? []).find((s) => s.period === period);
    const plan = flags.actionPlan === undefined ? undefined : actionPlanOption(session, flags.actionPlan);
    // --action-plan alone links the plan to a period recorded already (who recorded the figures stays as it was).
    const figures = [flags.ppm, flags.delivery, flags.grade, flags.rank, flags.complaints, flags.record, flags.date, flags.by].some((v) => v !== undefined);
    if (recorded && plan !== undefined && !figures) return linkActionPlan(ctx, session, located, recorded, plan, flags.commit);
    if (flags.by === undefined) throw new UserError(t("customer.score.needs"), t("customer.score.hint", { code: customer.code }));
    if (recorded) throw new UserError(t("customer.score.recorded-already", { code: customer.code, period, date: recorded.date }), t("supplier.rate.rated.hint", { path: located.file.path }));
    const date = eventDateOption(flags.date, "--date");
    refuseUnbegunPeriod(period, date);
    const person = resolvePerson(session.index, flags.by, "--by", date);
    refuseOutsidePerson(session.index, person, "--by");
    const ppm = ratingMeasure(flags.ppm, "--ppm", Infinity);
    const delivery = ratingMeasure(flags.delivery, "--delivery", 100);
    const complaints = ratingMeasure(flags.complaints, "--complaints", Infinity, true);
    const text = (given: string | undefined) => (given?.trim() ? given.trim() : undefined);
    const grade = text(flags.grade);
    const rank = text(flags.rank);
    if (ppm === undefined && delivery === undefined && complaints === undefined && grade === undefined && rank === undefined) throw new UserError(t("customer.score.no-figure"), t("customer.score.hint", { code: customer.code }));
    const scorecard: CustomerScorecard = {
      period,
      ...(ppm !== undefined ? { ppm } : {}),
      ...(delivery !== undefined ? { delivery } : {}),
      ...(grade !== undefined ? { grade } : {}),
      ...(rank !== undefined ? { rank } : {}),
      ...(complaints !== undefined ? { complaints } : {}),
      date,
      by: person.id,
      ...(text(flags.record) ? { record: text(flags.record)! } : {}),
      ...(plan !== undefined ? { action_plan: plan } : {}),
    };
    const rc = registerContext(session.repo, language(), undefined, undefined, session.index);
    const change = editFile(session.root, located.file.path, "customer", (doc) => {
      if (!isMap(doc.contents)) throw new UserError(t("customer.score.not-a-mapping", { path: located.file.path }));
      appendFlowEntry(doc, "scorecards", scorecard, (node) => setInOrder(doc, CUSTOMER_KEY_ORDER, "scorecards", node));
    });
    const lines = [t("customer.score.done", { code: customer.code, name: customer.name, scorecard: scorecardText(rc, scorecard, customer.targets), by: personLabel(session.index, person.id), date })];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("customer.score.commit", { code: customer.code, period }) });
    return 0;
  });
}

/**
 * The action plan --action-plan names (IATF 16949 9.3.3.1): an action record's id under actions/ (8D-2026-004) or a
 * management review output's (MR-2026-2/1), as the repository holds it. Errors: UserError naming the nearest ids.
 */
function actionPlanOption(session: EditSession, given: string): string {
  const id = given.trim();
  const actions = session.repo.actions.map((a) => a.value.id);
  const outputs = session.repo.managementReviews.flatMap((r) => (r.value.outputs ?? []).map((o) => outputLabel(r.value, o)));
  if (actions.includes(id) || outputs.includes(id)) return id;
  throw new UserError(t("customer.score.unknown-plan", { id }) + didYouMean(id, [...actions, ...outputs]));
}

/** Links `plan` to the scorecard of a period recorded already: its `action_plan` set in place (replacing one named before). */
async function linkActionPlan(ctx: CommandContext, session: EditSession, located: EditSession["repo"]["customers"][number], scorecard: CustomerScorecard, plan: string, commit: boolean | undefined): Promise<number> {
  const index = located.value.scorecards!.indexOf(scorecard);
  const change = editFile(session.root, located.file.path, "customer", (doc) => {
    const entry = doc.getIn(["scorecards", index], true);
    if (!isMap(entry)) throw new UserError(t("customer.score.not-a-mapping", { path: located.file.path }));
    entry.set("action_plan", plan);
  });
  const lines = [t("customer.score.plan-linked", { code: located.value.code, period: scorecard.period, plan, before: scorecard.action_plan ? t("customer.score.plan-replaced", { before: scorecard.action_plan }) : "" })];
  await saveChanges(ctx, session, [change], lines, { commit, message: t("customer.score.plan-commit", { code: located.value.code, period: scorecard.period, plan }) });
  return 0;
}

export interface CustomerSpecialStatusFlags {
  status?: string;
  from?: string;
  until?: string;
  note?: string;
  record?: string;
  cbNotified?: string;
  yes?: boolean;
  commit?: boolean;
}

/**
 * `csr customer special-status <code> --status controlled-shipping-1 --from <date> [--note] [--record] [--cb-notified <date>]`
 * records a special status the customer placed the organisation in (IATF 16949 9.1.2.1: customer notifications related
 * to quality or delivery issues, including special status), appended to customers/<CODE>.yaml `special_status`;
 * `--until <date>` records its lifting and `--cb-notified <date>` the day the certification body was informed (IATF Rules),
 * on the status of that kind in force. Errors (UserError, one line): no --status; an unknown status; --from with a status of
 * that kind in force already; --until or --cb-notified with none in force; --until before its --from; a date not a date or
 * after today; nothing given.
 */
export async function customerSpecialStatusCommand(ctx: CommandContext, code: string, flags: CustomerSpecialStatusFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = customerFile(session, code);
    const customer = located.value;
    if (flags.status === undefined) throw new UserError(t("customer.special-status.needs-status"), t("customer.special-status.hint", { code: customer.code }));
    const status = choiceOption(flags.status, "--status", SPECIAL_STATUSES, "controlled-shipping-1");
    const label = t(`customer.special-status.${status}`);
    const statuses = customer.special_status ?? [];
    const inForce = statuses.findIndex((x) => x.status === status && x.until === undefined);
    const rc = registerContext(session.repo, language(), undefined, undefined, session.index);
    if (flags.from !== undefined) {
      if (inForce >= 0) throw new UserError(t("customer.special-status.in-force", { code: customer.code, status: label, from: statuses[inForce]!.from }));
      const from = eventDateOption(flags.from, "--from");
      const entry: CustomerSpecialStatus = {
        status,
        from,
        ...(flags.note?.trim() ? { note: flags.note.trim() } : {}),
        ...(flags.record?.trim() ? { record: flags.record.trim() } : {}),
        ...(flags.cbNotified !== undefined ? { cb_notified: notifiedOn(flags.cbNotified, from) } : {}),
      };
      if (flags.until !== undefined) throw new UserError(t("customer.special-status.until-with-from"));
      const change = editFile(session.root, located.file.path, "customer", (doc) => {
        if (!isMap(doc.contents)) throw new UserError(t("customer.score.not-a-mapping", { path: located.file.path }));
        appendFlowEntry(doc, "special_status", entry, (node) => setInOrder(doc, CUSTOMER_KEY_ORDER, "special_status", node));
      });
      const lines = [t("customer.special-status.recorded", { code: customer.code, name: customer.name, status: specialStatusText(rc, entry) }), ...(entry.cb_notified ? [] : [t("customer.special-status.inform-cb", { code: customer.code, status })])];
      await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("customer.special-status.commit", { code: customer.code, status: label }) });
      return 0;
    }
    if (flags.until === undefined && flags.cbNotified === undefined) throw new UserError(t("customer.special-status.nothing"), t("customer.special-status.hint", { code: customer.code }));
    if (inForce < 0) throw new UserError(t("customer.special-status.none-in-force", { code: customer.code, status: label }));
    const current = statuses[inForce]!;
    const until = flags.until === undefined ? undefined : eventDateOption(flags.until, "--until");
    if (until !== undefined && until < current.from) throw new UserError(t("customer.special-status.until-before-from", { until, from: current.from }));
    const notified = flags.cbNotified === undefined ? undefined : notifiedOn(flags.cbNotified, current.from);
    const change = editFile(session.root, located.file.path, "customer", (doc) => {
      const entry = doc.getIn(["special_status", inForce], true);
      if (!isMap(entry)) throw new UserError(t("customer.score.not-a-mapping", { path: located.file.path }));
      if (notified !== undefined) entry.set("cb_notified", notified);
      if (until !== undefined) entry.set("until", until);
    });
    const lines = [
      ...(notified !== undefined ? [t("customer.special-status.notified", { code: customer.code, status: label, date: notified })] : []),
      ...(until !== undefined ? [t("customer.special-status.lifted", { code: customer.code, status: label, date: until })] : []),
    ];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("customer.special-status.commit", { code: customer.code, status: label }) });
    return 0;
  });
}

/** --cb-notified: a day not after today and not before the status took effect. */
function notifiedOn(given: string, from: string): string {
  const date = eventDateOption(given, "--cb-notified");
  if (date < from) throw new UserError(t("customer.special-status.notified-before-from", { date, from }));
  return date;
}
