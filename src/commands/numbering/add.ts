/**
 * `csr numbering add [pattern] --kind <kind> [--family <name>]`: declares a numbering family
 * (编号体系) in qms.yaml `numbering`, e.g. a second procedure family HY-QP-### beside QP-###, so that
 * `csr new` can number from it and `id/number-pattern` accepts its numbers.
 *
 * The entry goes after the kind's last one (the first listed stays the kind's default, see csr new)
 * and is written in the style of the entries around it. A pattern may carry the year (`{YYYY}` or `{YY}`, e.g.
 * HSD-WI-{YYYY}###): csr new then numbers within the current year. Refused: letters that look like a year token but
 * are literal (HSD-WI-YYYY###), a pattern without `#` or with
 * characters a document number cannot have (schemas/common.schema.json documentId), a pattern that
 * fits a number another pattern fits (the kind of a number, and the family csr new counts it in,
 * would be ambiguous), and a family name the kind uses already (`csr new --family` would be).
 */
import { isMap, isScalar, isSeq, Scalar, type Document, type YAMLMap } from "yaml";
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import { ANY_NUMBER, literalYear, numberPatternToRegExp, patternDigits } from "../../model/numbering.js";
import type { ControlledDocument, DocumentKind, QmsConfig } from "../../model/types.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { DOCUMENT_KINDS } from "../new/index.js";
import { choiceOption } from "../options.js";
import { editFile, need, optionalAnswer, saveChanges, withEditSession } from "../shared/edit.js";

export interface NumberingAddFlags {
  kind?: string;
  family?: string;
  yes?: boolean;
  commit?: boolean;
}

type NumberingEntry = NonNullable<QmsConfig["numbering"]>[number];

/** '#' for each digit, then letters, digits and _ . / - as a document number has them. */
const PATTERN_SHAPE = /^[A-Za-z0-9#][A-Za-z0-9#_./-]*$/;

export async function numberingAddCommand(ctx: CommandContext, pattern: string | undefined, flags: NumberingAddFlags): Promise<number> {
  return addNumbering(ctx, pattern, flags);
}

/** `prompts` given: ask for whatever the flags left open, whatever the terminal (tests drive this). */
export async function addNumbering(ctx: CommandContext, patternArg: string | undefined, flags: NumberingAddFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const { ask, repo } = session;
    const config = repo.config;
    if (!config) throw new UserError(t("numbering.no-qms"));
    const declared = config.value.numbering ?? [];
    const kind =
      flags.kind !== undefined
        ? choiceOption<DocumentKind>(flags.kind, "--kind", DOCUMENT_KINDS, "procedure")
        : await need(ask, "--kind", t("numbering.needs.kind"), (p) =>
            p.select({ message: t("prompt.numbering.kind"), choices: DOCUMENT_KINDS.map((k) => ({ value: k, name: t(`new.kind.${k}`) })) }),
          );
    const pattern = (
      patternArg ??
      (await need(ask, "<pattern>", t("numbering.needs.pattern"), (p) =>
        p.input({ message: t("prompt.numbering.pattern"), required: true, validate: (v) => patternProblem(v.trim(), kind, declared) ?? true }),
      ))
    ).trim();
    const problem = patternProblem(pattern, kind, declared);
    if (problem) throw new UserError(problem);
    const family = (flags.family ?? (ask ? optionalAnswer(await ask.input({ message: t("prompt.numbering.family") })) : undefined))?.trim() || undefined;
    const sameName = family === undefined ? undefined : declared.find((n) => n.kind === kind && n.family === family);
    if (sameName) throw new UserError(t("numbering.family-taken", { family: family!, kind: t(`new.kind.${kind}`), pattern: sameName.pattern }), t("numbering.family-taken.hint"));
    const entry: NumberingEntry = { kind, pattern, ...(family ? { family } : {}) };
    const change = editFile(repo.root, config.file.path, "qms", (doc) => addEntry(doc, entry));
    const documents = repo.documents.map((d) => d.value);
    const kindName = t(`new.kind.${kind}`);
    const fitting = documents.filter((d) => d.kind === kind && numberPatternToRegExp(pattern).test(d.id)).length;
    const lines = [t(family ? "numbering.added-family" : "numbering.added", { pattern, family: family ?? "", kind: kindName, path: config.file.path })];
    // Numbers already in use (an imported register) that the new family now accounts for.
    if (fitting > 0) lines.push(t("numbering.documents", { count: fitting, kind: kindName }));
    lines.push(pattern === ANY_NUMBER ? t("numbering.next-step-any", { kind }) : t("numbering.next-step", { kind, pattern }));
    // The first pattern of all makes id/number-pattern check every kind: say which documents it now reports.
    const unfit = documents.filter((d) => fits(declared, d) && !fits([...declared, entry], d)).length;
    if (unfit > 0) lines.push(t("numbering.unfit", { count: unfit }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("commit.numbering-add", { kind: kindName, pattern }) });
    return 0;
  });
}

/** What is wrong with a new pattern for `kind`, or undefined. */
function patternProblem(pattern: string, kind: DocumentKind, declared: readonly NumberingEntry[]): string | undefined {
  // '*' alone takes the publisher's number of an external document as it is (model/numbering.ts).
  // Letters that look like a year token but are literal would be written into every number as they are (tester71 Q10).
  const literal = pattern === ANY_NUMBER ? undefined : literalYear(pattern);
  if (literal !== undefined) return t("numbering.literal-year", { pattern, literal, example: pattern.replace(literal, "{YYYY}") });
  if (pattern !== ANY_NUMBER && (!pattern.includes("#") || !PATTERN_SHAPE.test(patternDigits(pattern)))) return t("numbering.bad-pattern", { pattern });
  const same = declared.find((n) => n.pattern === pattern && n.kind === kind);
  if (same) return t("numbering.exists", { pattern, kind: t(`new.kind.${kind}`) });
  const overlapping = declared.find((n) => overlap(n.pattern, pattern));
  if (overlapping) return t("numbering.overlaps", { pattern, other: overlapping.pattern, kind: t(`new.kind.${overlapping.kind}`) });
  return undefined;
}

/** Whether some number fits both patterns: as long as each other, and each character the same or a digit against '#'. */
function overlap(a: string, b: string): boolean {
  // '*' fits every number but tells nothing of its kind (tellingPatterns): it overlaps nothing.
  if (a === ANY_NUMBER || b === ANY_NUMBER) return false;
  // A year token is its digits (HSD-WI-{YYYY}### overlaps HSD-WI-2017###).
  [a, b] = [patternDigits(a), patternDigits(b)];
  if (a.length !== b.length) return false;
  const digitOrHash = (c: string) => c === "#" || (c >= "0" && c <= "9");
  return [...a].every((c, i) => c === b[i] || ((c === "#" || b[i] === "#") && digitOrHash(c) && digitOrHash(b[i]!)));
}

/** As id/number-pattern judges a number: any number while nothing is declared, else one pattern of its kind fits it. */
function fits(numbering: readonly NumberingEntry[], doc: ControlledDocument): boolean {
  return numbering.length === 0 || numbering.some((n) => n.kind === doc.kind && numberPatternToRegExp(n.pattern).test(doc.id));
}

/**
 * Adds the entry after the last one of its kind (else at the end), flow or block and with the
 * pattern quoted or not as that neighbour is; a repository without `numbering` gets the list.
 */
function addEntry(doc: Document.Parsed, entry: NumberingEntry): void {
  const list = doc.get("numbering", true);
  if (!isSeq(list)) {
    // Where docs/format.md shows it: after the departments, before the calendar and the rest.
    const map = doc.contents as unknown;
    if (!isMap<unknown, unknown>(map)) throw new Error("qms.yaml is a mapping");
    const before = new Set(["organisation", "language", "standards", "exclusions", "coverage", "departments"]);
    let at = 0;
    map.items.forEach((pair, i) => {
      if (before.has(String(isScalar(pair.key) ? pair.key.value : pair.key))) at = i + 1;
    });
    map.items.splice(at, 0, doc.createPair("numbering", doc.createNode([entry])));
    return;
  }
  const maps = list.items.map((item, index) => ({ item, index })).filter((i): i is { item: YAMLMap; index: number } => isMap(i.item));
  const ofKind = maps.filter((m) => m.item.get("kind") === entry.kind);
  const neighbour = (ofKind[ofKind.length - 1] ?? maps[maps.length - 1])?.item;
  const node = doc.createNode(entry) as YAMLMap;
  const neighbourPattern = neighbour?.get("pattern", true);
  if (neighbour?.flow) node.flow = true;
  if (isScalar(neighbourPattern) && (neighbourPattern.type === Scalar.QUOTE_DOUBLE || neighbourPattern.type === Scalar.QUOTE_SINGLE)) {
    const pattern = node.get("pattern", true) as Scalar;
    pattern.type = neighbourPattern.type;
  }
  const at = ofKind.length > 0 ? ofKind[ofKind.length - 1]!.index + 1 : list.items.length;
  list.items.splice(at, 0, node);
}
