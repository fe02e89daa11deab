import { t } from "../../../i18n/index.js";
import { issuedToPointsOfUse, withEdition } from "../../../model/distribution.js";
import { revisionEffective } from "../../../model/index.js";
import type { Path } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

/**
 * ISO 9001 and GJB 9001C 7.5.3.1 a (available where and when it is needed) and 7.5.3.2 a (distribution),
 * which IATF 16949 takes over (7.5.3.2.1 for the points of use, as doc/not-issued cites it). A version that took effect (`csr release --effective`, else on its release day) before
 * its first issue, on paper (`distribution`) or electronically (`electronic_issue`, e.g. on OA), was to
 * be worked to by people who had not received it. A warning: the issue record may only be dated late,
 * which the controller corrects, and the version is not wrong in itself; doc/not-issued reports a
 * version in force that was never issued.
 */
export const rule: Rule = {
  id: "doc/effective-before-issue",
  severity: "warning",
  scope: { files: "own" },
  summary: "A version of a manual, procedure or work instruction took effect before it was first issued to its users.",
  docs: {
    description:
      "A version of the organisation's own manual, procedure or work instruction (levels 1 to 3, not a form and not an external document) whose effective date (生效日期: its `effective`, as `csr release --effective` records it, else the day it was released) is before the first issue of that version: the earliest controlled copy of it (`distribution`) and the earliest electronic issue of it (`electronic_issue`, e.g. read-only on OA). From the effective date its users were to work to a version they had not received: {{cite:document-control}} wants the version in force available at the points of use when it is needed. A version with no issue at all is `doc/not-issued`'s, not this; an issue dated after today is `date/in-future`'s. A warning: usually the issue was recorded with a later date than it was made, or the version was released to take effect on the day of its release while the copies went out days later, and either date is corrected in the record.",
    bad: `
    approved: { by: wang, date: 2025-03-10 }   # A/1 takes effect on its release day
electronic_issue:
  - {version: A/1, to: [QA, MKT], date: 2025-03-12, system: OA, issued_by: wang}
`,
    good: `
    approved: { by: wang, date: 2025-03-10 }
electronic_issue:
  - {version: A/1, to: [QA, MKT], date: 2025-03-10, system: OA, issued_by: wang}
`,
    fix: "If the version was handed out or published on OA on or before its effective date, correct the date of that issue record (`distribution` or `electronic_issue`) to the day it was issued. If it really reached its users later, the effective date is wrong: for a version about to be released, release it to take effect on the day it is issued (`csr release <document> --effective <发放日期>`); for one already released, correct its `effective` to that day. Issue a version on the day it takes effect, or before.",
  },
  check(ctx) {
    const today = ctx.options.today;
    for (const { value: doc, file, path } of ctx.index.documents.values()) {
      if (doc.kind === "external" || (doc.status !== "released" && doc.status !== "obsolete") || !issuedToPointsOfUse(doc)) continue;
      (doc.revisions ?? []).forEach((revision, i) => {
        const effective = revisionEffective(doc, i);
        // The first issue of the version, paper or electronic, and where it stands in the file.
        let first: { date: string; at: Path; electronic: boolean } | undefined;
        (doc.distribution ?? []).forEach((copy, j) => {
          if (copy.version === revision.version && (first === undefined || copy.date < first.date)) first = { date: copy.date, at: ["distribution", j, "date"], electronic: false };
        });
        (doc.electronic_issue ?? []).forEach((issue, j) => {
          if (issue.version === revision.version && (first === undefined || issue.date < first.date)) first = { date: issue.date, at: ["electronic_issue", j, "date"], electronic: true };
        });
        // An issue after today is date/in-future's: the record, not the order, is wrong.
        if (first === undefined || effective === "" || first.date <= effective || first.date > today) return;
        ctx.report(
          { file, path: [...path, ...first.at] },
          t(first.electronic ? "rule.doc/effective-before-issue.electronic" : "rule.doc/effective-before-issue", { document: withEdition(doc.id, revision.version), effective, issued: first.date }),
        );
      });
    }
  },
};
