/**
 * A writing command given several targets at once (`csr periodic-review A B …`, `csr source confirm A B …` or
 * `--customer`): either every target is written, or none is and every refusal is listed, so that one run shows all that
 * must be corrected (tester71 Q6), not the first alone, and the record is never half made.
 */
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";

export interface Refusals {
  /** The line above the list: how many of how many targets cannot be written, nothing changed. */
  heading: (count: number, total: number) => string;
  /** What to do then. */
  hint: string;
}

/**
 * `plan` for each target, in order; when any throws a UserError, a UserError listing each refused target with its
 * reason, one line each (a reason that names its target already is not prefixed with it again: "QP-009：QP-009 已有…"
 * said the id twice). Its exit code is 2 when any refusal is a usage error, else 1, as a single target's refusal
 * exits. Any other error is a bug and is thrown as it is.
 */
export function allOrNothing<T>(targets: readonly string[], plan: (target: string) => T, refusals: Refusals): T[] {
  const planned: T[] = [];
  const refused: { target: string; error: UserError }[] = [];
  for (const target of targets) {
    try {
      planned.push(plan(target));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      refused.push({ target, error });
    }
  }
  if (refused.length === 0) return planned;
  // One target: its refusal as the single-target command gives it, hint and all.
  if (targets.length === 1) throw refused[0]!.error;
  const lines = refused.map(({ target, error }) => (error.message.includes(target) ? t("batch.refused-line-named", { reason: error.message }) : t("batch.refused-line", { target, reason: error.message })));
  const exitCode = refused.some(({ error }) => error.exitCode === 2) ? 2 : 1;
  throw new UserError([refusals.heading(refused.length, targets.length), ...lines].join("\n"), refusals.hint, exitCode);
}
