/** The questions of `csr add`, asked only for what the flags left open. */
import { dateAnswer, eventDateAnswer } from "../options.js";
import type { Catalog } from "../../model/catalog.js";
import { clauseTitle, titledAncestor } from "../../model/catalog.js";
import { currentSources, latestRevision } from "../../model/csr-status.js";
import type { Customer, Department, SourceDocument, SourceRevision } from "../../model/types.js";
import { sourceIdProblem } from "../source/add.js";
import { codedChoices, type Choice, type Prompts } from "./prompting.js";
import { language, list, t, type Lang } from "../../i18n/index.js";
import { revisionName } from "../../i18n/values.js";
import { shellArgument } from "../../core/text.js";

export interface CsrDraft {
  customer: string;
  source: string;
  section?: string;
  clauses: string[];
  title: string;
  titleEn?: string;
  text?: string;
  category?: string;
  received: string;
  /**
   * The customer's letter (e-mail, meeting minutes) the requirement came in, recorded as a source
   * document of its own with it: `source` is its id, its one revision received on `received`, issued
   * on `issued` when known, kept by `department` (保管部门 of the 外来文件清单).
   */
  letter?: { title: string; revision: string; issued?: string; department?: string };
}

export interface AskContext {
  customers: Customer[];
  /** Catalogs of the standards in scope (qms.yaml 'standards'). */
  catalogs: Catalog[];
  /** Allowed categories from qms.yaml, if the repository restricts them. */
  categories?: string[];
  /** The departments of qms.yaml, one of which keeps a letter recorded as a source document. */
  departments: readonly Department[];
  today: string;
}

const DONE = "";

/**
 * The clauses to pick from: the number and the Chinese title on the line; below it, for the clause
 * under the cursor, its title in the run's language (in English, the English title).
 */
export function clauseChoices(catalogs: readonly Catalog[], lang: Lang = language()): Choice[] {
  return catalogs.flatMap((catalog) =>
    [...catalog.clauses.values()].map((clause) => {
      const ref = `${catalog.id}:${clause.number}`;
      const title = clauseTitle(clause, "zh-CN");
      if (!title) {
        // An untitled paragraph (4.4.1) is named by the clause it belongs to, as the clause matrix names it.
        const above = titledAncestor(catalog, clause);
        if (!above) return { value: ref, name: ref };
        const partOf = t("register.clauses.part-of", { number: above.number, title: clauseTitle(above, lang === "en" ? "en" : "zh-CN") });
        return { value: ref, name: `${ref}  ${partOf}` };
      }
      const described = lang === "en" ? (clause.title_en && clause.title_en !== title ? clause.title_en : undefined) : title;
      return { value: ref, name: `${ref}  ${title}`, ...(described ? { description: described } : {}) };
    }),
  );
}

/**
 * Words a plant and the catalogue use for one thing, each pair read as one word in a search: plants say
 * 变更 (过程变更, 变更管理, PCN) where the Chinese standards say 更改 (8.5.6 更改控制) and both say
 * 变更 once (6.3 变更的策划), so either word finds every clause of either (tester20 F19).
 */
const SEARCH_SYNONYMS: readonly (readonly [word: string, catalogue: string])[] = [["变更", "更改"]];

/** A search text with each synonym written as the catalogue's word. */
const searchForm = (text: string) => SEARCH_SYNONYMS.reduce((out, [word, catalogue]) => out.replaceAll(word, catalogue), text.toLowerCase());

/** What a typed term is looked for in: the number and both titles, whatever the run's language. */
function clauseSearchTexts(catalogs: readonly Catalog[]): Map<string, string> {
  return new Map(
    catalogs.flatMap((catalog) => [...catalog.clauses.values()].map((clause) => [`${catalog.id}:${clause.number}`, searchForm(`${catalog.id}:${clause.number} ${clause.title ?? ""} ${clause.title_en ?? ""}`)] as const)),
  );
}

/** Clauses picked one by one from a searchable list (number, Chinese or English title); "done" ends the list. */
async function askClauses(catalogs: readonly Catalog[], prompts: Prompts): Promise<string[]> {
  const all = clauseChoices(catalogs);
  const searchTexts = clauseSearchTexts(catalogs);
  const picked: string[] = [];
  for (;;) {
    const done: Choice[] = picked.length > 0 ? [{ value: DONE, name: t("prompt.add.clauses-done", { clauses: list(picked) }) }] : [];
    const clause = await prompts.search({
      message: picked.length === 0 ? t("prompt.add.clause") : t("prompt.add.another-clause"),
      pageSize: 10,
      source: (term) => {
        const t = (term ?? "").trim().toLowerCase();
        const matches = all.filter((c) => !picked.includes(c.value) && (t === "" || searchTexts.get(c.value)!.includes(searchForm(t))));
        if (t === "") return [...done, ...matches];
        // A term typed is a clause looked for, not the end of the list (tester16 F13): the clause whose
        // number it is comes first, where Enter picks it, and "done" after the matches.
        const exact = (c: Choice) => c.value.toLowerCase() === t || c.value.toLowerCase().endsWith(`:${t}`);
        return [...matches.filter(exact), ...matches.filter((c) => !exact(c)), ...done];
      },
    });
    if (clause === DONE) return picked;
    picked.push(clause);
  }
}

export async function askForCsr(given: Partial<CsrDraft>, ctx: AskContext, prompts: Prompts): Promise<CsrDraft> {
  const customer =
    given.customer ??
    (await prompts.select({
      message: t("prompt.add.customer"),
      choices: codedChoices(ctx.customers.map((c) => ({ value: c.code, name: c.name, name_en: c.name_en }))),
    }));
  const sources = currentSources(ctx.customers.find((c) => c.code === customer)!);
  const source =
    given.source ??
    (await prompts.select({
      message: t("prompt.add.source"),
      choices: codedChoices(
        sources.map((s) => {
          const revision = t("prompt.add.source-revision", { revision: revisionName(s.revisions[s.revisions.length - 1]!.revision) });
          return { value: s.id, name: `${s.title}${revision}`, name_en: s.title_en === undefined ? undefined : `${s.title_en}${revision}` };
        }),
      ),
    }));
  const section = given.section ?? optional(await prompts.input({ message: t("prompt.add.section") }));
  const clauses = given.clauses && given.clauses.length > 0 ? given.clauses : await askClauses(ctx.catalogs, prompts);
  const title = given.title ?? (await prompts.input({ message: t("prompt.add.title"), required: true }));
  // Asked with the title, as csr source add asks a source's: one who gave --title gave what they wanted.
  const titleEn = given.titleEn ?? (given.title === undefined ? optional(await prompts.input({ message: t("prompt.add.title-en") })) : undefined);
  const text = given.text ?? optional(await prompts.input({ message: t("prompt.add.text") }));
  const category =
    given.category ??
    (ctx.categories && ctx.categories.length > 0
      ? await prompts.select({ message: t("prompt.add.category"), choices: ctx.categories.map((c) => ({ value: c })) })
      : optional(await prompts.input({ message: t("prompt.add.category-optional") })));
  const cited = ctx.customers.find((c) => c.code === customer)!.sources!.find((s) => s.id === source)!;
  const dated = eventDateAnswer({ today: ctx.today });
  const validate = (value: string) => {
    const problem = dated(value);
    return problem === true ? (receivedBeforeSource(cited, dateAnswer(value)!, "") ?? true) : problem;
  };
  // The review clock starts when the source revision the CSR is taken from was received (IATF 16949
  // 7.5.3.2.2): that date, not today, is what to accept by default.
  const fromRevision = cited.revisions[cited.revisions.length - 1]?.received;
  const answered = given.received ?? dateAnswer(await prompts.input({ message: t("prompt.add.received"), default: fromRevision ?? ctx.today, validate }))!;
  const draft = { customer, source, section, clauses, title, ...(titleEn ? { titleEn } : {}), text, category, received: answered };
  return given.received === undefined ? askLaterThanSource(draft, ctx.customers.find((c) => c.code === customer)!, cited, ctx, prompts) : draft;
}

/**
 * A date received typed later than the source revision's: the requirement came separately, in a
 * letter, an e-mail or meeting minutes, which is a source document of its own (tester20 F19), or the
 * date is wrong. Asked at once, with the fix: the letter recorded with the requirement, the
 * revision's date taken, or the date kept as typed (csr check warns, date/received-after-source).
 */
async function askLaterThanSource(draft: CsrDraft, customer: Customer, cited: SourceDocument, ctx: AskContext, prompts: Prompts): Promise<CsrDraft> {
  const revision = latestRevision(cited)!;
  if (draft.received <= revision.received) return draft;
  const data = { received: draft.received, source: cited.id, revision: revisionName(revision.revision), sourceReceived: revision.received };
  const answer = await prompts.select({
    message: t("prompt.add.received-after-source", data),
    choices: [
      { value: "letter", name: t("prompt.add.received-after-source.letter") },
      { value: "source", name: t("prompt.add.received-after-source.source", data) },
      { value: "keep", name: t("prompt.add.received-after-source.keep", data) },
    ],
    default: "letter",
  });
  if (answer === "source") return { ...draft, received: revision.received };
  if (answer === "keep") return draft;
  const id = (
    await prompts.input({
      message: t("prompt.add.letter-id", { customer: customer.code, example: letterIdExample(customer, draft.received) }),
      required: true,
      validate: (v) => letterIdProblem(customer, v.trim(), draft.received) ?? true,
    })
  ).trim();
  const title = (await prompts.input({ message: t("prompt.add.letter-title"), required: true })).trim();
  const letterRevision = (await prompts.input({ message: t("source.add.prompt.revision"), default: "1", required: true })).trim();
  // Asked as csr source add asks them: the 外来文件清单 names the letter's date and who keeps it (tester23 F3).
  const dated = eventDateAnswer({ today: ctx.today });
  const issued = optional(
    await prompts.input({
      message: t("source.add.prompt.issued"),
      validate: (v) => {
        if (v.trim() === "") return true;
        const problem = dated(v.trim());
        return problem !== true ? problem : dateAnswer(v.trim())! > draft.received ? t("prompt.add.letter-issued-after-received", { received: draft.received }) : true;
      },
    }),
  );
  const department =
    ctx.departments.length === 0
      ? undefined
      : await prompts.select({
          message: t("prompt.add.letter-department"),
          choices: codedChoices(ctx.departments.map((d) => ({ value: d.code, name: d.name, name_en: d.name_en }))),
          // The department that keeps the document cited keeps the customer's letters too, as a rule.
          ...(cited.department && ctx.departments.some((d) => d.code === cited.department) ? { default: cited.department } : {}),
        });
  const letter = { title, revision: letterRevision, ...(issued ? { issued: dateAnswer(issued)! } : {}), ...(department ? { department } : {}) };
  return { ...draft, source: id, letter };
}

/**
 * An id the letter can take, in the README's pattern: the customer, LTR, the year received and the
 * first number free that year (DYA-LTR-2026-02). Not a document the customer has: the example
 * offered must be one that is accepted (tester23 F20).
 */
export function letterIdExample(customer: Customer, received: string): string {
  const taken = new Set((customer.sources ?? []).map((s) => s.id));
  for (let n = 1; ; n++) {
    const id = `${customer.code}-LTR-${received.slice(0, 4)}-${String(n).padStart(2, "0")}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * What is wrong with `id` for the letter. One the customer has already may be a new revision of it
 * (a second letter on the subject, a revised SQM), which csr source update records first (tester23 F20).
 */
function letterIdProblem(customer: Customer, id: string, received: string): string | undefined {
  const problem = sourceIdProblem(customer, id);
  if (problem === undefined || !(customer.sources ?? []).some((s) => s.id === id)) return problem;
  return t("prompt.add.letter-exists", { customer: customer.code, id, received });
}

function optional(answer: string): string | undefined {
  const trimmed = answer.trim();
  return trimmed === "" ? undefined : trimmed;
}

/**
 * A new CSR is taken from its source's latest revision (a registered one from `revision`), so it cannot be received before that
 * revision was (a record dated before the event it follows is not evidence, IATF 16949 7.5.3):
 * what is wrong with `received`, naming the revision's dates, or undefined. `flag` is "" for a prompt.
 */
/**
 * The hint under receivedBeforeSource's refusal: where the source revision's own date received is the
 * one typed wrong, `csr source update --amend` corrects it (and moves the review it restarted; auditor17 F6).
 */
export function sourceAmendHint(source: SourceDocument, revision: SourceRevision = latestRevision(source)!): string {
  return t("add-date.before-source.hint", { source: source.id, revision: revision.revision });
}

/**
 * The warning for a CSR dated received after the source revision it is taken from (date/received-after-source:
 * its review clock starts late), with the fixes: csr add gives it, and csr set when it makes it so (tester23 F4).
 */
export function receivedAfterSource(id: string, customer: string, received: string, source: SourceDocument, revision: SourceRevision): string {
  const data = { id, received, customer, source: source.id, revision: revisionName(revision.revision), sourceReceived: revision.received };
  return t("add.received-after-source", { ...data, sourceArg: shellArgument(source.id), revisionArg: shellArgument(revision.revision) });
}

export function receivedBeforeSource(source: SourceDocument, received: string, flag: string, revision: SourceRevision = latestRevision(source)!): string | undefined {
  if (received >= revision.received) return undefined;
  const data = { flag, value: received, source: source.id, revision: revisionName(revision.revision), received: revision.received };
  return (revision.issued ? t("add-date.before-source.issued", { ...data, issued: revision.issued }) : t("add-date.before-source", data)).trim();
}
