/** The contract between the engine and a rule: rules only report, the engine does the rest. */
import type { Severity } from "../core/diagnostic.js";
import type { BaseState } from "../load/base.js";
import type { Repository } from "../load/repository.js";
import type { SourceFile } from "../load/source.js";
import type { RepoIndex } from "../model/index.js";
import type { Path } from "../model/types.js";

export interface CheckOptions {
  /** YYYY-MM-DD; deadlines are measured against it. */
  today: string;
  /** The repository at the base revision (`csr check --base`); rules comparing with it skip when absent. */
  base?: BaseState;
}

export interface ReportTarget {
  file: SourceFile;
  path: Path;
  /** Point at the key rather than the value (e.g. for a field that should not be there). */
  key?: boolean;
  /** Point at the first place this text appears inside the value (a mention inside a long text). */
  quote?: string;
}

export interface RuleContext {
  repo: Repository;
  index: RepoIndex;
  options: CheckOptions;
  /** Ids of every registered rule. */
  ruleIds: ReadonlySet<string>;
  /**
   * `severity` may lower one report to a warning (e.g. a deadline that is near rather than past);
   * a rule never raises a report above the severity configured for it.
   */
  report(at: ReportTarget, message: string, severity?: Severity): void;
}

export interface Rule {
  /** Stable id, e.g. "ref/unresolved"; it names the rule's file and its docs section. */
  id: string;
  severity: Severity;
  /** One line for docs and SARIF metadata. */
  summary: string;
  /** Absent for the rules that the loader applies while reading files. */
  check?(ctx: RuleContext): void;
}
