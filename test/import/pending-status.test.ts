/**
 * A version released to take effect later, as csr's registers print it, imported back (notes64): the
 * controlled document list's status 已发布（A/1 现行；A/2 待实施，2026-12-14 实施） and the procedure
 * list's 备注 A/2 待实施（2026-12-14 实施） give the row's version, dates and signatures as the version in
 * force's and name the pending one; 待实施（2026-12-14 实施） is a first issue not yet in force. The
 * import keeps both versions and says what the register does not give, never drops the pending one.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, csr, csrInProcess, git, gitInit, minimalRepo, releasedProcedure, tempDir } from "../helpers.js";

const TODAY = "2026-12-05";

/** QP-030 A/0 in force and A/1 released on 2026-12-04 to take effect on 2026-12-14; QP-031 first issued on 2026-12-04, in force from 2026-12-14. */
const source = builtOnce(async (): Promise<string> => {
  const dir = gitInit(
    minimalRepo({
      "documents/QP-030.yaml": releasedProcedure("QP-030", "扣压工艺控制程序", { title: "目的", text: "规定扣压工艺的控制。" }),
      "documents/QP-031.yaml": ["id: QP-031", "title: 外径检验程序", "level: 2", "kind: procedure", "department: QA", "status: draft", "sections:", "  - title: 目的", "    text: 规定外径的检验。", ""].join("\n"),
    }),
  );
  const path = join(dir, "documents/QP-030.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace("规定扣压工艺的控制。", "规定扣压工艺和外径的控制。"));
  const release = (id: string, summary: string) => csrInProcess(["-C", dir, "release", id, "--summary", summary, "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-12-04", "--effective", "2026-12-14", "-y"]);
  expect((await release("QP-030", "增加外径控制")).code).toBe(0);
  expect((await release("QP-031", "首次发布")).code).toBe(0);
  return dir;
});

const file = (dir: string, path: string) => parse(readFileSync(join(dir, path), "utf8"));

describe("a register listing a version released to take effect later, imported (notes64)", () => {
  it("keeps the row's version in force with its dates and signatures and the pending one after it, in either language and from csv or xlsx; the list reads the same", async () => {
    const from = await source();
    for (const [lang, format] of [["zh-CN", "csv"], ["en", "xlsx"]] as const) {
      // The Chinese list and its import through the built binary, the English in this process (csrInProcess).
      const run = (args: string[]) => (lang === "zh-CN" ? Promise.resolve(csr(args)) : csrInProcess(args));
      const out = join(tempDir(), `documents.${format}`);
      expect((await run(["-C", from, "list", "documents", "--today", TODAY, "--format", format, "--out", out, "--lang", lang])).code).toBe(0);
      const target = gitInit(minimalRepo());
      const imported = await run(["-C", target, "import", out, "--as", "documents", "--today", TODAY, "--lang", lang]);
      const said = {
        "zh-CN": [
          "第 2 行：QP-030 的“状态”为 '已发布（A/0 现行；A/1 待实施，2026-12-14 实施）'：本行的版本、日期和签字是现行版本 A/0 的，按此写入；A/1 已发布、2026-12-14 起实施，写作其后的当前版本，清单没有它的发布日期和签字，未写入：查到后用 'csr set QP-030 --issued <日期>' 和 'csr sign QP-030 --prepared <人员> --reviewed <人员> --approved <人员>' 补记，这不需要发布新版本",
          "1 份导入的已发布文件没有编制、批准签字（编制、审核、批准栏是现行版本的签字，不是其后待实施的版本的，见上方第 2 行）。请按纸质原件一次补记：csr sign QP-030 --prepared <人员> --reviewed <人员> --approved <人员>。原件写有签字日期时加 --date <签字日期>；签字人或日期不同的文件分开补记。",
        ],
        en: [
          "row 3: Status of QP-030 is 'released (A/0 in force; A/1 pending, in force from 2026-12-14)': the row's version, dates and signatures are those of A/0, the version in force, and are recorded so; A/1, released to take effect on 2026-12-14, is recorded after it as the current version, without the issue date and signatures the register does not give: once found, record them with 'csr set QP-030 --issued <date>' and 'csr sign QP-030 --prepared <person> --reviewed <person> --approved <person>' (no new revision)",
          "1 released document imported without a preparer's or approver's signature (the Prepared, Reviewed, Approved cells sign the version in force, not the one pending after it: see row 3 above). Record the signatures of its paper original: csr sign QP-030 --prepared <person> --reviewed <person> --approved <person>. Add --date <date> when the original is dated.",
        ],
      }[lang];
      for (const line of said) expect(imported.stdout.split("\n"), `${lang} ${format}`).toContain(line);
      // The summary says what is left to record, not that the import made files in error (breaker64 P7).
      expect(imported.stdout.split("\n"), `${lang} ${format}`).toContain(
        {
          "zh-CN": "已导入 2 行中的 2 行；1 个文件（QP-030）的待实施版本还缺发布日期和签字，补记前 csr check 对其报错：用 'csr set <编号> --issued <日期>' 和上方的 csr sign 补记。",
          en: "Imported rows: 2 of 2; 1 file (QP-030) lacks the pending version's issue date and signatures, which csr check reports as errors until recorded: record them with 'csr set <id> --issued <date>' and the csr sign above.",
        }[lang],
      );
      // The revision record is incomplete until csr set and csr sign fill in A/1: csr check says so (exit 1), nothing is dropped.
      expect(imported.code).toBe(1);
      expect(file(target, "documents/QP-030.yaml")).toMatchObject({
        status: "released",
        effective: "2026-12-14",
        revisions: [
          { version: "A/0", date: "2026-03-02", imported: true, prepared: { by: "zhang" }, reviewed: { by: "li" }, approved: { by: "wang" } },
          { version: "A/1", imported: true },
        ],
      });
      expect(file(target, "documents/QP-030.yaml").revisions[1]).toEqual({ version: "A/1", imported: true });
      expect(file(target, "documents/QP-031.yaml")).toMatchObject({ status: "released", effective: "2026-12-14", revisions: [{ version: "A/0", date: "2026-12-04", imported: true }] });
      const list = async (dir: string) => (await csrInProcess(["-C", dir, "list", "documents", "--today", TODAY, "--format", "md", "--lang", lang])).stdout;
      expect(await list(target)).toBe(await list(from));
      // Once its date and signatures are recorded from the paper original, A/1 is whole.
      expect((await csrInProcess(["-C", target, "set", "QP-030", "--issued", "2026-12-04"])).code).toBe(0);
      expect((await csrInProcess(["-C", target, "sign", "QP-030", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-12-04"])).code).toBe(0);
      // Only what a register never holds is left: the body, on paper.
      expect((await checkJsonInProcess(target, "--today", TODAY)).findings.map((f) => `${f.file} ${f.rule}`)).toEqual(["documents/QP-030.yaml doc/body-on-paper"]);
    }
  });

  it("reads the procedure list's 备注 A/1 待实施（… 实施） as the same, and keeps the rest of 备注", async () => {
    const from = await source();
    const out = join(tempDir(), "procedures.csv");
    expect((await csrInProcess(["-C", from, "list", "procedures", "--today", TODAY, "--format", "csv", "--out", out, "--lang", "zh-CN"])).code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain("\r\n1,扣压工艺控制程序,QP-030,A/0,张伟,李娜,王强,2026-03-02,A/1 待实施（2026-12-14 实施）\r\n2,外径检验程序,QP-031,A/0,张伟,李娜,王强,2026-12-04,待实施（2026-12-14 实施）\r\n");
    writeFileSync(out, text.replace(",A/1 待实施（2026-12-14 实施）\r\n", ",外径按图纸；A/1 待实施（2026-12-14 实施）\r\n"));
    const target = gitInit(minimalRepo());
    const imported = csr(["-C", target, "import", out, "--as", "procedures", "--department", "QA", "--today", TODAY, "--lang", "zh-CN"]);
    expect(imported.stdout).toContain("\n第 2 行：QP-030 的“备注”为 'A/1 待实施（2026-12-14 实施）'：本行的版本、日期和签字是现行版本 A/0 的，按此写入；A/1 已发布、2026-12-14 起实施，");
    expect(file(target, "documents/QP-030.yaml")).toMatchObject({ effective: "2026-12-14", remarks: "外径按图纸", revisions: [{ version: "A/0", date: "2026-03-02" }, { version: "A/1", imported: true }] });
    expect(file(target, "documents/QP-031.yaml")).toMatchObject({ effective: "2026-12-14", revisions: [{ version: "A/0", date: "2026-12-04" }] });
    expect(file(target, "documents/QP-031.yaml")).not.toHaveProperty("remarks");
  });

  it("reads 备注's pending version beside a status 已发布 or an empty one, keeping what follows it; says one it does not read; refuses a day that does not exist (breaker64 P7)", () => {
    const dir = gitInit(minimalRepo());
    writeFileSync(
      join(dir, "l.csv"),
      [
        "层级,文件编号,文件名称,部门,版本,编制,审核,批准,发布日期,生效日期,状态,备注",
        "二级,QP-030,扣压工艺控制程序,品质部,A/1,张伟,李娜,王强,2025-03-17,2025-03-17,已发布,A/2 待实施（2026-12-14 实施）；另见 8D-2026-001",
        "二级,QP-031,外径检验程序,品质部,A/1,张伟,李娜,王强,2025-03-17,2025-03-17,,A/2 待实施（2026-12-14 实施），另见 8D-2026-001",
        "二级,QP-032,标签程序,品质部,A/1,张伟,李娜,王强,2025-03-17,2025-03-17,已发布,另见 8D-2026-001；A/2 待实施 2026.12.14",
        "二级,QP-033,包装程序,品质部,A/1,张伟,李娜,王强,2025-03-17,2025-03-17,草稿,A/2 待实施（2026-12-14 实施）",
        "二级,QP-034,搬运程序,品质部,A/1,张伟,李娜,王强,2025-03-17,2025-03-17,已发布（A/1 现行；A/2 待实施，2026-14-14 实施）,",
        "二级,QP-035,贮存程序,品质部,A/1,张伟,李娜,王强,2025-03-17,2025-03-17,已发布,A/2 待实施（2026-14-14 实施）",
        "",
      ].join("\n"),
    );
    const imported = csr(["-C", dir, "import", "l.csv", "--as", "documents", "--today", TODAY, "--lang", "zh-CN"]);
    const rows = imported.stdout.split("\n").filter((line) => /^第 [4-7] 行/.test(line));
    expect(rows).toEqual([
      "第 4 行：QP-032 的“备注”中的 'A/2 待实施 2026.12.14' 说的像是待实施的版本，但 csr 读不出它的版本和哪天实施，已原样记入备注，没有记为待实施的版本：若确有待实施的版本，请把这部分写成 'A/2 待实施（2026-12-14 实施）' 后重新导入",
      "第 5 行：QP-033 的“备注”中的 'A/2 待实施（2026-12-14 实施）' 说有待实施的版本，而“状态”为 '草稿'，不是已发布：未记为待实施的版本，已原样记入备注；请核对这两格",
      "第 6 行：QP-034 的“状态”为 '已发布（A/1 现行；A/2 待实施，2026-14-14 实施）'，其中的 2026-14-14 不是有效的日期：请更正该单元格后重新导入（该行未导入）",
      "第 7 行：QP-035 的“备注”为 'A/2 待实施（2026-14-14 实施）'，其中的 2026-14-14 不是有效的日期：请更正该单元格后重新导入（该行未导入）",
    ]);
    expect(imported.stdout).toContain("\n第 2 行：QP-030 的“备注”为 'A/2 待实施（2026-12-14 实施）'：本行的版本、日期和签字是现行版本 A/1 的，按此写入；");
    expect(imported.stdout).toContain("\n第 3 行：QP-031 的“备注”为 'A/2 待实施（2026-12-14 实施）'：本行的版本、日期和签字是现行版本 A/1 的，按此写入；");
    for (const id of ["QP-030", "QP-031"]) {
      expect(file(dir, `documents/${id}.yaml`), id).toMatchObject({ status: "released", effective: "2026-12-14", remarks: "另见 8D-2026-001", revisions: [{ version: "A/1", date: "2025-03-17" }, { version: "A/2", imported: true }] });
    }
    expect(file(dir, "documents/QP-032.yaml")).toMatchObject({ status: "released", remarks: "另见 8D-2026-001；A/2 待实施 2026.12.14", revisions: [{ version: "A/1" }] });
    expect(file(dir, "documents/QP-032.yaml").revisions).toHaveLength(1);
    expect(file(dir, "documents/QP-033.yaml")).toMatchObject({ status: "draft", remarks: "A/2 待实施（2026-12-14 实施）" });
    expect(imported.stdout).toContain("\n已导入 6 行中的 4 行；拒绝 2 行，与现有文件冲突 0 处；2 个文件（QP-030、QP-031）的待实施版本还缺发布日期和签字，");
    expect(imported.code).toBe(1);
  });

  it("reads the status written with the pending version's own brackets, and refuses a row whose version or 生效日期 the status contradicts", async () => {
    const dir = gitInit(minimalRepo());
    writeFileSync(
      join(dir, "l.csv"),
      [
        "层级,文件编号,文件名称,部门,版本,编制,审核,批准,发布日期,生效日期,状态",
        "二级,QP-030,扣压工艺控制程序,品质部,A/1,张伟,李娜,王强,2025-08-18,2025-08-20,已发布（A/1 现行；A/2 待实施（2026-12-14 实施））",
        "二级,QP-031,外径检验程序,品质部,A/0,张伟,李娜,王强,2025-08-18,2025-08-18,已发布（A/1 现行；A/2 待实施，2026-12-14 实施）",
        "二级,QP-032,标签程序,品质部,A/0,张伟,李娜,王强,2026-12-01,2026-12-15,待实施（2026-12-14 实施）",
        "",
      ].join("\n"),
    );
    const imported = await csrInProcess(["-C", dir, "import", "l.csv", "--as", "documents", "--today", TODAY, "--lang", "zh-CN"]);
    expect(imported.stdout).toContain(
      "\n第 3 行：QP-031 的“状态”为 '已发布（A/1 现行；A/2 待实施，2026-12-14 实施）'，现行版本是 A/1，而“版本”为 A/0：清单的版本栏列的是现行版本，请更正其中一格后重新导入（该行未导入）\n" +
        "第 4 行：QP-032 的“状态”为 '待实施（2026-12-14 实施）'（2026-12-14 起实施），而“生效日期”为 2026-12-15：哪天实施，请更正其中一格后重新导入（该行未导入）\n",
    );
    expect(imported.stdout).toContain("\n已导入 3 行中的 1 行；拒绝 2 行");
    // The version in force took effect two days after its issue: its own effective date, the document's is the pending version's.
    expect(file(dir, "documents/QP-030.yaml")).toMatchObject({ effective: "2026-12-14", revisions: [{ version: "A/1", date: "2025-08-18", effective: "2025-08-20" }, { version: "A/2", imported: true }] });
    expect(git(dir, ["status", "--porcelain"])).toBe("?? documents/\n?? l.csv\n");
  });
});
