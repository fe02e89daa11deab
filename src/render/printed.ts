/**
 * A controlled document as `csr render` prints it: its view, the text the template lays out, the band at the foot of
 * every PDF page and what the PDF leaves out. One place for both callers, `csr render` (commands/render/index.ts) and
 * the 总页数 `csr release` counts in that PDF (commands/render/pages.ts), so that the count recorded is always of the
 * very print `csr render --format pdf` makes: the same view, stamp, band, hidden notice, template and A4 orientation
 * (printOrientation, in the template) (IATF 16949 7.5.3.2: a controlled copy whose pages can be told complete).
 */
import type { Repository } from "../load/repository.js";
import type { RepoIndex } from "../model/index.js";
import type { ControlledDocument } from "../model/types.js";
import type { Labels, Renderer } from "./environment.js";
import { escapeMarkdown } from "./markdown.js";
import { pageFooter, type PdfPrinter } from "./pdf.js";
import { documentView, escapeView, pageBand, type BodyRenderer, type DocumentView, type Lang, type PendingRevision, type SupersededRevision } from "./view.js";

/** What a run prints with: the repository read, the language, the body's Markdown renderer, the templates and print labels. */
export interface Printing {
  repo: Repository;
  index: RepoIndex;
  lang: Lang;
  body: BodyRenderer;
  /** The templates, for "html" (what the PDF prints) or "md"; none for Word, which lays the view out itself (render/docx.ts). */
  renderer?: Renderer;
  /** "md": the view's text escaped for Markdown (escapeView); "html": as it is, printed to PDF as it is. */
  format: "md" | "html" | "docx";
  labels: Labels;
}

/** How the document is printed: the revision draft (--draft), an earlier revision (--revision), a version 待实施, or a numbered controlled copy (--copy). */
export interface PrintedAs {
  revisionDraft?: boolean | undefined;
  superseded?: SupersededRevision | undefined;
  pending?: PendingRevision | undefined;
  /** A controlled copy: its 受控号, holder (unit and person) and place of use. Without it the print is a reference print (非受控). */
  copy?: { copy: number; holder: string; location?: string | undefined } | undefined;
}

/** A document's print: `text` the page (HTML or Markdown, ending with a line break; "" for Word), `band` its PDF pages' foot (pageBand), `hide` the selectors the PDF leaves out. */
export interface PrintedDocument {
  view: DocumentView;
  text: string;
  band?: string;
  hide?: string[];
}

/**
 * `doc` printed on `day` (a version in force, 待实施 or superseded as of that day), laid out as `csr render` lays it out.
 * A print that is no controlled copy says 非受控 in the band at every page's foot, not above the title (tester75 P7), so
 * that a reference print has the pages of the controlled copy.
 * Errors: UserError when a reference cannot be resolved (documentView).
 */
export function printedDocument(printing: Printing, doc: ControlledDocument, day: string, as: PrintedAs = {}): PrintedDocument {
  const { copy } = as;
  const view: DocumentView = {
    ...documentView(printing.repo, printing.index, doc, printing.lang, printing.body, undefined, day, as.revisionDraft ?? false, as.superseded, as.pending, copy === undefined, true),
    ...(copy ? { copy: copy.copy, copyHolder: copy.holder, ...(copy.location !== undefined ? { copyLocation: copy.location } : {}) } : {}),
  };
  const rendered = printing.renderer && printing.format !== "docx" ? printing.renderer.render(doc.kind, printing.format === "md" ? escapeView(view, escapeMarkdown) : view) : "";
  const text = rendered === "" || rendered.endsWith("\n") ? rendered : `${rendered}\n`;
  const band = pageBand(view, (key) => printing.labels[key] ?? key);
  return { view, text, ...(band !== undefined ? { band } : {}), ...(view.uncontrolled !== undefined ? { hide: [".uncontrolled-notice"] } : {}) };
}

/** The PDF of a page (a document's print, or a review report without band): its text with the page foot (pageFooter) and without what it hides. Errors: as PdfPrinter.print. */
export function printPdf(printer: PdfPrinter, labels: Labels, page: { text: string; band?: string; hide?: readonly string[] }): Promise<Buffer> {
  return printer.print(page.text, pageFooter(labels, page.band), page.hide);
}
