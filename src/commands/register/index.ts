/**
 * `csr register sign`: who signed which edition of a register (register-editions.yaml, 登记表各版签署记录; GJB 9001C
 * 7.5.3 记录, IATF 16949 7.5.3.2.1). A register csr prints (受控文件清单, 合格供方名录 …) is itself a record whose
 * 编制/审核/批准 (qms.yaml `registers.signatures`) sign an edition; recorded here, `csr list <register> --edition <name>`
 * prints that edition again, as the register stood on its day, with the signature lines filled.
 *
 * Errors (UserError, one line): an unknown register; an empty edition; no --as-of for a new edition; no --sign; a --sign
 * not `<role>=<person>[@<date>]`; a role qms.yaml `registers.signatures` does not name, or named twice; an unknown person
 * or one not at work on the day; a day not a date, after today, or a signature before the edition's day; an edition
 * recorded already without --amend, an --amend of an edition not recorded.
 */
import { Document, isMap, type YAMLMap } from "yaml";
import { UserError } from "../../core/errors.js";
import { closest } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import { editionOf } from "../../model/register-editions.js";
import type { RegisterEdition, RegisterEditionSignature } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { LISTS } from "../list/options.js";
import { eventDateOption } from "../options.js";
import { appendEntry, editFile, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";
import type { FileChange } from "../shared/persist.js";
import { personLabel, resolvePerson } from "../shared/people.js";

const FILE = "register-editions.yaml";

export interface RegisterSignFlags {
  edition?: string;
  /** The day the register of the edition stood as. */
  asOf?: string;
  /** `<role>=<person>[@<date>]`, once per signature. */
  sign?: string[];
  /** The day of a signature that names none (default today). */
  date?: string;
  /** Correct a recorded edition: the signatures given replace those of their roles, --as-of its day. */
  amend?: boolean;
  yes?: boolean;
  commit?: boolean;
}

/** `csr register sign <register> --edition <name> --as-of <date> --sign 编制=chenhw@2026-12-01 … [--amend]`. */
export async function registerSignCommand(ctx: CommandContext, register: string, flags: RegisterSignFlags): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const name = registerName(register);
    const edition = flags.edition?.normalize("NFKC").trim() ?? "";
    if (edition === "") throw new UserError(t("register.sign.needs", { missing: "--edition" }), t("register.sign.hint", { register: name }));
    const recorded = editionOf(session.repo.registerEditions, name, edition);
    if (recorded && !flags.amend) throw new UserError(t("register.sign.recorded", { register: name, edition, path: recorded.file.path }), t("register.sign.amend.hint", { register: name, edition }));
    if (!recorded && flags.amend) throw new UserError(t("register.sign.not-recorded", { register: name, edition }));
    if (!recorded && flags.asOf === undefined) throw new UserError(t("register.sign.needs", { missing: "--as-of" }), t("register.sign.hint", { register: name }));
    const asOf = flags.asOf !== undefined ? eventDateOption(flags.asOf, "--as-of") : recorded!.value.as_of;
    if ((flags.sign ?? []).length === 0 && (!recorded || flags.asOf === undefined)) throw new UserError(t("register.sign.needs", { missing: "--sign" }), t("register.sign.hint", { register: name }));
    const given = signatures(session, flags.sign ?? [], flags.date, asOf);
    const kept = (recorded?.value.signatures ?? []).filter((s) => !given.some((g) => g.role === s.role));
    const roles = session.repo.config?.value.registers?.signatures ?? [];
    for (const s of kept) if (s.date < asOf) throw new UserError(t("register.sign.before-edition", { role: s.role, date: s.date, asOf }));
    const all = [...kept, ...given].sort((a, b) => roles.indexOf(a.role) - roles.indexOf(b.role));
    const entry: RegisterEdition = { register: name, edition, as_of: asOf, signatures: all };
    const signed = list(all.map((s) => t("register.sign.signature", { role: s.role, person: personLabel(session.index, s.by), date: s.date })));
    const line = t(recorded ? "register.sign.amended" : "register.sign.added", { register: name, edition, asOf, signed, path: FILE });
    const change = recorded ? amendEntry(session, recorded.file.path, recorded.path, entry) : addEntry(session, entry);
    await saveChanges(ctx, session, [change], [line], { commit: flags.commit, message: t("register.sign.commit", { register: name, edition }) });
    return 0;
  });
}

/** The registers whose editions are signed: those of csr list but the CSR list itself and the record of signed editions, which they fill. */
export const SIGNABLE_REGISTERS: readonly string[] = LISTS.filter((l) => l !== "csr" && l !== "register-editions");

/** The register `given` names: one of SIGNABLE_REGISTERS, in any letter case. Errors: UserError with the nearest. */
function registerName(given: string): string {
  const key = given.normalize("NFKC").trim().toLowerCase();
  const known = SIGNABLE_REGISTERS;
  if (known.includes(key)) return key;
  const near = closest(key, known);
  throw new UserError(t("register.sign.unknown-register", { register: given, suggestion: near ? t("cli.error.did-you-mean", { suggestion: near }) : "", choices: list(known) }));
}

/**
 * The signatures of --sign `<role>=<person>[@<date>]` (`date` for one without a day, else today), each role one of qms.yaml
 * `registers.signatures` and given once, each person at work on the day, each day not after today nor before `asOf`.
 */
function signatures(session: EditSession, given: readonly string[], date: string | undefined, asOf: string): RegisterEditionSignature[] {
  const roles = session.repo.config?.value.registers?.signatures ?? [];
  if (given.length > 0 && roles.length === 0) throw new UserError(t("register.sign.no-roles"), t("register.sign.no-roles.hint"));
  const fallback = date !== undefined ? eventDateOption(date, "--date") : undefined;
  const out: RegisterEditionSignature[] = [];
  for (const text of given) {
    const match = /^([^=]+)=([^@]+)(?:@(.+))?$/.exec(text.normalize("NFKC").trim());
    if (!match) throw new UserError(t("register.sign.malformed", { value: text }));
    const role = match[1]!.trim();
    if (!roles.includes(role)) throw new UserError(t("register.sign.unknown-role", { role, roles: list(roles) }));
    if (out.some((s) => s.role === role)) throw new UserError(t("register.sign.role-twice", { role }));
    const day = match[3] !== undefined ? eventDateOption(match[3].trim(), "--sign") : (fallback ?? eventDateOption(undefined, "--sign"));
    if (day < asOf) throw new UserError(t("register.sign.before-edition", { role, date: day, asOf }));
    const person = resolvePerson(session.index, match[2]!.trim(), "--sign", day);
    out.push({ role, by: person.id, date: day });
  }
  return out;
}

/** The new edition at the end of register-editions.yaml (the file created when absent), each signature on one line. */
function addEntry(session: EditSession, entry: RegisterEdition): FileChange {
  return appendEntry(session.root, FILE, "editions", "register-edition", (doc) => editionNode(doc, entry));
}

/** The recorded edition at `path` of `file` replaced by `entry`. */
function amendEntry(session: EditSession, file: string, path: readonly (string | number)[], entry: RegisterEdition): FileChange {
  return editFile(session.root, file, "register-edition", (doc) => {
    const map = doc.getIn(path, true);
    if (!isMap(map)) throw new UserError(t("register.sign.not-recorded", { register: entry.register, edition: entry.edition }));
    (map as YAMLMap).set("as_of", entry.as_of);
    (map as YAMLMap).set("signatures", editionNode(doc, entry).get("signatures", true));
  });
}

/** An edition as written: its signatures one a line in flow style ({ role: 编制, by: chenhw, date: 2026-12-01 }). */
function editionNode(doc: Document, entry: RegisterEdition): YAMLMap {
  const node = doc.createNode({ register: entry.register, edition: entry.edition, as_of: entry.as_of, signatures: [] }) as YAMLMap;
  const items = entry.signatures.map((s) => doc.createNode({ role: s.role, by: s.by, date: s.date }, { flow: true }));
  node.set("signatures", doc.createNode(items));
  return node;
}
