import { t } from "../../../i18n/index.js";
import type { Rule } from "../../rule.js";

/**
 * A standard's 实施日期 (`external.effective`) is on or after its 发布日期 (`external.issued`): the
 * cover of GB/T 19001-2016 says 2016-12-30 发布, 2017-07-01 实施. One before the other is a typo in
 * one of them, and the external document list would show the standard in force on the wrong day.
 * Either date may lie after today (a standard issued and received ahead of its 实施日期).
 */
export const rule: Rule = {
  id: "doc/external-effective-before-issue",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "An external document's effective date (实施日期) is before the date its publisher issued it.",
  docs: {
    description:
      "An external document (`kind: external`) whose `external.effective` (实施日期, the day its publisher puts it in force) is before its `external.issued` (发布日期). A standard is issued first and in force on or after that day: GB/T 19001-2016 was issued on 2016-12-30 and in force from 2017-07-01. The external document list shows a standard as in force (现行) from the later of the day received and its 实施日期, and as 待实施 before that, and the copies of the edition it replaces are due back from that day ({{cite:document-control}}); a wrong date misstates both.",
    bad: `
external:
  publisher: 中央军委装备发展部
  issued: 2017-05-18
  effective: 2017-05-01   # before it was issued
  received: 2026-11-02
`,
    good: `
external:
  publisher: 中央军委装备发展部
  issued: 2017-05-18
  effective: 2017-07-01
  received: 2026-11-02
`,
    fix: "Correct whichever of the two dates is wrong, as the publisher's document shows them (a standard's cover prints both, 发布 and 实施).",
  },
  check(ctx) {
    for (const { value: doc, file, path } of ctx.index.documents.values()) {
      const { issued, effective } = doc.external ?? {};
      if (issued === undefined || effective === undefined || effective >= issued) continue;
      ctx.report({ file, path: [...path, "external", "effective"] }, t("rule.doc/external-effective-before-issue", { document: doc.id, effective, issued }));
    }
  },
};
