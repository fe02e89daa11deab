/**
 * `csr organisation layout set|list|remove`: the printed layouts of qms.yaml `document_layouts` without hand-edited
 * YAML (tester79 G4): the signature cells of a document's header block (编制, 审核, 会签, 标准化审查, 批准, 军代表), the
 * level label printed above the title and the 密级 a document without one of its own is marked with, for the documents
 * of a numbering family (`--family 工艺规程`, a family of qms.yaml `numbering` by its name or pattern, as `csr new
 * --family` takes it), of a kind (`--kind instruction`) or of a level (`--level 3`, or `1,2`). The most specific
 * layout applies to a document (family over kind over level: model/index.ts documentLayout), so a 工艺规程 family of
 * work instructions carries the 会签, 标准化审查 and 军代表 cells GJB 9001C 7.5.2 and 8.5.1 ask of it and the other work
 * instructions do not.
 *
 * `set` changes the entry of that selector applying from `--since` (YYYY-MM-DD), or adds one from that day, its fields
 * not given taken from the selector's entry in force then; without `--since`, it changes the selector's newest entry
 * (or adds one with no day). Revisions issued before a layout's `since` keep the layout they were issued on
 * (doc/signature-missing). `remove` takes an entry out (`--since` chooses among several). Each writes qms.yaml through
 * the YAML document (comments and neighbours kept) atomically, and only if `csr check` finds nothing new (saveChanges):
 * a layout that gives released revisions cells they lack is refused with the findings, and the hint to give it a day.
 *
 * Errors (UserError, one line): no qms.yaml; none or several of --family, --kind, --level; a family qms.yaml `numbering`
 * does not declare; a kind or level csr does not know; an unknown signature or 密级; nothing to set; no entry to remove,
 * or several without --since.
 */
import { isMap, isSeq } from "yaml";
import { runCheck } from "../../check/engine.js";
import { rules } from "../../check/registry.js";
import type { Finding } from "../../core/diagnostic.js";
import { localToday } from "../../core/dates.js";
import { buildRepository } from "../../load/repository.js";
import { parseText } from "../../load/source.js";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import { findRoot } from "../../load/discover.js";
import { classificationName } from "../../model/classification.js";
import { currentRevision, documentLayout, issuedOn } from "../../model/index.js";
import { layoutOwner, layoutSelector, SIGNATURE_NAMES, type LayoutSelector } from "../../model/layouts.js";
import { ANY_NUMBER } from "../../model/numbering.js";
import { SIGNATURE_ROLES, type DocumentLayout, type QmsConfig, type SignatureRole } from "../../model/types.js";
import { toTerminal, type Table } from "../../report/table.js";
import type { CommandContext } from "../context.js";
import { choiceOption, classificationOption, dateOption } from "../options.js";
import { editFile, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";
import type { FileChange } from "../shared/persist.js";
import { readRepository } from "../shared/read.js";

export interface LayoutSelectFlags {
  family?: string;
  kind?: string;
  /** One level, or several separated by commas (1,2). */
  level?: string;
  since?: string;
}

export interface LayoutSetFlags extends LayoutSelectFlags {
  /** The signature cells in the order printed, by their names (编制,审核,…) or keys (prepared,…); "" for none. */
  signatures?: string;
  label?: string;
  labelEn?: string;
  /** The 密级 of the documents without one of their own; "" for none. */
  classification?: string;
  yes?: boolean;
  commit?: boolean;
}

export interface LayoutListFlags {
  format?: string;
}

const LAYOUT_KINDS = ["manual", "procedure", "instruction", "form"] as const;
/** The keys of an entry in the order they are written. */
const KEY_ORDER = ["families", "kinds", "levels", "since", "label", "label_en", "signatures", "revisions", "classification"] as const;

/** The entry's selector as given by the flags; errors as the module says. */
function selectorOf(config: QmsConfig, flags: LayoutSelectFlags): LayoutSelector {
  const given = [flags.family, flags.kind, flags.level].filter((v) => v !== undefined).length;
  if (given !== 1) throw new UserError(t(given === 0 ? "layout.selector-missing" : "layout.selector-several"), t("layout.selector-hint"));
  if (flags.family !== undefined) {
    const family = flags.family.trim();
    const declared = (config.numbering ?? []).filter((n) => n.pattern !== ANY_NUMBER);
    if (!declared.some((n) => n.family === family || n.pattern === family)) {
      throw new UserError(t("layout.unknown-family", { family }) + didYouMean(family, declared.flatMap((n) => [n.pattern, ...(n.family ? [n.family] : [])])), t("layout.unknown-family.hint"));
    }
    return { families: [family] };
  }
  if (flags.kind !== undefined) return { kinds: [choiceOption(flags.kind.trim(), "--kind", LAYOUT_KINDS, "instruction")] };
  const levels = flags.level!.split(/[,，、]/).map((l) => l.trim()).filter(Boolean);
  if (levels.length === 0 || levels.some((l) => !/^[1-4]$/.test(l))) throw new UserError(t("layout.bad-level", { level: flags.level! }));
  return { levels: [...new Set(levels.map(Number))].sort() };
}

/** Whether an entry names exactly what the selector names. */
function sameSelector(layout: DocumentLayout, selector: LayoutSelector): boolean {
  const key = (s: LayoutSelector) => JSON.stringify([s.families ?? null, s.kinds ?? null, s.levels ? [...s.levels].sort() : null]);
  return key({ families: layout.families, kinds: layout.kinds, levels: layout.levels as number[] | undefined }) === key(selector);
}

/** The signature cells of `--signatures`, by name or key, in the order given. Errors: UserError naming an unknown one. */
function signaturesOption(value: string): SignatureRole[] {
  const roles: SignatureRole[] = [];
  for (const part of value.split(/[,，、\s]+/).map((p) => p.trim()).filter(Boolean)) {
    const role = SIGNATURE_ROLES.find((r) => r === part || SIGNATURE_NAMES[r] === part || (r === "standardization" && part === "标准化") || (r === "military_representative" && part === "military-representative"));
    if (!role) throw new UserError(t("layout.unknown-signature", { signature: part, known: list(SIGNATURE_ROLES.map((r) => SIGNATURE_NAMES[r])) }));
    if (!roles.includes(role)) roles.push(role);
  }
  return roles;
}

/** The signature cells of an entry as printed in a message or the list: 编制、审核、批准. */
function signaturesText(layout: Pick<DocumentLayout, "signatures">): string {
  return (layout.signatures ?? []).map((item) => (typeof item === "string" ? SIGNATURE_NAMES[item] : (item.label ?? SIGNATURE_NAMES[item.role]))).join("、");
}

/** What an entry prints, one clause each: 签字栏 …；标签 …；密级 …. */
function describe(layout: DocumentLayout): string {
  return [
    t("layout.field.signatures", { value: layout.signatures === undefined ? t("layout.default-signatures") : signaturesText(layout) || t("department.none") }),
    ...(layout.label !== undefined ? [t("layout.field.label", { value: layout.label })] : []),
    ...(layout.label_en !== undefined ? [t("layout.field.label-en", { value: layout.label_en })] : []),
    ...(layout.classification !== undefined ? [t("layout.field.classification", { value: layout.classification })] : []),
  ].join(t("layout.field.separator"));
}

export async function organisationLayoutSetCommand(ctx: CommandContext, flags: LayoutSetFlags): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const config = session.repo.config;
    if (!config) throw new UserError(t("department.no-qms"));
    const selector = selectorOf(config.value, flags);
    const since = flags.since === undefined ? undefined : dateOption(flags.since, "--since");
    const fields: Partial<DocumentLayout> = {};
    // No cells given: the layout prints the default ones (编制, 审核, 批准), as an entry without signatures does.
    if (flags.signatures !== undefined) fields.signatures = flags.signatures.trim() === "" ? ("" as unknown as SignatureRole[]) : signaturesOption(flags.signatures);
    if (flags.label !== undefined) fields.label = flags.label.trim();
    if (flags.labelEn !== undefined) fields.label_en = flags.labelEn.trim();
    if (flags.classification !== undefined) fields.classification = flags.classification.trim() === "" ? "" : classificationOption(flags.classification.trim());
    if (Object.keys(fields).length === 0) throw new UserError(t("layout.nothing"), t("layout.nothing.hint"));
    const layouts = config.value.document_layouts ?? [];
    const own = layouts.map((layout, i) => ({ layout, i })).filter(({ layout }) => sameSelector(layout, selector));
    const newest = own.reduce<(typeof own)[number] | undefined>((best, e) => (best === undefined || (e.layout.since ?? "") >= (best.layout.since ?? "") ? e : best), undefined);
    const target = since === undefined ? newest : own.find((e) => e.layout.since === since);
    // A new entry from a day keeps what the selector's entry in force then prints, but for what is given.
    const base = target?.layout ?? (since === undefined ? undefined : own.filter((e) => (e.layout.since ?? "") <= since).at(-1)?.layout);
    const after: DocumentLayout = { ...(base ?? {}), ...selector, ...(since !== undefined ? { since } : {}) } as DocumentLayout;
    for (const [key, value] of Object.entries(fields) as [keyof DocumentLayout, unknown][]) {
      // An empty value removes the field: no 密级, no label, the default signature cells.
      if (value === "") delete after[key];
      else (after as unknown as Record<string, unknown>)[key] = value;
    }
    const owner = layoutOwner(config.value, selector);
    const day = since ?? after.since;
    if (target && JSON.stringify(ordered(target.layout)) === JSON.stringify(ordered(after))) {
      ctx.stdout(t("layout.same", { owner, layout: describe(after) }) + "\n");
      return 0;
    }
    const change = editFile(session.root, config.file.path, "qms", (doc) => {
      if (target) {
        const entries = doc.get("document_layouts", true);
        const entry = isSeq(entries) ? entries.items[target.i] : undefined;
        if (!isMap(entry)) throw new Error("qms.yaml document_layouts changed while it was read");
        // Key by key: the entry keeps its style (a flow mapping stays one), its other keys and the comments around it.
        const record = after as unknown as Record<string, unknown>;
        const was = target.layout as unknown as Record<string, unknown>;
        for (const key of KEY_ORDER) {
          if (record[key] === undefined) entry.delete(key);
          else if (JSON.stringify(record[key]) !== JSON.stringify(was[key])) entry.set(key, flowLists(doc.createNode(record[key]), true));
        }
      } else {
        const node = doc.createNode(ordered(after));
        for (const key of ["families", "kinds", "levels", "signatures"]) flowLists(node.get(key, true), true);
        if (doc.has("document_layouts")) doc.addIn(["document_layouts"], node);
        else doc.set("document_layouts", doc.createNode([node]));
      }
    });
    const line = t(target ? "layout.changed" : "layout.added", { owner, since: day ?? "", layout: describe(after), before: target ? describe(target.layout) : "" });
    const dayNote = t(day === undefined ? "layout.undated" : "layout.dated", { since: day ?? "" });
    refuseUnsignedRevisions(session, change);
    await saveChanges(ctx, session, [change], [line, dayNote], { commit: flags.commit, message: t("layout.commit", { owner }) });
    return 0;
  });
}

/** doc/signature-missing, the rule a layout's cells are held to. */
const SIGNATURE_RULES = rules.filter((r) => r.id === "doc/signature-missing");

/**
 * Refuses a change of qms.yaml after which released documents' current revisions lack a signature their layout prints
 * (doc/signature-missing), which they did not before: a layout without a day given to documents issued on another form,
 * or one removed so that a less specific one with more cells applies. saveChanges checks only the files changed; these
 * findings are on the documents. Errors: UserError naming the documents, with the hint to give the layout its day.
 */
function refuseUnsignedRevisions(session: EditSession, change: FileChange): void {
  const key = (f: Finding) => `${f.file}\n${f.message}`;
  const errors = (findings: Finding[]) => findings.filter((f) => f.severity === "error");
  const today = localToday();
  const before = new Set(errors(runCheck(session.repo, { today }, SIGNATURE_RULES)).map(key));
  const after = buildRepository(session.repo.root, [...session.repo.files.filter((f) => f.path !== change.path), parseText(change.path, change.kind, change.text)]);
  const added = errors(runCheck(after, { today }, SIGNATURE_RULES)).filter((f) => !before.has(key(f)));
  if (added.length === 0) return;
  const ids = [...new Set(added.map((f) => after.documents.find((d) => d.file.path === f.file)?.value.id ?? f.file))];
  throw new UserError(t("layout.unsigned", { count: ids.length, ids: list(ids) }), t("layout.unsigned.hint"));
}

/** The entry with its keys in the order written (KEY_ORDER), to compare and to write. */
function ordered(layout: DocumentLayout): Record<string, unknown> {
  const record = layout as unknown as Record<string, unknown>;
  return Object.fromEntries(KEY_ORDER.filter((k) => record[k] !== undefined).map((k) => [k, record[k]]));
}

/** `node` with `flow` set where it is a list (a selector's or the signatures, written `[a, b]` as csr init writes them); returns it. */
function flowLists<N>(node: N, flow: boolean): N {
  if (isSeq(node)) node.flow = flow;
  return node;
}

export async function organisationLayoutRemoveCommand(ctx: CommandContext, flags: LayoutSelectFlags & { yes?: boolean; commit?: boolean }): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const config = session.repo.config;
    if (!config) throw new UserError(t("department.no-qms"));
    const selector = selectorOf(config.value, flags);
    const since = flags.since === undefined ? undefined : dateOption(flags.since, "--since");
    const owner = layoutOwner(config.value, selector);
    const own = (config.value.document_layouts ?? []).map((layout, i) => ({ layout, i })).filter(({ layout }) => sameSelector(layout, selector) && (since === undefined || layout.since === since));
    if (own.length === 0) throw new UserError(t("layout.remove.none", { owner, since: since ?? "" }), t("layout.list.hint"));
    if (own.length > 1) throw new UserError(t("layout.remove.several", { owner, count: own.length, days: list(own.map((e) => e.layout.since ?? t("layout.no-since"))) }), t("layout.remove.several.hint"));
    const { layout, i } = own[0]!;
    const change = editFile(session.root, config.file.path, "qms", (doc) => {
      const entries = doc.get("document_layouts", true);
      if (!isSeq(entries) || !isMap(entries.items[i])) throw new Error("qms.yaml document_layouts changed while it was read");
      entries.items.splice(i, 1);
      if (entries.items.length === 0) doc.delete("document_layouts");
    });
    refuseUnsignedRevisions(session, change);
    await saveChanges(ctx, session, [change], [t("layout.removed", { owner, since: layout.since ?? t("layout.no-since"), layout: describe(layout) })], { commit: flags.commit, message: t("layout.commit-remove", { owner }) });
    return 0;
  });
}

/** One entry as `csr organisation layout list --format json` gives it. */
interface LayoutRow {
  families: string[] | null;
  kinds: string[] | null;
  levels: number[] | null;
  since: string | null;
  signatures: SignatureRole[] | null;
  label: string | null;
  classification: string | null;
  /** The repository's own documents whose current revision is printed on it. */
  documents: number;
}

/**
 * `csr organisation layout list [--format table|json]`: the entries of qms.yaml `document_layouts` in their order, each
 * with whose documents it is for, the day it applies from, its signature cells, label and 密级, and how many of the
 * repository's own documents its current revision is printed on (the most specific layout in force on the day it was
 * issued). Errors: UserError without qms.yaml, or for an unknown --format.
 */
export async function organisationLayoutListCommand(ctx: CommandContext, flags: LayoutListFlags): Promise<number> {
  const format = choiceOption(flags.format ?? "table", "--format", ["table", "json"] as const, "table");
  const repo = await readRepository(findRoot(ctx.dir));
  const config = repo.config?.value;
  if (!config) throw new UserError(t("department.no-qms"));
  const layouts = config.document_layouts ?? [];
  const counts = new Map<DocumentLayout, number>();
  for (const { value: doc } of repo.documents) {
    if (doc.kind === "external" || doc.status === "obsolete") continue;
    const current = currentRevision(doc);
    const layout = documentLayout(repo, doc, current && issuedOn(current));
    if (layout) counts.set(layout, (counts.get(layout) ?? 0) + 1);
  }
  const rows: LayoutRow[] = layouts.map((l) => ({
    families: l.families ?? null,
    kinds: l.kinds ?? null,
    levels: (l.levels as number[] | undefined) ?? null,
    since: l.since ?? null,
    signatures: l.signatures === undefined ? null : l.signatures.map((s) => (typeof s === "string" ? s : s.role)),
    label: l.label ?? null,
    classification: l.classification ?? null,
    documents: counts.get(l) ?? 0,
  }));
  if (format === "json") {
    ctx.stdout(JSON.stringify({ layouts: rows }, null, 2) + "\n");
    return 0;
  }
  if (layouts.length === 0) {
    ctx.stdout(t("layout.list.none") + "\n");
    return 0;
  }
  const table: Table = {
    title: t("layout.list.title", { count: layouts.length }),
    sheet: "layouts",
    columns: [
      { key: "owner", header: t("layout.list.column.owner") },
      { key: "since", header: t("layout.list.column.since"), kind: "code" },
      { key: "signatures", header: t("layout.list.column.signatures") },
      { key: "label", header: t("layout.list.column.label") },
      { key: "classification", header: t("layout.list.column.classification") },
      { key: "documents", header: t("layout.list.column.documents"), kind: "number" },
    ],
    rows: layouts.map((l, i) => ({
      owner: layoutSelector(l) ? layoutOwner(config, { families: l.families, kinds: l.kinds, levels: l.levels as number[] | undefined }) : "",
      since: l.since ?? "",
      signatures: l.signatures === undefined ? t("layout.default-signatures") : signaturesText(l),
      label: l.label ?? "",
      classification: l.classification === undefined ? "" : classificationName(language(), l.classification),
      documents: rows[i]!.documents,
    })),
    notes: [t("layout.list.note")],
  };
  ctx.stdout(toTerminal(table, ctx.width));
  return 0;
}
