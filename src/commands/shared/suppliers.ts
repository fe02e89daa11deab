/**
 * A supplier named on the command line (csr supplier …, csr action open --supplier, csr list actions --supplier): by its
 * code in any letter case, or its name (Chinese or English).
 */
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import type { Repository } from "../../load/repository.js";
import { supplierOf, suppliers, type Supplier } from "../../model/suppliers.js";

/**
 * The supplier `given` names: its code as qms.yaml writes it, else in any letter case, else its name or name_en. Errors
 * (UserError, one line): an outside party of another kind (supplier.not-supplier, with the command that makes it one);
 * no such supplier (supplier.unknown naming the suppliers there are and the nearest code, or supplier.none).
 */
export function supplierOption(repo: Pick<Repository, "config" | "suppliers">, given: string): Supplier {
  const all = suppliers(repo);
  const key = given.normalize("NFKC").trim();
  const found = supplierOf(repo, key) ?? all.find((s) => s.code.toLowerCase() === key.toLowerCase() || s.name === key || s.name_en === key);
  if (found) return found;
  const party = (repo.config?.value.external_parties ?? []).find((p) => p.code.toLowerCase() === key.toLowerCase());
  if (party) throw new UserError(t("supplier.not-supplier", { party: t("people.department-choice", { code: party.code, name: party.name }), code: party.code }));
  throw new UserError(t(all.length > 0 ? "supplier.unknown" : "supplier.none", { code: given, known: list(all.map(supplierLabel)) }) + didYouMean(given, all.map((s) => s.code)));
}

/** A supplier as messages name it: CZXS（常州橡塑材料有限公司）. */
export function supplierLabel(supplier: Pick<Supplier, "code" | "name">): string {
  return t("people.department-choice", { code: supplier.code, name: supplier.name });
}
