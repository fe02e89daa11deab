/**
 * The change report (变更报告): what changed in the quality system between two states of the
 * repository, one row per change, grouped by area, with a count per area and kind below.
 */
import { CHANGE_AREAS, type Change, type ChangeArea, type ChangeKind } from "../../model/changes.js";
import type { Disposition, Role } from "../../model/types.js";
import type { Table } from "../table.js";
import type { MessageKey } from "../../i18n/index.js";
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

/** The kinds of change each area has, in the order the report counts them. */
const KINDS: Record<ChangeArea, readonly ChangeKind[]> = {
  document: ["added", "released", "withdrawn", "removed"],
  csr: ["added", "decided", "reopened", "addressed", "superseded", "removed"],
  source: ["added", "revised"],
  coverage: ["gained", "lost"],
  person: ["added", "roles", "department", "removed"],
};

const DISPOSITIONS: readonly string[] = ["must", "optional", "not-applicable", "rejected"] satisfies Disposition[];
const DOC_STATUSES: readonly string[] = ["draft", "in-review", "released", "obsolete"];
const COVERAGE: readonly string[] = ["covered", "uncovered"];
const ROLES: readonly string[] = ["author", "reviewer", "approver", "document-controller", "standardization"] satisfies Role[];

function kindLabel(ctx: RegisterContext, area: ChangeArea, kind: ChangeKind): string {
  return t(ctx, `register.changes.kind.${area}.${kind}` as MessageKey);
}

/** Values the model keeps language-neutral, in the reader's words. */
function word(ctx: RegisterContext, change: Change, value: string): string {
  if (change.area === "csr" && change.kind === "decided" && DISPOSITIONS.includes(value)) return t(ctx, `register.disposition.${value as Disposition}`);
  if (change.area === "document" && change.kind !== "released" && DOC_STATUSES.includes(value)) return t(ctx, `register.status.${value as "draft" | "in-review" | "released" | "obsolete"}`);
  if (change.area === "coverage" && COVERAGE.includes(value)) return t(ctx, `register.changes.coverage.${value as "covered" | "uncovered"}`);
  // A person's roles (model/changes.ts joins the codes with ", ") as the signatures name them: 编制、审核.
  if (change.area === "person" && change.kind !== "department" && value !== "") {
    return value
      .split(", ")
      .map((role) => (ROLES.includes(role) ? t(ctx, `value.role.${role as Role}`) : role))
      .join(t(ctx, "register.list-separator"));
  }
  return value;
}

function endLabel(ctx: RegisterContext, end: RangeEnd): string {
  if (!end.commit) return t(ctx, "register.changes.no-commit-yet", { spec: end.spec });
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
    const kinds = KINDS[area]
      .map((kind) => [kind, inArea.filter((c) => c.kind === kind).length] as const)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${kindLabel(ctx, area, kind)} ${n}`);
    return `${t(ctx, `register.changes.area.${area}`)}${t(ctx, "register.label-separator")}${kinds.join(t(ctx, "register.changes.kind-separator"))}`;
  }).filter((line): line is string => line !== undefined);
  const range = `${endLabel(ctx, from)} → ${endLabel(ctx, to)}`;
  return {
    id: "changes",
    title: t(ctx, "register.changes.title", { range }),
    sheet: t(ctx, "register.changes.sheet"),
    columns: [
      { key: "area", header: t(ctx, "register.changes.column.area"), kind: "code" },
      { key: "kind", header: t(ctx, "register.changes.column.kind"), kind: "code" },
      { key: "id", header: t(ctx, "register.changes.column.id"), kind: "id" },
      { key: "title", header: t(ctx, "register.changes.column.title") },
      { key: "from", header: t(ctx, "register.changes.column.from") },
      { key: "to", header: t(ctx, "register.changes.column.to") },
      { key: "detail", header: t(ctx, "register.changes.column.detail") },
      { key: "date", header: t(ctx, "register.changes.column.date"), date: true },
    ],
    rows: changes.map((change) => ({
      area: t(ctx, `register.changes.area.${change.area}`),
      kind: kindLabel(ctx, change.area, change.kind),
      id: change.id,
      title: name(change),
      from: word(ctx, change, change.from),
      to: word(ctx, change, change.to),
      detail: detail(change),
      date: change.date,
    })),
    notes: counts.length > 0 ? counts : [t(ctx, "register.changes.none")],
  };
}
