/**
 * `csr implement <csr>`: the implementation of a decided CSR (IATF 16949 7.5.3.2.2: the date a
 * change is implemented in production is recorded): owner, due date, status, evidence, the date
 * implemented, and who verified it.
 */
import { UserError } from "../../core/errors.js";
import type { Csr } from "../../model/types.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { choiceOption, dateOption } from "../options.js";
import { editFile, findCsrById, withEditSession, optionalAnswer, personById, personChoices, saveChanges } from "../shared/edit.js";

type Implementation = NonNullable<Csr["implementation"]>;
type ImplementationStatus = NonNullable<Implementation["status"]>;
export const IMPLEMENTATION_STATUSES: readonly ImplementationStatus[] = ["planned", "in-progress", "implemented", "verified"];

export interface ImplementFlags {
  owner?: string;
  due?: string;
  status?: string;
  evidence?: string;
  implemented?: string;
  verifiedBy?: string;
  date?: string;
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
    if (csr.superseded) throw new UserError(`${id} is superseded; it is not implemented any more.`);
    if (disposition !== "must" && disposition !== "optional") {
      throw new UserError(
        disposition ? `${id} was decided '${disposition}'; only a 'must' or 'optional' CSR is implemented.` : `${id} is not decided yet; record the decision before its implementation.`,
        disposition ? undefined : `Run 'csr review ${id} --disposition must --by <person>' first.`,
      );
    }
    const current = csr.implementation ?? {};
    const given = [flags.owner, flags.due, flags.status, flags.evidence, flags.implemented, flags.verifiedBy].some((v) => v !== undefined);
    const { ask } = session;
    const next: Implementation = { ...current };
    if (!given && !ask) throw new UserError("Say what to record: --owner, --due, --status, --evidence, --implemented or --verified-by.");
    if (!given && ask) {
      next.status = await ask.select({ message: "Status", choices: IMPLEMENTATION_STATUSES.map((s) => ({ value: s })), default: current.status ?? "planned" });
      next.owner = await ask.select({ message: "Owner", choices: personChoices(session), default: current.owner });
      next.due = dateOption(await ask.input({ message: "Due date (YYYY-MM-DD)", default: current.due, required: true }), "due date");
      next.evidence = optionalAnswer(await ask.input({ message: "Evidence (optional)", default: current.evidence })) ?? next.evidence;
      if (next.status === "implemented" || next.status === "verified") {
        next.implemented = dateOption(await ask.input({ message: "Date implemented in production (YYYY-MM-DD)", default: current.implemented, required: true }), "date implemented");
      }
    } else {
      if (flags.owner !== undefined) next.owner = personById(session, flags.owner, "--owner").id;
      if (flags.due !== undefined) next.due = dateOption(flags.due, "--due");
      if (flags.evidence !== undefined) next.evidence = flags.evidence;
      if (flags.implemented !== undefined) next.implemented = dateOption(flags.implemented, "--implemented");
      if (flags.status !== undefined) next.status = choiceOption(flags.status, "--status", IMPLEMENTATION_STATUSES, "planned");
      else if (flags.verifiedBy !== undefined) next.status = "verified";
      else if (flags.implemented !== undefined) next.status = "implemented";
      if (flags.verifiedBy !== undefined) next.verified = { by: personById(session, flags.verifiedBy, "--verified-by").id, date: dateOption(flags.date, "--date") };
    }
    if ((next.status === "implemented" || next.status === "verified") && !next.implemented) {
      throw new UserError(`An ${next.status} CSR needs the date it was implemented in production: add --implemented YYYY-MM-DD.`);
    }
    if (next.status === "verified" && !next.verified) throw new UserError("A verified implementation needs who verified it: add --verified-by <person> (and --date).");
    const change = editFile(session.root, file.path, "csr", (doc) => {
      for (const key of ["owner", "due", "status", "evidence", "implemented"] as const) {
        if (next[key] !== undefined && next[key] !== current[key]) doc.setIn(["implementation", key], next[key]);
      }
      if (next.verified && next.verified !== current.verified) doc.setIn(["implementation", "verified"], doc.createNode(next.verified));
    });
    const parts = [
      `status ${next.status ?? "planned"}`,
      next.owner ? `owner ${next.owner}` : "",
      next.due ? `due ${next.due}` : "",
      next.implemented ? `implemented ${next.implemented}` : "",
      next.verified ? `verified by ${next.verified.by}` : "",
    ].filter(Boolean);
    await saveChanges(ctx, session, [change], [`${id}: implementation recorded: ${parts.join(", ")}.`], { commit: flags.commit, message: `csr implement ${id}: ${next.status ?? "planned"}` });
    return 0;
  });
}
