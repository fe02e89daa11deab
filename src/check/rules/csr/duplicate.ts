import { t } from "../../../i18n/index.js";
import { hasReviewRecord, requirementWording } from "../../../model/csr-duplicates.js";
import type { Csr } from "../../../model/types.js";
import type { SourceFile } from "../../../load/source.js";
import type { Rule } from "../../rule.js";

interface Registered {
  csr: Csr;
  file: SourceFile;
}

const byNumber = (a: Registered, b: Registered) => a.csr.id.localeCompare(b.csr.id, "en", { numeric: true });

/**
 * One requirement registered twice (tester19 F8): each copy has its own review deadline, overdue
 * finding and matrix row, and the two drift apart. Compared in one pass over the CSRs, keyed by the
 * text as model/csr-duplicates.ts compares it (`csr add` and `csr import` refuse the same repeats). Each CSR after the first, in number order, is reported, naming the first.
 */
export const rule: Rule = {
  id: "csr/duplicate",
  severity: "warning",
  scope: {
    files: "all",
    // The title only where it stands for the text: a message names the other CSR by its id.
    reads: (f) => (f.kind === "csr" ? [f.data.id, f.data.customer, f.data.source.document, f.data.text ?? f.data.title, f.data.superseded !== undefined, hasReviewRecord(f.data)] : null),
  },
  summary: "Two CSRs of one customer's source document have the same text: one requirement registered twice.",
  docs: {
    description:
      "Two CSRs in force (not `superseded`) of the same customer and source document have the same text — or, where a CSR has no `text`, the same title — white space, full-width and half-width forms, Chinese or ASCII punctuation and a final full stop aside. It is one requirement registered twice, usually by running `csr add` again after an error or importing a list twice: each copy has its own review deadline, its own overdue finding and its own row in the CSR matrix, and what is decided or addressed for one is missing from the other ({{cite:requirements-review}}). Each CSR after the first, in number order, is reported, naming the first. `csr add` refuses to register such a repeat (unless given `--allow-duplicate`), and `csr import` a row without an id that repeats a registered requirement or an earlier row (a row with an id is imported, and said to repeat the other).",
    bad: `
# csr/DYA/DYA-010.yaml, while DYA-008 has the same text
id: DYA-010
customer: DYA
source: {document: DYA-SC, revision: C, section: "5.3 防错验证"}
title: 特殊特性工位须设防错并每班验证
text: 涉及CC特性的工位须设置防错装置，每班开班用标准样件验证并记录。
`,
    good: `
id: DYA-010
customer: DYA
source: {document: DYA-SC, revision: C, section: "5.4 防错装置失效"}
title: 防错装置失效时须停机并追溯
text: 防错装置失效时须停机，并对上次验证以来的产品100%检验。
`,
    fix: "Keep one of the two. A repeat without a review record (no opinion, decision, paper record or earlier round) is deleted (`git rm` its file; `csr add` never gives its number to another requirement, as it skips every number in the git history); one with a review record is marked superseded by the CSR kept: `csr supersede <id> --by <the CSR kept> --reason \"duplicate of ...\"` (the review stays on record). If they are two requirements, say how they differ in their text (`csr set <id> --text ...`).",
  },
  check(ctx) {
    // Its findings are in CSR files: when none of them is kept (the second pass over the entities
    // kept in part, check/engine.ts, for a document or customer), no wording need be compared.
    if (!ctx.repo.csrs.some(({ file }) => ctx.keeps(file))) return;
    // Keyed by the wording alone, which tells nearly every CSR apart: the customer and the source
    // document are compared within the few groups of more than one.
    const first = new Map<string, Registered>();
    const repeated = new Map<string, Registered[]>();
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (csr.superseded) continue;
      const wording = requirementWording(csr);
      const earlier = first.get(wording);
      if (!earlier) first.set(wording, { csr, file });
      else repeated.set(wording, [...(repeated.get(wording) ?? [earlier]), { csr, file }]);
    }
    for (const worded of repeated.values()) {
      const bySource = new Map<string, Registered[]>();
      for (const r of worded) {
        const key = `${r.csr.customer}\u0000${r.csr.source.document}`;
        bySource.set(key, [...(bySource.get(key) ?? []), r]);
      }
      for (const registered of bySource.values()) {
        const [kept, ...later] = registered.sort(byNumber);
        // Two files of one id are csr/duplicate-id-across-branches' finding, not two requirements.
        for (const repeat of later.filter((r) => r.csr.id !== kept!.csr.id)) ctx.report({ file: repeat.file, path: [repeat.csr.text === undefined ? "title" : "text"] }, message(kept!, repeat));
      }
    }
  },
};

/** What to do: delete the one without a review record (the later one when neither has), else withdraw the later one. */
function message(first: Registered, repeat: Registered): string {
  const data = { csr: repeat.csr.id, other: first.csr.id, source: repeat.csr.source.document };
  const deleted = !hasReviewRecord(repeat.csr) ? repeat : !hasReviewRecord(first.csr) ? first : undefined;
  const fix = deleted
    ? t("rule.csr/duplicate.delete", { id: deleted.csr.id, path: deleted.file.path })
    : t("rule.csr/duplicate.supersede", { csr: repeat.csr.id, other: first.csr.id });
  return t("rule.csr/duplicate", { ...data, fix });
}
