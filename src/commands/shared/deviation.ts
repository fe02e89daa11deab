/**
 * `--deviates-from` of `csr new` and `csr set`: the documents a deviation (偏离, e.g. a temporary
 * deviation from a work instruction; IATF 16949 8.5.6.1.1, 8.7.1.1) deviates from, written on the
 * deviation itself (`deviates_from`). The documents it names are left as they are: a deviation applies
 * beside the standard process for a time, and the standard document is not revised for it
 * (tester61 L12). Their cards and site pages list it (model/referrers.ts).
 */
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import { findDocumentById, listOption, type EditSession } from "./edit.js";

/**
 * The document numbers of `given` (comma-separated, as --deviates-from takes them; repeated ones once)
 * as `deviates_from` of the document `id`: each exists, is not `id` itself, is not withdrawn (its
 * successor named), and is not itself a deviation from `id`, directly or through others (a loop would make
 * the standard document a deviation from its own deviation; breaker62 P2). [] for "" (csr set: the link removed).
 * Errors: UserError, one line, naming the number.
 */
export function deviationTargets(session: EditSession, id: string, given: string): string[] {
  const numbers = [...new Set(listOption(given))];
  for (const number of numbers) {
    if (number === id) throw new UserError(t("deviation.self", { id }));
    const target = findDocumentById(session, number).value;
    if (target.status === "obsolete") {
      const successor = target.obsolete?.superseded_by;
      throw new UserError(t(successor ? "deviation.obsolete-successor" : "deviation.obsolete", { number, date: target.obsolete?.date ?? "", successor: successor ?? "" }));
    }
    if (deviatesFromTransitively(session, number, id)) throw new UserError(t("deviation.loop", { id, number }));
  }
  return numbers;
}

/** Whether the document `from` deviates from `id`, directly or through the deviations it deviates from (unknown numbers skipped). */
function deviatesFromTransitively(session: EditSession, from: string, id: string): boolean {
  const seen = new Set<string>();
  const pending = [from];
  for (let number = pending.pop(); number !== undefined; number = pending.pop()) {
    if (seen.has(number)) continue;
    seen.add(number);
    const targets = session.index.documents.get(number)?.value.deviates_from ?? [];
    if (targets.includes(id)) return true;
    pending.push(...targets);
  }
  return false;
}
