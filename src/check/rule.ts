/** The contract between the engine and a rule: rules only report, the engine does the rest. */
import type { Severity } from "../core/diagnostic.js";
import type { BaseState, ReleasedVersion } from "../load/base.js";
import type { Repository } from "../load/repository.js";
import type { SourceFile } from "../load/source.js";
import type { RepoIndex } from "../model/index.js";
import type { ControlledDocument, Csr, Customer, Path } from "../model/types.js";

export interface CheckOptions {
  /** YYYY-MM-DD; deadlines are measured against it. */
  today: string;
  /**
   * Set when `today` is the date of a release recorded after the fact (csr release --date): a record
   * dated after it is then later than the release, not "after today" (tester19 F13).
   */
  releaseDate?: boolean;
  /** The repository at the base revision (`csr check --base`); rules comparing with it skip when absent. */
  base?: BaseState;
  /**
   * Without a base: the releases (by tag) of the released documents whose file differs from their
   * current version's release tag (load/base.ts releasesChanged), for doc/revision-not-bumped.
   */
  released?: ReadonlyMap<string, ReleasedVersion>;
  /**
   * The released documents being revised (修订中: the file holds the draft of the next version) as their
   * current version was released, by id (load/base.ts revisedInForce); a document git does not have is absent.
   */
  inForce?: ReadonlyMap<string, ControlledDocument>;
}

/**
 * The repository-wide files that other files' findings can follow from. While one of them has a
 * problem of its own, the findings that depend on it are held back (one root cause, one finding).
 */
export type Foundation = "qms.yaml" | "people.yaml" | "processes.yaml";

export interface ReportTarget {
  file: SourceFile;
  path: Path;
  /** Point at the key rather than the value (e.g. for a field that should not be there). */
  key?: boolean;
  /** Point at the first place this text appears inside the value (a mention inside a long text). */
  quote?: string;
  /** With `quote`: point this many characters into it (a cell of a quoted table row), not at its start. */
  quoteAt?: number;
}

export interface RuleContext {
  repo: Repository;
  index: RepoIndex;
  options: CheckOptions;
  /** Ids of every registered rule. */
  ruleIds: ReadonlySet<string>;
  /**
   * Whether findings in this file are kept. The entities kept in part after a schema error are
   * checked in a second run over the whole repository of which only their files' findings are kept
   * (engine.ts): a rule whose findings on an entity are all in that entity's file may skip the
   * entities of the files for which this is false.
   */
  keeps(file: SourceFile): boolean;
  /**
   * `severity` may lower one report to a warning (e.g. a deadline that is near rather than past);
   * a rule never raises a report above the severity configured for it (one marked warningsFollowSetting
   * keeps a report lowered only while qms.yaml does not set its id to error).
   */
  report(at: ReportTarget, message: string, severity?: Severity, dependsOn?: readonly Foundation[]): void;
}

/**
 * A rule's documentation: docs/rules.md is generated from it (`npm run docs:rules`) and `csr explain`
 * prints it, so the page cannot drift from the rule. Markdown, English, short lines. A clause of a
 * standard is cited as `{{cite:KEY}}` and what holds under one standard only sits in `{{#IATF16949}}…
 * {{/IATF16949}}` (model/citations.ts forStandards), so that a GJB 9001C repository reads its own
 * standard; docs/rules.md reads as an IATF 16949 repository.
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

/**
 * A file a repeated check found changed, as a rule's `reads` sees it: only CSRs, documents and
 * customers are checked incrementally (any other changed file makes the whole check run again),
 * and only while they pass validation (a file that fails it is absent from the model).
 */
export type ChangedFile = { kind: "csr"; data: Csr } | { kind: "document"; data: ControlledDocument } | { kind: "customer"; data: Customer };

/**
 * What a rule's findings follow from, so that a repeated check with a few files changed runs only
 * what the change can affect (check/incremental.ts). It is a promise about the rule's `check`,
 * which the differential test of test/check/incremental.test.ts holds it to. It concerns a check
 * without `--base`: a check against a base revision always runs whole.
 *
 * - `own`: a finding in a file follows from that file alone (its data and path), the foundations
 *   (qms.yaml, people.yaml, processes, symbols, catalogs) and the options, given that the ids the
 *   file defines are unique (id/duplicate reports them when not; a rule may look a document up by
 *   its id). The rule runs on the changed files only.
 * - `all`: a finding anywhere may follow from any file, but only through `reads`, a JSON value of
 *   everything the rule reads of a file, the file itself included: when `reads` gives the same for
 *   every changed file before and after, the rule's earlier findings stand (placed anew in the
 *   changed files); otherwise the rule alone runs again over the whole repository. `citesLines`: a
 *   message names a line of another file, so an edit that moves lines affects the findings that
 *   name the edited file (the rule runs again then too).
 *
 * A rule without a scope is taken to read everything of every file.
 */
export type RuleScope = { files: "own" } | { files: "all"; reads(file: ChangedFile): unknown; citesLines?: boolean };

export interface Rule {
  /** Stable id, e.g. "ref/unresolved"; it names the rule's file and its docs section. */
  id: string;
  severity: Severity;
  /**
   * The id this rule's findings were reported under before it was split off it: while `rules:` in
   * qms.yaml does not name this rule, a setting of that id applies to it, never above `severity`
   * (engine.ts configuredSeverity), so a repository that turned the old id off keeps it off.
   */
  splitFrom?: string;
  /**
   * The warnings this rule reports (a report's lowered severity) are only its default for ordinary cases, the
   * error kept for the strict ones (a document marking a special characteristic): a `rules:` setting of `error`
   * for its id in qms.yaml makes them errors too, as it did before the strict case was split out (review78 #6).
   */
  warningsFollowSetting?: true;
  /** One line for docs, `csr explain` and SARIF metadata. */
  summary: string;
  docs: RuleDocs;
  /** What its findings follow from (besides the files they are in); a report may name its own. */
  dependsOn?: readonly Foundation[];
  scope?: RuleScope;
  /**
   * Leaving part of an entity out can never cause one of its findings: each follows from a value that
   * is there (and the repository's other files), never from one that is missing. Such a rule reports
   * on the entities kept in part after a schema error too (Repository.partial); the findings of the
   * other rules there are held back, since they may follow from what was left out.
   */
  holdsForParts?: true;
  /**
   * Its findings say only where a deadline measured against `today` stands, never that something
   * recorded is wrong: recording a fact late, such as a requirement received weeks ago, must not be
   * refused for them. `csr check --staged` (the pre-commit hook, which csr's own commits go through)
   * reports those the commit adds as warnings; `csr check` and CI keep their severity. `true`: the
   * deadline has passed; `soon`: it is near, not passed (csr/review-due-soon); `soon-or-passed`: either
   * (a periodic review due soon or overdue); `follow-up`: a fact recorded truly asks for a next step not taken yet
   * (a supplier rated C with no SCAR open). `csr explain` and docs/rules.md say which (tester66 N12, tester80 M12).
   */
  clock?: true | "soon" | "soon-or-passed" | "follow-up";
  /** Absent for the rules that the loader applies while reading files. */
  check?(ctx: RuleContext): void;
}
