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

/**
 * The repository-wide files that other files' findings can follow from. While one of them has a
 * problem of its own, the findings that depend on it are held back (one root cause, one finding).
 */
export type Foundation = "qms.yaml" | "people.yaml";

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
  report(at: ReportTarget, message: string, severity?: Severity, dependsOn?: readonly Foundation[]): void;
}

/**
 * A rule's documentation: docs/rules.md is generated from it (`npm run docs:rules`) and `csr explain`
 * prints it, so the page cannot drift from the rule. Markdown, English, short lines.
 */
export interface RuleDocs {
  /** What the rule finds and why it matters (the clause of the standard it serves, if any). */
  description: string;
  /**
   * A YAML excerpt that produces the rule: its lines (without comments) must appear together in a file
   * of the `invalid/` case of a fixture in test/fixtures/rules/ whose expected.txt names the rule.
   */
  bad?: string;
  /** The corrected excerpt, found the same way in that fixture's `valid/` case. */
  good?: string;
  /** What to do about a finding. */
  fix: string;
}

export interface Rule {
  /** Stable id, e.g. "ref/unresolved"; it names the rule's file and its docs section. */
  id: string;
  severity: Severity;
  /** One line for docs, `csr explain` and SARIF metadata. */
  summary: string;
  docs: RuleDocs;
  /** What its findings follow from (besides the files they are in); a report may name its own. */
  dependsOn?: readonly Foundation[];
  /** Absent for the rules that the loader applies while reading files. */
  check?(ctx: RuleContext): void;
}
