/** Every register and matrix, in the order of the sheets of `csr export`. */
import type { Table } from "../table.js";
import { clauseCrossReference } from "./clause-xref.js";
import { clauseMatrix } from "./clauses.js";
import type { RegisterContext } from "./context.js";
import { csrList, csrMatrix } from "./csr.js";
import { distributionRegister } from "./distribution.js";
import { documentList } from "./documents.js";
import { externalList } from "./external.js";
import { formList } from "./forms.js";
import { obsoleteList } from "./obsolete.js";
import { procedureList } from "./procedures.js";
import { reviewRegister } from "./reviews.js";
import { symbolTable } from "./symbols.js";
import { trainingRegister } from "./training.js";

/** `today` (YYYY-MM-DD) is the day open reviews are measured against. */
export function allRegisters(ctx: RegisterContext, today: string): Table[] {
  return [...eachRegister(ctx, today)];
}

/**
 * The same registers one at a time, each built when it is asked for: a workbook written sheet by
 * sheet then holds one register in memory, not all of them.
 */
export function* eachRegister(ctx: RegisterContext, today: string): Generator<Table> {
  const standards = (ctx.repo.config?.value.standards ?? []).flatMap((id) => {
    const catalog = ctx.repo.catalogs.get(id);
    return catalog ? [catalog] : [];
  });
  yield procedureList(ctx, { level: 2 });
  yield documentList(ctx);
  yield formList(ctx);
  yield externalList(ctx);
  yield obsoleteList(ctx);
  for (const catalog of standards) {
    yield clauseMatrix(ctx, catalog);
    yield clauseCrossReference(ctx, catalog);
  }
  yield csrMatrix(ctx);
  yield csrList(ctx, { today });
  yield reviewRegister(ctx, { today });
  yield symbolTable(ctx);
  yield distributionRegister(ctx);
  yield trainingRegister(ctx);
}
