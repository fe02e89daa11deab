/**
 * 质量目标及实现情况一览表 (ISO 9001 6.2, 9.3.2 c 2; IATF 16949 6.2.2.1, 9.1.1.1): a row per objective of objectives.yaml
 * in the file's order — its number and what is measured, the level it is set at (公司级, a department, a process), its owner,
 * target and frequency, the value of each of its periods of the year that has ended by `today` with 达成/未达成, and the
 * year's result: 达成 when every period measured met the target, 未达成 when one did not.
 */
import { measurementOf, meetsTarget, objectivePeriods, targetText } from "../../model/objectives.js";
import type { QualityObjective } from "../../model/types.js";
import { localized } from "../../core/text.js";
import type { Table } from "../table.js";
import { departmentName, personName, t, type RegisterContext } from "./context.js";

/**
 * The level an objective is set at, as the list and the management review page name it: the process (its code and name),
 * the department, or 公司级.
 */
export function objectiveLevel(ctx: RegisterContext, objective: Pick<QualityObjective, "process" | "department">): string {
  if (objective.process !== undefined) {
    const process = ctx.index.processes.get(objective.process)?.value;
    return t(ctx, "register.objectives.level.process", { process: process ? `${process.code} ${localized(ctx.lang, process.name, process.name_en)}` : objective.process });
  }
  if (objective.department !== undefined) return t(ctx, "register.objectives.level.department", { department: departmentName(ctx, objective.department) });
  return t(ctx, "register.objectives.level.company");
}

/** The objective's name in the register's language. */
export function objectiveText(ctx: RegisterContext, objective: Pick<QualityObjective, "text" | "text_en">): string {
  return localized(ctx.lang, objective.text, objective.text_en);
}

/**
 * 质量目标及实现情况一览表 of calendar year `year` on `today` (YYYY-MM-DD): the periods of the year ended by `today`, their
 * measurements as recorded (one of a period not yet ended is left out, as the list stood that day). With `process`, the
 * objectives of that process alone (its KPIs, the process page of csr site).
 */
export function objectiveRegister(ctx: RegisterContext, options: { today: string; year: number; process?: string }): Table {
  const { today, year } = options;
  const separator = t(ctx, "register.list-separator");
  const last = `${year}-12-31` < today ? `${year}-12-31` : today;
  const objectives = ctx.repo.objectives.filter((o) => options.process === undefined || o.value.process === options.process);
  let met = 0;
  let missed = 0;
  const rows = objectives.map(({ value: o }, i) => {
    const periods = objectivePeriods(o, `${year}-01-01`, last).filter((p) => p.to < today);
    const values: string[] = [];
    let periodsMet = 0;
    let measured = 0;
    for (const p of periods) {
      const m = measurementOf(o, p.period);
      if (!m) {
        values.push(t(ctx, "register.objectives.value.none", { period: p.period }));
        continue;
      }
      measured++;
      const ok = meetsTarget(o, m.value);
      if (ok) periodsMet++;
      values.push(t(ctx, ok ? "register.objectives.value.met" : "register.objectives.value.missed", { period: p.period, value: m.value }));
    }
    const result = measured === 0 ? t(ctx, "register.objectives.result.unmeasured") : periodsMet === measured ? t(ctx, "register.objectives.result.met") : t(ctx, "register.objectives.result.missed", { count: measured - periodsMet });
    if (measured > 0) periodsMet === measured ? met++ : missed++;
    return {
      no: i + 1,
      id: o.id,
      text: objectiveText(ctx, o),
      level: objectiveLevel(ctx, o),
      owner: personName(ctx, o.owner),
      target: targetText(o),
      frequency: t(ctx, `value.objective-frequency.${o.frequency}`),
      values: values.join(separator),
      rate: measured === 0 ? "" : t(ctx, "register.objectives.rate", { met: periodsMet, measured }),
      result,
      remark: o.remark ?? "",
    };
  });
  return {
    id: "objectives",
    title: t(ctx, "register.objectives.title", { year, count: rows.length }),
    sheet: t(ctx, "register.objectives.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.objectives.column.no"), kind: "number" },
      { key: "id", header: t(ctx, "register.objectives.column.id"), kind: "id" },
      { key: "text", header: t(ctx, "register.objectives.column.text"), kind: "name" },
      { key: "level", header: t(ctx, "register.objectives.column.level") },
      { key: "owner", header: t(ctx, "register.objectives.column.owner"), kind: "name" },
      { key: "target", header: t(ctx, "register.objectives.column.target"), kind: "code" },
      { key: "frequency", header: t(ctx, "register.objectives.column.frequency"), kind: "code" },
      { key: "values", header: t(ctx, "register.objectives.column.values"), kind: "list" },
      { key: "rate", header: t(ctx, "register.objectives.column.rate"), kind: "code" },
      { key: "result", header: t(ctx, "register.objectives.column.result"), kind: "code" },
      { key: "remark", header: t(ctx, "register.objectives.column.remark"), remarks: true },
    ],
    rows,
    notes: objectives.length === 0 ? [t(ctx, "register.objectives.none")] : [t(ctx, "register.objectives.counts", { count: rows.length, met, missed, unmeasured: rows.length - met - missed, year })],
  };
}
