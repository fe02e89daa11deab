/**
 * What csr release and csr show say of a released document marking a special characteristic (model/symbol-documents.ts
 * specialCharacteristics): it is held stricter where the product is made (IATF 16949 8.3.3.3, 8.5.1.1, 7.2.2; tester77
 * E7), so the copies of the version it replaced are due back on the day it takes effect (copyRecallDue, the day the
 * distribution register and doc/recall-overdue give) and whoever is untrained on it is an error of doc/training-overdue
 * from that day. One line, the same for both commands.
 */
import { repositoryCalendar } from "../../load/calendar.js";
import type { Repository } from "../../load/repository.js";
import { t } from "../../i18n/index.js";
import { copyRecallDue, recallStart, specialRecall, specialRecallDays, stillControlled } from "../../model/distribution.js";
import { specialCharacteristicLabel } from "../../model/labels.js";
import { specialCharacteristics } from "../../model/symbol-documents.js";
import type { ControlledDocument } from "../../model/types.js";

/**
 * The line for `doc` (as released, its distribution record included) on `today` (YYYY-MM-DD): the day the copies still
 * out of a superseded version are due back (the earliest, when several versions' are) and, for a document needing
 * training whose version takes effect on or after `today`, that day for the training; what holds for them otherwise.
 * Undefined for a document that is not released or marks no special characteristic.
 */
export function specialCharacteristicLine(repo: Repository, doc: ControlledDocument, today: string): string | undefined {
  const rows = repo.symbols.map((s) => s.value);
  const special = doc.status === "released" ? specialCharacteristics(doc, rows) : undefined;
  if (special === undefined) return undefined;
  const config = repo.config?.value;
  const calendar = repositoryCalendar(config);
  const days = specialRecallDays(config);
  const due = (doc.distribution ?? [])
    .filter((c) => stillControlled(c) && specialRecall(doc, c, rows))
    .flatMap((c) => copyRecallDue(doc, c, calendar, config, rows) ?? [])
    .sort()[0];
  const recall = due === undefined ? t(days === 0 ? "special-characteristic.recall-rule" : "special-characteristic.recall-rule-days", { days }) : t(days === 0 ? "special-characteristic.recall" : "special-characteristic.recall-days", { due, days });
  const effective = recallStart(doc);
  const training = !doc.training?.required ? [] : [effective !== undefined && effective >= today ? t("special-characteristic.training", { effective }) : t("special-characteristic.training-rule")];
  return t("special-characteristic.duties", { special: specialCharacteristicLabel(doc, special), duties: [recall, ...training].join(t("special-characteristic.separator")) });
}
