import { t } from "../../../i18n/index.js";
import { documentTrace, instructionGaps, traceContext } from "../../../model/characteristic-trace.js";
import { ourSymbols } from "../../../model/characteristics.js";
import type { Rule } from "../../rule.js";

/**
 * A special characteristic marked in a released PFMEA or control plan and missing from the other one of the same
 * product or from the released work instruction of its operation, or marked in a work instruction and in no
 * control plan at that operation (IATF 16949 8.3.3.3: in the FMEA, the control plan and the operator
 * instructions; tester77 E3). How documents are tied and compared: model/characteristic-trace.ts.
 */
export const rule: Rule = {
  id: "symbol/characteristic-untraced",
  severity: "warning",
  // The documents' ties (related, forms, ECNs), the tables of PFMEAs and control plans, and what a work instruction
  // marks at which operations (model/characteristic-trace.ts), as their versions in force read (`revising`).
  scope: {
    files: "all",
    reads: (file) => {
      if (file.kind !== "document") return null;
      const d = file.data;
      const read = d.role === "pfmea" || d.role === "control-plan" || d.kind === "instruction";
      return {
        id: d.id,
        status: d.status,
        revising: d.revising,
        role: d.role,
        kind: d.kind,
        ties: [d.related, d.forms, (d.revisions ?? []).map((r) => r.ecn)],
        ...(read ? { title: d.kind === "instruction" ? d.title : undefined, stations: d.stations, sections: d.sections } : {}),
      };
    },
  },
  summary: "A special characteristic marked in a PFMEA, control plan or work instruction is missing from another of them.",
  docs: {
    description:
      "A special characteristic is marked with a symbol of ours (`symbols.yaml`) in the FMEA, the control plan and the operator instructions alike ({{cite:special-characteristics}}). csr reads the characteristic rows of the released documents with `role: pfmea` or `role: control-plan` from the Markdown tables of their sections, by their headers (工序号/工序, 特性/产品特性/过程特性/失效模式, 特殊特性/特性分类, …), and compares them by operation (OP30, `30`) and mark, not by wording. It reports: a row of a control plan marked at an operation that the PFMEA of the same product does not mark there, and the other way round; a marked row of either at an operation that no released work instruction of the same product covers, or whose instructions do not mark it; a line of a released work instruction that marks a symbol at an operation where its product's control plans do not; and a work instruction marking a symbol that is tied to no control plan. Documents are compared within one product only, and they are one product's when the data ties them: one names the other (`related`, `forms`; `csr set <instruction> --add-form <control plan>`) or a revision of each carries the same ECN; a work instruction tied to a PFMEA's control plan is the PFMEA's product's too. A CSR addressed in both ties nothing (one company-wide CSR is addressed in every product's documents), and a work instruction of another product that covers the same operation number is named in the finding, not counted. Each finding names the documents it compared. A work instruction covers the operations of its `stations` and those its title or text name (OP30); a marked line is at the operations it names, else at all of the instruction's. Drafts and documents without a role are not read, and a released document being revised (修订中) is read as its version in force, not as the draft of its next version.",
    bad: `
  - title: PFMEA
    text: |
      | 工序 | 失效模式 | S | 特殊特性 |   # control plan QR-010-01 marks ★ at OP20 and OP30
      |---|---|---|---|
      | OP30 | 扭矩不足 | 10 | ★ |
`,
    good: `
  - title: PFMEA
    text: |
      | 工序 | 失效模式 | S | 特殊特性 |
      |---|---|---|---|
      | OP20 | 扣压外径偏大 | 8 | ★ |
      | OP30 | 扭矩不足 | 10 | ★ |
`,
    fix: "Mark the characteristic with the same symbol at the same operation in the document that lacks it (revise and release it), or correct the marked row if the mark is wrong; give a work instruction its stations with `csr set <id> --station OP30` when it does not name its operation, and a PFMEA or control plan its role with `csr set <id> --role`.",
  },
  check(ctx) {
    const ours = ourSymbols(ctx.repo.symbols.map((s) => s.value), ctx.repo.ownSymbols.map((s) => s.value));
    if (ours.length === 0) return;
    const context = traceContext(
      ctx.repo.documents.map((d) => d.value),
      ours,
      ctx.options.inForce,
    );
    const files = new Map(ctx.repo.documents.map((d) => [d.value.id, d.file]));
    const list = (ids: readonly string[]) => (ids.length > 0 ? ids.join(t("common.list-separator")) : t("rule.symbol/characteristic-untraced.none"));
    for (const { document } of context.tables) {
      const file = files.get(document.id)!;
      if (!ctx.keeps(file)) continue;
      const other = document.role === "pfmea" ? t("rule.symbol/characteristic-untraced.control-plan") : t("rule.symbol/characteristic-untraced.pfmea");
      for (const { row, trace } of documentTrace(context, document)) {
        const at = { file, path: [...row.path, "text"], quote: row.text };
        const where = { document: document.id, section: row.section, line: row.line, op: row.op, characteristic: row.characteristic || row.opName || row.op, marks: row.marks.join("") };
        if (trace.paired.length > 0 && trace.carried.length === 0) ctx.report(at, t("rule.symbol/characteristic-untraced.paired", { ...where, other, paired: list(trace.paired) }));
        if (trace.covering.length === 0) {
          const untied = trace.untied.length === 0 ? "" : t("rule.symbol/characteristic-untraced.untied", { ...where, untied: list(trace.untied), first: trace.untied[0]! });
          ctx.report(at, t("rule.symbol/characteristic-untraced.no-instruction", { ...where, instructions: list(trace.instructions) }) + untied);
        } else if (trace.marking.length === 0) ctx.report(at, t("rule.symbol/characteristic-untraced.instruction", { ...where, instructions: list(trace.covering) }));
      }
    }
    for (const { mark, missing, plans } of instructionGaps(context)) {
      const file = files.get(mark.document.id)!;
      if (!ctx.keeps(file)) continue;
      const where = { document: mark.document.id, section: mark.section, line: mark.line, ops: list(mark.ops), marks: missing.join("") };
      ctx.report(
        { file, path: [...mark.path, "text"], quote: mark.text },
        plans.length === 0 ? t("rule.symbol/characteristic-untraced.control-plan-untied", where) : t("rule.symbol/characteristic-untraced.control-plan-missing", { ...where, plans: list(plans) }),
      );
    }
  },
};
