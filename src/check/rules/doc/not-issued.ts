import { shellArgument } from "../../../core/text.js";
import { list, t } from "../../../i18n/index.js";
import { departmentLabel } from "../../../model/labels.js";
import { formUsers, recordsIssues, unitsOfUse, unitsWithoutCopy, versionNotIssued, withEdition } from "../../../model/distribution.js";
import type { Rule } from "../../rule.js";
import type { AddressedIn } from "../../../model/types.js";

/**
 * IATF 16949 7.5.3.2.1 / GJB 9001C 7.5.3 (tester55 C2): a document in force is available where it is
 * used. A released manual, procedure or work instruction whose version in force has neither a
 * controlled copy out nor an electronic issue (csr distribute --electronic) reached nobody, as far as
 * the record shows: "受控副本 无" cannot be told from "on OA" or "never issued". A released form too when it is used
 * at a point of use (model/distribution.ts formAtPointOfUse: named by such a document, or its records kept on the
 * shop floor): the blank filled in at the station is the version in force only if it was issued there (IATF 16949
 * 7.5.3.2, ISO 9001 7.5.3.2 a; tester82 A17).
 */
export const rule: Rule = {
  id: "doc/not-issued",
  severity: "warning",
  clock: true,
  // A document's own issue records, and of each CSR where it is addressed, whether it is in force and where it went.
  scope: {
    files: "all",
    reads: (f) =>
      f.kind === "csr"
        ? [f.data.id, f.data.superseded !== undefined, (f.data.addressed ?? []).map((a) => a.document), f.data.distribution]
        : f.kind === "document"
          ? [f.data.id, f.data.status, f.data.level, f.data.kind, f.data.department, f.data.effective, f.data.revisions, f.data.external, f.data.distribution, f.data.electronic_issue, f.data.forms, f.data.record?.location]
          : null,
  },
  summary: "A released manual, procedure, work instruction or form in use has no controlled copy and no electronic issue of its version in force.",
  docs: {
    description:
      "A released document of level 1 to 3 (manual, procedure, work instruction; external documents of those levels too) is in force on the day (its 生效日期 has come), and no controlled copy of its version in force is out and no electronic issue of that version is recorded (`distribution`, `electronic_issue`): as far as the record shows, nobody has the version in force at the place of use ({{cite:document-control}}). The message names the departments that use it: the owning department, those that held copies of an earlier version or were given an earlier version electronically, and those the customer-specific requirements it addresses (`addressed` of a CSR not superseded) were distributed to. Reported only in a repository that records controlled copies or electronic issues of some document: one that records none keeps its distribution elsewhere. A unit left without the version in force after holding the previous one is `doc/no-copy-in-force`, not this. A version 待实施 is not reported until it takes effect.\n\nA released form (level 4) is reported the same way when it is used at a point of use: named under `forms` by a released manual, procedure or work instruction, or its records kept on the shop floor (`record.location` names a 车间, 产线, 工位, 工序, 现场 or an operation such as OP30). The blank filled in at the station is the version in force only if it reached the station. A form handed out with a document that names it — that document's copy or electronic issue in force dated on or after the form's version took effect — is issued with it; a form revised alone after (a new column for an 8D) needs an issue of its own. One finding per form, naming the documents that use it (or where it is filled in) and their departments. A form used by no such document and kept in an office (a register filled in where it is kept) is not reported, nor one a document that uses it is reported for: the form goes out with it.",
    bad: `
id: QP-014
title: 特殊特性管理程序
level: 2
kind: procedure
department: QA
status: released
revisions:
  - version: A/1
    date: 2025-03-10   # nothing issued of A/1, on paper or on OA
`,
    good: `
electronic_issue:
  - {version: A/1, to: [QA, MKT], date: 2025-03-10, system: OA, issued_by: wang}
`,
    fix: "Record how the version in force was issued: paper copies with `csr distribute QP-014 --to QA MKT` (a form's blank to the station: `csr distribute HH-F-052 --to PRD --location \"扣压线 OP30\"`), or read-only on the OA system with `csr distribute QP-014 --electronic --to QA MKT --system OA --date <发放日期>` (the message gives both with the departments); a company that issues every release on OA sets `document_control.electronic_issue` in qms.yaml and `csr release` records it. A document that is never issued on purpose: set `doc/not-issued: off` under `rules` in qms.yaml.",
  },
  check(ctx) {
    const documents = [...ctx.index.documents.values()];
    // A repository that records no issue at all keeps its distribution elsewhere: every document would be reported.
    if (!recordsIssues(documents.map(({ value }) => value))) return;
    const today = ctx.options.today;
    const users = formUsers(documents.map(({ value }) => value));
    for (const { value: doc, file } of documents) {
      const usedBy = doc.kind === "form" ? (users.get(doc.id) ?? []) : [];
      const bare = versionNotIssued(doc, today, usedBy);
      // A unit that held the previous version and has nothing of this one is doc/no-copy-in-force's (one root cause, one finding).
      if (!bare || unitsWithoutCopy(doc, today)) continue;
      // A form whose procedure is itself not issued goes out with it: that document's finding is the one to act on.
      if (usedBy.some((user) => versionNotIssued(user, today) !== undefined)) continue;
      const { version, since } = bare;
      // Every released manual, procedure and instruction is used somewhere (IATF 16949 7.5.3.2.1); of one through which a
      // customer requirement is met, the departments the CSR went to use it too.
      // A link made to text only the draft of the next revision has (pin.draft) is not to the version in force.
      const inForce = (a: AddressedIn) => a.document === doc.id && !(doc.revising !== undefined && a.pin?.draft === true);
      const csrs = [...ctx.index.csrs.values()].map(({ value }) => value).filter((csr) => !csr.superseded && (csr.addressed ?? []).some(inForce));
      // A form is used where the documents that name it are: their departments too.
      const units = [...new Set([...unitsOfUse(doc, csrs), ...usedBy.map((user) => user.department)])];
      const revisions = doc.revisions ?? [];
      const codes = units.join(" ");
      const data = { document: withEdition(doc.id, version), since, units: list(units.map((u) => departmentLabel(ctx.index, u))), users: list(usedBy.map((user) => user.id)), location: doc.record?.location ?? "", paper: `csr distribute ${shellArgument(doc.id)} --to ${codes}`, electronic: `csr distribute ${shellArgument(doc.id)} --electronic --to ${codes}` };
      const key = doc.kind !== "form" ? "rule.doc/not-issued" : usedBy.length > 0 ? "rule.doc/not-issued.form" : "rule.doc/not-issued.form-location";
      ctx.report({ file, path: revisions.length > 0 ? ["revisions", revisions.length - 1, "version"] : ["status"] }, t(key, data));
    }
  },
};
