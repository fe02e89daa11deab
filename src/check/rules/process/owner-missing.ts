import { shellArgument } from "../../../core/text.js";
import { sentences, t } from "../../../i18n/index.js";
import type { Rule } from "../../rule.js";

/**
 * A process of processes.yaml without a process owner (`owner_person`, a person of people.yaml): the owning department
 * (`owner`) answers for its work, but nobody is named to answer for the process and its results (IATF 16949 5.1.1.3,
 * 5.3.1: top management identifies the process owners; ISO 9001 5.3; tester82 A13). One finding per process, at its code;
 * none while no process names one.
 */
export const rule: Rule = {
  id: "process/owner-missing",
  severity: "warning",
  scope: { files: "own" },
  dependsOn: ["processes.yaml"],
  summary: "A process has no process owner (过程所有者).",
  docs: {
    description:
      "A process of `processes.yaml` names no process owner (`owner_person`, a person of `people.yaml`). The department under `owner` does the work; the process owner is the person top management made responsible for the process and its outputs, who answers for it in the internal audit and the management review ({{cite:process-owners}}). An auditor's first question on the process map is who owns each process. One finding per process, at its code. Off while no process names an `owner_person` at all (a process map from before process owners were recorded; `csr list processes` shows the empty 过程所有者 column).",
    bad: `
  - code: C3
    name: 生产过程控制
    type: customer-oriented
    owner: QA
`,
    good: `
  - code: C3
    name: 生产过程控制
    type: customer-oriented
    owner: QA
    owner_person: zhang
`,
    fix: "Name the owner top management assigned: `csr process update <code> --owner-person <person>` (a person of people.yaml).",
  },
  check(ctx) {
    // Off until the repository records process owners at all (one process names its owner_person), as process/auditor-unqualified
    // waits for the first auditor qualification: a process map written before csr knew owners is not a finding per process.
    if (!ctx.repo.processes.some((p) => p.value.owner_person !== undefined)) return;
    for (const { value: process, file, path } of ctx.repo.processes) {
      if (process.owner_person !== undefined || typeof process.code !== "string") continue;
      const data = { code: process.code, arg: shellArgument(process.code) };
      ctx.report({ file, path: [...path, "code"] }, sentences(t("rule.process/owner-missing", data), t("rule.process/owner-missing.fix", data)));
    }
  },
};
