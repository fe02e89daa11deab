/**
 * `csr source update <source-id>`: a customer issued a new revision of its CSR document. The old
 * revision is marked superseded and every CSR taken from it starts a new review round, whose
 * deadline counts from the date the new revision was received. The earlier round stays on record.
 *
 * Running it again with the same revision is safe: the revision is recorded once, and CSRs that
 * are already on it are left alone, so an interrupted run can simply be repeated.
 *
 * Review costs work only where the customer changed something: with the new revision's file and
 * the previous one's, the sections each CSR cites are compared (proposals.ts). A CSR confirmed as
 * unchanged keeps its decision, with a recorded confirmation (who, when, against which revision);
 * one whose section was removed is superseded; only the changed ones are reviewed again.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { parseDocument } from "yaml";
import { localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { insideRepository } from "../../core/write.js";
import { findRoot } from "../../load/discover.js";
import { refuseOnConflicts } from "../../load/git.js";
import { loadRepository, type Located, type Repository } from "../../load/repository.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { estimatedDeadlineNote } from "../../model/calendar.js";
import { reviewDue } from "../../model/csr-status.js";
import type { Customer, SourceRevision } from "../../model/types.js";
import { canPrompt, loadPrompts, missingFlag, type Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { dateOption } from "../options.js";
import { chooseFor, compareFiles, describeComparison, type CsrChoice } from "./proposals.js";
import { appendIn, commitFiles, mapNode, verifyChanges, writeChanges, yamlText, type FileChange } from "../shared/persist.js";

export interface SourceUpdateFlags {
  customer?: string;
  revision: string;
  issued?: string;
  received: string;
  file?: string;
  /** The previous revision's file, when its revision entry records none. */
  previousFile?: string;
  /** CSRs whose cited section did not change: they keep their decision. */
  unchanged?: string[];
  /** CSRs whose cited section the new revision dropped: they are superseded. */
  removed?: string[];
  /** Take the file comparison's proposal for every CSR not named otherwise. */
  accept?: boolean;
  /** Who confirms the unchanged CSRs (a person id of people.yaml). */
  by?: string;
  /** Date of that confirmation (default today). */
  date?: string;
  yes?: boolean;
  commit?: boolean;
}

export function sourceUpdateCommand(ctx: CommandContext, sourceId: string, flags: SourceUpdateFlags): Promise<number> {
  return sourceUpdate(ctx, sourceId, flags);
}

/** `prompts` is given by tests; otherwise csr asks only at a terminal and without --yes. */
export async function sourceUpdate(ctx: CommandContext, sourceId: string, flags: SourceUpdateFlags, prompts?: Prompts): Promise<number> {
  const received = dateOption(flags.received, "--received");
  const issued = flags.issued === undefined ? undefined : dateOption(flags.issued, "--issued");
  const revision = flags.revision.trim();
  if (revision === "") throw new UserError("--revision must not be empty.");
  const root = findRoot(ctx.dir);
  await refuseOnConflicts(root);
  const repo = loadRepository(root);
  const customer = customerWithSource(repo.customers, sourceId, flags.customer);
  const sourceIndex = customer.value.sources!.findIndex((s) => s.id === sourceId);
  const source = customer.value.sources![sourceIndex]!;
  const file = flags.file === undefined ? undefined : attachment(root, resolve(ctx.dir, flags.file), flags.file);

  const changes: FileChange[] = [];
  const latest = source.revisions[source.revisions.length - 1]!;
  const resumed = latest.revision === revision;
  if (!resumed && source.revisions.some((r) => r.revision === revision)) {
    throw new UserError(`Revision ${revision} of ${sourceId} is already recorded and is not the latest (${latest.revision}).`, "Give the new revision's own mark with --revision.");
  }
  const customerText = readFileSync(join(root, customer.file.path), "utf8");
  const customerDoc = parseDocument(customerText);
  source.revisions.forEach((r, i) => {
    if (r.status !== "superseded" && !(resumed && r === latest)) customerDoc.setIn(["sources", sourceIndex, "revisions", i, "status"], "superseded");
  });
  if (!resumed) {
    const entry: SourceRevision = { revision, ...(issued ? { issued } : {}), received, ...(file ? { file } : {}), status: "current", supersedes: latest.revision };
    appendIn(customerDoc, ["sources", sourceIndex, "revisions"], entry);
  }
  changes.push({ path: customer.file.path, kind: "customer", text: yamlText(customerDoc, customerText) });

  const restartedOn = resumed ? latest.received : received;
  const affected = repo.csrs.filter(
    (c) => c.value.customer === customer.value.code && c.value.source.document === sourceId && !c.value.superseded && c.value.source.revision !== revision,
  );

  const previous = resumed ? source.revisions[source.revisions.length - 2] : latest;
  const previousFile = flags.previousFile === undefined ? previous?.file : attachment(root, resolve(ctx.dir, flags.previousFile), flags.previousFile);
  const newFile = file ?? (resumed ? latest.file : undefined);
  const comparison = newFile && previousFile && affected.length > 0 ? await compareFiles(root, previousFile, newFile, affected.map((c) => c.value)) : undefined;
  const interactive = prompts ?? (comparison && canPrompt(flags.yes) ? await loadPrompts() : undefined);
  if (comparison) ctx.stdout(describeComparison(comparison, previousFile!, newFile!).join("\n") + "\n");
  const choices = await chooseFor({ affected: affected.map((c) => c.value), comparison, unchanged: flags.unchanged ?? [], removed: flags.removed ?? [], accept: flags.accept === true, prompts: interactive });
  const choiceOf = (id: string): CsrChoice => choices.get(id) ?? "changed";
  const confirmation = [...choices.values()].includes("unchanged") ? await confirmer(repo, flags, interactive) : undefined;
  const proposals = new Map((comparison?.proposals ?? []).map((p) => [p.csr, p]));
  const zh = (repo.config?.value.language ?? "zh-CN") === "zh-CN";

  for (const { value: csr, file: csrFile } of affected) {
    const text = readFileSync(join(root, csrFile.path), "utf8");
    const doc = parseDocument(text);
    const choice = choiceOf(csr.id);
    if (choice === "removed") {
      const section = csr.source.section ? ` ${csr.source.section}` : "";
      const reason = zh ? `${sourceId} ${revision} 版删除了所引用的章节${section}` : `${sourceId} revision ${revision} no longer has the cited section${section}`;
      doc.set("superseded", doc.createNode({ date: restartedOn, reason }));
      changes.push({ path: csrFile.path, kind: "csr", text: yamlText(doc, text) });
      continue;
    }
    if (choice === "unchanged") {
      // The decision stands; the record says who found the section unchanged, when, and between which revisions.
      appendIn(doc, ["review", "confirmations"], { source_revision: revision, previous_revision: csr.source.revision, by: confirmation!.by, date: confirmation!.date });
      doc.setIn(["source", "revision"], revision);
      const moved = proposals.get(csr.id)?.new;
      if (moved && csr.source.section !== undefined && moved.number !== null) {
        const cited = [moved.number, moved.title].filter(Boolean).join(" ");
        if (!csr.source.section.startsWith(`${moved.number} `) && csr.source.section !== moved.number) doc.setIn(["source", "section"], cited);
      }
      changes.push({ path: csrFile.path, kind: "csr", text: yamlText(doc, text) });
      continue;
    }
    // The earlier round's nodes are moved, not re-created, so they keep their comments and layout.
    const round = mapNode(doc, { source_revision: csr.source.revision, closed: restartedOn, reason: `new source revision ${revision}` });
    for (const key of ["opinions", "decision"]) {
      const node = doc.getIn(["review", key], true);
      if (node) round.set(key, node);
      if (node) doc.deleteIn(["review", key]);
    }
    appendIn(doc, ["review", "history"], round);
    doc.setIn(["review", "restarted"], restartedOn);
    doc.setIn(["source", "revision"], revision);
    changes.push({ path: csrFile.path, kind: "csr", text: yamlText(doc, text) });
  }

  verifyChanges(repo, changes, localToday());
  // The customer file first: if a CSR write fails, csr/source-superseded points at the CSRs still to move, and a rerun moves them.
  writeChanges(root, changes);

  const config = repo.config?.value;
  const calendar = repositoryCalendar(config);
  const due = affected[0] ? reviewDue({ ...affected[0].value, review: { restarted: restartedOn } }, calendar, config) : undefined;
  const lines = [
    resumed
      ? `${sourceId} revision ${revision} was already recorded (received ${latest.received}).`
      : `${sourceId} revision ${revision} recorded (received ${received}); revision ${latest.revision} is superseded.`,
  ];
  const reopened = affected.filter((c) => choiceOf(c.value.id) === "changed");
  const kept = affected.filter((c) => choiceOf(c.value.id) === "unchanged");
  const dropped = affected.filter((c) => choiceOf(c.value.id) === "removed");
  if (affected.length === 0) lines.push(`No CSR of ${customer.value.code} was still on an earlier revision of ${sourceId}.`);
  if (reopened.length > 0) {
    lines.push(`${reopened.length} CSR(s) to review again against revision ${revision}, due ${due}:`);
    for (const { value } of reopened) lines.push(`  ${value.id}  ${value.title}  (was on revision ${value.source.revision})`);
  }
  if (kept.length > 0) {
    lines.push(`${kept.length} CSR(s) unchanged in revision ${revision}: decision kept, confirmed by ${confirmation!.by} on ${confirmation!.date}:`);
    for (const { value } of kept) lines.push(`  ${value.id}  ${value.title}`);
  }
  if (dropped.length > 0) {
    lines.push(`${dropped.length} CSR(s) superseded: revision ${revision} no longer has their section:`);
    for (const { value } of dropped) lines.push(`  ${value.id}  ${value.title}`);
  }
  if (comparison && !flags.accept && !interactive && (flags.unchanged ?? []).length + (flags.removed ?? []).length === 0) {
    lines.push("The comparison's proposals were not applied: every CSR is reviewed again. Confirm them with --accept (or name CSRs with --unchanged / --removed).");
  }
  ctx.stdout(lines.join("\n") + "\n");
  const note = due === undefined ? undefined : estimatedDeadlineNote(calendar, restartedOn, due);
  if (note) ctx.stderr(note);
  if (flags.commit) {
    const message = `csr source update ${sourceId} rev ${revision} (${reopened.length} CSR${reopened.length === 1 ? "" : "s"} to re-review)`;
    ctx.stdout(`Committed ${await commitFiles(root, changes.map((c) => c.path), message)}: ${message}\n`);
  }
  return 0;
}

function customerWithSource(customers: readonly Located<Customer>[], sourceId: string, code: string | undefined): Located<Customer> {
  const candidates = customers.filter((c) => (code === undefined || c.value.code === code) && (c.value.sources ?? []).some((s) => s.id === sourceId));
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    throw new UserError(`${sourceId} is a source document of ${candidates.map((c) => c.value.code).join(" and ")}.`, "Say which customer with --customer.");
  }
  if (code !== undefined && !customers.some((c) => c.value.code === code)) {
    throw new UserError(`Unknown customer '${code}'.${didYouMean(code, customers.map((c) => c.value.code))}`);
  }
  const known = customers.filter((c) => code === undefined || c.value.code === code).flatMap((c) => (c.value.sources ?? []).map((s) => s.id));
  throw new UserError(
    `No source document '${sourceId}'${code ? ` for customer ${code}` : ""}.${didYouMean(sourceId, known)}`,
    `Known source documents: ${known.join(", ") || "none"}. A new source document is added under 'sources' in customers/<CODE>.yaml.`,
  );
}

/** Who confirms the unchanged CSRs and when: --by (asked at a terminal) must be a person of people.yaml. */
async function confirmer(repo: Repository, flags: SourceUpdateFlags, prompts: Prompts | undefined): Promise<{ by: string; date: string }> {
  const date = dateOption(flags.date, "--date");
  const people = repo.people.map((p) => p.value);
  const by = flags.by ?? (prompts ? await prompts.select({ message: "Who confirms the unchanged CSRs", choices: people.map((p) => ({ value: p.id, name: `${p.id}  ${p.name}` })) }) : undefined);
  if (by === undefined) throw missingFlag("--by", "who confirms the unchanged CSRs");
  if (!people.some((p) => p.id === by)) throw new UserError(`--by ${by}: no such person in people.yaml.${didYouMean(by, people.map((p) => p.id))}`);
  return { by, date };
}

/** The attached file must be inside the repository and exist; it is recorded relative to the root. */
function attachment(root: string, path: string, given: string): string {
  const abs = insideRepository(root, path);
  if (!existsSync(abs)) throw new UserError(`--file '${given}' does not exist; add the customer's document to the repository first.`);
  return relative(root, abs).split(sep).join("/");
}
