import { t } from "../../../i18n/index.js";
import { currentRevision } from "../../../model/index.js";
import { describe, eventLabel } from "../../../model/recorded-events.js";
import { revisionSignatures } from "../../../model/revision.js";
import type { SignatureRole } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

/**
 * ISO 9001 / GJB 9001C 7.5.2 c: a document is approved before it is used, so it takes effect
 * (`effective`, 生效日期) only once every signature of its current revision is given — in a GJB
 * layout the 军代表's too, which may come after the approval. `csr release` refuses an effective date
 * before the last signature (and `csr sign` a 军代表 signature after it); this finds one written by hand.
 */
export const rule: Rule = {
  id: "doc/effective-before-signature",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "A released document takes effect before a signature of its current revision was given.",
  docs: {
    description:
      "A released document whose `effective` date (生效日期) is before the date of a signature of its current (last) revision: 编制, 审核, 会签, 标准化审查, 批准 or 军代表. A document is approved before it is used ({{cite:document-approval}}); where the printed layout has a 军代表 cell, the military representative's signature is part of that approval, and a header that says the document was in force before he signed misstates it. An effective date later than the release (`csr release --effective`) is fine.",
    bad: `
effective: 2026-11-20
revisions:
  - version: A/0
    date: 2026-11-20
    summary: 首次发布
    prepared: { by: zhang, date: 2026-11-18 }
    reviewed: { by: li, date: 2026-11-19 }
    approved: { by: wang, date: 2026-11-20 }
    military_representative: { by: li, date: 2026-11-23 }
`,
    good: `
effective: 2026-12-01
`,
    fix: "Correct `effective` to the day the document really took effect, on or after its last signature (a release with `csr release … --effective <date>` records it), or correct the date of the signature if it is the wrong one.",
  },
  check(ctx) {
    for (const { value: doc, file, path } of ctx.index.documents.values()) {
      const current = currentRevision(doc);
      if (doc.status !== "released" || doc.effective === undefined || !current) continue;
      // The latest dated signature; of equal dates, the first in the header's order.
      let last: { role: SignatureRole; date: string } | undefined;
      for (const { role, signature } of revisionSignatures(current)) {
        if (signature.date !== undefined && (last === undefined || signature.date > last.date)) last = { role, date: signature.date };
      }
      if (!last || last.date <= doc.effective) continue;
      ctx.report(
        { file, path: [...path, "effective"] },
        t("rule.doc/effective-before-signature", {
          document: doc.id,
          effective: doc.effective,
          what: describe(eventLabel(`rule.date/event.doc-${last.role as "prepared"}`, { version: current.version })),
          date: last.date,
        }),
      );
    }
  },
};
