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
  const standards = (ctx.repo.config?.value.standards ?? []).flatMap((id) => {
    const catalog = ctx.repo.catalogs.get(id);
    return catalog ? [catalog] : [];
  });
  return [
    procedureList(ctx, { level: 2 }),
    documentList(ctx),
    formList(ctx),
    externalList(ctx),
    obsoleteList(ctx),
    ...standards.flatMap((catalog) => [clauseMatrix(ctx, catalog), clauseCrossReference(ctx, catalog)]),
    csrMatrix(ctx),
    csrList(ctx, { today }),
    reviewRegister(ctx, { today }),
    symbolTable(ctx),
    distributionRegister(ctx),
    trainingRegister(ctx),
  ];
}
