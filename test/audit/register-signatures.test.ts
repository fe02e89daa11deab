/**
 * Who signed each document's version in force and when, in the registers of documents (tester79 G10): a GJB
 * 9001C supplier's 受控文件清单 and 程序文件一览表 give 编制, 审核, 会签, 标准化审查, 批准 and 军代表 each with the
 * day signed, as csr sign records them; an IATF repository gives names only unless asked (--with-signatures).
 * The print keeps the names, the dates being in CSV, the workbook and JSON, so that the list fits A4 landscape.
 */
import { describe, expect, it } from "vitest";
import { csr } from "../helpers.js";

const DAY = ["--today", "2026-11-27"];
const rows = (stdout: string) => stdout.replace(/^\ufeff/, "").split("\r\n");

describe("signatures in the registers of documents (tester79 G10)", () => {
  it("gjb-demo's 受控文件清单 gives each signer of the version in force with the day signed, 会签 every department's", () => {
    const result = csr(["-C", "examples/gjb-demo", "list", "documents", "--format", "csv", ...DAY], { lang: null });
    expect(result.code, result.stderr).toBe(0);
    const [header, ...lines] = rows(result.stdout);
    expect(header).toBe("序号,层级,文件编号,文件名称,部门,版本/版次,密级,编制,审核,会签,标准化审查,批准,军代表,发布日期,生效日期,保存期限,条款,状态,备注");
    // CS/QP-008 B/1, signed in July 2025; a form's layout has no 会签, 标准化审查 or 军代表: those cells are empty.
    expect(lines.find((l) => l.includes("CS/QP-008"))).toBe(
      "4,二级,CS/QP-008,设计和开发控制程序,研发部,B/1,内部,杨帆 2025-07-07,陈宏伟 2025-07-10,何军 2025-07-10、唐磊 2025-07-10,马晓岚 2025-07-10,刘志明 2025-07-14,王建东 2025-07-14,2025-07-14,2025-07-14,,8.3/8.3.1/8.3.2/8.3.3/8.3.4/8.3.5/8.3.6,已发布,",
    );
    expect(lines.find((l) => l.includes("CS/QR-010-01"))).toMatch(/^28,四级,CS\/QR-010-01,新产品试制计划,研发部,A\/1,内部,周琳 \d{4}-\d\d-\d\d,陈宏伟 \d{4}-\d\d-\d\d,,,刘志明 \d{4}-\d\d-\d\d,,2025-09-15,/);
  });

  it("gjb-demo's 程序文件一览表 (GJB layout) has the signature columns before 发布日期, as the IATF layout has 编制/审核/批准", () => {
    const result = csr(["-C", "examples/gjb-demo", "list", "procedures", "--format", "csv", ...DAY], { lang: null });
    expect(result.code, result.stderr).toBe(0);
    const [header, first] = rows(result.stdout);
    expect(header).toBe("序号,程序文件,文件编号,版本/版次,密级,编制,审核,会签,标准化审查,批准,军代表,发布日期,归口部门,对应条款,三级文件,四级表单,备注");
    expect(first).toBe(
      '1,组织环境和相关方控制程序,CS/QP-001,B/0,内部,宋雅芸 2024-05-27,陈宏伟 2024-05-30,何军 2024-05-30、唐磊 2024-05-30,马晓岚 2024-05-30,刘志明 2024-06-03,王建东 2024-06-03,2024-06-03,综合部,4.1/4.2/4.3/4.4/6.1,,"CS/QR-001-01 内外部环境因素识别表\nCS/QR-001-02 相关方需求和期望识别表",',
    );
  });

  it("an IATF repository's lists name the signers only, and date them with --with-signatures", () => {
    const plain = csr(["-C", "examples/acme-auto", "list", "procedures", "--format", "csv", ...DAY], { lang: null });
    expect(rows(plain.stdout).slice(0, 2)).toEqual(["序号,文件名称,文件编号,版本/版次,编制/修订,审核,批准,发布日期,备注", "1,文件控制程序,QP-001,A/1,陈静,张丽,徐海涛,2025-06-10,"]);
    const dated = csr(["-C", "examples/acme-auto", "list", "procedures", "--format", "csv", "--with-signatures", ...DAY], { lang: null });
    expect(rows(dated.stdout).slice(0, 2)).toEqual(["序号,文件名称,文件编号,版本/版次,编制/修订,审核,批准,发布日期,备注", "1,文件控制程序,QP-001,A/1,陈静 2025-06-03,张丽 2025-06-06,徐海涛 2025-06-10,2025-06-10,"]);
    const documents = csr(["-C", "examples/acme-auto", "list", "documents", "--format", "csv", "--with-signatures", ...DAY], { lang: null });
    expect(rows(documents.stdout)[1]).toBe("1,一级,QM-001,质量手册,品质部,B/1,张丽 2026-04-13,徐海涛 2026-04-16,王建国 2026-04-20,2026-04-20,2026-04-20,,4–10（全部条款）,已发布,");
  });

  it("refuses --with-signatures for a register of no documents' signatures", () => {
    const result = csr(["-C", "examples/acme-auto", "list", "forms", "--with-signatures"], { lang: null });
    expect(result).toEqual({ code: 2, stdout: "", stderr: expect.stringMatching(/^csr: --with-signatures 只用于 csr list procedures 和 csr list documents，不用于 'csr list forms'。\n/) });
  });

  it("prints the names, 会签 a list that breaks between them; the dates stay in the files", () => {
    const result = csr(["-C", "examples/gjb-demo", "list", "documents", "--format", "html", ...DAY], { lang: null });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('<td class="name signers">杨帆</td><td class="name signers">陈宏伟</td><td class="list signers">何军、<wbr>唐磊</td><td class="name signers">马晓岚</td><td class="name signers">刘志明</td><td class="name signers">王建东</td><td class="date">2025-07-14</td>');
    expect(result.stdout).not.toContain("杨帆 2025-07-07");
  });
});
