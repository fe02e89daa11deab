/**
 * `csr customer update <code>`: corrects or completes what `csr customer add` recorded, without
 * hand-edited YAML (tester16 F11): the name, English name, class, notes and contacts. A contact is
 * named by `--contact`: its details (`--contact-role`, `--contact-email`, `--contact-phone`) are
 * set on the contact of that name, which is added when the customer has none; `--remove-contact`
 * takes one off; `--complaint-deadline`, `--deadlines-csr`, `--change-notification`, `--change-notification-csr`
 * set the deadlines its CSRs set (tester66 N4). The code is not changed: it names the file and every CSR id of the customer.
 * Like `csr person update` it never asks: what to change is given by the options.
 */
import { isMap, isSeq } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import type { Customer } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { choiceOption } from "../options.js";
import { editFile, saveChanges, setInMapOrder, setInOrder, withEditSession, type EditSession } from "../shared/edit.js";
import { CUSTOMER_CLASSES, type CustomerAddFlags } from "./add.js";
import { ACTION_STEPS, type ActionStepId, type CustomerTargets, type StepDeadline } from "../../model/types.js";
import { registerContext } from "../../report/registers/context.js";
import { targetsText } from "../../report/registers/customers.js";
import { flowMap, ratingMeasure } from "../shared/ratings.js";

/** What csr customer add records, each to change (`--notes ""` removes them), and a contact to remove. */
export interface CustomerUpdateFlags extends CustomerAddFlags {
  removeContact?: string;
  /** `STEP=TIME` of the customer's complaint deadlines, e.g. `D3=24h D4=5wd D8=15wd`; `STEP=` removes the step (tester66 N4). */
  complaintDeadline?: string[];
  /** The CSR that sets the complaint deadlines (`complaint_deadlines.csr`); "" removes it. */
  deadlinesCsr?: string;
  /** The customer's time to be notified of a change, e.g. `5wd` or `30d`; "" removes the requirement. */
  changeNotification?: string;
  /** The CSR that requires the change notification (`change_notification.csr`); "" removes it. */
  changeNotificationCsr?: string;
  /** The customer's PPM target (at most); "" removes it. */
  targetPpm?: string;
  /** The customer's delivery target in percent (at least); "" removes it. */
  targetDelivery?: string;
}

/** The order of a customer file's keys, as csr customer add writes them, then the deadlines its CSRs set. */
export const CUSTOMER_KEY_ORDER = ["code", "name", "name_en", "class", "contacts", "notes", "sources", "complaint_deadlines", "change_notification", "targets", "scorecards", "special_status"];
const KEY_ORDER = CUSTOMER_KEY_ORDER;
/** The order of the keys of complaint_deadlines (the CSR, then the 8D steps) and of change_notification. */
const DEADLINE_ORDER = ["csr", ...ACTION_STEPS, "days", "working_days"];
const DETAILS = [["role", "contactRole"], ["email", "contactEmail"], ["phone", "contactPhone"]] as const;
type Contact = NonNullable<Customer["contacts"]>[number];

/**
 * The customer file of `code` (its code, or in another letter case) for csr customer update and score. Errors (UserError,
 * one line): no such customer, with the nearest code and the customers there are.
 */
export function customerFile(session: EditSession, code: string): EditSession["repo"]["customers"][number] {
  const codes = session.repo.customers.map((c) => c.value.code);
  const located = session.repo.customers.find((c) => c.value.code === code) ?? session.repo.customers.find((c) => c.value.code.toLowerCase() === code.toLowerCase());
  if (!located) throw new UserError(t("add.unknown-customer", { code }) + didYouMean(code, codes), t("add.unknown-customer.hint", { known: list(codes) || t("add.none") }));
  return located;
}

export async function customerUpdateCommand(ctx: CommandContext, code: string, flags: CustomerUpdateFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = customerFile(session, code);
    const customer = located.value;
    const lines: string[] = [];
    const summary: string[] = [];
    const edits: ((doc: Parameters<Parameters<typeof editFile>[3]>[0]) => void)[] = [];
    const shown = (value: string | undefined) => value ?? t("customer.update.none");
    const plain = (key: "name" | "name_en" | "notes", field: string, given: string | undefined) => {
      if (given === undefined) return;
      const value = given.trim() === "" ? undefined : given.trim();
      if (value === undefined && key === "name") throw new UserError(t("customer.empty-name"));
      if (value === customer[key]) return;
      record(field, t("customer.update.was", { value: shown(value), before: shown(customer[key]) }));
      edits.push((doc) => (value === undefined ? doc.delete(key) : setInOrder(doc, KEY_ORDER, key, doc.createNode(value))));
    };
    const record = (field: string, text: string) => {
      lines.push(`  ${field}${t("set.colon")}${text}`);
      summary.push(`${field} ${text}`);
    };

    plain("name", t("customer.field.name"), flags.name);
    plain("name_en", t("customer.field.name-en"), flags.nameEn);
    if (flags.class !== undefined) {
      const value = flags.class.trim() === "" ? undefined : choiceOption(flags.class.trim(), "--class", CUSTOMER_CLASSES, "B");
      const label = (c: (typeof CUSTOMER_CLASSES)[number] | undefined) => (c === undefined ? t("customer.update.none") : t(`customer.class.${c}`));
      if (value !== customer.class) {
        record(t("customer.field.class"), t("customer.update.was", { value: label(value), before: label(customer.class) }));
        edits.push((doc) => (value === undefined ? doc.delete("class") : setInOrder(doc, KEY_ORDER, "class", doc.createNode(value))));
      }
    }
    contactChanges(customer, flags, record, edits);
    plain("notes", t("customer.field.notes"), flags.notes);
    deadlineChanges(customer, flags, (id) => session.index.csrs.get(id)?.value.customer, record, edits);
    if (flags.targetPpm !== undefined || flags.targetDelivery !== undefined) {
      // The customer's targets (IATF 16949 9.1.2.1, 9.3.3.1): a figure, or "" to take it off.
      const measure = (given: string | undefined, key: "ppm" | "delivery", flag: string, max: number) => (given === undefined ? customer.targets?.[key] : given.trim() === "" ? undefined : ratingMeasure(given, flag, max));
      const targets = { ppm: measure(flags.targetPpm, "ppm", "--target-ppm", Infinity), delivery: measure(flags.targetDelivery, "delivery", "--target-delivery", 100) };
      const kept = Object.fromEntries(Object.entries(targets).filter(([, v]) => v !== undefined)) as CustomerTargets;
      const text = (given: CustomerTargets | undefined) => (given && Object.keys(given).length > 0 ? targetsText(registerContext(session.repo, language(), undefined, undefined, session.index), given) : t("customer.update.none"));
      if (kept.ppm !== customer.targets?.ppm || kept.delivery !== customer.targets?.delivery) {
        record(t("customer.field.targets"), t("customer.update.was", { value: text(kept), before: text(customer.targets) }));
        edits.push((doc) => (Object.keys(kept).length === 0 ? doc.delete("targets") : setInOrder(doc, KEY_ORDER, "targets", flowMap(doc, kept))));
      }
    }

    const givenAny = [flags.name, flags.nameEn, flags.class, flags.contact, flags.contactRole, flags.contactEmail, flags.contactPhone, flags.removeContact, flags.notes, flags.complaintDeadline, flags.deadlinesCsr, flags.changeNotification, flags.changeNotificationCsr, flags.targetPpm, flags.targetDelivery].some((v) => v !== undefined);
    if (!givenAny) throw new UserError(t("customer.update.nothing", { code: customer.code }), t("customer.update.hint"));
    if (edits.length === 0) {
      ctx.stdout(t("customer.update.same", { code: customer.code }) + "\n");
      return 0;
    }
    const change = editFile(session.root, located.file.path, "customer", (doc) => edits.forEach((edit) => edit(doc)));
    await saveChanges(ctx, session, [change], [t("customer.updated", { code: customer.code, name: customer.name, path: located.file.path }), ...lines], {
      commit: flags.commit,
      message: t("customer.update.commit", { code: customer.code, summary: summary.join(t("set.commit-separator")) }),
    });
    return 0;
  });
}

/**
 * The contact changes the options ask for: details set on the contact `--contact` names (added when
 * there is none of that name), `--remove-contact` taken off. Errors: UserError, one line.
 */
function contactChanges(
  customer: Customer,
  flags: CustomerUpdateFlags,
  record: (field: string, text: string) => void,
  edits: ((doc: Parameters<Parameters<typeof editFile>[3]>[0]) => void)[],
): void {
  const contacts = customer.contacts ?? [];
  const details = DETAILS.filter(([, flag]) => flags[flag] !== undefined);
  if (flags.contact === undefined && details.length > 0) throw new UserError(t("customer.contact-needs-name"));
  const field = t("customer.field.contact");
  const removed = flags.removeContact === undefined ? undefined : flags.removeContact.trim();
  const removedAt = removed === undefined ? -1 : contacts.findIndex((c) => c.name === removed);
  if (removed !== undefined && removedAt < 0) {
    throw new UserError(t("customer.update.no-contact", { code: customer.code, name: removed, contacts: list(contacts.map((c) => c.name)) || t("customer.update.none") }) + didYouMean(removed, contacts.map((c) => c.name)));
  }
  const name = flags.contact?.trim();
  if (name === "") throw new UserError(t("customer.update.empty-contact"));
  if (name !== undefined && name === removed) throw new UserError(t("customer.update.contact-and-remove", { name }));
  const index = name === undefined ? -1 : contacts.findIndex((c) => c.name === name);
  const values = Object.fromEntries(details.map(([key, flag]) => [key, flags[flag]!.trim() === "" ? undefined : flags[flag]!.trim()])) as Partial<Contact>;
  if (name !== undefined && index < 0) {
    const contact: Contact = { name, ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) };
    record(field, t("customer.update.contact-added", { contact: describe(contact) }));
    edits.push((doc) => {
      const existing = doc.get("contacts", true);
      if (isSeq(existing)) existing.add(doc.createNode(contact));
      else setInOrder(doc, KEY_ORDER, "contacts", doc.createNode([contact]));
    });
  } else if (name !== undefined) {
    const before = contacts[index]!;
    const changed = details.filter(([key]) => values[key] !== before[key]);
    const label = (key: (typeof DETAILS)[number][0]) => t(`customer.field.contact-${key}`);
    if (changed.length > 0) {
      record(
        t("customer.update.contact-field", { name }),
        changed.map(([key]) => `${label(key)} ${t("customer.update.was", { value: values[key] ?? t("customer.update.none"), before: before[key] ?? t("customer.update.none") })}`).join(t("set.part-separator")),
      );
      edits.push((doc) => {
        for (const [key] of changed) {
          if (values[key] === undefined) doc.deleteIn(["contacts", index, key]);
          else doc.setIn(["contacts", index, key], values[key]);
        }
      });
    }
  }
  // Last, so that the indexes above are those of the file as it was; a list left empty is no list.
  if (removed !== undefined) {
    record(field, t("customer.update.contact-removed", { contact: describe(contacts[removedAt]!) }));
    const emptied = contacts.length === 1 && !(name !== undefined && index < 0);
    edits.push((doc) => (emptied ? doc.delete("contacts") : doc.deleteIn(["contacts", removedAt])));
  }
}

/** "王芳（SQE，wang.fang@hxq.example.com）": a contact's name and what is recorded of them. */
function describe(contact: Contact): string {
  const details = [contact.role, contact.email, contact.phone].filter((v): v is string => v !== undefined);
  return details.length === 0 ? contact.name : t("customer.update.contact", { name: contact.name, details: details.join(t("common.list-separator")) });
}

type Edit = (doc: Parameters<Parameters<typeof editFile>[3]>[0]) => void;

/**
 * A deadline as typed: `5wd`, `5 工作日`, `5个工作日`, `5 working days` (working days on the repository's
 * calendar), `5d`, `5天`, `5 days` (calendar days), `24h`/`24小时` (a multiple of 24 hours, as calendar
 * days: 24 hours is 1). `null` for "" (remove). Errors: UserError naming `flag` and the forms.
 */
function deadlineOption(text: string, flag: string): StepDeadline | null {
  const value = text.normalize("NFKC").trim().toLowerCase();
  if (value === "") return null;
  const m = /^(\d{1,3})\s*(个)?\s*(wd|工作日|working days?|d|天|日|days?|h|小时|hours?)$/u.exec(value);
  const count = m ? Number(m[1]) : NaN;
  if (m && /^(wd|工作日|working)/u.test(m[3]!) && count <= 366) return { working_days: count };
  if (m && /^(d|天|日|day)/u.test(m[3]!) && count <= 366) return { days: count };
  if (m && count % 24 === 0 && count / 24 <= 366) return { days: count / 24 };
  throw new UserError(t("customer.deadline.bad", { flag, value: text }));
}

/** "5 个工作日", "1 天" (en "5 working days", "1 day"); "无" for none. */
function deadlineText(deadline: StepDeadline | undefined): string {
  if (deadline === undefined) return t("customer.update.none");
  return "days" in deadline ? t("customer.deadline.days", { count: deadline.days }) : t("customer.deadline.working-days", { count: deadline.working_days });
}

/**
 * The changes of the deadlines the customer's CSRs set (IATF 16949 10.2.3/10.2.4 complaint handling,
 * 8.5.6.1 change notification): `--complaint-deadline STEP=TIME…`, `--deadlines-csr`, `--change-notification`,
 * `--change-notification-csr`. `csrCustomer(id)` is the customer of a CSR, undefined when there is none;
 * a CSR named must be this customer's. Errors: UserError, one line.
 */
function deadlineChanges(customer: Customer, flags: CustomerUpdateFlags, csrCustomer: (id: string) => string | undefined, record: (field: string, text: string) => void, edits: Edit[]): void {
  const csrOf = (given: string, flag: string): string | undefined => {
    const id = given.trim();
    if (id === "") return undefined;
    const owner = csrCustomer(id);
    if (owner === undefined) throw new UserError(t("action.unknown-csr", { id }));
    if (owner !== customer.code) throw new UserError(t("customer.deadline.csr-of-other", { flag, id, owner, code: customer.code }));
    return id;
  };
  const complaint = customer.complaint_deadlines ?? {};
  const steps = new Map<ActionStepId, StepDeadline | null>();
  for (const entry of flags.complaintDeadline?.flatMap((e) => e.split(/[,，]/u)).filter((e) => e.trim() !== "") ?? []) {
    const [stepText = "", ...rest] = entry.split("=");
    const step = stepText.trim().toUpperCase() as ActionStepId;
    if (!ACTION_STEPS.includes(step) || rest.length !== 1) throw new UserError(t("customer.deadline.bad-step", { value: entry.trim(), steps: ACTION_STEPS.join("、") }));
    steps.set(step, deadlineOption(rest[0]!, `--complaint-deadline ${step}`));
  }
  const deadlinesCsr = flags.deadlinesCsr === undefined ? complaint.csr : csrOf(flags.deadlinesCsr, "--deadlines-csr");
  const after: Record<string, unknown> = { ...complaint };
  for (const [step, deadline] of steps) {
    if (deadline === null) delete after[step];
    else after[step] = deadline;
  }
  if (deadlinesCsr === undefined) delete after.csr;
  else after.csr = deadlinesCsr;
  const field = t("customer.field.complaint-deadlines");
  for (const step of ACTION_STEPS) {
    const before = complaint[step];
    const now = after[step] as StepDeadline | undefined;
    if (JSON.stringify(before) === JSON.stringify(now)) continue;
    record(`${field} ${step}`, t("customer.update.was", { value: deadlineText(now), before: deadlineText(before) }));
  }
  if (deadlinesCsr !== complaint.csr) record(t("customer.field.deadlines-csr"), t("customer.update.was", { value: deadlinesCsr ?? t("customer.update.none"), before: complaint.csr ?? t("customer.update.none") }));
  const stepsLeft = ACTION_STEPS.some((step) => after[step] !== undefined);
  if (!stepsLeft && deadlinesCsr !== undefined && flags.deadlinesCsr !== undefined && flags.deadlinesCsr.trim() !== "") throw new UserError(t("customer.deadline.csr-without-steps", { code: customer.code }));
  if (JSON.stringify(after) !== JSON.stringify(complaint)) {
    edits.push((doc) => {
      if (!stepsLeft) return void doc.delete("complaint_deadlines");
      let map = doc.get("complaint_deadlines", true);
      if (!isMap(map)) {
        setInOrder(doc, KEY_ORDER, "complaint_deadlines", doc.createNode({}));
        map = doc.get("complaint_deadlines", true);
      }
      const target = map as Parameters<typeof setInMapOrder>[1];
      for (const key of ["csr", ...ACTION_STEPS]) {
        const value = after[key];
        if (JSON.stringify(value) === JSON.stringify((complaint as Record<string, unknown>)[key]) && target.has(key)) continue;
        if (value === undefined) target.delete(key);
        else setInMapOrder(doc, target, DEADLINE_ORDER, key, doc.createNode(value, { flow: true }));
      }
    });
  }

  const notice = customer.change_notification;
  const beforePeriod: StepDeadline | undefined = notice ? ("days" in notice ? { days: notice.days } : { working_days: notice.working_days }) : undefined;
  const time = flags.changeNotification === undefined ? undefined : deadlineOption(flags.changeNotification, "--change-notification");
  const period = time === undefined ? beforePeriod : (time ?? undefined);
  const noticeCsr = flags.changeNotificationCsr === undefined ? notice?.csr : csrOf(flags.changeNotificationCsr, "--change-notification-csr");
  if (period === undefined && noticeCsr !== undefined && time !== null) throw new UserError(t("customer.deadline.notice-csr-without-time", { code: customer.code }));
  if (JSON.stringify(period) !== JSON.stringify(beforePeriod)) record(t("customer.field.change-notification"), t("customer.update.was", { value: deadlineText(period), before: deadlineText(beforePeriod) }));
  const csrAfter = period === undefined ? undefined : noticeCsr;
  if (csrAfter !== notice?.csr && period !== undefined) record(t("customer.field.change-notification-csr"), t("customer.update.was", { value: csrAfter ?? t("customer.update.none"), before: notice?.csr ?? t("customer.update.none") }));
  if (JSON.stringify(period) !== JSON.stringify(beforePeriod) || csrAfter !== notice?.csr) {
    edits.push((doc) => {
      if (period === undefined) return void doc.delete("change_notification");
      const map = doc.get("change_notification", true);
      if (!isMap(map)) return setInOrder(doc, KEY_ORDER, "change_notification", doc.createNode({ ...(csrAfter ? { csr: csrAfter } : {}), ...period }, { flow: true }));
      // Edited in place: the line keeps its comment (the customer's wording, as the examples write it).
      const target = map as Parameters<typeof setInMapOrder>[1];
      for (const key of ["days", "working_days"]) if (!(key in period)) target.delete(key);
      if (csrAfter === undefined) target.delete("csr");
      else setInMapOrder(doc, target, DEADLINE_ORDER, "csr", doc.createNode(csrAfter));
      for (const [key, value] of Object.entries(period)) setInMapOrder(doc, target, DEADLINE_ORDER, key, doc.createNode(value));
    });
  }
}
