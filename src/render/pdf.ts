/** PDF through the system's Chromium: the HTML output printed by a headless browser, never a second layout engine. */
import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { UserError } from "../core/errors.js";

const BROWSERS = ["chromium", "chromium-browser", "google-chrome"];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CSR_CHROMIUM) return env.CSR_CHROMIUM;
  for (const name of BROWSERS) {
    for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        continue;
      }
    }
  }
  throw new UserError("PDF output needs Chromium: install the Debian package 'chromium' (apt-get install chromium), or use --format html.");
}

/** Prints one HTML page to PDF bytes. The browser gets a throw-away profile so that nothing of the user's is touched. */
export async function htmlToPdf(html: string, chromium: string): Promise<Buffer> {
  const work = mkdtempSync(join(tmpdir(), "csr-pdf-"));
  try {
    const input = join(work, "document.html");
    const output = join(work, "document.pdf");
    writeFileSync(input, html);
    const args = [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${join(work, "profile")}`,
      `--print-to-pdf=${output}`,
      "--no-pdf-header-footer",
      pathToFileURL(input).href,
    ];
    try {
      await promisify(execFile)(chromium, args, { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const e = error as NodeJS.ErrnoException & { stderr?: string };
      if (e.code === "ENOENT") throw new UserError(`Chromium was not found at ${chromium}; install the Debian package 'chromium' or set CSR_CHROMIUM to the browser's path.`);
      throw new UserError(`Chromium could not print the PDF: ${(e.stderr ?? e.message).trim().split("\n").slice(-3).join(" ")}`, "Try --format html and print from a browser.");
    }
    return readFileSync(output);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
