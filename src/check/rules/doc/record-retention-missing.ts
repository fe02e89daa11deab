import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/**
 * IATF 16949 7.5.3.2.1 and GJB 9001C 7.5.3: the records kept on a form have a documented retention
 * period. The form's `record` block is where csr keeps it (register data, not content: see
 * model/revision.ts REGISTER_FIELDS); the form register (表单清单) and the printed form show it.
 */
export const rule: Rule = {
  id: "doc/record-retention-missing",
  severity: "error",
  scope: { files: "own" },
  summary: "A released form does not say how long its records are kept (record.retention).",
  docs: {
    description:
      "A released form (`kind: form`) without `record.retention`, the retention period of the records filled in on it (保存期限). {{cite:record-retention}} asks for a documented retention period for records{{#IATF16949}}; IATF 16949 names the active life of the part plus one calendar year for approval, tooling, design and purchasing records unless the customer or a regulator requires longer{{/IATF16949}}. Where the records are kept (`medium`, `location`) belongs in the same block.",
    bad: `
kind: form
department: QA
status: released
# no record block
`,
    good: `
record: {retention: 3年, medium: paper, location: 品质部}
`,
    fix: "Give the form its retention period with `csr set <form> --retention <period>` (e.g. `3年` or `产品寿命期+1年`; `--medium paper|electronic|paper+electronic` and `--location <where>` for the rest of the block), which writes `record: {retention, medium, location}`. Record keeping is register data, not the form's content: no new revision is needed.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.index.documents.values()) {
      if (doc.kind !== "form" || doc.status !== "released" || doc.record?.retention?.trim()) continue;
      ctx.report({ file, path: doc.record ? ["record"] : ["kind"], key: doc.record !== undefined }, t("rule.doc/record-retention-missing", { document: doc.id }));
    }
  },
};
