import { ruleDocUrl } from "../../core/docs.js";
import type { Formatter } from "./types.js";

/** A stable, machine-readable list: fields and their order never change within a major version. */
export const format: Formatter = ({ findings, summary, heldBack }) =>
  JSON.stringify(
    {
      version: 1,
      summary,
      ...(heldBack?.length ? { heldBack } : {}),
      findings: findings.map((f) => ({
        file: f.file,
        line: f.line,
        column: f.column,
        severity: f.severity,
        rule: f.rule,
        message: f.message,
        docs: ruleDocUrl(f.rule),
      })),
    },
    null,
    2,
  ) + "\n";
