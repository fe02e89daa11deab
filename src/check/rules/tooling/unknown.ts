import { sentences, t } from "../../../i18n/index.js";
import { OWN } from "../../../model/tooling.js";
import type { Rule } from "../../rule.js";

/**
 * An entry of tooling.yaml naming a process that processes.yaml does not have, or an owner that is neither
 * `ours` nor a customer's code, or an id written twice: what csr tooling add refuses, written by hand. An
 * error: the register's rows are found by the process and the customer, and a number written twice is two
 * pieces of tooling under one name.
 */
export const rule: Rule = {
  id: "tooling/unknown",
  severity: "error",
  scope: { files: "own" },
  dependsOn: ["processes.yaml"],
  summary: "Tooling names an unknown process or owner, or its number is written twice.",
  docs: {
    description:
      "An entry of tooling.yaml whose `process` is no process code of processes.yaml, whose `owner` is neither `ours` nor the code of a customer (`customers/<CODE>.yaml`), or whose `id` an earlier entry has already. The register of tooling is read by process and by customer, and the customer's tooling is its property ({{cite:customer-tooling}}): a name nothing knows leaves it out of both.",
    bad: `
  - id: FX-40-01
    process: C9   # no process C9 in processes.yaml
`,
    good: `
  - id: FX-40-01
    process: C3
`,
    fix: "Write the process code of processes.yaml, `ours` or the customer's code, or give the second piece of tooling its own number.",
  },
  check(ctx) {
    const seen = new Map<string, number>();
    for (const located of ctx.repo.tooling) {
      const tooling = located.value;
      const first = seen.get(tooling.id);
      if (first === undefined) seen.set(tooling.id, located.path[1] as number);
      if (!ctx.keeps(located.file)) continue;
      const at = (key: string) => ({ file: located.file, path: [...located.path, key] });
      if (first !== undefined) ctx.report(at("id"), t("rule.tooling/unknown.duplicate", { id: tooling.id, entry: first + 1 }));
      if (tooling.process !== undefined && !ctx.index.processes.has(tooling.process) && !ctx.repo.unvalidated.processes.has(tooling.process)) {
        ctx.report(at("process"), sentences(t("rule.tooling/unknown.process", { id: tooling.id, process: tooling.process }), t("rule.tooling/unknown.process.fix")));
      }
      if (tooling.owner !== undefined && tooling.owner !== OWN && !ctx.index.customers.has(tooling.owner) && !ctx.repo.unvalidated.customers.has(tooling.owner)) {
        ctx.report(at("owner"), sentences(t("rule.tooling/unknown.owner", { id: tooling.id, owner: tooling.owner }), t("rule.tooling/unknown.owner.fix")));
      }
    }
  },
};
