/**
 * The change report (变更报告): what changed in the quality system between two states of the
 * repository, one row per change, grouped by area, with a count per area and kind below.
 */
import { CHANGE_AREAS, type Change, type ChangeArea, type ChangeKind } from "../../model/changes.js";
import type { Disposition } from "../../model/types.js";
import type { Table } from "../table.js";
import { departmentName, personName, t, type RegisterContext } from "./context.js";

/** One end of the compared range as the user named it and as git resolved it. */
export interface RangeEnd {
  /** What the user typed: a revision, a tag or a date. */
  spec: string;
  /** Full commit id, or null when the repository had no commit yet at that point. */
  commit: string | null;
  /** Committer date of that commit (YYYY-MM-DD). */
  date: string | null;
}

const AREAS: Record<ChangeArea, [string, string]> = {
  document: ["文件", "Documents"],
  csr: ["顾客特定要求", "CSRs"],
  source: ["顾客来源文件", "Customer source documents"],
  coverage: ["条款覆盖", "Clause coverage"],
  person: ["人员与角色", "People and roles"],
};

const KINDS: Record<ChangeArea, Partial<Record<ChangeKind, [string, string]>>> = {
  document: { added: ["新增", "new"], released: ["换版", "released"], withdrawn: ["作废", "withdrawn"], removed: ["删除", "removed"] },
  csr: { added: ["新增", "added"], decided: ["已决定", "decided"], reopened: ["重新评审", "reopened"], addressed: ["落实文件变更", "addressed elsewhere"], superseded: ["已替代", "superseded"], removed: ["删除", "removed"] },
  source: { added: ["新增", "new"], revised: ["新版本", "new revision"] },
  coverage: { gained: ["新覆盖", "now covered"], lost: ["失去覆盖", "no longer covered"] },
  person: { added: ["新增", "added"], roles: ["角色变更", "roles changed"], department: ["部门变更", "department changed"], removed: ["删除", "removed"] },
};

const DISPOSITIONS: Record<Disposition, [string, string]> = {
  must: ["必须满足", "must"],
  optional: ["可选", "optional"],
  "not-applicable": ["不适用", "not applicable"],
  rejected: ["不合理", "rejected"],
};

const DOC_STATUS: Record<string, [string, string]> = {
  draft: ["草稿", "draft"],
  "in-review": ["审批中", "in review"],
  released: ["已发布", "released"],
  obsolete: ["作废", "obsolete"],
};

const COVERAGE: Record<string, [string, string]> = { covered: ["已覆盖", "covered"], uncovered: ["未覆盖", "uncovered"] };

/** Values the model keeps language-neutral, in the reader's words. */
function word(ctx: RegisterContext, change: Change, value: string): string {
  const pair =
    (change.area === "csr" && change.kind === "decided" ? DISPOSITIONS[value as Disposition] : undefined) ??
    (change.area === "document" && change.kind !== "released" ? DOC_STATUS[value] : undefined) ??
    (change.area === "coverage" ? COVERAGE[value] : undefined);
  return pair ? t(ctx, ...pair) : value;
}

function endLabel(ctx: RegisterContext, end: RangeEnd): string {
  if (!end.commit) return t(ctx, `${end.spec}（尚无提交）`, `${end.spec} (no commit yet)`);
  const at = `${end.commit.slice(0, 7)}${end.date ? `, ${end.date}` : ""}`;
  return end.spec === end.commit.slice(0, end.spec.length) ? at : `${end.spec} (${at})`;
}

export function changeReport(ctx: RegisterContext, changes: readonly Change[], from: RangeEnd, to: RangeEnd): Table {
  const name = (change: Change) => {
    if (change.area === "person" && ctx.index.people.has(change.id)) return personName(ctx, change.id);
    return change.title;
  };
  const detail = (change: Change) => {
    if (change.area === "document" && change.kind === "added") return word(ctx, change, change.detail);
    if (change.area === "csr" && change.kind === "decided") return personName(ctx, change.detail);
    if (change.area === "person") return departmentName(ctx, change.detail);
    return change.detail;
  };
  const counts = CHANGE_AREAS.map((area) => {
    const inArea = changes.filter((c) => c.area === area);
    if (inArea.length === 0) return undefined;
    const kinds = Object.entries(KINDS[area])
      .map(([kind, label]) => [label, inArea.filter((c) => c.kind === kind).length] as const)
      .filter(([, n]) => n > 0)
      .map(([label, n]) => `${t(ctx, ...label!)} ${n}`);
    return `${t(ctx, ...AREAS[area])}${t(ctx, "：", ": ")}${kinds.join(t(ctx, "，", ", "))}`;
  }).filter((line): line is string => line !== undefined);
  const range = `${endLabel(ctx, from)} → ${endLabel(ctx, to)}`;
  return {
    id: "changes",
    title: t(ctx, `变更报告：${range}`, `Changes: ${range}`),
    sheet: t(ctx, "变更报告", "Changes"),
    columns: [
      { key: "area", header: t(ctx, "类别", "Area") },
      { key: "kind", header: t(ctx, "变更", "Change") },
      { key: "id", header: t(ctx, "编号", "ID") },
      { key: "title", header: t(ctx, "名称", "Title") },
      { key: "from", header: t(ctx, "变更前", "Before") },
      { key: "to", header: t(ctx, "变更后", "After") },
      { key: "detail", header: t(ctx, "说明", "Detail") },
      { key: "date", header: t(ctx, "日期", "Date"), date: true },
    ],
    rows: changes.map((change) => ({
      area: t(ctx, ...AREAS[change.area]),
      kind: t(ctx, ...KINDS[change.area][change.kind]!),
      id: change.id,
      title: name(change),
      from: word(ctx, change, change.from),
      to: word(ctx, change, change.to),
      detail: detail(change),
      date: change.date,
    })),
    notes: counts.length > 0 ? counts : [t(ctx, "此期间没有变更。", "Nothing changed in this range.")],
  };
}
