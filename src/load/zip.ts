/**
 * Reading a zip package (.docx) within bounds. A .docx is a zip, and a zip can declare small sizes
 * and inflate to gigabytes (a zip bomb), so entries are inflated as a stream and the bytes that
 * actually come out are counted: reading stops as soon as the package or one entry passes its limit.
 */
import { readFileSync, statSync } from "node:fs";
import { UserError } from "../core/errors.js";
import { t } from "../i18n/index.js";

export interface ZipLimits {
  /** Size of the .docx file itself, bytes. */
  maxFileBytes: number;
  /** All entries together once inflated, bytes. */
  maxInflatedBytes: number;
  /** Number of entries. */
  maxEntries: number;
}

/** Generous for a controlled document with pictures (a 60-page procedure is about 2 MB inflated). */
export const DOCX_LIMITS: ZipLimits = { maxFileBytes: 32 * 1024 * 1024, maxInflatedBytes: 128 * 1024 * 1024, maxEntries: 2000 };

/**
 * The entries of the zip package at `path`, by name, inflated.
 * Errors: UserError naming the file when it is too large, not a zip, damaged, or inflates beyond the limits.
 */
export async function readZip(path: string, shownAs: string, limits: ZipLimits = DOCX_LIMITS): Promise<Map<string, Uint8Array>> {
  const size = statSync(path).size;
  if (size > limits.maxFileBytes) {
    throw new UserError(t("zip.too-large", { file: shownAs, size: mib(size), max: mib(limits.maxFileBytes) }));
  }
  const bytes = readFileSync(path);
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    throw new UserError(t("zip.not-zip", { file: shownAs }));
  }
  const { Unzip, UnzipInflate } = await import("fflate");
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  let failure: string | undefined;
  const unzip = new Unzip((file) => {
    if (failure) return;
    if (entries.size >= limits.maxEntries) {
      failure = t("zip.too-many-parts", { max: limits.maxEntries });
      return;
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = t("zip.part-damaged", { part: file.name, reason: error.message });
        return;
      }
      total += chunk.length;
      if (total > limits.maxInflatedBytes) {
        failure = t("zip.too-large-inflated", { max: mib(limits.maxInflatedBytes) });
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) entries.set(file.name, concat(chunks));
    };
    try {
      file.start();
    } catch (error) {
      failure = t("zip.part-compression", { part: file.name, reason: (error as Error).message });
    }
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    failure ??= t("zip.damaged", { reason: (error as Error).message });
  }
  if (failure) throw new UserError(t("zip.unreadable", { file: shownAs, reason: failure }));
  return entries;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MiB`;
}
