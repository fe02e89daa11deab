/**
 * `csr action cost <id> --scrap 12000 --sorting 3500 --customer-charge 20000 [--rework …] [--warranty …] [--other … --note …]`:
 * the costs of poor quality a record caused (不良质量成本; in a GJB 9001C repository 质量损失), one `cost` entry per kind given,
 * dated --date (today by default) so that the management review counts each in its period (IATF 16949 9.3.2.1: the cost of
 * internal and external nonconformance). Open or closed: a customer's charge or a warranty claim often comes after the closure.
 * Prints what it added, the record's total and its internal and external parts.
 *
 * Errors (UserError, one line): an unknown record, no amount given, an amount that is not a sum of 元 (negative, more than two
 * decimals), --other without --note, a date after today or before the record was received, an entry recorded already.
 */
import { UserError } from "../../core/errors.js";
import { oneLine, shellArgument } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import { costTotal, COST_SIDES } from "../../model/actions.js";
import { worksToGjb9001C } from "../../model/citations.js";
import { COST_KINDS, type ActionCost, type CostKind } from "../../model/types.js";
import { otherPart, yuanText } from "../../report/registers/actions.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { editFile, saveChanges, setInOrder, withEditSession } from "../shared/edit.js";
import { appendIn } from "../shared/persist.js";
import { findAction, KEYS } from "./index.js";

export interface ActionCostFlags {
  /** 报废: the amount in 元, as typed. */
  scrap?: string;
  /** 返工返修. */
  rework?: string;
  /** 挑选. */
  sorting?: string;
  /** 顾客索赔. */
  customerCharge?: string;
  /** 保修. */
  warranty?: string;
  /** 其他 (needs --note). */
  other?: string;
  /** What the costs are (a claim's number, the parts scrapped), written on each entry added. */
  note?: string;
  /** The day the costs are recorded; today by default. */
  date?: string;
  commit?: boolean;
}

/** Each kind's option and commander key: customer-charge → --customer-charge, customerCharge. */
const FLAGS = Object.fromEntries(COST_KINDS.map((k) => [k, { flag: `--${k}`, key: k.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as keyof ActionCostFlags }])) as Record<CostKind, { flag: string; key: keyof ActionCostFlags }>;

export async function actionCostCommand(ctx: CommandContext, given: string, flags: ActionCostFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = findAction(session, given);
    const action = located.value;
    const kinds = COST_KINDS.filter((k) => flags[FLAGS[k].key] !== undefined);
    if (kinds.length === 0) throw new UserError(t("action.cost.nothing", { flags: list(COST_KINDS.map((k) => FLAGS[k].flag)) }), t("action.cost.hint", { id: shellArgument(action.id) }));
    const note = oneLine(flags.note ?? "") || undefined;
    if (kinds.includes("other") && note === undefined) throw new UserError(t("action.cost.other-needs-note"));
    const date = eventDateOption(flags.date, "--date", { follows: { what: { key: "action.follows.received", data: {} }, date: action.received, of: action.id } });
    const added: ActionCost[] = kinds.map((kind) => ({ kind, amount: amountOption(String(flags[FLAGS[kind].key]), FLAGS[kind].flag), date, ...(note ? { note } : {}) }));
    // The same command run twice would count the cost twice: an entry of the kind, amount and day recorded already is refused,
    // whatever its note, unless this one has a note of its own (a second charge of the same amount that day; review81 #5).
    const twice = added.find((c) => (action.cost ?? []).some((r) => r.kind === c.kind && r.amount === c.amount && r.date === c.date && (c.note === undefined || r.note === c.note)));
    if (twice) throw new UserError(t("action.cost.recorded-already", { id: action.id, kind: t(`action.cost.kind.${twice.kind}`), amount: yuanText(twice.amount), date }), t("action.cost.recorded-already.hint"));
    const change = editFile(session.root, located.file.path, "action", (doc) => {
      if (!doc.has("cost")) setInOrder(doc, KEYS, "cost", doc.createNode([]));
      for (const entry of added) appendIn(doc, ["cost"], doc.createNode(entry, { flow: true }));
    });
    const after = { ...action, cost: [...(action.cost ?? []), ...added] };
    const gjb = worksToGjb9001C(session.repo.config?.value) ? "-gjb" : "";
    const items = added.map((c) => t("action.cost.item", { kind: t(`action.cost.kind.${c.kind}`), amount: yuanText(c.amount) })).join(t("common.list-separator"));
    const lines = [
      t(`action.cost.recorded${gjb}`, { id: action.id, date, items, total: yuanText(costTotal({ ...action, cost: added })), path: located.file.path }),
      t(`action.cost.total${gjb}`, { id: action.id, total: yuanText(costTotal(after)), internal: yuanText(costTotal(after, COST_SIDES.internal)), external: yuanText(costTotal(after, COST_SIDES.external)), other: otherPart(language(), after) }),
    ];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t(`action.commit.cost${gjb}`, { id: action.id, items, date }) });
    return 0;
  });
}

/**
 * An amount of 元 as typed: 12000, 12,000, 3500.5, ３５００ (full-width), 12000元; a number ≥ 0 with at most two decimals (分).
 * Errors: UserError naming `flag`.
 */
export function amountOption(given: string, flag: string): number {
  const text = given.normalize("NFKC").trim().replace(/元$/u, "").trim();
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(text)) throw new UserError(t("action.cost.bad-amount", { flag, value: given }));
  return Number(text.replace(/,/g, ""));
}
