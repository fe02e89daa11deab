/**
 * `csr standard migrate <old> <new> [--dry-run] [--commit]`: moves the repository's clause references
 * from an edition of a standard to the edition that supersedes it (the catalog in standards/<new>.yaml
 * whose `supersedes.standard` is <old>), the step a document controller takes for the transition to
 * a new edition (IATF's transition rules: after the transition's end, audits are to the new edition
 * only; domain.md).
 *
 * Every reference of documents, processes, CSRs and qms.yaml's exclusions whose old clause has exactly
 * one counterpart (model/catalog.ts correspondingClauses) is rewritten in place, keeping each file's
 * layout and comments. Nothing is decided for the user: a clause split into several, removed in the
 * new edition, not in the correspondence, or not in the old catalog at all is left as it is and
 * listed with its file and line. A rewritten reference that the list cites already in the new edition
 * is dropped, and said so. The new catalog's id is added to `standards` of qms.yaml; the old one stays
 * there, for the user to remove once nothing cites it (both are shown side by side until then).
 *
 * A CSR's fingerprint covers its clauses (model/fingerprint.ts): a pinned `addressed` link that was
 * current before the migration is re-pinned to the migrated CSR, since only the numbering changed;
 * a link that was suspect before stays suspect.
 *
 * The first migration that rewrites a reference records its day in the new catalog
 * (`supersedes.migrated`): a review decided before it was made against the old edition, and its
 * report keeps citing the clauses it was reviewed against (model/catalog.ts referencesOn). A
 * repository migrated before csr recorded the day records it with a later run's --date; until then
 * the run says the day git shows (load/migration-day.ts), by which review reports go meanwhile.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isScalar, isSeq, parse, parseDocument, Scalar, type Document } from "yaml";
import { clauseOccurrences, occurrencePath, type ClauseOccurrence } from "../../check/rules/clause/refs.js";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { disjunction, list, t } from "../../i18n/index.js";
import { isBlocking } from "../../load/silent.js";
import { locate, type FileKind } from "../../load/source.js";
import { correspondingClauses, type Catalog } from "../../model/catalog.js";
import { csrFingerprint } from "../../model/fingerprint.js";
import type { Csr, Path } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { localToday } from "../../core/dates.js";
import { gitRead } from "../../load/git.js";
import { migrationCommit } from "../../load/migration-day.js";
import type { Repository } from "../../load/repository.js";
import { eventDateOption } from "../options.js";
import { editFile, saveChanges, withEditSession } from "../shared/edit.js";
import { yamlText, type FileChange } from "../shared/persist.js";

export interface StandardMigrateFlags {
  dryRun?: boolean;
  /** The day of the migration (YYYY-MM-DD), recorded as `supersedes.migrated`; default today. */
  date?: string;
  commit?: boolean;
}

/** The kinds of file that cite clauses (check/rules/clause/refs.ts). */
const CITING = new Set<FileKind>(["qms", "processes", "csr", "document"]);

/** One reference and what becomes of it. */
interface Step {
  occurrence: ClauseOccurrence;
  /** Where it is written, `path:line:column`. */
  at: string;
  /** The new reference; undefined: left for the user, for `reason`. */
  to?: string;
  /** The list cites `to` already: the reference is dropped rather than written twice. */
  duplicate?: boolean;
  reason?: "several" | "removed" | "unlisted" | "unknown";
  counterparts?: string[];
}

export async function standardMigrateCommand(ctx: CommandContext, fromId: string, toId: string, flags: StandardMigrateFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const { repo } = session;
    const config = repo.config;
    if (!config) throw new UserError(t("standard.migrate.no-qms"));
    const old = catalogNamed(repo.catalogs, fromId);
    const successor = catalogNamed(repo.catalogs, toId);
    if (successor.supersedes?.standard !== old.id) throw new UserError(t("standard.migrate.not-superseding", { from: old.id, to: successor.id, supersedes: successor.supersedes?.standard ?? "" }), t("standard.migrate.not-superseding.hint", { from: old.id, to: successor.id }));

    const steps = planSteps(clauseOccurrences(repo).filter((o) => o.ref?.standard === old.id), old, successor);
    const rewritten = steps.filter((s) => s.to !== undefined);
    const left = steps.filter((s) => s.to === undefined);
    const standards = config.value.standards ?? [];
    const addScope = !standards.includes(successor.id);

    const byFile = new Map<string, Step[]>();
    for (const step of rewritten) {
      const list = byFile.get(step.occurrence.file.path);
      if (list) list.push(step);
      else byFile.set(step.occurrence.file.path, [step]);
    }
    if (addScope && !byFile.has(config.file.path)) byFile.set(config.file.path, []);
    const csrs = new Map(repo.csrs.map((c) => [c.file.path, c.value]));
    let repinned = 0;
    const changes: FileChange[] = [...byFile].map(([path, fileSteps]) => {
      const csr = csrs.get(path);
      const pins = csr ? repins(csr, fileSteps) : [];
      repinned += pins.length;
      return rewriteFile(repo.root, path, fileSteps[0]?.occurrence.file.kind ?? "qms", fileSteps, pins, path === config.file.path && addScope ? (doc) => addToScope(doc, old.id, successor.id) : undefined);
    });

    // The day of the move, once: a review record dated before it was made against the old edition (render cites its clauses, tester58 F8).
    const catalogFile = repo.catalogFiles.find((f) => f.value.id === successor.id);
    const recorded = successor.supersedes?.migrated;
    const given = flags.date === undefined ? undefined : migrationDate(repo.root, flags.date, catalogFile?.file.path);
    // The day is recorded once: review reports cite it, so a second --date does not move it silently (breaker59 H2).
    if (given !== undefined && recorded !== undefined && given !== recorded) {
      throw new UserError(t("standard.migrate.date-recorded", { date: recorded, given, path: catalogFile?.file.path ?? "" }), t("standard.migrate.date-recorded.hint", { path: catalogFile?.file.path ?? "" }));
    }
    // A repository migrated before csr recorded the day has nothing left to rewrite: --date records it then.
    const citesNew = rewritten.length > 0 || clauseOccurrences(repo).some((o) => o.ref?.standard === successor.id);
    const migratedOn = catalogFile && !recorded && citesNew && (rewritten.length > 0 || given !== undefined) ? (given ?? localToday()) : undefined;
    if (migratedOn && catalogFile) changes.push(editFile(repo.root, catalogFile.file.path, "standard", (doc) => doc.setIn(["supersedes", "migrated"], migratedOn)));
    const data = { from: old.id, to: successor.id, old: old.title, new: successor.title };
    const lines = [
      // A second run finds nothing left to rewrite: said in words, not as an empty list (breaker59 H10).
      rewritten.length === 0
        ? t("standard.migrate.nothing", data)
        : t(flags.dryRun ? "standard.migrate.would-rewrite" : "standard.migrate.rewrote", { ...data, count: rewritten.length, files: new Set(rewritten.map((s) => s.occurrence.file.path)).size }),
      ...rewritten.map((s) => `  ${s.at}  ${s.occurrence.text} → ${s.to}${s.duplicate ? t("standard.migrate.duplicate") : ""}`),
    ];
    if (repinned > 0) lines.push(t(flags.dryRun ? "standard.migrate.would-repin" : "standard.migrate.repinned", { count: repinned }));
    if (left.length > 0) {
      lines.push(t("standard.migrate.left", { count: left.length }));
      lines.push(...left.map((s) => `  ${s.at}  ${s.occurrence.text}: ${leftReason(s, successor)}`));
    }
    // A file csr cannot read is not in the model: its references are neither rewritten nor listed above.
    const unread = repo.files.filter((f) => CITING.has(f.kind) && f.problems.some(isBlocking)).map((f) => f.path);
    if (migratedOn && catalogFile) lines.push(t(flags.dryRun ? "standard.migrate.would-record" : "standard.migrate.migrated-on", { ...data, date: migratedOn, path: catalogFile.file.path }));
    else if (catalogFile && !recorded && citesNew) lines.push(dayMissing(repo, successor, { ...data, path: catalogFile.file.path }));
    if (unread.length > 0) lines.push(t("standard.migrate.unread", { count: unread.length, files: list(unread) }));
    if (addScope) lines.push(t(flags.dryRun ? "standard.migrate.would-add-scope" : "standard.migrate.added-scope", { ...data, path: config.file.path }));
    if (standards.includes(old.id)) lines.push(t(left.length > 0 ? "standard.migrate.keep-old" : "standard.migrate.remove-old", { ...data, count: left.length, path: config.file.path }));
    if (flags.dryRun) {
      ctx.stdout(`${[...lines, t("standard.migrate.dry-run")].join("\n")}\n`);
      return 0;
    }
    const message = rewritten.length > 0 || !migratedOn ? t("commit.standard-migrate", data) : t("commit.standard-migrate.date", { ...data, date: migratedOn });
    await saveChanges(ctx, session, changes, lines, { commit: flags.commit, message });
    return 0;
  });
}

/**
 * The day a migration is recorded for (`--date`, YYYY-MM-DD): refused after today (a record of
 * something done, as date/in-future) and before the day the new catalog's file was first committed
 * (its author date, from git; no lower bound when it is not committed or git is not there): a review
 * decided before that day was made against the old edition (breaker59 H2). Errors: UserError, one line.
 */
function migrationDate(root: string, value: string, catalogPath: string | undefined): string {
  const date = eventDateOption(value, "--date");
  if (catalogPath === undefined) return date;
  const added = gitRead(root, ["log", "--diff-filter=A", "--format=%as", "--", catalogPath])?.trim().split("\n").at(-1);
  if (added && /^\d{4}-\d{2}-\d{2}$/.test(added) && date < added) throw new UserError(t("standard.migrate.date-before-catalog", { date, added, path: catalogPath }));
  return date;
}

/**
 * What a run that records no day says of a migration made before csr recorded it (no `supersedes.migrated`):
 * the day git shows the references moved (load/migration-day.ts, which review reports go by meanwhile) and
 * the --date that records it, or that git shows none.
 */
function dayMissing(repo: Repository, successor: Catalog, data: Record<string, string>): string {
  const found = migrationCommit(repo, successor);
  return found ? t("standard.migrate.day-from-git", { ...data, date: found.day, commit: found.commit }) : t("standard.migrate.day-unknown", data);
}

function catalogNamed(catalogs: ReadonlyMap<string, Catalog>, id: string): Catalog {
  const catalog = catalogs.get(id);
  if (!catalog) throw new UserError(t("standard.migrate.no-catalog", { id }) + didYouMean(id, catalogs.keys()), t("standard.migrate.no-catalog.hint", { id }));
  return catalog;
}

/** What becomes of each reference to the old edition, in the order the repository lists them. */
function planSteps(occurrences: readonly ClauseOccurrence[], old: Catalog, successor: Catalog): Step[] {
  // What a list cites already (or will, once rewritten): a second reference to the same clause is dropped.
  const cited = new Map<string, Set<string>>();
  const citedIn = (o: ClauseOccurrence) => {
    const key = `${o.file.path}\n${o.at.join("\n")}`;
    let set = cited.get(key);
    if (!set) {
      set = new Set(listTexts(o));
      cited.set(key, set);
    }
    return set;
  };
  return occurrences.map((occurrence) => {
    const [line, column] = locate(occurrence.file, occurrencePath(occurrence));
    const at = `${occurrence.file.path}:${line}:${column}`;
    const clause = occurrence.ref!.clause;
    if (!old.clauses.has(clause)) return { occurrence, at, reason: "unknown" };
    const counterparts = correspondingClauses(successor, clause);
    if (counterparts === undefined) return { occurrence, at, reason: "unlisted" };
    if (counterparts.length === 0) return { occurrence, at, reason: "removed" };
    if (counterparts.length > 1) return { occurrence, at, reason: "several", counterparts };
    const to = `${successor.id}:${counterparts[0]}`;
    if (occurrence.index === undefined) return { occurrence, at, to };
    const set = citedIn(occurrence);
    const duplicate = set.has(to);
    set.add(to);
    return { occurrence, at, to, duplicate };
  });
}

/** The texts of the list an occurrence is an item of (its other items included). */
function listTexts(occurrence: ClauseOccurrence): string[] {
  let value: unknown = occurrence.file.data;
  for (const key of occurrence.at) value = (value as Record<string | number, unknown> | undefined)?.[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function leftReason(step: Step, successor: Catalog): string {
  const data = { clause: step.occurrence.ref!.clause, new: successor.title, id: successor.id, counterparts: disjunction((step.counterparts ?? []).map((n) => `${successor.id}:${n}`)) };
  return t(`standard.migrate.reason.${step.reason!}`, data);
}

/**
 * The file with its references rewritten. A reference and a pin are scalars: each is replaced in the
 * text where it is written, in its own quoting, so that every other byte of the file stays as it
 * was (the alignment of a comment after a flow list too). Only what changes the structure, a
 * duplicate dropped or qms.yaml's `standards` extended, goes through the YAML Document API.
 */
function rewriteFile(root: string, path: string, kind: FileKind, steps: readonly Step[], pins: readonly { at: Path; csr: string }[], edit?: (doc: Document) => void): FileChange {
  const original = readFileSync(join(root, path), "utf8");
  const bom = original.startsWith("\ufeff") ? "\ufeff" : "";
  let text = original.slice(bom.length);
  const doc = parseDocument(text);
  const replacements: { from: number; to: number; value: string }[] = [];
  const replace = (at: Path, value: string) => {
    const node = doc.getIn(at, true);
    if (!isScalar(node) || !node.range) throw new Error(`${path}: no scalar at ${at.join(".")}`);
    // A plain value that YAML would read as something else (a fingerprint of digits only: a number) is quoted.
    const quote = node.type === Scalar.QUOTE_SINGLE ? "'" : node.type === Scalar.QUOTE_DOUBLE || parse(value) !== value ? '"' : "";
    replacements.push({ from: node.range[0], to: node.range[1], value: `${quote}${value}${quote}` });
  };
  for (const step of steps) if (!step.duplicate) replace(occurrencePath(step.occurrence), step.to!);
  for (const pin of pins) replace(pin.at, pin.csr);
  for (const r of replacements.sort((x, y) => y.from - x.from)) text = text.slice(0, r.from) + r.value + text.slice(r.to);
  const drops = steps.filter((s) => s.duplicate).map((s) => ({ at: s.occurrence.at, index: s.occurrence.index! }));
  if (drops.length > 0 || edit) {
    const edited = parseDocument(text);
    for (const { at, index } of drops.sort((x, y) => y.index - x.index)) {
      const list = edited.getIn(at, true);
      if (isSeq(list)) list.items.splice(index, 1);
    }
    edit?.(edited);
    text = yamlText(edited, text);
  }
  return { path, kind, text: bom + text };
}

/** The new edition goes into `standards` right after the old one (or at the end). */
function addToScope(doc: Document, oldId: string, newId: string): void {
  const list = doc.get("standards", true);
  if (!isSeq(list)) {
    doc.set("standards", doc.createNode([newId]));
    return;
  }
  const at = list.items.findIndex((item) => isScalar(item) && item.value === oldId);
  list.items.splice(at < 0 ? list.items.length : at + 1, 0, doc.createNode(newId));
}

/**
 * The pins to move to the migrated CSR: those of its links that were current against the CSR before
 * (a link already suspect stays suspect), and the earlier confirmations of the same requirement that a
 * pin keeps (pin.history), by their path in the file, with the CSR's new fingerprint.
 */
function repins(csr: Csr, steps: readonly Step[]): { at: Path; csr: string }[] {
  const rewritten = new Map(steps.map((s) => [s.occurrence.index, s]));
  const clauses: string[] = [];
  csr.clauses.forEach((text, i) => {
    const step = rewritten.get(i);
    if (!step?.duplicate) clauses.push(step?.to ?? text);
  });
  const before = csrFingerprint(csr);
  const after = csrFingerprint({ ...csr, clauses });
  if (before === after) return [];
  return (csr.addressed ?? []).flatMap((place, index) => [
    ...(place.pin?.csr === before ? [{ at: ["addressed", index, "pin", "csr"], csr: after }] : []),
    ...(place.pin?.history ?? []).flatMap((earlier, i) => (earlier.csr === before ? [{ at: ["addressed", index, "pin", "history", i, "csr"], csr: after }] : [])),
  ]);
}
