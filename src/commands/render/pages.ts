/**
 * 总页数 of a document csr prints itself, counted in its own PDF: what `csr release` records for a revision
 * record that prints it when --total-pages is not given (tester76 M11), so that the record's 总页数 and the
 * print's 第 x 页 共 y 页 agree (IATF 16949 7.5.3.2: a controlled copy whose pages can be told complete).
 */
import { language } from "../../i18n/index.js";
import type { Repository } from "../../load/repository.js";
import type { RepoIndex } from "../../model/index.js";
import type { ControlledDocument } from "../../model/types.js";
import { createRenderer, loadLabels } from "../../render/environment.js";
import { markdownToHtml } from "../../render/markdown.js";
import { printedPageCount, startPdfPrinter } from "../../render/pdf.js";
import { printedDocument, printPdf, type Printing } from "../../render/printed.js";

/**
 * The pages of the document `withPages(n)` gives, printed as `csr render <id> --format pdf` prints it on `day` (a reference
 * print, laid out as the controlled copy is: render/printed.ts printedDocument, as csr render prints it), where `n` is the 总页数 its revision record says: counted with
 * `guess` first, then with each count until the record and the print agree (a row of the record may take a page), at most
 * three times; the last count when they never do. Undefined when Chromium prints no page tree (printedPageCount).
 * Errors: UserError when the browser cannot be started or cannot print (startPdfPrinter).
 */
export async function countedTotalPages(root: string, repo: Repository, index: RepoIndex, chromium: string, day: string, withPages: (pages: number) => ControlledDocument, guess: number): Promise<number | undefined> {
  const lang = language();
  const printing: Printing = { repo, index, lang, body: await markdownToHtml(), renderer: await createRenderer(root, "html", lang), format: "html", labels: loadLabels(root, lang) };
  const page = (pages: number) => printedDocument(printing, withPages(pages), day);
  const first = page(guess);
  const printer = await startPdfPrinter(chromium, [first.text, ...(first.band ? [first.band] : [])]);
  try {
    let said = guess;
    let printed = first;
    for (let tries = 0; tries < 3; tries++) {
      const count = printedPageCount(await printPdf(printer, printing.labels, printed));
      if (count === undefined || count === said) return count;
      said = count;
      printed = page(said);
    }
    return said;
  } finally {
    await printer.close();
  }
}
