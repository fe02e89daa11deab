/**
 * `csr implement <csr>`: the implementation of a decided CSR (IATF 16949 7.5.3.2.2: the date a
 * change is implemented in production is recorded): owner, due date, status, evidence, the date
 * implemented, and who verified it.
 */
import { placesTakingEffect } from "../../check/rules/csr/implemented-before-effective.js";
import { rule as selfVerificationRule } from "../../check/rules/csr/self-verification.js";
import { localToday } from "../../core/dates.js";
import type { Severity } from "../../core/diagnostic.js";
import { UserError } from "../../core/errors.js";
import { language, t } from "../../i18n/index.js";
import { approverToType } from "../../model/people.js";
import type { Csr, Signature } from "../../model/types.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { addressedOnlyAfter, selfVerified } from "../../model/csr-status.js";
import { customerDate, implementationOverdue, lateForCustomer, type CustomerDate } from "../../model/customer-schedule.js";
import { workdaysLate } from "../../model/calendar.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { revisionName } from "../../i18n/values.js";
import { eventLabel, implementationFollows } from "../../model/recorded-events.js";
import { choiceOption, dateAnswer, dateAnswerProblem, dateOption, eventDateAnswer, eventDateOption, type Follows } from "../options.js";
import { personLabel } from "../shared/people.js";
import { editFile, findCsrById, withEditSession, optionalAnswer, insiderOption, personChoices, saveChanges, type EditSession } from "../shared/edit.js";
import { appendIn, mapNode } from "../shared/persist.js";
import { decidedToMeet } from "../../model/decision.js";

type Implementation = NonNullable<Csr["implementation"]>;
type ImplementationStatus = NonNullable<Implementation["status"]>;
export const IMPLEMENTATION_STATUSES: readonly ImplementationStatus[] = ["planned", "in-progress", "implemented", "verified"];

export interface ImplementFlags {
  owner?: string;
  due?: string;
  /** The customer's date for this requirement, when not its source revision's 实施日期. */
  requiredBy?: string;
  /** Why it is implemented, or planned, after the customer's date: settles csr/late-for-customer. */
  lateReason?: string;
  status?: string;
  evidence?: string;
  implemented?: string;
  verifiedBy?: string;
  date?: string;
  /** Replace a date implemented or a verification already recorded; the earlier one goes to `implementation.history`. */
  amend?: boolean;
  yes?: boolean;
  commit?: boolean;
}

export async function implementCommand(ctx: CommandContext, id: string, flags: ImplementFlags): Promise<number> {
  return implementCsr(ctx, id, flags);
}

export async function implementCsr(ctx: CommandContext, id: string, flags: ImplementFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const { value: csr, file } = findCsrById(session, id);
    const disposition = csr.review?.decision?.disposition;
    if (csr.superseded) throw new UserError(t("implement.superseded", { id }));
    if (!decidedToMeet(csr.review?.decision)) {
      throw new UserError(
        disposition ? t("implement.not-to-implement", { id, disposition: t(`value.disposition.${disposition}`) }) : t("implement.not-decided", { id }),
        disposition ? undefined : t("implement.not-decided.hint", { id, by: approverToType(session.index.people, language(), localToday()) }),
      );
    }
    const current = csr.implementation ?? {};
    const given = [flags.owner, flags.due, flags.requiredBy, flags.lateReason, flags.status, flags.evidence, flags.implemented, flags.verifiedBy].some((v) => v !== undefined);
    const { ask } = session;
    const next: Implementation = { ...current };
    if (!given && !ask) throw new UserError(t("implement.nothing-to-record"));
    // IATF 16949 7.5.3.2.2 records the day a change went into production: a record, not a plan.
    const received: Follows = { what: eventLabel("rule.date/event.csr-received"), of: id, date: csr.received };
    // Implemented once decided (tester18 F13), as date/out-of-order reports it.
    const decided: Follows = { ...implementationFollows(csr), of: id };
    if (!given && ask) {
      next.status = await ask.select({ message: t("prompt.implement.status"), choices: IMPLEMENTATION_STATUSES.map((s) => ({ value: s, name: t(`value.implementation.${s}`) })), default: current.status ?? "planned" });
      next.owner = await ask.select({ message: t("prompt.implement.owner"), choices: personChoices(session), default: current.owner });
      next.due = dateOption(await ask.input({ message: t("prompt.implement.due"), default: current.due, required: true, validate: dateAnswerProblem }), t("implement.due-date"));
      next.evidence = optionalAnswer(await ask.input({ message: t("prompt.implement.evidence"), default: current.evidence })) ?? next.evidence;
      if (next.status === "implemented" || next.status === "verified") {
        next.implemented = dateOption(await ask.input({ message: t("prompt.implement.implemented"), default: current.implemented, required: true, validate: eventDateAnswer({ follows: decided }) }), t("implement.implemented-date"));
      }
      if (next.status === "verified") next.verified = await askVerification(session, ask, id, current, next.implemented!, next.owner);
      // Later than the customer's date: why, asked now (an answer settles csr/late-for-customer; none leaves the finding).
      const late = lateForCustomer({ ...csr, implementation: next }, session.index.customers.get(csr.customer)?.value);
      if (late) next.late_reason = optionalAnswer(await ask.input({ message: t("prompt.implement.late-reason", { date: late.customer.date }), default: current.late_reason })) ?? next.late_reason;
    } else {
      // The owner answers for the implementation from today on.
      if (flags.owner !== undefined) next.owner = insiderOption(session, flags.owner, "--owner", localToday()).id;
      if (flags.due !== undefined) next.due = dateOption(flags.due, "--due");
      if (flags.requiredBy !== undefined) next.required_by = dateOption(flags.requiredBy, "--required-by");
      if (flags.lateReason !== undefined) next.late_reason = flags.lateReason;
      if (flags.evidence !== undefined) next.evidence = flags.evidence;
      if (flags.implemented !== undefined) next.implemented = eventDateOption(flags.implemented, "--implemented", { follows: decided });
      if (flags.status !== undefined) next.status = choiceOption(flags.status, "--status", IMPLEMENTATION_STATUSES, "planned");
      else if (flags.verifiedBy !== undefined) next.status = "verified";
      // A date implemented added to a verified record (an imported 已验证 without it) keeps it verified.
      else if (flags.implemented !== undefined && next.status !== "verified") next.status = "implemented";
      if (flags.verifiedBy !== undefined) {
        const date = eventDateOption(flags.date, "--date", { follows: next.implemented ? { what: eventLabel("rule.date/event.csr-implemented"), of: id, date: next.implemented } : received });
        next.verified = { by: insiderOption(session, flags.verifiedBy, "--verified-by", date).id, date };
      }
    }
    if (given && ask && (next.status === "implemented" || next.status === "verified") && !next.implemented) {
      next.implemented = dateOption(await ask.input({ message: t("prompt.implement.implemented"), required: true, validate: eventDateAnswer({ follows: decided }) }), t("implement.implemented-date"));
    }
    if ((next.status === "implemented" || next.status === "verified") && !next.implemented) {
      throw new UserError(t("implement.needs-implemented", { status: t(`value.implementation.${next.status}`) }));
    }
    // IATF 16949 7.5.3.2.2: a verification on record says who verified the implementation and when; at a terminal, asked.
    if (given && ask && next.status === "verified" && !next.verified) next.verified = await askVerification(session, ask, id, current, next.implemented!, next.owner);
    const replacing = replacedRecords(id, current, next, flags.amend === true, (person) => personLabel(session.index, person));
    if (replacing.implemented && current.verified && next.verified === current.verified) {
      // The verification on file was of the implementation being replaced: it goes with it.
      delete next.verified;
      replacing.verified = true;
      if (flags.status === undefined && next.status === "verified") next.status = "implemented";
    }
    if (next.status === "verified" && !next.verified) throw new UserError(t("implement.needs-verified-by"));
    // Only what this command records: a record on file already is csr check's to report, and an edit of its due date goes through.
    const selfVerification = (next.verified !== current.verified || next.owner !== current.owner) && selfVerified({ ...csr, implementation: next });
    const severity = selfVerificationSeverity(session);
    if (selfVerification && severity === "error") {
      throw new UserError(t("implement.self-verification", { id, person: personLabel(session.index, next.owner!) }), t("implement.self-verification.hint", { id }));
    }
    const change = editFile(session.root, file.path, "csr", (doc) => {
      if (replacing.implemented || replacing.verified) {
        // As an amended review keeps its earlier decision (csr review --amend): the earlier record
        // stays on file, dated by the record that replaces it.
        const round = mapNode(doc, { reason: "amended", closed: replacing.verified && next.verified ? next.verified.date : next.implemented });
        if (replacing.implemented) round.set("implemented", current.implemented);
        if (replacing.verified) round.set("verified", doc.getIn(["implementation", "verified"], true));
        appendIn(doc, ["implementation", "history"], round);
        if (!next.verified) doc.deleteIn(["implementation", "verified"]);
      }
      for (const key of ["owner", "due", "required_by", "late_reason", "status", "evidence", "implemented"] as const) {
        if (next[key] !== undefined && next[key] !== current[key]) doc.setIn(["implementation", key], next[key]);
      }
      if (next.verified && next.verified !== current.verified) doc.setIn(["implementation", "verified"], doc.createNode(next.verified));
    });
    const customer = session.index.customers.get(csr.customer)?.value;
    const schedule = customerDate({ ...csr, implementation: next }, customer);
    const parts = [
      t("implement.part.status", { status: t(`value.implementation.${next.status ?? "planned"}`) }),
      next.owner ? t("implement.part.owner", { owner: personLabel(session.index, next.owner) }) : "",
      next.due ? t("implement.part.due", { due: next.due }) : "",
      schedule ? t(schedule.own ? "implement.part.required-by" : "implement.part.effective", { date: schedule.date, source: schedule.source, revision: revisionName(schedule.revision) }) : "",
      next.implemented ? t("implement.part.implemented", { date: next.implemented }) : "",
      next.verified ? t("implement.part.verified", { by: personLabel(session.index, next.verified.by) }) : "",
    ].filter(Boolean);
    const earlier = [
      replacing.implemented ? t("implement.part.implemented", { date: current.implemented! }) : "",
      replacing.verified ? t("implement.part.verified", { by: personLabel(session.index, current.verified!.by) }) : "",
    ].filter(Boolean);
    const lines = [t("implement.recorded", { id, parts: parts.join(t("implement.part-separator")) })];
    if (selfVerification && severity === "warning") lines.push(t("implement.self-verification.warning", { person: personLabel(session.index, next.owner!) }));
    if (earlier.length > 0) lines.push(t("implement.amend.kept", { record: earlier.join(t("implement.part-separator")) }));
    // IATF 16949 7.5.3.2.2: on the customer's schedule; said now, as csr check's csr/late-for-customer says it.
    const late = lateForCustomer({ ...csr, implementation: next }, customer);
    const whose = (date: CustomerDate) => (date.own ? t("rule.csr/late-for-customer.own", { date: date.date }) : t("rule.csr/late-for-customer.source", { date: date.date, source: date.source, revision: revisionName(date.revision) }));
    // The customer's date has passed: no due date moves it, only the later one the customer agreed (tester67b B4).
    const passed = implementationOverdue({ ...csr, implementation: next }, customer, localToday())?.customer;
    if (passed) lines.push(t("implement.customer-date-passed", { csr: id, customer: whose(passed) }));
    else if (late) {
      const count = workdaysLate(repositoryCalendar(session.repo.config?.value), late.customer.date, late.date);
      if (next.late_reason !== undefined) lines.push(t("implement.late-for-customer.reason", { csr: id, customer: whose(late.customer), count, reason: next.late_reason }));
      else lines.push(t(late.field === "implemented" ? "rule.csr/late-for-customer.implemented" : "rule.csr/late-for-customer.due", { csr: id, date: late.date, customer: whose(late.customer), required: late.customer.date, count }));
    }
    const before = next.implemented !== undefined && next.implemented !== current.implemented ? addressedOnlyAfter(csr, (d) => session.index.documents.get(d)?.value, next.implemented) : undefined;
    // Said now, as csr check's csr/implemented-before-effective says it of the file.
    if (before) lines.push(t("implement.before-effective", { id, date: next.implemented!, places: placesTakingEffect(before) }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("commit.implement", { id, status: t(`value.implementation.${next.status ?? "planned"}`) }) });
    return 0;
  });
}

/**
 * How csr/self-verification is set in qms.yaml (its own severity when not set; undefined when
 * "off"): an error refuses a verification by the implementation's owner, a warning records it and
 * says so, off records it silently.
 */
function selfVerificationSeverity(session: EditSession): Severity | undefined {
  const setting = session.repo.config?.value.rules?.[selfVerificationRule.id];
  return setting === "off" ? undefined : (setting ?? selfVerificationRule.severity);
}

/**
 * Who verified the implementation and when, asked at a terminal: the date first (today offered, or
 * the verification on file; not after today, not before the date implemented), then the verifier
 * among the people working on that day (people.yaml), the one on file first; not the owner while
 * csr/self-verification is an error, as --verified-by refuses it. The verification on file itself
 * when both answers are its own, so that nothing is replaced.
 */
async function askVerification(session: EditSession, ask: Prompts, id: string, current: Implementation, implemented: string, owner: string | undefined): Promise<Signature> {
  const on = current.verified;
  const follows: Follows = { what: eventLabel("rule.date/event.csr-implemented"), of: id, date: implemented };
  const date = dateAnswer(await ask.input({ message: t("prompt.implement.verified-on"), default: on?.date ?? localToday(), required: true, validate: eventDateAnswer({ follows }) }))!;
  const independent = selfVerificationSeverity(session) !== "error";
  const choices = personChoices(session, undefined, { on: date, organisation: true }).filter((choice) => independent || choice.value !== owner);
  if (choices.length === 0) throw new UserError(t("implement.no-verifier", { date }));
  const by = await ask.select({ message: t("prompt.implement.verified-by", { date }), choices, default: on?.by });
  return on && on.by === by && on.date === date ? on : { by, date };
}

/**
 * Which records on file the change replaces: the date implemented, the verification. Records are
 * evidence (IATF 16949 7.5.3.2.2 records the day a change went into production), so one is replaced
 * only with --amend. Errors: UserError saying what is recorded, when --amend is not given.
 */
function replacedRecords(id: string, current: Implementation, next: Implementation, amend: boolean, person: (id: string) => string): { implemented: boolean; verified: boolean } {
  const implemented = current.implemented !== undefined && next.implemented !== current.implemented;
  // The date of a verification recorded without one (an imported 验证人 without 验证日期) is added, not replaced.
  const verified = current.verified !== undefined && next.verified !== undefined && (next.verified.by !== current.verified.by || (current.verified.date !== undefined && next.verified.date !== current.verified.date));
  if ((implemented || verified) && !amend) {
    const signature = current.verified;
    const verification = signature && (signature.date ? t("implement.amend.verification", { by: person(signature.by), date: signature.date }) : person(signature.by));
    const recorded = !verification ? "implement.amend.implemented" : current.implemented ? "implement.amend.implemented-verified" : "implement.amend.verified";
    throw new UserError(t(recorded, { id, date: current.implemented ?? "", verification: verification ?? "" }), t("implement.amend.hint"));
  }
  return { implemented, verified };
}
