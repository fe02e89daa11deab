/**
 * One engineering change followed as one thread (IATF 16949 8.5.6.1; tester77 E1, E8): a customer's drawing change
 * carried through the PFMEA, the control plan, the work instruction and a deviation, each released with the same ECN
 * (csr release --ecn) and change request (--change-request). csr changes --ecn / --change-request lists their
 * revisions with where each stands; csr show of a document names the other revisions of its change, and csr show of
 * the CSR where each document addressing it stands.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { commitAt, csr, csrInProcess, gitInitEmpty, minimalRepo } from "../helpers.js";

const lines = (...l: string[]) => l.join("\n") + "\n";
const A0 = "  - { version: A/0, date: 2026-01-05, summary: 首次发布, prepared: { by: zhang }, reviewed: { by: li }, approved: { by: wang, date: 2026-01-05 } }";
const revised = (date: string, by: string, extra: string) => `  - { version: A/1, date: ${date}, summary: OP30拧紧扭矩升级为关键特性, ${extra}prepared: { by: zhang }, reviewed: { by: li }, approved: { by: ${by}, date: ${date} } }`;
const BOTH = "change_request: CR-2026-090, ecn: [DYA-ECN-201], ";

const form = (id: string, title: string, revision: string) => lines(`id: ${id}`, `title: ${title}`, "level: 4", "kind: form", "department: QA", "status: released", "revisions:", A0, revision, "record: { retention: 3年 }");

describe("an engineering change as one thread", { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = gitInitEmpty(
      minimalRepo({
        "customers/DYA.yaml": lines("code: DYA", "name: 东岳汽车", "sources:", "  - id: DYA-ES-0330", "    title: 制动软管总成图纸", "    department: QA", "    revisions:", "      - { revision: C, received: 2026-03-02 }"),
        "csr/DYA/DYA-008.yaml": lines(
          "id: DYA-008",
          "customer: DYA",
          "source: { document: DYA-ES-0330, revision: C }",
          "clauses: [IATF16949:8.3.3.3]",
          "title: OP30拧紧扭矩新增为CC特性",
          "received: 2026-03-02",
          "review:",
          "  opinions:",
          "    - { department: QA, reviewer: zhang, opinion: accept, date: 2026-03-03 }",
          "    - { department: MKT, reviewer: li, opinion: accept, date: 2026-03-03 }",
          "  decision: { disposition: must, by: wang, date: 2026-03-04 }",
          "addressed:",
          "  - { document: QR-007-03 }",
          "  - { document: QR-010-01 }",
          "  - { document: WI-010-03 }",
        ),
        "documents/QR-007-03.yaml": form("QR-007-03", "过程FMEA", revised("2026-03-10", "wang", BOTH)),
        "documents/QR-010-01.yaml": form("QR-010-01", "控制计划", revised("2026-03-10", "wang", BOTH)),
        "documents/WI-010-03.yaml": lines(
          "id: WI-010-03",
          "title: 接头拧紧作业指导书",
          "level: 3",
          "kind: instruction",
          "department: QA",
          "status: released",
          "effective: 2026-03-20",
          "revisions:",
          A0,
          revised("2026-03-11", "zhang", BOTH + "effective: 2026-03-20, "),
          "distribution:",
          "  - { copy: 1, version: A/0, to: QA, holder: wang, location: 工位 OP30, date: 2026-01-06 }",
          "  - { copy: 2, version: A/1, to: QA, holder: wang, location: 工位 OP30, date: 2026-03-12 }",
          "training:",
          "  required: true",
          "  sessions:",
          "    - { revision: A/1, date: 2026-03-12, people: [wang], trainer: zhang }",
        ),
        "documents/WI-010-04.yaml": lines(
          "id: WI-010-04",
          "title: OP30夹具到货前临时偏离",
          "level: 3",
          "kind: instruction",
          "department: QA",
          "status: released",
          "effective: 2026-03-20",
          "valid_until: 2026-04-30",
          "deviates_from: [WI-010-03]",
          "revisions:",
          "  - { version: A/0, date: 2026-03-11, effective: 2026-03-20, summary: 夹具到货前100%复测, ecn: [DYA-ECN-201], prepared: { by: zhang }, reviewed: { by: li }, approved: { by: zhang, date: 2026-03-11 } }",
        ),
        "documents/QR-001-01.yaml": form("QR-001-01", "文件更改申请单", revised("2026-03-05", "wang", "ecn: [DYA-ECN-150], ")),
      }),
    );
    commitAt(dir, "2026-03-12", "DYA-ECN-201：PFMEA、控制计划、作业指导书和偏离");
  });

  it("csr changes --ecn lists the revisions carrying it, their copies and training, and where each stands", () => {
    const run = csr(["changes", "2026-03-01", "2026-03-31", "--ecn", "DYA-ECN-201"], { cwd: dir, lang: "zh-CN" });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("只列出带顾客变更通知（ECN）DYA-ECN-201 的换版（csr release --ecn）及其实施、发放、回收和培训；共 4 个版本：QR-007-03 A/1、QR-010-01 A/1、WI-010-03 A/1、WI-010-04 A/0。\n");
    const out = run.stdout.split("\n");
    expect(out[0]).toBe("变更报告：2026-03-01 至 2026-03-31（仅 ECN DYA-ECN-201）");
    expect(out.filter((l) => /^[A-Z]{2}-\d{3}-\d{2} A\/\d：/.test(l))).toEqual([
      "QR-007-03 A/1：2026-03-10 发布，批准 王强；未发放受控副本",
      "QR-010-01 A/1：2026-03-10 发布，批准 王强；未发放受控副本",
      "WI-010-03 A/1：2026-03-11 发布，批准 张伟，2026-03-20 实施；培训 A/1 已培训；受控副本 2 号 A/1 品质部 工位 OP30 王强；旧版未回收 1 号 A/0 品质部 工位 OP30 王强",
      "WI-010-04 A/0：2026-03-11 发布，批准 张伟，2026-03-20 实施；未发放受控副本",
    ]);
  });

  it("keeps only the rows of those revisions, in JSON with each one's state; --change-request the same way; an unknown number is refused", async () => {
    const rows = async (...args: string[]) => {
      const run = await csrInProcess(["changes", "2026-03-01", "2026-03-31", ...args, "--format", "json"], { cwd: dir, lang: "zh-CN" });
      expect(run.code).toBe(0);
      const data = JSON.parse(run.stdout) as { changes: { kind: string; id: string; to: string }[]; revisions: { document: string; version: string }[] };
      return { rows: data.changes.map((c) => `${c.kind} ${c.id} ${c.to}`), revisions: data.revisions.map((r) => `${r.document} ${r.version}`) };
    };
    expect(await rows("--ecn", "DYA-ECN-201")).toEqual({
      rows: ["released QR-007-03 A/1", "released QR-010-01 A/1", "released WI-010-03 A/1", "added WI-010-04 A/0", "issued WI-010-03 A/1", "trained WI-010-03 A/1", "effective WI-010-03 A/1", "effective WI-010-04 A/0"],
      revisions: ["QR-007-03 A/1", "QR-010-01 A/1", "WI-010-03 A/1", "WI-010-04 A/0"],
    });
    expect((await rows("--change-request", "CR-2026-090")).revisions).toEqual(["QR-007-03 A/1", "QR-010-01 A/1", "WI-010-03 A/1"]);
    // As the change stood at a period's end: the revisions released after it are not yet part of it.
    const early = await csrInProcess(["changes", "2026-03-01", "2026-03-10", "--ecn", "DYA-ECN-201", "--format", "json"], { cwd: dir, lang: "zh-CN" });
    expect((JSON.parse(early.stdout) as { revisions: { document: string; version: string }[] }).revisions.map((r) => `${r.document} ${r.version}`)).toEqual(["QR-007-03 A/1", "QR-010-01 A/1"]);
    expect((await rows("--ecn", "DYA-ECN-201", "--change-request", "CR-2026-090")).revisions).toEqual(["QR-007-03 A/1", "QR-010-01 A/1", "WI-010-03 A/1"]);
    expect(await csrInProcess(["changes", "--ecn", "DYA-ECN-20"], { cwd: dir, lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 没有换版带顾客变更通知（ECN）DYA-ECN-20。是否应为 'DYA-ECN-201'？\n提示：换版时记录这两个编号：csr release <编号> --ecn <ECN 编号> --change-request <更改申请单号>。\n",
    });
  });

  it("without a period, starts on the day of the change's first revision", async () => {
    const run = await csrInProcess(["changes", "--change-request", "CR-2026-090", "--format", "json"], { cwd: dir, lang: "zh-CN" });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).period.from).toBe("2026-03-10");
  });

  it("csr show of a document names every revision of its change; of the CSR, where each document addressing it stands", async () => {
    const card = await csrInProcess(["show", "QR-010-01", "--today", "2026-03-31"], { cwd: dir, lang: "zh-CN" });
    expect(card.stdout.split("\n").filter((l) => l.includes("csr changes --ecn"))).toEqual(["  工程变更        DYA-ECN-201：QR-007-03 A/1、QR-010-01 A/1、WI-010-03 A/1、WI-010-04 A/0（csr changes --ecn DYA-ECN-201）"]);
    // Its JSON gives the same change, from the same model function (documentChanges), as csr changes --format json names revisions.
    const json = await csrInProcess(["show", "QR-010-01", "--today", "2026-03-31", "--format", "json"], { cwd: dir, lang: "zh-CN" });
    expect(JSON.parse(json.stdout).engineeringChanges).toEqual([
      { ecn: "DYA-ECN-201", revisions: [{ document: "QR-007-03", version: "A/1" }, { document: "QR-010-01", version: "A/1" }, { document: "WI-010-03", version: "A/1" }, { document: "WI-010-04", version: "A/0" }] },
    ]);
    const show = await csrInProcess(["show", "DYA-008", "--today", "2026-03-31"], { cwd: dir, lang: "zh-CN" });
    const out = show.stdout.split("\n");
    const from = out.findIndex((l) => l.startsWith("  落实文件现状"));
    expect(out.slice(from, from + 4)).toEqual([
      "  落实文件现状    QR-007-03 A/1（ECN DYA-ECN-201）：2026-03-10 发布，批准 王强；未发放受控副本",
      "                  QR-010-01 A/1（ECN DYA-ECN-201）：2026-03-10 发布，批准 王强；未发放受控副本",
      "                  WI-010-03 A/1（ECN DYA-ECN-201）：2026-03-11 发布，批准 张伟，2026-03-20 实施；培训 A/1 已培训；受控副本 2 号 A/1 品质部 工位 OP30 王强；旧版未回收 1 号 A/0 品质部 工位 OP30 王强",
      "                  WI-010-04 A/0（偏离 WI-010-03，ECN DYA-ECN-201）：2026-03-11 发布，批准 张伟，2026-03-20 实施；未发放受控副本",
    ]);
    const en = await csrInProcess(["show", "DYA-008", "--today", "2026-03-31"], { cwd: dir, lang: "en" });
    expect(en.stdout.split("\n").find((l) => l.startsWith("  Addressing now"))).toBe("  Addressing now  QR-007-03 A/1 (ECN DYA-ECN-201): released 2026-03-10, approved by 王强; no controlled copy issued");
  });
});
