/**
 * Controlled copies (受控副本) and their recall (文件发放/回收记录): when a new version takes effect
 * or the document is withdrawn, the copies of what was in force before are taken back.
 */
import { currentRevision } from "./index.js";
import type { ControlledCopy, ControlledDocument } from "./types.js";

export const DEFAULT_RECALL_DAYS = 5;
export const DEFAULT_TRAINING_DAYS = 20;

/** 受控号 are numbered through the document's life: one more than the highest ever given. */
export function nextCopyNumber(doc: ControlledDocument): number {
  return Math.max(0, ...(doc.distribution ?? []).map((c) => c.copy)) + 1;
}

/** A copy still out: neither taken back nor recorded lost or destroyed. */
export function isOut(copy: ControlledCopy): boolean {
  return !copy.recalled && !copy.lost && !copy.destroyed;
}

/** Copies still out although they are no longer in force: of an earlier version, or of a withdrawn document. */
export function copiesToRecall(doc: ControlledDocument): ControlledCopy[] {
  const version = currentRevision(doc)?.version;
  return (doc.distribution ?? []).filter((c) => isOut(c) && (doc.status === "obsolete" || c.version !== version));
}

/** Copies in force: of the current version of a document that is not withdrawn, still out. */
export function copiesInForce(doc: ControlledDocument): ControlledCopy[] {
  const version = currentRevision(doc)?.version;
  return doc.status === "obsolete" ? [] : (doc.distribution ?? []).filter((c) => isOut(c) && c.version === version);
}

/**
 * The day from which the copies to recall are counted: the date the document was withdrawn, else
 * the day the version that replaced theirs took effect.
 */
export function recallStart(doc: ControlledDocument): string | undefined {
  if (doc.status === "obsolete") return doc.obsolete?.date;
  return doc.effective ?? currentRevision(doc)?.date;
}
