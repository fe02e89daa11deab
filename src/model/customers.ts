/**
 * The customer (顾客, customers/) a user names on the command line, wherever a command takes one: `csr show DYA`,
 * --customer of the lists, the matrix and the registers, --customer-notified/--customer-approved of csr release and
 * csr sign. One matcher, so a customer named one way in one command is named the same way in every other (tester74
 * T7: an SQE types the code, the full name from the letterhead or the short name people say).
 */
import { UserError } from "../core/errors.js";
import { didYouMean, localized } from "../core/text.js";
import { language, list, t, type Lang } from "../i18n/index.js";
import type { Customer, CustomerScorecard, CustomerSpecialStatus, CustomerTargets } from "./types.js";

/**
 * The customer of `customers` that `given` names: its code (exactly, then in any letter case), its full name or English
 * name (any letter case), or a part of its name or English name of at least 2 characters that no other customer's has
 * (东岳汽车 for 东岳汽车股份有限公司). `given` is read NFKC-normalized and trimmed (全角 letters, spaces around).
 * Undefined when none, or when the part is in several customers' names.
 */
export function customerNamed<C extends Pick<Customer, "code" | "name" | "name_en">>(customers: readonly C[], given: string): C | undefined {
  const key = given.normalize("NFKC").trim();
  if (key === "") return undefined;
  const lower = key.toLowerCase();
  const exact = customers.find((c) => c.code === key) ?? customers.find((c) => c.code.toLowerCase() === lower || c.name === key || c.name_en?.toLowerCase() === lower);
  if (exact) return exact;
  if ([...key].length < 2) return undefined;
  const partial = customers.filter((c) => c.name.includes(key) || c.name_en?.toLowerCase().includes(lower));
  return partial.length === 1 ? partial[0] : undefined;
}

/**
 * The customer that published an external document, by its publisher (发布单位) as written (`csr new external --publisher`,
 * `external.publisher`): the customer `publisher` names (customerNamed: code, name, English name, a part of a name no other
 * customer's has), or whose name or English name it contains (东岳汽车股份有限公司技术中心). A part in Latin letters counts
 * only as whole words of an English name (Dongyue for Dongyue Automobile Co., Ltd.), so that a standards body's acronym
 * (ISO, SAE) is not read into a name that happens to contain it. Undefined when none. IATF 16949 7.5.3.2.2: a customer's
 * engineering standard or specification is reviewed on the customer documents' clock (csr source add), not filed as a
 * standard.
 */
export function customerPublishing<C extends Pick<Customer, "code" | "name" | "name_en">>(customers: readonly C[], publisher: string): C | undefined {
  const key = publisher.normalize("NFKC").trim();
  if (key === "") return undefined;
  const lower = key.toLowerCase();
  const named = customerNamed(customers, key);
  const wholeWords = (name: string | undefined) => name !== undefined && new RegExp(`(^|[^a-z0-9])${lower.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^a-z0-9])`).test(name.toLowerCase());
  if (named && (named.code.toLowerCase() === lower || named.name.includes(key) || /[^\x00-\x7f]/.test(key) || wholeWords(named.name_en))) return named;
  const containing = customers.filter((c) => key.includes(c.name) || (c.name_en !== undefined && c.name_en.length >= 4 && lower.includes(c.name_en.toLowerCase())));
  return containing.length === 1 ? containing[0] : undefined;
}

/** `number` as a source document's id (a code: letters, digits, '_', '.', '-'): each run of other characters made '-', none at either end (Q/DY 123 → Q-DY-123). */
export function sourceIdOf(number: string): string {
  return number.trim().replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[^A-Za-z0-9]+|-+$/g, "");
}

/**
 * The customer `given` names (customerNamed), as option `flag` takes it. Errors: unknownCustomer, one line.
 */
export function customerGiven<C extends Pick<Customer, "code" | "name" | "name_en">>(customers: readonly C[], given: string, flag = "--customer", lang: Lang = language()): C {
  const customer = customerNamed(customers, given);
  if (!customer) throw unknownCustomer(customers, given, flag, lang);
  return customer;
}

/**
 * The one refusal of a customer no customer is, wherever a command takes one (--customer of csr add, list, matrix,
 * changes, export, site, action open, symbol add, source confirm/update, process audited, import; --customer-notified
 * and --customer-approved of csr release/sign): a UserError of one line naming the option `flag` (default --customer),
 * the text given, every customer by code and name in `lang` (default the run's), and the nearest code or name.
 */
export function unknownCustomer(customers: readonly Pick<Customer, "code" | "name" | "name_en">[], given: string, flag = "--customer", lang: Lang = language()): UserError {
  const known = customers.map((c) => `${c.code} ${localized(lang, c.name, c.name_en)}`);
  return new UserError(t("list.unknown-customer", { flag, code: given, known: list(known) || t("add.none") }) + didYouMean(given.trim(), customers.flatMap((c) => [c.code, c.name, ...(c.name_en ? [c.name_en] : [])])));
}

/** A measure of a scorecard worse than the customer's target for it: PPM above `targets.ppm`, delivery below `targets.delivery`. */
export interface TargetMiss {
  measure: "ppm" | "delivery";
  value: number;
  target: number;
}

/**
 * The measures of `scorecard` worse than the customer's `targets` (IATF 16949 9.3.3.1: when customer performance targets are
 * not met, an action plan): PPM above the target, delivery performance (percent) below it; [] when none, or no targets.
 */
export function targetMisses(scorecard: Pick<CustomerScorecard, "ppm" | "delivery">, targets: CustomerTargets | undefined): TargetMiss[] {
  if (!targets) return [];
  return [
    ...(scorecard.ppm !== undefined && targets.ppm !== undefined && scorecard.ppm > targets.ppm ? [{ measure: "ppm" as const, value: scorecard.ppm, target: targets.ppm }] : []),
    ...(scorecard.delivery !== undefined && targets.delivery !== undefined && scorecard.delivery < targets.delivery ? [{ measure: "delivery" as const, value: scorecard.delivery, target: targets.delivery }] : []),
  ];
}

/** The special statuses of `customer` in force on `day` (YYYY-MM-DD): from on or before it, not lifted (`until`) by then. */
export function specialStatusesOn(customer: Pick<Customer, "special_status">, day: string): CustomerSpecialStatus[] {
  return (customer.special_status ?? []).filter((s) => s.from <= day && (s.until === undefined || s.until > day));
}
