/**
 * The text of a customer's document file: PDF through poppler's `pdftotext` (Debian package
 * poppler-utils), DOCX through mammoth, Markdown and plain text as they are (UTF-8).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { UserError } from "../core/errors.js";
import { t } from "../i18n/index.js";

export const COMPARABLE_EXTENSIONS = [".pdf", ".docx", ".md", ".markdown", ".txt"] as const;

/** @throws UserError for another kind of file, a missing pdftotext, or a file it cannot read. */
export async function extractText(path: string, shown = path): Promise<string> {
  const ext = extname(path).toLowerCase();
  if (ext === ".pdf") return pdfText(path, shown);
  if (ext === ".docx") {
    const { default: mammoth } = await import("mammoth");
    try {
      return (await mammoth.extractRawText({ path })).value;
    } catch (error) {
      throw new UserError(t("compare.not-word", { file: shown, reason: (error as Error).message }));
    }
  }
  if ((COMPARABLE_EXTENSIONS as readonly string[]).includes(ext)) return readFileSync(path, "utf8");
  throw new UserError(ext ? t("compare.unsupported", { file: shown, ext }) : t("compare.no-extension", { file: shown }), t("compare.unsupported.hint"));
}

function pdfText(path: string, shown: string): string {
  const result = spawnSync("pdftotext", ["-enc", "UTF-8", "-nopgbrk", path, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new UserError(t("compare.no-pdftotext"), t("compare.no-pdftotext.hint"));
  }
  if (result.status !== 0) throw new UserError(t("compare.not-pdf", { file: shown, reason: result.stderr.trim().split("\n")[0] || t("compare.pdftotext-failed") }));
  return result.stdout;
}
