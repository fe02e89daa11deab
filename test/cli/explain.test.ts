/** `csr explain`: a rule's documentation in the terminal, the same text as its docs/rules.md section. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../src/check/registry.js";
import { csr, csrInProcess, ROOT } from "../helpers.js";

describe("csr explain", () => {
  it("prints the rule's section of docs/rules.md and its https link", () => {
    const result = csr(["explain", "doc/self-approval"]);
    const docs = readFileSync(join(ROOT, "docs", "rules.md"), "utf8");
    const start = docs.indexOf("### doc/self-approval\n");
    const section = docs.slice(start, docs.indexOf("\n\n##", start));
    expect(result).toEqual({
      code: 0,
      stdout: `${section}\n\nOnline: https://unpkg.com/qms-csr@0.1.0/docs/rules.md#docself-approval\n`,
      stderr: "",
    });
    expect(section).toContain("Default: error. The current revision is reviewed, approved, countersigned, checked for standardization or signed as military representative by the person who prepared it, or two of those signatures are one person's.");
    expect(section).toContain("Bad:\n\n```yaml\n    prepared: { by: wang, date: 2024-01-10 }\n");
  });

  it("says of a rule that warns ahead of a deadline that the deadline is near, not passed (tester66 N12)", () => {
    const lead = (id: string, lang: string) => csr(["explain", id, "--lang", lang]).stdout.split("\n")[2];
    expect(lead("csr/review-due-soon", "zh-CN")).toBe(
      "默认级别：warning。CSR 尚无结论，评审期将在预警期内结束（尚未逾期）。它只提醒期限将到（尚未逾期），不说明记录有误：在 pre-commit 钩子（`csr check --staged`，csr 自己的提交也经过它）中，本次提交新增的此类问题报告为警告，不阻止提交；`csr check` 和 CI 仍按上述级别报告。",
    );
    expect(lead("csr/review-due-soon", "en")).toContain("It says only that a deadline is near (not passed yet), not that anything recorded is wrong");
    for (const id of ["doc/periodic-review-due", "doc/temporary-expired"]) expect(lead(id, "en")).toContain("It says only that a deadline is near or has passed, not that anything recorded is wrong");
    expect(lead("csr/review-overdue", "en")).toContain("It says only that a deadline has passed, not that anything recorded is wrong");
    // A supplier rated C without a SCAR: no deadline at all, a next step not taken (tester80 M12).
    expect(lead("supplier/rating-without-action", "zh-CN")).toContain("它只说明所记事实要求的下一步尚未采取，不说明记录有误");
    expect(lead("supplier/rating-without-action", "zh-CN")).not.toContain("期限");
  });

  it("links to the docs folder CSR_DOCS_URL names, as long as the package is not on npm", async () => {
    const result = await csrInProcess(["explain", "doc/self-approval"], { env: { CSR_DOCS_URL: "https://git.example.com/qa/csr/-/blob/v0.1.0/docs/" } });
    expect(result.stdout.split("\n").at(-2)).toBe("Online: https://git.example.com/qa/csr/-/blob/v0.1.0/docs/rules.md#docself-approval");
  });

  it("lists every rule with its default severity without an id", () => {
    const result = csr(["explain"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines.length).toBe(rules.length + 3);
    // The id column is as wide as the longest id (first-article/no-military-representative), and two spaces.
    const width = Math.max(...rules.map((rule) => rule.id.length)) + 2;
    expect(width).toBe(42);
    expect(lines).toContain(`${"csr/not-addressed".padEnd(width)}warning  A CSR decided as must or optional names no document that addresses it.`);
  });

  it("names the closest rule for a typo, one line, exit 2", () => {
    expect(csr(["explain", "doc/self-aproval"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: There is no rule 'doc/self-aproval'. Did you mean 'doc/self-approval'?\nhint: 'csr explain' lists every rule.\n",
    });
  });
});
