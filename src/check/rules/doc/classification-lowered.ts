import { language, t } from "../../../i18n/index.js";
import { classificationName, classificationRank, csrClassification, documentClassification } from "../../../model/classification.js";
import type { ClassificationChange, Path } from "../../../model/types.js";
import type { Rule } from "../../rule.js";
import { stableJson } from "../../../model/revision.js";
import { documentPairs } from "./compare.js";

/**
 * A lowered 密级 (降密/解密) is an authorised act at a military supplier: what copies, registers and
 * `csr site` carry of a document or CSR follows its 密级, and a PR that lowers it publishes what was
 * withheld the day before. `csr set --classification` records who authorised it and on what grounds
 * under `classification_changes`; this is its counterpart for a hand edit in CI (tester57 E1).
 */
export const rule: Rule = {
  id: "doc/classification-lowered",
  severity: "error",
  scope: { files: "own" },
  summary: "The 密级 of a document or CSR is lower than at the base revision, and no classification_changes entry records the lowering.",
  docs: {
    description:
      "(With `csr check --base <rev>`, and so in CI.) A document whose 密级 (its own `classification`, else its layout's default in `qms.yaml` `document_layouts`) is lower now than at the base revision, or a CSR whose own `classification` was changed since the base so that its 密级 (its own, else its source document's) is lower, while its `classification_changes` has no entry new since the base that records the lowering to the present level. Lowering a 密级 (降密, 解密) is an authorised act: the 密级 decides what the printed copies, the registers and `csr site` carry (the body of a document marked 秘密 or above is not published), so the day it is lowered the site publishes what it withheld. The record says when, from and to which level, who authorised it (`by`, a `people.yaml` id) and on what grounds (`reason`, the 依据). 非密 and 公开 count as one level, below 内部; a CSR that follows its source document's lowered 密级 (`csr source update --classification`) is not reported.",
    bad: `
classification: 内部   # 秘密 at the base, no classification_changes entry
`,
    good: `
classification: 内部
classification_changes:
  - {date: 2026-12-03, from: 秘密, to: 内部, by: wang, reason: 保密委员会降密审批单 BM-2026-07}
`,
    fix: "Record the lowering with who authorised it and the grounds: `csr set <id> --classification <level> --by <approver> --reason <grounds>` (the file records it under `classification_changes`); or put the 密级 back to the base's.",
  },
  check(ctx) {
    const base = ctx.options.base;
    if (!base) return;
    const name = (value: string) => (value === "" ? t("rule.doc/classification-lowered.unmarked") : classificationName(language(), value));
    const recorded = (now: ClassificationChange[] | undefined, before: ClassificationChange[] | undefined, to: string) => {
      const old = new Set((before ?? []).map(stableJson));
      return (now ?? []).some((c) => !old.has(stableJson(c)) && classificationRank(c.to) === classificationRank(to));
    };
    for (const { current, base: was } of documentPairs(ctx)) {
      if (!was || !ctx.keeps(current.file)) continue;
      const doc = current.value;
      const [from, to] = [documentClassification(base.repo, was), documentClassification(ctx.repo, doc)];
      if (classificationRank(to) >= classificationRank(from) || recorded(doc.classification_changes, was.classification_changes, to)) continue;
      const path: Path = doc.classification !== undefined ? ["classification"] : ["id"];
      ctx.report({ file: current.file, path }, t("rule.doc/classification-lowered", { id: doc.id, base: base.rev, from: name(from), to: name(to), level: to || "<密级>" }));
    }
    const before = new Map(base.repo.csrs.map((c) => [c.value.id, c.value]));
    const customers = new Map(ctx.repo.customers.map((c) => [c.value.code, c.value]));
    const baseCustomers = new Map(base.repo.customers.map((c) => [c.value.code, c.value]));
    for (const { value: csr, file } of ctx.repo.csrs) {
      const was = before.get(csr.id);
      // Its own 密级 changed: one that follows its source document's lowered one is the customer's act, recorded on the source.
      if (!was || was.classification === csr.classification || !ctx.keeps(file)) continue;
      const [from, to] = [csrClassification(baseCustomers.get(was.customer), was), csrClassification(customers.get(csr.customer), csr)];
      if (classificationRank(to) >= classificationRank(from) || recorded(csr.classification_changes, was.classification_changes, to)) continue;
      const path: Path = csr.classification !== undefined ? ["classification"] : ["id"];
      ctx.report({ file, path }, t("rule.doc/classification-lowered", { id: csr.id, base: base.rev, from: name(from), to: name(to), level: to || "<密级>" }));
    }
  },
};
