/** Pairs each document with its state at the base revision, matched by id so that renamed files still pair up. */
import type { Located } from "../../../load/repository.js";
import type { ControlledDocument } from "../../../model/types.js";
import type { RuleContext } from "../../rule.js";
import { revisedContent } from "../../../model/revision.js";

export interface DocumentPair {
  current: Located<ControlledDocument>;
  /** Absent for a document added after the base. */
  base?: ControlledDocument;
}

export function documentPairs(ctx: RuleContext): DocumentPair[] {
  const base = ctx.options.base;
  if (!base) return [];
  const before = new Map<string, ControlledDocument>();
  for (const d of base.repo.documents) if (!before.has(d.value.id)) before.set(d.value.id, d.value);
  return [...ctx.index.documents.values()].map((current) => ({ current, base: before.get(current.value.id) }));
}

/** A release of a document made on the target branch while this branch edited its draft: its version, date and tag. */
export interface ReleaseSinceBranch {
  version: string;
  date: string;
  /** Whether this branch has merged the target since: its file then holds the draft as it was before the release. */
  merged: boolean;
}

/**
 * The release the target made of a document while this branch edited its draft (tester57 E4): one
 * finding says so (doc/revision-not-bumped) instead of a content change and a removed revision entry.
 * Before the target is merged in, the document is a draft here and at the base, and the target's
 * release tag (`csr release` tags QP-016/A-0; options.base.released) names a version this file has not
 * recorded. After it is merged in with the branch's file kept, the base (the target) has it released
 * and this file is a draft or in review whose revision record is the base's without its newest entries.
 * Undefined otherwise, and for a branch that did not change the document's content.
 */
export function releasedSinceBranch(ctx: RuleContext, { current, base }: DocumentPair): ReleaseSinceBranch | undefined {
  const doc = current.value;
  if (!base || doc.kind === "external" || (doc.status !== "draft" && doc.status !== "in-review")) return undefined;
  const own = doc.revisions ?? [];
  const theirs = base.revisions ?? [];
  if (base.status === "released") {
    const prefix = own.length < theirs.length && own.every((r, i) => r.version === theirs[i]!.version);
    const last = theirs.at(-1)!;
    return prefix ? { version: last.version, date: last.date ?? "", merged: true } : undefined;
  }
  if ((base.status !== "draft" && base.status !== "in-review") || revisedContent(base) === revisedContent(doc)) return undefined;
  const recorded = new Set(own.map((r) => r.version));
  const releases = [...(ctx.options.base?.released.values() ?? [])].filter((r) => r.document.id === doc.id && !recorded.has(r.version));
  const latest = releases.at(-1)?.document.revisions?.at(-1);
  if (!latest) return undefined;
  return { version: latest.version, date: latest.date ?? "", merged: false };
}
