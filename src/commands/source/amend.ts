/**
 * `csr source update <id> --revision <recorded> --amend`: corrects the date received or issued of a
 * source revision already recorded, typed wrong when it was registered (tester16 F11), or records what
 * it changed (`--summary`, 变更内容; also without --amend when no date is given: tester77 E11). No
 * revision is added and no CSR is reviewed again.
 *
 * A new source revision restarts the review of the CSRs taken from the one before it on the day it
 * was received (`review.restarted`, the closed round's `closed`, a removed CSR's `superseded.date`):
 * those dates are the revision's, so they move with it. A CSR's own date received is its own
 * registration fact (`csr set <CSR-id> --received`): those registered on the old date are named,
 * not changed.
 */
import { isMap, isScalar, type Document, type YAMLMap } from "yaml";
import { UserError } from "../../core/errors.js";
import { shellArgument } from "../../core/text.js";
import { conjunction, list, t } from "../../i18n/index.js";
import { revisionName } from "../../i18n/values.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { workdaysOverdue } from "../../model/calendar.js";
import { DEFAULT_REVIEW_DAYS } from "../../model/csr-status.js";
import { eventLabel } from "../../model/recorded-events.js";
import type { Located } from "../../load/repository.js";
import type { Csr, Customer } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { dateOption, eventDateOption } from "../options.js";
import { editFile, saveChanges, setInMapOrder, withEditSession } from "../shared/edit.js";
import type { FileChange } from "../shared/persist.js";
import { effectiveBeforeReceived, revisionSummary } from "./add.js";
import type { SourceUpdateFlags } from "./update.js";

/** The options of `csr source update` that record a new revision and its CSRs' fate, not a correction. */
const NEW_REVISION_OPTIONS: readonly [keyof SourceUpdateFlags, string][] = [
  ["file", "--file"], ["previousFile", "--previous-file"], ["accept", "--accept"], ["unchanged", "--unchanged"], ["removed", "--removed"],
  ["by", "--by"], ["date", "--date"], ["lateReason", "--late-reason"], ["department", "--department"],
];

/**
 * The first of `options` given in `flags` (an empty list, as commander leaves a variadic option not
 * given, is not given), as the flag the user typed: for the ways of `csr source update` that take
 * only some of its options (--amend, --earlier, --without-requirements), which refuse it naming it.
 */
export function givenOption(flags: SourceUpdateFlags, options: readonly [keyof SourceUpdateFlags, string][]): string | undefined {
  return options.find(([key]) => flags[key] !== undefined && !(Array.isArray(flags[key]) && flags[key].length === 0))?.[1];
}

/**
 * Where a recorded revision of a customer's source document is in `located` (the customer that has
 * the source, as customerWithSource found it): the source and the revision with their indexes, for a
 * way of `csr source update` that changes a revision already recorded (--amend,
 * --without-requirements). `revision` undefined: the latest. Throws a UserError naming the recorded
 * revisions when there is no such revision.
 */
export function recordedRevision(located: Located<Customer>, sourceId: string, revision: string | undefined) {
  const sourceIndex = located.value.sources!.findIndex((s) => s.id === sourceId);
  const source = located.value.sources![sourceIndex]!;
  const revisionIndex = revision === undefined ? source.revisions.length - 1 : source.revisions.findIndex((r) => r.revision === revision);
  if (revisionIndex < 0) throw new UserError(t("source.amend.unknown-revision", { id: sourceId, revision: revision ?? "", recorded: list(source.revisions.map((r) => r.revision)) }));
  return { located, sourceIndex, source, revisionIndex, recorded: source.revisions[revisionIndex]! };
}

export async function amendRevision(
  ctx: CommandContext,
  sourceId: string,
  flags: SourceUpdateFlags,
  customerWithSource: (customers: readonly Located<Customer>[], sourceId: string, code: string | undefined) => Located<Customer>,
): Promise<number> {
  const misplaced = givenOption(flags, NEW_REVISION_OPTIONS);
  if (misplaced) throw new UserError(t("source.amend.option", { flag: misplaced }));
  if (flags.revision === undefined) throw new UserError(t("cli.error.required-option", { option: "--revision <rev>" }), t("source.amend.needs-revision.hint"));
  if (flags.received === undefined && flags.issued === undefined && flags.effective === undefined && flags.summary === undefined && flags.summaryEn === undefined) throw new UserError(t("source.amend.nothing", { id: sourceId }));
  const revision = flags.revision.trim();
  return withEditSession(ctx, true, undefined, async (session) => {
    const { located, sourceIndex, source, revisionIndex, recorded } = recordedRevision(customerWithSource(session.repo.customers, sourceId, flags.customer), sourceId, revision);
    const customer = located.value;
    const issued = flags.issued === undefined ? recorded.issued : dateOption(flags.issued, "--issued");
    const received =
      flags.received === undefined
        ? recorded.received
        : eventDateOption(flags.received, "--received", issued === undefined ? {} : { follows: { what: eventLabel("rule.date/event.revision-issued", { revision }), of: sourceId, date: issued, external: true } });
    if (issued !== undefined && issued > received) throw new UserError(t("source.amend.issued-after-received", { issued, received }));
    // The customer's 实施日期 is its own statement, recorded or corrected here; no review clock counts from it.
    const effective = flags.effective === undefined ? recorded.effective : dateOption(flags.effective, "--effective");
    // What it changed: an English text alone goes with the Chinese one recorded.
    const given = revisionSummary({ summary: flags.summary ?? (flags.summaryEn !== undefined ? recorded.summary : undefined), summaryEn: flags.summaryEn });
    const summary = given.summary ?? recorded.summary;
    const summaryEn = given.summary_en ?? recorded.summary_en;
    const fields = [
      ...(issued !== recorded.issued ? [t(recorded.issued === undefined ? "source.amend.field-new" : "source.amend.field", { field: t("set.edition.field.issued"), value: issued ?? "", before: recorded.issued ?? "" })] : []),
      ...(received !== recorded.received ? [t("source.amend.field", { field: t("set.edition.field.received"), value: received, before: recorded.received })] : []),
      ...(effective !== recorded.effective ? [t(recorded.effective === undefined ? "source.amend.field-new" : "source.amend.field", { field: t("set.edition.field.effective"), value: effective ?? "", before: recorded.effective ?? "" })] : []),
      ...(summary !== recorded.summary ? [t(recorded.summary === undefined ? "source.amend.field-new" : "source.amend.field", { field: t("source.summary.field"), value: summary ?? "", before: recorded.summary ?? "" })] : []),
      ...(summaryEn !== recorded.summary_en ? [t(recorded.summary_en === undefined ? "source.amend.field-new" : "source.amend.field", { field: t("source.summary-en.field"), value: summaryEn ?? "", before: recorded.summary_en ?? "" })] : []),
    ];
    const name = revisionName(revision);
    if (fields.length === 0) {
      ctx.stdout(t("source.amend.same", { id: sourceId, named: name }) + "\n");
      return 0;
    }

    const changes: FileChange[] = [
      editFile(session.root, located.file.path, "customer", (doc) => {
        const path = ["sources", sourceIndex, "revisions", revisionIndex];
        if (issued !== recorded.issued) doc.setIn([...path, "issued"], issued);
        doc.setIn([...path, "received"], received);
        if (effective !== recorded.effective) setAfterReceived(doc.getIn(path, true) as YAMLMap, doc, effective!);
        if (summary !== recorded.summary) setInMapOrder(doc, doc.getIn(path, true) as YAMLMap<unknown, unknown>, REVISION_ORDER, "summary", doc.createNode(summary!));
        if (summaryEn !== recorded.summary_en) setInMapOrder(doc, doc.getIn(path, true) as YAMLMap<unknown, unknown>, REVISION_ORDER, "summary_en", doc.createNode(summaryEn!));
      }),
    ];
    // The dates a new revision stamped on the CSRs it restarted or removed, the day it was received.
    const earlier = new Set(source.revisions.slice(0, revisionIndex).map((r) => r.revision));
    const moved: Csr[] = [];
    const restarted: Csr[] = [];
    if (received !== recorded.received && revisionIndex > 0) {
      for (const { value: csr, file } of session.repo.csrs) {
        if (csr.customer !== customer.code || csr.source.document !== sourceId) continue;
        const restart = csr.source.revision === revision && csr.review?.restarted === recorded.received;
        const rounds = (csr.review?.history ?? []).map((round, i) => [round, i] as const).filter(([round]) => round.closed === recorded.received && round.source_revision !== undefined && earlier.has(round.source_revision));
        const removed = csr.superseded?.date === recorded.received && earlier.has(csr.source.revision);
        // An implementation record closed with such a round (csr source update) is dated like it.
        const implementations = (csr.implementation?.history ?? []).map((entry, i) => [entry, i] as const).filter(([entry]) => entry.closed === recorded.received && entry.source_revision !== undefined && earlier.has(entry.source_revision));
        if (!restart && rounds.length === 0 && !removed) continue;
        moved.push(csr);
        if (restart) restarted.push(csr);
        changes.push(
          editFile(session.root, file.path, "csr", (doc) => {
            if (restart) doc.setIn(["review", "restarted"], received);
            for (const [, i] of rounds) doc.setIn(["review", "history", i, "closed"], received);
            for (const [, i] of implementations) doc.setIn(["implementation", "history", i, "closed"], received);
            if (removed && isMap(doc.get("superseded", true))) doc.setIn(["superseded", "date"], received);
          }),
        );
      }
    }
    const registered = session.repo.csrs.map((c) => c.value).filter((c) => c.customer === customer.code && c.source.document === sourceId && c.received === recorded.received && c.source.revision === revision && received !== recorded.received);

    const lines = [t("source.amend.corrected", { id: sourceId, named: name, fields: fields.join(t("common.list-separator")) })];
    if (restarted.length > 0) {
      const config = session.repo.config?.value;
      const due = repositoryCalendar(config).addWorkdays(received, config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS);
      lines.push(t("source.amend.restarted", { count: restarted.length, ids: list(restarted.map((c) => c.id)), date: received, due }));
      // A decided round the earlier start made late (auditor17 F6): say so now, not at the next csr check.
      const calendar = repositoryCalendar(config);
      for (const csr of restarted) {
        const decided = csr.review?.decision?.date;
        if (decided === undefined || decided <= due || csr.review?.late_reason) continue;
        lines.push(t("source.amend.now-late", { id: csr.id, decided, due, count: workdaysOverdue(calendar, due, decided) }));
      }
    }
    const others = moved.filter((c) => !restarted.includes(c));
    if (others.length > 0) lines.push(t("source.amend.moved", { count: others.length, ids: list(others.map((c) => c.id)), date: received }));
    if (registered.length > 0) {
      lines.push(t("source.amend.csr-received", { count: registered.length, ids: conjunction(registered.map((c) => c.id)), before: recorded.received, id: registered[0]!.id }));
    }
    const corrected = fields.join(t("common.list-separator"));
    await saveChanges(ctx, session, changes, lines, { commit: flags.commit, message: t("source.amend.commit", { id: sourceId, named: name, fields: corrected }) });
    // A correction that leaves the 实施日期 before the date received, or puts it there, says so as the first record did.
    const early = effective !== recorded.effective || received !== recorded.received ? effectiveBeforeReceived(sourceId, revision, effective, received) : undefined;
    if (early) ctx.stderr(early + "\n");
    return 0;
  });
}

/** Sets the revision's `effective`, a new key right after `received`, where a reader of the file looks for the dates. */
function setAfterReceived(revision: YAMLMap, doc: Document, effective: string): void {
  if (revision.has("effective")) return revision.set("effective", effective);
  const received = revision.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === "received");
  revision.items.splice(received < 0 ? revision.items.length : received + 1, 0, doc.createPair("effective", effective));
}

/** The keys of a source revision in the order csr source add writes them: a summary comes after its dates (before `file`, `status` and what follows). */
const REVISION_ORDER = ["revision", "issued", "received", "effective", "summary", "summary_en"];


/** The dates given for a revision recorded already, when they differ from what is on file: a correction needs --amend. */
export function refuseDifferentDates(sourceId: string, recorded: { revision: string; received: string; issued?: string; effective?: string }, given: { received: string; issued?: string; effective?: string }): void {
  const differs = given.received !== recorded.received || (given.issued !== undefined && given.issued !== recorded.issued) || (given.effective !== undefined && given.effective !== recorded.effective);
  if (!differs) return;
  const args = `--revision ${recorded.revision}${given.issued !== undefined ? ` --issued ${given.issued}` : ""} --received ${given.received}${given.effective !== undefined ? ` --effective ${given.effective}` : ""}`;
  throw new UserError(
    t("source.revision-differs", { id: sourceId, named: revisionName(recorded.revision), received: recorded.received, issued: recorded.issued ?? "-" }),
    t("source.revision-differs.hint", { id: shellArgument(sourceId), args }),
  );
}
