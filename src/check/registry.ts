/** The explicit, sorted list of rules. Adding a rule means adding one line here and one docs section. */
import type { Rule } from "./rule.js";
import { rule as clauseUnknownClause } from "./rules/clause/unknown-clause.js";
import { rule as clauseUnknownStandard } from "./rules/clause/unknown-standard.js";
import { rule as configUnknownRule } from "./rules/config/unknown-rule.js";
import { rule as coverageClauseUncovered } from "./rules/coverage/clause-uncovered.js";
import { rule as csrDuplicateIdAcrossBranches } from "./rules/csr/duplicate-id-across-branches.js";
import { rule as idDuplicate } from "./rules/id/duplicate.js";
import { rule as idFileName } from "./rules/id/file-name.js";
import { rule as idNumberPattern } from "./rules/id/number-pattern.js";
import { loaderRules } from "./rules/loader.js";
import { rule as refUnresolved } from "./rules/ref/unresolved.js";
import { rule as symbolConflict } from "./rules/symbol/conflict.js";

export const rules: readonly Rule[] = [
  ...loaderRules,
  clauseUnknownClause,
  clauseUnknownStandard,
  configUnknownRule,
  coverageClauseUncovered,
  csrDuplicateIdAcrossBranches,
  idDuplicate,
  idFileName,
  idNumberPattern,
  refUnresolved,
  symbolConflict,
].sort((a, b) => (a.id < b.id ? -1 : 1));

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));
