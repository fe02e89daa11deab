/**
 * `csr sign <document…>`: records the signatures (编制 / 审核 / 批准) that the paper original of each
 * document's current revision carries, where the repository has none: a register imported without
 * signature columns (a form list never has them), or a document released before the repository.
 * This is 补签 of the record, not a new approval: the revision, its date and its content stay as they
 * are, a signature already recorded is never replaced, and the people are checked as `csr release`
 * checks them (roles, segregation of duties), so `doc/approval-missing`, `doc/approver-lacks-role`
 * and `doc/self-approval` have nothing to report afterwards.
 */
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { currentRevision } from "../../model/index.js";
import type { Person, Revision } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { refuseSharedDuties, requireRole } from "../release/index.js";
import { editFile, findDocumentById, personOption, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";
import { personLabel } from "../shared/people.js";
import type { FileChange } from "../shared/persist.js";

export interface SignFlags {
  prepared?: string;
  reviewed?: string;
  approved?: string;
  /** The date written beside each signature on the paper original; without it, the signatures are recorded undated. */
  date?: string;
  preparedDate?: string;
  reviewedDate?: string;
  approvedDate?: string;
  yes?: boolean;
  commit?: boolean;
}

const ROLES = ["prepared", "reviewed", "approved"] as const;
type SigningRole = (typeof ROLES)[number];

const FLAG: Record<SigningRole, string> = { prepared: "--prepared", reviewed: "--reviewed", approved: "--approved" };
const DATE_FLAG: Record<SigningRole, string> = { prepared: "--prepared-date", reviewed: "--reviewed-date", approved: "--approved-date" };

export async function signCommand(ctx: CommandContext, ids: string[], flags: SignFlags): Promise<number> {
  const given = ROLES.filter((role) => flags[role]?.trim());
  if (given.length === 0) throw new UserError(t("sign.needs-signer"), t("sign.needs-signer.hint"));
  const dates = signatureDates(flags);
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const signers = new Map(given.map((role) => [role, personOption(session, flags[role]!, FLAG[role])]));
    if (signers.has("reviewed")) requireRole(signers.get("reviewed")!, "reviewer", "--reviewed");
    if (signers.has("approved")) requireRole(signers.get("approved")!, "approver", "--approved");
    const changes: FileChange[] = [];
    const lines: string[] = [];
    const signed: string[] = [];
    for (const id of [...new Set(ids)]) {
      const { value: doc, file } = findDocumentById(session, id);
      const current = currentRevision(doc);
      if (!current) throw new UserError(t("sign.no-revision", { id: doc.id }), t("sign.no-revision.hint", { id: doc.id }));
      refuseSigned(session, doc.id, current, given);
      const person = (role: SigningRole): Person | undefined => signers.get(role) ?? recorded(session, current[role]?.by);
      refuseSharedDuties(person("prepared"), person("reviewed"), person("approved"));
      for (const role of given) {
        const date = dates[role];
        // The original was signed before the revision took effect (ISO 9001 7.5.2 c: approved before use).
        if (date && date > current.date) throw new UserError(t("sign.after-revision", { flag: dates.flag[role], date, id: doc.id, version: current.version, revisionDate: current.date }));
      }
      const index = doc.revisions!.length - 1;
      changes.push(
        editFile(session.root, file.path, "document", (yaml) => {
          for (const role of given) yaml.setIn(["revisions", index, role], yaml.createNode({ by: signers.get(role)!.id, ...(dates[role] ? { date: dates[role] } : {}) }));
        }),
      );
      lines.push(t("sign.signed", { id: doc.id, version: current.version, path: file.path }));
      signed.push(doc.id);
    }
    const signatures = list(given.map((role) => t("sign.signature", { role: t(`sign.role.${role}`), person: personLabel(session.index, signers.get(role)!.id), date: dates[role] ?? "" }).trim()));
    lines.push(t("sign.signatures", { signatures }));
    await saveChanges(ctx, session, changes, lines, { commit: flags.commit, message: t("sign.commit", { ids: list(signed), signatures }) });
    return 0;
  });
}

/**
 * The date of each signature: its own option, else --date, else none (the paper original may be
 * signed without dates, and a date csr made up would be false evidence). Given dates run in the
 * order a revision is signed: prepared, reviewed, approved (as `csr release` requires).
 * Errors: UserError for a date that is not one, lies after today, or is out of that order.
 */
function signatureDates(flags: SignFlags): Partial<Record<SigningRole, string>> & { flag: Record<SigningRole, string> } {
  const date = flags.date === undefined ? undefined : eventDateOption(flags.date, "--date");
  const result: Partial<Record<SigningRole, string>> & { flag: Record<SigningRole, string> } = { flag: { prepared: "--date", reviewed: "--date", approved: "--date" } };
  for (const role of ROLES) {
    const own = flags[`${role}Date`];
    if (own !== undefined) {
      result[role] = eventDateOption(own, DATE_FLAG[role]);
      result.flag[role] = DATE_FLAG[role];
    } else if (date) result[role] = date;
  }
  const dated = ROLES.filter((role) => result[role]);
  for (let i = 1; i < dated.length; i++) {
    const [earlier, later] = [dated[i - 1]!, dated[i]!];
    if (result[later]! < result[earlier]!) {
      throw new UserError(t("release.date-order", { laterFlag: result.flag[later], later: result[later]!, earlierFlag: result.flag[earlier], earlier: result[earlier]! }));
    }
  }
  return result;
}

/**
 * A recorded signature is evidence of the release: 补签 fills in what is missing and never replaces it.
 * Errors: UserError naming the signatures the revision already has.
 */
function refuseSigned(session: EditSession, id: string, revision: Revision, roles: readonly SigningRole[]): void {
  const taken = roles.filter((role) => revision[role]);
  if (taken.length === 0) return;
  const signatures = list(taken.map((role) => t("sign.signature", { role: t(`sign.role.${role}`), person: personLabel(session.index, revision[role]!.by), date: revision[role]!.date ?? "" }).trim()));
  throw new UserError(t("sign.already-signed", { id, version: revision.version, signatures }), t("sign.already-signed.hint", { id }));
}

/** The person a recorded signature names; one not in people.yaml is known by the id the file records. */
function recorded(session: EditSession, id: string | undefined): Person | undefined {
  if (id === undefined) return undefined;
  return session.index.people.get(id)?.value ?? { id, name: id, department: "", roles: [] };
}
