/**
 * The signed editions of csr's registers (register-editions.yaml, 登记表各版签署记录; GJB 9001C 7.5.3, IATF 16949
 * 7.5.3.2.1): pure functions csr register sign and csr list <register> --edition read.
 */
import type { RegisterEdition } from "./types.js";

/** The recorded edition `edition` (NFKC, any letter case) of register `register`, if any; the last recorded wins. */
export function editionOf<R extends { value: RegisterEdition }>(editions: readonly R[], register: string, edition: string): R | undefined {
  const key = edition.normalize("NFKC").trim().toLowerCase();
  return [...editions].reverse().find((e) => e.value.register === register && e.value.edition.normalize("NFKC").trim().toLowerCase() === key);
}
