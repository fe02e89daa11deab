/**
 * A CSR list's 发放 and 培训 cells read back (tester55 C5, io59): what `csr list csr` prints of a
 * CSR's distribution and training (report/registers/csr.ts distributedCell, trainingCell), in
 * Chinese or English, as the CSR file records it. What a cell shows but the file cannot hold
 * from it is said on the row, never dropped unsaid: a training session's trainees and trainer are
 * not in the list, so a session is not written (schemas: a session names who was trained); its
 * record number is kept as a record given on its own, and the row says how to record the session.
 */
import { LANGS, translate, type Lang, type MessageKey } from "../i18n/index.js";
import { compactText, escapeRegExp } from "../core/text.js";
import { csrTrainingState, type CsrTrainingState, type RecordDays } from "../model/training.js";
import { departmentNamed } from "../model/department-names.js";
import type { Csr, CsrDistribution, Department } from "../model/types.js";
import { normalizeDate } from "./normalize.js";


/**
 * The message `key` of `lang` as a pattern whose placeholders `names` each match a named group (of
 * one character or more, or of none for those `optional` names); the whole line unless `whole` is false. Built from the catalog, so a reworded list reads back as it is printed.
 */
export function templatePattern(lang: Lang, key: MessageKey, names: readonly string[], whole = true, optional: readonly string[] = []): RegExp {
  const marks = Object.fromEntries(names.map((name, i) => [name, `\u0000${i}\u0000`]));
  let source = escapeRegExp(translate(lang, key, marks));
  names.forEach((name, i) => (source = source.replace(`\u0000${i}\u0000`, `(?<${name}>.${optional.includes(name) ? "*" : "+"}?)`)));
  return new RegExp(`^${source}${whole ? "$" : ""}`, "su");
}

interface LinePatterns {
  lang: Lang;
  separator: string;
  dated: RegExp;
  revision: RegExp;
  pending: RegExp;
  records: RegExp;
  sessionRevision: RegExp;
  states: Map<string, CsrTrainingState>;
  /** 部分培训（已培训 2/9 人）: sessions recorded, not everyone trained (model/training-completion.ts csrTrainingReading). */
  partial: RegExp;
}

let patternsCache: LinePatterns[] | undefined;
function patterns(): LinePatterns[] {
  patternsCache ??= LANGS.map((lang) => ({
    lang,
    separator: translate(lang, "register.list-separator"),
    dated: templatePattern(lang, "register.csr.list.distributed", ["departments", "date"]),
    revision: templatePattern(lang, "register.csr.list.distributed.revision", ["revision", "text"]),
    pending: templatePattern(lang, "register.csr.list.distributed.pending", ["revision"]),
    records: templatePattern(lang, "register.csr.list.training.records", ["records"]),
    // At the start of what follows a session's day: the record number may come after it.
    sessionRevision: templatePattern(lang, "register.csr.list.training.revision", ["revision"], false),
    states: new Map((["trained", "recorded", "open", "not-required"] as const).map((state) => [key(translate(lang, `train.state.${state}`)), state])),
    partial: keyedTemplatePattern(lang, "train.state.partial", ["trained", "required"]),
  }));
  return patternsCache;
}

const key = (text: string) => compactText(text.normalize("NFKC")).toLowerCase();

/**
 * The message `key` of `lang` as a pattern of the whole of a line as compared (key: NFKC, spaces taken out,
 * lower case), its placeholders `names` each a named group of one character or more: 部分培训(已培训2/9人)
 * as typed with half-width brackets or without spaces reads as the printed 部分培训（已培训 2/9 人）.
 */
function keyedTemplatePattern(lang: Lang, message: MessageKey, names: readonly string[]): RegExp {
  // Private-use marks: NFKC, compactText (which drops control characters) and lower case leave them as they are.
  const marks = Object.fromEntries(names.map((name, i) => [name, `\uE000${i}\uE000`]));
  let source = escapeRegExp(key(translate(lang, message, marks)));
  names.forEach((name, i) => (source = source.replace(`\uE000${i}\uE000`, `(?<${name}>.+?)`)));
  return new RegExp(`^${source}$`, "su");
}

/**
 * The state a 培训 cell's first line says, as trainingFromCell reads it: 部分培训（已培训 2/9 人） is a training given,
 * read as 已培训 — who was trained is on the sessions' records, which the list does not give.
 */
const stateOf = (line: string): CsrTrainingState | undefined => {
  const keyed = key(line);
  return patterns()
    .map((p) => p.states.get(keyed) ?? (p.partial.test(keyed) ? "trained" : undefined))
    .find(Boolean);
};
const lines = (cell: string) => cell.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

/** `text` split at `separator` outside brackets: a record's note "（… 2026-03-01、…）" stays whole. */
function splitOutside(text: string, separators: readonly string[]): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "（" || c === "(") depth++;
    else if ((c === "）" || c === ")") && depth > 0) depth--;
    else if (depth === 0) {
      const sep = separators.find((s) => text.startsWith(s, i));
      if (sep) {
        parts.push(text.slice(start, i));
        start = i + sep.length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** What a 发放 or 培训 cell says that the CSR file does not keep, or keeps otherwise, for the row's report. */
export type RecordNote =
  | { kind: "distribution-unread"; line: string }
  | { kind: "distribution-bad-date"; line: string; date: string }
  | { kind: "distribution-unknown-department"; line: string; department: string }
  | { kind: "training-unread"; line: string }
  | { kind: "training-session"; line: string; date: string; record?: string }
  | { kind: "training-session-earlier"; line: string }
  | { kind: "training-record-earlier"; record: string; written: string }
  | { kind: "training-state"; listed: string; state: CsrTrainingState };

/** Notes that refuse the row: a value csr would take but cannot read as written. */
export const REFUSING_NOTES: ReadonlySet<RecordNote["kind"]> = new Set(["distribution-bad-date", "distribution-unknown-department"]);

/**
 * The distribution entries a 发放 cell lists, one a line: `生产部、品质部，2025-09-18 发放` (departments by
 * name, code or English name in qms.yaml, and the day), `V2.0 版：…` of a named source revision, or the
 * departments alone; `V3.0 版尚未发放` is csr's own note (worked out from the entries) and is not read.
 * Other text that names no department of qms.yaml is not read and said (`distribution-unread`); a
 * department qms.yaml does not know in a distribution, or a day that is no date, refuses the row.
 */
export function distributionFromCell(cell: string, departments: readonly Department[], notes: RecordNote[]): CsrDistribution[] {
  // An entry without its day is the schema's (a list printed from the one-object form without a date): kept as listed.
  const entries: (Omit<CsrDistribution, "date"> & { date?: string })[] = [];
  const find = (name: string) => departmentNamed(departments, name)?.department;
  for (const line of lines(cell)) {
    if (patterns().some((p) => p.pending.test(line))) continue;
    // Each language's layout; the one that reads the whole line wins, else the first that names a department says what is wrong.
    const readings = patterns().map((p) => readDistributionLine(line, p, find));
    const read = readings.find((r) => "entry" in r) ?? readings.find((r) => "note" in r);
    if (!read) notes.push({ kind: "distribution-unread", line });
    else if ("note" in read) notes.push(read.note);
    else entries.push(read.entry);
  }
  return entries as CsrDistribution[];
}

type DistributionLine = { entry: Omit<CsrDistribution, "date"> & { date?: string } } | { note: RecordNote } | { none: true };

/** One line of a 发放 cell in one language's layout (register.csr.list.distributed*). */
function readDistributionLine(line: string, p: LinePatterns, find: (name: string) => Department | undefined): DistributionLine {
  const named = p.revision.exec(line)?.groups;
  const text = named ? named.text! : line;
  const dated = p.dated.exec(text)?.groups;
  const names = splitOutside(dated ? dated.departments! : text, [p.separator, "、", ",", "，"]);
  const found = names.map(find);
  // A line in the layout of a distribution (departments and day) is one, whatever it names; other text is one when it names a department.
  if (found.every((d) => d === undefined) && !(dated && normalizeDate(dated.date!))) return { none: true };
  const unknown = names.find((_, i) => found[i] === undefined);
  if (unknown !== undefined) return { note: { kind: "distribution-unknown-department", line, department: unknown } };
  const date = dated ? normalizeDate(dated.date!) : undefined;
  if (dated && !date) return { note: { kind: "distribution-bad-date", line, date: dated.date! } };
  return { entry: { departments: found.map((d) => d!.code), ...(date ? { date } : {}), ...(named ? { source_revision: bareRevision(p.lang, named.revision!) } : {}) } };
}

/** The revision a list names (`V2.0 版` in Chinese, value.revision), as the file records it (`V2.0`). */
function bareRevision(lang: Lang, named: string): string {
  const suffix = templatePattern(lang, "value.revision", ["revision"]).exec(named)?.groups?.revision;
  return (suffix ?? named).trim();
}

/**
 * The training a 培训 cell states: its first line the state (已培训 / 需要培训 → required, 不需要培训 → not),
 * then a line for each session (`2026-10-28 TR-2026-041`, of an earlier source revision named
 * `（来源文件 V1 版）`) and one of the record numbers given on their own (`培训记录 TR-2026-003、…`).
 * A session of the current revision keeps its record number as a record on its own, and is said
 * (`training-session`: its day, trainees and trainer are the training record's, not the list's); one
 * of an earlier revision, and a record the list notes as not training on the current revision, are
 * not kept (a record on its own counts as training on the current one) and said. Undefined for an
 * empty cell, or one whose state csr does not know (said: `training-unread`).
 */
export function trainingFromCell(cell: string, notes: RecordNote[]): Csr["training"] {
  const [first, ...rest] = lines(cell);
  if (first === undefined) return undefined;
  const state = stateOf(first);
  if (!state) {
    notes.push({ kind: "training-unread", line: cellLine(cell) });
    return undefined;
  }
  const records: string[] = [];
  for (const line of rest) {
    const listed = patterns()
      .map((p) => ({ p, groups: p.records.exec(line)?.groups }))
      .find((m) => m.groups);
    if (listed) {
      for (const written of splitOutside(listed.groups!.records!, [listed.p.separator, "、"])) {
        const record = /^(.*?)\s*[（(].*[)）]$/su.exec(written)?.[1] ?? written;
        if (record === written) records.push(record);
        else notes.push({ kind: "training-record-earlier", record, written });
      }
      continue;
    }
    const session = /^(\d{4}-\d{2}-\d{2})(?:\s+(.*))?$/su.exec(line);
    if (!session) {
      notes.push({ kind: "training-unread", line });
      continue;
    }
    const after = session[2]?.trim() ?? "";
    if (patterns().some((p) => p.sessionRevision.test(after))) {
      notes.push({ kind: "training-session-earlier", line });
      continue;
    }
    const record = after || undefined;
    if (record) records.push(record);
    notes.push({ kind: "training-session", line, date: session[1]!, ...(record ? { record } : {}) });
  }
  return { required: state !== "not-required", ...(records.length ? { records: [...new Set(records)] } : {}) };
}

/**
 * Whether the training read states what the list does: the list's state word against csr's own reading
 * of what was kept (csrTrainingState, the records dated `today`, the import's day), said when they
 * differ (a session not kept, a record of an earlier revision). `csr.id` is the CSR's id.
 */
export function trainingStateNote(csr: Csr, cell: string, today: string, notes: RecordNote[]): void {
  const listed = lines(cell)[0];
  if (!csr.training || listed === undefined) return;
  const wanted = stateOf(listed);
  // The records are dated by the commit that takes the import in, on its day (model/training.ts recordStandings).
  const days: RecordDays = new Map([[csr.id, new Map((csr.training.records ?? []).map((record) => [record, { day: today, beforeRound: false }]))]]);
  const state = csrTrainingState(csr, days);
  // A session read back keeps its record number on its own (trainingFromCell, said as training-session): 已培训 read as
  // 只登记了记录编号 is that, not a contradiction.
  if (wanted && wanted !== state && !(wanted === "trained" && state === "recorded")) notes.push({ kind: "training-state", listed, state });
}

const cellLine = (cell: string) => lines(cell).join(" / ");
