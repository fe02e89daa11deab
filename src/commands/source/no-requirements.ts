/**
 * `csr source update <id> [--revision <rev>] --without-requirements --by <approver> [--date <date>]`: records
 * the review of a customer source revision that holds no requirement for the supplier (无特定要求), as
 * QP-015 §5.2 of a supplier's CSR procedure asks ("没有发现CSR的，在来源文件登记中注明无特定要求";
 * IATF 16949 7.5.3.2.2 / GJB 9001C 8.2.3: every customer document received is reviewed, within the
 * review period). The revision gets `no_requirements: {by, date}`, which settles csr/source-unreviewed
 * and which the 外来文件清单 and `csr show` print (tester55 C1). Refused for a revision that has CSRs.
 */
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { revisionName } from "../../i18n/values.js";
import { eventLabel } from "../../model/recorded-events.js";
import { csrsOfSourceRevision } from "../../model/source-review.js";
import type { Located } from "../../load/repository.js";
import type { Customer } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { editFile, saveChanges, withEditSession } from "../shared/edit.js";
import { personLabel, resolvePerson } from "../shared/people.js";
import { givenOption, recordedRevision } from "./amend.js";
import type { SourceUpdateFlags } from "./update.js";

/** The options of `csr source update` that record or correct a revision: a nil review records neither. */
const OTHER_OPTIONS: readonly [keyof SourceUpdateFlags, string][] = [
  ["issued", "--issued"], ["received", "--received"], ["effective", "--effective"], ["summary", "--summary"], ["summaryEn", "--summary-en"], ["file", "--file"], ["previousFile", "--previous-file"], ["accept", "--accept"],
  ["unchanged", "--unchanged"], ["removed", "--removed"], ["lateReason", "--late-reason"], ["department", "--department"], ["classification", "--classification"], ["amend", "--amend"], ["earlier", "--earlier"],
];

export async function recordNoRequirements(
  ctx: CommandContext,
  sourceId: string,
  flags: SourceUpdateFlags,
  customerWithSource: (customers: readonly Located<Customer>[], sourceId: string, code: string | undefined) => Located<Customer>,
): Promise<number> {
  const misplaced = givenOption(flags, OTHER_OPTIONS);
  if (misplaced) throw new UserError(t("source.no-requirements.option", { flag: misplaced }));
  if (flags.by === undefined) throw new UserError(t("cli.error.required-option", { option: "--by <person>" }), t("source.no-requirements.needs-by"));
  return withEditSession(ctx, true, undefined, async (session) => {
    const { located, sourceIndex, revisionIndex, recorded: revision } = recordedRevision(customerWithSource(session.repo.customers, sourceId, flags.customer), sourceId, flags.revision?.trim());
    const named = revisionName(revision.revision);
    const date = eventDateOption(flags.date, "--date", { follows: { what: eventLabel("rule.date/event.revision-received", { revision: revision.revision }), of: sourceId, date: revision.received, external: true } });
    const person = resolvePerson(session.index, flags.by!, "--by", date);
    // Deciding that a customer document asks nothing of the supplier is a review decision: the decider's, as for csr review --disposition.
    if (!person.roles.includes("approver")) throw new UserError(t("source.no-requirements.not-approver", { person: personLabel(session.index, person.id) }));
    const csrs = csrsOfSourceRevision(session.repo.csrs.map((c) => c.value), located.value.code, sourceId, revision.revision);
    if (csrs.length > 0) throw new UserError(t("source.no-requirements.has-csrs", { id: sourceId, named, csrs: list(csrs.map((c) => c.id)) }));
    const change = editFile(session.root, located.file.path, "customer", (doc) => {
      doc.setIn(["sources", sourceIndex, "revisions", revisionIndex, "no_requirements"], doc.createNode({ by: person.id, date }, { flow: true }));
    });
    const lines = [t("source.no-requirements.recorded", { id: sourceId, named, person: personLabel(session.index, person.id), date, received: revision.received })];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("source.no-requirements.commit", { id: sourceId, named }) });
    return 0;
  });
}

