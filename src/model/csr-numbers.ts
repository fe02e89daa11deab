/**
 * CSR ids are <CUSTOMER>-NNN: the customer's code and a number of at least three digits that is
 * never reused. `csr add` and `csr import` (a list without an id column) hand out the next free
 * numbers with the same allocator, so both number a customer's requirements the same way.
 */
import { escapeRegExp } from "../core/text.js";

/** The id of a customer's n-th requirement: csrId("DYA", 7) is DYA-007. */
export function csrId(customer: string, n: number): string {
  return `${customer}-${String(n).padStart(3, "0")}`;
}

/** The number in a CSR id or file name of that customer ("DYA-007", "DYA-007.yaml"), else undefined. */
export function csrNumberIn(name: string, customer: string): number | undefined {
  const m = new RegExp(`^${escapeRegExp(customer)}-(\\d+)(?:\\.ya?ml)?$`).exec(name);
  return m ? Number(m[1]) : undefined;
}

/**
 * Each customer's next free numbers: one above the highest taken (a gap left by a deleted file is
 * not filled, as its id may be cited on paper), then on, never handing out one number twice.
 */
export class CsrNumbers {
  private readonly highest = new Map<string, number>();

  /** `taken`: the numbers in use, by customer code. */
  constructor(taken: ReadonlyMap<string, readonly number[]> = new Map()) {
    for (const [customer, numbers] of taken) this.highest.set(customer, Math.max(0, ...numbers));
  }

  /** Marks an id as taken (one a register gives), when it is one of `customer`'s. */
  reserve(customer: string, id: string): void {
    const n = csrNumberIn(id, customer);
    if (n !== undefined && n > (this.highest.get(customer) ?? 0)) this.highest.set(customer, n);
  }

  /** The customer's next free id, which is taken from then on. */
  next(customer: string): string {
    const n = (this.highest.get(customer) ?? 0) + 1;
    this.highest.set(customer, n);
    return csrId(customer, n);
  }
}
