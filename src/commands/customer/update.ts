/**
 * `csr customer update <code>`: corrects or completes what `csr customer add` recorded, without
 * hand-edited YAML (tester16 F11): the name, English name, class, notes and contacts. A contact is
 * named by `--contact`: its details (`--contact-role`, `--contact-email`, `--contact-phone`) are
 * set on the contact of that name, which is added when the customer has none; `--remove-contact`
 * takes one off. The code is not changed: it names the file and every CSR id of the customer.
 * Like `csr person update` it never asks: what to change is given by the options.
 */
import { isSeq } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import type { Customer } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { choiceOption } from "../options.js";
import { editFile, saveChanges, setInOrder, withEditSession } from "../shared/edit.js";
import { CUSTOMER_CLASSES, type CustomerAddFlags } from "./add.js";

/** What csr customer add records, each to change (`--notes ""` removes them), and a contact to remove. */
export interface CustomerUpdateFlags extends CustomerAddFlags {
  removeContact?: string;
}

/** The order of a customer file's keys, as csr customer add writes them. */
const KEY_ORDER = ["code", "name", "name_en", "class", "contacts", "notes", "sources"];
const DETAILS = [["role", "contactRole"], ["email", "contactEmail"], ["phone", "contactPhone"]] as const;
type Contact = NonNullable<Customer["contacts"]>[number];

export async function customerUpdateCommand(ctx: CommandContext, code: string, flags: CustomerUpdateFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const codes = session.repo.customers.map((c) => c.value.code);
    const located = session.repo.customers.find((c) => c.value.code === code) ?? session.repo.customers.find((c) => c.value.code.toLowerCase() === code.toLowerCase());
    if (!located) throw new UserError(t("add.unknown-customer", { code }) + didYouMean(code, codes), t("add.unknown-customer.hint", { known: list(codes) || t("add.none") }));
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

    const givenAny = [flags.name, flags.nameEn, flags.class, flags.contact, flags.contactRole, flags.contactEmail, flags.contactPhone, flags.removeContact, flags.notes].some((v) => v !== undefined);
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
