/**
 * PDF through the system's Chromium: the HTML output printed by a headless browser, never a second
 * layout engine. One browser process prints every PDF of a run, in one page (tab) that goes from
 * one document to the next (each document set as the page's content), driven over the Chrome DevTools Protocol on a pipe (`--remote-debugging-pipe`): no port, no
 * WebSocket, no browser download.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import type { Readable, Writable } from "node:stream";
import { UserError } from "../core/errors.js";
import { t } from "../i18n/index.js";
import { cjkFonts, cssString, GENERIC_FAMILIES, pageFontFamilies, type WebFont } from "./pdf-fonts.js";

/**
 * The browsers tried, in order, on the PATH. Chromium's old headless shell first (Debian package
 * chromium-headless-shell; Chrome for Testing's chrome-headless-shell): the same Blink and Skia as
 * the browser, so the same PDFs (text, fonts, pages; pixels alike but for sub-pixel glyph
 * positions), without the browser's user interface, extensions and their processes. It printed the
 * 47 documents of acme-auto in about 60 % of the full browser's CPU (every process counted).
 */
const BROWSERS = ["chromium-headless-shell", "chrome-headless-shell", "chromium", "chromium-browser", "google-chrome"];
/** How long one page may take to load and print before the run is given up, in milliseconds. */
const PRINT_TIMEOUT_MS = 120_000;

/**
 * The browser that prints PDFs: CSR_CHROMIUM when set, else the first of BROWSERS on the PATH.
 * Errors: UserError naming the Debian packages when there is none.
 */
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
  throw new UserError(t("pdf.no-chromium"));
}

/**
 * The browser csr prints PDFs with, where one is there to run and a CJK font to print with (findChromium, requireCjkFont);
 * else undefined. For a command that prints only when it can, and otherwise asks for what the print would tell (csr release's 总页数).
 */
export function printingBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    const chromium = findChromium(env);
    accessSync(chromium, constants.X_OK);
    requireCjkFont(env);
    return chromium;
  } catch {
    return undefined;
  }
}

/**
 * Chromium prints Chinese text without a CJK font as empty boxes, and still exits 0: refuse before
 * printing. fontconfig's `fc-list :lang=zh` names the fonts that cover Chinese; where fc-list is
 * missing (not a fontconfig system) nothing can be told and printing goes ahead.
 * Errors: UserError naming the Debian packages that provide a font.
 */
export function requireCjkFont(env: NodeJS.ProcessEnv = process.env): void {
  const fonts = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8", env });
  if (fonts.error || fonts.status !== 0) return;
  if (fonts.stdout.trim() !== "") return;
  throw new UserError(
    t("pdf.no-cjk-font"),
    t("pdf.no-cjk-font.hint"),
  );
}

/**
 * The foot of every PDF page: 第 x 页 共 y 页, from the label `page_x_of_y` ({page}, {pages}) that
 * the Word footer uses too, as the CSS `content` of the page's bottom-center margin box (CSS Paged
 * Media; Chromium 131 and later), where the page and pages counters fill in the two numbers. The
 * label is the repository's text: it goes into CSS strings (cssString: every character outside
 * printable ASCII, quotes, backslashes and angle brackets escaped).
 * The margin box is part of the page, in the page's own fonts: Chromium's header and footer
 * templates (displayHeaderFooter) are separate documents in the system's fonts, whose CJK font
 * file Chromium copied again for every page it printed.
 * `band`: what the print is, on a line above the page numbers of every page (pageBand: 受控 受控号 3
 * 持有：生产部 黄军, or 非受控 仅供参考), so that a loose sheet is known for what it is (IATF 16949 7.5.3.2.1).
 */
export function pageFooter(labels: Record<string, string>, band?: string): string {
  const label = labels.page_x_of_y ?? "{page} / {pages}";
  const pages = label
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== "")
    .map((part) => (part === "{page}" ? "counter(page)" : part === "{pages}" ? "counter(pages)" : cssString(part)))
    .join(" ");
  // "\A " is CSS's line break: the band on a line of its own above the page numbers (white-space: pre-wrap, withPrintStyle).
  return band === undefined || band === "" ? pages : `${cssString(band)} "\\A " ${pages}`;
}

/** A running headless Chromium that prints HTML pages to PDF bytes; `close()` ends it and removes its files. */
export interface PdfPrinter {
  /** `footer`: what to print at the foot of every page, as pageFooter gives it; `hide`: as withPrintStyle's. */
  print(html: string, footer?: string, hide?: readonly string[]): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Starts Chromium once for a run. The browser gets a throw-away profile so that nothing of the
 * user's is touched; pages are printed the way `chromium --print-to-pdf --no-pdf-header-footer`
 * prints them (the page size and margins of the HTML's own `@page` rule). `texts`: the pages the
 * run will print (all of them, or more), whose characters the run's CJK font is cut down to
 * (render/pdf-fonts.ts); a page with a character outside them prints it in a fallback font.
 * Errors: UserError when the browser cannot be started or cannot print.
 */
export async function startPdfPrinter(chromium: string, texts: readonly string[] = []): Promise<PdfPrinter> {
  const work = mkdtempSync(join(tmpdir(), "csr-pdf-"));
  const browser = spawn(
    chromium,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--remote-debugging-pipe",
      `--user-data-dir=${join(work, "profile")}`,
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] },
  );
  const devtools = new DevToolsPipe(browser);
  // Pages (tabs) are kept and go from one document to the next: a page closed after each
  // document took its renderer process with it, and starting one per document was most of the
  // browser's work for a short document.
  const idle: Tab[] = [];
  const tabs: Tab[] = [];
  const openTab = async (): Promise<Tab> => {
    // The page draws no frames (BeginFrames are left to DevTools, which asks for none): printing
    // lays the document out for paper and never needed the screen's compositing and rasterising,
    // which cost the GPU process and the renderer about 1.5 s of CPU for the 47 documents of
    // acme-auto. The PDFs are the same (text, page count, pixels).
    const { targetId } = await devtools.send<{ targetId: string }>("Target.createTarget", { url: "about:blank", enableBeginFrameControl: true });
    const { sessionId } = await devtools.send<{ sessionId: string }>("Target.attachToTarget", { targetId, flatten: true });
    await devtools.send("Page.enable", {}, sessionId);
    const { frameTree } = await devtools.send<{ frameTree: { frame: { id: string } } }>("Page.getFrameTree", {}, sessionId);
    const tab: Tab = { targetId, sessionId, frameId: frameTree.frame.id, fonts: "" };
    tabs.push(tab);
    return tab;
  };
  // The run's CJK font cut to the run's characters (render/pdf-fonts.ts), for a page's font-family
  // list and language: made once per run, and given to the page (tab) once, with the FontFace API.
  // The page keeps it while each document is set as its content, so each print finds it already
  // loaded: in the full browser and in the headless shell, the system's CJK font file is then
  // neither copied nor subset again for every document. (As an @font-face in each document, the
  // font's 230 KB of base64 went through the pipe, the browser and the renderer again for every
  // document, which cost more than it saved in the headless shell.) The characters of the page
  // footer's label are the run's too.
  const fonts = new Map<string, Promise<WebFont[]>>();
  const fontsFor = (html: string, footer: string | undefined): { key: string; fonts: Promise<WebFont[]> } => {
    const families = pageFontFamilies(html);
    const lang = /<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1] ?? "";
    const key = `${lang}\0${families.join("\0")}`;
    if (!fonts.has(key)) fonts.set(key, cjkFonts([...(texts.length > 0 ? texts : [html]), cssText(footer ?? "")], families, lang));
    return { key, fonts: fonts.get(key)! };
  };
  const printer: PdfPrinter = {
    async print(page, footer, hide) {
      const html = withPrintStyle(page, footer, hide);
      const wanted = fontsFor(page, footer);
      const webFonts = await wanted.fonts;
      const tab = idle.pop() ?? (await openTab());
      const { sessionId, frameId } = tab;
      const given = webFonts.length > 0 ? wanted.key : "";
      if (tab.fonts !== given) {
        await addFonts(devtools, sessionId, webFonts);
        tab.fonts = given;
      }
      // The page's document is replaced in place (no navigation, no HTML file): a navigation per
      // document cost Chromium about a seventh more CPU for the same PDFs (47 documents of
      // acme-auto, every Chromium process counted: median 16.95 s → 14.56 s).
      const loaded = devtools.once("Page.loadEventFired", sessionId);
      await devtools.send("Page.setDocumentContent", { frameId, html }, sessionId);
      await loaded;
      const { data } = await devtools.send<{ data: string }>(
        "Page.printToPDF",
        { preferCSSPageSize: true, displayHeaderFooter: false, printBackground: false },
        sessionId,
      );
      idle.push(tab);
      return Buffer.from(data, "base64");
    },
    async close() {
      try {
        for (const { targetId } of tabs) await devtools.send("Target.closeTarget", { targetId }).catch(() => undefined);
        await devtools.close();
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  };
  try {
    // Fails early, before any page is made, when the browser cannot be driven.
    await devtools.send("Browser.getVersion");
  } catch (error) {
    await printer.close();
    throw error;
  }
  return printer;
}

/**
 * The number of pages of a PDF that Chromium printed: the /Count of its page tree's root (Skia
 * writes the tree as /Type /Pages dictionaries, each counting the pages below it, so the root's is
 * the largest). Only for csr's own prints, not for PDFs from elsewhere; undefined when no page tree
 * is found.
 */
export function printedPageCount(pdf: Buffer): number | undefined {
  let pages: number | undefined;
  // Only the bytes around each "/Pages" become text: the whole file as a string (17 MB for the 47
  // documents of acme-auto) cost about 150 ms of CPU a run. The dictionary is the "<<" before it
  // and the ">>" after it with no other angle bracket in between.
  for (let at = pdf.indexOf("/Pages"); at !== -1; at = pdf.indexOf("/Pages", at + 6)) {
    let start = at;
    while (start > 0 && pdf[start - 1] !== 0x3c && pdf[start - 1] !== 0x3e) start--;
    let end = at + 6;
    while (end < pdf.length && pdf[end] !== 0x3c && pdf[end] !== 0x3e) end++;
    if (start < 2 || pdf[start - 1] !== 0x3c || pdf[start - 2] !== 0x3c || pdf[end] !== 0x3e || pdf[end + 1] !== 0x3e) continue;
    const dictionary = pdf.toString("latin1", start, end);
    if (!/\/Type\s*\/Pages\b/.test(dictionary)) continue;
    const count = /\/Count\s+(\d+)/.exec(dictionary);
    if (count) pages = Math.max(pages ?? 0, Number(count[1]));
  }
  return pages;
}

/**
 * The page as printed: the page footer (pageFooter's content, in the page's bottom-center margin
 * box, 9 pt, centred as Word's footer) in a style element at the end of the head. `hide`: CSS
 * selectors of what the footer's band says in place of the page's body (the 非受控 notice box), so
 * that the body of a reference print is laid out as the controlled copy's and has its pages.
 */
export function withPrintStyle(html: string, footer: string | undefined, hide: readonly string[] = []): string {
  if (footer === undefined) return html;
  const families = pageFontFamilies(html)
    .map((name) => (GENERIC_FAMILIES.has(name.toLowerCase()) ? name : cssString(name)))
    .join(",");
  const style = `<style>@page{@bottom-center{content:${footer};font-size:9pt;vertical-align:middle;white-space:pre-wrap;${families ? `font-family:${families};` : ""}}}${hide.map((selector) => `${selector}{display:none}`).join("")}</style>`;
  const head = html.search(/<\/head>/i);
  return head === -1 ? `${style}${html}` : `${html.slice(0, head)}${style}${html.slice(head)}`;
}

/** The characters of CSS text with its escapes (`\7b2c ` → 第): the page footer's label, as pageFooter writes it. */
function cssText(css: string): string {
  return css.replace(/\\([0-9a-fA-F]{1,6}) ?/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
}

/**
 * The page's side of addFonts, as JavaScript text (it runs in the page, not in csr): the faces'
 * bytes come as base64, and only a face that loads is added.
 */
const ADD_FONTS = `async (faces) => {
  document.fonts.clear();
  const loaded = await Promise.all(faces.map((face) => {
    const bytes = Uint8Array.from(atob(face.data), (c) => c.charCodeAt(0));
    return new FontFace(face.family, bytes, face.unicodeRange ? { weight: face.weight, unicodeRange: face.unicodeRange } : { weight: face.weight }).load();
  }));
  for (const face of loaded) document.fonts.add(face);
  return document.fonts.size;
}`;

/**
 * Gives the page (a session's tab) the web fonts, in place of any given before (document.fonts
 * holds them; the documents set as its content after keep them). All or none: a font that Chromium
 * cannot load leaves the page with none, and its documents print in the system's fonts as they
 * would without.
 */
async function addFonts(devtools: DevToolsPipe, sessionId: string, fonts: readonly WebFont[]): Promise<void> {
  const faces = fonts.map((font) => ({ family: font.family, weight: font.weight, unicodeRange: font.unicodeRange, data: font.data.toString("base64") }));
  await devtools
    .send("Runtime.evaluate", { expression: `(${ADD_FONTS})(${JSON.stringify(faces)})`, awaitPromise: true, returnByValue: true }, sessionId)
    .catch(() => undefined);
}

/** A page of the browser and the DevTools session attached to it. */
interface Tab {
  targetId: string;
  sessionId: string;
  /** The page's main frame, whose document each print replaces. */
  frameId: string;
  /** Which web fonts the page was given: fontsFor's key, "" for none. */
  fonts: string;
}

interface Pending {
  resolve: (result: never) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * The DevTools protocol on Chromium's pipe: JSON messages separated by NUL bytes, written to the
 * browser's fd 3 and read from its fd 4. Commands are answered by id; events are matched by
 * method and session.
 */
class DevToolsPipe {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly waiting = new Map<string, Pending[]>();
  private readonly toBrowser: Writable;
  private stderr = "";
  private failure: Error | undefined;
  private readonly exited: Promise<void>;

  constructor(private readonly browser: ChildProcess) {
    this.toBrowser = browser.stdio[3] as Writable;
    const fromBrowser = browser.stdio[4] as Readable;
    // A message can arrive split over chunks, and a chunk can split a UTF-8 character: bytes are kept until the NUL.
    let partial: Buffer[] = [];
    fromBrowser.on("data", (chunk: Buffer) => {
      let start = 0;
      for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
        partial.push(chunk.subarray(start, end));
        this.dispatch(Buffer.concat(partial).toString("utf8"));
        partial = [];
        start = end + 1;
      }
      if (start < chunk.length) partial.push(chunk.subarray(start));
    });
    browser.stderr!.on("data", (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString("utf8")).slice(-4000);
    });
    // The pipe ends with an EPIPE when the browser is gone; the exit handler reports why.
    this.toBrowser.on("error", () => undefined);
    this.exited = new Promise((resolve) => {
      browser.on("error", (error: NodeJS.ErrnoException) => {
        this.fail(
          error.code === "ENOENT"
            ? new UserError(t("pdf.chromium-not-found", { path: browser.spawnfile }))
            : this.printFailure(error.message),
        );
        resolve();
      });
      browser.on("exit", () => {
        this.fail(this.printFailure(t("pdf.browser-stopped")));
        resolve();
      });
    });
  }

  send<T = unknown>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(this.printFailure(t("pdf.no-answer", { method, seconds: PRINT_TIMEOUT_MS / 1000 })));
      }, PRINT_TIMEOUT_MS);
      this.pending.set(id, { resolve: resolve as (result: never) => void, reject, timer });
      this.toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** The next event `method` of a session; ask before triggering it. */
  once(method: string, sessionId: string): Promise<unknown> {
    const key = `${sessionId}:${method}`;
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const timer = setTimeout(() => {
        this.waiting.set(key, (this.waiting.get(key) ?? []).filter((w) => w.timer !== timer));
        reject(this.printFailure(t("pdf.no-event", { method, seconds: PRINT_TIMEOUT_MS / 1000 })));
      }, PRINT_TIMEOUT_MS);
      this.waiting.set(key, [...(this.waiting.get(key) ?? []), { resolve: resolve as (result: never) => void, reject, timer }]);
    });
  }

  async close(): Promise<void> {
    if (!this.failure) {
      await this.send("Browser.close").catch(() => undefined);
      const killer = setTimeout(() => this.browser.kill("SIGKILL"), 5000);
      await this.exited;
      clearTimeout(killer);
    }
  }

  private dispatch(text: string): void {
    const message = JSON.parse(text) as { id?: number; method?: string; sessionId?: string; params?: unknown; result?: unknown; error?: { message: string } };
    if (message.id !== undefined) {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.error) pending.reject(this.printFailure(message.error.message));
      else pending.resolve(message.result as never);
      return;
    }
    const key = `${message.sessionId ?? ""}:${message.method}`;
    const listeners = this.waiting.get(key);
    if (listeners) {
      this.waiting.delete(key);
      for (const listener of listeners) {
        clearTimeout(listener.timer);
        listener.resolve(message.params as never);
      }
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of [...this.pending.values(), ...[...this.waiting.values()].flat()]) {
      clearTimeout(pending.timer);
      pending.reject(this.failure);
    }
    this.pending.clear();
    this.waiting.clear();
  }

  private printFailure(reason: string): UserError {
    const detail = this.stderr.trim().split("\n").slice(-3).join(" ");
    return new UserError(detail ? t("pdf.print-failed-detail", { reason, detail }) : t("pdf.print-failed", { reason }), t("pdf.try-html.hint"));
  }
}
