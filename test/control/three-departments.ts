/**
 * The small repository of the control tests that hand things to departments (CSR distribution,
 * controlled copies): 品质部, 市场部 and 生产部, one author, reviewers and an approver, as a git
 * repository in a temporary folder. `files` adds to it or replaces its files.
 */
import { gitInit, makeRepo, tempDir } from "../helpers.js";

export function threeDepartmentRepo(files: Record<string, string>): string {
  return gitInit(
    makeRepo(
      {
        "qms.yaml": [
          "organisation:",
          "  name: 测试汽车零部件有限公司",
          "standards: [IATF16949]",
          "departments:",
          "  - {code: QA, name: 品质部}",
          "  - {code: MKT, name: 市场部}",
          "  - {code: PRD, name: 生产部}",
          "numbering:",
          "  - {kind: procedure, pattern: QP-###}",
          "  - {kind: form, pattern: QR-###-##}",
          "rules:",
          "  coverage/clause-uncovered: off",
          "  csr/not-addressed: off",
          "csr:",
          "  reviewers: [QA, MKT]",
          "",
        ].join("\n"),
        "people.yaml": [
          "people:",
          "  - {id: zhang, name: 张伟, department: QA, roles: [author, reviewer]}",
          "  - {id: li, name: 李娜, department: MKT, roles: [author, reviewer]}",
          "  - {id: wang, name: 王强, department: QA, roles: [approver]}",
          "  - {id: zhao, name: 赵磊, department: PRD, roles: [author]}",
          "",
        ].join("\n"),
        ...files,
      },
      tempDir(),
    ),
  );
}
