/**
 * `csr customer add [code]`: a new customer as customers/<CODE>.yaml (schemas/customer.schema.json):
 * code and name, and as the schema allows its English name, class (A key, B general, C potential),
 * one contact and notes. Its CSR source documents are added with `csr source add <code>`.
 * Refused when the code is taken; asked at a terminal for what the flags leave open.
 */
import { CODE_PATTERN } from "../../model/paths.js";
import { Document } from "yaml";
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import type { Customer } from "../../model/types.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { choiceOption } from "../options.js";
import { need, optionalAnswer, saveChanges, withEditSession } from "../shared/edit.js";
import { yamlText } from "../shared/persist.js";

export interface CustomerAddFlags {
  name?: string;
  nameEn?: string;
  class?: string;
  contact?: string;
  contactRole?: string;
  contactEmail?: string;
  contactPhone?: string;
  notes?: string;
  yes?: boolean;
  commit?: boolean;
}

export const CUSTOMER_CLASSES = ["A", "B", "C"] as const;


export async function customerAddCommand(ctx: CommandContext, code: string | undefined, flags: CustomerAddFlags): Promise<number> {
  return addCustomer(ctx, code, flags);
}

/** `prompts` given: ask for whatever the flags left open, whatever the terminal (tests drive this). */
export async function addCustomer(ctx: CommandContext, codeArg: string | undefined, flags: CustomerAddFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const { ask, repo } = session;
    const known = repo.customers.map((c) => c.value.code);
    // Compared without case: customers/dya.yaml and customers/DYA.yaml are one file on Windows and macOS.
    const taken = (code: string) => known.find((k) => k.toLowerCase() === code.toLowerCase()) ?? (repo.unvalidated.customers.has(code) ? code : undefined);
    const problem = (code: string): string | undefined => {
      if (!CODE_PATTERN.test(code)) return t("customer.bad-code", { code });
      const existing = taken(code);
      if (existing !== undefined) return t("customer.exists", { code: existing });
      // Codes are upper case everywhere they are read (CSR ids BYD-001, file names, registers): not guessed, suggested.
      return code === code.toUpperCase() ? undefined : t("customer.code-lower-case", { code, upper: code.toUpperCase() });
    };
    const code = (
      codeArg ??
      (await need(ask, "<code>", t("customer.needs.code"), (p) => p.input({ message: t("customer.prompt.code"), required: true, validate: (v) => problem(v.trim()) ?? true })))
    ).trim();
    const refused = problem(code);
    if (refused) throw new UserError(refused, taken(code) === undefined ? undefined : t("customer.exists.hint", { code: taken(code)! }));
    const name = (flags.name ?? (await need(ask, "--name", t("customer.needs.name"), (p) => p.input({ message: t("customer.prompt.name"), required: true })))).trim();
    if (name === "") throw new UserError(t("customer.empty-name"));
    // Asked for the name, a user is asked for the rest of the customer file too (each may be left blank);
    // one who gave --name gave what they wanted.
    const asking = flags.name === undefined ? ask : undefined;
    const nameEn = flags.nameEn ?? (asking ? optionalAnswer(await asking.input({ message: t("customer.prompt.name-en") })) : undefined);
    const customerClass =
      flags.class !== undefined
        ? choiceOption(flags.class, "--class", CUSTOMER_CLASSES, "B")
        : asking
          ? await asking.select<"" | (typeof CUSTOMER_CLASSES)[number]>({
              message: t("customer.prompt.class"),
              choices: [...CUSTOMER_CLASSES.map((c) => ({ value: c, name: t(`customer.class.${c}`) })), { value: "", name: t("customer.class.none") }],
            })
          : undefined;
    const contactName = flags.contact ?? (asking ? optionalAnswer(await asking.input({ message: t("customer.prompt.contact") })) : undefined);
    const details = { role: flags.contactRole, email: flags.contactEmail, phone: flags.contactPhone };
    if (contactName === undefined && Object.values(details).some((v) => v !== undefined)) throw new UserError(t("customer.contact-needs-name"));
    const contact = contactName === undefined ? undefined : { name: contactName.trim(), ...Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)) };
    const customer: Customer = {
      code,
      name,
      ...(nameEn ? { name_en: nameEn } : {}),
      ...(customerClass ? { class: customerClass } : {}),
      ...(contact ? { contacts: [contact] } : {}),
      ...(flags.notes ? { notes: flags.notes } : {}),
    };
    const path = `customers/${code}.yaml`;
    const lines = [t("customer.added", { code, name, path }), t("customer.next-step", { code })];
    await saveChanges(ctx, session, [{ path, kind: "customer", text: yamlText(new Document(customer)), create: true }], lines, {
      commit: flags.commit,
      message: t("customer.commit", { code, name }),
    });
    return 0;
  });
}
