import { DATE_RANGE, inDateRange, isIsoDate } from "../../../core/dates.js";
import { t } from "../../../i18n/index.js";
import type { Rule } from "../../rule.js";

/** Every date in every file lies between 1970 and 2099: outside is a typo, and deadlines from it mean nothing. */
export const rule: Rule = {
  id: "date/out-of-range",
  severity: "error",
  scope: { files: "own" },
  summary: `A date lies outside ${DATE_RANGE.from} … ${DATE_RANGE.to}.`,
  docs: {
    description: `A date outside ${DATE_RANGE.from} … ${DATE_RANGE.to}: a typo such as 0001-01-01 or 9999-12-31. Deadlines counted from it in working days would mean nothing (or take minutes to count). Commands refuse such a date in --date, --received and --today.`,
    bad: `
        received: 0001-01-01
`,
    good: `
        received: 2026-11-20
`,
    fix: "Correct the date.",
  },
  check(ctx) {
    for (const file of ctx.repo.files) {
      // The loader saw the strings of most files as it read them (SourceFile.datesInRange).
      if (file.data === undefined || file.problems.length > 0 || file.datesInRange || !hasDateOutOfRange(file.data)) continue;
      // One path, grown and shrunk as the walk goes, copied only for a finding: a new path per
      // value cost a tenth of a whole check when every file was walked this way.
      const path: (string | number)[] = [];
      const walk = (value: unknown): void => {
        if (typeof value === "string") {
          // Only a string of a date's length outside the range can be one; the costly isIsoDate comes last.
          if (value.length === 10 && !inDateRange(value) && isIsoDate(value)) {
            ctx.report({ file, path: [...path] }, t("rule.date/out-of-range", { date: value, from: DATE_RANGE.from, to: DATE_RANGE.to }));
          }
        } else if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) {
            path.push(i);
            walk(value[i]);
            path.pop();
          }
        } else if (value && typeof value === "object") {
          // for…in, not Object.entries: an array per object of every file is a tenth of a check's garbage.
          const record = value as Record<string, unknown>;
          for (const k in record) {
            path.push(k);
            walk(record[k]);
            path.pop();
          }
        }
      };
      walk(file.data);
    }
  },
};

/** Whether a value holds a date out of range anywhere: the walk of every file, without paths (few files have one). */
function hasDateOutOfRange(value: unknown): boolean {
  if (typeof value === "string") return value.length === 10 && !inDateRange(value) && isIsoDate(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (hasDateOutOfRange(value[i])) return true;
  } else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const k in record) if (hasDateOutOfRange(record[k])) return true;
  }
  return false;
}
