/**
 * `csr new <kind>`: a new controlled document as a draft: the next number of a numbering family
 * of qms.yaml, title, department and level, and the body sections of its kind (templates/scaffold.yaml).
 * `csr new external` registers a document the organisation received (a standard, a customer's
 * drawing): it keeps its publisher's number and is controlled (released) from the day received,
 * with no body and no signatures of the organisation's (docs/format.md, documents/).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Document, parse } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean, localized, shellArgument } from "../../core/text.js";
import { TEMPLATES_DIR } from "../../load/package.js";
import { ANY_NUMBER, numberPatternToRegExp, patternOf, patternOfYear } from "../../model/numbering.js";
import { localToday } from "../../core/dates.js";
import { numbersOnOtherBranches } from "../../load/branch-numbers.js";
import { documentFileName, numbersSharingFileName } from "../../model/paths.js";
import { describe, eventLabel } from "../../model/recorded-events.js";
import type { ControlledDocument, Customer, DocumentKind, QmsConfig, Section } from "../../model/types.js";
import { layoutSignatureFlags } from "../../model/index.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { choiceOption, classificationOption, clauseValues, dateOption, eventDateOption } from "../options.js";
import { yamlText, type FileChange } from "../shared/persist.js";
import { departmentLabel } from "../shared/people.js";
import { departmentByCode, editFile, findDocumentById, listOption, need, withEditSession, saveChanges, type EditSession } from "../shared/edit.js";
import { conjunction, language, list, t } from "../../i18n/index.js";
import { customerPublishing, sourceIdOf } from "../../model/customers.js";
import { DEFAULT_REVIEW_DAYS } from "../../model/csr-status.js";
import { markRevising, revisingMarked } from "../shared/revising.js";
import { deviationOption, splitVersion } from "../shared/deviation.js";

export const DOCUMENT_KINDS: readonly DocumentKind[] = ["manual", "procedure", "instruction", "form", "external"];
const LEVELS: Record<DocumentKind, 1 | 2 | 3 | 4> = { manual: 1, procedure: 2, instruction: 3, form: 4, external: 3 };

export interface NewFlags {
  number?: string;
  family?: string;
  title?: string;
  titleEn?: string;
  department?: string;
  level?: string;
  clause?: string[];
  usedBy?: string;
  /** The documents the new one deviates from (a deviation, 偏离: `deviates_from`), comma-separated; they are left as they are (shared/deviation.ts). */
  deviatesFrom?: string[] | string;
  /** A form's retention period (record.retention, IATF 16949 7.5.3.2.1), e.g. "3年". */
  retention?: string;
  /** The 密级 (model/classification.ts CLASSIFICATIONS); without it the document takes its layout's default. */
  classification?: string;
  /** An external document's publisher (发布单位), own edition, date issued, 实施日期 and date received: its `external` block. */
  publisher?: string;
  revision?: string;
  issued?: string;
  effective?: string;
  received?: string;
  yes?: boolean;
  commit?: boolean;
}

export async function newCommand(ctx: CommandContext, kind: string | undefined, flags: NewFlags): Promise<number> {
  return newDocument(ctx, kind, flags);
}

export async function newDocument(ctx: CommandContext, kindArg: string | undefined, flags: NewFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const { ask, repo } = session;
    const kind =
      kindArg !== undefined
        ? choiceOption(kindArg, "<kind>", DOCUMENT_KINDS, "procedure")
        : await need(ask, "<kind>", t("new.needs.kind"), (p) => p.select({ message: t("prompt.new.kind"), choices: DOCUMENT_KINDS.map((k) => ({ value: k, name: t(`new.kind.${k}`) })) }));
    const config = repo.config?.value;
    if (kind === "external") refuseCustomerPublisher(repo.customers.map((c) => c.value), config, flags);
    const taken = new Set([...session.index.documents.keys(), ...repo.unvalidated.documents]);
    const chosen = flags.family !== undefined || flags.number !== undefined ? undefined : await familyInUse(session, config, kind);
    const family = flags.family ?? chosen?.pattern;
    const user = flags.usedBy !== undefined ? findDocumentById(session, flags.usedBy) : (kind === "form" || (kind === "instruction" && flags.deviatesFrom === undefined)) && flags.number === undefined ? await owningProcedure(session, config, kind, family) : undefined;
    // Numbers a branch not merged here has taken count as taken: both would be one file when the branches merge.
    const elsewhere = flags.number === undefined && kind !== "external" ? numbersOnOtherBranches(session.root, config?.numbering ?? []) : new Map<string, string[]>();
    // A deviation is numbered in the family of the document it deviates from (WI-010-01's is WI-010-xx), as a form is in its procedure's (tester63 N14).
    const deviated = user === undefined && flags.number === undefined ? deviationFamily(session, config, kind, family, flags.deviatesFrom) : undefined;
    const suggested = flags.number ?? nextNumber(config, kind, family, elsewhere.size > 0 ? new Set([...taken, ...elsewhere.keys()]) : taken, deviated?.siblings ?? user?.value.forms, deviated?.owner ?? user?.value.id);
    const number =
      flags.number?.trim() ??
      (ask ? (await ask.input({ message: t(kind === "external" ? "prompt.new.external-number" : "prompt.new.number"), default: suggested, required: true })).trim() : suggested);
    if (number === undefined || number === "") throw new UserError(t(kind === "external" ? "new.external.no-number" : "new.no-pattern", { kind: t(`new.kind.${kind}`) }));
    // An external document keeps its issuer's number: there is no next one to suggest.
    if (taken.has(number)) throw new UserError(t("new.exists", { number }), kind === "external" ? undefined : t("new.exists.hint", { next: nextNumber(config, kind, family, taken) ?? t("new.no-next") }));
    const sharing = numbersSharingFileName([number, ...taken]).get(number);
    if (sharing) throw new UserError(t("new.same-file-name", { number, others: conjunction(sharing), name: documentFileName(number) }));
    const title = (flags.title ?? (await need(ask, "--title", t("add.needs.title"), (p) => p.input({ message: t("prompt.add.title"), required: true })))).trim();
    if (title === "") throw new UserError(t("new.empty-title"));
    const departments = config?.departments ?? [];
    const department = departmentByCode(
      session,
      flags.department ??
        (await need(ask, "--department", t("new.needs.department"), (p) =>
          p.select({ message: t("prompt.new.department"), choices: departments.map((d) => ({ value: d.code, name: `${d.code}  ${d.name}` })) }),
        )),
      "--department",
    );
    const classification = flags.classification === undefined ? undefined : classificationOption(flags.classification);
    const retention = flags.retention?.trim();
    if (retention && kind !== "form") throw new UserError(t("new.retention-not-form", { kind: t(`new.kind.${kind}`) }));
    const external = kind === "external" ? externalBlock(flags, number) : refuseExternalFlags(flags, kind);
    const deviation = flags.deviatesFrom === undefined ? undefined : deviationOption(session, number, flags.deviatesFrom, { day: localToday(), released: false });
    const deviatesFrom = deviation?.numbers;
    const deviatedVersions = deviation?.versions ?? {};
    if (deviatesFrom?.length === 0) throw new UserError(t("new.deviates-from-empty"));
    // A deviation is not one of its target's related documents: that would revise the target for it (tester61 L12).
    if (user && deviatesFrom?.includes(user.value.id)) throw new UserError(t("new.deviation-used-by", { user: user.value.id }));
    const level = flags.level === undefined ? LEVELS[kind] : (Number(choiceOption(flags.level, "--level", ["1", "2", "3", "4"] as const, "2")) as 1 | 2 | 3 | 4);
    const sections = scaffold(session.root, kind, session.lang);
    // The kind's periodic review interval of qms.yaml (tester71 Q4): a new document does not drop out of the review plan.
    const reviewInterval = kind === "external" ? undefined : config?.document_control?.review_interval_months?.[kind];
    const document: ControlledDocument = {
      id: number,
      title,
      ...(flags.titleEn ? { title_en: flags.titleEn } : {}),
      level,
      kind,
      department,
      ...(classification ? { classification } : {}),
      ...(flags.clause && flags.clause.length > 0 ? { clauses: clauseValues(flags.clause, repo) } : {}),
      status: external ? "released" : "draft",
      ...(deviatesFrom ? { deviates_from: deviatesFrom } : {}),
      ...(Object.keys(deviatedVersions).length > 0 ? { deviates_from_versions: deviatedVersions } : {}),
      ...(reviewInterval !== undefined ? { review_interval_months: reviewInterval } : {}),
      ...(kind === "procedure" ? { related: [], forms: [] } : {}),
      ...(sections.length > 0 ? { sections } : {}),
      ...(retention ? { record: { retention } } : {}),
      ...(external ? { external } : {}),
    };
    const path = `${folderFor(session, kind)}/${documentFileName(number)}.yaml`;
    const changes: FileChange[] = [{ path, kind: "document", text: yamlText(new Document(document)), create: true }];
    const created = { number, title, path, kind: t(`new.kind.${kind}`), department: departmentLabel(session.index, department), count: sections.length };
    const lines = external
      ? [
          t("new.external.registered", { ...created, received: external.received }),
          ...(external.effective !== undefined && external.effective > external.received ? [t("new.external.effective-later", { effective: external.effective })] : []),
          t("new.external.controlled", { id: shellArgument(number) }),
        ]
      : [sections.length > 0 ? t("new.created-with-sections", created) : t("new.created", created)];
    if (deviatesFrom) lines.push(t("new.deviates-from", { number, targets: list(deviatesFrom), numberArg: shellArgument(number) }));
    if (user) {
      // A form is one of the user's records (相关记录, `forms`); any other document is one of its related documents (相关文件, `related`).
      const key = kind === "form" ? "forms" : "related";
      if ((user.value[key] ?? []).includes(number)) throw new UserError(t("new.listed-already", { user: user.value.id, number }));
      if (user.value.status === "in-review") {
        // Its reviewers must see every change, as csr obsolete leaves a draft in review: it is left as it is, and the line says what to do.
        const todo = { user: user.value.id, number, userArg: shellArgument(user.value.id), numberArg: shellArgument(number) };
        lines.push(t(key === "forms" ? "new.listed-in-review" : "new.listed-related-in-review", todo));
      } else {
        // A released document's new list is the draft of its next revision, marked as such (shared/revising.ts, tester54a A2).
        const today = localToday();
        const marking = user.value.status === "released" && user.value.revising === undefined;
        changes.push(editFile(session.root, user.file.path, "document", (doc) => {
          const listed = doc.get(key, true);
          if (listed) doc.addIn([key], number);
          else doc.set(key, doc.createNode([number], { flow: true }));
          if (marking) markRevising(doc, user.value, today);
        }));
        // A released document changes only through a revision: its new list is committed with that release, not here.
        const listed = { user: user.value.id, number };
        const messages = key === "forms" ? (["new.listed", "new.listed-release", "new.listed-release-commit"] as const) : (["new.listed-related", "new.listed-related-release", "new.listed-related-release-commit"] as const);
        lines.push(t(user.value.status !== "released" ? messages[0] : flags.commit ? messages[2] : messages[1], listed));
        if (marking) lines.push(revisingMarked(user.value, today));
        // A deviation beside a released document is linked from its own side, and the document is not revised for it.
        if (marking && key === "related") lines.push(t("new.used-by-deviation", { user: user.value.id, number, userArg: shellArgument(user.value.id), numberArg: shellArgument(number) }));
      }
    }
    if (reviewInterval !== undefined) lines.push(t("new.review-interval", { number, interval: t("process.months", { months: reviewInterval, count: reviewInterval }), kind: t(`new.kind.${kind}`), numberArg: shellArgument(number) }));
    // None for its kind: the document is left out of the periodic review plan until one is set, for it or for the kind (year72).
    else if (kind !== "external") lines.push(t("new.review-interval-none", { number, kind: t(`new.kind.${kind}`), kindCode: kind, numberArg: shellArgument(number) }));
    if (kind === "form" && !retention) lines.push(t("new.retention-missing", { number }));
    // The release command in full: every signature the level's layout prints is required by csr release.
    if (!external) lines.push(t(kind === "form" ? "new.next-step.form" : "new.next-step", { number, more: layoutSignatureFlags(repo, { level, kind, id: number }, "...") }));
    if (chosen?.note) lines.push(chosen.note);
    const skipped = skippedOnBranches(number, taken, elsewhere);
    if (skipped) lines.push(skipped);
    const only = user?.value.status === "released" ? [path] : undefined;
    await saveChanges(ctx, session, changes, lines, { commit: flags.commit, message: t("commit.new", { kind: t(`new.kind.${kind}`), number, title }), ...(only ? { only } : {}) });
    return 0;
  });
}

/**
 * The line that names the numbers of `number`'s family (same pattern) below it that only branches
 * not merged here have (numbersOnOtherBranches), with the branches: why the new document's number
 * is not the next one of this branch. Undefined when there are none.
 */
function skippedOnBranches(number: string, taken: ReadonlySet<string>, elsewhere: ReadonlyMap<string, readonly string[]>): string | undefined {
  const family = patternOf(number);
  const skipped = [...elsewhere]
    .filter(([n]) => !taken.has(n) && patternOf(n) === family && n.localeCompare(number, "en", { numeric: true }) < 0)
    .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }));
  if (skipped.length === 0) return undefined;
  return t("new.skipped-on-branches", { count: skipped.length, number, numbers: list(skipped.map(([n, branches]) => t("new.on-branch", { number: n, branches: list([...branches]) }))) });
}

/**
 * The numbers a new deviation takes its next one among (tester63 N14): in a family whose pattern
 * carries the governing procedure's digits first (WI-###-##, QR-###-##), the documents of the new one's
 * kind sharing those digits with the first document of `--deviates-from` (for WI-010-01: WI-010-01,
 * WI-010-02 …), and that document as the owner (for QP-010: WI-010-01 when there is none yet).
 * Undefined for a one-group pattern, an unknown document (refused later, by deviationOption) or
 * no --deviates-from.
 */
function deviationFamily(session: EditSession, config: QmsConfig | undefined, kind: string, family: string | undefined, deviatesFrom: readonly string[] | string | undefined): { siblings: string[]; owner: string } | undefined {
  const given = listOption(deviatesFrom)[0];
  const first = given === undefined ? undefined : splitVersion(given).number;
  if (!first) return undefined;
  const pattern = numberingPattern(config, kind, family);
  const groups = pattern?.match(/#+/g) ?? [];
  const target = [...session.index.documents.keys()].find((id) => id.toLowerCase() === first.toLowerCase());
  const digits = target === undefined ? undefined : /\d+/.exec(target)?.[0];
  if (groups.length < 2 || target === undefined || digits === undefined || digits.length !== groups[0]!.length) return undefined;
  const siblings = [...session.index.documents.values()].filter(({ value }) => value.kind === kind && /\d+/.exec(value.id)?.[0] === digits).map(({ value }) => value.id);
  return { siblings, owner: target };
}

/** The numbering pattern of `kind` in qms.yaml `numbering`: the family's given, else the kind's first; undefined when none. */
function numberingPattern(config: QmsConfig | undefined, kind: string, family: string | undefined): string | undefined {
  const patterns = (config?.numbering ?? []).filter((n) => n.kind === kind);
  return (family === undefined ? patterns[0] : patterns.find((n) => n.family === family || n.pattern === family))?.pattern;
}

/**
 * The procedure a new form or work instruction belongs to, when its numbering family carries the procedure's digits
 * (QR-###-##: QR-001-03 is QP-001's third form; WI-###-##: WI-008-01 is QP-008's first instruction, tester73 S11) and
 * neither --used-by nor --number says it (nor, for an instruction, --deviates-from, which numbers it after the document it
 * deviates from): a terminal asks which procedure; a script is refused, since the next number of whichever procedure came
 * last would misfile the document by its number. Undefined for a family without an owner's digits.
 */
async function owningProcedure(session: EditSession, config: QmsConfig | undefined, kind: "form" | "instruction", family: string | undefined): Promise<ReturnType<typeof findDocumentById> | undefined> {
  const pattern = numberingPattern(config, kind, family);
  if (pattern === undefined || (pattern.match(/#+/g) ?? []).length < 2) return undefined;
  const procedures = [...session.index.documents.values()].map((d) => d.value).filter((d) => d.kind === "procedure" && d.status !== "obsolete");
  if (!session.ask || procedures.length === 0) throw new UserError(t(`new.${kind}-needs-owner`, { pattern }));
  const id = await session.ask.select({ message: t(`prompt.new.${kind}-owner`), choices: procedures.map((d) => ({ value: d.id, name: `${d.id}  ${d.title}` })) });
  return findDocumentById(session, id);
}

/**
 * The `external` block of a registered external document: the publisher's data as given, and the
 * date received (today by default), which is a record: not after today, nor before the date issued.
 * Its 实施日期 (--effective) is the publisher's, not a record: it may lie ahead, but not before the date issued.
 * Without --revision, a standard's edition is the year its number ends with (标准年代号: GB/T
 * 19001-2016 → 2016), as its copies are of that edition (model/distribution.ts copyEdition).
 */
function externalBlock(flags: NewFlags, number: string): NonNullable<ControlledDocument["external"]> & { received: string } {
  const publisher = flags.publisher?.trim();
  const { issued, issue, effective } = publisherDates(flags, number);
  const received = eventDateOption(flags.received, "--received", issue ? { follows: issue } : {});
  const revision = flags.revision?.trim() || standardYear(number, issued, received);
  return { ...(publisher ? { publisher } : {}), ...(revision ? { revision } : {}), ...(issued ? { issued } : {}), ...(effective ? { effective } : {}), received };
}

/**
 * A customer's engineering standard or specification is reviewed within `csr.review_days` working days of receipt and the day
 * each change goes into production recorded (IATF 16949 7.5.3.2.2): the clock of a customer's source documents (csr source add,
 * csr/source-unreviewed, the 外来文件清单's 导入生产 date), which an external document has not. `csr new external` whose
 * --publisher is a customer (customerPublishing) is refused, in one line naming the `csr source add` that registers it, with
 * what was given: the number as the source's id (its characters that a code does not take made '-'), title, revision, dates,
 * department and 密级. Errors: UserError.
 */
export function refuseCustomerPublisher(customers: readonly Customer[], config: QmsConfig | undefined, flags: NewFlags): void {
  const customer = flags.publisher === undefined ? undefined : customerPublishing(customers, flags.publisher);
  if (!customer) return;
  const id = flags.number === undefined ? undefined : sourceIdOf(flags.number);
  const given: [string, string | undefined][] = [
    ["--id", id],
    ["--title", flags.title],
    ["--title-en", flags.titleEn],
    ["--revision", flags.revision],
    ["--issued", flags.issued],
    ["--effective", flags.effective],
    ["--received", flags.received],
    ["--department", flags.department],
    ["--classification", flags.classification],
  ];
  const command = ["csr source add", customer.code, ...given.flatMap(([flag, value]) => (value?.trim() ? [`${flag} ${shellArgument(value.trim())}`] : []))].join(" ");
  throw new UserError(t("new.external.customer-publisher", { publisher: flags.publisher!.trim(), customer: customer.code, name: localized(language(), customer.name, customer.name_en), days: config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS, command }));
}

/**
 * The publisher's dates of an external document's edition, from --issued and --effective: read as
 * dates, 实施日期 not before the date issued (it may lie ahead), and the issue as the event a date
 * received follows (`csr new external`, `csr set --edition`). Errors: UserError for a date that is
 * none, or 实施日期 before the issue.
 */
export function publisherDates(flags: { issued?: string; effective?: string }, id: string) {
  const issued = flags.issued === undefined ? undefined : dateOption(flags.issued, "--issued");
  const issue = issued ? { what: eventLabel("rule.date/event.doc-external-issued"), date: issued, external: true as const, of: id } : undefined;
  const effective = flags.effective === undefined ? undefined : dateOption(flags.effective, "--effective");
  if (effective !== undefined && issue && effective < issue.date) {
    throw new UserError(t("options.date-before", { flag: "--effective", value: effective, follows: t("options.event-of", { what: describe(issue.what), id }), date: issue.date }));
  }
  return { issued, issue, effective };
}

/**
 * The year a standard's number ends with (标准年代号): GB/T 19001-2016 → 2016, ISO 9001:2015 → 2015; an older standard
 * written with two digits (GJB 190-86, GB 2828-87) → 1986, 1987: the century of the date issued when
 * it ends in those digits, else the latest year not after the date received. Undefined for a number
 * without a year.
 */
function standardYear(number: string, issued: string | undefined, received: string): string | undefined {
  const full = /[-:]((?:19|20)\d\d)$/.exec(number)?.[1];
  if (full) return full;
  const short = /^[A-Za-z][A-Za-z/ ]*\d[\d.]*[A-Za-z]?-(\d\d)$/.exec(number)?.[1];
  if (short === undefined) return undefined;
  if (issued?.slice(2, 4) === short) return issued.slice(0, 4);
  const year = Number(received.slice(0, 4));
  const candidate = Math.floor(year / 100) * 100 + Number(short);
  return String(candidate > year ? candidate - 100 : candidate);
}

/**
 * --publisher, --revision, --issued, --effective and --received describe what was received: an external
 * document's only. The organisation's own document takes effect when released (csr release --effective).
 */
function refuseExternalFlags(flags: NewFlags, kind: DocumentKind): undefined {
  if (flags.effective !== undefined) throw new UserError(t("new.effective-at-release", { kind: t(`new.kind.${kind}`) }));
  const given = (["publisher", "revision", "issued", "received"] as const).find((flag) => flags[flag] !== undefined);
  if (given) throw new UserError(t("new.external-only", { flag: `--${given}`, kind: t(`new.kind.${kind}`) }));
  return undefined;
}

/**
 * The numbering family a new document of `kind` takes when none is named: the one the repository
 * uses for that kind. Several families may be configured (a company's old and new numbering, or the
 * default of `csr init` beside its own); the first listed is only the choice when none is in use.
 * (Within the family, a new form of a procedure is numbered after the procedure: nextNumber.) When several are in use,
 * a terminal asks (the most used first); otherwise the most used is taken and the output says so,
 * naming the others and --family.
 */
async function familyInUse(session: EditSession, config: QmsConfig | undefined, kind: DocumentKind): Promise<{ pattern: string; note?: string } | undefined> {
  const patterns = (config?.numbering ?? []).filter((n) => n.kind === kind);
  if (patterns.length < 2) return undefined;
  const documents = [...session.index.documents.values()].map((d) => d.value);
  const counted = (ids: readonly string[]) =>
    patterns
      .map((n, order) => ({ pattern: n.pattern, order, count: ids.filter((id) => numberPatternToRegExp(n.pattern).test(id)).length }))
      .filter((c) => c.count > 0)
      .sort((a, b) => b.count - a.count || a.order - b.order);
  const used = counted(documents.filter((d) => d.kind === kind).map((d) => d.id));
  if (used.length === 0) return undefined;
  if (used.length === 1) return { pattern: used[0]!.pattern };
  const kindName = t(`new.kind.${kind}`);
  if (session.ask) {
    const pattern = await session.ask.select({
      message: t("prompt.new.family", { kind: kindName }),
      choices: used.map((u) => ({ value: u.pattern, name: t("new.family-choice", { pattern: u.pattern, count: u.count }) })),
    });
    return { pattern };
  }
  const [most, ...others] = used;
  return { pattern: most!.pattern, note: t("new.family-most-used", { pattern: most!.pattern, count: most!.count, kind: kindName, others: others.map((o) => t("new.family-choice", { pattern: o.pattern, count: o.count })).join(t("new.family-separator")) }) };
}

/**
 * The next free number of a numbering family: one more than the highest number of its pattern in
 * use (the last group of digits counts up), or the pattern's first number. `family` names a family
 * or a pattern; by default the first pattern listed for the kind. `siblings` (the forms of the
 * procedure a new form belongs to) count first, so QP-015's next form is QR-015-03; a procedure
 * without forms of the family gets the first number carrying its own digits (QP-010 → QR-010-01). A pattern with
 * the year (`{YYYY}`) counts within `year` (today's by default), so its sequence starts again each January.
 */
export function nextNumber(
  config: QmsConfig | undefined,
  kind: DocumentKind,
  family: string | undefined,
  taken: ReadonlySet<string>,
  siblings: readonly string[] = [],
  owner?: string,
  year: string = localToday().slice(0, 4),
): string | undefined {
  const patterns = (config?.numbering ?? []).filter((n) => n.kind === kind);
  if (patterns.length === 0) return undefined;
  const chosen = family === undefined ? patterns[0]! : patterns.find((n) => n.family === family || n.pattern === family);
  if (!chosen) {
    throw new UserError(t("new.unknown-family", { family: family!, kind: t(`new.kind.${kind}`) }) + didYouMean(family!, patterns.flatMap((n) => [n.pattern, ...(n.family ? [n.family] : [])])));
  }
  // An external document's publisher gives its number: there is no next one.
  if (chosen.pattern === ANY_NUMBER) return undefined;
  // A family numbered by the year counts within the year the number is given: HSD-WI-{YYYY}### gives HSD-WI-2027001 first in 2027.
  const pattern = patternOfYear(chosen.pattern, year);
  const re = numberPatternToRegExp(pattern);
  const own = siblings.filter((id) => re.test(id));
  const first = own.length === 0 && owner !== undefined ? firstOfOwner(pattern, owner) : undefined;
  if (first !== undefined) {
    for (let candidate: string | undefined = first; candidate !== undefined; candidate = increment(candidate)) {
      if (re.test(candidate) && !taken.has(candidate)) return candidate;
    }
  }
  const used = (own.length > 0 ? own : [...taken].filter((id) => re.test(id))).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const highest = used[used.length - 1];
  if (highest === undefined) return pattern.replace(/#+/g, (run) => "1".padStart(run.length, "0"));
  for (let candidate = increment(highest); candidate !== undefined; candidate = increment(candidate)) {
    if (re.test(candidate) && !taken.has(candidate)) return candidate;
  }
  return undefined;
}

/** QR-###-## for QP-010 -> QR-010-01: the owner's digits in the first group when their lengths match. */
function firstOfOwner(pattern: string, owner: string): string | undefined {
  const groups = pattern.match(/#+/g) ?? [];
  const digits = /\d+/.exec(owner)?.[0];
  if (groups.length < 2 || digits === undefined || digits.length !== groups[0]!.length) return undefined;
  let index = 0;
  return pattern.replace(/#+/g, (run) => (index++ === 0 ? digits : "1".padStart(run.length, "0")));
}

/** QR-015-02 -> QR-015-03; QP-099 -> QP-100; undefined when the digits run out. */
function increment(number: string): string | undefined {
  const m = /^(.*?)(\d+)(\D*)$/.exec(number);
  if (!m) return undefined;
  const next = String(Number(m[2]) + 1).padStart(m[2]!.length, "0");
  return next.length > m[2]!.length ? undefined : `${m[1]}${next}${m[3]}`;
}

/** Where documents of this kind live already (the most common folder), else documents/. */
function folderFor(session: EditSession, kind: DocumentKind): string {
  const counts = new Map<string, number>();
  for (const d of session.repo.documents) if (d.value.kind === kind) counts.set(dirname(d.file.path), (counts.get(dirname(d.file.path)) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best?.[0] ?? "documents";
}

/** The sections of a kind from the repository's templates/scaffold.yaml, else csr's own; titles in the repository's language. */
function scaffold(root: string, kind: DocumentKind, lang: "zh-CN" | "en"): Section[] {
  const own = join(root, "templates", "scaffold.yaml");
  const path = existsSync(own) ? own : join(TEMPLATES_DIR, "scaffold.yaml");
  const data = parse(readFileSync(path, "utf8")) as Record<string, unknown> | null;
  const list = data?.[kind];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list) || !list.every((s) => typeof (s as Section | null)?.title === "string")) {
    throw new UserError(t("new.bad-scaffold", { path, kind }));
  }
  // A declared number stays (a manual's chapters are the standard's, 4 组织环境 … 10 改进), in the order the schema's examples write the keys.
  return (list as Section[]).map((s) => ({
    ...(s.number !== undefined ? { number: s.number } : {}),
    ...(lang === "en" && s.title_en ? { title: s.title_en } : { title: s.title, ...(s.title_en ? { title_en: s.title_en } : {}) }),
  }));
}
