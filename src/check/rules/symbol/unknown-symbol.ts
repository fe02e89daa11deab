import { t } from "../../../i18n/index.js";
import { documentSections } from "../../../model/sections.js";
import { tableMarks, unknownMarks } from "../../../model/symbol-marks.js";
import type { Rule } from "../../rule.js";

/**
 * A work instruction or form (where operators and inspectors read the marks: instructions, control
 * plans, check sheets) marks a characteristic with a symbol that neither the customer's symbols nor
 * our equivalent ones in the conversion table define: IATF 16949 8.3.3.3 allows only those two, so the
 * mark means nothing anyone has agreed (tester75 P10). An error: the document does not conform, and
 * the fix is one command or one character. Only marks by their shape count (model/symbol-marks.ts
 * unknownMarks): letter codes cannot be told from words. Each unknown mark once per document, at its
 * first place. A repository without a table is left alone (its documents carry the customers' symbols).
 */
export const rule: Rule = {
  id: "symbol/unknown-symbol",
  severity: "error",
  scope: { files: "own" },
  summary: "A work instruction or form marks with a symbol the symbol conversion table does not list.",
  docs: {
    description:
      "A work instruction or form that is not withdrawn shows a special-characteristic mark (a geometric shape such as ▲ ◆ ▽, a star ★ ☆, a circled letter Ⓢ) that no row of `symbols.yaml` in use has as our symbol or the customer's symbol: special characteristics are marked with the customer's symbols or with our equivalent ones defined in the conversion table ({{cite:special-characteristics}}), and an operator cannot tell what an undefined mark asks. A mark starting a line is a list bullet and does not count; neither do check boxes, bullets, pointers and level marks (□ ■ ○ ● ◎ ▶ ◀ ◔ ◑ ◕) unless the table uses them, nor letter codes (SC, CC), which cannot be told from words. A symbol that `csr symbol update` replaced is symbol/replaced-symbol's finding. Each unknown mark is reported once per document, at its first place. A repository without `symbols.yaml` rows or own marks is not checked.",
    bad: `
  - title: 作业步骤
    text: |-   # symbols.yaml: ★ ☆ ▽
      1. 按扣压参数表设定扣压机。
      2. 扣压外径（▲）每班首件测量并记录。
`,
    good: `
  - title: 作业步骤
    text: |-
      1. 按扣压参数表设定扣压机。
      2. 扣压外径（★）每班首件测量并记录。
`,
    fix: "If the mark is a customer's symbol or our equivalent one, record its conversion with `csr symbol add --customer <code> --customer-symbol <theirs> --customer-class <class> --symbol <ours> --class <class>`; otherwise correct the text to the table's symbol (a released document through `csr submit` and `csr release`).",
  },
  check(ctx) {
    const known = tableMarks(ctx.repo.symbols.map((s) => s.value), ctx.repo.ownSymbols.map((s) => s.value));
    if (ctx.repo.symbols.length + ctx.repo.ownSymbols.length === 0) return;
    const listed = [...known].join(" ");
    for (const { value: doc, file } of ctx.repo.documents) {
      if ((doc.kind !== "instruction" && doc.kind !== "form") || doc.status === "obsolete" || !ctx.keeps(file)) continue;
      const reported = new Set<string>();
      for (const s of documentSections(doc)) {
        for (const place of unknownMarks(s.section.text ?? "", known)) {
          if (reported.has(place.mark)) continue;
          reported.add(place.mark);
          ctx.report(
            { file, path: [...s.path, "text"], quote: place.text.slice(place.index) },
            t("rule.symbol/unknown-symbol", { document: doc.id, section: s.number, title: s.title, line: place.line, mark: place.mark, listed }),
          );
        }
      }
    }
  },
};
