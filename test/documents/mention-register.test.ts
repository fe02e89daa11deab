/**
 * A procedure citing one of csr's own registers by its title (按《特殊特性符号对照表》转换, the table
 * `csr list symbols` prints): resolved once the register is kept on a controlled form (qms.yaml
 * registers.forms), and until then a finding that names the register and says how to control it.
 */
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { translate } from "../../src/i18n/index.js";
import { REGISTER_COMMANDS, REGISTERS_WITH_FORMS } from "../../src/model/register-forms.js";
import { csrInProcess, minimalRepo, RELEASED_A0_LINES, releasedProcedure } from "../helpers.js";

const QP004 = releasedProcedure("QP-004", "特殊特性管理程序", { title: "作业流程", text: "顾客符号按《特殊特性符号对照表》转换为本公司等效符号，并登记在《顾客特定要求清单》中。" });

/** The form the symbol table is printed on, titled as the company's form register has it. */
const QR004 = [
  "id: QR-004-01",
  "title: 特殊特性符号转换表",
  "level: 4",
  "kind: form",
  "department: QA",
  "status: released",
  "record: { retention: 3年 }",
  ...RELEASED_A0_LINES,
  "",
].join("\n");

const findings = (stdout: string) => stdout.split("\n").filter((line) => / (error|warning) /.test(line));

describe("doc/mention-unresolved on the title of one of csr's registers", () => {
  it("names the register and the command that prints it, and says how to put it on a controlled form", async () => {
    const dir = minimalRepo({ "documents/QP-004.yaml": QP004 });
    const result = await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-12-01"]);
    expect(findings(result.stdout)).toEqual([
      "documents/QP-004.yaml:16:16 error doc/mention-unresolved Section 1 of QP-004 mentions 《特殊特性符号对照表》: the title of csr's register symbols (printed by 'csr list symbols'), which is not on a controlled form yet, and no document in the repository has that title. Create and release its form (csr new form --title 特殊特性符号对照表, then 'csr release'), and name it with csr organisation update --register-form symbols=<form number>; the printed register's heading then carries the form number and version.",
      "documents/QP-004.yaml:16:42 error doc/mention-unresolved Section 1 of QP-004 mentions 《顾客特定要求清单》: the title of csr's register csr-list (printed by 'csr list'), which is not on a controlled form yet, and no document in the repository has that title. Create and release its form (csr new form --title 顾客特定要求清单, then 'csr release'), and name it with csr organisation update --register-form csr-list=<form number>; the printed register's heading then carries the form number and version.",
    ]);
    expect(result.code).toBe(1);
    const zh = await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-12-01"], { lang: "zh-CN" });
    expect(findings(zh.stdout)[0]).toBe(
      "documents/QP-004.yaml:16:16 error doc/mention-unresolved QP-004 第 1 节提到了《特殊特性符号对照表》：这是 csr 的登记表 symbols（'csr list symbols' 打印）的标题，但它还不是受控表单，仓库中也没有这个标题的文件。请为它新建并发布表单（csr new form --title 特殊特性符号对照表，再用 'csr release' 发布），再用 csr organisation update --register-form symbols=<表单编号> 登记，打印的登记表表头随之带上表单编号和版本。",
    );
  });

  it("resolves the register's title once registers.forms names its form, whatever the form's own title", async () => {
    const dir = minimalRepo({ "documents/QP-004.yaml": QP004, "documents/QR-004-01.yaml": QR004 });
    appendFileSync(join(dir, "qms.yaml"), "registers:\n  forms:\n    symbols: QR-004-01\n    csr-list: QR-004-01\n");
    const result = await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-12-01"]);
    expect(findings(result.stdout)).toEqual([]);
    expect(result.code).toBe(0);
    // Any other title is still a document that is not there.
    writeFileSync(join(dir, "documents/QP-004.yaml"), QP004.replace("《顾客特定要求清单》", "《顾客要求台账》"));
    expect(findings((await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-12-01"])).stdout)).toEqual([
      "documents/QP-004.yaml:16:42 error doc/mention-unresolved Section 1 of QP-004 mentions 《顾客要求台账》, which is not the title of any document in the repository. Correct the title, or add the document (an external one as kind: external).",
    ]);
  });
});

describe("doc/mention-unresolved knows every register that can be kept on a form (model/register-forms.ts)", () => {
  it("names the year-end registers 过程清单, 到期记录清单 and 管理评审输入 with their commands, and resolves them on their forms", async () => {
    const text = "年底汇总《过程清单》《到期记录清单》，形成《管理评审输入》。";
    const dir = minimalRepo({ "documents/QP-004.yaml": releasedProcedure("QP-004", "管理评审程序", { title: "作业流程", text }) });
    const zh = await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-12-01"], { lang: "zh-CN" });
    expect(findings(zh.stdout).map((line) => /^(\S+) error doc\/mention-unresolved QP-004 第 1 节提到了《([^》]+)》：这是 csr 的登记表 (\S+)（'([^']+)' 打印）的标题/.exec(line)?.slice(1))).toEqual([
      ["documents/QP-004.yaml:16:15", "过程清单", "processes", "csr list processes"],
      ["documents/QP-004.yaml:16:21", "到期记录清单", "disposals", "csr list disposals"],
      ["documents/QP-004.yaml:16:32", "管理评审输入", "management-review", "csr list management-review"],
    ]);
    appendFileSync(join(dir, "qms.yaml"), "registers:\n  forms:\n    processes: QR-004-01\n    disposals: QR-004-01\n    management-review: QR-004-01\n");
    writeFileSync(join(dir, "documents/QR-004-01.yaml"), QR004);
    const kept = await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-12-01"]);
    expect(findings(kept.stdout)).toEqual([]);
    expect(kept.code).toBe(0);
  });

  it("finds the title of each register, in Chinese and in English, as that register's", async () => {
    for (const lang of ["zh-CN", "en"] as const) {
      const titles = [...new Set(REGISTERS_WITH_FORMS.map((id) => translate(lang, `register.cited.${id}`)))];
      const text = titles.map((title) => `《${title}》`).join("、");
      const dir = minimalRepo({ "documents/QP-004.yaml": releasedProcedure("QP-004", "记录控制程序", { title: "作业流程", text }) });
      const result = await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-12-01", "--lang", "en"]);
      const registers = findings(result.stdout).map((line) => /mentions 《([^》]+)》: the title of csr's register (\S+) \(printed by '([^']+)'\)/.exec(line)?.slice(1));
      // Two registers of one title (程序文件一览表: procedures and its GJB layout) are named by the first.
      expect(registers, lang).toEqual(titles.map((title) => {
        const id = REGISTERS_WITH_FORMS.find((r) => translate(lang, `register.cited.${r}`) === title)!;
        return [title, id, REGISTER_COMMANDS[id]];
      }));
      expect(new Set(registers.map((r) => r?.[1])), lang).toEqual(new Set(REGISTERS_WITH_FORMS.filter((id) => id !== "procedures-gjb")));
    }
  });
});
