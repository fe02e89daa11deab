/** The internal audits recorded under the processes of processes.yaml, as the rules that judge them walk them. */
import type { SourceFile } from "../../../load/source.js";
import type { Path, Process, ProcessAudit } from "../../../model/types.js";
import type { RuleContext } from "../../rule.js";

export interface RecordedAudit {
  process: Process;
  /** Every audit of the process, in recording order (a rule may compare `audit` with the others). */
  audits: ProcessAudit[];
  audit: ProcessAudit;
  /** Position in `audits`. */
  index: number;
  file: SourceFile;
  /** The finding's path of the audit: [...the process's path, "audits", index]; a rule appends its field. */
  path: Path;
}

/**
 * Every audit under `audits` of every process in a file the check keeps (ctx.keeps), in file order
 * and recording order within a process. `withProcess` picks the processes walked (e.g. those with an
 * owner). Entries are as written: a hand-edited audit may lack a field, so rules test what they read.
 */
export function* recordedAudits(ctx: RuleContext, withProcess: (process: Process) => boolean = () => true): Generator<RecordedAudit> {
  for (const { value: process, file, path } of ctx.repo.processes) {
    if (!ctx.keeps(file) || !withProcess(process)) continue;
    const audits = process.audits ?? [];
    for (const [index, audit] of audits.entries()) yield { process, audits, audit, index, file, path: [...path, "audits", index] };
  }
}
