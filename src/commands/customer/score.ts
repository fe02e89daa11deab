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
import type { CustomerScorecard } from "../../model/types.js";
import { registerContext } from "../../report/registers/context.js";
import { scorecardText } from "../../report/registers/customers.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { editFile, saveChanges, setInOrder, withEditSession } from "../shared/edit.js";
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
  yes?: boolean;
  commit?: boolean;
}

export async function customerScoreCommand(ctx: CommandContext, code: string, flags: CustomerScoreFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = customerFile(session, code);
    const customer = located.value;
    if (flags.period === undefined || flags.by === undefined) throw new UserError(t("customer.score.needs"), t("customer.score.hint", { code: customer.code }));
    const period = ratingPeriod(flags.period);
    const recorded = (customer.scorecards ?? []).find((s) => s.period === period);
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
    };
    const rc = registerContext(session.repo, language(), undefined, undefined, session.index);
    const change = editFile(session.root, located.file.path, "customer", (doc) => {
      if (!isMap(doc.contents)) throw new UserError(t("customer.score.not-a-mapping", { path: located.file.path }));
      appendFlowEntry(doc, "scorecards", scorecard, (node) => setInOrder(doc, CUSTOMER_KEY_ORDER, "scorecards", node));
    });
    const lines = [t("customer.score.done", { code: customer.code, name: customer.name, scorecard: scorecardText(rc, scorecard), by: personLabel(session.index, person.id), date })];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("customer.score.commit", { code: customer.code, period }) });
    return 0;
  });
}
