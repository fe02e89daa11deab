/**
 * The periodic review interval without hand-edited YAML (tester71 Q4; IATF 16949 7.5.3, GJB 9001C 7.5.3): csr set
 * --review-interval on a document, a default per kind in qms.yaml (csr organisation update --review-interval) that
 * csr new fills in, csr organisation update --review-warn-days, and the plan's note naming the documents in force
 * without an interval. On a copy of examples/acme-auto, where every document has an interval and qms.yaml sets none.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, copyFixture, csr, csrInProcess, git } from "../helpers.js";

const DAY = "2026-12-06";

describe("the periodic review interval", () => {
  it("sets a default per kind and the warning window in qms.yaml with csr organisation update", async () => {
    const dir = committedFixture("examples/acme-auto");
    const set = csr(["-C", dir, "organisation", "update", "--review-interval", "procedure=36", "--review-interval", "表单=24", "--review-warn-days", "45"], { lang: "zh-CN" });
    expect([set.code, set.stderr]).toEqual([0, ""]);
    expect(set.stdout.split("\n")[0]).toBe("已更新组织信息：新建文件的定期评审周期：（无）→ 程序文件 36 个月、表单 24 个月；定期评审到期提醒：提前 30 天 → 提前 45 天。");
    expect(readFileSync(join(dir, "qms.yaml"), "utf8")).toContain("document_control:\n  review_interval_months: {procedure: 36, form: 24}\n  review_warn_days: 45\n");
    const unknown = await csrInProcess(["-C", dir, "organisation", "update", "--review-interval", "external=12"], { lang: "zh-CN" });
    expect([unknown.code, unknown.stdout]).toEqual([2, ""]);
    expect(unknown.stderr).toBe(
      "csr: 没有叫 'external' 的文件类别。\n提示：文件类别：manual（手册）、procedure（程序文件）、instruction（作业指导书）、form（表单）。外来文件按核对周期（--external-check-months）核对，不做定期评审。\n",
    );
    const months = await csrInProcess(["-C", dir, "organisation", "update", "--review-interval", "form=200"]);
    expect([months.code, months.stderr]).toEqual([2, "csr: --review-interval 'form=200': the months must be a whole number from 1 to 120.\n"]);
    const days = await csrInProcess(["-C", dir, "organisation", "update", "--review-warn-days", "-1"]);
    expect([days.code, days.stderr]).toEqual([2, "csr: --review-warn-days '-1' must be a whole number of calendar days, at least 0.\n"]);
    const removed = await csrInProcess(["-C", dir, "organisation", "update", "--review-interval", "procedure=", "--review-interval", "form="], { lang: "en" });
    expect(removed.stdout.split("\n")[0]).toBe("Updated the organisation: periodic review interval of new documents: procedure 36 months, form 24 months → (none).");
    expect(readFileSync(join(dir, "qms.yaml"), "utf8")).toContain("document_control:\n  review_warn_days: 45\n");
  });

  it("gives a new document its kind's interval", async () => {
    const dir = committedFixture("examples/acme-auto");
    expect((await csrInProcess(["-C", dir, "organisation", "update", "--review-interval", "form=24", "--commit"])).code).toBe(0);
    const made = csr(["-C", dir, "new", "form", "--title", "记录销毁审批表", "--used-by", "QP-002", "--retention", "10年", "--department", "QA"], { lang: "zh-CN" });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain("\n定期评审周期：24 个月（qms.yaml 对表单的规定）；如需另定：csr set QR-002-02 --review-interval <月数>。\n");
    expect(readFileSync(join(dir, "documents/forms/QR-002-02.yaml"), "utf8")).toMatch(/\nstatus: draft\nreview_interval_months: 24\n/);
    // A kind without a default is left without one, and csr new says how to set one, for it or for the kind (year72).
    const procedure = csr(["-C", dir, "new", "procedure", "--title", "文件定期评审程序", "--department", "QA"], { lang: "zh-CN" });
    expect(procedure.code, procedure.stderr).toBe(0);
    expect(procedure.stdout.split("\n").filter((line) => line.includes("定期评审周期"))).toEqual([
      "定期评审周期：qms.yaml 没有规定程序文件的定期评审周期，QP-016 不列入定期评审计划；为本文件设定：csr set QP-016 --review-interval <月数>，为所有程序文件设定：csr organisation update --review-interval procedure=<月数>。",
    ]);
    expect(readFileSync(join(dir, "documents/procedures/QP-016.yaml"), "utf8")).not.toContain("review_interval_months");
    // One month is "1 month" in English.
    expect((await csrInProcess(["-C", dir, "organisation", "update", "--review-interval", "instruction=1"])).code).toBe(0);
    const instruction = csr(["-C", dir, "new", "instruction", "--title", "月度点检细则", "--used-by", "QP-016", "--department", "QA"], { lang: "en" });
    expect(instruction.stdout.split("\n").filter((line) => line.startsWith("Periodic review interval"))).toEqual([
      "Periodic review interval: 1 month (qms.yaml's for the kind instruction); to set another: csr set WI-016-01 --review-interval <months>.",
    ]);
  });

  it("sets the interval of several documents at once with csr set A B …, all or nothing, in one commit", async () => {
    const dir = committedFixture("examples/acme-auto");
    const head = git(dir, ["rev-parse", "HEAD"]);
    // One number unknown and one a CSR: both listed, nothing written.
    const refused = csr(["-C", dir, "set", "QP-001", "QP-002", "QP-099", "DYA-001", "--review-interval", "36", "--commit"], { lang: "zh-CN" });
    expect([refused.code, refused.stdout]).toEqual([2, ""]);
    expect(refused.stderr.split("\n")).toEqual([
      "csr: 4 份文件中有 2 份不能修改，全部未作改动：",
      "  仓库中没有文件或 CSR 'QP-099'。是否应为 'QP-009'？",
      "  DYA-001 是 CSR：给出多个编号时只能修改文件；请对它单独运行 'csr set DYA-001 …'。",
      "提示：更正或从命令中去掉这些文件后重新运行，其余文件随之一次修改。",
      "",
    ]);
    expect([git(dir, ["rev-parse", "HEAD"]), git(dir, ["status", "--porcelain"])]).toEqual([head, ""]);
    const set = await csrInProcess(["-C", dir, "set", "QP-001", "QP-002", "QP-003", "--review-interval", "24", "--commit"], { lang: "zh-CN" });
    expect([set.code, set.stderr]).toEqual([0, ""]);
    expect(set.stdout.split("\n").filter((line) => line.startsWith("  ") || line.startsWith("已修改"))).toEqual([
      "已修改 QP-001 文件控制程序（documents/procedures/QP-001.yaml）：",
      "  定期评审周期：24 个月（原为 36 个月）",
      "已修改 QP-002 记录控制程序（documents/procedures/QP-002.yaml）：",
      "  定期评审周期：24 个月（原为 36 个月）",
      "已修改 QP-003 管理评审程序（documents/procedures/QP-003.yaml）：",
      "  定期评审周期：24 个月（原为 36 个月）",
    ]);
    for (const id of ["QP-001", "QP-002", "QP-003"]) expect(readFileSync(join(dir, `documents/procedures/${id}.yaml`), "utf8")).toContain("\nreview_interval_months: 24\n");
    expect(git(dir, ["log", "-1", "--format=%s"])).toMatch(/^csr set QP-001、QP-002、QP-003（3 份）：/);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    // The options one document at a time: refused before anything is read.
    const edition = await csrInProcess(["-C", dir, "set", "QP-001", "QP-002", "--effective", "2026-01-05"]);
    expect([edition.code, edition.stderr]).toEqual([2, "csr: --effective is for one document or CSR at a time; given several, csr set changes documents' clauses, processes, related documents and records, record keeping, 密级, department, remarks and periodic review interval.\n"]);
  });

  it("sets or removes a document's interval with csr set, as register data, and refuses it on an external document", async () => {
    const dir = committedFixture("examples/acme-auto");
    const set = await csrInProcess(["-C", dir, "set", "QP-002", "--review-interval", "24", "--commit"], { lang: "zh-CN" });
    expect([set.code, set.stderr]).toEqual([0, ""]);
    expect(set.stdout.split("\n").slice(0, 3)).toEqual([
      "已修改 QP-002 记录控制程序（documents/procedures/QP-002.yaml）：",
      "  定期评审周期：24 个月（原为 36 个月）",
      "这些是 QP-002 的登记数据，不属于文件内容，不需要发布新版本。",
    ]);
    expect(readFileSync(join(dir, "documents/procedures/QP-002.yaml"), "utf8")).toContain("\nreview_interval_months: 24\n");
    const cleared = await csrInProcess(["-C", dir, "set", "QP-002", "--review-interval", ""], { lang: "en" });
    expect(cleared.stdout.split("\n")[1]).toBe("  periodic review interval: removed (was 24 months)");
    expect(readFileSync(join(dir, "documents/procedures/QP-002.yaml"), "utf8")).not.toContain("review_interval_months");
    const zero = await csrInProcess(["-C", dir, "set", "QP-002", "--review-interval", "0"]);
    expect([zero.code, zero.stderr]).toEqual([2, "csr: --review-interval '0' must be a whole number of months from 1 to 120.\n"]);
    const gjb = committedFixture("examples/gjb-demo");
    const external = await csrInProcess(["-C", gjb, "set", "GJB 9001C-2017", "--review-interval", "12"], { lang: "zh-CN" });
    expect([external.code, external.stdout]).toEqual([2, ""]);
    expect(external.stderr.split("\n")[0]).toBe("csr: GJB 9001C-2017 是外来文件，不做定期评审：外来文件按核对周期确认仍为现行版本。");
  });

  it("names the documents in force without an interval under the plan, ten of them and then how many in all", async () => {
    const dir = copyFixture("examples/acme-auto");
    const without = ["QM-001", "QP-001", "QP-002", "QP-003", "QP-004", "QP-005", "QP-006", "QP-007", "QP-008", "QP-009", "QP-010", "QP-011"];
    for (const id of without) {
      const file = join(dir, id === "QM-001" ? "documents/QM-001.yaml" : `documents/procedures/${id}.yaml`);
      writeFileSync(file, readFileSync(file, "utf8").replace(/^review_interval_months: \d+\n/m, ""));
    }
    const plan = csr(["-C", dir, "list", "periodic-reviews", "--due-by", "2027-12-31", "--today", DAY], { lang: "zh-CN" });
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain(
      "另有 12 份现行文件没有规定定期评审周期（review_interval_months），不在此列：QM-001、QP-001、QP-002、QP-003、QP-004、QP-005、QP-006、QP-007、QP-008、QP-009 等共 12 份。可用 csr set <编号> --review-interval <月数> 规定。",
    );
    const one = copyFixture("examples/acme-auto");
    const file = join(one, "documents/procedures/QP-002.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^review_interval_months: \d+\n/m, ""));
    const english = await csrInProcess(["-C", one, "list", "periodic-reviews", "--due-by", "2027-12-31", "--today", DAY]);
    expect(english.stdout).toContain("1 more document in force has no review interval (review_interval_months) and is not listed: QP-002. Set one with csr set <id> --review-interval <months>.");
  });
});
