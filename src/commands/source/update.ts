/**
 * `csr source update <source-id>`: a customer issued a new revision of its CSR document. The old
 * revision is marked superseded and every CSR taken from it starts a new review round, whose
 * deadline counts from the date the new revision was received. The earlier round stays on record.
 *
 * Running it again with the same revision is safe: the revision is recorded once, and CSRs that
 * are already on it are left alone, so an interrupted run can simply be repeated.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { parseDocument } from "yaml";
import { localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { didYouMean, oneLine } from "../../core/text.js";
import { insideRepository } from "../../core/write.js";
import { findRoot } from "../../load/discover.js";
import { refuseOnConflicts } from "../../load/git.js";
import { loadRepository, type Located } from "../../load/repository.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { estimatedDeadlineNote } from "../../model/calendar.js";
import { reviewDue } from "../../model/csr-status.js";
import type { Customer, SourceRevision } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { dateOption } from "../options.js";
import { appendIn, mapNode, persistChanges, verifyChanges, yamlText, type FileChange } from "../shared/persist.js";
import { withRepositoryLock } from "../shared/transaction.js";

export interface SourceUpdateFlags {
  customer?: string;
  revision: string;
  issued?: string;
  received: string;
  file?: string;
  commit?: boolean;
}

export async function sourceUpdateCommand(ctx: CommandContext, sourceId: string, flags: SourceUpdateFlags): Promise<number> {
  const received = dateOption(flags.received, "--received");
  const issued = flags.issued === undefined ? undefined : dateOption(flags.issued, "--issued");
  const revision = flags.revision.trim();
  if (revision === "") throw new UserError("--revision must not be empty.");
  const root = findRoot(ctx.dir);
  await refuseOnConflicts(root);
  return withRepositoryLock(ctx, root, () => update(ctx, root, sourceId, flags, { received, issued, revision }));
}

/** Under the repository lock: reads the repository, computes every file's change, writes them all or none. */
async function update(ctx: CommandContext, root: string, sourceId: string, flags: SourceUpdateFlags, given: { received: string; issued?: string; revision: string }): Promise<number> {
  const { received, issued, revision } = given;
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
  for (const { value: csr, file: csrFile } of affected) {
    const text = readFileSync(join(root, csrFile.path), "utf8");
    const doc = parseDocument(text);
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
  const message = flags.commit ? oneLine(`csr source update ${sourceId} rev ${revision} (${affected.length} CSR${affected.length === 1 ? "" : "s"} to re-review)`) : undefined;
  const hash = await persistChanges(root, changes, message);

  const config = repo.config?.value;
  const calendar = repositoryCalendar(config);
  const due = affected[0] ? reviewDue({ ...affected[0].value, review: { restarted: restartedOn } }, calendar, config) : undefined;
  const lines = [
    resumed
      ? `${sourceId} revision ${revision} was already recorded (received ${latest.received}).`
      : `${sourceId} revision ${revision} recorded (received ${received}); revision ${latest.revision} is superseded.`,
  ];
  if (affected.length === 0) lines.push(`No CSR of ${customer.value.code} was still on an earlier revision of ${sourceId}.`);
  else {
    lines.push(`${affected.length} CSR(s) to review again against revision ${revision}, due ${due}:`);
    for (const { value } of affected) lines.push(`  ${value.id}  ${value.title}  (was on revision ${value.source.revision})`);
  }
  ctx.stdout(lines.join("\n") + "\n");
  const note = due === undefined ? undefined : estimatedDeadlineNote(calendar, restartedOn, due);
  if (note) ctx.stderr(note);
  if (hash) ctx.stdout(`Committed ${hash}: ${message}\n`);
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

/** The attached file must be inside the repository and exist; it is recorded relative to the root. */
function attachment(root: string, path: string, given: string): string {
  const abs = insideRepository(root, path);
  if (!existsSync(abs)) throw new UserError(`--file '${given}' does not exist; add the customer's document to the repository first.`);
  return relative(root, abs).split(sep).join("/");
}
