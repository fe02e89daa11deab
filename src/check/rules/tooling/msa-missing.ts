import { escapeRegExp } from "../../../core/text.js";
import { sentences, t } from "../../../i18n/index.js";
import { characteristicRows, ourSymbols, specialRows } from "../../../model/characteristics.js";
import { isGauge, lastMsa, msaVerdict, toolingStatus } from "../../../model/tooling.js";
import type { Rule } from "../../rule.js";

/**
 * A gauge in use that a control plan names in a row of a special characteristic (a symbol of ours in the row) without a
 * measurement system analysis that is not unacceptable (IATF 16949 7.1.5.1.1: statistical studies of each type of
 * measuring system named in the control plan; AIAG MSA: %GRR over 30 % or ndc under 5 not acceptable). A warning: the
 * study may exist and not be recorded here, and whether a conditionally acceptable system (10–30 %) may stay in use is
 * the customer's agreement, not csr's to judge. Only what the documents tell: a gauge no control plan row names with
 * its number is not reported, since csr cannot know what it measures.
 */
export const rule: Rule = {
  id: "tooling/msa-missing",
  severity: "warning",
  // tooling.yaml (own) and the tables of control plans with the symbols they mark.
  scope: {
    files: "all",
    reads: (file) => (file.kind === "document" ? (file.data.role === "control-plan" ? [file.data.id, file.data.status, file.data.sections] : [file.data.id, file.data.role]) : null),
  },
  summary: "A gauge a control plan uses on a special characteristic has no acceptable MSA study.",
  docs: {
    description:
      "An entry of tooling.yaml in use that is a gauge or test equipment (or has a calibration recorded), whose number a row of a control plan not obsolete (a document with `role: control-plan`) writes in the same row as a symbol of ours (a special characteristic), has no study in `msa`, or its last study is not acceptable by the AIAG MSA manual (%GRR over 30 %, or ndc under 5). Each type of measuring system named in the control plan is analysed ({{cite:measurement-system}}), and those on special characteristics are the first an auditor samples. A conditionally acceptable study (%GRR 10–30 %) is not reported: whether it may stay in use is agreed with the customer. A gauge no control plan row names is not reported.",
    bad: `
      | 工序 | 特性 | 特殊特性 | 评价测量技术 |
      |---|---|---|---|
      | OP30 | 扣压外径 | ★ | 数显卡尺 GA-30-01 |   # tooling.yaml: GA-30-01 without msa
`,
    good: `
    msa:
      - {date: 2026-04-20, grr: 8.4, ndc: 12, study: QR-006-01-MSA-2026-03}
`,
    fix: "Record the study: `csr tooling msa GA-30-01 --grr <percent> --ndc <n> --study <record> --date <day>`; a study over 30 % or with ndc under 5 asks for an improved measuring system and a new study.",
  },
  check(ctx) {
    const ours = ourSymbols(ctx.repo.symbols.map((s) => s.value));
    if (ours.length === 0) return;
    const rows = ctx.repo.documents.filter((d) => d.value.role === "control-plan" && d.value.status !== "obsolete").flatMap((d) => specialRows(characteristicRows(d.value, ours)).map((row) => ({ document: d.value.id, row })));
    if (rows.length === 0) return;
    const { today } = ctx.options;
    for (const located of ctx.repo.tooling) {
      const tooling = located.value;
      if (!ctx.keeps(located.file) || !isGauge(tooling) || toolingStatus(tooling) !== "in-use") continue;
      const pattern = new RegExp(`(?<![A-Za-z0-9_-])${escapeRegExp(tooling.id)}(?![A-Za-z0-9_]|-[A-Za-z0-9])`);
      const named = rows.find(({ row }) => pattern.test(row.text));
      if (!named) continue;
      const study = lastMsa(tooling, today);
      if (study && msaVerdict(study) !== "unacceptable") continue;
      const where = { id: tooling.id, name: tooling.name, document: named.document, op: named.row.op, characteristic: named.row.characteristic || named.row.op, marks: named.row.marks.join("") };
      ctx.report(
        { file: located.file, path: study ? [...located.path, "msa", tooling.msa!.lastIndexOf(study), "grr"] : [...located.path, "id"] },
        sentences(study ? t("rule.tooling/msa-missing.unacceptable", { ...where, grr: study.grr, ndc: study.ndc ?? "—" }) : t("rule.tooling/msa-missing", where), t("rule.tooling/msa-missing.fix", { id: tooling.id })),
      );
    }
  },
};
