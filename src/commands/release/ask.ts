/**
 * What `csr release` asks at a terminal when its options leave something open: the summary of the
 * change (修订内容) — for a revision, then why (更改原因, 文件更改申请单号, ECN; each may be left blank) —, each signature the document's printed layout requires (编制, 审核, and where
 * qms.yaml `document_layouts` prints them 会签, 标准化审查, 军代表; then 批准), and the release date.
 * Each signature offers only the people whom the release would accept for it (release/index.ts):
 * in people.yaml and not gone, with the role it needs, not a 军代表 for the organisation's own
 * signatures and only a 军代表 for the 军代表's, and nobody already named for a signature this one
 * must stand apart from (SEPARATE_DUTIES: the pairs the release refuses, so 会签 leaves out only the
 * preparer). Where departments must countersign the revision (qms.yaml `document_control.countersign`,
 * the document's `countersign_departments`), 会签 is asked whatever the layout, their people are offered
 * first, and the answer needs someone of each. Without --action, the open corrective action records (actions/)
 * are offered after the why, those its reason or change request names ticked; naming one is enough to be
 * asked; one received after the release's --date is shown and cannot be ticked, and the date asked for is not
 * before the receipt of a record ticked or given (release/actions.ts, as --action --date is refused). The answers
 * are the options the command would otherwise have been given.
 */
import { localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { escapeRegExp } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import { codeWithLabel } from "../../i18n/values.js";
import type { Repository } from "../../load/repository.js";
import { countersignMissing, countersignRequired } from "../../model/countersign.js";
import { currentRevision, documentLayout, GJB_SIGNATURES, isMilitaryRepresentative, layoutSignatures, militaryParties, SIGNATURE_FLAGS, type RepoIndex } from "../../model/index.js";
import { revisionEvent } from "../../model/recorded-events.js";
import { actionClosed } from "../../model/actions.js";
import type { ControlledDocument, CorrectiveAction, Person, Role, SignatureRole } from "../../model/types.js";
import { printingBrowser } from "../../render/pdf.js";
import { codedChoices, type Choice, type Prompts } from "../add/prompting.js";
import { dateAnswer, eventDateAnswer } from "../options.js";
import { departmentLabel, personChoiceList, resolvePerson, worksOn } from "../shared/people.js";
import { namedActions, receivedAfter } from "./actions.js";
import { changeBasis, SEPARATE_DUTIES, type ReleaseFlags } from "./index.js";

/** Whether the options leave a value open that the release requires (so that a terminal is asked). */
export function releaseNeedsAnswers(repo: Repository, doc: ControlledDocument, flags: ReleaseFlags): boolean {
  const signatures = signaturesAsked(repo, doc, releaseDay(flags), flags.configurationChange === true);
  const given = (value: string | undefined) => value !== undefined && value.trim() !== "";
  return (
    !given(flags.summary) ||
    !given(flags.prepared) ||
    !given(flags.reviewed) ||
    !given(flags.approved) ||
    (signatures.has("countersigned") && !(flags.countersigned ?? []).some(given)) ||
    (signatures.has("standardization") && !given(flags.standardization)) ||
    (signatures.has("military_representative") && !given(flags.militaryRepresentative)) ||
    (!(flags.action ?? []).some(given) && actionsNamedInBasis(openActions(repo), flags).length > 0) ||
    (flags.totalPages === undefined && totalPagesAsked(repo, doc, releaseDay(flags)))
  );
}

/** The corrective action records not closed (actions/, D8 without a date), in the order of their ids: those a revision may carry out. */
function openActions(repo: Repository): CorrectiveAction[] {
  return repo.actions
    .map((a) => a.value)
    .filter((a) => !actionClosed(a))
    .sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
}

/**
 * The ids of the records among `open` (the open corrective action records, openActions) that the revision's
 * reason or change request names as written (--reason "东岳投诉DYA-C-2026-031，8D-2026-012 D7永久措施"), letter
 * case aside: a whole id, not one that only starts another (8D-2026-01 in 8D-2026-012).
 */
function actionsNamedInBasis(open: readonly CorrectiveAction[], flags: Pick<ReleaseFlags, "reason" | "changeRequest">): string[] {
  const text = [flags.reason ?? "", flags.changeRequest ?? ""].join("\n");
  if (text.trim() === "") return [];
  return open
    .filter((a) => new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(a.id)}(?![A-Za-z0-9])`, "i").test(text))
    .map((a) => a.id);
}

/**
 * The options with every value they left open answered, in the order the signatures are given on
 * paper; the release date (today by default) is asked when --date is not given. Each signature's
 * choices leave out the people already named (by an option or an answer) for a signature it must
 * stand apart from (SEPARATE_DUTIES), and no one else: what the release refuses, and nothing it
 * accepts. A person named by an option is looked up as the release looks them up.
 * Errors: UserError when nobody in people.yaml may sign a signature that is asked for.
 */
export async function askForRelease(ask: Prompts, repo: Repository, index: RepoIndex, doc: ControlledDocument, flags: ReleaseFlags): Promise<ReleaseFlags> {
  const signatures = signaturesAsked(repo, doc, releaseDay(flags), flags.configurationChange === true);
  const required = countersignRequired(repo.config?.value, doc, releaseDay(flags));
  const answered: ReleaseFlags = { ...flags };
  const blank = (value: string | undefined) => value === undefined || value.trim() === "";
  if (blank(answered.summary)) {
    answered.summary = (await ask.input({ message: t("prompt.release.summary"), required: true })).trim();
    // A revision (not the first issue) asked for what changed is asked why too, each optional (--reason, --change-request, --ecn; tester61 L3).
    if (currentRevision(doc) !== undefined && blank(answered.reason) && blank(answered.changeRequest) && (answered.ecn ?? []).every(blank)) {
      answered.reason = (await ask.input({ message: t("prompt.release.reason") })).trim();
      answered.changeRequest = (await ask.input({ message: t("prompt.release.change-request") })).trim();
      answered.ecn = [(await ask.input({ message: t("prompt.release.ecn") })).trim()];
    }
  }
  // The corrective action records the revision carries out (--action), from those still open: the ones its reason or change request names ticked.
  if (!(answered.action ?? []).some((value) => !blank(value))) {
    const open = openActions(repo);
    if (open.length > 0) {
      const named = new Set(actionsNamedInBasis(open, answered));
      // A record received after the release's day is shown and cannot be ticked, as --action refuses it (breaker64 P3).
      const day = answered.date === undefined ? localToday() : (dateAnswer(answered.date) ?? answered.date);
      const after = (a: CorrectiveAction) => (receivedAfter([a], day) ? t("prompt.release.action-after-date", { received: a.received, date: day }) : undefined);
      const choices = codedChoices(open.map((a) => ({ value: a.id, name: a.title, name_en: a.title_en, note: a.customer }))).map((c, i) => {
        const disabled = after(open[i]!);
        return disabled === undefined ? { ...c, short: c.value, checked: named.has(c.value) } : { ...c, short: c.value, disabled };
      });
      // None that may be ticked: nothing to ask (inquirer refuses a list with every choice disabled).
      if (choices.some((c) => !("disabled" in c))) answered.action = await ask.checkbox({ message: t("prompt.release.action"), choices });
    }
  }
  // Who signs what so far, by the options and the answers, as the release will read them.
  const named = (role: SignatureRole): Person[] => {
    if (role === "countersigned") return (answered.countersigned ?? []).flatMap((v) => v.split(/[,，、]/)).map((v) => v.trim()).filter(Boolean).map((v) => resolvePerson(index, v, FLAG[role]));
    const value = answered[FIELD[role]];
    return blank(value) ? [] : [resolvePerson(index, value!, FLAG[role])];
  };
  // The signatures to give, in the order they are asked; each answer leaves the later ones someone to sign.
  const order = ASKED.filter((role) => !GJB_SIGNATURES.some(([gjb]) => gjb === role) || signatures.has(role));
  const namedNow = () => new Map(order.map((role) => [role, named(role)] as const));
  const signers = (role: SignatureRole): Choice[] => {
    const given = namedNow();
    const people = nonEmpty(index, role, role === "countersigned" ? requiredFirst(index, eligible(index, doc, role, given), required) : eligible(index, doc, role, given));
    const later = order.slice(order.indexOf(role) + 1).filter((r) => given.get(r)!.length === 0);
    const choices: Choice[] = personChoiceList(index, people).map((choice, i) => {
      const left = role === "countersigned" ? undefined : unsignable(index, doc, new Map([...given, [role, [people[i]!]]]), later);
      return left === undefined ? choice : { ...choice, disabled: left.length > 0 ? t("prompt.release.leaves-unsigned", { signatures: list(left.map((r) => t(`sign.role.${r}`))) }) : t("prompt.release.leaves-unsigned-together") };
    });
    // With no choice left (the options name signers no answer can complete), all are offered and the release refuses as the options would.
    return choices.some((c) => !c.disabled) ? choices : choices.map(({ disabled: _, ...choice }) => choice);
  };
  const choose = async (role: Exclude<SignatureRole, "countersigned">) => {
    if (!blank(answered[FIELD[role]])) return;
    const choices = signers(role);
    // The cursor starts on the first that may be chosen: inquirer would start on a disabled first choice.
    const first = choices.find((c) => !c.disabled);
    answered[FIELD[role]] = await ask.select({ message: t(`prompt.release.${role}`), choices, ...(first ? { default: first.value } : {}) });
  };
  await choose("prepared");
  await choose("reviewed");
  if (signatures.has("countersigned") && named("countersigned").length === 0) {
    // The departments that must countersign are named, their people offered first, and each must have someone ticked.
    const departments = (codes: readonly string[]) => list(codes.map((code) => codeWithLabel(code, departmentLabel(index, code))));
    const missing = (ids: readonly string[]) => countersignMissing(required, ids.flatMap((id) => index.people.get(id)?.value ?? []), index.departments);
    answered.countersigned = await ask.checkbox({
      message: required.length > 0 ? t("prompt.release.countersigned-required", { departments: departments(required) }) : t("prompt.release.countersigned"),
      choices: signers("countersigned"),
      required: true,
      ...(required.length > 0 ? { validate: (ticked: string[]) => (missing(ticked).length === 0 ? true : t("prompt.release.countersigned-missing", { departments: departments(missing(ticked)) })) } : {}),
    });
  }
  if (signatures.has("standardization")) await choose("standardization");
  await choose("approved");
  if (signatures.has("military_representative")) await choose("military_representative");
  if (answered.date === undefined) {
    const latest = currentRevision(doc);
    const event = eventDateAnswer({ follows: latest ? { ...revisionEvent(latest), of: doc.id } : undefined });
    // Not before the day a corrective action it carries out was received, as --date is refused (release/actions.ts).
    const actions = namedActions(repo, changeBasis(answered).actions ?? []);
    const validate = (value: string): true | string => {
      const problem = event(value);
      if (problem !== true) return problem;
      const day = dateAnswer(value)!;
      const late = receivedAfter(actions, day);
      return late ? t("prompt.release.date-before-action", { value: day, action: late.id, received: late.received }) : true;
    };
    const answer = await ask.input({ message: t("prompt.release.date"), default: localToday(), required: true, validate });
    answered.date = dateAnswer(answer);
  }
  await askTotalPages(ask, repo, doc, answered);
  return answered;
}

/**
 * The 总页数 of the earlier revision that records one last (revisions' `total_pages`), with its version;
 * undefined when none does. A revision record that gives 总页数 for each version needs it for the new one too,
 * else its cell is blank where the earlier ones are filled (tester63 N15).
 */
export function lastTotalPages(doc: ControlledDocument): { version: string; pages: number } | undefined {
  const revision = [...(doc.revisions ?? [])].reverse().find((r) => r.total_pages !== undefined);
  return revision ? { version: revision.version, pages: revision.total_pages! } : undefined;
}

/**
 * Whether the revision record of `doc` as released on `date` prints 总页数: its layout's columns (qms.yaml
 * `document_layouts` revisions) name it, or, with none named, an earlier revision records it (the default
 * columns print it then, render/view.ts). Its cell would then be blank for the new revision, and a
 * released record is not rewritten (tester66 N8).
 */
export function totalPagesPrinted(repo: Repository, doc: ControlledDocument, date: string): boolean {
  const columns = documentLayout(repo, doc, date)?.revisions;
  if (columns === undefined) return lastTotalPages(doc) !== undefined;
  return columns.some((item) => (typeof item === "string" ? item : item.column) === "total_pages");
}

/**
 * Whether a release on `date` asks for 总页数: an earlier revision records it, or the revision record prints it (totalPagesPrinted),
 * but not where the record prints it and csr can count it in its own PDF (printingBrowser: the release counts it, tester76 M11).
 */
function totalPagesAsked(repo: Repository, doc: ControlledDocument, date: string): boolean {
  if (totalPagesPrinted(repo, doc, date)) return printingBrowser() === undefined;
  return lastTotalPages(doc) !== undefined;
}

/**
 * --total-pages asked when not given and the revision record prints it (totalPagesPrinted), or an earlier
 * revision records it: the last recorded count offered (Enter keeps it). An answer is needed where the record
 * prints it, as -y refuses the release without it; elsewhere a blank answer leaves it unrecorded, as without the
 * option (tester63 N15).
 */
async function askTotalPages(ask: Prompts, repo: Repository, doc: ControlledDocument, answered: ReleaseFlags): Promise<void> {
  const last = lastTotalPages(doc);
  const printed = totalPagesPrinted(repo, doc, releaseDay(answered));
  if (answered.totalPages !== undefined || !totalPagesAsked(repo, doc, releaseDay(answered))) return;
  const valid = (value: string) => /^[1-9]\d{0,3}$/.test(value.trim());
  const answer = await ask.input({
    message: printed
      ? last
        ? t("prompt.release.total-pages-printed", { version: last.version, pages: last.pages })
        : t("prompt.release.total-pages-printed-first")
      : t("prompt.release.total-pages", { version: last!.version, pages: last!.pages }),
    ...(last ? { default: String(last.pages) } : {}),
    validate: (value) => (!printed && value.trim() === "") || valid(value) || t(printed ? "prompt.release.total-pages-required" : "prompt.release.total-pages-invalid"),
  });
  if (answer.trim() !== "") answered.totalPages = answer.trim();
}

const FLAG = SIGNATURE_FLAGS;

/** The field of ReleaseFlags that holds each signature given once. */
const FIELD = {
  prepared: "prepared",
  reviewed: "reviewed",
  standardization: "standardization",
  approved: "approved",
  military_representative: "militaryRepresentative",
} as const satisfies Record<Exclude<SignatureRole, "countersigned">, keyof ReleaseFlags>;

/** The role a signature needs in people.yaml (requireRole in release/index.ts); 会签 and 军代表 need none. */
const NEEDED: Partial<Record<SignatureRole, Role>> = { prepared: "author", reviewed: "reviewer", standardization: "standardization", approved: "approver" };

/** The signatures in the order they are asked (and given on paper). */
const ASKED: readonly SignatureRole[] = ["prepared", "reviewed", "countersigned", "standardization", "approved", "military_representative"];

/**
 * The people who may sign `role`: not gone; with the role it needs; where qms.yaml has a military
 * representative office, only its people as 军代表 and none of them otherwise (refuseMilitarySigners);
 * none of those `named` for a signature this one must stand apart from (SEPARATE_DUTIES). The
 * document's department's people first, then in people.yaml's order.
 */
function eligible(index: RepoIndex, doc: ControlledDocument, role: SignatureRole, named: ReadonlyMap<SignatureRole, readonly Person[]>): Person[] {
  const offices = militaryParties(index).length > 0;
  const needed = NEEDED[role];
  const apart = SEPARATE_DUTIES.flatMap(([a, b]) => (a === role ? (named.get(b) ?? []) : b === role ? (named.get(a) ?? []) : []));
  return [...index.people.values()]
    .map((p) => p.value)
    .filter((p) => worksOn(p, localToday()))
    .filter((p) => (needed === undefined || p.roles.includes(needed)) && !apart.some((a) => a.id === p.id))
    .filter((p) => !offices || isMilitaryRepresentative(index, p) === (role === "military_representative"))
    .sort((a, b) => Number(a.department !== doc.department) - Number(b.department !== doc.department));
}

/**
 * Whether the signatures `later` can all still be given, each by someone eligible and apart from
 * whoever signs what it must stand apart from, with `named` as they are: undefined when they can;
 * else the signatures left with nobody at all, or none when only together they cannot (two
 * signatures that only one person may give). A choice that leaves a signature unsignable is shown
 * disabled, rather than refused once every other answer is given (tester: the only approver offered
 * and taken as 审核, then 批准 refused; GJB's only 标准化审查 person taken as 编制).
 */
function unsignable(index: RepoIndex, doc: ControlledDocument, named: ReadonlyMap<SignatureRole, readonly Person[]>, later: readonly SignatureRole[]): SignatureRole[] | undefined {
  const empty = later.filter((role) => eligible(index, doc, role, named).length === 0);
  if (empty.length > 0) return empty;
  return assignable(index, doc, named, later) ? undefined : [];
}

/** A search for one signer each of `roles`, the role with the fewest candidates first: the roles are six at most. */
function assignable(index: RepoIndex, doc: ControlledDocument, named: ReadonlyMap<SignatureRole, readonly Person[]>, roles: readonly SignatureRole[]): boolean {
  if (roles.length === 0) return true;
  const options = roles.map((role) => ({ role, people: eligible(index, doc, role, named) })).sort((a, b) => a.people.length - b.people.length);
  const [first, ...rest] = options;
  return first!.people.some((person) => assignable(index, doc, new Map([...named, [first!.role, [person]]]), rest.map((o) => o.role)));
}

/** The people, or (none) a UserError saying who could sign and how to name them. */
function nonEmpty(index: RepoIndex, role: SignatureRole, choices: Person[]): Person[] {
  if (choices.length > 0) return choices;
  const needed = NEEDED[role];
  const offices = militaryParties(index);
  const who =
    role === "military_representative" && offices.length > 0
      ? t("release.no-signer.military", { offices: list(offices.map((o) => departmentLabel(index, o.code))) })
      : needed
        ? t("release.no-signer.role", { role: codeWithLabel(needed, t(`value.role.${needed}`)) })
        : t("release.no-signer.anyone");
  throw new UserError(t("release.no-signer", { label: t(`sign.role.${role}`), who }));
}

/**
 * The signatures asked for on `day`: those the document's printed layout shows (qms.yaml
 * `document_layouts`), and 会签 where a department must countersign the revision (model/countersign.ts).
 */
function signaturesAsked(repo: Repository, doc: ControlledDocument, day: string, configurationChange = false): ReadonlySet<SignatureRole> {
  const printed = layoutSignatures(repo, doc, day);
  // A 技术状态更改 needs the 军代表's agreement whatever the layout prints (release/index.ts gjbSignatures).
  if (configurationChange) printed.add("military_representative");
  return countersignRequired(repo.config?.value, doc, day).length > 0 ? new Set([...printed, "countersigned"]) : printed;
}

/** The people of the departments that must countersign first, in the order of `required`, then the others as they were. */
function requiredFirst(index: RepoIndex, people: Person[], required: readonly string[]): Person[] {
  const rank = (p: Person) => {
    const at = required.findIndex((code) => countersignMissing([code], [p], index.departments).length === 0);
    return at < 0 ? required.length : at;
  };
  return people.map((p, i) => ({ p, i, r: rank(p) })).sort((a, b) => a.r - b.r || a.i - b.i).map(({ p }) => p);
}

/** The day the release is for, as far as the options say (--date, else today): the layout of that day is the one whose signatures are asked for. */
function releaseDay(flags: ReleaseFlags): string {
  return flags.date?.trim() || localToday();
}
