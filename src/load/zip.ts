/**
 * Reading a zip package (.docx) within bounds. A .docx is a zip, and a zip can declare small sizes
 * and inflate to gigabytes (a zip bomb), so entries are inflated as a stream and the bytes that
 * actually come out are counted: reading stops as soon as the package or one entry passes its limit.
 */
import { readFileSync, statSync } from "node:fs";
import { UserError } from "../core/errors.js";

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
    throw new UserError(`${shownAs} is ${mib(size)}; csr reads packages up to ${mib(limits.maxFileBytes)}.`);
  }
  const bytes = readFileSync(path);
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    throw new UserError(`${shownAs} is not a Word .docx file (it is not a zip package); save it from Word as .docx (not .doc).`);
  }
  const { Unzip, UnzipInflate } = await import("fflate");
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  let failure: string | undefined;
  const unzip = new Unzip((file) => {
    if (failure) return;
    if (entries.size >= limits.maxEntries) {
      failure = `it has more than ${limits.maxEntries} parts`;
      return;
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = `part ${file.name} cannot be inflated (${error.message})`;
        return;
      }
      total += chunk.length;
      if (total > limits.maxInflatedBytes) {
        failure = `it inflates to more than ${mib(limits.maxInflatedBytes)} (a zip bomb, or a package with very large pictures)`;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) entries.set(file.name, concat(chunks));
    };
    try {
      file.start();
    } catch (error) {
      failure = `part ${file.name} uses a compression csr cannot read (${(error as Error).message})`;
    }
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    failure ??= `the package is damaged (${(error as Error).message})`;
  }
  if (failure) throw new UserError(`${shownAs} cannot be read: ${failure}.`);
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
