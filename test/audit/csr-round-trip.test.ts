/**
 * The CSR list (顾客特定要求清单) carries a requirement's data out and back in: export the example's
 * CSRs, import the list into a copy of the repository without them, and every CSR file comes back
 * the same, apart from exactly the fields a list does not carry (README, "csr import"). A field added
 * to the CSR format that the list forgets makes this test fail.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { isRecord } from "../../src/core/guards.js";
import { copyFixture, csr, csrInProcess, tempDir } from "../helpers.js";

/**
 * What the list leaves to other records, by the path of the field in the CSR file: the English title (a list is in one language); the departments' opinions, the
 * departments asked for them and the earlier review rounds (on the signed review record, `csr render
 * <ID>`), with the day the review team leader signed it (review.leader.date: the list's 评审组长 names who, not when);
 * distribution and training (their own records). A decided CSR whose record has no number (only a note) gets a note
 * naming the list's row instead.
 */
const NOT_CARRIED = ["review.history", "review.leader.date", "review.opinions", "review.record.note", "review.required", "title_en"];

/**
 * 发放 and 培训 come back (tester55 C5): each distribution with its departments and day, written as a list
 * (the one-object form of an older file is read as its one entry); a training session's record number as a
 * record on its own, since the list names neither the trainees nor the trainer (the import says so, row by row).
 */
function distributionAndTrainingAsListed(data: Record<string, unknown>): Record<string, unknown> {
  const distribution = data.distribution === undefined || Array.isArray(data.distribution) ? data.distribution : [data.distribution];
  const training = data.training as { required: boolean; records?: string[]; sessions?: { record?: string }[] } | undefined;
  const records = [...(training?.records ?? []), ...(training?.sessions ?? []).flatMap((s) => s.record ?? [])];
  return {
    ...data,
    ...(distribution ? { distribution } : {}),
    ...(training ? { training: { required: training.required, ...(records.length ? { records } : {}) } } : {}),
  };
}

/**
 * What the list writes as the registers cite it and reads back so (auditor16 F5, F8): the clauses in
 * the standard's catalog order, and a section typed by its title alone with the number its document
 * gives it, as the CSR matrix prints it.
 */
const CLAUSES_AS_LISTED: Record<string, string[]> = {
  "BCM/BCM-003.yaml": ["IATF16949:7.5.3.2.1", "IATF16949:8.5.2.1"],
  "DYA/DYA-001.yaml": ["IATF16949:8.2.3.1.2", "IATF16949:8.3.3.3"],
  "DYA/DYA-005.yaml": ["IATF16949:7.1.5.3.2", "IATF16949:8.6.2"],
};
const SECTIONS_AS_LISTED: Record<string, string> = { "WI-010-01 质量要求": "3 质量要求", "WI-011-01 标签要求": "2 标签要求" };

function asListed(name: string, data: { clauses: string[]; addressed?: { document: string; section?: string }[] }): unknown {
  return {
    ...distributionAndTrainingAsListed(data),
    clauses: CLAUSES_AS_LISTED[name] ?? data.clauses,
    ...(data.addressed ? { addressed: data.addressed.map((a) => ({ ...a, ...(a.section ? { section: SECTIONS_AS_LISTED[`${a.document} ${a.section}`] ?? a.section } : {}) })) } : {}),
  };
}


/** The paths of the leaves at which two values differ; a field on one side only is a difference at each of its leaves. */
function differences(a: unknown, b: unknown, path = ""): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if ((isRecord(a) || a === undefined) && (isRecord(b) || b === undefined)) {
    const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
    return [...keys].flatMap((k) => differences(a?.[k], b?.[k], path ? `${path}.${k}` : k));
  }
  return [path];
}

function csrFiles(dir: string): Map<string, unknown> {
  const files = new Map<string, unknown>();
  for (const customer of readdirSync(join(dir, "csr"))) {
    for (const name of readdirSync(join(dir, "csr", customer))) files.set(`${customer}/${name}`, parse(readFileSync(join(dir, "csr", customer, name), "utf8")));
  }
  return files;
}

describe("CSR list: export, import into a copy without the CSRs, the same CSR files", { timeout: 60_000 }, () => {
  let example: string;
  beforeAll(() => {
    example = copyFixture("examples/acme-auto");
    const edit = (file: string, change: (review: Record<string, unknown>) => void) => {
      const path = join(example, "csr", file);
      const data = parse(readFileSync(path, "utf8"));
      change(data.review);
      writeFileSync(path, stringify(data));
    };
    // One review kept on paper, named by its form and number, as `csr import` reads it back; one
    // decided after its deadline, with the reason.
    edit("DYA/DYA-005.yaml", (review) => (review.record = { form: "QR-015-02", ref: "2026-03 第5号" }));
    edit("DYA/DYA-004.yaml", (review) => (review.late_reason = "等待东岳SQE澄清控制计划提交格式"));
    // One decision imported from an earlier list: the list prints its note as its record, and it comes back the same (tester54b B21).
    edit("DYA/DYA-006.yaml", (review) => (review.record = { note: "从 顾客特定要求清单-v2.xlsx 第 7 行导入" }));
    // A 备注 (csr set --remarks, tester76 M9): the list's last column, read back as written.
    const remarked = join(example, "csr", "DYA/DYA-004.yaml");
    writeFileSync(remarked, stringify({ ...parse(readFileSync(remarked, "utf8")), remarks: "控制计划格式以东岳SQE邮件为准" }));
  });

  it.each([
    // The whole workbook, without --sheet: import finds its 顾客特定要求清单 among the other registers.
    // 落实文件 carries the version that addresses each place, for superseded DYA-003 the one in force then with the matrix's
    // 链接状态 (tester55 C6); the import leaves both to csr, and says so.
    {
      name: "csr export (xlsx, Chinese)",
      file: "book.xlsx",
      lang: "zh-CN" as const,
      out: ["export"],
      titles: [],
      reading: "  “落实文件”中的 'QP-012 A/1 5.4 返工和返修（已替代（2026-03-23），不计入落实）' → QP-012 5.4 返工和返修（版本和链接状态由 csr 按文件得出，不导入）（第 10 行）",
      // 培训 (tester55 C5): a session's record number comes back on its own, and its row says what the list does not give.
      training: [
        "第 6 行：“培训”中的培训 '2026-10-28 TR-2026-041'：清单没有受训人员和培训人，未记为 2026-10-28 的一次培训，记录编号 TR-2026-041 记为单独的培训记录（training.records）；请按培训记录用 'csr train BCM-004 --date 2026-10-28 --record TR-2026-041 --people <受训人员> --trainer <培训人>' 登记这次培训",
        "第 9 行：“培训”中的培训 '2026-03-30 TR-2026-018'：清单没有受训人员和培训人，未记为 2026-03-30 的一次培训，记录编号 TR-2026-018 记为单独的培训记录（training.records）；请按培训记录用 'csr train DYA-002 --date 2026-03-30 --record TR-2026-018 --people <受训人员> --trainer <培训人>' 登记这次培训",
        "第 12 行：“培训”中的培训 '2026-03-30 TR-2026-019'：清单没有受训人员和培训人，未记为 2026-03-30 的一次培训，记录编号 TR-2026-019 记为单独的培训记录（training.records）；请按培训记录用 'csr train DYA-005 --date 2026-03-30 --record TR-2026-019 --people <受训人员> --trainer <培训人>' 登记这次培训",
      ],
    },
    // An English list names each requirement by its English title, which comes back as the title.
    {
      name: "csr list csr (CSV, English)",
      file: "list.csv",
      lang: "en" as const,
      out: ["list", "csr", "--format", "csv"],
      titles: ["title"],
      reading: "  Addressed in 'QP-012 A/1 5.4 返工和返修 (superseded 2026-03-23; not counted)' → QP-012 5.4 返工和返修 (the version and link state are worked out by csr from the document, not imported) (row 9)",
      training: [
        "row 5: training '2026-10-28 TR-2026-041' in Training: the list does not name who was trained or the trainer, so no session of 2026-10-28 was recorded; its record number TR-2026-041 is kept as a record on its own (training.records) — record the session from the training record with 'csr train BCM-004 --date 2026-10-28 --record TR-2026-041 --people <trainees> --trainer <trainer>'",
        "row 8: training '2026-03-30 TR-2026-018' in Training: the list does not name who was trained or the trainer, so no session of 2026-03-30 was recorded; its record number TR-2026-018 is kept as a record on its own (training.records) — record the session from the training record with 'csr train DYA-002 --date 2026-03-30 --record TR-2026-018 --people <trainees> --trainer <trainer>'",
        "row 11: training '2026-03-30 TR-2026-019' in Training: the list does not name who was trained or the trainer, so no session of 2026-03-30 was recorded; its record number TR-2026-019 is kept as a record on its own (training.records) — record the session from the training record with 'csr train DYA-005 --date 2026-03-30 --record TR-2026-019 --people <trainees> --trainer <trainer>'",
      ],
    },
  ])("$name", async ({ file, lang, out, titles, reading, training }) => {
    const book = join(tempDir(), file);
    expect((await csrInProcess(["-C", example, ...out, "--out", book, "--today", "2026-11-27"], { lang })).code).toBe(0);
    const copy = copyFixture("examples/acme-auto");
    rmSync(join(copy, "csr"), { recursive: true });
    // The copy keeps the documents (the review record's form is one of them), people and customers.
    // The import checks its result as of the day of the export: the example's undecided CSRs fall due
    // in December 2026, and its calendar has no public holidays for 2027.
    const imported = await csrInProcess(["-C", copy, "import", book, "--as", "csr", "--today", "2026-11-27"], { lang });
    expect(imported.stderr).toBe("");
    expect(imported.code, imported.stdout).toBe(0);
    expect(imported.stdout.split("\n")).toContain(reading);
    expect(imported.stdout.split("\n").filter((line) => /^(第 \d+ 行|row \d+)[:：].*(培训|[Tt]raining)/.test(line))).toEqual(training);

    const before = csrFiles(example);
    const after = csrFiles(copy);
    expect([...after.keys()]).toEqual([...before.keys()]);
    // Every other field comes back as it was: dates, people, the decision, the review restart and
    // its late reason, where it is addressed, implementation and verification, supersession.
    const dropped = new Set([...before].flatMap(([name, data]) => differences(asListed(name, data as Parameters<typeof asListed>[1]), after.get(name))));
    expect([...dropped].sort()).toEqual([...NOT_CARRIED, ...titles].sort());
    expect((after.get("DYA/DYA-005.yaml") as { review: unknown }).review).toMatchObject({ record: { form: "QR-015-02", ref: "2026-03 第5号" } });
    // DYA-005's alternative agreed with the customer comes back from its line under 处置理由, apart from the justification.
    expect((after.get("DYA/DYA-005.yaml") as { review: { decision: unknown } }).review.decision).toEqual((before.get("DYA/DYA-005.yaml") as { review: { decision: unknown } }).review.decision);
    expect((after.get("DYA/DYA-005.yaml") as { review: { decision: { alternative: unknown } } }).review.decision.alternative).toEqual({
      text: "每年一次由CNAS认可的第三方实验室做爆破压力型式试验，每一交付批次随附内部实验室爆破压力试验报告",
      agreed_with: "刘涛（东岳SQE）",
      agreed_on: "2026-03-25",
      record: "电话会议纪要MKT-2026-031",
    });
    expect((after.get("DYA/DYA-006.yaml") as { review: { record: unknown } }).review.record).toEqual({ note: "从 顾客特定要求清单-v2.xlsx 第 7 行导入" });
    // 评审组长 comes back as the person's id, read from the name the list prints (李娜 → lina), without the day signed.
    expect((after.get("DYA/DYA-001.yaml") as { review: { leader: unknown } }).review.leader).toEqual({ by: "lina" });
    // csr show says so beside the name, as the printed review report leaves its 日期 blank (mend75).
    const shown = (await csrInProcess(["-C", copy, "show", "DYA-001", "--today", "2026-11-27"], { lang: "zh-CN" })).stdout;
    expect(shown).toContain("\n  报告签字        评审组长 李娜，未记签字日期（用 csr review --amend 加 --date 补记）\n");
  });

  // io60: the session `csr import` asks for, once recorded, takes the place of the record number kept on its own, in
  // the same write: the list's 培训 cell names TR-2026-041 once, as the session's.
  it("csr train, as the import says, replaces the record kept on its own", async () => {
    const book = join(tempDir(), "book.xlsx");
    expect((await csrInProcess(["-C", example, "export", "--out", book, "--today", "2026-11-27"], { lang: "zh-CN" })).code).toBe(0);
    const copy = copyFixture("examples/acme-auto");
    rmSync(join(copy, "csr"), { recursive: true });
    expect((await csrInProcess(["-C", copy, "import", book, "--as", "csr", "--today", "2026-11-27"], { lang: "zh-CN" })).code).toBe(0);
    const file = join(copy, "csr", "BCM", "BCM-004.yaml");
    expect(parse(readFileSync(file, "utf8")).training).toEqual({ required: true, records: ["TR-2026-041"] });

    const trained = csr(["-C", copy, "train", "BCM-004", "--date", "2026-10-28", "--record", "TR-2026-041", "--people", "huangjun,wuyan", "--trainer", "zhangli", "-y"], { lang: "zh-CN" });
    expect(trained.stderr).toBe("");
    expect(trained.stdout).toBe(
      "BCM-004（来源文件 BCM-PKG 版本 A）：已登记黄军（huangjun）、吴艳（wuyan）的培训；2026-10-28，培训人：张丽（zhangli），记录：TR-2026-041。\n" +
        "BCM-004：单独登记的培训记录 TR-2026-041（training.records）现为这次培训的记录，已从 training.records 移除。\n",
    );
    expect(trained.code).toBe(0);
    expect(readFileSync(file, "utf8")).toContain(
      "training:\n  required: true\n  sessions:\n    - {revision: A, date: 2026-10-28, people: [huangjun, wuyan], trainer: zhangli, record: TR-2026-041}\n",
    );
    expect(parse(readFileSync(file, "utf8")).training.records).toBeUndefined();

    // The 培训 cell of BCM-004's row: the state (黄军、吴艳 and their trainer 张丽 of the nine to train, breaker63 P1) and the
    // session, the record not again as one on its own.
    const listed = csr(["-C", copy, "list", "csr", "--format", "csv", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(listed.code, listed.stderr).toBe(0);
    const row = listed.stdout.split(/\r?\n(?=\d+,)/).find((r) => r.includes(",BCM-004,"));
    expect(row).toContain('"部分培训（已培训 3/9 人）\n2026-10-28 TR-2026-041"');
    expect(row?.match(/TR-2026-041/g)).toEqual(["TR-2026-041"]);
  });
});
