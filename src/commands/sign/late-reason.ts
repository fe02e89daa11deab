/**
 * `csr sign --customer-notified` at a terminal: a notification recorded after its due date is asked why, as csr
 * review and csr implement ask theirs, so that the reason is written with the day rather than left for
 * doc/customer-notice-late to ask for later (IATF 16949 8.5.6.1). Without a terminal, or left blank, nothing is
 * asked or recorded: the command prints the `--late-reason` to run, and the rule reports it until then.
 */
import { t } from "../../i18n/index.js";
import { noticeLateWithoutReason } from "../../model/customer-notices.js";
import type { CustomerNotice } from "../../model/types.js";
import type { Prompts } from "../add/prompting.js";
import { optionalAnswer } from "../shared/edit.js";

/** The reason `ask` is given for `notice` (of `id` `version`) notified late with none, recorded on it; undefined when not asked or left blank. */
export async function askLateReason(ask: Prompts | undefined, id: string, version: string, notice: CustomerNotice): Promise<string | undefined> {
  if (ask === undefined || !noticeLateWithoutReason(notice)) return undefined;
  const reason = optionalAnswer(await ask.input({ message: t("prompt.sign.late-reason", { id, version, code: notice.customer, notified: notice.notified!, due: notice.due! }) }));
  if (reason !== undefined) notice.late_reason = reason;
  return reason;
}
