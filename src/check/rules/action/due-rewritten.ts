import { t } from "../../../i18n/index.js";
import { ACTION_STEPS, type ActionStep, type DueChange } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

/** The steps that keep a history of their due date: D3–D7 (D8's is set only on opening). */
const STEPS = ACTION_STEPS.filter((s) => s !== "D8");

/**
 * A step's due date moved without its change recorded (IATF 16949 10.2.3, 9.3.2.1; ISO 9001 7.5.3.2 c; tester78 A1): a date
 * once set is changed with `csr action step --due --reason`, which keeps the original and each change in `due_changes`, so
 * that a date moved never erases the lateness already incurred. Reported when `due` is not the last change's `to`, or a
 * change's `from` not the date before it; and, with `--base`, when a step's due date or its changes at the base are not
 * those the file still begins with (a due date edited by hand, or a change removed). One finding per step, at its `due`.
 */
export const rule: Rule = {
  id: "action/due-rewritten",
  severity: "error",
  scope: { files: "own" },
  summary: "A step's due date was changed without the change recorded in due_changes.",
  docs: {
    description:
      "A corrective action record keeps each step's due date as first set and every change of it (`due_changes`: from, to, the day changed, who agreed, why), written by `csr action step <id> <step> --due <date> --reason <why>`; `due` is the date in force. A step is judged against the date it is held to: a change recorded on or before the day the date it replaces falls is a re-plan made in time, one recorded after it does not excuse the lateness. Reported: a `due` that is not the last change's `to`, a change whose `from` is not the date before it and, with `--base`, a step whose due date or changes at the base are not those the file still begins with — a date edited by hand, or a change removed. The records of corrective action are evidence that it was taken in time ({{cite:corrective-action}}); an auditor compares them with git, and a date moved without trace reads as a record altered to hide lateness.",
    bad: `
  D3:
    due: 2026-11-10   # was 2026-11-04 at the base
    done: 2026-11-09
`,
    good: `
  D3:
    due: 2026-11-10
    done: 2026-11-09
    due_changes:
      - {from: 2026-11-04, to: 2026-11-10, date: 2026-11-04, reason: 等待顾客确认}
`,
    fix: "Restore the due date as it was (`git show <base>:<file>`) and change it with `csr action step <id> <step> --due <date> --reason <why>`, which keeps the original and the change.",
  },
  check(ctx) {
    const before = new Map((ctx.options.base?.repo.actions ?? []).map(({ value }) => [value.id, value]));
    for (const { value: action, file } of ctx.repo.actions) {
      for (const step of STEPS) {
        const entry = action.steps?.[step];
        if (entry === undefined) continue;
        const at = { file, path: ["steps", step, entry.due !== undefined ? "due" : "due_changes"] };
        const broken = brokenChain(entry);
        if (broken !== undefined) {
          ctx.report(at, t("rule.action/due-rewritten.chain", { id: action.id, step, ...broken }));
          continue;
        }
        const base = before.get(action.id)?.steps?.[step];
        if (base?.due === undefined || extends_(base, entry)) continue;
        ctx.report(at, t("rule.action/due-rewritten.base", { id: action.id, step, was: base.due, now: entry.due ?? t("rule.action/due-rewritten.none"), base: ctx.options.base!.rev }));
      }
    }
  },
};

/** Where a step's history does not lead to its `due`: the date expected and the one found; undefined when it does. */
function brokenChain(entry: ActionStep): { expected: string; found: string } | undefined {
  const changes = entry.due_changes ?? [];
  for (let i = 1; i < changes.length; i++) {
    if (changes[i]!.from !== changes[i - 1]!.to) return { expected: changes[i - 1]!.to, found: changes[i]!.from };
  }
  const last = changes.at(-1);
  if (last !== undefined && entry.due !== last.to) return { expected: last.to, found: entry.due ?? t("rule.action/due-rewritten.none") };
  return undefined;
}

/** Whether `now` keeps `base`'s due date and changes, and adds only changes after them. */
function extends_(base: ActionStep, now: ActionStep): boolean {
  const was = base.due_changes ?? [];
  const is = now.due_changes ?? [];
  if (is.length < was.length || !was.every((c, i) => same(c, is[i]!))) return false;
  return is.length === was.length ? now.due === base.due : is[was.length]!.from === base.due;
}

function same(a: DueChange, b: DueChange): boolean {
  return a.from === b.from && a.to === b.to && a.date === b.date && a.by === b.by && a.reason === b.reason;
}

