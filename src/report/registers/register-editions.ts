/**
 * 登记表签署记录 (register-editions.yaml; GJB 9001C 7.5.3 记录的控制, IATF 16949 7.5.3.2.1): a row per signed edition of one of
 * csr's registers (csr register sign), in the file's order — the register as csr list names it and its title, the edition,
 * the day it stood as (csr list <register> --edition prints it as of that day), and for each signature of qms.yaml
 * `registers.signatures` (编制/审核/批准 …) who signed and the day. Editions whose day is after `today` are left out, as the
 * register stood that day.
 */
import type { MessageKey } from "../../i18n/index.js";
import type { RegisterEdition } from "../../model/types.js";
import type { Table } from "../table.js";
import { personName, t, type RegisterContext } from "./context.js";

/** The name csr list and register-editions.yaml know a register by, from its table's id: csr for csr-list, procedures for procedures-gjb. */
export function listName(tableId: string): string {
  return tableId === "csr-list" ? "csr" : tableId === "procedures-gjb" ? "procedures" : tableId;
}

/**
 * The edition of `register` (as csr list names it) signed last by `today`: of those whose day (`as_of`) and signatures are not
 * after `today`, the latest day, the last recorded among those of one day; undefined when none.
 */
export function lastSignedEdition(ctx: RegisterContext, register: string, today: string): RegisterEdition | undefined {
  let last: RegisterEdition | undefined;
  for (const { value } of ctx.repo.registerEditions) {
    if (value.register !== register || value.as_of > today || value.signatures.some((s) => s.date > today)) continue;
    if (!last || value.as_of >= last.as_of) last = value;
  }
  return last;
}

/** The line a register's page gives of its last signed edition: 已签署的最近一版：2026-12（截至 2026-12-01）：编制 陈宏伟 2026-12-01、批准 王建国 2026-12-03。 */
export function signedEditionLine(ctx: RegisterContext, edition: RegisterEdition): string {
  const signed = edition.signatures.map((s) => t(ctx, "register.register-editions.signature", { role: s.role, person: personName(ctx, s.by), date: s.date }));
  return t(ctx, signed.length > 0 ? "register.register-editions.last" : "register.register-editions.last-unsigned", { edition: edition.edition, asOf: edition.as_of, signed: signed.join(t(ctx, "register.list-separator")), register: listName(edition.register) });
}

/** 登记表签署记录 on `today` (YYYY-MM-DD). Its columns of signatures: the roles of `registers.signatures`, then any other a record names. */
export function registerEditionsRegister(ctx: RegisterContext, options: { today: string }): Table {
  const { today } = options;
  const editions = ctx.repo.registerEditions.map((e) => e.value).filter((e) => e.as_of <= today);
  const configured = ctx.repo.config?.value.registers?.signatures ?? [];
  const roles = [...new Set([...configured, ...editions.flatMap((e) => e.signatures.map((s) => s.role))])];
  const rows = editions.map((edition, i) => ({
    no: i + 1,
    register: registerLabel(ctx, edition),
    edition: edition.edition,
    asOf: edition.as_of,
    ...Object.fromEntries(
      roles.flatMap((role, k) => {
        const signed = edition.signatures.find((s) => s.role === role);
        return [
          [`by${k}`, signed ? personName(ctx, signed.by) : ""],
          [`on${k}`, signed?.date ?? ""],
        ];
      }),
    ),
  }));
  return {
    id: "register-editions",
    title: t(ctx, "register.register-editions.title", { count: rows.length }),
    sheet: t(ctx, "register.register-editions.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.register-editions.column.no"), kind: "number" },
      { key: "register", header: t(ctx, "register.register-editions.column.register"), kind: "name" },
      { key: "edition", header: t(ctx, "register.register-editions.column.edition"), kind: "code" },
      { key: "asOf", header: t(ctx, "register.register-editions.column.as-of"), date: true },
      ...roles.flatMap((role, k) => [
        { key: `by${k}`, header: role, kind: "name" as const },
        { key: `on${k}`, header: t(ctx, "register.register-editions.column.signed-on", { role }), date: true },
      ]),
    ],
    rows,
    ...(rows.length === 0 ? { notes: [t(ctx, "register.register-editions.none")] } : {}),
    // How to print an edition again: for the one who runs the command, not on the register.
    hints: [t(ctx, "register.register-editions.hint")],
  };
}

/** A register as the row names it: its title and the name csr list knows it by, 受控文件清单（documents）. */
function registerLabel(ctx: RegisterContext, edition: RegisterEdition): string {
  const key = `register.cited.${edition.register === "csr" ? "csr-list" : edition.register}` as MessageKey;
  const title = t(ctx, key);
  // A register csr does not know (written by hand; ref/unresolved reports it) by its name alone: translate gives back the key.
  return title === key ? edition.register : t(ctx, "register.register-editions.register", { title, register: edition.register });
}
