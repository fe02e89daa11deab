/**
 * The writing commands in Chinese, as a document controller reads them: the summaries of
 * distribute, release, recall, obsolete and render, and an error with its hint, byte for byte.
 * People are named as a document controller names them, by name (陈静), and confirmed by name with
 * the id the file records; departments by name.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, copyFixture, csrInProcess } from "../helpers.js";

const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });

describe("the writing commands in Chinese", () => {
  it("hands out controlled copies, releases a new revision, takes the old copies back and withdraws a document", async () => {
    const dir = committedFixture("examples/acme-auto");
    // Each department's copy is held there: 黄军 of 生产部, 陈静 of 品质部.
    expect(await zh(dir, "distribute", "QP-010", "--to", "PRD", "--holder", "黄军", "--date", "2026-11-02", "-y", "--commit")).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^QP-010 A\/1：于 2026-11-02 发放受控副本 1 份：\n {2}受控号 1 {2}生产部，领用人：黄军（huangjun）\n发放人：陈静（chenjing），即 people.yaml 中唯一的文控人员（未给出 --issued-by）。\n已提交 [0-9a-f]{7}：csr distribute QP-010 A\/1：受控号 1\n$/),
      stderr: "",
    });
    expect(await zh(dir, "distribute", "QP-010", "--to", "QA", "--holder", "陈静", "--date", "2026-11-02", "-y", "--commit")).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^QP-010 A\/1：于 2026-11-02 发放受控副本 1 份：\n {2}受控号 2 {2}品质部，领用人：陈静（chenjing）\n发放人：陈静（chenjing），即 people.yaml 中唯一的文控人员（未给出 --issued-by）。\n已提交 [0-9a-f]{7}：csr distribute QP-010 A\/1：受控号 2\n$/),
      stderr: "",
    });

    // HH-WI-06 is to be merged into QP-010, which still refers to it and mentions its title, and its process C3 lists it: withdrawn first, it would leave three errors.
    const withdraw = ["obsolete", "HH-WI-06", "--reason", "并入 QP-010 A/2", "--superseded-by", "QP-010", "--date", "2026-11-23"];
    expect(await zh(dir, ...withdraw)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: 未作废 HH-WI-06，未写入任何内容。作废后将留下 3 个错误，csr check 和 pre-commit 钩子都会报告：现行文件不得把读者引向已作废的文件（IATF 16949 7.5.3.2）：\n" +
        "  documents/procedures/QP-010.yaml:54:57 doc/obsolete-referenced QP-010 引用了 HH-WI-06，该文件已于 2026-11-23 作废。HH-WI-06 已并入 QP-010 本身：请删除该引用，并发布 QP-010 的新版本。\n" +
        "  documents/procedures/QP-010.yaml:84:34 doc/obsolete-mentioned QP-010 第 5.5 节提到《过程临时变更管理办法》，这是已作废文件 HH-WI-06 的名称。HH-WI-06 已并入 QP-010 本身：请删去或改写这处提及，并发布 QP-010 的新版本。\n" +
        "  processes.yaml:85:47 doc/obsolete-referenced 过程 C3 生产过程控制的过程文件（processes.yaml 的 documents）仍列有已于 2026-11-23 作废的 HH-WI-06。替代它的 QP-010 已在列：请用 'csr process update C3 --remove-document HH-WI-06' 删除该项。\n" +
        "提示：请先按每条消息所述处理（已发布的文件通过发布新版本修改：'csr release'；'csr explain <规则>' 有详细说明），然后再作废 HH-WI-06。\n",
    });

    // Its revision A/2 takes HH-WI-06 in: the reference and the mention go.
    const path = join(dir, "documents/procedures/QP-010.yaml");
    writeFileSync(
      path,
      readFileSync(path, "utf8")
        .replace(/(      - title: 控制计划\n        text: [^\n]*)/, "$1变更后5个工作日内提交顾客。")
        .replace(", HH-WI-06]", "]")
        .replace("临时变更按《过程临时变更管理办法》执行", "临时变更须经批准并在恢复后验证首件"),
    );
    const release = ["release", "QP-010", "--summary", "控制计划变更后5个工作日内提交顾客", "--total-pages", "2", "--prepared", "黄军", "--reviewed", "张丽", "--approved", "xuht", "--date", "2026-11-12", "--customer-notified", "DYA", "--include-changes"];
    const released = await zh(dir, ...release);
    expect(released.code).toBe(0);
    expect(released.stderr).toBe("");
    expect(released.stdout.replace(/提交 [0-9a-f]{7}/, "提交 X")).toBe(
      "已发布 QP-010 A/2（documents/procedures/QP-010.yaml）：提交 X，标签 QP-010/A-2。\n" +
        "已记录：QP-010 A/2 的更改于 2026-11-12 通知顾客 DYA（东岳汽车股份有限公司），按期（要求 2026-11-19 前）。\n" +
        "需回收的旧版受控副本（文件回收）：受控号 1（A/1，生产部）、受控号 2（A/1，品质部）。回收后用 'csr recall QP-010' 登记，并用 'csr distribute QP-010 --to PRD QA' 向持有单位发放 A/2。\n" +
        "QP-010 A/1 已以电子版（OA，只读）发放给生产部、技术部、品质部、市场部：请用 'csr distribute QP-010 --electronic --to PRD ENG QA MKT --system OA' 发布 A/2 替换它。\n",
    );
    // Released again without a change: one line saying what is wrong, one saying what to do; exit code 2.
    expect(await zh(dir, ...release)).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: QP-010 自 A/2 发布（标签 QP-010/A-2）以来没有更改；新版本用来记录更改。\n提示：请先修改文件（发放、回收、培训、定期评审记录，以及所对应的条款、过程、记录保存和评审周期是登记数据，不属于文件内容），或加 --force 在不更改的情况下再次发布。\n",
    });

    expect(await zh(dir, "recall", "QP-010", "--date", "2026-11-13", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: 未给出 --by：回收记录须写明交回人（持有单位交回副本的人员），csr 无法判断由谁交回了受控号 1（A/1，生产部）、受控号 2（A/1，品质部）。\n提示：几个单位的副本由各单位的人员交回，请分别回收：'csr recall QP-010 --copy 1 --by huangjun --date 2026-11-13'、'csr recall QP-010 --copy 2 --by chenjing --date 2026-11-13'。\n",
    });
    expect((await zh(dir, "recall", "QP-010", "--copy", "1", "--by", "黄军", "--date", "2026-11-13", "-y")).code).toBe(0);
    expect(await zh(dir, "recall", "QP-010", "--by", "陈静", "--date", "2026-11-13", "-y")).toEqual({
      code: 0,
      stdout: "QP-010：于 2026-11-13 回收 1 份：受控号 2（A/1，品质部）。交回人：陈静（chenjing）。回收人：陈静（chenjing），即 people.yaml 中唯一的文控人员（未给出 --received-by）。\n已没有需要回收的副本。\n已写入 documents/procedures/QP-010.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      // A/2 is not handed out in this replay: the recall says 品质部 has no copy of it (doc/no-copy-in-force).
      stderr: "csr: 警告：品质部已没有 QP-010 的受控副本，而现行的 A/2 版尚未发给品质部：用 'csr distribute QP-010 --to QA' 发放（csr check 报告 doc/no-copy-in-force）。\n",
    });

    expect((await zh(dir, "process", "update", "C3", "--remove-document", "HH-WI-06", "-y", "--commit")).code).toBe(0);
    const withdrawn = await zh(dir, ...withdraw);
    expect({ ...withdrawn, stdout: withdrawn.stdout.replace(/提交 [0-9a-f]{7}/, "提交 X") }).toEqual({
      code: 0,
      stdout: "已作废 HH-WI-06（documents/instructions/HH-WI-06.yaml），日期 2026-11-23：提交 X。\n",
      stderr: "",
    });
    expect(await zh(dir, "obsolete", "HH-WI-06", "--reason", "重复")).toEqual({ code: 2, stdout: "", stderr: "csr: HH-WI-06 已经作废（自 2026-11-23 起）。\n" });
  }, 90_000);

  it("says what it rendered, and refuses a document that is not released", async () => {
    const dir = copyFixture("examples/acme-auto");
    expect(await zh(dir, "render", "QP-014", "QP-010", "--format", "md")).toEqual({
      code: 0,
      stdout: "out/QP-014.zh-CN.md\nout/QP-010.zh-CN.md\n",
      stderr: "已输出 2 个文件（md，zh-CN）。\n",
    });
    expect(await zh(dir, "render", "QP-099")).toEqual({ code: 2, stdout: "", stderr: "csr: 仓库中没有文件或 CSR 'QP-099'。是否应为 'QP-009'？\n" });
    // A number written without its family prefix or with fewer zeros is the same number (tester16 F17).
    const gjb = copyFixture("examples/gjb-demo");
    expect(await zh(gjb, "render", "QP-001")).toEqual({ code: 2, stdout: "", stderr: "csr: 仓库中没有文件或顾客要求 'QP-001'。是否应为 'CS/QP-001'？\n" });
    expect(await zh(gjb, "render", "cs/qp-1")).toEqual({ code: 2, stdout: "", stderr: "csr: 仓库中没有文件或顾客要求 'cs/qp-1'。是否应为 'CS/QP-001'？\n" });
    expect((await zh(dir, "new", "procedure", "--title", "产品追溯管理程序", "--department", "QA", "-y")).code).toBe(0);
    expect(await zh(dir, "distribute", "QP-016", "--to", "QA", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: QP-016 的状态是“草稿”；只有已发布的文件才能发放受控副本。\n提示：请先发布：'csr release QP-016 ...'。\n",
    });
    // An obsolete document cannot be released again: the hint points at its successor.
    expect(await zh(dir, "distribute", "HH-F-013", "--to", "QA", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: HH-F-013 的状态是“已作废”；只有已发布的文件才能发放受控副本。\n提示：已作废的文件只回收、不再发放；请发放替代它的文件：'csr distribute QR-007-02 ...'。\n",
    });
    expect((await csrInProcess(["-C", dir, "distribute", "HH-F-013", "--to", "QA", "-y"])).stderr).toBe(
      "csr: HH-F-013 is obsolete; only a released document is distributed as controlled copies.\nhint: An obsolete document is withdrawn, not distributed; distribute its successor: 'csr distribute QR-007-02 ...'.\n",
    );
  }, 60_000);

  it("records training, an implementation and a countersigning opinion, and refuses a second opinion of a department", async () => {
    const dir = copyFixture("examples/acme-auto");
    expect(await zh(dir, "train", "QP-010", "--people", "高扬", "huangjun", "--trainer", "周鹏", "--record", "TR-2026-050", "--date", "2026-11-24", "-y")).toEqual({
      code: 0,
      stdout: "QP-010 A/1：已登记高扬（gaoyang）、黄军（huangjun）的培训；2026-11-24，培训人：周鹏（zhoupeng），记录：TR-2026-050。\n",
      stderr: "",
    });
    expect(await zh(dir, "implement", "DYA-004", "--implemented", "2026-11-20", "-y")).toEqual({
      code: 0,
      stdout: "DYA-004：已登记实施情况。状态：已实施，负责人：周鹏（zhoupeng），期限：2026-12-31，顾客要求日期：2026-12-31，导入生产日期：2026-11-20。\n",
      stderr: "",
    });
    expect(await zh(dir, "review", "DYA-001", "--department", "QA", "--reviewer", "张丽", "--opinion", "accept", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 品质部已对 DYA-001 给出会签意见：同意，张丽（zhangli），2025-02-13。\n提示：加 --amend 可替换它；原意见保留在评审历史中。\n",
    });
  }, 60_000);
});
