import { t } from "../../../i18n/index.js";
import type { Rule } from "../../rule.js";

/**
 * A batch of records kept on a form (record.batches: a year's 点检表, a project's PPAP file) is named
 * by its `name` within the form: `csr list disposals` lists it by it, `csr record dispose <form>
 * <batch>` finds it by it and the merge driver pairs two sides' batches by it. Two batches of one
 * name cannot be told apart: a disposal (销毁记录, IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3) recorded
 * against the name would land on whichever came first. Each batch after the first of a name is reported.
 */
export const rule: Rule = {
  id: "doc/record-batch-duplicate",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "Two batches of records kept on a form have the same name.",
  docs: {
    description:
      "Two entries of a form's `record.batches` (the batches of filled records kept, 记录批次) have the same `name`. A batch is named by it in the register of records due for disposal (`csr list disposals`) and found by it when its disposal is recorded (`csr record dispose <form> <batch>`), so that the 销毁记录 names the records destroyed ({{cite:record-retention}}); two batches of one name cannot be told apart, and a disposal recorded against the name would be the first one's. It happens when two people each added a batch for the same year, or a merge kept both. The finding is on each batch after the first of the name. `csr record dispose` refuses a name that two batches have.",
    bad: `
  batches:
    - {name: 2025年度, from: 2025-01-01, to: 2025-06-30, location: 一车间}
    - {name: 2025年度, from: 2025-01-01, to: 2025-12-31, location: 二车间}
`,
    good: `
  batches:
    - {name: 2025年度 一车间, from: 2025-01-01, to: 2025-06-30, location: 一车间}
    - {name: 2025年度 二车间, from: 2025-01-01, to: 2025-12-31, location: 二车间}
`,
    fix: "Give each batch its own name (e.g. the year with the workshop or the product), or merge two entries that are one batch into one, keeping the later `to`.",
  },
  check(ctx) {
    for (const { value: doc, file, path } of ctx.index.documents.values()) {
      const batches = doc.record?.batches;
      if (!ctx.keeps(file) || !batches || batches.length < 2) continue;
      const first = new Map<string, number>();
      batches.forEach((batch, i) => {
        const earlier = first.get(batch.name);
        if (earlier === undefined) return void first.set(batch.name, i);
        ctx.report({ file, path: [...path, "record", "batches", i, "name"] }, t("rule.doc/record-batch-duplicate", { document: doc.id, batch: batch.name, n: i + 1, first: earlier + 1 }));
      });
    }
  },
};
