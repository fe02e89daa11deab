/**
 * `csr sign <document…> --customer-notified <code>[=<date>] --customer-approved <code>[=<date>]
 * --late-reason <code>=<text> --notice-ref <code>=<text> --notice-to <code>=<contact> --approval-ref <code>=<text>
 * [--revision <version>]`: records the day a revision's change was notified to a customer (control plan
 * resubmitted, PPAP) or approved by it, the evidence of each (what was sent and its number, to whom; the
 * approval's number), and why a notification after its due date was late (Revision `customer_notices`; IATF
 * 16949 8.5.6.1), usually days after the release. At a terminal a notification asks for its reference and to
 * whom, an approval for its reference (each may be left blank).
 *
 * The revision is the one given (--revision), else, for each customer, the one revision that owes it (its
 * notice due and not notified; for an approval alone, the newest notified and not approved; for a late reason
 * alone, its notification late without a reason), else the newest. A customer not yet on that revision is added without a due date: the due date is the release's
 * (csr release --action), never made up afterwards. A day recorded is never replaced.
 * Errors (UserError, one line): an unknown customer or version, a date that is not one or after today,
 * a document without a released revision, a day or reason recorded already, several revisions owing the
 * customer a notification or a late reason without --revision, a day before the revision's date, an approval before the notification, a late
 * reason for a notification that was not late.
 */
import { localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { oneLine, shellArgument } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import type { Repository } from "../../load/repository.js";
import type { ControlledDocument, Customer, CustomerNotice, Revision } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { noticeEvidence, noticeLateWithoutReason, noticeNotified, owingRevisions, signRevisionArguments, type SignGiven } from "../../model/customer-notices.js";
import { customerDay, customerNamed, noticeLines, refuseApprovalBeforeNotification } from "../release/notices.js";
import { editFile, findDocumentById, listOption, optionalAnswer, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";
import type { FileChange } from "../shared/persist.js";
import type { Prompts } from "../add/prompting.js";
import { askLateReason } from "./late-reason.js";

export interface CustomerNoticeFlags {
  customerNotified?: string[];
  customerApproved?: string[];
  lateReason?: string[];
  noticeRef?: string[];
  noticeTo?: string[];
  approvalRef?: string[];
  revision?: string;
  yes?: boolean;
  commit?: boolean;
}

/** What the options record for one customer. */
interface Given {
  customer: Customer;
  notified?: string;
  approved?: string;
  lateReason?: string;
  reference?: string;
  to?: string;
  approvalReference?: string;
}

/** `prompts` given: ask whatever the terminal (tests drive this). */
export async function signCustomerNotices(ctx: CommandContext, ids: string[], flags: CustomerNoticeFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const given = givenByCustomer(session.repo, flags);
    const changes: FileChange[] = [];
    const lines: string[] = [];
    const done: string[] = [];
    for (const id of [...new Set(ids)]) {
      const { value: doc, file } = findDocumentById(session, id);
      const revisions = doc.revisions ?? [];
      if (revisions.length === 0) throw new UserError(t("notice.no-revision", { id: doc.id }), t("notice.no-revision.hint", { arg: shellArgument(doc.id) }));
      // Each revision's notices as they will be, copied: only those of the revisions written are touched.
      const edited = new Map<number, CustomerNotice[]>();
      for (const g of given) {
        const at = flags.revision !== undefined ? revisionAt(doc, flags.revision) : owingRevision(doc, g);
        const revision = revisions[at]!;
        if (!edited.has(at)) edited.set(at, (revision.customer_notices ?? []).map((n) => ({ ...n })));
        const notices = edited.get(at)!;
        let notice = notices.find((n) => n.customer === g.customer.code);
        if (!notice) notices.push((notice = { customer: g.customer.code }));
        record(doc, revision, notice, g, file.path);
        await askEvidence(session, notice, g);
        // What this command records, the notification judged against the due date, with its evidence.
        if (g.notified !== undefined || g.approved !== undefined) {
          // An approval alone of a change never recorded as notified is its notice too (noticeNotified), judged against the due date.
          const notified =
            g.notified !== undefined ? { ...(notice.due ? { due: notice.due } : {}), notified: g.notified, ...evidenceOf(notice, "to", "reference") } : notice.notified === undefined && notice.due ? { due: notice.due } : {};
          const approved = g.approved !== undefined ? { approved: g.approved, ...evidenceOf(notice, "approval_reference") } : {};
          lines.push(...noticeLines(session.repo, doc.id, revision.version, localToday(), [{ customer: notice.customer, ...notified, ...approved }], g.notified === undefined && notice.notified !== undefined));
        }
        if (g.notified === undefined && (g.reference !== undefined || g.to !== undefined)) {
          lines.push(t("notice.evidence", { id: doc.id, version: revision.version, code: notice.customer, evidence: noticeEvidence(language(), g.to, g.reference) }));
        }
        if (g.approved === undefined && g.approvalReference !== undefined) {
          lines.push(t("notice.approval-evidence", { id: doc.id, version: revision.version, code: notice.customer, evidence: noticeEvidence(language(), undefined, g.approvalReference) }));
        }
        // At a terminal, a notification recorded late is asked why (late-reason.ts); `given` serves every document named.
        const lateReason = g.lateReason ?? (g.notified !== undefined ? await askLateReason(session.ask, doc.id, revision.version, notice) : undefined);
        if (lateReason !== undefined) lines.push(t("notice.late-reason", { id: doc.id, version: revision.version, code: notice.customer, reason: lateReason }));
        // Notified late just now, with no reason: doc/customer-notice-late reports it until one is recorded.
        else if (g.notified !== undefined && noticeLateWithoutReason(notice)) {
          // The command to print names the revision unless csr sign would pick it: judged on the notices as recorded now.
          const now = { ...doc, revisions: revisions.map((r, i) => (edited.has(i) ? { ...r, customer_notices: edited.get(i)! } : r)) };
          lines.push(t("notice.late-reason.ask", { arg: signRevisionArguments(now, at, notice.customer, "late-reason"), code: notice.customer }));
        }
      }
      for (const [at, notices] of [...edited].sort(([a], [b]) => a - b)) {
        // Keys in the order csr release writes them: customer, due, notified (to whom, its reference), approved (its reference), then the late reason.
        const ordered = notices.map((n) => ({
          customer: n.customer,
          ...(n.due ? { due: n.due } : {}),
          ...(n.notified ? { notified: n.notified } : {}),
          ...evidenceOf(n, "to", "reference"),
          ...(n.approved ? { approved: n.approved } : {}),
          ...evidenceOf(n, "approval_reference"),
          ...(n.late_reason !== undefined ? { late_reason: n.late_reason } : {}),
        }));
        changes.push(editFile(session.root, file.path, "document", (yaml) => yaml.setIn(["revisions", at, "customer_notices"], yaml.createNode(ordered))));
        done.push(`${doc.id} ${revisions[at]!.version}`);
      }
    }
    await saveChanges(ctx, session, changes, lines, { commit: flags.commit, message: t("notice.commit", { documents: list(done) }) });
    return 0;
  });
}

/**
 * The options' days and reasons by customer, in the order first named. Errors: UserError for an unknown
 * customer, a date that is not one or after today, a late reason without `<code>=` or text, a customer
 * named twice by one option.
 */
function givenByCustomer(repo: Repository, flags: CustomerNoticeFlags): Given[] {
  const byCode = new Map<string, Given>();
  const entry = (customer: Customer) => byCode.get(customer.code) ?? byCode.set(customer.code, { customer }).get(customer.code)!;
  const set = (g: Given, key: "notified" | "approved" | "lateReason" | "reference" | "to" | "approvalReference", value: string, flag: string) => {
    if (g[key] !== undefined) throw new UserError(t("notice.twice", { flag, code: g.customer.code }));
    g[key] = value;
  };
  for (const text of listOption(flags.customerNotified)) {
    const { customer, date } = customerDay(repo, text, "--customer-notified", localToday());
    set(entry(customer), "notified", date, "--customer-notified");
  }
  for (const text of listOption(flags.customerApproved)) {
    const { customer, date } = customerDay(repo, text, "--customer-approved", localToday());
    set(entry(customer), "approved", date, "--customer-approved");
  }
  for (const [option, key, flag] of [
    [flags.lateReason, "lateReason", "--late-reason"],
    [flags.noticeRef, "reference", "--notice-ref"],
    [flags.noticeTo, "to", "--notice-to"],
    [flags.approvalRef, "approvalReference", "--approval-ref"],
  ] as const) {
    for (const text of option ?? []) {
      const at = text.indexOf("=");
      const code = text.slice(0, Math.max(at, 0)).trim();
      // The reason as written; the evidence in one line: it is printed in a cell of csr history and the change report.
      const value = key === "lateReason" ? text.slice(at + 1).trim() : oneLine(text.slice(at + 1));
      if (at < 0 || code === "" || value === "") throw new UserError(key === "lateReason" ? t("notice.late-reason.form", { given: text }) : t("notice.evidence.form", { flag, given: text }));
      const customer = customerNamed(repo, code, flag);
      set(entry(customer), key, key === "to" ? contactName(customer, value) : value, flag);
    }
  }
  return [...byCode.values()];
}

/** The customer's contact `given` names (by name or e-mail), as its file spells the name; else `given` as written: a notice may go to someone not on file. */
function contactName(customer: Customer, given: string): string {
  const wanted = given.toLowerCase();
  return (customer.contacts ?? []).find((c) => c.name.toLowerCase() === wanted || c.email?.toLowerCase() === wanted)?.name ?? given;
}

/** The evidence fields of `notice` among `keys` that are recorded, to spread into a notice written or printed. */
function evidenceOf(notice: CustomerNotice, ...keys: ("to" | "reference" | "approval_reference")[]): Partial<CustomerNotice> {
  return Object.fromEntries(keys.flatMap((key) => (notice[key] !== undefined ? [[key, notice[key]]] : [])));
}

/**
 * At a terminal, asks for the evidence a notification or approval given now lacks: the notification's reference
 * (更改通知单号, PPAP submission id, the mail's subject) and to whom (one of the customer's contacts where it
 * has them), the approval's reference. Each may be left blank: the day alone is still recorded.
 */
async function askEvidence(session: EditSession, notice: CustomerNotice, g: Given): Promise<void> {
  const ask = session.ask;
  if (!ask) return;
  const data = { code: notice.customer };
  if (g.notified !== undefined && notice.reference === undefined) {
    const reference = optionalAnswer(await ask.input({ message: t("notice.prompt.reference", data) }));
    if (reference !== undefined) notice.reference = oneLine(reference);
  }
  if (g.notified !== undefined && notice.to === undefined) {
    const contacts = g.customer.contacts ?? [];
    const to =
      contacts.length > 0
        ? await ask.select({ message: t("notice.prompt.to", data), choices: [...contacts.map((c) => ({ value: c.name, name: c.role ? `${c.name}（${c.role}）` : c.name })), { value: "", name: t("notice.prompt.to.none") }] })
        : optionalAnswer(await ask.input({ message: t("notice.prompt.to", data) }));
    if (to) notice.to = oneLine(to);
  }
  if (g.approved !== undefined && notice.approval_reference === undefined) {
    const reference = optionalAnswer(await ask.input({ message: t("notice.prompt.approval-reference", data) }));
    if (reference !== undefined) notice.approval_reference = oneLine(reference);
  }
}

/** The index of the revision `version` of `doc`. Errors: UserError naming the versions it has. */
function revisionAt(doc: ControlledDocument, version: string): number {
  const revisions = doc.revisions!;
  const at = revisions.findIndex((r) => r.version === version.trim());
  if (at < 0) throw new UserError(t("notice.unknown-version", { id: doc.id, version, versions: list(revisions.map((r) => r.version)) }));
  return at;
}

/**
 * The revision of `doc` whose notice to the customer of `g` these days belong to, without --revision: the one
 * that owes the customer what is given (model/customer-notices.ts owingRevisions: a day notified, to a notice due
 * and not notified; an approval alone, to the newest notified and not approved; a late reason alone, to one
 * notified late with no reason, else the last notified late), else the newest. Errors: UserError when several
 * owe a notification or a late reason, naming them and --revision.
 */
function owingRevision(doc: ControlledDocument, g: Given): number {
  const revisions = doc.revisions!;
  const code = g.customer.code;
  const owing = owingRevisions(doc, code, givenKind(g));
  if (owing.length > 1) {
    throw new UserError(t("notice.several-owing", { id: doc.id, code, versions: list(owing.map((at) => revisions[at]!.version)) }), t("notice.several-owing.hint", { arg: shellArgument(doc.id), version: revisions[owing[owing.length - 1]!]!.version }));
  }
  return owing[0] ?? revisions.length - 1;
}

/** What `g` gives, as deciding the revision it records on (SignGiven): a day notified, else an approval, else a late reason, else a notification's evidence, else an approval's. */
function givenKind(g: Given): SignGiven {
  if (g.notified !== undefined) return "notified";
  if (g.approved !== undefined) return "approved";
  if (g.lateReason !== undefined) return "late-reason";
  return g.reference !== undefined || g.to !== undefined ? "reference" : "approval-reference";
}

/**
 * Records on `notice` (of `revision` of `doc`) what `g` gives. Errors: UserError for a day or reason recorded
 * already (the hint names the file to correct), a day before the revision's date (its change did not exist:
 * the notice is another revision's), an approval before the notification, a late reason for a notification
 * that was not late.
 */
function record(doc: ControlledDocument, revision: Revision, notice: CustomerNotice, g: Given, path: string): void {
  const code = notice.customer;
  for (const [what, flag] of [["notified", "--customer-notified"], ["approved", "--customer-approved"]] as const) {
    const date = g[what];
    if (date === undefined) continue;
    if (notice[what] !== undefined) {
      throw new UserError(t("notice.already", { id: doc.id, version: revision.version, code, what: t(`notice.already.what.${what}`), date: notice[what]! }), t("action.step.done-already.hint", { path }));
    }
    if (revision.date !== undefined && date < revision.date) {
      const earlier = doc.revisions!.filter((r) => r !== revision && (r.date === undefined || r.date <= date)).map((r) => r.version);
      throw new UserError(
        t("notice.before-revision", { flag, code, date, id: doc.id, version: revision.version, revisionDate: revision.date }),
        earlier.length > 0 ? t("notice.before-revision.hint", { versions: list(earlier) }) : undefined,
      );
    }
    notice[what] = date;
  }
  refuseApprovalBeforeNotification(doc.id, revision.version, notice);
  recordEvidence(doc, revision, notice, g, path);
  if (g.lateReason === undefined) return;
  if (notice.late_reason !== undefined) throw new UserError(t("notice.late-reason.already", { id: doc.id, version: revision.version, code, reason: notice.late_reason }), t("action.step.done-already.hint", { path }));
  const notified = noticeNotified(notice);
  const data = { id: doc.id, version: revision.version, code, notified: notified ?? "", due: notice.due ?? "" };
  if (notified === undefined) throw new UserError(t("notice.late-reason.not-notified", data));
  if (notice.due === undefined || notified <= notice.due) throw new UserError(t(notice.due === undefined ? "notice.late-reason.no-due" : "notice.late-reason.on-time", data));
  notice.late_reason = g.lateReason;
}

/**
 * Records on `notice` the evidence `g` gives: to whom and the reference of its notification, the reference of its
 * approval. Errors: UserError for the evidence of a notification (approval) that is not recorded, or evidence
 * recorded already (the hint names the file to correct: it is never replaced).
 */
function recordEvidence(doc: ControlledDocument, revision: Revision, notice: CustomerNotice, g: Given, path: string): void {
  const code = notice.customer;
  for (const [key, field, day, flag] of [
    ["reference", "reference", "notified", "--notice-ref"],
    ["to", "to", "notified", "--notice-to"],
    ["approvalReference", "approval_reference", "approved", "--approval-ref"],
  ] as const) {
    const value = g[key];
    if (value === undefined) continue;
    const data = { id: doc.id, version: revision.version, code, flag };
    if (notice[day] === undefined) throw new UserError(t(`notice.evidence.not-${day}`, data));
    if (notice[field] !== undefined) throw new UserError(t("notice.evidence.already", { ...data, value: notice[field]! }), t("action.step.done-already.hint", { path }));
    notice[field] = value;
  }
}
