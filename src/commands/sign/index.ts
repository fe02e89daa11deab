/**
 * `csr sign <document…>`: records the signatures (编制 / 审核 / 批准, and on a GJB document 会签 /
 * 标准化审查 / 军代表) that the paper original of each document's current revision carries, where
 * the repository has none: a register imported without signature columns (a form list never has
 * them), or a document released before the repository. This is 补签 of the record, not a new
 * approval: the revision, its date and its content stay as they are, a signature already recorded
 * is never replaced (会签 are added to those recorded), and the people are checked as `csr
 * release` checks them (roles, segregation of duties, the order of the dates), so
 * `doc/approval-missing`, `doc/signature-missing`, `doc/approver-lacks-role`, `doc/self-approval`
 * and `date/out-of-order` have nothing to report afterwards.
 */
import { localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { shellArgument } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import { currentRevision, issuedOn, layoutSignatureFlags, SIGNATURE_FLAGS, type RepoIndex } from "../../model/index.js";
import { describe, documentEvents, eventProblem, type RecordedEvent } from "../../model/recorded-events.js";
import type { ControlledDocument, Person, Revision, Signature } from "../../model/types.js";
import type { Repository } from "../../load/repository.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { refuseGjbSharedDuties, refuseMilitarySigners, refuseSharedDuties, refuseUnprintedSignatures, requireRole, type SignatureFlags } from "../release/index.js";
import { editFile, findDocumentById, personOption, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";
import { personLabel, refuseLeft } from "../shared/people.js";
import type { FileChange } from "../shared/persist.js";
import { refuseInvalidDocuments } from "../shared/repair.js";
import { signCustomerNotices, type CustomerNoticeFlags } from "./customer.js";

/** Without --date, the signatures of the paper original are recorded undated. */
export interface SignFlags extends SignatureFlags {
  yes?: boolean;
  commit?: boolean;
}

/** The signing roles in the order a revision is signed (and its YAML lists them). */
export const ROLES = ["prepared", "reviewed", "countersigned", "standardization", "approved", "military_representative"] as const;
export type SigningRole = (typeof ROLES)[number];
/** The roles signed once per revision; 会签 is a list. */
type SingleRole = Exclude<SigningRole, "countersigned">;

export const FLAG: Readonly<Record<SigningRole, string>> = SIGNATURE_FLAGS;
const DATE_FLAG: Record<SigningRole, string> = {
  prepared: "--prepared-date",
  reviewed: "--reviewed-date",
  countersigned: "--countersigned-date",
  standardization: "--standardization-date",
  approved: "--approved-date",
  military_representative: "--military-representative-date",
};

/** The people each option names: 会签 may name several, by id or name, separated as `csr release` takes them. */
export function givenNames(flags: SignatureFlags): Partial<Record<SigningRole, string[]>> {
  const one = (value: string | undefined) => (value?.trim() ? [value] : []);
  const names: Record<SigningRole, string[]> = {
    prepared: one(flags.prepared),
    reviewed: one(flags.reviewed),
    countersigned: (flags.countersigned ?? []).flatMap((v) => v.split(/[,，、]/)).map((v) => v.trim()).filter(Boolean),
    standardization: one(flags.standardization),
    approved: one(flags.approved),
    military_representative: one(flags.militaryRepresentative),
  };
  return Object.fromEntries(ROLES.filter((role) => names[role].length > 0).map((role) => [role, names[role]]));
}

export async function signCommand(ctx: CommandContext, ids: string[], flags: SignFlags & CustomerNoticeFlags): Promise<number> {
  const names = givenNames(flags);
  // A customer's notification or approval of the change, or why it was notified late (sign/customer.ts), recorded on its own.
  const noticeOptions = [flags.customerNotified, flags.customerApproved, flags.lateReason, flags.noticeRef, flags.noticeTo, flags.approvalRef];
  if (noticeOptions.some((given) => (given ?? []).length > 0)) {
    if (Object.keys(names).length > 0) throw new UserError(t("notice.with-signatures"));
    return signCustomerNotices(ctx, ids, flags);
  }
  // Signatures go on the current revision only (补签 of the paper original in force).
  if (flags.revision !== undefined) throw new UserError(t("notice.revision-without-notice"));
  const given = ROLES.filter((role) => names[role]);
  if (given.length === 0) throw new UserError(t("sign.needs-signer"), t("sign.needs-signer.hint"));
  const dates = signatureDates(flags);
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    // All or nothing, as every write: a document whose file fails its schema is named with its error before any is signed (tester67b B3).
    refuseInvalidDocuments(session.repo, ids, (id) => session.index.documents.has(id));
    const signers = resolveSigners(session.index, names, given, (name, flag) => personOption(session, name, flag));
    const signer = (role: SingleRole) => signers.get(role)?.[0];
    refuseLeftSigners(session.index, signers, dates);
    const changes: FileChange[] = [];
    const lines: string[] = [];
    const signed: string[] = [];
    for (const id of [...new Set(ids)]) {
      const { value: doc, file } = findDocumentById(session, id);
      const current = currentRevision(doc);
      if (!current) throw new UserError(t("sign.no-revision", { id: doc.id }), t("sign.no-revision.hint", { id: shellArgument(doc.id), more: layoutSignatureFlags(session.repo, doc, "…") }));
      refuseSigned(session, doc.id, current, signers);
      const person = (role: SingleRole): Person | undefined => signer(role) ?? recorded(session, current[role]?.by);
      refuseSharedDuties(person("prepared"), person("reviewed"), person("approved"));
      // The 会签 already recorded weigh too: a preparer given after their own is refused (doc/self-approval), saying to correct --prepared.
      const countersigned = (current.countersigned ?? []).flatMap((s) => recorded(session, s.by) ?? []);
      refuseGjbSharedDuties(person("prepared"), person("approved"), person("standardization"), person("military_representative"), signers.get("countersigned") ?? [], countersigned);
      const signatures = (role: SigningRole): Signature[] => signers.get(role)!.map((p) => ({ by: p.id, ...(dates[role] ? { date: dates[role] } : {}) }));
      refuseSignaturesOn(session.repo, doc, current, given, dates, signatures);
      const index = doc.revisions!.length - 1;
      changes.push(
        editFile(session.root, file.path, "document", (yaml) => {
          for (const role of given) {
            if (role !== "countersigned") yaml.setIn(["revisions", index, role], yaml.createNode(signatures(role)[0]));
            else if (current.countersigned) for (const s of signatures(role)) yaml.addIn(["revisions", index, role], yaml.createNode(s));
            else yaml.setIn(["revisions", index, role], yaml.createNode(signatures(role)));
          }
        }),
      );
      lines.push(t("sign.signed", { id: doc.id, version: current.version, path: file.path }));
      signed.push(doc.id);
    }
    const signatures = list(
      given.flatMap((role) => signers.get(role)!.map((p) => t("sign.signature", { role: t(`sign.role.${role}`), person: personLabel(session.index, p.id), date: dates[role] ?? "" }).trim())),
    );
    lines.push(t("sign.signatures", { signatures }));
    await saveChanges(ctx, session, changes, lines, { commit: flags.commit, message: t("sign.commit", { ids: list(signed), signatures }) });
    return 0;
  });
}

/**
 * The date of each signature: its own option, else --date, else none (the paper original may be
 * signed without dates, and a date csr made up would be false evidence). Given dates of 编制, 审核
 * and 批准 run in that order (as `csr release` requires); the others are ordered against the
 * revision as it will be (refuseOutOfOrder).
 * Errors: UserError for a date that is not one, lies after today, or is out of that order.
 */
export function signatureDates(flags: SignatureFlags): Partial<Record<SigningRole, string>> & { flag: Record<SigningRole, string> } {
  const date = flags.date === undefined ? undefined : eventDateOption(flags.date, "--date");
  const result: Partial<Record<SigningRole, string>> & { flag: Record<SigningRole, string> } = {
    flag: { prepared: "--date", reviewed: "--date", countersigned: "--date", standardization: "--date", approved: "--date", military_representative: "--date" },
  };
  const own: Record<SigningRole, string | undefined> = {
    prepared: flags.preparedDate,
    reviewed: flags.reviewedDate,
    countersigned: flags.countersignedDate,
    standardization: flags.standardizationDate,
    approved: flags.approvedDate,
    military_representative: flags.militaryRepresentativeDate,
  };
  for (const role of ROLES) {
    if (own[role] !== undefined) {
      result[role] = eventDateOption(own[role], DATE_FLAG[role]);
      result.flag[role] = DATE_FLAG[role];
    } else if (date) result[role] = date;
  }
  const dated = (["prepared", "reviewed", "approved"] as const).filter((role) => result[role]);
  for (let i = 1; i < dated.length; i++) {
    const [earlier, later] = [dated[i - 1]!, dated[i]!];
    if (result[later]! < result[earlier]!) {
      throw new UserError(t("release.date-order", { laterFlag: result.flag[later], later: result[later]!, earlierFlag: result.flag[earlier], earlier: result[earlier]! }));
    }
  }
  return result;
}

/**
 * The people the signature options name (`find`: by id or name, refusing an unknown one), checked as a
 * signature of theirs needs whatever document it goes on: a 军代表 signs only as 军代表 and only he
 * does (where qms.yaml has the office), 编制, 审核, 标准化审查 and 批准 need the person's role. Shared by
 * `csr sign` and `csr import`'s signature options. Errors: UserError, one line.
 */
export function resolveSigners(
  index: RepoIndex,
  names: Partial<Record<SigningRole, string[]>>,
  given: readonly SigningRole[],
  find: (name: string, flag: string) => Person,
): Map<SigningRole, Person[]> {
  const signers = new Map(given.map((role) => [role, names[role]!.map((name) => find(name, FLAG[role]))]));
  const signer = (role: SingleRole) => signers.get(role)?.[0];
  refuseMilitarySigners(index, [...signers].map(([role, people]) => [role, FLAG[role], people] as const));
  if (signer("reviewed")) requireRole(signer("reviewed")!, "reviewer", "--reviewed");
  if (signer("standardization")) requireRole(signer("standardization")!, "standardization", "--standardization");
  if (signer("approved")) requireRole(signer("approved")!, "approver", "--approved");
  // An approver named as preparer too is told about the shared duty first, as by csr release.
  refuseSharedDuties(signer("prepared"), signer("reviewed"), signer("approved"));
  if (signer("prepared")) requireRole(signer("prepared")!, "author", "--prepared");
  return signers;
}

/**
 * Refuses the signatures `given` on the current revision of `doc` where they cannot stand: one the
 * document's layout does not print, a date after the revision's (the original was signed before it
 * was released, ISO 9001 7.5.2 c; the 军代表 may sign after, but not after the document took effect,
 * doc/effective-before-signature), and one out of the order a revision is signed in.
 * Errors: UserError, one line.
 */
export function refuseSignaturesOn(
  repo: Repository,
  doc: ControlledDocument,
  current: Revision,
  given: readonly SigningRole[],
  dates: ReturnType<typeof signatureDates>,
  signatures: (role: SigningRole) => Signature[],
): void {
  refuseUnprintedSignatures(repo, doc, given, issuedOn(current), current.configuration_change === true);
  for (const role of given) {
    const date = dates[role];
    // A revision imported without a date bounds no signature: its date is on the paper record.
    if (date && role !== "military_representative" && current.date !== undefined && date > current.date) {
      throw new UserError(t("sign.after-revision", { flag: dates.flag[role], date, id: doc.id, version: current.version, revisionDate: current.date }));
    }
    const effective = doc.effective ?? current.date;
    if (date && role === "military_representative" && effective !== undefined && date > effective) {
      throw new UserError(t("sign.military-after-effective", { flag: dates.flag[role], date, id: doc.id, version: current.version, effective }), t("sign.military-after-effective.hint", { id: doc.id }));
    }
  }
  refuseOutOfOrder(doc, current, given, signatures);
}

/**
 * Refuses a dated signature by someone who had left on or before its date (person/work-after-leaving).
 * An undated signature may have been given before its signer left, whenever the revision took effect.
 */
export function refuseLeftSigners(index: RepoIndex, signers: ReadonlyMap<SigningRole, Person[]>, dates: ReturnType<typeof signatureDates>): void {
  for (const [role, people] of signers) {
    const date = dates[role];
    if (date) for (const person of people) refuseLeft(index, person, FLAG[role], date);
  }
}

/**
 * The signatures recorded with those given, in the order a revision is signed (model/recorded-events.ts,
 * as date/out-of-order checks it): 审核, 会签 and 标准化审查 after 编制, 批准 after them, 军代表 after 批准.
 * Errors: UserError naming the signature that would come before the one it follows.
 */
function refuseOutOfOrder(doc: ControlledDocument, current: Revision, given: readonly SigningRole[], signatures: (role: SigningRole) => Signature[]): void {
  const after: Revision = { ...current };
  for (const role of given) {
    if (role === "countersigned") after.countersigned = [...(current.countersigned ?? []), ...signatures(role)];
    else after[role] = signatures(role)[0];
  }
  // Only an order the given signatures take part in: a recorded one out of order is date/out-of-order's finding.
  const involved = (event: RecordedEvent) =>
    given.some((role) => event.path[2] === role || event.follows?.what.key === `rule.date/event.doc-${role}`);
  for (const event of documentEvents({ ...doc, revisions: [after] })) {
    if (event.path[0] !== "revisions" || !involved(event) || eventProblem(event, localToday()) !== "out-of-order") continue;
    throw new UserError(
      t("sign.out-of-order", { id: doc.id, what: describe(event.what), date: event.date, follows: describe(event.follows!.what), followsDate: event.follows!.date }),
    );
  }
}

/**
 * A recorded signature is evidence of the release: 补签 fills in what is missing and never replaces
 * it; a 会签 is added beside those recorded, by someone who has not countersigned yet.
 * Errors: UserError naming the signatures the revision already has.
 */
function refuseSigned(session: EditSession, id: string, revision: Revision, signers: ReadonlyMap<SigningRole, Person[]>): void {
  const taken = [...signers].flatMap(([role, people]): [SigningRole, Signature][] =>
    role === "countersigned"
      ? (revision.countersigned ?? []).filter((s) => people.some((p) => p.id === s.by)).map((s) => [role, s])
      : revision[role]
        ? [[role, revision[role]]]
        : [],
  );
  if (taken.length === 0) return;
  const signatures = list(taken.map(([role, s]) => t("sign.signature", { role: t(`sign.role.${role}`), person: personLabel(session.index, s.by), date: s.date ?? "" }).trim()));
  throw new UserError(t("sign.already-signed", { id, version: revision.version, signatures }), t("sign.already-signed.hint", { id: shellArgument(id) }));
}

/** The person a recorded signature names; one not in people.yaml is known by the id the file records. */
function recorded(session: EditSession, id: string | undefined): Person | undefined {
  if (id === undefined) return undefined;
  return session.index.people.get(id)?.value ?? { id, name: id, department: "", roles: [] };
}
