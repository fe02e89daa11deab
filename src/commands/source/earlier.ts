/**
 * `csr source update <id> --revision <rev> --received <date> --earlier`: records a revision of a
 * customer document received before the latest one csr has (第2版 of 2024 while 第3版 is current),
 * as history: a superseded revision in its place among the revisions (oldest first), no CSR
 * reviewed again (tester54b B8). A supplier's CSR list spans the revisions of a customer document;
 * its rows of the earlier revision can then be registered (csr import, csr add), and csr check
 * (csr/source-superseded) asks for their review against the current one.
 */
import { resolve } from "node:path";
import { UserError } from "../../core/errors.js";
import { shellArgument } from "../../core/text.js";
import { t } from "../../i18n/index.js";
import { revisionName } from "../../i18n/values.js";
import { eventLabel } from "../../model/recorded-events.js";
import type { Located } from "../../load/repository.js";
import type { Customer, SourceRevision } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { dateOption, eventDateOption } from "../options.js";
import { editFile, saveChanges, withEditSession } from "../shared/edit.js";
import { attachment } from "./attachment.js";
import { effectiveBeforeReceived, revisionSummary } from "./add.js";
import { givenOption } from "./amend.js";
import type { SourceUpdateFlags } from "./update.js";

/** The options of `csr source update` that decide the CSRs of a new revision: an earlier revision has none to decide. */
const NEW_ROUND_OPTIONS: readonly [keyof SourceUpdateFlags, string][] = [
  ["previousFile", "--previous-file"], ["accept", "--accept"], ["unchanged", "--unchanged"], ["removed", "--removed"],
  ["by", "--by"], ["date", "--date"], ["lateReason", "--late-reason"], ["department", "--department"], ["classification", "--classification"], ["amend", "--amend"],
];

export async function recordEarlierRevision(
  ctx: CommandContext,
  sourceId: string,
  flags: SourceUpdateFlags,
  customerWithSource: (customers: readonly Located<Customer>[], sourceId: string, code: string | undefined) => Located<Customer>,
): Promise<number> {
  const misplaced = givenOption(flags, NEW_ROUND_OPTIONS);
  if (misplaced) throw new UserError(t("source.earlier.option", { flag: misplaced }));
  if (flags.revision === undefined) throw new UserError(t("cli.error.required-option", { option: "--revision <rev>" }));
  if (flags.received === undefined) throw new UserError(t("cli.error.required-option", { option: "--received <date>" }));
  const revision = flags.revision.trim();
  if (revision === "") throw new UserError(t("source.empty-revision"));
  const issued = flags.issued === undefined ? undefined : dateOption(flags.issued, "--issued");
  const received = eventDateOption(flags.received, "--received", {
    follows: issued === undefined ? undefined : { what: eventLabel("rule.date/event.revision-issued", { revision }), of: sourceId, date: issued, external: true },
  });
  const effective = flags.effective === undefined ? undefined : dateOption(flags.effective, "--effective");
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = customerWithSource(session.repo.customers, sourceId, flags.customer);
    const sourceIndex = located.value.sources!.findIndex((s) => s.id === sourceId);
    const source = located.value.sources![sourceIndex]!;
    const latest = source.revisions[source.revisions.length - 1]!;
    if (source.revisions.some((r) => r.revision === revision)) {
      throw new UserError(t("source.earlier.recorded", { id: sourceId, named: revisionName(revision) }), t("source.earlier.recorded.hint", { id: shellArgument(sourceId), revision: shellArgument(revision) }));
    }
    if (received >= latest.received) {
      throw new UserError(
        t("source.earlier.not-earlier", { id: sourceId, named: revisionName(revision), received, latest: revisionName(latest.revision), latestReceived: latest.received }),
        t("source.earlier.not-earlier.hint", { id: shellArgument(sourceId), revision: shellArgument(revision), received }),
      );
    }
    const file = flags.file === undefined ? undefined : attachment(session.root, resolve(ctx.dir, flags.file), flags.file);
    // Its place among the revisions, oldest first: after every one received on or before it.
    const at = source.revisions.findIndex((r) => r.received > received);
    const before = at > 0 ? source.revisions[at - 1] : undefined;
    const after = source.revisions[at]!;
    const entry: SourceRevision = {
      revision,
      ...(issued ? { issued } : {}),
      received,
      ...(effective ? { effective } : {}),
      ...revisionSummary(flags),
      ...(file ? { file } : {}),
      status: "superseded",
      ...(before ? { supersedes: before.revision } : {}),
    };
    const change = editFile(session.root, located.file.path, "customer", (doc) => {
      const revisions = doc.getIn(["sources", sourceIndex, "revisions"], true) as { items: unknown[] };
      revisions.items.splice(at, 0, doc.createNode(entry));
      // The next revision replaced the one before it; it now replaces this one.
      if (before !== undefined && after.supersedes === before.revision) doc.setIn(["sources", sourceIndex, "revisions", at + 1, "supersedes"], revision);
    });
    const named = revisionName(revision);
    const lines = [
      t("source.earlier.recorded-now", { id: sourceId, named, received, next: revisionName(after.revision), latest: revisionName(latest.revision) }),
      t("source.earlier.next", { named }),
    ];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("source.earlier.commit", { id: sourceId, named, received }) });
    const early = effectiveBeforeReceived(sourceId, revision, effective, received);
    if (early) ctx.stderr(early + "\n");
    return 0;
  });
}
