/**
 * `csr source add <customer>`: a customer's CSR source document (顾客特定要求来源文件, e.g. its
 * supplier quality manual) with the revision received, appended to `sources` of the customer's
 * file (schemas/customer.schema.json): id, title, English title, and the first revision recorded
 * (revision mark, date issued, date received, the customer's 实施日期 `--effective`, attached file), and the department that keeps it
 * (保管部门 of the 外来文件清单, `--department`). CSRs are then registered from it with
 * `csr add`; a later revision is recorded with `csr source update`, so an id the customer has
 * already is refused. Asked at a terminal for what the flags leave open.
 */
import { CODE_PATTERN } from "../../model/paths.js";
import { resolve } from "node:path";
import { UserError } from "../../core/errors.js";
import { didYouMean, shellArgument } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import { departmentLabel } from "../../model/labels.js";
import { eventLabel } from "../../model/recorded-events.js";
import { revisionName } from "../../i18n/values.js";
import type { Customer, SourceDocument } from "../../model/types.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { classificationOption, dateAnswerProblem, dateOption, eventDateAnswer, eventDateOption, type Follows } from "../options.js";
import { classificationName } from "../../model/classification.js";
import { departmentByCode, editFile, need, optionalAnswer, saveChanges, withEditSession } from "../shared/edit.js";
import { appendIn } from "../shared/persist.js";
import { attachment } from "./attachment.js";

export interface SourceAddFlags {
  id?: string;
  title?: string;
  titleEn?: string;
  revision?: string;
  issued?: string;
  /** The customer's 实施日期 of the revision: the day it requires it met in production. */
  effective?: string;
  received?: string;
  /** What the revision changed from the one before (变更内容). */
  summary?: string;
  summaryEn?: string;
  file?: string;
  /** The custodian department (保管部门), by code or name. */
  department?: string;
  /** Its 密级 (model/classification.ts CLASSIFICATIONS), which its CSRs inherit. */
  classification?: string;
  yes?: boolean;
  commit?: boolean;
}


/** What is wrong with `id` as a new source document of `customer` (not a code, or one it has), or undefined. */
export function sourceIdProblem(customer: Customer, id: string): string | undefined {
  if (!CODE_PATTERN.test(id)) return t("source.add.bad-id", { id });
  return (customer.sources ?? []).some((s) => s.id === id) ? t("source.add.exists", { id, customer: customer.code }) : undefined;
}

export async function sourceAddCommand(ctx: CommandContext, customer: string, flags: SourceAddFlags): Promise<number> {
  return addSource(ctx, customer, flags);
}

/** `prompts` given: ask for whatever the flags left open, whatever the terminal (tests drive this). */
export async function addSource(ctx: CommandContext, customerCode: string, flags: SourceAddFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const { ask, repo } = session;
    const codes = repo.customers.map((c) => c.value.code);
    const located = repo.customers.find((c) => c.value.code === customerCode) ?? repo.customers.find((c) => c.value.code.toLowerCase() === customerCode.toLowerCase());
    if (!located) {
      throw new UserError(t("add.unknown-customer", { code: customerCode }) + didYouMean(customerCode, codes), t("source.add.unknown-customer.hint", { known: list(codes) || t("add.none") }));
    }
    const customer = located.value;
    const existing = (customer.sources ?? []).map((s) => s.id);
    const problem = (id: string) => sourceIdProblem(customer, id);
    const id = (flags.id ?? (await need(ask, "--id", t("source.add.needs.id"), (p) => p.input({ message: t("source.add.prompt.id", { customer: customer.code }), required: true, validate: (v) => problem(v.trim()) ?? true })))).trim();
    const refused = problem(id);
    if (refused) throw new UserError(refused, existing.includes(id) ? t("source.add.exists.hint", { id, customer: customer.code }) : undefined);
    const title = (flags.title ?? (await need(ask, "--title", t("source.add.needs.title"), (p) => p.input({ message: t("source.add.prompt.title"), required: true })))).trim();
    if (title === "") throw new UserError(t("source.add.empty-title"));
    // Asked for the title, a user is asked for the optional fields too; one who gave --title gave what they wanted.
    const asking = flags.title === undefined ? ask : undefined;
    const titleEn = flags.titleEn ?? (asking ? optionalAnswer(await asking.input({ message: t("source.add.prompt.title-en") })) : undefined);
    const revision = (flags.revision ?? (await need(ask, "--revision", t("source.add.needs.revision"), (p) => p.input({ message: t("source.add.prompt.revision"), required: true })))).trim();
    if (revision === "") throw new UserError(t("source.empty-revision"));
    // The dates are asked whatever else was given: the received date starts the review clock of every
    // CSR taken from this revision (IATF 16949 7.5.3.2.2), so it is never taken as today unasked.
    const issuedText = flags.issued ?? (ask && flags.received === undefined ? optionalAnswer(await ask.input({ message: t("source.add.prompt.issued"), validate: (v) => v.trim() === "" || eventDateAnswer()(v.trim()) })) : undefined);
    const issued = issuedText === undefined ? undefined : dateOption(issuedText, "--issued");
    const follows: Follows | undefined = issued === undefined ? undefined : { what: eventLabel("rule.date/event.revision-issued", { revision }), of: id, date: issued, external: true };
    const receivedText =
      flags.received ?? (await need(ask, "--received", t("source.add.needs.received"), async (p) => (await p.input({ message: t("source.add.prompt.received"), default: dateOption(undefined, "--received"), validate: eventDateAnswer({ follows }) })).trim()));
    const received = eventDateOption(receivedText, "--received", { follows });
    // The customer's 实施日期, against which csr/late-for-customer and the 外来文件清单 compare: asked with the dates, as csr source update asks it.
    const effectiveText = flags.effective ?? (ask && flags.received === undefined ? optionalAnswer(await ask.input({ message: t("source.update.prompt.effective", { named: revisionName(revision) }), validate: (v) => v.trim() === "" || dateAnswerProblem(v.trim()) })) : undefined);
    const effective = effectiveText === undefined ? undefined : dateOption(effectiveText, "--effective");
    const summary = revisionSummary(flags);
    const file = flags.file === undefined ? undefined : attachment(session.root, resolve(ctx.dir, flags.file), flags.file);
    const department = flags.department === undefined ? undefined : departmentByCode(session, flags.department, "--department");
    const classification = flags.classification === undefined ? undefined : classificationOption(flags.classification);
    const source: SourceDocument = {
      id,
      title,
      ...(titleEn ? { title_en: titleEn } : {}),
      ...(department ? { department } : {}),
      ...(classification ? { classification } : {}),
      revisions: [{ revision, ...(issued ? { issued } : {}), received, ...(effective ? { effective } : {}), ...summary, ...(file ? { file } : {}) }],
    };
    const change = editFile(session.root, located.file.path, "customer", (doc) => appendIn(doc, ["sources"], source));
    const lines = [
      t("source.add.added", { customer: customer.code, id, title, revision, received }),
      ...(effective ? [t("source.effective", { id, named: revisionName(revision), date: effective })] : []),
      ...(summary.summary ? [t("source.summary", { id, named: revisionName(revision), summary: summary.summary })] : []),
      ...(department ? [t("source.custodian", { id, department: departmentLabel(session.index, department) })] : []),
      ...(classification ? [t("source.classification", { id, classification: classificationName(language(), classification) })] : []),
      t("source.add.next-step", { customer: customer.code, id }),
    ];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("source.add.commit", { customer: customer.code, id, revision, title }) });
    const early = effectiveBeforeReceived(id, revision, effective, received);
    if (early) ctx.stderr(early + "\n");
    return 0;
  });
}

/**
 * What a source revision changed from the one before (变更内容), from --summary and --summary-en, trimmed,
 * as the keys of its entry: an empty text is refused (a blank would read as nothing changed). Errors:
 * UserError naming the option.
 */
export function revisionSummary(flags: { summary?: string; summaryEn?: string }): { summary?: string; summary_en?: string } {
  const summary = flags.summary?.trim();
  const summaryEn = flags.summaryEn?.trim();
  if (summary === "") throw new UserError(t("source.summary-empty", { flag: "--summary" }));
  if (summaryEn === "") throw new UserError(t("source.summary-empty", { flag: "--summary-en" }));
  if (summaryEn !== undefined && summary === undefined) throw new UserError(t("source.summary-en-alone"));
  return { ...(summary ? { summary } : {}), ...(summaryEn ? { summary_en: summaryEn } : {}) };
}

/**
 * The note on stderr when the customer's 实施日期 of a source revision comes before the day it was
 * received: recorded as given (a manual long in force when a new supplier receives it), but every CSR
 * taken from it is overdue once decided (tester67b B4). Said by csr source add and by csr source update
 * of a new, an earlier or a corrected revision; undefined when the dates are in order.
 */
export function effectiveBeforeReceived(id: string, revision: string, effective: string | undefined, received: string): string | undefined {
  if (effective === undefined || effective >= received) return undefined;
  return t("source.effective-before-received", { id, named: revisionName(revision), effective, received, idArg: shellArgument(id), revisionArg: shellArgument(revision) });
}
