/**
 * What a release says when the new revision changes what its body marks as special characteristics (a
 * marked line added, removed or reworded: model/symbol-documents.ts specialCharacteristicChanges): the
 * control plan and PFMEA the characteristic is controlled by are to be reviewed with it (IATF 16949 8.5.6.1
 * change control, 8.3.3.3 special characteristics in the control plan, PFMEA and operator instructions).
 * The repository does not link a document to its control plan or PFMEA: the reminder names the processes
 * the document belongs to and their owners, where the control plan and PFMEA are kept.
 */
import { language, list, t } from "../../i18n/index.js";
import type { Repository } from "../../load/repository.js";
import { isStateSecret } from "../../model/classification.js";
import { specialCharacteristicChanges } from "../../model/symbol-documents.js";
import { tableMarks } from "../../model/symbol-marks.js";
import type { ControlledDocument } from "../../model/types.js";

/** The reminder's lines for the release of `released` (`version`) after `previous` (the revision released before it); none when no marked line changed. */
export function characteristicLines(repo: Repository, released: ControlledDocument, version: string, previous: ControlledDocument): string[] {
  const known = tableMarks(repo.symbols.map((s) => s.value), repo.ownSymbols.map((s) => s.value));
  const { removed, added, marks } = specialCharacteristicChanges(previous, released, known);
  if (marks.length === 0) return [];
  const processes = repo.processes.map((p) => p.value).filter((p) => (released.processes ?? []).includes(p.code) || (p.documents ?? []).includes(released.id));
  const en = language() === "en";
  const department = (code: string) => {
    const found = repo.config?.value.departments.find((d) => d.code === code);
    return (en ? found?.name_en : undefined) ?? found?.name ?? code;
  };
  const where =
    processes.length > 0
      ? t("release.characteristics.processes", { processes: list(processes.map((p) => (p.owner ? t("release.characteristics.process-owner", { code: p.code, name: (en ? p.name_en : undefined) ?? p.name, owner: department(p.owner) }) : `${p.code} ${(en ? p.name_en : undefined) ?? p.name}`))) })
      : t("release.characteristics.no-process");
  const lines = [t("release.characteristics", { id: released.id, version, marks: marks.join(" "), where })];
  // A document marked 秘密 or above: its lines stay out of the terminal's scrollback and of any log the run goes to.
  if (isStateSecret(repo, released)) return lines;
  return [...lines, ...removed.map((line) => t("release.characteristics.removed", { line })), ...added.map((line) => t("release.characteristics.added", { line }))];
}
