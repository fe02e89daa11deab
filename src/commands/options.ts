/** Option parsing shared by commands; each failure is a UserError naming the flag. */
import { DATE_RANGE, inDateRange, localToday, readDate } from "../core/dates.js";
import { UserError } from "../core/errors.js";
import { disjunction, language, list, t, type MessageKey } from "../i18n/index.js";
import { codeOfLabel, codesWithLabels, suggestCode } from "../i18n/values.js";
import { parseClauseRef, splitClauseOption, type Catalog } from "../model/catalog.js";
import { clauseReferenceExample } from "../model/citations.js";
import { classificationChoices, readClassification, type Classification } from "../model/classification.js";
import { describe, type Predecessor } from "../model/recorded-events.js";
import type { Repository } from "../load/repository.js";

/**
 * A date option as YYYY-MM-DD. It takes the forms `csr import` takes (readDate: 2025.3.1, 2025/3/1,
 * 2025年3月1日 …), as a document controller types a date the way the customer's letter writes it;
 * 03/04/2024, whose day and month could be either way round, is refused, never guessed.
 * Errors: UserError, one line naming the flag.
 */
export function dateOption(value: string | undefined, flag: string, fallback = localToday()): string {
  if (value === undefined) return fallback;
  const date = readDate(value);
  if (date === "ambiguous") {
    const [first = "", second = "", year = ""] = value.normalize("NFKC").trim().split(/[/.-]/);
    const iso = (month: string, day: string) => `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
    throw new UserError(t("date.ambiguous", { flag, value, dayFirst: iso(second, first), monthFirst: iso(first, second) }));
  }
  if (date === undefined) throw new UserError(t("options.date", { flag, value }));
  if (!inDateRange(date)) throw new UserError(t("options.date-range", { flag, value: date, from: DATE_RANGE.from, to: DATE_RANGE.to }));
  return date;
}

/** The event a recorded date cannot come before: which one (of which CSR, document or customer) and its date. */
export interface Follows extends Predecessor {
  /** The CSR, document or source document it belongs to. */
  of: string;
}

export interface EventDateContext {
  /** YYYY-MM-DD; the local day by default. */
  today?: string;
  follows?: Follows | undefined;
}

/**
 * The date of something done (model/recorded-events.ts): `dateOption`, then refused when it lies
 * after today or before the event it follows, as `csr check` would report it (date/in-future,
 * date/out-of-order). Records are evidence (IATF 16949 7.5.3). Errors: UserError, one line.
 */
export function eventDateOption(value: string | undefined, flag: string, context: EventDateContext = {}): string {
  const today = context.today ?? localToday();
  const date = dateOption(value, flag, today);
  const problem = eventDateProblem(date, flag, { ...context, today });
  if (problem) throw new UserError(problem);
  return date;
}

/** For a date already read with eventDateOption, once the event it follows is known. */
export function refuseBefore(date: string, flag: string, follows: Follows | undefined): void {
  const problem = eventDateProblem(date, flag, { follows, today: localToday() });
  if (problem) throw new UserError(problem);
}

/**
 * A date typed at a prompt, read as a date option reads it (readDate: 2025-03-01, 2025.3.1,
 * 2025年3月1日 …), as YYYY-MM-DD; undefined when it is no date or its day and month could be
 * either way round. Callers normalise an answer their `validate` accepted with it.
 */
export function dateAnswer(value: string): string | undefined {
  const date = readDate(value);
  return date === "ambiguous" ? undefined : date;
}

/** A prompt's check of a date (a due date, a plan): true, or what to write instead. */
export function dateAnswerProblem(value: string): true | string {
  const date = dateAnswer(value);
  if (date === undefined) return t("prompt.date-format");
  return inDateRange(date) || t("options.date-range", { flag: "", value: date, from: DATE_RANGE.from, to: DATE_RANGE.to }).trim();
}

/** A prompt's check of a recorded date: true, or what is wrong (format, range, after today, out of order). */
export function eventDateAnswer(context: EventDateContext = {}): (value: string) => true | string {
  return (value) => {
    const valid = dateAnswerProblem(value);
    if (valid !== true) return valid;
    return eventDateProblem(dateAnswer(value)!, "", { ...context, today: context.today ?? localToday() })?.trim() ?? true;
  };
}

/** What is wrong with a valid date of something done: "--date 2030-01-01 is after today …" (`flag` "" for a prompt). */
function eventDateProblem(date: string, flag: string, { today, follows }: EventDateContext & { today: string }): string | undefined {
  if (date > today) return t("options.date-future", { flag, value: date, today });
  if (follows && inDateRange(follows.date) && (follows.external || follows.date <= today) && date < follows.date) {
    return t("options.date-before", { flag, value: date, follows: t("options.event-of", { what: describe(follows.what), id: follows.of }), date: follows.date });
  }
  return undefined;
}

/**
 * The value of an option with a fixed set of codes (`--status decided`). A user may also type a
 * code's label as csr prints it, in either language (`--status 已决定`); anything else is refused
 * listing the codes with their labels.
 */
export function choiceOption<T extends string>(value: string | undefined, flag: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  const labelled = codeOfLabel(value, choices);
  if (labelled) return labelled as T;
  throw new UserError(t("options.choice", { flag, choices: list(codesWithLabels(choices)), value }) + suggestCode(value, choices));
}

/**
 * A 密级 given to `--classification` (csr new, csr set): one of CLASSIFICATIONS, also written with 级 (秘密级), or its English name (readClassification).
 * Errors: UserError, one line naming the allowed values.
 */
export function classificationOption(value: string, flag = "--classification"): Classification {
  const classification = readClassification(value);
  if (classification) return classification;
  throw new UserError(t("options.classification", { flag, value, allowed: list(classificationChoices(language())) }));
}

/**
 * --clause values as `STANDARD:clause`, written as `csr set --add-clause` takes them
 * (splitClauseOption): "IATF 16949 8.5.2", "GJB9001C-2017 8.3.7", a bare 8.5.2 when one standard is
 * in scope; one value may name several ("IATF 16949 8.5.2、8.5.4"). Whether the catalog has the
 * clause is left to the command's check (clause/unknown-clause).
 * Errors: UserError naming the flag for a part that is no clause ("第8.5条", "8.5.x"), and for a
 * bare number when several standards are in scope.
 */
export function clauseValues(values: readonly string[] | undefined, repo: Repository, flag = "--clause"): string[] {
  const scope = repo.config?.value.standards ?? [];
  const parts = clauseOptionParts(repo, values);
  return [...new Set(parts.map((part) => {
    if (parseClauseRef(part)) return part;
    if (!/^\d+(\.\d+)*$/.test(part)) throw new UserError(t("set.clause-format", { flag, clause: part, example: clauseReferenceExample(scope) }));
    if (scope.length === 1) return `${scope[0]}:${part}`;
    throw new UserError(t("set.clause-which-standard", { flag, clause: part, standards: disjunction(scope.map((s) => `${s}:${part}`)) }));
  }))];
}

/**
 * A clause to take out of a list, as written there: `STANDARD:CLAUSE`, a bare number given the one
 * standard in scope. It need not be in a catalog: removing one that was mistyped or dropped from it is the fix.
 */
export function clauseToRemove(given: string, catalogs: readonly Catalog[]): string {
  const text = given.trim();
  return text.includes(":") || catalogs.length !== 1 ? text : `${catalogs[0]!.id}:${text}`;
}

/**
 * The clauses an option's values give, each value as the user writes it ("IATF 16949 8.5.2、8.5.4",
 * `IATF16949:8.5.2`, a bare number with one standard in scope: model/catalog.ts splitClauseOption),
 * one part per clause, for clauseRef to check (a bare number is left to it). Every standard csr has a catalog of is recognised by
 * its written name, so that one out of scope is refused as such rather than as a malformed clause.
 */
export function clauseOptionParts(repo: Repository, values: readonly string[] | string | undefined): string[] {
  const given = typeof values === "string" ? [values] : (values ?? []);
  return given.flatMap((value) => splitClauseOption(value, [...repo.catalogs.keys()]));
}

/**
 * A clause as written in a document: `IATF16949:8.5.1`; a bare `8.5.1` when exactly one standard is
 * in scope. Errors: UserError when the standard is not in scope or its catalog has no such clause.
 */
export function clauseRef(given: string, flag: string, catalogs: readonly Catalog[]): string {
  const text = given.trim();
  const bare = /^[0-9]+(\.[0-9]+)*$/.test(text);
  if (bare && catalogs.length !== 1) throw new UserError(t("set.clause-which-standard", { flag, clause: text, standards: disjunction(catalogs.map((c) => `${c.id}:${text}`)) }));
  const ref = parseClauseRef(bare ? `${catalogs[0]!.id}:${text}` : text);
  if (!ref) throw new UserError(t("set.clause-format", { flag, clause: text, example: clauseReferenceExample(catalogs.map((c) => c.id)) }));
  const catalog = catalogs.find((c) => c.id === ref.standard);
  if (!catalog) throw new UserError(t("set.clause-standard", { flag, clause: text, standard: ref.standard, standards: list(catalogs.map((c) => c.id)) }));
  if (!catalog.clauses.has(ref.clause)) {
    const parts = ref.clause.split(".");
    let nearest: string | undefined;
    while (parts.length > 1 && nearest === undefined) {
      parts.pop();
      if (catalog.clauses.has(parts.join("."))) nearest = `${catalog.id}:${parts.join(".")}`;
    }
    throw new UserError(t(nearest ? "set.clause-unknown-nearest" : "set.clause-unknown", { flag, clause: text, standard: catalog.title, nearest: nearest ?? "" }));
  }
  return `${ref.standard}:${ref.clause}`;
}

/**
 * An audit interval in months (organisation --audit-interval, process --audit-months): a whole number
 * from 1 to 36 (IATF 16949 9.2.2.1: the programme's frequency, by risk and performance); "" (spaces
 * trimmed) when `removable` and given empty, to remove it.
 * Errors: UserError with the message of `key` ({{value}}: the value given) and the `hint` key's text, if any.
 */
export function auditMonthsOption(given: string, removable: boolean, key: MessageKey, hint?: MessageKey): number | "" {
  const value = given.trim();
  if (value === "" && removable) return "";
  const months = Number(value);
  if (!/^\d{1,2}$/.test(value) || months < 1 || months > 36) throw new UserError(t(key, { value: given }), hint === undefined ? undefined : t(hint));
  return months;
}
