/**
 * `csr import … --prepared <person> --reviewed <person> --approved <person> [--countersigned …]
 * [--standardization …] [--military-representative …] [--date …]`: the signatures of the paper
 * originals, recorded on every released document the register brings in. A real 程序文件一览表 seldom
 * has 编制/审核/批准 columns, nor a GJB register 会签/标准化审查/军代表 ones (csr's own has), yet one person
 * prepared, reviewed and approved the whole set of procedures: this is `csr sign` for all of them at
 * once (the same options, SignatureFlags, and the same checks: people in people.yaml, their roles,
 * segregation of duties, dates not after the revision), before anything is written.
 */
import { list, t } from "../../i18n/index.js";
import type { PlannedFile } from "../../import/plan.js";
import type { Repository } from "../../load/repository.js";
import { UserError } from "../../core/errors.js";
import { buildIndex, type RepoIndex } from "../../model/index.js";
import type { ControlledDocument, Person, Revision, Signature } from "../../model/types.js";
import { refuseGjbSharedDuties, refuseSharedDuties, type SignatureFlags } from "../release/index.js";
import { givenNames, refuseLeftSigners, refuseSignaturesOn, resolveSigners, ROLES, signatureDates, type SigningRole } from "../sign/index.js";
import { personLabel, resolvePerson } from "../shared/people.js";

/** What the signature options did to the planned files, for the import report. */
export interface ImportSignatures {
  /** Ids of the documents signed. */
  signed: string[];
  /** "编制 张三（zhang） 2023-03-01", one per signature given. */
  signatures: string[];
  /** A signature the register gives itself, kept: "QX/QP-001（编制）". */
  kept: string[];
  /**
   * What makes a recorded signature doubtful against the paper original (tester76 M11; IATF 16949 7.5.3, GJB 9001C
   * 7.5.2): a signer who joined after the date of a version signed (one line per signer, naming the versions), and
   * signatures recorded without a date (no --date). Said, not refused: the paper original may show a signer whose
   * people.yaml entry was made later.
   */
  doubts: string[];
}

/**
 * Segregation of duties on one document's revision as it will be: the signatures its register row
 * gives (kept) weigh with those the options add, as `csr sign` weighs those already recorded (a
 * register's 编制 张三 makes --countersigned 张三 the preparer's own 会签). The refusal names the document.
 */
function refuseSharedDutiesWithRegister(index: RepoIndex, doc: ControlledDocument, revision: Revision, signers: Map<SigningRole, Person[]>): void {
  const person = (role: Exclude<SigningRole, "countersigned">): Person | undefined => {
    const by = revision[role]?.by;
    return by === undefined ? signers.get(role)?.[0] : index.people.get(by)?.value;
  };
  const countersigned = revision.countersigned ? revision.countersigned.flatMap((s) => index.people.get(s.by)?.value ?? []) : (signers.get("countersigned") ?? []);
  try {
    refuseSharedDuties(person("prepared"), person("reviewed"), person("approved"));
    refuseGjbSharedDuties(person("prepared"), person("approved"), person("standardization"), person("military_representative"), countersigned);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(t("import.signatures.refused", { id: doc.id, reason: error.message }), error.hint);
  }
}

/**
 * Records the signatures the flags give on each released document of `files` (their last, imported
 * revision; drafts are signed by `csr release`), where the register gives none: a signature the
 * register has is the original's and is kept. Changes `files` in place; undefined when no signature
 * option is given.
 * Errors: UserError, before anything is written, as `csr sign` refuses them (resolveSigners,
 * refuseSignaturesOn): a person not in people.yaml (with did-you-mean), a reviewer, approver or
 * standardization checker without that role, a 军代表 in another duty or another in his, one person in
 * two duties (counting the signatures the register gives: refuseSharedDutiesWithRegister), a signer who had left by the signature's date, a date that is not one, lies ahead or
 * after a document's revision date, a signature the document's layout does not print or out of order.
 */
export function signImported(repo: Repository, files: PlannedFile[], flags: SignatureFlags): ImportSignatures | undefined {
  const names = givenNames(flags);
  const given = ROLES.filter((role) => names[role]);
  if (given.length === 0) return undefined;
  const dates = signatureDates(flags);
  const index = buildIndex(repo);
  const signers = resolveSigners(index, names, given, (name, flag) => resolvePerson(index, name, flag));
  const signer = (role: Exclude<SigningRole, "countersigned">): Person | undefined => signers.get(role)?.[0];
  refuseSharedDuties(signer("prepared"), signer("reviewed"), signer("approved"));
  refuseGjbSharedDuties(signer("prepared"), signer("approved"), signer("standardization"), signer("military_representative"), signers.get("countersigned") ?? []);
  refuseLeftSigners(index, signers, dates);
  const result: ImportSignatures = {
    signed: [],
    signatures: given.flatMap((role) =>
      signers.get(role)!.map((p) => t("sign.signature", { role: t(`sign.role.${role}`), person: personLabel(index, p.id), date: dates[role] ?? "" }).trim()),
    ),
    kept: [],
    doubts: [],
  };
  // Versions signed by someone before the day they joined, per signer and role.
  const early = new Map<string, { person: Person; role: SigningRole; versions: string[] }>();
  for (const file of files) {
    if (file.kind === "csr" || file.kind === "symbols") continue;
    const doc = file.data as ControlledDocument;
    const revision = doc.revisions?.at(-1);
    if (doc.status !== "released" || !revision) continue;
    const signatures = (role: SigningRole): Signature[] => signers.get(role)!.map((p) => ({ by: p.id, ...(dates[role] ? { date: dates[role] } : {}) }));
    const missing = given.filter((role) => revision[role] === undefined);
    refuseSharedDutiesWithRegister(index, doc, revision, signers);
    // The checks of `csr sign`, on the signatures this import records (the register's own are the original's).
    refuseSignaturesOn(repo, doc, revision, missing, dates, signatures);
    const kept = given.filter((role) => revision[role] !== undefined);
    if (kept.length > 0) result.kept.push(t("import.signatures.kept-entry", { id: doc.id, roles: list(kept.map((role) => t(`sign.role.${role}`))) }));
    const added: Partial<Revision> = {};
    for (const r of missing) {
      if (r === "countersigned") added.countersigned = signatures(r);
      else added[r] = signatures(r)[0];
    }
    if (Object.keys(added).length === 0) continue;
    doc.revisions![doc.revisions!.length - 1] = inSigningOrder({ ...revision, ...added });
    result.signed.push(doc.id);
    for (const role of missing) {
      for (const person of signers.get(role)!) {
        const on = dates[role] ?? revision.date;
        if (person.joined === undefined || on === undefined || on >= person.joined) continue;
        const key = `${role} ${person.id}`;
        const entry = early.get(key) ?? { person, role, versions: [] };
        entry.versions.push(t("import.signatures.version-on", { id: doc.id, version: revision.version, date: on }));
        early.set(key, entry);
      }
    }
  }
  for (const { person, role, versions } of early.values()) {
    result.doubts.push(t("import.signatures.before-joined", { flag: `--${role === "military_representative" ? "military-representative" : role}`, person: personLabel(index, person.id), joined: person.joined!, count: versions.length, versions: list(versions) }));
  }
  const undated = given.filter((role) => dates[role] === undefined);
  if (result.signed.length > 0 && undated.length > 0) result.doubts.push(t("import.signatures.undated", { roles: list(undated.map((role) => t(`sign.role.${role}`))), count: result.signed.length }));
  return result;
}

/** The revision with its signatures after its other fields, in the order they are signed (as `csr release` writes them). */
function inSigningOrder(revision: Revision): Revision {
  const rest = Object.fromEntries(Object.entries(revision).filter(([key]) => !(ROLES as readonly string[]).includes(key)));
  const signatures = Object.fromEntries(ROLES.filter((role) => revision[role] !== undefined).map((role) => [role, revision[role]]));
  return { ...rest, ...signatures } as Revision;
}

/** The import report's lines for what the signature options did. */
export function reportSignatures(signed: ImportSignatures | undefined, dryRun: boolean | undefined): string[] {
  if (!signed) return [];
  if (signed.signed.length === 0) return ["", t("import.signatures.none")];
  return [
    "",
    t(dryRun ? "import.signatures.would-record" : "import.signatures.recorded", { count: signed.signed.length, signatures: list(signed.signatures) }),
    ...(signed.kept.length > 0 ? [t("import.signatures.kept", { count: signed.kept.length, entries: list(signed.kept) })] : []),
    ...signed.doubts,
  ];
}
