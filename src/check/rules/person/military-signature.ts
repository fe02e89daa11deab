import { t } from "../../../i18n/index.js";
import { personWithId } from "../../../i18n/values.js";
import { departmentLabel, processLabel } from "../../../model/labels.js";
import { isMilitaryRepresentative, militaryParties } from "../../../model/index.js";
import { csrWork, documentWork, type PersonWork } from "../../../model/person-work.js";
import { describe } from "../../../model/recorded-events.js";
import type { SourceFile } from "../../../load/source.js";
import type { Path } from "../../../model/types.js";
import type { Rule } from "../../rule.js";
import { recordedAudits } from "../process/audits.js";

/**
 * GJB 9001C 5.3 / 7.5.2 (the organisation's own people prepare, review and approve its documents)
 * and 8.2.3 (the customer takes part in the review): the 军代表 of the military representative office
 * (qms.yaml external_parties of kind military-representative) is the customer's representative, who
 * signs only as 军代表, and only he signs so; nor does he review the organisation's documents
 * periodically (7.5.2/7.5.3), give its training or attend it (7.2), nor audit its processes (9.2: the
 * organisation's internal audit is by its own auditors; tester62 N3, breaker62 P3). `csr person add|update`,
 * `csr release`, `csr sign`, `csr review`, `csr periodic-review`, `csr train` and `csr process audited`
 * refuse the rest; this finds it in files written by hand.
 */
export const rule: Rule = {
  id: "person/military-signature",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "A 军代表 holds a role of the organisation, signs other than as 军代表, reviews a document periodically, gives or attends training, audits a process or is of a 首件鉴定组, or someone else signs as 军代表.",
  dependsOn: ["people.yaml", "qms.yaml", "processes.yaml"],
  docs: {
    description:
      "In a repository with a military representative office (an entry of `external_parties` in `qms.yaml` with `kind: military-representative`), its people are the customer's military representatives (军代表), not members of the organisation. Reported: such a person with `roles` in `people.yaml`; a revision signature (编制, 审核, 会签, 标准化审查, 批准) or a CSR opinion, decision, confirmation or review report signature (记录, 评审组长) in the name of such a person; a periodic review of a document (`reviews`) or a training session (`training.sessions`, as trainer or among its `people`) in the name of such a person, since the organisation reviews its own documents and does not train the military representative office; an internal audit of a process (`audits` in `processes.yaml`, `by`) in the name of such a person, since the organisation's own auditors audit it internally ({{cite:audit-programme}}); such a person among the 首件鉴定组 of a first article inspection (`members` in `first-articles.yaml`), who attends it as the 军代表 (`military_representative`) instead; and a 军代表 signature (`military_representative` of a revision, of a review report or of a first article inspection) in the name of someone who is not of the office. A signature in the wrong name misstates who approved the document or reviewed the requirement ({{cite:document-approval}}; {{cite:requirements-review}}).",
    bad: `
  - {id: liujd, name: 刘军代, department: MRO, title: 军代表, roles: [reviewer]}   # MRO: kind military-representative
`,
    good: `
  - {id: liujd, name: 刘军代, department: MRO, title: 军代表, roles: []}
`,
    fix: "Remove the roles of the 军代表 (`csr person update <id> --roles ''`), record each signature in the name of the person who signed in that capacity, give the 军代表's signature with `--military-representative` (`csr release`, `csr sign`, `csr review`), record a periodic review in the name of the organisation's reviewer, an internal audit in the names of the organisation's auditors who made it, and remove the 军代表 from training records.",
  },
  check(ctx) {
    const offices = militaryParties(ctx.index);
    if (offices.length === 0) return;
    const officeNames = offices.map((o) => departmentLabel(ctx.index, o.code)).join(t("rule.person/military-signature.separator"));
    for (const { value: person, file, path } of ctx.index.people.values()) {
      if (person.roles.length === 0 || !isMilitaryRepresentative(ctx.index, person)) continue;
      ctx.report({ file, path: [...path, "roles"] }, t("rule.person/military-signature.roles", { who: personWithId(person), office: departmentLabel(ctx.index, person.department) }));
    }
    const report = (file: SourceFile, path: Path, work: PersonWork[]) => {
      for (const w of work) {
        // A periodic review and a training session are the organisation's own: no 军代表 in them.
        const own = w.path[0] === "reviews" ? "periodic-review" : w.path[0] === "training" ? (w.as === "trainer" ? "trainer" : "trainee") : undefined;
        if (!own && w.path[0] !== "revisions" && w.path[0] !== "review") continue;
        const person = ctx.index.people.get(w.person)?.value;
        if (!person) continue;
        if (own) {
          if (isMilitaryRepresentative(ctx.index, person)) ctx.report({ file, path: [...path, ...w.path] }, t(`rule.person/military-signature.${own}`, { who: personWithId(person), what: describe(w.what), date: w.date, office: departmentLabel(ctx.index, person.department) }));
          continue;
        }
        const asMilitary = w.path.includes("military_representative");
        const military = isMilitaryRepresentative(ctx.index, person);
        if (asMilitary === military) continue;
        const data = { who: personWithId(person), what: describe(w.what), date: w.date, office: military ? departmentLabel(ctx.index, person.department) : officeNames };
        ctx.report({ file, path: [...path, ...w.path] }, t(military ? "rule.person/military-signature.other-role" : "rule.person/military-signature.not-military", data));
      }
    };
    // GJB 9001C 9.2: the organisation audits itself; the 军代表 audits it as the customer, not in its internal audit.
    for (const { process, audit, file, path } of recordedAudits(ctx)) {
      (audit.by ?? []).forEach((id, j) => {
        const person = ctx.index.people.get(id)?.value;
        if (!person || !isMilitaryRepresentative(ctx.index, person)) return;
        ctx.report({ file, path: [...path, "by", j] }, t("rule.person/military-signature.auditor", { who: personWithId(person), process: processLabel(process), date: audit.date, report: audit.report, office: departmentLabel(ctx.index, person.department) }));
      });
    }
    // GJB 908A, GJB 9001C 8.5.1: the 首件鉴定组 is the organisation's; the 军代表 attends as such (csr first-article add refuses both).
    for (const { value: record, file, path } of ctx.repo.firstArticles) {
      if (Array.isArray(record.members)) record.members.forEach((id, j) => {
        const person = typeof id === "string" ? ctx.index.people.get(id)?.value : undefined;
        if (person && isMilitaryRepresentative(ctx.index, person)) ctx.report({ file, path: [...path, "members", j] }, t("rule.person/military-signature.first-article-member", { who: personWithId(person), id: record.id, date: record.date, office: departmentLabel(ctx.index, person.department) }));
      });
      const military = typeof record.military_representative === "string" ? ctx.index.people.get(record.military_representative)?.value : undefined;
      if (military && !isMilitaryRepresentative(ctx.index, military)) ctx.report({ file, path: [...path, "military_representative"] }, t("rule.person/military-signature.first-article-not-military", { who: personWithId(military), id: record.id, date: record.date, office: officeNames }));
    }
    for (const { value, file, path } of ctx.index.csrs.values()) report(file, path, csrWork(value));
    for (const { value, file, path } of ctx.index.documents.values()) report(file, path, documentWork(value));
  },
};
