/**
 * 关键件、重要件项目明细表 (Key and important parts list; GJB 909A 关键件和重要件的质量控制, GJB 190 特性分类, GJB 9001C-2017
 * 8.3.5 and 8.5.1): a row per part of model/key-parts.ts keyParts, read from the released 特性分类表 (role
 * `characteristic-classification`) as the documents stood on `today` — the part and its drawing number, 关键件 or 重要件,
 * its 关键特性 and 重要特性 with their marks, the operations producing them with those a released document marks 关键工序,
 * and the 特性分类表 it is read from. Its notes count the parts and name each operation that produces a 关键特性 and that
 * no released document marks 关键工序, with the command that marks it.
 */
import { keyOperations, keyParts, type PartCharacteristic, type PartOperation } from "../../model/key-parts.js";
import type { Table } from "../table.js";
import { documentsOn, t, type RegisterContext } from "./context.js";

export function keyPartRegister(ctx: RegisterContext, options: { today: string }): Table {
  const documents = documentsOn(ctx, options.today).list;
  const parts = keyParts(
    documents,
    ctx.repo.symbols.map((s) => s.value),
    ctx.repo.ownSymbols.map((s) => s.value),
    keyOperations(documents),
  );
  const separator = t(ctx, "register.list-separator");
  const characteristic = (c: PartCharacteristic) => t(ctx, "register.key-parts.characteristic", { characteristic: c.characteristic, marks: c.marks.join(" ") });
  const operation = (o: PartOperation) => t(ctx, o.markedBy.length > 0 ? "register.key-parts.operation.key" : "register.key-parts.operation", { op: o.opName ? `${o.op} ${o.opName}` : o.op });
  const rows = parts.map((p, i) => ({
    no: i + 1,
    part: p.part,
    drawing: p.drawing,
    grade: t(ctx, `register.key-parts.grade.${p.grade}`),
    key: p.key.map(characteristic).join(separator),
    important: p.important.map(characteristic).join(separator),
    operations: p.operations.map(operation).join(separator),
    source: p.sources.join(separator),
  }));
  const classifications = documents.filter((d) => d.status === "released" && d.role === "characteristic-classification");
  // An operation producing a 关键特性 is a 关键工序 (GJB 9001C 8.5.1): one no released document marks is said, once, with the command.
  const unmarked = new Map<string, PartOperation>();
  for (const p of parts) for (const o of p.operations) if (o.producesKey && o.markedBy.length === 0 && !unmarked.has(o.op)) unmarked.set(o.op, o);
  const notes =
    classifications.length === 0
      ? [t(ctx, "register.key-parts.none")]
      : [
          t(ctx, "register.key-parts.counts", { count: parts.length, key: parts.filter((p) => p.grade === "key").length, important: parts.filter((p) => p.grade === "important").length }),
          ...[...unmarked.values()].map((o) => t(ctx, "register.key-parts.unmarked", { op: o.opName ? `${o.op} ${o.opName}` : o.op, station: o.op })),
        ];
  return {
    id: "key-parts",
    title: t(ctx, "register.key-parts.title", { count: rows.length }),
    sheet: t(ctx, "register.key-parts.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.key-parts.column.no"), kind: "number" },
      { key: "part", header: t(ctx, "register.key-parts.column.part"), kind: "name" },
      { key: "drawing", header: t(ctx, "register.key-parts.column.drawing"), kind: "code" },
      { key: "grade", header: t(ctx, "register.key-parts.column.grade"), kind: "code" },
      { key: "key", header: t(ctx, "register.key-parts.column.key") },
      { key: "important", header: t(ctx, "register.key-parts.column.important") },
      { key: "operations", header: t(ctx, "register.key-parts.column.operations"), kind: "list" },
      { key: "source", header: t(ctx, "register.key-parts.column.source"), kind: "id" },
    ],
    rows,
    notes,
  };
}
