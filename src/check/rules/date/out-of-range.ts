import { DATE_RANGE, inDateRange, isIsoDate } from "../../../core/dates.js";
import type { Path } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

/** Every date in every file lies between 1970 and 2099: outside is a typo, and deadlines from it mean nothing. */
export const rule: Rule = {
  id: "date/out-of-range",
  severity: "error",
  summary: `A date lies outside ${DATE_RANGE.from} … ${DATE_RANGE.to}.`,
  docs: {
    description: `A date outside ${DATE_RANGE.from} … ${DATE_RANGE.to}: a typo such as 0001-01-01 or 9999-12-31. Deadlines counted from it in working days would mean nothing (or take minutes to count). Commands refuse such a date in --date, --received and --today.`,
    bad: `
        received: 0001-01-01
`,
    good: `
        received: 2026-03-10
`,
    fix: "Correct the date.",
  },
  check(ctx) {
    for (const file of ctx.repo.files) {
      if (file.data === undefined || file.problems.length > 0) continue;
      const walk = (value: unknown, path: Path): void => {
        if (typeof value === "string") {
          if (isIsoDate(value) && !inDateRange(value)) {
            ctx.report({ file, path }, `The date ${value} lies outside ${DATE_RANGE.from} … ${DATE_RANGE.to}, the range csr counts deadlines in; it is probably a typo. Correct the date.`);
          }
        } else if (Array.isArray(value)) {
          value.forEach((v, i) => walk(v, [...path, i]));
        } else if (value && typeof value === "object") {
          for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
        }
      };
      walk(file.data, []);
    }
  },
};
