/**
 * The rule documentation, made from the rules' own `docs` meta: docs/rules.md (written by
 * `npm run docs:rules`, compared by a test) and the text `csr explain <rule-id>` prints.
 * The Chinese text (docs/rules.zh-CN.md, `csr explain` in zh-CN) comes from locales/rules.zh-CN.json,
 * one entry per rule id beside the English meta; the examples' YAML is shared, their comments are
 * translated (`comments`: English comment text -> its translation).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LOCALES_DIR } from "../load/package.js";
import { translate, type Lang } from "../i18n/index.js";
import { inWording } from "../i18n/terms.js";
import { forStandards, standardsInScope, wordingOf } from "../model/citations.js";
import { rules } from "./registry.js";
import type { Rule } from "./rule.js";

/** What a translation gives for one rule: the prose; the examples and the severity stay the rule's. */
export interface TranslatedRuleDocs {
  summary: string;
  description: string;
  fix: string;
  /** The examples' comments (the text after `# `), by their English text; the YAML before them stays as it is. */
  comments?: Record<string, string>;
}

interface Translation {
  topics: Record<string, { title: string; intro: string }>;
  rules: Record<string, TranslatedRuleDocs>;
}

const translations = new Map<Lang, Translation>();

/** locales/rules.<lang>.json; English has none, its text is the rules' meta. */
export function ruleDocsTranslation(lang: Exclude<Lang, "en">): Translation {
  let translation = translations.get(lang);
  if (!translation) {
    translation = JSON.parse(readFileSync(join(LOCALES_DIR, `rules.${lang}.json`), "utf8")) as Translation;
    translations.set(lang, translation);
  }
  return translation;
}

/**
 * A rule's summary, description and fix in a language (English where a translation lacks the rule),
 * citing the clauses of the standards in scope: a GJB 9001C repository reads GJB 9001C's clause where
 * an IATF one reads IATF 16949's (the texts' `{{cite:…}}` and standard sections, model/citations.ts).
 */
export function ruleText(rule: Rule, lang: Lang, standards: readonly string[] | undefined = standardsInScope()): TranslatedRuleDocs {
  const english = { summary: rule.summary, description: rule.docs.description, fix: rule.docs.fix };
  const text = lang === "en" ? english : (ruleDocsTranslation(lang).rules[rule.id] ?? english);
  const cite = (s: string) => inWording(forStandards(s, standards, translate(lang, "common.list-separator")), lang, wordingOf(standards));
  return { ...text, summary: cite(text.summary), description: cite(text.description), fix: cite(text.fix) };
}

/** Sections of docs/rules.md in the order of work; each rule goes under the topic of its id's prefix. */
export const TOPICS: readonly { title: string; prefixes: readonly string[]; intro: string }[] = [
  {
    title: "Reading files",
    prefixes: ["file", "yaml", "schema"],
    intro: "Each file is read on its own; a broken file is reported and the rest of the repository is still checked.",
  },
  { title: "Identity", prefixes: ["id"], intro: "Every entity is found by its id, and its file by its name." },
  { title: "References", prefixes: ["ref", "clause", "symbol"], intro: "What one file names must exist in the repository or in a standard's catalog." },
  { title: "Configuration", prefixes: ["config"], intro: "Settings in `qms.yaml` that would do nothing." },
  { title: "Dates", prefixes: ["date"], intro: "Dates that working-day arithmetic can count with." },
  {
    title: "Customer-specific requirements",
    prefixes: ["csr", "calendar"],
    intro: "The CSR workflow: review deadlines in working days, complete reviews, where each requirement is addressed, implementation and source revisions.",
  },
  {
    title: "Controlled documents",
    prefixes: ["doc"],
    intro: "Revision discipline and approvals. The rules that compare with a base revision run with `csr check --base <rev>`; the others always run.",
  },
  { title: "Coverage", prefixes: ["coverage"], intro: "Whether the quality system addresses every applicable clause of the standards in scope." },
  { title: "People", prefixes: ["person"], intro: "Work recorded in the names of the people of `people.yaml`: someone who has left does no new work." },
  { title: "Internal audit", prefixes: ["process"], intro: "The internal audit programme over the processes of `processes.yaml`: each audited within its interval." },
  { title: "Corrective action", prefixes: ["action"], intro: "Nonconformities and corrective actions (`actions/`, 8D): each step done by its due date." },
  { title: "Suppliers", prefixes: ["supplier"], intro: "The approved supplier list (`suppliers/`): the certificates of the suppliers purchasing buys from are valid." },
  { title: "Customer performance", prefixes: ["customer"], intro: "The customers' scorecards and special status (`customers/`): a period below the customer's targets has an action plan, a special status is reported to the certification body." },
  { title: "First article inspection", prefixes: ["first-article"], intro: "The record of first article inspections (`first-articles.yaml`, 首件鉴定, GJB 908A): a failed first article inspected again, a changed process specification or drawing followed by a new inspection." },
  { title: "Quality objectives", prefixes: ["objective"], intro: "The quality objectives (`objectives.yaml`, 质量目标): each period measured, so that management review sees how far they were met." },
  { title: "Management review", prefixes: ["management-review"], intro: "The record of management reviews (`management-reviews.yaml`, 管理评审记录): a review held at least every twelve months, its outputs carried out by their due day." },
  { title: "Tooling", prefixes: ["tooling"], intro: "The register of tooling, fixtures, gauges and error-proofing devices (`tooling.yaml`): each device verified at its frequency, failures reacted to, maintenance kept, the customer's tooling marked, each gauge calibrated in time, an out-of-tolerance calibration evaluated, the gauges of special characteristics analysed (MSA)." },
];

function topicOf(rule: Rule): (typeof TOPICS)[number] {
  const prefix = rule.id.slice(0, rule.id.indexOf("/"));
  const topic = TOPICS.find((t) => t.prefixes.includes(prefix));
  if (!topic) throw new Error(`Rule ${rule.id}: add its prefix '${prefix}' to a topic in src/check/docs.ts.`);
  return topic;
}

/** Examples are written as template literals starting on the line after the backtick. */
const yamlBlock = (yaml: string) => ["```yaml", yaml.replace(/^\n/, "").trimEnd(), "```"].join("\n");

/**
 * A comment of an example (`# ` to the end of a line, at its start or after a space) in the
 * translation's words: only the comment changes, so the YAML stays an excerpt of the rule's fixture.
 * `#RW-2024-07` (no space after '#') is no explanation of the example's: it is what the example shows.
 */
export const EXAMPLE_COMMENT = /((?:^|[ \t])#[ \t])(.*)$/gm;

export function translateComments(yaml: string, comments: Record<string, string> | undefined): string {
  if (!comments) return yaml;
  return yaml.replace(EXAMPLE_COMMENT, (whole, mark: string, text: string) => (comments[text] === undefined ? whole : mark + comments[text]));
}

/** One rule's section in Markdown, starting with its `### <id>` heading, citing the standards given (see ruleText). */
export function ruleSection(rule: Rule, lang: Lang = "en", standards: readonly string[] | undefined = standardsInScope()): string {
  const text = ruleText(rule, lang, standards);
  const lead = translate(lang, "explain.default", { severity: rule.severity, summary: text.summary });
  const kept = rule.holdsForParts ? (lang === "en" ? " " : "") + translate(lang, "salvage.explain") : "";
  const clock = rule.clock ? (lang === "en" ? " " : "") + translate(lang, rule.clock === true ? "clock.explain" : `clock.explain.${rule.clock}`) : "";
  const parts = [`### ${rule.id}`, lead + kept + clock, text.description.trim()];
  if (rule.docs.bad) parts.push(`${translate(lang, "explain.bad")}\n\n${yamlBlock(translateComments(rule.docs.bad, text.comments))}`);
  if (rule.docs.good) parts.push(`${translate(lang, "explain.good")}\n\n${yamlBlock(translateComments(rule.docs.good, text.comments))}`);
  parts.push(translate(lang, "explain.fix", { fix: text.fix.trim() }));
  return parts.join("\n\n");
}

/**
 * docs/rules.md (docs/rules.<lang>.md): the hand-written introduction (scripts/rules-doc.head.md,
 * scripts/rules-doc.head.<lang>.md), then every rule by topic. The pages cite IATF 16949, the
 * standard of a repository that names none; `csr explain` cites the repository's own.
 */
export function rulesDocument(head: string, lang: Lang = "en"): string {
  const sections = [head.trimEnd()];
  for (const topic of TOPICS) {
    const members = rules.filter((r) => topicOf(r) === topic);
    if (members.length === 0) continue;
    const translated = lang === "en" ? topic : (ruleDocsTranslation(lang).topics[topic.title] ?? topic);
    sections.push(`## ${translated.title}`, translated.intro);
    for (const rule of members) sections.push(ruleSection(rule, lang, []));
  }
  for (const rule of rules) topicOf(rule);
  return sections.join("\n\n") + "\n";
}
