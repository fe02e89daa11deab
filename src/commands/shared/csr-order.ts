/** The order of a CSR register, `--sort` of `csr list csr` and `csr matrix csr`. */
import { CSR_ORDERS, type CsrOrder } from "../../report/registers/csr.js";
import { choiceOption } from "../options.js";

/**
 * The order of a CSR register (`csr list csr`, `csr matrix csr`) by --sort (CSR_ORDERS, a code or its
 * label; anything else refused by choiceOption): by default one customer's register in the customer's
 * section order, read against its document (IATF 16949 4.3.2; tester64 N3), the whole register by id.
 */
export function csrOrderOption(sort: string | undefined, customer: string | undefined): CsrOrder {
  return choiceOption(sort, "--sort", CSR_ORDERS, customer === undefined ? "id" : "section");
}
