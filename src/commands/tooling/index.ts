/**
 * `csr tooling add|update|verify|maintain|calibrate|msa`: the register of production tooling, fixtures, gauges and
 * error-proofing devices (tooling.yaml, 工装台账 and 计量器具台账; IATF 16949 8.5.1.6, 8.5.1.5, 10.2.4, 8.5.3, 7.1.5;
 * GJB 9001C 7.1.3, 7.1.5, 8.5.1) kept without hand-edited YAML. `add` registers a piece of tooling (tooling.yaml is
 * created when absent); `update` changes its status, location, engineering change level, owner, marking, range,
 * resolution, day put in use or calibration interval; `verify` records an error-proofing verification with its master
 * or rejection samples (pass, or fail with its reaction); `maintain` records a maintenance or repair; `calibrate` a
 * calibration (7.1.5.2: pass, adjusted, or fail with the evaluation of the product measured since, 7.1.5.2.1; by the
 * internal laboratory or an external one with its ISO/IEC 17025 accreditation, 7.1.5.3); `msa` a measurement system
 * analysis (%GRR, ndc; 7.1.5.1.1).
 *
 * Errors (UserError, one line): an id that is not a code or is registered already; an unknown kind, status,
 * frequency or result; a station no work instruction or person names (model/skills.ts knownStations); a process
 * processes.yaml does not have; an owner neither `ours` nor a customer; a person not of people.yaml or left; a date
 * not a date or after today; a verification of tooling with no verification plan; a calibration with neither --by nor
 * --lab, by an external laboratory without --certificate, a reaction or action with a calibration not failed, an action
 * id actions/ does not have; a %GRR not a number from 0, an ndc not a whole number; nothing to change.
 */
import { Document, isMap, isSeq, type Node, type YAMLMap } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import { customerGiven } from "../../model/customers.js";
import { CODE_PATTERN } from "../../model/paths.js";
import { knownStations } from "../../model/skills.js";
import { OWN, calibrationDue, maintenanceDue, msaVerdict, toolingNamed, unknownTooling, verificationDue } from "../../model/tooling.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { CALIBRATION_RESULTS, TOOLING_KINDS, TOOLING_STATUSES, VERIFICATION_FREQUENCIES, VERIFICATION_RESULTS, type Tooling, type ToolingCalibration, type ToolingMaintenance, type ToolingMsa, type ToolingVerification } from "../../model/types.js";
import type { Located } from "../../load/repository.js";
import type { CommandContext } from "../context.js";
import { choiceOption, eventDateOption } from "../options.js";
import { appendEntry, editFile, listOption, processByCode, saveChanges, setInMapOrder, withEditSession, type EditSession } from "../shared/edit.js";
import { appendIn, type FileChange } from "../shared/persist.js";
import { personLabel, resolvePerson } from "../shared/people.js";

const TOOLING = "tooling.yaml";

export interface ToolingFlags {
  name?: string;
  nameEn?: string;
  kind?: string;
  station?: string[];
  process?: string;
  part?: string[];
  owner?: string;
  marking?: string;
  status?: string;
  location?: string;
  changeLevel?: string;
  /** The error-proofing verification's frequency (shift, day, week, month, parts) and, with parts, the count. */
  frequency?: string;
  parts?: string;
  method?: string;
  maintenanceDays?: string;
  maintenanceMonths?: string;
  /** A gauge's range, resolution and calibration interval in months; the day it was put in use. */
  range?: string;
  resolution?: string;
  calibrationMonths?: string;
  inUseSince?: string;
  remark?: string;
  /** csr tooling verify / maintain. */
  result?: string;
  date?: string;
  by?: string;
  shift?: string;
  reaction?: string;
  work?: string;
  /** csr tooling calibrate: the external laboratory, its ISO/IEC 17025 accreditation, the certificate, the corrective action. */
  lab?: string;
  accredited?: string;
  certificate?: string;
  action?: string;
  /** csr tooling msa: %GRR, ndc, the study's record. */
  grr?: string;
  ndc?: string;
  study?: string;
  commit?: boolean;
}

/** The order csr writes an entry's keys in (schemas/tooling.schema.json). */
const ORDER = ["id", "name", "name_en", "kind", "stations", "process", "parts", "owner", "marking", "status", "location", "change_level", "range", "resolution", "in_use_since", "verification", "maintenance", "calibration", "msa", "remark"] as const;

export async function toolingAddCommand(ctx: CommandContext, given: string, flags: ToolingFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const id = given.normalize("NFKC").trim();
    if (!CODE_PATTERN.test(id)) throw new UserError(t("tooling.bad-id", { id: given }));
    const existing = toolingNamed(session.repo.tooling, id);
    if (existing || session.repo.unvalidated.tooling.has(id)) throw new UserError(t("tooling.exists", { id: existing?.value.id ?? id, name: existing?.value.name ?? "" }), t("tooling.exists.hint", { id: existing?.value.id ?? id }));
    const name = flags.name?.trim();
    if (!name) throw new UserError(t("tooling.needs-name-kind"), t("tooling.add.hint", { id }));
    if (flags.kind === undefined) throw new UserError(t("tooling.needs-name-kind"), t("tooling.add.hint", { id }));
    const kind = choiceOption(flags.kind, "--kind", TOOLING_KINDS, "fixture");
    const stations = stationsOption(session, flags.station);
    const process = flags.process === undefined ? undefined : processByCode(session.repo, flags.process.trim(), "tooling.unknown-process").value.code;
    const parts = unique(listOption(flags.part));
    const owner = ownerOption(session, flags.owner);
    const verification = verificationPlan(flags, kind === "error-proofing");
    const maintenance = maintenancePlan(flags);
    const status = flags.status !== undefined ? choiceOption(flags.status, "--status", TOOLING_STATUSES, "in-use") : undefined;
    // The first maintenance is owed one interval after the day it was put in use: a plan gets that day, today unless given.
    const since = flags.inUseSince !== undefined ? eventDateOption(flags.inUseSince, "--in-use-since") : maintenance && (status ?? "in-use") === "in-use" ? eventDateOption(undefined, "--in-use-since") : undefined;
    const calibration = flags.calibrationMonths === undefined ? undefined : { interval_months: wholeNumber(flags.calibrationMonths, "--calibration-months") };
    const entry: Tooling = {
      id,
      name,
      ...(flags.nameEn?.trim() ? { name_en: flags.nameEn.trim() } : {}),
      kind,
      ...(stations.length > 0 ? { stations } : {}),
      ...(process ? { process } : {}),
      ...(parts.length > 0 ? { parts } : {}),
      ...(owner ? { owner } : {}),
      ...(flags.marking?.trim() ? { marking: flags.marking.trim() } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(flags.location?.trim() ? { location: flags.location.trim() } : {}),
      ...(flags.changeLevel?.trim() ? { change_level: flags.changeLevel.trim() } : {}),
      ...(flags.range?.trim() ? { range: flags.range.trim() } : {}),
      ...(flags.resolution?.trim() ? { resolution: flags.resolution.trim() } : {}),
      ...(since ? { in_use_since: since } : {}),
      ...(verification ? { verification } : {}),
      ...(maintenance ? { maintenance } : {}),
      ...(calibration ? { calibration } : {}),
      ...(flags.remark?.trim() ? { remark: flags.remark.trim() } : {}),
    };
    const lines = [t("tooling.added", { id, name, kind: t(`tooling.kind.${kind}`), path: TOOLING })];
    if (owner && owner !== OWN && !entry.marking) lines.push(t("tooling.added.unmarked", { id, customer: owner }));
    if (verification) lines.push(t("tooling.added.verify", { id }));
    if (calibration) lines.push(t("tooling.added.calibrate", { id }));
    await saveChanges(ctx, session, [addEntry(session, entry)], lines, { commit: flags.commit, message: t("tooling.commit.add", { id, name }) });
    return 0;
  });
}

export async function toolingUpdateCommand(ctx: CommandContext, given: string, flags: ToolingFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = toolingOption(session, given);
    const before = located.value;
    const sets: [key: (typeof ORDER)[number], value: unknown][] = [];
    const details: string[] = [];
    const field = (key: "status" | "location" | "change_level" | "marking" | "name" | "remark" | "owner" | "stations" | "process" | "range" | "resolution" | "in_use_since" | "calibration", from: string | undefined, to: string) => details.push(t("tooling.update.field", { field: t(`tooling.field.${key}`), before: from ?? t("tooling.none"), after: to }));
    if (flags.status !== undefined) {
      const status = choiceOption(flags.status, "--status", TOOLING_STATUSES, "in-use");
      sets.push(["status", status]);
      field("status", t(`tooling.status.${before.status ?? "in-use"}`), t(`tooling.status.${status}`));
    }
    for (const [flag, key] of [[flags.location, "location"], [flags.changeLevel, "change_level"], [flags.marking, "marking"], [flags.name, "name"], [flags.range, "range"], [flags.resolution, "resolution"], [flags.remark, "remark"]] as const) {
      if (flag === undefined) continue;
      const value = flag.trim();
      if (value === "") throw new UserError(t("tooling.empty", { field: t(`tooling.field.${key}`) }));
      sets.push([key, value]);
      field(key, before[key], value);
    }
    if (flags.owner !== undefined) {
      const owner = ownerOption(session, flags.owner)!;
      sets.push(["owner", owner]);
      field("owner", before.owner ?? OWN, owner);
    }
    if (flags.station !== undefined) {
      const stations = stationsOption(session, flags.station);
      sets.push(["stations", stations]);
      field("stations", (before.stations ?? []).join(", ") || undefined, stations.join(", "));
    }
    if (flags.process !== undefined) {
      const process = processByCode(session.repo, flags.process.trim(), "tooling.unknown-process").value.code;
      sets.push(["process", process]);
      field("process", before.process, process);
    }
    if (flags.inUseSince !== undefined) {
      const since = eventDateOption(flags.inUseSince, "--in-use-since");
      sets.push(["in_use_since", since]);
      field("in_use_since", before.in_use_since, since);
    }
    let calibrationMonths: number | undefined;
    if (flags.calibrationMonths !== undefined) {
      calibrationMonths = wholeNumber(flags.calibrationMonths, "--calibration-months");
      const months = (n: number | undefined) => (n === undefined ? undefined : t("register.tooling.interval-months", { count: n }));
      field("calibration", months(before.calibration?.interval_months), months(calibrationMonths)!);
    }
    if (sets.length === 0 && calibrationMonths === undefined) throw new UserError(t("tooling.update.nothing"), t("tooling.update.hint", { id: before.id }));
    const change = editFile(session.root, located.file.path, "tooling", (doc) => {
      const map = doc.getIn(located.path, true);
      if (!isMap(map)) throw new UserError(t("tooling.not-a-map", { id: before.id }));
      for (const [key, value] of sets) setInMapOrder(doc, map as YAMLMap<unknown, unknown>, ORDER, key, key === "stations" ? flowSeq(doc, value as string[]) : doc.createNode(value));
      if (calibrationMonths !== undefined) {
        const plan = map.get("calibration", true);
        if (isMap(plan)) plan.set("interval_months", calibrationMonths);
        else setInMapOrder(doc, map as YAMLMap<unknown, unknown>, ORDER, "calibration", doc.createNode({ interval_months: calibrationMonths }));
      }
    });
    const lines = [t("tooling.updated", { id: before.id, name: before.name, details: details.join(t("tooling.update.separator")) })];
    const owner = sets.find(([key]) => key === "owner")?.[1] as string | undefined;
    if (owner !== undefined && owner !== OWN && !(flags.marking ?? before.marking)) lines.push(t("tooling.added.unmarked", { id: before.id, customer: owner }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("tooling.commit.update", { id: before.id }) });
    return 0;
  });
}

/**
 * `csr tooling verify <id> --result pass|fail --by <person> [--date] [--shift] [--reaction]`: an error-proofing
 * verification recorded (IATF 16949 10.2.4). A failed one without --reaction is recorded and said to owe its
 * reaction, as tooling/failed-without-reaction will report it: the test took place and stays on record.
 */
export async function toolingVerifyCommand(ctx: CommandContext, given: string, flags: ToolingFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = toolingOption(session, given);
    const tooling = located.value;
    if (!tooling.verification) throw new UserError(t("tooling.verify.no-plan", { id: tooling.id }), t("tooling.verify.no-plan.hint", { id: tooling.id }));
    if (flags.result === undefined || flags.by === undefined) throw new UserError(t("tooling.verify.needs"), t("tooling.verify.hint", { id: tooling.id }));
    const result = choiceOption(flags.result, "--result", VERIFICATION_RESULTS, "pass");
    const date = eventDateOption(flags.date, "--date");
    const by = resolvePerson(session.index, flags.by, "--by", date).id;
    if (flags.reaction !== undefined && result === "pass") throw new UserError(t("tooling.verify.reaction-on-pass"));
    const record: ToolingVerification = { date, ...(flags.shift?.trim() ? { shift: flags.shift.trim() } : {}), by, result, ...(flags.reaction?.trim() ? { reaction: flags.reaction.trim() } : {}) };
    const change = editFile(session.root, located.file.path, "tooling", (doc) => appendIn(doc, [...located.path, "verification", "records"], flowMap(doc, record)));
    const lines = [t(result === "pass" ? "tooling.verified.pass" : "tooling.verified.fail", { id: tooling.id, name: tooling.name, date, shift: record.shift ? ` ${record.shift}` : "", by: personLabel(session.index, by) })];
    if (result === "fail" && !record.reaction) lines.push(t("tooling.verified.needs-reaction", { id: tooling.id }));
    const next = verificationDue({ ...tooling, verification: { ...tooling.verification, records: [...(tooling.verification.records ?? []), record] } }, date, repositoryCalendar(session.repo.config?.value));
    if (next && result === "pass") lines.push(t("tooling.verified.next", { due: next.due }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("tooling.commit.verify", { id: tooling.id, date, result: t(`tooling.result.${result}`) }) });
    return 0;
  });
}

/** `csr tooling maintain <id> --by <person> [--date] [--work]`: a maintenance or repair recorded (IATF 16949 8.5.1.5, 8.5.1.6). */
export async function toolingMaintainCommand(ctx: CommandContext, given: string, flags: ToolingFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = toolingOption(session, given);
    const tooling = located.value;
    if (flags.by === undefined) throw new UserError(t("tooling.maintain.needs"), t("tooling.maintain.hint", { id: tooling.id }));
    const date = eventDateOption(flags.date, "--date");
    const by = resolvePerson(session.index, flags.by, "--by", date).id;
    const record: ToolingMaintenance = { date, by, ...(flags.work?.trim() ? { work: flags.work.trim() } : {}) };
    const change = editFile(session.root, located.file.path, "tooling", (doc) => appendIn(doc, [...located.path, "maintenance", "records"], flowMap(doc, record)));
    const lines = [t("tooling.maintained", { id: tooling.id, name: tooling.name, date, by: personLabel(session.index, by), work: record.work ?? t("tooling.none") })];
    const next = maintenanceDue({ ...tooling, maintenance: { ...tooling.maintenance, records: [...(tooling.maintenance?.records ?? []), record] } }, date);
    if (next?.due) lines.push(t("tooling.maintained.next", { due: next.due }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("tooling.commit.maintain", { id: tooling.id, date }) });
    return 0;
  });
}

/**
 * `csr tooling calibrate <id> --result pass|adjusted|fail (--by <person> | --lab <name> --certificate <no>) [--accredited
 * <ISO/IEC 17025 accreditation>] [--date] [--reaction <evaluation>] [--action <action id>]`: a calibration recorded
 * (IATF 16949 7.1.5.2; 7.1.5.3: by the internal laboratory, --by, or an external one, --lab with its accreditation).
 * A failed one without --reaction or --action is recorded and said to owe its evaluation of the product measured since
 * the last good calibration (7.1.5.2.1), as tooling/calibration-without-reaction will report it. Prints the next due day.
 */
export async function toolingCalibrateCommand(ctx: CommandContext, given: string, flags: ToolingFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = toolingOption(session, given);
    const tooling = located.value;
    if (flags.result === undefined || (flags.by === undefined && flags.lab === undefined)) throw new UserError(t("tooling.calibrate.needs"), t("tooling.calibrate.hint", { id: tooling.id }));
    const result = choiceOption(flags.result, "--result", CALIBRATION_RESULTS, "pass");
    const date = eventDateOption(flags.date, "--date");
    const by = flags.by === undefined ? undefined : resolvePerson(session.index, flags.by, "--by", date).id;
    const lab = flags.lab?.trim();
    if (flags.lab !== undefined && !lab) throw new UserError(t("tooling.empty", { field: "--lab" }));
    const certificate = flags.certificate?.trim();
    if (lab && !certificate) throw new UserError(t("tooling.calibrate.needs-certificate"), t("tooling.calibrate.hint", { id: tooling.id }));
    if (flags.accredited !== undefined && !lab) throw new UserError(t("tooling.calibrate.accredited-without-lab"));
    if ((flags.reaction !== undefined || flags.action !== undefined) && result !== "fail") throw new UserError(t("tooling.calibrate.reaction-on-pass"));
    const action = flags.action === undefined ? undefined : actionOption(session, flags.action);
    const record: ToolingCalibration = {
      date,
      result,
      ...(by ? { by } : {}),
      ...(lab ? { lab } : {}),
      ...(flags.accredited?.trim() ? { accreditation: flags.accredited.trim() } : {}),
      ...(certificate ? { certificate } : {}),
      ...(flags.reaction?.trim() ? { reaction: flags.reaction.trim() } : {}),
      ...(action ? { action } : {}),
    };
    const change = editFile(session.root, located.file.path, "tooling", (doc) => appendIn(doc, [...located.path, "calibration", "records"], flowMap(doc, record)));
    const who = lab ? (record.accreditation ? t("register.gauges.lab-accredited", { lab, accreditation: record.accreditation }) : lab) : personLabel(session.index, by!);
    const lines = [t("tooling.calibrated", { id: tooling.id, name: tooling.name, date, by: who, result: t(`tooling.calibration-result.${result}`), certificate: certificate ? t("tooling.calibrated.certificate", { certificate }) : "" })];
    if (result === "fail") {
      if (!record.reaction && !record.action) lines.push(t("tooling.calibrated.needs-reaction", { id: tooling.id }));
      lines.push(t("tooling.calibrated.out-of-use", { id: tooling.id }));
    }
    if (tooling.calibration?.interval_months === undefined) lines.push(t("tooling.calibrated.no-interval", { id: tooling.id }));
    const next = calibrationDue({ ...tooling, calibration: { ...tooling.calibration, records: [...(tooling.calibration?.records ?? []), record] } }, date);
    if (next && result !== "fail") lines.push(t("tooling.calibrated.next", { due: next.due }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("tooling.commit.calibrate", { id: tooling.id, date, result: t(`tooling.calibration-result.${result}`) }) });
    return 0;
  });
}

/**
 * `csr tooling msa <id> --grr <percent> [--ndc <n>] [--study <record>] [--date]`: a measurement system analysis
 * recorded (IATF 16949 7.1.5.1.1) and judged by the AIAG MSA manual (model/tooling.ts msaVerdict).
 */
export async function toolingMsaCommand(ctx: CommandContext, given: string, flags: ToolingFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = toolingOption(session, given);
    const tooling = located.value;
    if (flags.grr === undefined) throw new UserError(t("tooling.msa.needs"), t("tooling.msa.hint", { id: tooling.id }));
    const grr = Number(flags.grr.trim().replace(/%$/, ""));
    if (flags.grr.trim() === "" || !Number.isFinite(grr) || grr < 0) throw new UserError(t("tooling.msa.bad-grr", { value: flags.grr }));
    const ndc = flags.ndc === undefined ? undefined : Number(flags.ndc);
    if (ndc !== undefined && (!Number.isInteger(ndc) || ndc < 0 || flags.ndc!.trim() === "")) throw new UserError(t("tooling.msa.bad-ndc", { value: flags.ndc! }));
    const date = eventDateOption(flags.date, "--date");
    const study: ToolingMsa = { date, grr, ...(ndc !== undefined ? { ndc } : {}), ...(flags.study?.trim() ? { study: flags.study.trim() } : {}) };
    const change = editFile(session.root, located.file.path, "tooling", (doc) => appendIn(doc, [...located.path, "msa"], flowMap(doc, study)));
    const verdict = msaVerdict(study);
    const lines = [t("tooling.msa.recorded", { id: tooling.id, name: tooling.name, date, grr, ndc: ndc === undefined ? "" : t("tooling.msa.ndc", { ndc }), verdict: t(`tooling.msa.verdict.${verdict}`) })];
    if (verdict !== "acceptable") lines.push(t(`tooling.msa.advice.${verdict}`));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("tooling.commit.msa", { id: tooling.id, date }) });
    return 0;
  });
}

/** --action of csr tooling calibrate: the id of a corrective action of actions/ (exactly, or in any letter case). */
function actionOption(session: EditSession, given: string): string {
  const id = given.normalize("NFKC").trim();
  const ids = session.repo.actions.map((a) => a.value.id);
  const found = ids.find((a) => a === id) ?? ids.find((a) => a.toLowerCase() === id.toLowerCase());
  if (found) return found;
  throw new UserError(t("tooling.calibrate.unknown-action", { id, known: list(ids) || t("tooling.none") }) + didYouMean(id, ids));
}

/** A whole number from 1 given to `flag`. Errors: UserError naming the flag and the value. */
function wholeNumber(given: string, flag: string): number {
  const value = Number(given);
  if (given.trim() === "" || !Number.isInteger(value) || value < 1) throw new UserError(t("tooling.bad-interval", { flag, value: given }));
  return value;
}

/** The entry of tooling.yaml `given` names (its id, any letter case). Errors: UserError with the nearest ids. */
function toolingOption(session: EditSession, given: string): Located<Tooling> {
  const found = toolingNamed(session.repo.tooling, given);
  if (found) return found;
  const id = given.normalize("NFKC").trim();
  if (session.repo.unvalidated.tooling.has(id)) throw new UserError(t("tooling.invalid", { id }), t("edit.fix-first.hint"));
  throw unknownTooling(session.repo.tooling.map((e) => e.value.id), given);
}

/** --station: codes of stations the repository knows (knownStations), as csr qualify takes them. Errors: UserError with the nearest. */
function stationsOption(session: EditSession, given: string[] | undefined): string[] {
  const stations = unique(listOption(given).map((s) => s.normalize("NFKC")));
  if (stations.length === 0) return [];
  const known = knownStations(session.repo.documents.map((d) => d.value), session.repo.people.map((p) => p.value));
  return stations.map((station) => {
    const same = known.find((s) => s.toLowerCase() === station.toLowerCase());
    if (same) return same;
    throw new UserError(t("tooling.unknown-station", { station, known: list(known) || t("tooling.none") }) + didYouMean(station, known));
  });
}

/** --owner: `ours`, or a customer by code or name (customer-owned tooling); undefined when not given. */
function ownerOption(session: EditSession, given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  const owner = given.trim();
  if (owner.toLowerCase() === OWN) return OWN;
  return customerGiven([...session.index.customers.values()].map((c) => c.value), owner, "--owner").code;
}

/** The verification plan of --frequency (with --parts, --method); an error-proofing device must have one. */
function verificationPlan(flags: ToolingFlags, required: boolean): Tooling["verification"] {
  if (flags.frequency === undefined) {
    if (required) throw new UserError(t("tooling.needs-frequency"));
    if (flags.parts !== undefined || flags.method !== undefined) throw new UserError(t("tooling.needs-frequency"));
    return undefined;
  }
  const frequency = choiceOption(flags.frequency, "--frequency", VERIFICATION_FREQUENCIES, "shift");
  const parts = flags.parts === undefined ? undefined : Number(flags.parts);
  if (frequency === "parts" && (parts === undefined || !Number.isInteger(parts) || parts < 1)) throw new UserError(t("tooling.bad-parts", { value: flags.parts ?? "" }));
  if (frequency !== "parts" && parts !== undefined) throw new UserError(t("tooling.parts-without-frequency"));
  return { frequency, ...(parts !== undefined ? { parts } : {}), ...(flags.method?.trim() ? { method: flags.method.trim() } : {}) };
}

/** The maintenance plan of --maintenance-days or --maintenance-months (one of them, a whole number from 1). */
function maintenancePlan(flags: ToolingFlags): Tooling["maintenance"] {
  if (flags.maintenanceDays !== undefined && flags.maintenanceMonths !== undefined) throw new UserError(t("tooling.maintenance-both"));
  const given = flags.maintenanceDays ?? flags.maintenanceMonths;
  if (given === undefined) return undefined;
  const value = wholeNumber(given, flags.maintenanceDays !== undefined ? "--maintenance-days" : "--maintenance-months");
  return flags.maintenanceDays !== undefined ? { interval_days: value } : { interval_months: value };
}

/** The new entry at the end of tooling.yaml's list (the file created when absent), its lists and records on one line each. */
function addEntry(session: EditSession, entry: Tooling): FileChange {
  return appendEntry(session.root, TOOLING, "tooling", "tooling", (doc) => {
    const node = doc.createNode(entry) as YAMLMap;
    for (const key of ["stations", "parts"]) {
      const seq = node.get(key, true);
      if (isSeq(seq)) seq.flow = true;
    }
    return node;
  });
}

/** A record on one line, as the register lists its verifications and maintenance. */
function flowMap(doc: Document, entry: object): YAMLMap {
  const node = doc.createNode(entry) as YAMLMap;
  node.flow = true;
  return node;
}

function flowSeq(doc: Document, items: string[]): Node {
  return doc.createNode(items, { flow: true });
}

const unique = (items: readonly string[]) => [...new Set(items.map((i) => i.trim()).filter(Boolean))];

