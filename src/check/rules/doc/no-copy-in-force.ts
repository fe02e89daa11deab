import { shellArgument } from "../../../core/text.js";
import { list, t } from "../../../i18n/index.js";
import { departmentLabel } from "../../../model/labels.js";
import { unitsWithoutCopy } from "../../../model/distribution.js";
import { writtenForSuppliers } from "../../../model/flow-down.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 7.5.3.2.1 / GJB 9001C 7.5.3: the version in force is available where it is used. Once a
 * new version is in force and the old copies come back, the units that used the old one hold no copy
 * of any version unless the new one is handed out (tester19 F5).
 */
export const rule: Rule = {
  id: "doc/no-copy-in-force",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  summary: "A unit that held a controlled copy of a document's previous version holds none of the version in force.",
  docs: {
    description:
      "A released document's current version is in force (its 实施日期 has come), and a unit (department or outside party) that held a controlled copy of the version before it, still out when the current one was released, has no copy of the current version out: it works without the document, or from an obsolete copy. Documents are available at the points of use in their current version ({{cite:document-control}}); the release says to hand the new version out, and this reports a unit that was left out. A withdrawn document needs no copies, and a unit whose copy of the previous version was taken back before the current version was released, or whose copy of the current version was taken back, was left off on purpose and is not reported. A document written for suppliers (`audience: supplier`) is reported for its outside parties only: a department that gave its copy back does not work to it.",
    bad: `
distribution:
  - {copy: 1, version: A/0, to: QA, issued_by: wang, date: 2024-01-12, recalled: 2026-10-14, returned_by: zhang, received_by: wang}
  - {copy: 2, version: A/0, to: MKT, issued_by: wang, date: 2024-01-12, recalled: 2026-10-15, returned_by: li, received_by: wang}
  - {copy: 3, version: A/1, to: QA, issued_by: wang, date: 2026-10-14}   # A/1 in force since 2026-10-12, none for MKT
`,
    good: `
  - {copy: 4, version: A/1, to: MKT, issued_by: wang, date: 2026-10-15}
`,
    fix: "Hand out the version in force to the units named: `csr distribute QP-005 --to MKT` (the message gives the command). A unit that no longer uses the document: take its copy of the version in force back (`csr recall QP-005 --copy N`); where units are left off as a rule, set `doc/no-copy-in-force: off` under `rules` in qms.yaml.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const found = unitsWithoutCopy(doc, ctx.options.today);
      // A document written for suppliers is read by them: a department that gave its copy back is not left without (tester73 S5).
      const units = found && writtenForSuppliers(doc) ? found.units.filter((u) => !ctx.index.departments.has(u)) : found?.units;
      if (!found || !units || units.length === 0) continue;
      const bare = { ...found, units };
      const copies = doc.distribution ?? [];
      // At the last copy of the previous version of the first unit: where the record shows it held one.
      const at = copies.reduce((last, c, i) => (c.version === bare.previous && c.to === bare.units[0] ? i : last), -1);
      ctx.report(
        { file, path: ["distribution", at] },
        t("rule.doc/no-copy-in-force", { document: doc.id, arg: shellArgument(doc.id), version: bare.version, previous: bare.previous, since: bare.since, count: bare.units.length, units: list(bare.units.map((u) => departmentLabel(ctx.index, u))), codes: bare.units.join(" ") }),
      );
    }
  },
};
