/**
 * The one refusal of a customer code no customer has, wherever a command takes one (--customer of csr add, list, matrix,
 * changes, export, site, action open, symbol add, source confirm/update, process audited, import; --customer-notified and
 * --customer-approved of csr release/sign): one line naming the option, the code given, every customer by code and name,
 * and the nearest code or name (tester74 T7).
 */
import { UserError } from "../../core/errors.js";
import { didYouMean, localized } from "../../core/text.js";
import { language, list, t, type Lang } from "../../i18n/index.js";
import type { Customer } from "../../model/types.js";

/** The UserError for `given` under `flag` (default --customer), naming `customers` in `lang` (default the run's). */
export function unknownCustomer(customers: readonly Pick<Customer, "code" | "name" | "name_en">[], given: string, flag = "--customer", lang: Lang = language()): UserError {
  const known = customers.map((c) => `${c.code} ${localized(lang, c.name, c.name_en)}`);
  return new UserError(t("list.unknown-customer", { flag, code: given, known: list(known) || t("add.none") }) + didYouMean(given.trim(), customers.flatMap((c) => [c.code, c.name, ...(c.name_en ? [c.name_en] : [])])));
}
