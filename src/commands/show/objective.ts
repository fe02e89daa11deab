/**
 * `csr show <OBJ-…>`: the card of one quality objective of objectives.yaml (质量目标; ISO 9001 6.2, IATF 16949 6.2.2.1) as
 * its owner or a management review reads it: its level, owner, target and frequency as the 质量目标及实现情况一览表 words
 * them, the days it applies, every measurement recorded with 达成/未达成, who measured it and its note, and the findings of
 * csr check's objective/* rules on `today`.
 */
import { language, t } from "../../i18n/index.js";
import type { Located, Repository } from "../../load/repository.js";
import type { RepoIndex } from "../../model/index.js";
import { meetsTarget, targetText } from "../../model/objectives.js";
import type { QualityObjective } from "../../model/types.js";
import { personName, registerContext } from "../../report/registers/context.js";
import { objectiveLevel, objectiveText } from "../../report/registers/objectives.js";
import type { CommandContext } from "../context.js";
import { cardText, findingsAt } from "./tooling.js";

/**
 * Prints `located`'s card as of `today` (YYYY-MM-DD): text, or with `json` the objective as objectives.yaml has it with
 * whether each measurement met the target and the findings. Returns the exit code (0).
 */
export async function showObjective(ctx: CommandContext, repo: Repository, index: RepoIndex, located: Located<QualityObjective>, today: string, json: boolean): Promise<number> {
  const objective = located.value;
  const rc = registerContext(repo, language(), undefined, undefined, index);
  const findings = await findingsAt(repo, located, today, "objective/");
  const measurements = objective.measurements ?? [];
  if (json) {
    const found = findings.map(({ rule, severity, line, column, message }) => ({ rule, severity, line, column, message }));
    const out = { file: located.file.path, asOf: today, objective, met: measurements.map((m) => ({ period: m.period, met: meetsTarget(objective, m.value) })), findings: found };
    ctx.stdout(JSON.stringify(out, null, 2) + "\n");
    return 0;
  }
  const none = [t("show.document.none")];
  const fields: [string, string[]][] = [
    [t("show.label.file"), [located.file.path]],
    [t("register.objectives.column.level"), [objectiveLevel(rc, objective)]],
    [t("register.objectives.column.owner"), [personName(rc, objective.owner)]],
    [t("register.objectives.column.target"), [targetText(objective)]],
    [t("register.objectives.column.frequency"), [t(`value.objective-frequency.${objective.frequency}`)]],
    [t("show.objective.applies"), [objective.to !== undefined ? t("show.objective.applies-line", { from: objective.from, to: objective.to }) : t("show.objective.applies-from", { from: objective.from })]],
    [
      t("register.objectives.column.values"),
      measurements.length > 0
        ? measurements.map((m) => t("show.objective.measurement-line", { period: m.period, value: m.value, unit: objective.unit, result: t(meetsTarget(objective, m.value) ? "register.objectives.result.met" : "show.objective.missed"), by: personName(rc, m.by), note: m.note ?? "" }).trimEnd())
        : none,
    ],
  ];
  if (objective.remark) fields.push([t("register.objectives.column.remark"), [objective.remark]]);
  fields.push([t("show.tooling.findings"), findings.length > 0 ? findings.map((f) => t("show.tooling.finding-line", { severity: t(f.severity === "error" ? "show.tooling.error" : "show.tooling.warning"), rule: f.rule, line: f.line, message: f.message })) : none]);
  ctx.stdout(cardText(`${objective.id}  ${objectiveText(rc, objective)}`, fields));
  return 0;
}
