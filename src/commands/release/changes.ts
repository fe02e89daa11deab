/**
 * A release commits the document's file whole. Changes in it that git has not committed yet (a hand
 * edit of the body, a `csr set` or `csr distribute` run without --commit) go into the release's
 * commit, under its message, never unseen: `csr release` names them and, at a terminal, asks before
 * it releases (confirmUncommitted; tester50b #9: release folded a hand edit into its commit without a word).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { gitRead } from "../../load/git.js";
import { rewrittenEntries, stableJson, type RewrittenEntry } from "../../model/revision.js";
import type { ControlledDocument } from "../../model/types.js";
import type { Prompts } from "../add/prompting.js";

/** What git has not committed of a file: its top-level fields that differ from HEAD's, and the lines added and removed. */
export interface UncommittedChange {
  path: string;
  /** Not in HEAD at all (a draft never committed): the release commits it whole. */
  untracked: boolean;
  fields: string[];
  added: number;
  removed: number;
  /** The revision entries committed at HEAD that the file now holds edited or no longer holds (rewrittenEntries). */
  rewritten: RewrittenEntry[];
}

/**
 * The uncommitted change of `path` (repository-relative) against HEAD, staged or not; undefined when
 * git lists none. `root` is the repository's folder, where git runs.
 */
export function uncommittedChange(root: string, path: string): UncommittedChange | undefined {
  const status = gitRead(root, ["--literal-pathspecs", "status", "--porcelain", "--", path]);
  if (status === undefined || status.trim() === "") return undefined;
  const now = readFileSync(join(root, path), "utf8");
  const committed = gitRead(root, ["show", `HEAD:./${path}`]);
  if (committed === undefined) return { path, untracked: true, fields: [], added: now.split("\n").filter((line, i, all) => i < all.length - 1 || line !== "").length, removed: 0, rewritten: [] };
  const numstat = gitRead(root, ["--literal-pathspecs", "diff", "--numstat", "HEAD", "--", path]) ?? "";
  const [, added = "0", removed = "0"] = /^(\d+)\t(\d+)\t/.exec(numstat) ?? [];
  const [was, is] = [committed, now].map((text) => (parseDocument(text).toJSON() ?? {}) as ControlledDocument);
  return { path, untracked: false, fields: changedFields(was!, is!), added: Number(added), removed: Number(removed), rewritten: rewrittenEntries(was, is!) };
}

/**
 * A release commits the document's file whole: an uncommitted edit of a revision entry already recorded (a past summary,
 * date or signature) would go into the history under the new revision's message, the record of what was approved then
 * altered unseen (tester72 Q15; ISO 9001 7.5.3.2 c). Refused, whatever --include-changes or the terminal says: the entry
 * is restored, and a correction is recorded as a new revision. Errors: UserError naming each entry and its fields.
 */
export function refuseRewrittenEntries(change: UncommittedChange | undefined, id: string): void {
  if (!change || change.rewritten.length === 0) return;
  const entries = change.rewritten.map((e) => (e.index === -1 ? t("release.revision-rewritten.removed", { version: e.was.version }) : t("release.revision-rewritten.changed", { version: e.was.version, fields: list(e.fields) })));
  throw new UserError(t("release.revision-rewritten", { id, path: change.path, entries: list(entries) }), t("release.revision-rewritten.hint", { path: change.path }));
}

/**
 * The change as a release's question and its closing line describe it: `sections、title（+3 −1 行）`; a change
 * of comments or layout alone says so; a file never committed, how long it is.
 */
export function describeChange(change: UncommittedChange): string {
  if (change.untracked) return t("release.uncommitted.new-file", { count: change.added });
  const fields = change.fields.length > 0 ? list(change.fields) : t("release.uncommitted.layout-only");
  return t("release.uncommitted.change", { fields, added: change.added, removed: change.removed });
}

/**
 * The uncommitted change of the document's file goes into the release's commit, never unseen: at a
 * terminal, without --include-changes, it is named and asked about (declining writes nothing);
 * otherwise (--include-changes, -y, no terminal: a script that edits and releases, csr's own
 * `csr set` on a released document, a draft never committed) it is released, and the line returned
 * names it for the release's output (printed unless --include-changes asked for it).
 * Errors: UserError when declined.
 */
export async function confirmUncommitted(change: UncommittedChange | undefined, id: string, include: boolean | undefined, ask: Prompts | undefined): Promise<string | undefined> {
  if (!change) return undefined;
  const data = { id, path: change.path, change: describeChange(change) };
  const what = change.untracked ? "release.uncommitted.untracked" : "release.uncommitted";
  if (!ask || include) return t(`${what}.included`, data);
  const answer = await ask.select({
    message: t(`${what}.question`, data),
    choices: [
      { value: "include", name: t("release.uncommitted.include") },
      { value: "stop", name: t("release.uncommitted.stop", data) },
    ],
  });
  if (answer === "stop") throw new UserError(t("release.uncommitted.declined", data));
  return t(`${what}.included`, data);
}

/** The top-level fields of two parsed YAML texts whose values differ (comments and layout left out), in the order of the newer text. */
function changedFields(before: object, after: object): string[] {
  const [was, is] = [before, after] as Record<string, unknown>[];
  return [...new Set([...Object.keys(is!), ...Object.keys(was!)])].filter((key) => stableJson(was![key]) !== stableJson(is![key]));
}
