import { existsSync } from "node:fs";
import { isAbsolute, join, normalize } from "node:path";
import { closest, didYouMean, quotedId, shellArgument } from "../../../core/text.js";
import type { Repository } from "../../../load/repository.js";
import type { SourceFile } from "../../../load/source.js";
import { REPORT_SIGNER_ROLES, type Path, type TrainingSession } from "../../../model/types.js";
import { sameAuditReport } from "../../../model/process-audits.js";
import { numberKind } from "../../../model/numbering.js";
import { actionById } from "../../../model/actions.js";
import { suppliers } from "../../../model/suppliers.js";
import type { Foundation, Rule, RuleContext } from "../../rule.js";
import { list, sentences, t } from "../../../i18n/index.js";

/** Every reference resolves: departments, people (every field that names one), customers, source documents, documents, processes, attachments. */
export const rule: Rule = {
  id: "ref/unresolved",
  severity: "error",
  holdsForParts: true,
  scope: {
    files: "all",
    reads: (f) => {
      if (f.kind === "document") {
        const d = f.data;
        return [
          d.id,
          d.department,
          d.processes,
          d.related,
          d.forms,
          d.deviates_from,
          d.revisions?.map((r) => SIGNED.map((role) => r[role]).concat(r.countersigned ?? [])),
          d.revisions?.map((r) => r.actions),
          d.reviews?.map((r) => r.by),
          d.obsolete?.superseded_by,
          d.distribution?.map((c) => [c.to, c.holder, c.issued_by, c.returned_by, c.received_by, c.lost?.by, c.destroyed?.by, c.retained?.by]),
          d.training?.sessions?.map((s) => [s.people, s.trainer]),
        ];
      }
      if (f.kind === "customer") return [f.data.code, (f.data.sources ?? []).map((s) => [s.id, s.revisions.map((r) => [r.revision, r.file])])];
      const { customer, source, review, addressed, implementation, distribution, training, superseded } = f.data;
      return [
        customer,
        source,
        superseded?.by,
        review?.required,
        review?.opinions?.map((o) => [o.department, o.reviewer]),
        review?.record?.form,
        review?.decision?.by,
        review?.recorder?.by,
        review?.leader?.by,
        review?.confirmations?.map((c) => c.by),
        review?.history?.map((r) => [r.opinions?.map((o) => o.reviewer), r.decision?.by, r.record?.form, r.recorder?.by, r.leader?.by]),
        addressed?.map((a) => [a.document, a.pin?.by]),
        implementation?.owner,
        implementation?.verified,
        implementation?.history?.map((h) => h.verified?.by),
        distribution,
        training?.sessions?.map((s) => [s.people, s.trainer]),
      ];
    },
  },
  summary: "A reference names something that does not exist in the repository.",
  docs: {
    description:
      "A reference names something the repository does not have: a department code (qms.yaml, its departments that countersign a kind of document too; a document's `countersign_departments`; a customer source document's custodian), a person (people.yaml: wherever a person is named, as a signature of a revision — 编制, 审核, 会签, 标准化审查, 批准, 军代表 —, a periodic review and who carries out its conclusion (`owner`), an opinion or a decision of the current review round or of an earlier one in `review.history`, a confirmation, a link's `pin`, an implementation's owner or verifier, earlier ones included, a controlled copy's holder, who handed it out (`issued_by`), handed it back (`returned_by`) or took it back (`received_by`), who confirmed it lost or destroyed or stamped it 作废 to be kept (`retained`), who approved and who witnessed a batch of records' disposal, who was trained and who trained them, a department's delegate, a first article inspection's team and the 军代表 who attended it, who signed an edition of a register (register-editions.yaml)), a customer (a CSR's, a symbol table's, a form's customer retention period), a supplier (a corrective action asked of a supplier, a SCAR: an outside party of kind `supplier`), a customer's source document or revision, a document number (`related`, `forms`, `deviates_from`, a revision's `affected_documents`, `addressed`, `superseded_by`, a withdrawn form's `used_by`, a process's `documents`, the `document` a first article inspection was made to, the form of a CSR's review record), the CSR that replaces a superseded one (`superseded.by`), a corrective action record a revision carries out (its `actions`: an id written in another letter case than its record is answered with the record's spelling, as one register writes it), a process code (a first article inspection's `process` too), or an attached file. An attachment path must stay inside the repository. An outside party of `external_parties` (the 军代表室) may receive a controlled copy (`distribution[].to`) and be a person's `department`, but it is not a department anywhere else: it reviews no CSR, owns no document or process and receives no CSR. The message suggests the closest existing id — for a document number, the closest document of the kind its numbering family in `qms.yaml` gives it (or a form, in `forms`), never a procedure for a work instruction not added yet; a person written by name (commands take a name, a file only the id) is answered with the id of who has that name, a mistyped name with the nearest name and its id. A reference to a file that itself has errors is not reported again: fix that file first.",
    bad: `
related: [QP-001]   # Unknown document 'QP-001'
`,
    fix: "Correct the reference, or add the missing entity. For a document number the message names the commands: one that corrects it where a command writes it (`csr set <document> --remove-form`/`--remove-related`, `csr address <CSR> <number> --remove`), and `csr new <kind> --number <number>` to create it, with the kind of the numbering family of `qms.yaml` the number fits. A number close to one in use is most likely mistyped, and its correction comes first; otherwise most likely a document not written yet, and `csr new` comes first.",
  },
  check(ctx) {
    const { repo, index } = ctx;
    const refs = new References(ctx);
    const config = repo.config;
    if (config) config.value.csr?.reviewers?.forEach((d, i) => (typeof d === "string" ? refs.department(config.file, ["csr", "reviewers", i], d) : refs.department(config.file, ["csr", "reviewers", i, "department"], d.department)));
    if (config) {
      for (const [kind, entries] of Object.entries(config.value.document_control?.countersign ?? {})) {
        entries?.forEach((d, i) => (typeof d === "string" ? refs.department(config.file, ["document_control", "countersign", kind, i], d) : refs.department(config.file, ["document_control", "countersign", kind, i, "department"], d.department)));
      }
    }
    for (const { value, file, path } of repo.people) refs.department(file, [...path, "department"], value.department, true);
    for (const { value, file, path } of repo.processes) if (value.owner) refs.department(file, [...path, "owner"], value.owner);
    // A manufacturing process or product audit names the customer whose part it audited (csr process audited --customer).
    for (const { value, file, path } of repo.processes) value.audits?.forEach((a, i) => {
      if (typeof a?.customer === "string") refs.customer(file, [...path, "audits", i, "customer"], a.customer);
      else if (Array.isArray(a?.customer)) a.customer.forEach((c, j) => typeof c === "string" && refs.customer(file, [...path, "audits", i, "customer", j], c));
    });
    // The customers an audit is planned to sample (csr process plan): the same codes.
    for (const { value, file, path } of repo.processes) value.planned_audits?.forEach((a, i) => {
      if (typeof a?.customer === "string") refs.customer(file, [...path, "planned_audits", i, "customer"], a.customer);
      else if (Array.isArray(a?.customer)) a.customer.forEach((c, j) => typeof c === "string" && refs.customer(file, [...path, "planned_audits", i, "customer", j], c));
    });
    // Each entity's references are reported in its own file. A check reads every reference of every
    // entity and nearly all resolve: each is looked up first, and its path and message made only
    // when it does not resolve (the rule was a fifth of the rules' CPU, making them for every one).
    const { customers, departments, documents, processes } = index;
    const unvalidated = repo.unvalidated;
    const documentKnown = (id: string) => documents.has(id) || unvalidated.documents.has(id);
    for (const { value, file } of repo.documents) {
      if (!ctx.keeps(file)) continue;
      if (!departments.has(value.department)) refs.department(file, ["department"], value.department);
      value.countersign_departments?.forEach((d, i) => (typeof d === "string" ? refs.department(file, ["countersign_departments", i], d) : refs.department(file, ["countersign_departments", i, "department"], d.department)));
      const { processes: named, distribution } = value;
      if (named) for (let i = 0; i < named.length; i++) if (!processes.has(named[i]!) && !unvalidated.processes.has(named[i]!)) refs.process(file, ["processes", i], named[i]!);
      value.record?.retention_customer?.forEach((c, i) => refs.customer(file, ["record", "retention_customer", i, "customer"], c.customer));
      value.record?.batches?.forEach((b, i) => {
        if (b.department && !departments.has(b.department)) refs.department(file, ["record", "batches", i, "department"], b.department);
      });
      if (distribution) for (let i = 0; i < distribution.length; i++) refs.department(file, ["distribution", i, "to"], distribution[i]!.to, true);
      value.revisions?.forEach((r, i) => r.actions?.forEach((id, j) => refs.action(file, ["revisions", i, "actions", j], id)));
    }
    for (const { value: action, file } of repo.actions) {
      if (!ctx.keeps(file)) continue;
      if (action.customer) refs.customer(file, ["customer"], action.customer);
      if (action.supplier) refs.supplier(file, ["supplier"], action.supplier);
      if (action.process) refs.process(file, ["process"], action.process);
      // An audit's nonconformity is traced to the audit that raised it (IATF 16949 9.2.2.1, 10.2.1): an audit recorded for the process.
      const process = action.process === undefined ? undefined : processes.get(action.process)?.value;
      const report = action.audit_report;
      if (process && report && !(process.audits ?? []).some((a) => sameAuditReport(a.report, report))) {
        const recorded = (process.audits ?? []).map((a) => a.report);
        refs.missing(file, ["audit_report"], sentences(t("rule.ref/unresolved.action-audit", { report: quotedId(report), process: process.code }) + didYouMean(report, recorded), t("rule.ref/unresolved.action-audit-fix", { process: process.code, report })), ["processes.yaml"]);
      }
      action.read_across?.forEach((r, i) => {
        if (r.process) refs.process(file, ["read_across", i, "process"], r.process);
      });
    }
    // A 首件鉴定 names the process of processes.yaml it was made at (csr first-article add --process refuses another).
    for (const { value, file, path } of repo.firstArticles) if (typeof value.process === "string" && ctx.keeps(file) && !processes.has(value.process) && !unvalidated.processes.has(value.process)) refs.process(file, [...path, "process"], value.process);
    // A quality objective is set for a process of processes.yaml or a department (csr objective add --process|--department refuses another).
    for (const { value, file, path } of repo.objectives) {
      if (!ctx.keeps(file)) continue;
      if (typeof value.process === "string" && !processes.has(value.process) && !unvalidated.processes.has(value.process)) refs.process(file, [...path, "process"], value.process);
      if (typeof value.department === "string") refs.department(file, [...path, "department"], value.department);
    }
    for (const { value, file } of repo.customers) {
      if (!ctx.keeps(file)) continue;
      value.sources?.forEach((source, i) => {
        if (source.department) refs.department(file, ["sources", i, "department"], source.department);
        source.revisions.forEach((rev, j) => {
          if (rev.file) refs.attachment(file, ["sources", i, "revisions", j, "file"], rev.file);
        });
      });
    }
    for (const { value: csr, file } of repo.csrs) {
      if (!ctx.keeps(file)) continue;
      const customer = customers.get(csr.customer)?.value ?? refs.customer(file, ["customer"], csr.customer);
      if (customer) {
        const sources = customer.sources ?? [];
        const source = sources.find((s) => s.id === csr.source.document);
        if (!source) {
          refs.missing(file, ["source", "document"], sentences(t("rule.ref/unresolved.source", { customer: csr.customer, source: csr.source.document }) + didYouMean(csr.source.document, sources.map((s) => s.id)), t("rule.ref/unresolved.source-fix", { customer: csr.customer, source: csr.source.document })));
        } else if (!source.revisions.some((r) => r.revision === csr.source.revision)) {
          refs.missing(file, ["source", "revision"], t("rule.ref/unresolved.revision", { source: source.id, revision: csr.source.revision, known: list(source.revisions.map((r) => r.revision)), customer: csr.customer }));
        }
      }
      const review = csr.review;
      if (review) {
        const { required, opinions } = review;
        if (required) for (let i = 0; i < required.length; i++) if (!departments.has(required[i]!)) refs.department(file, ["review", "required", i], required[i]!);
        if (opinions) for (let i = 0; i < opinions.length; i++) if (!departments.has(opinions[i]!.department)) refs.department(file, ["review", "opinions", i, "department"], opinions[i]!.department);
      }
      // The distributions as model/distribution.ts csrDistributions lists them, read in place: a check reads every CSR's.
      const given = csr.distribution;
      if (Array.isArray(given)) {
        for (let d = 0; d < given.length; d++) {
          const to = given[d]!.departments;
          for (let i = 0; i < to.length; i++) if (!departments.has(to[i]!)) refs.department(file, ["distribution", d, "departments", i], to[i]!);
        }
      } else if (given) {
        const to = given.departments ?? [];
        for (let i = 0; i < to.length; i++) if (!departments.has(to[i]!)) refs.department(file, ["distribution", "departments", i], to[i]!);
      }
    }
    for (const { value, file, path } of repo.symbols) refs.customer(file, [...path, "customer"], value.customer);
    // qms.yaml's registers.forms are config/register-form's, which says more of them (a draft, an obsolete form).
    forEachDocumentReference(repo, (file, path, id, owner) => {
      if (path[0] !== "registers") refs.document(file, path, id, owner);
    }, (file) => ctx.keeps(file), documentKnown);
    forEachCsrReference(repo, (file, path, id) => {
      if (ctx.keeps(file)) refs.csr(file, path, id);
    });
    const { people } = index;
    forEachPersonReference(repo, (file) => ctx.keeps(file), (file, path, id) => refs.person(file, path, id), (id) => people.has(id) || unvalidated.people.has(id));
  },
};

/**
 * Every place a file names a CSR by its id, with its file and path: a superseded CSR's successor
 * (`superseded.by`) and the CSRs that govern a corrective action record (actions/, its `csr`). The one
 * list of them: this rule checks each resolves, `csr renumber` rewrites them when a CSR's id changes.
 */
export function forEachCsrReference(repo: Pick<Repository, "csrs" | "actions">, visit: (file: SourceFile, path: Path, id: string) => void): void {
  for (const { value: csr, file } of repo.csrs) if (csr.superseded?.by) visit(file, ["superseded", "by"], csr.superseded.by);
  for (const { value, file } of repo.actions) value.csr?.forEach((id, i) => visit(file, ["csr", i], id));
}

/**
 * Every place a file names a controlled document by its number, with its file, path and (where a
 * command corrects it: a document's `related`, `forms` and `deviates_from`, a CSR's `addressed`) the id of the
 * document or CSR that names it: qms.yaml's CSR review form (`csr.review_form`) and the forms its
 * registers are printed on (`registers.forms`), a process's `documents`, the document a 首件鉴定 was made to, a document's related
 * documents, forms, the documents it deviates from (`deviates_from`), the documents a 技术状态更改 affects (a revision's `affected_documents`), successor (`obsolete.superseded_by`) and a withdrawn form's users
 * (`obsolete.used_by`), a CSR's links (`addressed`) and the form of its review record, earlier
 * rounds' too. The one list of them: this rule (and config/register-form) check each resolves,
 * `csr renumber` of a document rewrites them. Text that mentions a number is no reference (it is
 * doc/cited-not-listed's). `keeps` limits documents and CSRs; `known`, when given, skips the
 * numbers it knows before their paths are made.
 */
export function forEachDocumentReference(
  repo: Pick<Repository, "config" | "processes" | "documents" | "csrs" | "actions" | "firstArticles">,
  visit: (file: SourceFile, path: Path, id: string, owner?: string) => void,
  keeps: (file: SourceFile) => boolean = () => true,
  known: (id: string) => boolean = () => false,
): void {
  const config = repo.config;
  if (config) {
    const form = config.value.csr?.review_form;
    if (form && !known(form)) visit(config.file, ["csr", "review_form"], form);
    for (const [register, number] of Object.entries(config.value.registers?.forms ?? {})) if (!known(number)) visit(config.file, ["registers", "forms", register], number);
  }
  for (const { value, file, path } of repo.processes) value.documents?.forEach((d, i) => known(d) || visit(file, [...path, "documents", i], d));
  for (const { value, file } of repo.documents) {
    if (!keeps(file)) continue;
    const { related, forms, obsolete } = value;
    if (related) for (let i = 0; i < related.length; i++) if (!known(related[i]!)) visit(file, ["related", i], related[i]!, value.id);
    if (forms) for (let i = 0; i < forms.length; i++) if (!known(forms[i]!)) visit(file, ["forms", i], forms[i]!, value.id);
    value.deviates_from?.forEach((d, i) => known(d) || visit(file, ["deviates_from", i], d, value.id));
    value.revisions?.forEach((r, i) => r.affected_documents?.forEach((d, j) => known(d) || visit(file, ["revisions", i, "affected_documents", j], d)));
    if (obsolete?.superseded_by && !known(obsolete.superseded_by)) visit(file, ["obsolete", "superseded_by"], obsolete.superseded_by);
    obsolete?.used_by?.forEach((u, i) => known(u.document) || visit(file, ["obsolete", "used_by", i, "document"], u.document));
  }
  for (const { value, file } of repo.actions) value.read_across?.forEach((r, i) => r.document === undefined || known(r.document) || visit(file, ["read_across", i, "document"], r.document));
  // The 工艺规程 or 图样 a 首件鉴定 was made to (first-articles.yaml `document`).
  for (const { value, file, path } of repo.firstArticles) if (typeof value.document === "string" && !known(value.document)) visit(file, [...path, "document"], value.document);
  for (const { value: csr, file } of repo.csrs) {
    if (!keeps(file)) continue;
    const { addressed, review } = csr;
    if (addressed) for (let i = 0; i < addressed.length; i++) if (!known(addressed[i]!.document)) visit(file, ["addressed", i, "document"], addressed[i]!.document, csr.id);
    if (review?.record?.form && !known(review.record.form)) visit(file, ["review", "record", "form"], review.record.form);
    review?.history?.forEach((round, j) => {
      if (round.record?.form && !known(round.record.form)) visit(file, ["review", "history", j, "record", "form"], round.record.form);
    });
  }
}

/**
 * Every place a file names a person, with its file and path: a department's delegate, the auditors of a
 * process's internal audits (processes.yaml `audits`) and its owner (`owner_person`), a quality objective's owner and who measured it (objectives.yaml), a 首件鉴定's team and 军代表 (first-articles.yaml), a management review's chair, attendees, output owners and approver (management-reviews.yaml), who signed an edition of a register (register-editions.yaml), the assessor of a level at a station (people.yaml `skills`), each signature
 * of a document's revisions, a periodic review (who reviewed, who carries out its conclusion), a controlled copy's holder and who issued, handed back,
 * took back, confirmed lost or destroyed or kept it, a CSR's opinions, decision, report signatures and
 * confirmations (earlier rounds too), a link's pin, an implementation's owner and verifiers, a CSR's
 * distribution, and who was trained and who trained them. The one list of them: this rule checks each
 * resolves, `csr person remove` refuses a person any of them names. `keeps` limits documents and CSRs;
 * `known`, when given, may skip the ids it knows before their paths are made (this rule: a check visits
 * every person named in the repository, nearly all of whom exist).
 */
export function forEachPersonReference(repo: Repository, keeps: (file: SourceFile) => boolean, visit: (file: SourceFile, path: Path, id: string) => void, known: (id: string) => boolean = () => false): void {
  const config = repo.config;
  config?.value.departments.forEach((d, i) => d.delegates?.forEach((p, j) => visit(config.file, ["departments", i, "delegates", j], p)));
  for (const { value, file, path } of repo.processes) {
    value.audits?.forEach((a, i) => (["by", "trainees", "experts"] as const).forEach((role) => a[role]?.forEach((p, j) => known(p) || visit(file, [...path, "audits", i, role, j], p))));
  }
  // The process owner top management assigned (IATF 16949 5.3.1, csr process update --owner-person).
  for (const { value, file, path } of repo.processes) if (typeof value.owner_person === "string" && !known(value.owner_person)) visit(file, [...path, "owner_person"], value.owner_person);
  // A quality objective's owner and who measured each period (objectives.yaml `owner`, `measurements[].by`).
  for (const { value, file, path } of repo.objectives) {
    if (typeof value.owner === "string" && !known(value.owner)) visit(file, [...path, "owner"], value.owner);
    value.measurements?.forEach((m, i) => typeof m?.by !== "string" || known(m.by) || visit(file, [...path, "measurements", i, "by"], m.by));
  }
  for (const { value, file, path } of repo.processes) value.planned_audits?.forEach((a, i) => a.by?.forEach((p, j) => known(p) || visit(file, [...path, "planned_audits", i, "by", j], p)));
  // Who assessed a level at a station (多能工矩阵, csr qualify): the record's signature.
  for (const { value, file, path } of repo.people) value.skills?.forEach((r, i) => typeof r?.by === "string" && !known(r.by) && visit(file, [...path, "skills", i, "by"], r.by));
  for (const { value, file } of repo.actions) {
    if (!known(value.owner)) visit(file, ["owner"], value.owner);
    for (const [step, entry] of Object.entries(value.steps ?? {}) as [string, { by?: string; verified_by?: string }][]) {
      if (entry.by && !known(entry.by)) visit(file, ["steps", step, "by"], entry.by);
      if (entry.verified_by && !known(entry.verified_by)) visit(file, ["steps", step, "verified_by"], entry.verified_by);
    }
    value.read_across?.forEach((r, i) => known(r.by) || visit(file, ["read_across", i, "by"], r.by));
  }
  // A 首件鉴定's team and the 军代表 who attended (first-articles.yaml `members`, `military_representative`).
  for (const { value, file, path } of repo.firstArticles) {
    if (Array.isArray(value.members)) value.members.forEach((p, j) => typeof p !== "string" || known(p) || visit(file, [...path, "members", j], p));
    const military = value.military_representative;
    if (typeof military === "string" && !known(military)) visit(file, [...path, "military_representative"], military);
  }
  // A management review's chair, attendees, the owners of its outputs and who approved it (management-reviews.yaml).
  for (const { value, file, path } of repo.managementReviews) {
    for (const role of ["chair", "approved_by"] as const) if (typeof value[role] === "string" && !known(value[role])) visit(file, [...path, role], value[role]);
    if (Array.isArray(value.attendees)) value.attendees.forEach((p, j) => typeof p !== "string" || known(p) || visit(file, [...path, "attendees", j], p));
    value.outputs?.forEach((o, j) => typeof o.owner !== "string" || known(o.owner) || visit(file, [...path, "outputs", j, "owner"], o.owner));
  }
  // Who signed an edition of a register (register-editions.yaml `signatures[].by`, 编制/审核/批准; csr register sign, GJB 9001C 7.5.3).
  for (const { value, file, path } of repo.registerEditions) {
    if (Array.isArray(value.signatures)) value.signatures.forEach((s, j) => typeof s?.by !== "string" || known(s.by) || visit(file, [...path, "signatures", j, "by"], s.by));
  }
  const training = (file: SourceFile, sessions: readonly TrainingSession[] | undefined) => {
    if (!sessions) return;
    for (let i = 0; i < sessions.length; i++) {
      const { people = [], trainer } = sessions[i]!;
      for (let j = 0; j < people.length; j++) if (!known(people[j]!)) visit(file, ["training", "sessions", i, "people", j], people[j]!);
      if (trainer && !known(trainer)) visit(file, ["training", "sessions", i, "trainer"], trainer);
    }
  };
  for (const { value, file } of repo.documents) {
    if (!keeps(file)) continue;
    const revisions = value.revisions;
    if (revisions) {
      for (let i = 0; i < revisions.length; i++) {
        const rev = revisions[i]!;
        for (let r = 0; r < SIGNED.length; r++) {
          const role = SIGNED[r]!;
          const signature = rev[role];
          if (signature && !known(signature.by)) visit(file, ["revisions", i, role, "by"], signature.by);
        }
        const countersigned = rev.countersigned;
        if (countersigned) for (let j = 0; j < countersigned.length; j++) if (!known(countersigned[j]!.by)) visit(file, ["revisions", i, "countersigned", j, "by"], countersigned[j]!.by);
      }
    }
    const reviews = value.reviews;
    if (reviews) {
      for (let i = 0; i < reviews.length; i++) {
        const { by, owner } = reviews[i]!;
        if (!known(by)) visit(file, ["reviews", i, "by"], by);
        // Who carries out a 需修订 / 拟作废 conclusion (责任人, csr periodic-review --owner): a person like the reviewer (tester71 Q7).
        if (owner !== undefined && !known(owner)) visit(file, ["reviews", i, "owner"], owner);
      }
    }
    const distribution = value.distribution;
    if (distribution) {
      for (let i = 0; i < distribution.length; i++) {
        const copy = distribution[i]!;
        if (copy.holder && !known(copy.holder)) visit(file, ["distribution", i, "holder"], copy.holder);
        for (let r = 0; r < COPY_ROLES.length; r++) {
          const person = copy[COPY_ROLES[r]!];
          if (person && !known(person)) visit(file, ["distribution", i, COPY_ROLES[r]!], person);
        }
        for (let e = 0; e < COPY_ENDS.length; e++) {
          const end = copy[COPY_ENDS[e]!];
          if (end && !known(end.by)) visit(file, ["distribution", i, COPY_ENDS[e]!, "by"], end.by);
        }
      }
    }
    training(file, value.training?.sessions);
    for (const signer of ["approved_by", "military_representative"] as const) {
      const person = value.obsolete?.[signer];
      if (person && !known(person)) visit(file, ["obsolete", signer], person);
    }
    value.record?.batches?.forEach(({ disposal }, i) => {
      if (disposal && !known(disposal.approved_by)) visit(file, ["record", "batches", i, "disposal", "approved_by"], disposal.approved_by);
      if (disposal?.witness && !known(disposal.witness)) visit(file, ["record", "batches", i, "disposal", "witness"], disposal.witness);
    });
  }
  for (const { value: csr, file } of repo.csrs) {
    if (!keeps(file)) continue;
    const review = csr.review;
    if (review) {
      const { opinions, decision } = review;
      if (opinions) for (let i = 0; i < opinions.length; i++) if (!known(opinions[i]!.reviewer)) visit(file, ["review", "opinions", i, "reviewer"], opinions[i]!.reviewer);
      if (decision && !known(decision.by)) visit(file, ["review", "decision", "by"], decision.by);
      for (let r = 0; r < REPORT_SIGNER_ROLES.length; r++) {
        const role = REPORT_SIGNER_ROLES[r]!;
        const signer = review[role];
        if (signer && !known(signer.by)) visit(file, ["review", role, "by"], signer.by);
      }
      const confirmations = review.confirmations;
      if (confirmations) for (let i = 0; i < confirmations.length; i++) if (!known(confirmations[i]!.by)) visit(file, ["review", "confirmations", i, "by"], confirmations[i]!.by);
      review.history?.forEach((round, j) => {
        round.opinions?.forEach((o, i) => {
          if (!known(o.reviewer)) visit(file, ["review", "history", j, "opinions", i, "reviewer"], o.reviewer);
        });
        if (round.decision && !known(round.decision.by)) visit(file, ["review", "history", j, "decision", "by"], round.decision.by);
        for (const role of REPORT_SIGNER_ROLES) if (round[role] && !known(round[role].by)) visit(file, ["review", "history", j, role, "by"], round[role].by);
      });
    }
    const addressed = csr.addressed;
    if (addressed) {
      for (let i = 0; i < addressed.length; i++) {
        const by = addressed[i]!.pin?.by;
        if (by && !known(by)) visit(file, ["addressed", i, "pin", "by"], by);
      }
    }
    const implementation = csr.implementation;
    if (implementation) {
      if (implementation.owner && !known(implementation.owner)) visit(file, ["implementation", "owner"], implementation.owner);
      const verified = implementation.verified;
      if (verified && !known(verified.by)) visit(file, ["implementation", "verified", "by"], verified.by);
      implementation.history?.forEach((h, i) => {
        if (h.verified && !known(h.verified.by)) visit(file, ["implementation", "history", i, "verified", "by"], h.verified.by);
      });
    }
    // Only a list of distributions names who distributed (model/distribution.ts csrDistributions).
    const distributions = csr.distribution;
    if (Array.isArray(distributions)) {
      for (let i = 0; i < distributions.length; i++) {
        const by = distributions[i]!.by;
        if (by && !known(by)) visit(file, ["distribution", i, "by"], by);
      }
    }
    training(file, csr.training?.sessions);
  }
}

/** Who handed a controlled copy out, back and took it back; how a copy ended, with who confirmed it. */
/**
 * How to correct a document number where a command writes it: a document's `forms`, `related` and
 * `deviates_from` (csr set), a CSR's `addressed` (csr address); an empty string (the number is edited in the file)
 * elsewhere. `owner` is the id of the document or CSR that names it. It begins with its own separator,
 * to follow "correct the number".
 */
function correction(file: SourceFile, path: Path, id: string, owner: string | undefined): string {
  if (owner === undefined) return "";
  const args = { owner: shellArgument(owner), id: shellArgument(id) };
  if (file.kind === "document" && path.length === 2 && path[0] === "forms") return t("rule.ref/unresolved.document-how-forms", args);
  if (file.kind === "document" && path.length === 2 && path[0] === "related") return t("rule.ref/unresolved.document-how-related", args);
  if (file.kind === "document" && path.length === 2 && path[0] === "deviates_from") return t("rule.ref/unresolved.document-how-deviates-from", args);
  if (file.kind === "csr" && path[0] === "addressed") return t("rule.ref/unresolved.document-how-addressed", args);
  return "";
}

const COPY_ROLES = ["issued_by", "returned_by", "received_by"] as const;
const COPY_ENDS = ["lost", "destroyed", "retained"] as const;

/** The signatures of a revision that name one person (会签 is a list of them). */
const SIGNED = ["prepared", "reviewed", "standardization", "approved", "military_representative"] as const;

class References {
  constructor(private readonly ctx: RuleContext) {}

  missing(file: SourceFile, path: Path, message: string, dependsOn?: readonly Foundation[]): void {
    this.ctx.report({ file, path }, message, undefined, dependsOn);
  }

  /** A department's code; with `party`, an outside party's too (a copy's recipient, a person's unit). */
  department(file: SourceFile, path: Path, code: string, party = false): void {
    const { departments, parties } = this.ctx.index;
    if (departments.has(code) || (party && parties.has(code))) return;
    const outside = parties.get(code);
    if (outside) {
      this.missing(file, path, t("rule.ref/unresolved.party-not-department", { code: quotedId(code), name: outside.name }), ["qms.yaml"]);
      return;
    }
    const known = party ? [...departments.keys(), ...parties.keys()] : departments.keys();
    this.missing(file, path, sentences(t("rule.ref/unresolved.department", { code: quotedId(code) }) + didYouMean(code, known), t("rule.ref/unresolved.department-fix")), ["qms.yaml"]);
  }

  /**
   * A person's id. Commands take a name too (`--reviewer 刘志明`) but a file holds the id: a name
   * written by hand is answered with the id(s) of who has it, and a mistyped name with the nearest
   * name and its id, before the nearest id.
   */
  person(file: SourceFile, path: Path, id: string): void {
    const known = this.ctx.index.people;
    if (known.has(id) || this.ctx.repo.unvalidated.people.has(id)) return;
    const people = [...known.values()].map((p) => p.value);
    const named = people.filter((p) => p.name === id || p.name_en === id);
    if (named.length > 0) {
      const ids = named.map((p) => p.id);
      this.missing(file, path, sentences(t("rule.ref/unresolved.person-by-name", { name: quotedId(id), ids: list(ids), count: ids.length }), t("rule.ref/unresolved.person-by-name-fix", { id: ids[0]!, name: id })), ["people.yaml"]);
      return;
    }
    const byName = new Map<string, string>();
    for (const p of people) for (const n of [p.name, p.name_en]) if (n && !byName.has(n)) byName.set(n, p.id);
    const name = closest(id, byName.keys());
    const hint = name ? t("common.sentence-separator") + t("rule.ref/unresolved.person-near-name", { name, id: byName.get(name)! }) : didYouMean(id, known.keys());
    this.missing(file, path, sentences(t("rule.ref/unresolved.person", { id: quotedId(id) }) + hint, t("rule.ref/unresolved.person-fix")), ["people.yaml"]);
  }

  /**
   * A document's number. The suggestion is a document of the kind the number is (its numbering family
   * in qms.yaml, else a form where `forms` names it): a work instruction the repository lacks yet is
   * not answered with the procedure one letter away (tester51 #13).
   */
  document(file: SourceFile, path: Path, id: string, owner?: string): void {
    const { index, repo } = this.ctx;
    if (index.documents.has(id) || repo.unvalidated.documents.has(id)) return;
    const family = numberKind(id, repo.config?.value.numbering ?? []);
    const kind = family ?? (path[0] === "forms" ? "form" : undefined);
    const candidates = kind === undefined ? index.documents.keys() : [...index.documents.values()].filter((d) => d.value.kind === kind).map((d) => d.value.id);
    const near = didYouMean(id, candidates);
    const command = `'csr new ${family ?? "<kind>"} --number ${shellArgument(id)} --title … --department …'`;
    const how = correction(file, path, id, owner);
    // Close to a number in use: most likely mistyped. Else most likely a document not written yet.
    const fix = near !== "" ? t("rule.ref/unresolved.document-correct", { how, command }) : t(family ? "rule.ref/unresolved.document-new" : "rule.ref/unresolved.document-new-no-family", { how, command });
    this.missing(file, path, sentences(t("rule.ref/unresolved.document", { id: quotedId(id) }) + near, fix));
  }

  /** A corrective action record (actions/) named by a revision that carries it out. */
  action(file: SourceFile, path: Path, id: string): void {
    const { index, repo } = this.ctx;
    if (index.actions.has(id) || repo.unvalidated.actions.has(id)) return;
    // The record exists, its id written in another letter case (8d-2026-001): the register writes it one way, as the record does.
    const recorded = actionById(index.actions.values(), id);
    if (recorded) {
      this.missing(file, path, sentences(t("rule.ref/unresolved.action-case", { id: quotedId(id), recorded: recorded.value.id, path: recorded.file.path }), t("rule.ref/unresolved.action-case-fix", { recorded: recorded.value.id })));
      return;
    }
    this.missing(file, path, sentences(t("rule.ref/unresolved.action", { id: quotedId(id) }) + didYouMean(id, index.actions.keys()), t("rule.ref/unresolved.action-fix", { id })));
  }

  /** A CSR named by another (`superseded.by`, the one that replaces it) or by a corrective action record it governs (`csr`). */
  csr(file: SourceFile, path: Path, id: string): void {
    const { index, repo } = this.ctx;
    if (index.csrs.has(id) || repo.unvalidated.csrs.has(id)) return;
    const fix = file.kind === "action" ? t("rule.ref/unresolved.action-csr-fix") : t("rule.ref/unresolved.csr-fix");
    this.missing(file, path, sentences(t("rule.ref/unresolved.csr", { id: quotedId(id) }) + didYouMean(id, index.csrs.keys()), fix));
  }

  process(file: SourceFile, path: Path, code: string): void {
    const known = this.ctx.index.processes;
    if (!known.has(code) && !this.ctx.repo.unvalidated.processes.has(code)) this.missing(file, path, sentences(t("rule.ref/unresolved.process", { code: quotedId(code) }) + didYouMean(code, known.keys()), t("rule.ref/unresolved.process-fix", { code })));
  }

  customer(file: SourceFile, path: Path, code: string) {
    const found = this.ctx.index.customers.get(code);
    if (!found && !this.ctx.repo.unvalidated.customers.has(code)) {
      this.missing(file, path, sentences(t("rule.ref/unresolved.customer", { code: quotedId(code) }) + didYouMean(code, this.ctx.index.customers.keys()), t("rule.ref/unresolved.customer-fix", { code })));
    }
    return found?.value;
  }

  supplier(file: SourceFile, path: Path, code: string): void {
    const all = suppliers(this.ctx.repo);
    if (!all.some((s) => s.code === code)) this.missing(file, path, sentences(t("rule.ref/unresolved.supplier", { code: quotedId(code) }) + didYouMean(code, all.map((s) => s.code)), t("rule.ref/unresolved.supplier-fix", { code })));
  }

  attachment(file: SourceFile, path: Path, relative: string): void {
    const normal = normalize(relative);
    if (isAbsolute(relative) || normal.startsWith("..")) {
      this.missing(file, path, t("rule.ref/unresolved.attachment-outside", { path: relative }));
    } else if (!existsSync(join(this.ctx.repo.root, normal))) {
      this.missing(file, path, t("rule.ref/unresolved.attachment-missing", { path: relative }));
    }
  }
}
