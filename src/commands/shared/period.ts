/** `--from` and `--to`: the period of `csr list`, `csr list reviews` and `csr matrix csr` (tester52 D12). */
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import type { Period } from "../../model/review-timeliness.js";
import { dateOption } from "../options.js";

export interface PeriodFlags {
  from?: string;
  to?: string;
}

/**
 * The period of --from (required) and --to (default: `today`, the day the register is true on),
 * both days included; undefined without either. A --to after `today` (the year's figures asked in
 * December for the management review, IATF 16949 9.3.2.1; tester60 J7, breaker60 K8) is counted up to
 * `today`, the days after it not having happened: `to` is `today` and `askedTo` the day asked.
 * Refused (one line): --to alone, --from after --to, or --from after `today` (nothing is on record yet).
 * `what` names the register for one they do not narrow, refused too.
 */
export function periodOption(flags: PeriodFlags, today: string, what?: string): Period | undefined {
  if (flags.from === undefined && flags.to === undefined) return undefined;
  if (what !== undefined) throw new UserError(t("period.only", { flag: flags.from !== undefined ? "--from" : "--to", what }));
  if (flags.from === undefined) throw new UserError(t("period.to-without-from", { to: flags.to! }));
  const from = dateOption(flags.from, "--from");
  const to = dateOption(flags.to, "--to", today);
  // Without --to the last day is today: a --from after it is a period not yet begun, not a reversed one (breaker61 M12).
  if (flags.to !== undefined && from > to) throw new UserError(t("period.reversed", { from, to }));
  if (from > today) throw new UserError(t("period.after-today", { from, today }));
  return to > today ? { from, to: today, askedTo: to } : { from, to };
}
