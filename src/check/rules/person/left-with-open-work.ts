import { shellArgument } from "../../../core/text.js";
import { t } from "../../../i18n/index.js";
import { codeWithLabel } from "../../../i18n/values.js";
import { csrAssignments, documentAssignments } from "../../../model/person-work.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 5.3 / 7.5.3.2 and GJB 9001C 5.3: the responsibility for open work is assigned to someone
 * who can do it. A CSR's implementation owned by someone who left (people.yaml `left`) has no owner,
 * a controlled copy held by someone who left has nobody answering for it until it is recalled, and a
 * department's delegate who left (qms.yaml `delegates`) would still be offered to speak for it.
 */
export const rule: Rule = {
  id: "person/left-with-open-work",
  severity: "warning",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "Someone who has left still owns an open CSR implementation, holds a controlled copy that is out, or is a department's delegate.",
  dependsOn: ["people.yaml"],
  docs: {
    description:
      "A person who has left (`left` in `people.yaml`, set by `csr person leave`) is still the owner of a CSR implementation that is not implemented yet, or still the holder (领用人) of a controlled copy that has not come back, or still a delegate of a department (`delegates` in `qms.yaml`: someone of another department who gives its opinions and holds its copies). The work is nobody's until it is reassigned: the implementation to someone who is there (`csr implement <id> --owner`), the copy taken back (`csr recall`) and, where the place still needs it, handed out to whoever took over (`csr distribute --holder`), the delegate taken off (`csr department update <code> --remove-delegate`).",
    bad: `
  - {copy: 2, version: A/0, to: MKT, holder: li, issued_by: wang, date: 2024-01-12}   # people.yaml: li left: 2026-11-20
`,
    good: `
  - {copy: 2, version: A/0, to: MKT, holder: li, issued_by: wang, date: 2024-01-12, recalled: 2026-11-20, returned_by: li, received_by: wang}
`,
    fix: "Reassign the implementation with `csr implement <id> --owner <person>`; recall the copy with `csr recall <document> --copy <n> --by <person>` and hand it out again if needed; take a delegate off with `csr department update <code> --remove-delegate <person>`.",
  },
  check(ctx) {
    // Most repositories have nobody who left: then there is no work to list.
    if (![...ctx.index.people.values()].some((p) => p.value.left !== undefined)) return;
    const left = (id: string) => {
      const person = ctx.index.people.get(id)?.value;
      return person?.left === undefined ? undefined : { who: codeWithLabel(person.name, person.id), left: person.left };
    };
    for (const { value: csr, file, path } of ctx.index.csrs.values()) {
      for (const a of csrAssignments(csr)) {
        const gone = left(a.person);
        if (gone) ctx.report({ file, path: [...path, ...a.path] }, t("rule.person/left-with-open-work.owner", { ...gone, id: csr.id, arg: shellArgument(csr.id) }));
      }
    }
    for (const { value: doc, file, path } of ctx.index.documents.values()) {
      for (const a of documentAssignments(doc)) {
        const gone = left(a.person);
        if (!gone) continue;
        // The assignment's path is ["distribution", index, "holder"].
        const copy = doc.distribution![a.path[1] as number]!;
        ctx.report({ file, path: [...path, ...a.path] }, t("rule.person/left-with-open-work.holder", { ...gone, copy: copy.copy, document: doc.id, version: copy.version, arg: shellArgument(doc.id) }));
      }
    }
    const config = ctx.repo.config;
    config?.value.departments.forEach((d, i) =>
      d.delegates?.forEach((id, j) => {
        const gone = left(id);
        if (gone) ctx.report({ file: config.file, path: ["departments", i, "delegates", j] }, t("rule.person/left-with-open-work.delegate", { ...gone, department: codeWithLabel(d.name, d.code), code: shellArgument(d.code), id: shellArgument(id) }));
      }),
    );
  },
};
