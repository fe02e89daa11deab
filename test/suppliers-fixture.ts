/**
 * The set-up the supplier tests share: a test company's qms.yaml (IATF 16949, one department, QA) with the outside
 * parties given, in that order (the approved supplier list and the site list them in qms.yaml's order), and people.yaml
 * with its approver 陈静 (chenjing) of QA, who records the approvals and audits.
 */

/** qms.yaml of 测试汽车零部件有限公司 with `parties` ([code, name, kind]; kind supplier when not given) under external_parties. */
export function supplierQms(parties: readonly (readonly [code: string, name: string, kind?: string])[]): string {
  return [
    "organisation:",
    "  name: 测试汽车零部件有限公司",
    "standards: [IATF16949]",
    "departments:",
    "  - code: QA",
    "    name: 品质部",
    "external_parties:",
    ...parties.flatMap(([code, name, kind = "supplier"]) => [`  - code: ${code}`, `    name: ${name}`, `    kind: ${kind}`]),
    "",
  ].join("\n");
}

/** people.yaml with the QA approver 陈静 (chenjing), and `more` people's YAML entries after her. */
export function supplierPeople(more = ""): string {
  return `people:\n  - id: chenjing\n    name: 陈静\n    department: QA\n    roles: [approver]\n${more}`;
}
