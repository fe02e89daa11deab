import { shellArgument } from "../../../core/text.js";
import { t } from "../../../i18n/index.js";
import { codeWithLabel, personWithId } from "../../../i18n/values.js";
import { openWork } from "../../../model/person-work.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 5.3 / 7.5.3.2 and GJB 9001C 5.3: the responsibility for open work is assigned to someone
 * who can do it. A CSR's implementation owned by someone who left (people.yaml `left`) has no owner,
 * a controlled copy held by someone who left has nobody answering for it until it is recalled, and a
 * department's delegate who left (qms.yaml `delegates`) would still be offered to speak for it, and an
 * electronic issuer who left (qms.yaml `document_control.electronic_issue.issued_by`) stops every release.
 * The work is model/person-work.ts openWork, which `csr person leave` lists too.
 */
export const rule: Rule = {
  id: "person/left-with-open-work",
  severity: "warning",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "Someone who has left still owns an open CSR implementation, holds a controlled copy that is out, is a department's delegate, or is set to make the electronic issues.",
  dependsOn: ["people.yaml"],
  docs: {
    description:
      "A person who has left (`left` in `people.yaml`, set by `csr person leave`) is still the owner of a CSR implementation that is not implemented yet, or still the holder (领用人) of a controlled copy that has not come back, or still a delegate of a department (`delegates` in `qms.yaml`: someone of another department who gives its opinions and holds its copies), or still the one `qms.yaml` names to make the electronic issues (`document_control.electronic_issue.issued_by`, which `csr release` records as 发放人 and refuses once they have left). The work is nobody's until it is reassigned: the implementation to someone who is there (`csr implement <id> --owner`), the copy taken back (`csr recall`) and, where the place still needs it, handed out to whoever took over (`csr distribute --holder`), the delegate taken off (`csr department update <code> --remove-delegate`), the electronic issuer changed in `qms.yaml` to the document controller who took over, or removed. `csr person leave` lists the same work, each with its command, when the leaving day is recorded.",
    bad: `
  - {copy: 2, version: A/0, to: MKT, holder: li, issued_by: wang, date: 2024-01-12}   # people.yaml: li left: 2026-11-20
`,
    good: `
  - {copy: 2, version: A/0, to: MKT, holder: li, issued_by: wang, date: 2024-01-12, recalled: 2026-11-20, returned_by: li, received_by: wang}
`,
    fix: "Reassign the implementation with `csr implement <id> --owner <person>`; recall the copy with `csr recall <document> --copy <n> --by <person>` and hand it out again if needed, or hand it straight over to whoever took over, its number kept, with `csr hand-over --from <person> --to <person>`; take a delegate off with `csr department update <code> --remove-delegate <person>`; name the document controller who took over as `document_control.electronic_issue.issued_by` in `qms.yaml`, or remove the field.",
  },
  check(ctx) {
    // Most repositories have nobody who left: then there is no work to list.
    if (![...ctx.index.people.values()].some((p) => p.value.left !== undefined)) return;
    for (const work of openWork(ctx.index, ctx.repo.config)) {
      const person = ctx.index.people.get(work.person)?.value;
      if (person?.left === undefined) continue;
      const gone = { who: personWithId(person), left: person.left };
      const at = { file: work.file, path: work.path };
      if (work.kind === "owner") ctx.report(at, t("rule.person/left-with-open-work.owner", { ...gone, id: work.csr, arg: shellArgument(work.csr) }));
      else if (work.kind === "holder") ctx.report(at, t("rule.person/left-with-open-work.holder", { ...gone, copy: work.copy, document: work.document, version: work.version, arg: shellArgument(work.document), to: work.to, id: shellArgument(person.id) }));
      else if (work.kind === "delegate") {
        const d = ctx.index.departments.get(work.department);
        ctx.report(at, t("rule.person/left-with-open-work.delegate", { ...gone, department: codeWithLabel(d?.name ?? work.department, work.department), code: shellArgument(work.department), id: shellArgument(person.id) }));
      } else ctx.report(at, t("rule.person/left-with-open-work.electronic-issuer", gone));
    }
  },
};
