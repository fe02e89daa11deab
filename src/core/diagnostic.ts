/** What a check reports. Rules produce findings; formatters print them. */

export type Severity = "error" | "warning";

export interface Location {
  /** Repository-relative path with '/' separators. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, counted in characters (a CJK character is one column). */
  column: number;
}

export interface Finding extends Location {
  rule: string;
  severity: Severity;
  message: string;
  /**
   * Set on a finding that may only follow from a problem of this broken file (qms.yaml or
   * people.yaml): it is counted, not shown, until that file is fixed.
   */
  heldBackBy?: string;
}

export interface Summary {
  errors: number;
  warnings: number;
  files: number;
}

export function summarize(findings: readonly Finding[], files: number): Summary {
  let errors = 0;
  for (const f of findings) if (f.severity === "error") errors++;
  return { errors, warnings: findings.length - errors, files };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/**
 * Where in its file a rule reported a finding, as the rule named it (a path into the file's data,
 * the key rather than the value, a quoted text): what line and column were computed from. The
 * check cache keeps it, so that a finding it reuses for an edited file is placed in the new text.
 */
export interface ReportedAt {
  path: (string | number)[];
  key?: boolean;
  quote?: string;
  quoteAt?: number;
}

/** Kept beside the findings rather than in them, so that formatters and their output never see it. */
export const reportedAt = new WeakMap<Finding, ReportedAt>();
