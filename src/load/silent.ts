/**
 * Values that YAML changes without an error, so that the data no longer says what the author wrote:
 * a plain value cut short by ` #…` (the rest becomes a comment), and a number where text was meant
 * (`section: 4.10` is the number 4.1). Both are warnings: the file is still read.
 */
import type { Document, Node } from "yaml";
import type { Path } from "../model/types.js";
import type { LoadProblem } from "./source.js";
import { yaml } from "./yaml.js";
import { shortList, t, translate } from "../i18n/index.js";
import type { Lang } from "../report/registers/context.js";

export const COMMENT_CUTS_VALUE = "yaml/comment-cuts-value";
export const NUMBER_AS_TEXT = "yaml/number-as-text";

/** Problems that leave the file usable; the others make csr set the file aside. */
export const WARNING_ONLY: ReadonlySet<string> = new Set([COMMENT_CUTS_VALUE, NUMBER_AS_TEXT]);

export const isBlocking = (problem: LoadProblem) => !WARNING_ONLY.has(problem.rule);

export const DUPLICATE_KEY = "yaml/duplicate-key";

/**
 * Whether csr still checks the data of a file with this problem, as with a schema error: a key
 * written twice is left out where it repeats (load/source.ts), so the data holds the first value
 * and every rule can run (tester69 T7). For the other commands the file stays set aside: every
 * register refuses, naming the repeat (commands/shared/output.ts refuseOrWarnUnreadable), and a
 * command that would change it refuses (it would write the file back with one value of the two).
 */
export const stillChecked = (problem: LoadProblem) => problem.rule === DUPLICATE_KEY || problem.rule.startsWith("schema/");

/**
 * The foundations read with the first value of a key written twice, as a document is (stillChecked), when that is their
 * only problem that sets a file aside: csr check then reads their departments, standards and people, and shows the
 * findings that need them beside the repeat, not held back behind it. The other commands still refuse to run while one
 * of them has a key written twice (repository.ts configProblem): a register or a change made with one of two values
 * nobody chose would read as meant.
 */
const FIRST_VALUE_FOUNDATIONS: ReadonlySet<string> = new Set(["qms.yaml", "people.yaml"]);

/** Whether a key written twice in the file at `path` holds every other command back, not only those that would change the file. */
export const isFirstValueFoundation = (path: string) => FIRST_VALUE_FOUNDATIONS.has(path);

/** Whether the foundation `path` with `problems` is read with its first values: only keys written twice set it aside. */
export function readWithFirstValues(path: string, problems: readonly LoadProblem[]): boolean {
  return isFirstValueFoundation(path) && problems.some((p) => p.rule === DUPLICATE_KEY) && problems.every((p) => !isBlocking(p) || p.rule === DUPLICATE_KEY);
}

/** Files csr set aside (a problem that blocks them); a file with only warnings (yaml/number-as-text, yaml/comment-cuts-value) was read. */
export function unreadableFiles(problems: readonly { path: string; problem: LoadProblem }[]): string[] {
  return [...new Set(problems.filter((p) => isBlocking(p.problem)).map((p) => p.path))];
}

/**
 * The note under a register (csr list, csr export, csr site) that lacks the files csr set aside,
 * naming them: "本表不完整：有 1 个文件无法读取，未列入（csr/DYA/DYA-005.yaml）。"; undefined when every file was read.
 */
export function unreadableNote(problems: readonly { path: string; problem: LoadProblem }[], lang: Lang): string | undefined {
  const files = unreadableFiles(problems);
  return files.length > 0 ? translate(lang, "output-gap.note", { count: files.length, files: shortList(files, lang) }) : undefined;
}

const pathText = (path: Path) => path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");

/**
 * A plain value followed on its line by ` #word`: a comment is written `# text`, with a space, so a
 * `#` glued to a word is more likely part of the value (a record number `#RW-2024-07`).
 */
export function commentCutProblems(doc: Document.Parsed, text: string, position: (offset: number) => [number, number]): LoadProblem[] {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  const problems: LoadProblem[] = [];
  const walk = (node: unknown, path: Path) => {
    if (isMap(node)) {
      for (const pair of node.items) if (isPair(pair) && isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    } else if (isScalar(node) && node.type === "PLAIN" && node.range) {
      const rest = /^[ \t]+(#\S[^\r\n]*)/.exec(text.slice(node.range[1]));
      if (!rest || path.length === 0) return;
      const written = text.slice(node.range[0], node.range[1]);
      const [line, column] = position(node.range[1] + rest[0].length - rest[1]!.length);
      const key = path[path.length - 1];
      const quoted = JSON.stringify(`${written} ${rest[1]!.trimEnd()}`);
      problems.push({
        rule: COMMENT_CUTS_VALUE,
        line,
        column,
        message: t("load.comment-cuts-value", { path: pathText(path), written, comment: rest[1]!.trimEnd(), quoted: (typeof key === "number" ? "- " : `${key}: `) + quoted }),
      });
    }
  };
  walk((doc as { contents: Node | null }).contents, []);
  return problems;
}

/** Where the schema wants text and YAML read a plain number, the text as written, for the data and the message. */
export function numberAsText(doc: Document.Parsed | undefined, text: string, path: Path): string | undefined {
  if (!doc) return undefined;
  const node = doc.getIn(path, true);
  if (!yaml().isScalar(node) || node.type !== "PLAIN" || typeof node.value !== "number" || !node.range) return undefined;
  return text.slice(node.range[0], node.range[1]);
}

export function numberAsTextProblem(path: Path, written: string, value: number, line: number, column: number): LoadProblem {
  const key = path[path.length - 1];
  return {
    rule: NUMBER_AS_TEXT,
    line,
    column,
    message: t(String(value) === written ? "load.number-as-text" : "load.number-as-text-changed", { path: pathText(path), written, value, quoted: `${typeof key === "number" ? "- " : `${key}: `}"${written}"` }),
  };
}
