/**
 * `csr organisation update`: the organisation's name (qms.yaml `organisation.name`, 公司全称, printed
 * on every controlled document and register), its English name (`name_en`, with `--lang en`), and
 * the confidentiality notice under every document's header block (`confidentiality`,
 * `confidentiality_en`; model/confidentiality.ts), without hand-edited YAML; and the settings a
 * document controller makes once: the form each register is printed on (`registers.forms`, e.g.
 * 程序文件一览表 on QR-001-03), the signature lines under every register (`registers.signatures`),
 * the working days a CSR review may take and the warning before it ends (`csr.review_days`,
 * `csr.warn_days`: IATF 16949 7.5.3.2.2 sets 10, GJB 9001C leaves the period to the company), the
 * clauses declared not applicable with their justification (`exclusions`, IATF 16949 4.3.2), and the
 * months within which each process is audited again (`internal_audit.interval_months`, the audit
 * programme's frequency, IATF 16949 9.2.2.1; a process's own `audit_months` overrides it), and the months
 * within which each external document held is checked still current (`document_control.external_check_months`,
 * doc/external-check-due; 1 to 60, an empty one removes it), the periodic review interval csr new gives a new
 * document of each kind (`document_control.review_interval_months`, `--review-interval procedure=36`; 1 to 120, `<kind>=`
 * removes it) and the days before a periodic review falls due from which csr check warns (`document_control.review_warn_days`;
 * tester71 Q4), and the CSR categories allowed (`csr.categories`, `--add-category` / `--remove-category`; tester73 S11),
 * and a standard the company is certified to besides (`--add-standard GJB9001C`, with what `csr init --standard GJB9001C`
 * sets up: standardChanges; tester76 M3).
 *
 * Errors (UserError, one line): no readable qms.yaml, an empty name, nothing to change, a register
 * or form that does not exist, a number of days that is not a whole number, an audit interval that is
 * not a whole number of months from 1 to 36 (an empty one removes it), a clause not in scope,
 * --exclude without --justification. An empty `--name-en` removes the English name; an empty
 * `--confidentiality` turns the notice off; `--register-form <register>=` (no form) and an empty
 * `--register-signatures` remove the setting. What csr check would then reject (an obsolete or draft
 * form: config/register-form; an exclusion the standard does not permit) is refused by the edit session.
 */
import type { Document } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean, shellArgument } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import type { Catalog } from "../../model/catalog.js";
import { confidentialityNotice } from "../../model/confidentiality.js";
import { REGISTERS_WITH_FORMS } from "../../model/register-forms.js";
import type { CommandContext } from "../context.js";
import { auditMonthsOption, clauseRef, clauseToRemove, dateOption } from "../options.js";
import { standardsOption } from "../init/index.js";
import { DEPARTMENTS } from "../init/files.js";
import { editFile, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";

export interface OrganisationFlags {
  name?: string;
  nameEn?: string;
  confidentiality?: string;
  confidentialityEn?: string;
  /** `<register>=<form>`, each; `<register>=` removes the register's form. */
  registerForm?: string[];
  /** Comma- or 、-separated signature lines; "" removes them. */
  registerSignatures?: string;
  reviewDays?: string;
  warnDays?: string;
  /** Months within which each process is audited again; "" removes the setting. */
  auditInterval?: string;
  /** Months within which each external document held is checked still current (document_control.external_check_months); "" removes it. */
  externalCheckMonths?: string;
  /** `<kind>=<months>`, each: the periodic review interval csr new gives a new document of that kind; `<kind>=` removes it. */
  reviewInterval?: string[];
  /** Calendar days before a periodic review falls due from which csr check warns (document_control.review_warn_days). */
  reviewWarnDays?: string;
  /** Clauses to declare not applicable, with `justification`. */
  exclude?: string[];
  justification?: string;
  /** Clauses whose exclusion is withdrawn. */
  include?: string[];
  /** CSR categories to add to qms.yaml `csr.categories` (each a name, as written on a CSR). */
  addCategory?: string[];
  /** CSR categories to remove from it: refused while a CSR is of that category. */
  removeCategory?: string[];
  /** Standards to add to qms.yaml `standards`, each with its set-up (standardChanges). */
  addStandard?: string[];
  /** The day from which the layout of an added GJB 9001C applies (YYYY-MM-DD; default today). */
  date?: string;
  commit?: boolean;
}

/** The registers that print a form number in their heading (model/register-forms.ts, the one list of them). */
export { REGISTERS_WITH_FORMS };

export async function organisationUpdateCommand(ctx: CommandContext, flags: OrganisationFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const config = session.repo.config;
    if (!config) throw new UserError(t("department.no-qms"));
    const given = {
      name: flags.name?.trim(),
      name_en: flags.nameEn?.trim(),
      confidentiality: flags.confidentiality?.trim(),
      confidentiality_en: flags.confidentialityEn?.trim(),
    };
    if (given.name === "") throw new UserError(t("organisation.empty-name"));
    const notes: string[] = [];
    const settings = [...settingChanges(session, flags), ...standardChanges(session, flags, notes)];
    if (Object.values(given).every((v) => v === undefined) && settings.length === 0 && notes.length === 0) throw new UserError(t("organisation.nothing"), t("organisation.hint"));
    const value = config.value;
    const before = {
      name: value.organisation.name,
      name_en: value.organisation.name_en ?? "",
      // What is printed now: csr's default notice when qms.yaml has none.
      confidentiality: confidentialityNotice(value, "zh-CN"),
      confidentiality_en: value.confidentiality_en ?? "",
    };
    // Quoted: a name or notice ends with its own punctuation (…复印。), which the sentence must not run into.
    const shown = (text: string | undefined) => (text ? t("organisation.quoted", { text }) : t("department.none"));
    const details = (Object.keys(given) as (keyof typeof given)[])
      .filter((key) => given[key] !== undefined && given[key] !== before[key])
      .map((key) => t("department.update.field", { field: t(`organisation.field.${key}`), before: shown(before[key]), after: shown(given[key]) }));
    for (const setting of settings) if (setting.before !== setting.after) details.push(t("department.update.field", { field: setting.field, before: setting.before || t("department.none"), after: setting.after || t("department.none") }));
    if (details.length === 0) {
      ctx.stdout(`${[t("organisation.same"), ...notes].join("\n")}\n`);
      return 0;
    }
    const change = editFile(session.root, config.file.path, "qms", (doc) => {
      if (given.name !== undefined) doc.setIn(["organisation", "name"], given.name);
      if (given.name_en === "") doc.deleteIn(["organisation", "name_en"]);
      else if (given.name_en !== undefined) doc.setIn(["organisation", "name_en"], given.name_en);
      // "" is kept: it is what turns the default notice off.
      if (given.confidentiality !== undefined) doc.set("confidentiality", given.confidentiality);
      if (given.confidentiality_en === "") doc.delete("confidentiality_en");
      else if (given.confidentiality_en !== undefined) doc.set("confidentiality_en", given.confidentiality_en);
      for (const setting of settings) setting.apply(doc);
    });
    await saveChanges(ctx, session, [change], [t("organisation.updated", { details: details.join(t("department.update.separator")) }), ...notes], {
      commit: flags.commit,
      message: t("organisation.commit"),
    });
    return 0;
  });
}

/** One setting of qms.yaml a flag changes: its name in the summary, its value before and after as printed, and the edit. */
interface SettingChange {
  field: string;
  before: string;
  after: string;
  apply: (doc: Document) => void;
}

/**
 * The register forms, signature lines, review days and exclusions the flags set, checked against
 * the repository (see organisationUpdateCommand for the errors).
 */
function settingChanges(session: EditSession, flags: OrganisationFlags): SettingChange[] {
  const config = session.repo.config!.value;
  const out: SettingChange[] = [];
  for (const given of flags.registerForm ?? []) {
    const at = given.indexOf("=");
    const register = (at < 0 ? given : given.slice(0, at)).trim();
    const form = at < 0 ? undefined : given.slice(at + 1).trim();
    if (form === undefined) throw new UserError(t("organisation.register-form-format", { given }), t("organisation.register-form-hint"));
    if (!(REGISTERS_WITH_FORMS as readonly string[]).includes(register)) {
      throw new UserError(t("organisation.unknown-register", { register }) + didYouMean(register, REGISTERS_WITH_FORMS), t("organisation.registers", { registers: list([...REGISTERS_WITH_FORMS]) }));
    }
    if (form !== "") {
      const found = session.index.documents.get(form)?.value;
      const forms = [...session.index.documents.values()].filter((d) => d.value.kind === "form" && d.value.status !== "obsolete").map((d) => d.value.id);
      if (!found) throw new UserError(t("organisation.unknown-form", { form }) + didYouMean(form, forms));
      if (found.kind !== "form") throw new UserError(t("organisation.not-a-form", { form, kind: t(`value.kind.${found.kind}`) }));
    }
    const before = config.registers?.forms?.[register] ?? "";
    out.push({
      field: t("organisation.field.register-form", { register }),
      before,
      after: form,
      apply: (doc) => (form === "" ? doc.deleteIn(["registers", "forms", register]) : doc.setIn(["registers", "forms", register], form)),
    });
  }
  if (flags.registerSignatures !== undefined) {
    const lines = flags.registerSignatures.split(/[,，、]/).map((line) => line.trim()).filter(Boolean);
    const before = (config.registers?.signatures ?? []).join("、");
    out.push({
      field: t("organisation.field.register-signatures"),
      before,
      after: lines.join("、"),
      apply: (doc) => (lines.length === 0 ? doc.deleteIn(["registers", "signatures"]) : doc.setIn(["registers", "signatures"], doc.createNode(lines, { flow: true }))),
    });
  }
  for (const [flag, key, value, least] of [["--review-days", "review_days", flags.reviewDays, 1], ["--warn-days", "warn_days", flags.warnDays, 0]] as const) {
    if (value === undefined) continue;
    const days = Number(value.trim());
    if (!/^\d+$/.test(value.trim()) || days < least) throw new UserError(t("organisation.days", { flag, value, least }));
    out.push({ field: t(`organisation.field.${key}`), before: String(config.csr?.[key] ?? ""), after: String(days), apply: (doc) => doc.setIn(["csr", key], days) });
  }
  if (flags.auditInterval !== undefined) {
    const months = auditMonthsOption(flags.auditInterval, true, "organisation.audit-interval");
    const before = config.internal_audit?.interval_months;
    out.push({
      field: t("organisation.field.audit-interval"),
      before: before === undefined ? "" : t("process.months", { months: before, count: before }),
      after: months === "" ? "" : t("process.months", { months, count: months }),
      // The whole internal_audit mapping goes with its last key, as no other setting lives there.
      apply: (doc) => (months === "" ? (Object.keys(config.internal_audit ?? {}).length <= 1 ? doc.delete("internal_audit") : doc.deleteIn(["internal_audit", "interval_months"])) : doc.setIn(["internal_audit", "interval_months"], months)),
    });
  }
  if (flags.externalCheckMonths !== undefined) {
    // The yearly re-check of the customers' documents and external standards (IATF 16949 4.3.2, 7.5.3.2.2; tester71 Q5): doc/external-check-due counts from it.
    const given = flags.externalCheckMonths.trim();
    const months = Number(given);
    if (given !== "" && (!/^\d+$/.test(given) || months < 1 || months > 60)) throw new UserError(t("organisation.external-check-months", { value: flags.externalCheckMonths }));
    const before = config.document_control?.external_check_months;
    out.push({
      field: t("organisation.field.external-check-months"),
      before: before === undefined ? "" : t("process.months", { months: before, count: before }),
      after: given === "" ? "" : t("process.months", { months, count: months }),
      // document_control holds other settings (review_warn_days): only the key goes, and the mapping with its last key.
      apply: (doc) => (given === "" ? (Object.keys(config.document_control ?? {}).length <= 1 ? doc.delete("document_control") : doc.deleteIn(["document_control", "external_check_months"])) : doc.setIn(["document_control", "external_check_months"], months)),
    });
  }
  if ((flags.reviewInterval ?? []).length > 0) out.push(reviewIntervalChange(config, flags.reviewInterval!));
  if ((flags.addCategory ?? []).length > 0 || (flags.removeCategory ?? []).length > 0) out.push(categoryChange(session, flags.addCategory ?? [], flags.removeCategory ?? []));
  if (flags.reviewWarnDays !== undefined) {
    const given = flags.reviewWarnDays.trim();
    if (!/^\d+$/.test(given)) throw new UserError(t("organisation.review-warn-days", { value: flags.reviewWarnDays }));
    const days = Number(given);
    const before = config.document_control?.review_warn_days;
    out.push({
      field: t("organisation.field.review-warn-days"),
      // Not set: csr check warns 30 days ahead (the schema's default), which is what is in force.
      before: t("organisation.calendar-days", { count: before ?? 30 }),
      after: t("organisation.calendar-days", { count: days }),
      apply: (doc) => doc.setIn(["document_control", "review_warn_days"], days),
    });
  }
  const catalogs = (config.standards ?? []).map((s) => session.repo.catalogs.get(s)).filter((c): c is Catalog => c !== undefined);
  const exclusions = [...(config.exclusions ?? [])];
  const shownExclusions = (all: typeof exclusions) => all.map((e) => e.clause).join("、");
  const before = shownExclusions(exclusions);
  if ((flags.exclude ?? []).length > 0 && !flags.justification?.trim()) throw new UserError(t("organisation.exclude-needs-justification"), t("organisation.exclude-hint"));
  if (flags.justification !== undefined && (flags.exclude ?? []).length === 0) throw new UserError(t("organisation.justification-alone"), t("organisation.exclude-hint"));
  for (const given of flags.exclude ?? []) {
    const clause = clauseRef(given, "--exclude", catalogs);
    const at = exclusions.findIndex((e) => e.clause === clause);
    const exclusion = { clause, justification: flags.justification!.trim() };
    if (at >= 0) exclusions[at] = exclusion;
    else exclusions.push(exclusion);
  }
  for (const given of flags.include ?? []) {
    const clause = clauseToRemove(given, catalogs);
    const at = exclusions.findIndex((e) => e.clause === clause);
    if (at < 0) throw new UserError(t("organisation.not-excluded", { clause, excluded: before || t("department.none") }));
    exclusions.splice(at, 1);
  }
  if ((flags.exclude ?? []).length > 0 || (flags.include ?? []).length > 0) {
    const changed = JSON.stringify(config.exclusions ?? []) !== JSON.stringify(exclusions);
    out.push({
      field: t("organisation.field.exclusions"),
      before,
      // A new justification for a clause excluded already is a change the clause list does not show.
      after: changed && shownExclusions(exclusions) === before ? t("organisation.justification-changed", { clauses: before }) : shownExclusions(exclusions),
      apply: (doc) => (exclusions.length === 0 ? doc.delete("exclusions") : doc.set("exclusions", doc.createNode(exclusions))),
    });
  }
  return out;
}

/**
 * `--add-category` / `--remove-category` (repeatable): the CSR categories qms.yaml allows (`csr.categories`), which `csr
 * add --category`, `csr set --category` and the rule csr/unknown-category hold a CSR's category to (tester73 S11: a new
 * category such as 供方管理 took a hand-edited qms.yaml). Names are kept as given, in the list's order, a new one last.
 * Errors (UserError, one line): an empty name; a category to remove that is not listed; one a CSR is still of (its ids
 * named: change their category first); a first list that would leave categories CSRs already use unlisted (while
 * qms.yaml lists none, any category is allowed).
 */
function categoryChange(session: EditSession, add: readonly string[], remove: readonly string[]): SettingChange {
  const config = session.repo.config!.value;
  const before = [...(config.csr?.categories ?? [])];
  const after = [...before];
  for (const given of add) {
    const name = given.trim();
    if (name === "") throw new UserError(t("organisation.category-empty", { flag: "--add-category" }));
    if (!after.includes(name)) after.push(name);
  }
  const csrs = session.repo.csrs.map((c) => c.value);
  for (const given of remove) {
    const name = given.trim();
    if (name === "") throw new UserError(t("organisation.category-empty", { flag: "--remove-category" }));
    const at = after.indexOf(name);
    if (at < 0) throw new UserError(t("organisation.category-not-listed", { category: name, listed: before.join(t("common.list-separator")) || t("department.none") }) + didYouMean(name, before));
    const using = csrs.filter((c) => c.category === name).map((c) => c.id);
    if (using.length > 0) throw new UserError(t("organisation.category-in-use", { category: name, count: using.length, ids: using.join(t("common.list-separator")) }), t("organisation.category-in-use-hint", { id: using[0]! }));
    after.splice(at, 1);
  }
  if (before.length === 0 && after.length > 0) {
    // No list allowed every category: a first one must not turn the categories CSRs are of into errors.
    const unlisted = [...new Set(csrs.map((c) => c.category).filter((c): c is string => c !== undefined && !after.includes(c)))];
    if (unlisted.length > 0) throw new UserError(t("organisation.category-first-list", { categories: unlisted.join(t("common.list-separator")) }), t("organisation.category-first-list-hint", { args: unlisted.map((c) => `--add-category ${shellArgument(c)}`).join(" ") }));
  }
  const shown = (names: readonly string[]) => names.join(t("common.list-separator"));
  return {
    field: t("organisation.field.categories"),
    before: shown(before),
    after: shown(after),
    // The whole list goes with its last name: no list means any category is allowed, as before one was made.
    apply: (doc) => (after.length === 0 ? doc.deleteIn(["csr", "categories"]) : doc.setIn(["csr", "categories"], doc.createNode(after, { flow: true }))),
  };
}

/** The signature cells of the manual and procedures `csr init --standard GJB9001C` lays out (GJB 9001C 7.5.2: 会签, 标准化审查, 军代表). */
const GJB_SIGNATURES = ["prepared", "reviewed", "countersigned", "standardization", "approved", "military_representative"] as const;
const GJB_ONLY_SIGNATURES = ["countersigned", "standardization", "military_representative"] as const;

/**
 * `--add-standard <id>` (repeatable, or several separated by ,): a standard the company is certified to besides those in
 * scope (tester76 M3: an IATF 16949 supplier that also makes military products, GJB 9001C), with what `csr init --standard`
 * sets up for it where the repository lacks it, each a change printed with its before and after:
 * - GJB9001C: the military representative office (`external_parties`, 军代表室 MRO, kind military-representative) unless
 *   one is there; 研发部 (RD) among the CSR reviewers when the repository has that department (GJB 9001C 8.2.3); and the
 *   layout of the manual and procedures (levels 1 and 2) with the 会签, 标准化审查 and 军代表 cells and 密级 内部,
 *   `since` the day given (--date, default today) so that revisions issued before keep the layout they were issued on
 *   (doc/signature-missing). All level 1–2 documents take it: the layouts are per level, and the manual and procedures
 *   of a dual company are one system serving both product lines.
 * - IATF16949, ISO9001: the standard only (the review period is csr.review_days, 10 working days unless changed).
 * What it does not do is said in `notes`: a department named in init's set-up and absent (综合管理部 is not added: the
 * company has its own departments), a level 1–2 layout already there without the GJB cells (left as it is), the 军代表
 * to add as a person. Errors (UserError): a standard csr has no catalog of; a department coded MRO (the office's code).
 */
function standardChanges(session: EditSession, flags: OrganisationFlags, notes: string[]): SettingChange[] {
  if ((flags.addStandard ?? []).length === 0) {
    if (flags.date !== undefined) throw new UserError(t("organisation.date-alone"));
    return [];
  }
  const config = session.repo.config!.value;
  const before = [...(config.standards ?? [])];
  const added = standardsOption(flags.addStandard).filter((s) => !before.includes(s));
  for (const standard of standardsOption(flags.addStandard)) if (before.includes(standard)) notes.push(t("organisation.standard-already", { standard }));
  if (added.length === 0) return [];
  const out: SettingChange[] = [];
  const after = [...before, ...added];
  out.push({
    field: t("organisation.field.standards"),
    before: before.join("、"),
    after: after.join("、"),
    apply: (doc) => doc.set("standards", doc.createNode(after, { flow: true })),
  });
  if (!added.includes("GJB9001C")) return out;
  const since = dateOption(flags.date, "--date");
  const departments = config.departments ?? [];
  const parties = config.external_parties ?? [];
  const office = parties.find((p) => p.kind === "military-representative");
  if (office) notes.push(t("organisation.standard-party-kept", { name: office.name, code: office.code }));
  else {
    if (departments.some((d) => d.code === "MRO")) throw new UserError(t("organisation.standard-mro-taken"));
    const party = { code: "MRO", name: "军代表室", name_en: "Military Representative Office", kind: "military-representative" };
    out.push({
      field: t("organisation.field.external-parties"),
      before: parties.map((p) => p.name).join("、"),
      after: [...parties, party].map((p) => p.name).join("、"),
      apply: (doc) => {
        if (doc.has("external_parties")) doc.addIn(["external_parties"], doc.createNode(party));
        else doc.set("external_parties", doc.createNode([party]));
      },
    });
  }
  notes.push(t("organisation.standard-representative", { code: office?.code ?? "MRO" }));
  const reviewers = (config.csr?.reviewers ?? []).map((r) => (typeof r === "string" ? r : r.department));
  const rd = departments.find((d) => d.code === "RD") ?? departments.find((d) => d.name === "研发部");
  if (!rd) notes.push(t("organisation.standard-no-rd"));
  else if (!reviewers.includes(rd.code)) {
    out.push({
      field: t("organisation.field.reviewers"),
      before: reviewers.join("、"),
      after: [...reviewers, rd.code].join("、"),
      apply: (doc) => doc.addIn(["csr", "reviewers"], rd.code),
    });
  }
  const levels = (config.document_layouts ?? []).filter((l) => (l.levels ?? []).some((level) => level === 1 || level === 2));
  if (levels.length > 0) {
    const lacking = GJB_ONLY_SIGNATURES.filter((role) => !levels.some((l) => (l.signatures ?? []).some((item) => (typeof item === "string" ? item : item.role) === role)));
    if (lacking.length > 0) notes.push(t("organisation.standard-layout-kept", { roles: lacking.map((r) => t(`organisation.signature.${r}`)).join("、") }));
  } else {
    const layout = { levels: [1, 2], since, signatures: [...GJB_SIGNATURES], classification: "内部" };
    out.push({
      field: t("organisation.field.document-layouts"),
      before: "",
      after: t("organisation.standard-layout", { since }),
      apply: (doc) => {
        const node = doc.createNode(layout);
        for (const key of ["levels", "signatures"]) (node.get(key) as { flow?: boolean }).flow = true;
        if (doc.has("document_layouts")) doc.addIn(["document_layouts"], node);
        else doc.set("document_layouts", doc.createNode([node]));
      },
    });
  }
  const missing = DEPARTMENTS.GJB9001C.filter(([code, name]) => !departments.some((d) => d.code === code || d.name === name));
  if (missing.length > 0) notes.push(t("organisation.standard-departments", { departments: missing.map(([code, name]) => `${name}（${code}）`).join("、") }));
  return out;
}

const REVIEW_KINDS = ["manual", "procedure", "instruction", "form"] as const;
type ReviewKind = (typeof REVIEW_KINDS)[number];

/**
 * `--review-interval <kind>=<months>` (repeatable): the periodic review interval csr new gives a new document of each
 * kind (document_control.review_interval_months), a kind named by its key or its name (程序文件), `<kind>=` removing it.
 * Errors: UserError for a missing `=`, an unknown kind, months not a whole number from 1 to 120.
 */
function reviewIntervalChange(config: NonNullable<EditSession["repo"]["config"]>["value"], given: readonly string[]): SettingChange {
  const before: Partial<Record<ReviewKind, number>> = { ...(config.document_control?.review_interval_months ?? {}) };
  const after = { ...before };
  for (const item of given) {
    const at = item.search(/[=＝]/);
    if (at <= 0) throw new UserError(t("organisation.review-interval-format", { given: item }), t("organisation.review-interval-hint"));
    const name = item.slice(0, at).trim();
    const months = item.slice(at + 1).trim();
    const kind = REVIEW_KINDS.find((k) => k === name || t(`value.kind.${k}`) === name);
    if (!kind) throw new UserError(t("organisation.review-interval-unknown", { kind: name }) + didYouMean(name, [...REVIEW_KINDS]), t("organisation.review-interval-kinds", { kinds: list(REVIEW_KINDS.map((k) => t("organisation.review-interval-kind", { kind: k, name: t(`value.kind.${k}`) }))) }));
    if (months === "") delete after[kind];
    else if (!/^\d+$/.test(months) || Number(months) < 1 || Number(months) > 120) throw new UserError(t("organisation.review-interval-months", { given: item }));
    else after[kind] = Number(months);
  }
  const shown = (intervals: Partial<Record<ReviewKind, number>>) =>
    REVIEW_KINDS.filter((k) => intervals[k] !== undefined).map((k) => `${t(`value.kind.${k}`)} ${t("process.months", { months: intervals[k]!, count: intervals[k]! })}`).join(t("common.list-separator"));
  const kept = REVIEW_KINDS.filter((k) => after[k] !== undefined);
  return {
    field: t("organisation.field.review-interval"),
    before: shown(before),
    after: shown(after),
    apply: (doc) =>
      kept.length === 0
        ? // The mapping goes with its last key, as --external-check-months "" leaves it.
          Object.keys(config.document_control ?? {}).length <= 1
          ? doc.delete("document_control")
          : doc.deleteIn(["document_control", "review_interval_months"])
        : doc.setIn(["document_control", "review_interval_months"], doc.createNode(Object.fromEntries(kept.map((k) => [k, after[k]])), { flow: true })),
  };
}
