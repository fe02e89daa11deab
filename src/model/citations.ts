/**
 * The clause an output cites for a requirement, in the standards the repository is under (qms.yaml
 * `standards`). A GJB 9001C organisation is audited against GJB 9001C by the 军代表 and its
 * certification body: a register footer citing IATF 16949 there points them to a standard the
 * organisation does not claim. Registers, site pages and messages cite through this one table.
 */
export type CitedRequirement = "requirements-review" | "document-approval" | "requirements-matrix";

/** The standards csr knows clause numbers for, as their documents name them. */
const STANDARD_NAMES: Readonly<Record<string, string>> = { IATF16949: "IATF 16949", GJB9001C: "GJB 9001C", ISO9001: "ISO 9001" };

/** A standard as its documents name it (`GJB9001C` is GJB 9001C); a catalog csr does not know by its id. */
export function standardName(id: string): string {
  return STANDARD_NAMES[id] ?? id;
}

/**
 * IATF 16949 7.5.3.2.2 sets the ten-working-day review of customer requirements and their changes;
 * GJB 9001C-2017 and ISO 9001:2015 review the requirements for products and services under 8.2.3
 * (GJB 9001B's 7.2.2 before 2017). Documents are approved for suitability and adequacy before issue
 * under 7.5.2 in all three (ISO 9001's numbering, which IATF 16949 and GJB 9001C keep). The CSR
 * matrix, where in the organisation's own documents each requirement is met, is named by IATF 16949
 * 7.5.1.1, a supplement to 7.5.1; GJB 9001C and ISO 9001 have only 7.5.1, the documented
 * information the organisation determines it needs.
 */
const CLAUSES: Readonly<Record<CitedRequirement, Readonly<Record<string, string>>>> = {
  "requirements-review": { IATF16949: "7.5.3.2.2", GJB9001C: "8.2.3", ISO9001: "8.2.3" },
  "document-approval": { IATF16949: "7.5.2", GJB9001C: "7.5.2", ISO9001: "7.5.2" },
  "requirements-matrix": { IATF16949: "7.5.1.1", GJB9001C: "7.5.1", ISO9001: "7.5.1" },
};

/**
 * ["GJB 9001C 8.2.3"]: one citation per standard in scope that csr knows, in the order of
 * `standards`; IATF 16949's when none is known (a repository without `standards` is an IATF one,
 * as `csr init` makes it).
 */
export function citations(standards: readonly string[] | undefined, requirement: CitedRequirement): string[] {
  const clauses = CLAUSES[requirement];
  const known = [...new Set(standards ?? [])].filter((id) => clauses[id] !== undefined);
  return (known.length > 0 ? known : ["IATF16949"]).map((id) => `${STANDARD_NAMES[id]} ${clauses[id]}`);
}

/**
 * A clause reference to show as an example of STANDARD:CLAUSE ("GJB9001C:8.3"), in the first
 * standard in scope that csr knows: a GJB 9001C user copying the example gets a reference their
 * repository accepts. IATF 16949's special characteristics clause when none is known.
 */
export function clauseReferenceExample(standards: readonly string[] | undefined): string {
  const known = (standards ?? []).find((id) => STANDARD_NAMES[id] !== undefined) ?? "IATF16949";
  return known === "IATF16949" ? "IATF16949:8.3.3.3" : `${known}:8.3`;
}
