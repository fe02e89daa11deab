/**
 * A process map that addresses every section of IATF 16949 (addressing a section addresses all
 * its clauses), so that test repositories speak only of what each test is about.
 */
export const PROCESS_MAP = [
  "processes:",
  "  - code: M1",
  "    name: 管理过程",
  "    type: management",
  '    clauses: ["IATF16949:4", "IATF16949:5", "IATF16949:6", "IATF16949:9", "IATF16949:10"]',
  "  - code: S1",
  "    name: 支持过程",
  "    type: support",
  '    clauses: ["IATF16949:7"]',
  "  - code: C1",
  "    name: 产品实现过程",
  "    type: customer-oriented",
  '    clauses: ["IATF16949:8"]',
  "",
].join("\n");
