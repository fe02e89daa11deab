/** `csr add`: register a customer-specific requirement as csr/<CUSTOMER>/<ID>.yaml. */
import { Document } from "yaml";
import { localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { language, list, t } from "../../i18n/index.js";
import { didYouMean, oneLine, shellArgument } from "../../core/text.js";
import { findRoot } from "../../load/discover.js";
import { refuseOnConflicts } from "../../load/git.js";
import { loadRepository, type Repository } from "../../load/repository.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { estimatedDeadlineNote } from "../../model/calendar.js";
import type { Catalog } from "../../model/catalog.js";
import { categoryNotAllowed, currentSources, DEFAULT_REVIEW_DAYS, latestRevision, reviewDue } from "../../model/csr-status.js";
import { registeredRepeats, restatedRequirements, type RegisteredRepeat } from "../../model/csr-duplicates.js";
import { csrPath } from "../../model/paths.js";
import { departmentLabel } from "../../model/labels.js";
import { revisionName } from "../../i18n/values.js";
import type { Csr, Customer, SourceDocument } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { classificationOption, clauseValues, eventDateOption } from "../options.js";
import { classificationName, csrClassification } from "../../model/classification.js";
import { editFile, reportPersisted } from "../shared/edit.js";
import { appendIn, persistChanges, verifyChanges, yamlText, type FileChange } from "../shared/persist.js";
import { sourceIdProblem } from "../source/add.js";
import { withRepositoryLock } from "../shared/transaction.js";
import { nextCsrId } from "./allocate.js";
import { askForCsr, receivedAfterSource, receivedBeforeSource, sourceAmendHint, type CsrDraft } from "./ask.js";
import { canPrompt, loadPrompts, missingFlag, type Prompts } from "./prompting.js";
import { unknownCustomer } from "../../model/customers.js";

export interface AddFlags {
  customer?: string;
  source?: string;
  section?: string;
  clause?: string[];
  title?: string;
  /** The title in English, which the English registers print (title_en). */
  titleEn?: string;
  text?: string;
  category?: string;
  /** Its 密级 (model/classification.ts CLASSIFICATIONS); without it the CSR takes its source document's. */
  classification?: string;
  received?: string;
  allowDuplicate?: boolean;
  yes?: boolean;
  commit?: boolean;
}

export async function addCommand(ctx: CommandContext, flags: AddFlags): Promise<number> {
  return addCsr(ctx, flags);
}

/** `prompts` given: ask for whatever the flags left open, whatever the terminal (tests drive this). */
export async function addCsr(ctx: CommandContext, flags: AddFlags, prompts?: Prompts): Promise<number> {
  const root = findRoot(ctx.dir);
  await refuseOnConflicts(root);
  const repo = loadRepository(root);
  const today = localToday();
  const classification = flags.classification === undefined ? undefined : classificationOption(flags.classification);
  const given: Partial<CsrDraft> = {
    customer: flags.customer,
    source: flags.source,
    section: flags.section,
    clauses: clauseValues(flags.clause, repo),
    title: flags.title,
    titleEn: flags.titleEn,
    text: flags.text,
    category: flags.category,
    received: flags.received === undefined ? undefined : eventDateOption(flags.received, "--received"),
  };
  const customers = repo.customers.map((c) => c.value);
  if (given.customer !== undefined) customerOf(customers, given.customer);
  if (given.customer !== undefined && given.source !== undefined) sourceOf(customerOf(customers, given.customer), given.source);
  const interactive = prompts !== undefined || canPrompt(flags.yes);
  const ask = interactive ? (prompts ?? (await loadPrompts())) : undefined;
  const draft = ask ? await askForCsr(given, askContext(repo, today), ask) : requireAll(given);
  let allowDuplicate = flags.allowDuplicate === true;
  if (ask && !allowDuplicate) {
    // Asked before the lock, as the other questions are; the registration checks again under it.
    const repeats = registeredRepeats(candidate(withLetter(customerOf(customers, draft.customer), draft), draft), repo.csrs.map((c) => c.value));
    if (repeats.length > 0) {
      const answer = await ask.select({
        message: t("prompt.add.duplicate", { registered: repeatList(repeats) }),
        choices: [
          { value: "skip", name: t("prompt.add.duplicate.skip", { id: repeats[0]!.csr.id }) },
          { value: "register", name: t("prompt.add.duplicate.register") },
        ],
        default: "skip",
      });
      if (answer === "skip") {
        ctx.stdout(t("add.duplicate.skipped", { id: repeats[0]!.csr.id }) + "\n");
        return 0;
      }
      allowDuplicate = true;
    }
  }
  // The number is allocated and the file written under the repository lock, from the repository
  // as it is then: two registrations at once get two numbers.
  return withRepositoryLock(ctx, root, () => register(ctx, root, draft, flags.commit === true, allowDuplicate, classification));
}

/** What the flags give with `--yes`: all of a CSR but the date received, which defaults to its source revision's. */
type GivenDraft = Omit<CsrDraft, "received"> & { received?: string };

async function register(ctx: CommandContext, root: string, given: GivenDraft, commit: boolean, allowDuplicate: boolean, classification: string | undefined): Promise<number> {
  const repo = loadRepository(root);
  const today = localToday();
  const registered = customerOf(repo.customers.map((c) => c.value), given.customer);
  // The letter the requirement came in is recorded with it, as csr source add records one: checked again under the lock.
  const letter = letterSource(given);
  const letterProblem = letter && sourceIdProblem(registered, letter.id);
  if (letterProblem) throw new UserError(letterProblem);
  const customer = withLetter(registered, given);
  const source = sourceOf(customer, given.source);
  checkCategory(repo, given.category);
  // The review clock starts when the source revision was received (IATF 16949 7.5.3.2.2), not the
  // day it is typed in: without --received that date is taken, as the question at a terminal offers it.
  const revision = latestRevision(source)!;
  const draft: CsrDraft = { ...given, received: given.received ?? revision.received };
  const early = receivedBeforeSource(source, draft.received, "--received");
  if (early) throw new UserError(early, sourceAmendHint(source, revision));
  // Running `csr add` again after an error is how a requirement gets registered twice (tester19 F8).
  const repeats = registeredRepeats(candidate(customer, draft), repo.csrs.map((c) => c.value));
  if (repeats.length > 0 && !allowDuplicate) throw new UserError(t("add.duplicate", { registered: repeatList(repeats) }), t("add.duplicate.hint", { id: repeats[0]!.csr.id }));

  const id = await nextCsrId(repo, customer.code);
  const csr: Csr = {
    id,
    customer: customer.code,
    source: { document: source.id, revision: latestRevision(source)!.revision, ...(draft.section ? { section: draft.section } : {}) },
    clauses: draft.clauses,
    title: draft.title,
    ...(draft.titleEn ? { title_en: draft.titleEn } : {}),
    ...(draft.text ? { text: draft.text } : {}),
    ...(draft.category ? { category: draft.category } : {}),
    // A 密级 equal to the source document's is not written: the CSR inherits it, and follows it when it changes.
    ...(classification !== undefined && classification !== (source.classification ?? "") ? { classification } : {}),
    received: draft.received,
  };
  const path = csrPath(customer.code, id);
  const changes: FileChange[] = [{ path, kind: "csr", text: yamlText(new Document(csr)), create: true }];
  if (letter) changes.unshift(editFile(root, repo.customers.find((c) => c.value.code === customer.code)!.file.path, "customer", (doc) => appendIn(doc, ["sources"], letter)));
  verifyChanges(repo, changes, today);
  const message = commit ? oneLine(letter ? t("commit.add-with-letter", { id, title: csr.title, source: letter.id, revision: revisionName(revision.revision) }) : t("commit.add", { id, title: csr.title })) : undefined;
  const persisted = await persistChanges(root, changes, message);

  const config = repo.config?.value;
  const days = config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS;
  const calendar = repositoryCalendar(config);
  const due = reviewDue(csr, calendar, config);
  const defaulted = given.received === undefined ? [t("add.received-from-source", { received: csr.received, source: source.id, revision: revisionName(revision.revision) })] : [];
  // A requirement registered late is registered all the same (the hook does not refuse it); its deadline is said to be past.
  const late = -calendar.workdaysBetween(today, due);
  const deadline = late > 0 ? t("add.review-overdue", { id, due, days, received: csr.received, count: late }) : t("add.review-due", { due, count: days, received: csr.received });
  const recorded = letter
    ? [
        t("source.add.added", { customer: customer.code, id: letter.id, title: letter.title, revision: revision.revision, received: revision.received }),
        ...(letter.department ? [t("source.custodian", { id: letter.id, department: departmentLabel({ departments: new Map((config?.departments ?? []).map((d) => [d.code, d])) }, letter.department) })] : []),
      ]
    : [];
  const marked = csrClassification(customer, csr);
  const marking = marked === "" ? [] : [t(csr.classification === undefined ? "add.classification.inherited" : "add.classification", { id, classification: classificationName(language(), marked), source: source.id })];
  ctx.stdout([...recorded, t("add.registered", { id, path }), ...marking, ...defaulted, deadline].join("\n") + "\n");
  // Registered on purpose all the same: csr/duplicate will report the same text until one is withdrawn.
  const reported = repeats.find((r) => r.same !== "section-title");
  if (reported) ctx.stdout(t("add.duplicate.allowed", { id: reported.csr.id }) + "\n");
  // The same words from another of the customer's documents: registered all the same, but reviewed twice unless one is withdrawn.
  const restated = restatedRequirements(csr, repo.csrs.map((c) => c.value));
  if (restated.length > 0) ctx.stderr(t("add.restated", { id, registered: repeatList(restated), other: restated[0]!.csr.id }) + "\n");
  const note = estimatedDeadlineNote(calendar, csr.received, due);
  if (note) ctx.stderr(note);
  // Received after the source revision: a requirement the customer sent separately (a letter, an e-mail) is a source of its own (tester20 F19), as date/received-after-source says.
  if (csr.received > revision.received) {
    ctx.stderr(receivedAfterSource(id, customer.code, csr.received, source, revision) + "\n");
  }
  // The customer's date passed before the requirement reached the organisation: overdue once decided, whatever plan is recorded (tester67b B4).
  if (revision.effective !== undefined && revision.effective < csr.received) {
    const data = { id, source: source.id, named: revisionName(revision.revision), effective: revision.effective, received: csr.received };
    ctx.stderr(t("add.effective-before-received", { ...data, sourceArg: shellArgument(source.id), revisionArg: shellArgument(revision.revision) }) + "\n");
  }
  reportPersisted(ctx, persisted, message ?? "");
  return 0;
}

/** The source document a draft's letter is recorded as (csr source add's entry): its one revision received the day the requirement was. */
function letterSource(draft: GivenDraft): SourceDocument | undefined {
  if (!draft.letter || draft.received === undefined) return undefined;
  const { title, revision, issued, department } = draft.letter;
  return { id: draft.source, title, ...(department ? { department } : {}), revisions: [{ revision, ...(issued ? { issued } : {}), received: draft.received }] };
}

/** The customer with the draft's letter among its source documents. */
function withLetter(customer: Customer, draft: GivenDraft): Customer {
  const letter = letterSource(draft);
  return letter ? { ...customer, sources: [...(customer.sources ?? []), letter] } : customer;
}

/** The CSR a draft would register, as far as a repeat is told by: customer, source document and section, title and text. */
function candidate(customer: Customer, draft: Pick<CsrDraft, "source" | "section" | "title" | "text">): Pick<Csr, "customer" | "source" | "title" | "text"> {
  const revision = latestRevision(sourceOf(customer, draft.source))!.revision;
  return { customer: customer.code, source: { document: draft.source, revision, ...(draft.section ? { section: draft.section } : {}) }, title: draft.title, ...(draft.text ? { text: draft.text } : {}) };
}

/** The registered CSRs a new one repeats: DYA-008「特殊特性工位须设防错并每班验证」（DYA-SC，要求内容相同）. */
function repeatList(repeats: readonly RegisteredRepeat[]): string {
  return list(repeats.map(({ csr, same }) => t("add.duplicate.entry", { id: csr.id, title: csr.title, source: csr.source.document, same: t(`csr.repeat.${same}`) })));
}

function requireAll(given: Partial<CsrDraft>): GivenDraft {
  if (given.customer === undefined) throw missingFlag("--customer", t("add.needs.customer"));
  if (given.source === undefined) throw missingFlag("--source", t("add.needs.source"));
  if (!given.clauses || given.clauses.length === 0) throw missingFlag("--clause", t("add.needs.clauses"));
  if (given.title === undefined) throw missingFlag("--title", t("add.needs.title"));
  return { ...given, customer: given.customer, source: given.source, clauses: given.clauses, title: given.title };
}

/** The customer of `code`. Errors: UserError naming the customers there are. */
export function customerOf(customers: readonly Customer[], code: string): Customer {
  const customer = customers.find((c) => c.code === code);
  if (!customer) {
    throw unknownCustomer(customers, code);
  }
  return customer;
}

/** The customer's current source document `id`. Errors: UserError for a superseded or unknown one, naming the current ones. */
export function sourceOf(customer: Customer, id: string) {
  const current = currentSources(customer);
  const source = current.find((s) => s.id === id);
  if (source) return source;
  const known = (customer.sources ?? []).some((s) => s.id === id);
  throw new UserError(
    known ? t("add.source-superseded", { id, customer: customer.code }) : t("add.unknown-source", { id, customer: customer.code }) + didYouMean(id, current.map((s) => s.id)),
    current.length > 0 ? t("add.current-sources", { customer: customer.code, sources: list(current.map((s) => s.id)) }) : t("add.no-current-sources", { customer: customer.code }),
  );
}

function checkCategory(repo: Repository, category: string | undefined): void {
  const allowed = categoryNotAllowed(repo.config?.value, category);
  if (!allowed || category === undefined) return;
  throw new UserError(t("add.unknown-category", { category, allowed: list(allowed) }) + didYouMean(category, allowed), t("add.unknown-category-hint", { category: shellArgument(category) }));
}

function askContext(repo: Repository, today: string) {
  const standards = repo.config?.value.standards ?? [];
  const catalogs = standards.map((s) => repo.catalogs.get(s)).filter((c): c is Catalog => c !== undefined);
  return { customers: repo.customers.map((c) => c.value), catalogs, categories: repo.config?.value.csr?.categories, departments: repo.config?.value.departments ?? [], today };
}
