import { shellArgument } from "../../../core/text.js";
import { list, t } from "../../../i18n/index.js";
import { copiesInUse, copyEdition, csrDistributedDepartments, electronicInUse, recallStart, unitsWithoutCopy, withEdition } from "../../../model/distribution.js";
import { departmentLabel } from "../../../model/labels.js";
import { writtenForSuppliers } from "../../../model/flow-down.js";
import type { ControlledDocument } from "../../../model/types.js";
import type { Rule } from "../../rule.js";
import { decidedToMeet } from "../../../model/decision.js";

/** The levels handed out to their places of use, as doc/not-issued counts them: forms are filled in, not issued. */
const ISSUED_LEVELS: ReadonlySet<number> = new Set([1, 2, 3]);

/**
 * The departments that hold a document to work to on `day`: a controlled copy in use there or an
 * electronic issue to them, of the version in force (of the one before it while its successor is 待实施).
 */
function holders(doc: ControlledDocument, day: string): Set<string> {
  return new Set([...copiesInUse(doc, day).map((c) => c.to), ...electronicInUse(doc, day).flatMap((e) => e.to)]);
}

/**
 * IATF 16949 4.3.2 deploys a customer requirement to the departments that act on it, and 7.5.3.2.1
 * wants the documents that carry it at those points of use (tester67a A1): a CSR distributed to 技术部
 * whose procedure has controlled copies only at 品质部 and 生产部 reaches 技术部 as a notice, never as
 * the procedure it works to.
 */
export const rule: Rule = {
  id: "csr/deployed-without-copy",
  severity: "warning",
  scope: {
    files: "all",
    // A CSR's decision, links and distribution; a document's status, level, versions and issue records.
    reads: (f) =>
      f.kind === "csr"
        ? [f.data.id, f.data.superseded !== undefined, f.data.review?.decision?.disposition, (f.data.addressed ?? []).map((a) => [a.document, a.pin?.draft === true]), f.data.distribution]
        : f.kind === "document"
          ? [f.data.id, f.data.status, f.data.level, f.data.kind, f.data.effective, f.data.revisions, f.data.revising !== undefined, f.data.external, f.data.distribution, f.data.electronic_issue, f.data.audience]
          : null,
  },
  summary: "A CSR was distributed to a department that holds no controlled copy of a document addressing it.",
  docs: {
    description:
      "A CSR to be met (decided `must` or `optional`, not superseded) was distributed to departments (`distribution`), and a released manual, procedure or work instruction in `addressed`, in force on the day, has neither a controlled copy in use nor an electronic issue of its version in force at one of them (of the version it replaces while the new one is 待实施): the department was told of the requirement but does not hold the document that says how it is met. Customer requirements are deployed to the functions that act on them{{#IATF16949}} (IATF 16949 4.3.2){{/IATF16949}}, and the documents are available at the points of use in their current version ({{cite:document-control}}). Reported only in a repository that records controlled copies or electronic issues of some document, and only for a document issued somewhere (one issued nowhere is `doc/not-issued`'s); a department that held a copy of the previous version and has none of the version in force is `doc/no-copy-in-force`'s, which names it once for the document rather than once per CSR; a link made to text only the draft of the next revision has is not counted. A document written for suppliers (`audience: supplier`, such as the supplier manual) is not counted: it carries the requirement to the suppliers, who hold its copies.",
    bad: `
addressed:
  - document: QP-005
    section: 5.2 顾客投诉时限
distribution:
  - {departments: [QA, MKT], date: 2026-03-24}   # QP-005 A/1 is out at QA only
`,
    good: `
  - {copy: 3, version: A/1, to: MKT, issued_by: wang, date: 2026-03-25}
`,
    fix: "Hand the document out to the departments named: `csr distribute QP-005 --to MKT`, or on the OA system with `--electronic --system OA` (the message gives the command). A department that does not act on the requirement: the CSR's distribution is wider than its deployment; note that in the review.",
  },
  check(ctx) {
    const documents = [...ctx.index.documents.values()];
    // A repository that records no issue at all keeps its distribution elsewhere (as doc/not-issued).
    if (!documents.some(({ value }) => (value.distribution ?? []).length > 0 || (value.electronic_issue ?? []).length > 0)) return;
    const today = ctx.options.today;
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (!ctx.keeps(file)) continue;
            if (csr.superseded || !decidedToMeet(csr.review?.decision)) continue;
      const departments = csrDistributedDepartments(csr);
      if (departments.length === 0) continue;
      const seen = new Set<string>();
      (csr.addressed ?? []).forEach((link, i) => {
        const doc = ctx.index.documents.get(link.document)?.value;
        if (!doc || seen.has(doc.id)) return;
        seen.add(doc.id);
        // A document written for suppliers (the supplier manual) carries the requirement to them, not to the departments (tester73 S5).
        if (doc.status !== "released" || doc.kind === "form" || !ISSUED_LEVELS.has(doc.level) || writtenForSuppliers(doc)) return;
        if (doc.revising !== undefined && link.pin?.draft === true) return;
        const since = recallStart(doc);
        if (since === undefined || since > today) return;
        const held = holders(doc, today);
        if (held.size === 0) return;
        // One root cause, one finding: a department left without the version in force after holding the one before is doc/no-copy-in-force's.
        const leftWithout = new Set(unitsWithoutCopy(doc, today)?.units);
        const missing = departments.filter((d) => !held.has(d) && !leftWithout.has(d));
        if (missing.length === 0) return;
        const codes = missing.join(" ");
        ctx.report(
          { file, path: ["addressed", i, "document"] },
          t("rule.csr/deployed-without-copy", {
            csr: csr.id,
            document: withEdition(doc.id, copyEdition(doc)),
            count: missing.length,
            departments: list(missing.map((d) => departmentLabel(ctx.index, d))),
            paper: `csr distribute ${shellArgument(doc.id)} --to ${codes}`,
            electronic: `csr distribute ${shellArgument(doc.id)} --electronic --to ${codes}`,
          }),
        );
      });
    }
  },
};
