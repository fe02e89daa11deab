/**
 * A CSR addressed in a revision released to take effect later (auditor17 F10): the text that
 * addresses it is not at the place of use until its 实施日期, so the CSR is not yet addressed there
 * before that day — its status, the CSR list, the CSR matrix, csr show and csr site say
 * 待实施（<date> 实施）— and is from that day on.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, committedFixture, csrInProcess, git, tempDir, type RunResult } from "../helpers.js";

const BEFORE = "2026-11-27";
const EFFECTIVE = "2026-12-20";

interface MatrixRow {
  id: string;
  document: string;
  version: string;
  link: string;
  status: string;
}

/**
 * The CSR fixture where QP-020 A/2, released 2026-11-26 to take effect 2026-12-20, adds to its 5.3
 * the text that addresses DYA-003 (decided, until then addressed only in the draft WI-031), and
 * DYA-003 is then addressed there (the link pinned to A/2). Built once and copied for each test (builtOnce).
 */
const repository = builtOnce(async (): Promise<string> => {
  const dir = committedFixture("test/fixtures/csr/valid");
  editQp020(dir);
  expect((await releaseQp020(dir)).code).toBe(0);
  expect((await addressDya003(dir)).code).toBe(0);
  return dir;
});

/** The body of QP-020 5.3 edited, not yet released: the text that addresses DYA-003. */
function editQp020(dir: string): void {
  const file = join(dir, "documents/QP-020.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("特殊特性按顾客规定的符号标识。", "特殊特性按顾客规定的符号标识，包装使用顾客周转箱。"));
}

function releaseQp020(dir: string): Promise<RunResult> {
  return csrInProcess(["-C", dir, "release", "QP-020", "--summary", "增加周转箱要求", "--pages", "P2", "--total-pages", "2", "--prepared", "li", "--reviewed", "wang", "--approved", "zhang", "--date", "2026-11-26", "--effective", EFFECTIVE, "-y", "--include-changes"]);
}

function addressDya003(dir: string, ...more: string[]): Promise<RunResult> {
  return csrInProcess(["-C", dir, "address", "DYA-003", "QP-020", "--section", "5.3", "--date", "2026-11-26", "-y", ...more]);
}

async function matrix(dir: string, today: string): Promise<{ rows: MatrixRow[]; notes: string[] }> {
  return JSON.parse((await csrInProcess(["-C", dir, "matrix", "csr", "--today", today, "--format", "json"])).stdout) as { rows: MatrixRow[]; notes: string[] };
}

async function listStatus(dir: string, today: string, lang?: "zh-CN"): Promise<string[]> {
  return (await csrInProcess(["-C", dir, "list", "csr", "--today", today], { lang })).stdout.split("\n").filter((l) => l.startsWith("DYA-003") || l.includes("addressed in any document") || l.includes("尚未落实"))
    .map((l) => l.replace(/ {2,}/g, "  "));
}

/** A page of csr site as its text. */
function pageText(site: string, page: string): string {
  return readFileSync(join(site, page), "utf8").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

describe("a CSR addressed only in a revision not yet in force", () => {
  it("is not addressed before the 实施日期: the CSR list says decided and names it with the day", async () => {
    const dir = await repository();
    expect(await listStatus(dir, BEFORE)).toEqual([
      "DYA-003  DYA  6.3  8.5.4  包装须使用顾客周转箱  2026-12-04  decided",
      "Not yet addressed in any document: DYA-003 (WI-031 not released yet, QP-020 A/2 takes effect 2026-12-20)",
    ]);
    expect(await listStatus(dir, BEFORE, "zh-CN")).toEqual([
      "DYA-003  DYA  6.3  8.5.4  包装须使用顾客周转箱  2026-12-04  已决定",
      "尚未落实到文件的要求：DYA-003（WI-031 尚未发布、QP-020 A/2 2026-12-20 实施）",
    ]);
  });

  it("the CSR matrix marks the place 待实施 with its day and does not count it", async () => {
    const dir = await repository();
    const { rows, notes } = await matrix(dir, BEFORE);
    expect(rows.filter((r) => r.id === "DYA-003").map(({ document, version, link, status }) => ({ document, version, link, status }))).toEqual([
      { document: "WI-031", version: "draft", link: "unconfirmed", status: "decided" },
      { document: "QP-020", version: "A/1; A/2 not yet in force (from 2026-12-20)", link: "confirmed; not yet in force (from 2026-12-20); not counted yet", status: "decided" },
    ]);
    expect(notes).toContain("Not yet addressed in any document: DYA-003 (WI-031 not released yet, QP-020 A/2 takes effect 2026-12-20)");
    const zh = (await csrInProcess(["-C", dir, "matrix", "csr", "--today", BEFORE, "--format", "csv"], { lang: "zh-CN" })).stdout.split("\n");
    expect(zh.find((l) => l.startsWith("DYA-003") && l.includes("QP-020"))).toContain(",5.3 特殊特性,A/1；A/2 待实施（2026-12-20 实施）,特殊特性管理程序,已确认；待实施（2026-12-20 实施），不计入落实,,,,,已决定,");
  });

  it("the CSR list's 落实文件 gives each place's version and link state as the matrix does; csr import --as csr reads the places back without them, and says so (tester55 C6)", async () => {
    const dir = await repository();
    const list = join(tempDir(), "list.csv");
    expect((await csrInProcess(["-C", dir, "list", "csr", "--today", BEFORE, "--format", "csv", "--out", list], { lang: "zh-CN" })).code).toBe(0);
    const cell = "WI-031 草稿 5.2 标识\nQP-020 A/1；A/2 待实施（2026-12-20 实施） 5.3 特殊特性（已确认；待实施（2026-12-20 实施），不计入落实）";
    expect(readFileSync(list, "utf8")).toContain(`"${cell}"`);
    const copy = committedFixture("test/fixtures/csr/valid");
    editQp020(copy);
    expect((await releaseQp020(copy)).code).toBe(0);
    rmSync(join(copy, "csr"), { recursive: true });
    const imported = await csrInProcess(["-C", copy, "import", list, "--as", "csr", "--today", BEFORE], { lang: "zh-CN" });
    expect(imported.stdout.split("\n").filter((l) => l.includes("“落实文件”") && l.endsWith("（第 4 行）"))).toEqual([
      "  “落实文件”中的 'WI-031 草稿 5.2 标识' → WI-031 5.2 标识（版本和链接状态由 csr 按文件得出，不导入）（第 4 行）",
      "  “落实文件”中的 'QP-020 A/1；A/2 待实施（2026-12-20 实施） 5.3 特殊特性（已确认；待实施（2026-12-20 实施），不计入落实）' → QP-020 5.3 特殊特性（版本和链接状态由 csr 按文件得出，不导入）（第 4 行）",
    ]);
    expect(readFileSync(join(copy, "csr/DYA/DYA-003.yaml"), "utf8")).toContain("addressed:\n  - document: WI-031\n    section: 5.2 标识\n  - document: QP-020\n    section: 5.3 特殊特性\n");
  });

  it("csr show and csr site say so too", async () => {
    const dir = await repository();
    const lines = (await csrInProcess(["-C", dir, "show", "DYA-003", "--today", BEFORE])).stdout.split("\n").map((l) => l.trim());
    expect(lines.filter((l) => l.includes("QP-020") || l.startsWith("Status"))).toEqual([
      "Status          decided",
      "QP-020 特殊特性管理程序 A/2 (not yet in force, from 2026-12-20; not counted yet), section 5.3 特殊特性",
      // Where the document stands, from the CSR (tester77 E8).
      "Addressing now  QP-020 A/2: released 2026-11-26, approved by 张伟, in force from 2026-12-20; no controlled copy issued",
    ]);
    const json = JSON.parse((await csrInProcess(["-C", dir, "show", "DYA-003", "--today", BEFORE, "--format", "json"])).stdout) as { status: string; addressed: { document: string; pending: unknown }[] };
    expect([json.status, json.addressed.map((a) => [a.document, a.pending])]).toEqual(["decided", [["WI-031", null], ["QP-020", { version: "A/2", date: EFFECTIVE }]]]);
    const site = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", site, "--today", BEFORE], { lang: "zh-CN" })).code).toBe(0);
    expect(pageText(site, "csr/DYA-003.html")).toContain("QP-020 特殊特性管理程序（A/2） 【待实施（2026-12-20 实施），不计入落实】 章节 5.3 特殊特性");
    expect(pageText(site, "documents/QP-020.html")).toContain("DYA-003 包装须使用顾客周转箱（5.3 特殊特性；A/2 待实施（2026-12-20 实施），不计入落实）");
  });

  it("a review report names the version in force that day, as the CSR matrix and csr show, on csr render and on csr site (tester49 #3)", async () => {
    const dir = await repository();
    // DYA-004 is addressed in QP-020 5.3 without a pin: A/1 addresses it until A/2 takes effect.
    const report = async (today: string) => {
      const out = tempDir();
      expect((await csrInProcess(["-C", dir, "render", "DYA-004", "--today", today, "--out", out], { lang: "zh-CN" })).code).toBe(0);
      return pageText(out, "DYA-004.review.zh-CN.html");
    };
    const onSite = async (today: string) => {
      const site = join(tempDir(), "site");
      expect((await csrInProcess(["-C", dir, "site", "--out", site, "--today", today], { lang: "zh-CN" })).code).toBe(0);
      return pageText(site, "csr/DYA-004.html");
    };
    const pending = "QP-020 特殊特性管理程序（A/1；A/2 待实施（2026-12-20 实施）） 章节 5.3 特殊特性";
    expect(await report(BEFORE)).toContain(pending);
    expect(await onSite(BEFORE)).toContain(pending);
    // The day before A/2 was released, and from its 实施日期 on.
    // No record dates the link, and QP-020 was revised since: counted as recorded now, and said (tester52 D3).
    expect(await onSite("2026-11-25")).toContain("QP-020 特殊特性管理程序（A/1） 【无法确定 2026-11-25 当日已落实，按现在的记录计入】 章节 5.3 特殊特性");
    expect(await report(EFFECTIVE)).toContain("QP-020 特殊特性管理程序（A/2） 章节 5.3 特殊特性");
  });

  it("is addressed from the 实施日期 on", async () => {
    const dir = await repository();
    expect(await listStatus(dir, EFFECTIVE)).toEqual(["DYA-003  DYA  6.3  8.5.4  包装须使用顾客周转箱  2026-12-04  addressed"]);
    const { rows, notes } = await matrix(dir, EFFECTIVE);
    expect(rows.filter((r) => r.id === "DYA-003").map(({ document, version, link, status }) => ({ document, version, link, status }))).toEqual([
      { document: "WI-031", version: "draft", link: "unconfirmed", status: "addressed" },
      { document: "QP-020", version: "A/2", link: "confirmed", status: "addressed" },
    ]);
    expect(notes.filter((n) => n.includes("DYA-003"))).toEqual([]);
  });

  it("a link made against the revision in force still counts while the next one is pending", async () => {
    const dir = await repository();
    // DYA-004 was addressed in QP-020 5.3 before A/2 (no pin: which revision it was made against is not recorded).
    expect((await matrix(dir, BEFORE)).rows.filter((r) => r.id === "DYA-004").map(({ link, status }) => ({ link, status }))).toEqual([{ link: "unconfirmed", status: "addressed" }]);
  });

  it("is the same when the link was made against the edited text before the release: csr release moves its pin to the new revision (tester18 F14)", async () => {
    const releasedFirst = await repository();
    const addressedFirst = committedFixture("test/fixtures/csr/valid");
    editQp020(addressedFirst);
    expect((await addressDya003(addressedFirst)).stdout).toBe("DYA-003: addressed in QP-020 5.3 特殊特性.\nWrote csr/DYA/DYA-003.yaml; not committed (git commit it, or run with --commit).\n");
    const released = await releaseQp020(addressedFirst);
    expect(released.stdout.split("\n").slice(3, 5)).toEqual([
      // csr address left its change uncommitted: a change of its links to QP-020 only, which the release commits, and says so (tester23 F18).
      "The uncommitted changes of csr/DYA/DYA-003.yaml are to its links to QP-020 only: committed with the release.",
      "The link of DYA-003 to QP-020 was made against the text released now: re-pinned from A/1 to A/2, which addresses it only once it takes effect on 2026-12-20.",
    ]);
    expect(git(addressedFirst, ["status", "--porcelain"])).toBe("");
    expect(git(addressedFirst, ["show", "--name-only", "--format=%s", "HEAD"])).toBe("release QP-020 A/2: 增加周转箱要求\n\ncsr/DYA/DYA-003.yaml\ndocuments/QP-020.yaml\n");
    const file = (dir: string) => readFileSync(join(dir, "csr/DYA/DYA-003.yaml"), "utf8");
    expect(file(addressedFirst)).toContain("      revision: A/2\n");
    expect(file(addressedFirst)).toBe(file(releasedFirst));
    for (const today of [BEFORE, EFFECTIVE]) {
      expect(await listStatus(addressedFirst, today)).toEqual(await listStatus(releasedFirst, today));
      expect(await matrix(addressedFirst, today)).toEqual(await matrix(releasedFirst, today));
    }
    expect(await listStatus(addressedFirst, BEFORE, "zh-CN")).toEqual([
      "DYA-003  DYA  6.3  8.5.4  包装须使用顾客周转箱  2026-12-04  已决定",
      "尚未落实到文件的要求：DYA-003（WI-031 尚未发布、QP-020 A/2 2026-12-20 实施）",
    ]);
  });

  it("a link made while the document is being revised, to text only its draft has, does not count until that text is released (tester56 D2)", async () => {
    const dir = committedFixture("test/fixtures/csr/valid");
    expect((await csrInProcess(["-C", dir, "submit", "QP-020", "--by", "li", "--date", "2026-11-25", "-y", "--commit"])).code).toBe(0);
    editQp020(dir);
    git(dir, ["commit", "-qam", "QP-020 修订稿"]);
    const linked = await csrInProcess(["-C", dir, "address", "DYA-003", "QP-020", "--section", "5.3", "--date", "2026-11-26", "-y", "--commit"], { lang: "zh-CN" });
    expect(linked.stdout.split("\n").slice(0, 2)).toEqual([
      "DYA-003：已在 QP-020 5.3 特殊特性 中落实。",
      "QP-020 第 5.3 特殊特性 节 的这段内容只在 QP-020 的修订稿中（2026-11-25 起修订中），现行的 A/1 版没有：DYA-003 在修订版发布并实施后才算落实到文件，在此之前不计入落实。",
    ]);
    expect(readFileSync(join(dir, "csr/DYA/DYA-003.yaml"), "utf8")).toContain("      revision: A/1\n      section:");
    expect(readFileSync(join(dir, "csr/DYA/DYA-003.yaml"), "utf8")).toContain("      draft: true\n");
    expect(await listStatus(dir, BEFORE, "zh-CN")).toEqual([
      "DYA-003  DYA  6.3  8.5.4  包装须使用顾客周转箱  2026-12-04  已决定",
      "尚未落实到文件的要求：DYA-003（WI-031 尚未发布、QP-020 落实于修订稿，待发布）",
    ]);
    expect((await matrix(dir, BEFORE)).rows.filter((r) => r.id === "DYA-003" && r.document === "QP-020").map(({ link, status }) => ({ link, status }))).toEqual([
      { link: "confirmed; addressed in the draft (linked 2026-11-26), to be released; A/1 in force not counted", status: "decided" },
    ]);
    const shown = (await csrInProcess(["-C", dir, "show", "DYA-003", "--today", BEFORE], { lang: "zh-CN" })).stdout;
    expect(shown).toContain("QP-020 特殊特性管理程序 A/1（已发布）（落实于修订稿（2026-11-26 链接），待发布；现行 A/1 没有该内容，不计入落实）");
    // Released, the pin moves to the revision that has the text, and the mark goes.
    expect((await releaseQp020(dir)).code).toBe(0);
    const pinned = readFileSync(join(dir, "csr/DYA/DYA-003.yaml"), "utf8");
    expect(pinned).toContain("      revision: A/2\n");
    expect(pinned).not.toContain("draft");
    expect((await matrix(dir, EFFECTIVE)).rows.filter((r) => r.id === "DYA-003" && r.document === "QP-020").map(({ status }) => status)).toEqual(["addressed"]);
  });

  it("a link made against a draft is pinned to its first revision when that is released, and a later change of the place names that version (tester23 F1)", async () => {
    const dir = committedFixture("test/fixtures/csr/valid");
    const file = join(dir, "documents/WI-031.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("      - title: 准备\n      - title: 标识\n", "      - title: 准备\n        text: 领取周转箱。\n      - title: 标识\n        text: 按顾客规定标识。\n"));
    git(dir, ["commit", "-qam", "WI-031 起草"]);
    expect((await csrInProcess(["-C", dir, "address", "DYA-001", "WI-031", "--section", "5.2", "--date", "2026-11-26", "-y", "--commit"])).code).toBe(0);
    const release = (summary: string, date: string) =>
      csrInProcess(["-C", dir, "release", "WI-031", "--summary", summary, "--prepared", "li", "--reviewed", "wang", "--approved", "zhang", "--date", date, "-y", "--include-changes"]);
    const first = await release("首次发布", "2026-11-26");
    expect(first.stdout.split("\n")[1]).toBe("The link of DYA-001 to WI-031 was made against the draft released now: pinned to A/0.");
    expect(readFileSync(join(dir, "csr/DYA/DYA-001.yaml"), "utf8")).toMatch(/  - document: WI-031\n    section: 5\.2 标识\n    pin:\n(      \w+: .*\n)*      revision: A\/0\n/);
    // Committed with the release, as a link committed before it.
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"])).toBe("release WI-031 A/0: 首次发布\n\ncsr/DYA/DYA-001.yaml\ndocuments/WI-031.yaml\n");
    writeFileSync(file, readFileSync(file, "utf8").replace("按顾客规定标识。", "按顾客规定标识，每箱贴顾客标签。"));
    expect((await release("增加标签要求", "2026-11-27")).stdout).toContain("where DYA-001 is addressed (the link was confirmed on 2026-11-26, against A/0).");
  });

  it("a link made against a draft whose text is then written is pinned at the first release to the text it approves, with no suspect warning; csr address says so (tester64 N12)", async () => {
    const dir = committedFixture("test/fixtures/csr/valid");
    const file = join(dir, "documents/WI-031.yaml");
    const linked = await csrInProcess(["-C", dir, "address", "DYA-001", "WI-031", "--section", "5.2", "--date", "2026-11-26", "-y", "--commit"], { lang: "zh-CN" });
    expect(linked.stdout.split("\n").slice(0, 2)).toEqual([
      "DYA-001：已在 WI-031 5.2 标识 中落实。",
      "WI-031 的状态是“草稿”，从未发布；发布后该 CSR 才算已落实，首次发布时该链接固定到发布的文本（届时无需再确认）。",
    ]);
    const before = readFileSync(join(dir, "csr/DYA/DYA-001.yaml"), "utf8");
    // The section's text is written after the link was made.
    writeFileSync(file, readFileSync(file, "utf8").replace("      - title: 准备\n      - title: 标识\n", "      - title: 准备\n        text: 领取周转箱。\n      - title: 标识\n        text: 按顾客规定标识。\n"));
    const first = await csrInProcess(["-C", dir, "release", "WI-031", "--summary", "首次发布", "--prepared", "li", "--reviewed", "wang", "--approved", "zhang", "--date", "2026-11-26", "-y", "--include-changes"]);
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain("Warning");
    expect(first.stdout.split("\n")[1]).toBe("The link of DYA-001 to WI-031 was made against the draft released now: pinned to A/0.");
    const after = readFileSync(join(dir, "csr/DYA/DYA-001.yaml"), "utf8");
    const pinOf = (text: string) => /  - document: WI-031\n    section: 5\.2 标识\n    pin:\n((?:      \w+: .*\n)*)/.exec(text)?.[1];
    expect(pinOf(after)).toMatch(/      revision: A\/0\n/);
    // The section fingerprint is the released text's, not the empty draft's it was made against.
    const sectionOf = (text: string) => /      section: (\w+)\n/.exec(pinOf(text) ?? "")?.[1];
    expect(sectionOf(before)).toMatch(/^[0-9a-f]{12}$/);
    expect(sectionOf(after)).toMatch(/^[0-9a-f]{12}$/);
    expect(sectionOf(after)).not.toBe(sectionOf(before));
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect((await csrInProcess(["-C", dir, "check", "--today", BEFORE])).stdout).not.toContain("suspect-link");
  });

  it("a link committed before the release has its new pin committed with the release; one to text the revision in force had stays with it", async () => {
    const dir = committedFixture("test/fixtures/csr/valid");
    // DYA-001 is linked to QP-020 5.3 as A/1 has it, before the edit.
    expect((await csrInProcess(["-C", dir, "address", "DYA-001", "QP-020", "--section", "5.3", "--date", "2026-11-26", "-y", "--commit"])).code).toBe(0);
    editQp020(dir);
    expect((await addressDya003(dir, "--commit")).code).toBe(0);
    const released = await releaseQp020(dir);
    expect(released.stdout.split("\n").slice(3, 5)).toEqual([
      "The link of DYA-003 to QP-020 was made against the text released now: re-pinned from A/1 to A/2, which addresses it only once it takes effect on 2026-12-20.",
      "Warning: QP-020 A/2 changed section 5.3 特殊特性 of QP-020, where DYA-001 is addressed (the link was confirmed on 2026-11-26, against A/1). Check that it still addresses the requirement, then run 'csr address --confirm DYA-001 QP-020 --section \"5.3 特殊特性\" --by zhang'; if it no longer does, point 'addressed' at the section that does with 'csr address DYA-001 <document> --section <section> --by zhang' and remove this one with 'csr address DYA-001 QP-020 --section \"5.3 特殊特性\" --remove'.",
    ]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"])).toBe("release QP-020 A/2: 增加周转箱要求\n\ncsr/DYA/DYA-003.yaml\ndocuments/QP-020.yaml\n");
    expect(readFileSync(join(dir, "csr/DYA/DYA-001.yaml"), "utf8")).toContain("      revision: A/1\n");
  });

  it("a link confirmed against the pending revision, as the release advises, still counts through the revision in force until the new one takes effect (tester20 F18)", async () => {
    const dir = committedFixture("test/fixtures/csr/valid");
    // DYA-004 (decided) is addressed in QP-020 5.3, confirmed against A/1; A/2 changes 5.3 and takes effect later; the release asks for a confirmation.
    expect((await csrInProcess(["-C", dir, "address", "--confirm", "DYA-004", "QP-020", "--by", "zhang", "--date", "2026-11-26", "-y", "--commit"])).code).toBe(0);
    editQp020(dir);
    expect((await releaseQp020(dir)).stdout).toContain("'csr address --confirm DYA-004 QP-020 --section \"5.3\" --by zhang'");
    expect(await csrInProcess(["-C", dir, "address", "--confirm", "DYA-004", "QP-020", "--section", "5.3", "--by", "zhang", "--date", BEFORE, "-y"], { lang: "zh-CN" })).toEqual({
      code: 0,
      stdout:
        "已确认 QP-020 第 5.3 节 仍落实 DYA-004：张伟（zhang），2026-11-27。\n" +
        "QP-020 A/2 于 2026-12-20 实施；此前 DYA-004 仍由现行的 A/1 版落实。\n已写入 csr/DYA/DYA-004.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect(readFileSync(join(dir, "csr/DYA/DYA-004.yaml"), "utf8")).toContain("pin: {revision: A/2, previous: A/1, section: b853a5df326f, csr: d667d104f2a9, by: zhang, date: 2026-11-27, history: [{revision: A/1, section: fcde016b4350, csr: d667d104f2a9, by: zhang, date: 2026-11-26}]}}\n");
    const status = async (today: string) => (await csrInProcess(["-C", dir, "list", "csr", "--today", today])).stdout.split("\n").filter((l) => l.startsWith("DYA-004") || l.startsWith("Not yet addressed")).map((l) => l.replace(/ {2,}/g, "  "));
    expect(await status(BEFORE)).toEqual(["DYA-004  DYA  4.3  8.3.3.3/8.5.1.1  关键特性须在作业指导书中标识  2026-12-04  王强  addressed", "Not yet addressed in any document: DYA-003 (WI-031 not released yet)"]);
    expect(await status(EFFECTIVE)).toEqual(["DYA-004  DYA  4.3  8.3.3.3/8.5.1.1  关键特性须在作业指导书中标识  2026-12-04  王强  addressed", "Not yet addressed in any document: DYA-003 (WI-031 not released yet)"]);
    const show = (await csrInProcess(["-C", dir, "show", "DYA-004", "--today", BEFORE], { lang: "zh-CN" })).stdout.split("\n").map((l) => l.trim());
    expect(show.filter((l) => l.includes("QP-020"))).toEqual(["落实文件        QP-020 特殊特性管理程序 A/1；A/2 待实施（2026-12-20 实施），章节 5.3 特殊特性", "落实文件现状    QP-020 A/2：2026-11-26 发布，批准 张伟，2026-12-20 实施；未发放受控副本"]);
    // Implemented under A/1, in force: no note that it predates the document.
    expect((await csrInProcess(["-C", dir, "implement", "DYA-004", "--implemented", BEFORE, "-y"])).stdout).toBe("DYA-004: implementation recorded: status implemented, owner 王强 (wang), due 2026-12-31, implemented 2026-11-27.\nWrote csr/DYA/DYA-004.yaml; not committed (git commit it, or run with --commit).\n");
    // The pin's `previous` is valid data (schemas/csr.schema.json).
    expect((await csrInProcess(["-C", dir, "check", "--today", BEFORE])).stdout).not.toContain("DYA-004.yaml");
  });

  it("csr implement refuses a date implemented before the decision, and notes one before every place that addresses the CSR takes effect (tester18 F13)", async () => {
    const dir = await repository();
    // DYA-003, decided 2026-11-24, is addressed in the draft WI-031 and in QP-020 A/2, in force from 2026-12-20.
    expect(await csrInProcess(["-C", dir, "implement", "DYA-003", "--implemented", "2026-11-23", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --implemented 2026-11-23 is before the review decision of DYA-003 (2026-11-24), which it must follow.\n",
    });
    expect(await csrInProcess(["-C", dir, "implement", "DYA-003", "--implemented", "2026-11-26", "-y"], { lang: "zh-CN" })).toEqual({
      code: 0,
      stdout:
        "DYA-003：已登记实施情况。状态：已实施，导入生产日期：2026-11-26。\n" +
        "注意：导入生产日期 2026-11-26 早于落实该要求的文件实施（WI-031 尚未发布、QP-020 A/2 2026-12-20 实施）。请核对导入生产日期；如确在此前已按其他文件（临时作业指导书、偏差许可）导入生产，请用 'csr address DYA-003 <文件>' 登记该文件；否则 csr check 将报告 csr/implemented-before-effective。\n已写入 csr/DYA/DYA-003.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    // DYA-004's link to QP-020 records no revision: made against the first, in force.
    expect((await csrInProcess(["-C", dir, "implement", "DYA-004", "--implemented", "2026-11-26", "-y"])).stdout).toBe(
      "DYA-004: implementation recorded: status implemented, owner 王强 (wang), due 2026-12-31, implemented 2026-11-26.\nWrote csr/DYA/DYA-004.yaml; not committed (git commit it, or run with --commit).\n",
    );
  });

  it("in a round a reworded customer revision opened, a link confirmed against the pending revision counts from it, not through the one in force: csr implement notes a date before it, csr check reports it (tester58 F10)", async () => {
    const dir = committedFixture("examples/acme-auto");
    const run = async (...args: string[]) => expect((await csrInProcess(["-C", dir, ...args, "-y", "--commit"])).code).toBe(0);
    // DYA-SC C changes DYA-001's ▽ to ◆; WI-010-01 A/2 carries ◆ from 2026-12-20 and is confirmed against it.
    await run("source", "update", "DYA-SC", "--revision", "C", "--issued", "2026-09-20", "--received", "2026-09-28", "--effective", "2027-01-01");
    await run("set", "DYA-001", "--text", "东岳CC（◆）和SC（◇）特性须在图纸、DFMEA、PFMEA、控制计划和作业指导书中标注；供应商使用自有符号时须提交符号对照表经东岳SQE认可。");
    await run("review", "DYA-001", "--disposition", "must", "--by", "xuht", "--date", "2026-10-16", "--force");
    const wi = join(dir, "documents/instructions/WI-010-01.yaml");
    writeFileSync(wi, readFileSync(wi, "utf8").replace("扣压外径★：按图纸公差", "扣压外径◆：按图纸公差"));
    expect((await csrInProcess(["-C", dir, "release", "WI-010-01", "--summary", "改标◆", "--total-pages", "1", "--pages", "P1", "--prepared", "gaoyang", "--reviewed", "zhoupeng", "--approved", "zhangli", "--date", "2026-12-01", "--effective", "2026-12-20", "-y"])).code).toBe(0);
    // A/1 was written for ▽: the confirmation against A/2 does not hold the link through A/1 (no `previous`, no line saying so).
    expect(await csrInProcess(["-C", dir, "address", "--confirm", "DYA-001", "WI-010-01", "--section", "质量要求", "--by", "zhoupeng", "--date", "2026-12-04", "-y"], { lang: "zh-CN" })).toEqual({
      code: 0,
      stdout: "已确认 WI-010-01 第 质量要求 节 仍落实 DYA-001：周鹏（zhoupeng），2026-12-04。\n已写入 csr/DYA/DYA-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect(readFileSync(join(dir, "csr/DYA/DYA-001.yaml"), "utf8")).toContain("    pin:\n      revision: A/2\n      section: 6eac3af991f7\n");
    expect(await csrInProcess(["-C", dir, "implement", "DYA-001", "--due", "2026-12-31", "--evidence", "控制计划已更新", "--implemented", "2026-12-03", "-y"], { lang: "zh-CN" })).toEqual({
      code: 0,
      stdout:
        "DYA-001：已登记实施情况。状态：已实施，负责人：周鹏（zhoupeng），期限：2026-12-31，顾客实施日期：2027-01-01（DYA-SC C 版），导入生产日期：2026-12-03。\n" +
        "注意：导入生产日期 2026-12-03 早于落实该要求的文件实施（WI-010-01 A/2 2026-12-20 实施）。请核对导入生产日期；如确在此前已按其他文件（临时作业指导书、偏差许可）导入生产，请用 'csr address DYA-001 <文件>' 登记该文件；否则 csr check 将报告 csr/implemented-before-effective。\n已写入 csr/DYA/DYA-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    const check = (await csrInProcess(["-C", dir, "check", "--today", "2026-12-04"])).stdout.split("\n");
    expect(check.filter((l) => l.includes("csr/implemented-before-effective DYA"))).toEqual([
      "csr/DYA/DYA-001.yaml:80:16 warning csr/implemented-before-effective DYA-001 was implemented in production on 2026-12-03, before any document that addresses the requirement takes effect (WI-010-01 A/2 takes effect 2026-12-20): no document in force carried it yet. Check the date against the production records and correct it with 'csr implement DYA-001 --implemented <date> --amend'; if production did start earlier under another document (an interim work instruction, a deviation permit), link it with 'csr address DYA-001 <document>'.",
    ]);
    // The matrix agrees: the link waits for A/2 and does not count, so DYA-001 is not 已实施, whatever date is recorded: its other links
    // are to be confirmed for the reworded requirement (待确认落实, tester64 N5).
    const rows = (await csrInProcess(["-C", dir, "matrix", "csr", "--today", "2026-12-04", "--format", "csv"], { lang: "zh-CN" })).stdout.split("\n").filter((l) => l.startsWith("DYA-001,"));
    expect(rows.map((l) => l.split(",").slice(14, 20).concat(l.split(",").slice(24, 25)).join(","))).toEqual([
      "QP-014,5.2 符号转换,A/1,特殊特性管理程序,要求已按 C 变更（2026-09-28 起重新评审），链接待确认，不计入落实,C1、C2,待确认落实",
      "WI-010-01,3 质量要求,A/1；A/2 待实施（2026-12-20 实施）,制动软管总成扣压作业指导书,已确认；待实施（2026-12-20 实施），不计入落实,C3,待确认落实",
      "QR-014-01,,A/1,特殊特性清单,要求已按 C 变更（2026-09-28 起重新评审），链接待确认，不计入落实,C2,待确认落实",
    ]);
    // Recorded by an earlier csr (the pin keeping `previous: A/1`): the same.
    const file = join(dir, "csr/DYA/DYA-001.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("      revision: A/2\n      section: 6eac3af991f7\n", "      revision: A/2\n      previous: A/1\n      section: 6eac3af991f7\n"));
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-12-04"])).stdout).toContain("csr/DYA/DYA-001.yaml:81:16 warning csr/implemented-before-effective DYA-001 was implemented in production on 2026-12-03, before any document that addresses the requirement takes effect (WI-010-01 A/2 takes effect 2026-12-20)");
  });

  it("a link confirmed again after the next revision keeps its earlier confirmation: addressed from the first revision so confirmed, and compared with the pin of the day on a past day's matrix (tester54a A12)", async () => {
    const dir = committedFixture("test/fixtures/csr/valid");
    // DYA-003 (decided 2026-11-24) only in QP-020: A/2 in force from 11-27 adds 5.3's text and is linked on 11-25; A/3 changes 5.3 again on 11-30, confirmed that day.
    expect((await csrInProcess(["-C", dir, "address", "--remove", "DYA-003", "WI-031", "-y", "--commit"])).code).toBe(0);
    editQp020(dir);
    const release = (date: string, ...effective: string[]) => csrInProcess(["-C", dir, "release", "QP-020", "--summary", "5.3 修改", "--pages", "P2", "--total-pages", "2", "--prepared", "li", "--reviewed", "wang", "--approved", "zhang", "--date", date, ...effective, "-y", "--include-changes"]);
    expect((await release("2026-11-25", "--effective", "2026-11-27")).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "address", "DYA-003", "QP-020", "--section", "5.3", "--by", "zhang", "--date", "2026-11-25", "-y", "--commit"])).code).toBe(0);
    const file = join(dir, "documents/QP-020.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("包装使用顾客周转箱。", "包装使用顾客周转箱，周转箱按顾客要求清洗。"));
    expect((await release("2026-11-30")).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "address", "--confirm", "DYA-003", "QP-020", "--section", "5.3", "--by", "zhang", "--date", "2026-11-30", "-y", "--commit"])).code).toBe(0);
    // The confirmation replaced is kept.
    expect(readFileSync(join(dir, "csr/DYA/DYA-003.yaml"), "utf8").split("addressed:\n")[1]).toBe(
      "  - document: QP-020\n    section: 5.3 特殊特性\n    pin:\n      revision: A/3\n      section: e384287cc48b\n      csr: f553c204b289\n      by: zhang\n      date: 2026-11-30\n" +
        "      history:\n        - revision: A/2\n          section: b853a5df326f\n          csr: f553c204b289\n          by: zhang\n          date: 2026-11-25\n",
    );
    const link = async (today: string) => (await csrInProcess(["-C", dir, "matrix", "csr", "--today", today, "--format", "csv"], { lang: "zh-CN" })).stdout.split("\n").find((l) => l.startsWith("DYA-003"));
    // On 11-28 A/2 was in force and confirmed: not 可疑 against A/3's pin, nor addressed only from A/3.
    expect(await link("2026-11-28")).toContain(",5.3 特殊特性,A/2,特殊特性管理程序,已确认,");
    expect(await link("2026-11-26")).toContain(",5.3 特殊特性,A/1；A/2 待实施（2026-11-27 实施）,特殊特性管理程序,已确认；待实施（2026-11-27 实施），不计入落实,");
    expect(await link("2026-11-30")).toContain(",5.3 特殊特性,A/3,特殊特性管理程序,已确认,");
    // Implemented under A/2: no note; before A/2 took effect: the note names A/2, not A/3.
    expect((await csrInProcess(["-C", dir, "implement", "DYA-003", "--implemented", "2026-11-28", "-y"])).stdout).toBe("DYA-003: implementation recorded: status implemented, implemented 2026-11-28.\nWrote csr/DYA/DYA-003.yaml; not committed (git commit it, or run with --commit).\n");
    expect((await csrInProcess(["-C", dir, "implement", "DYA-003", "--implemented", "2026-11-26", "--amend", "-y"], { lang: "zh-CN" })).stdout.split("\n").at(-3)).toBe(
      "注意：导入生产日期 2026-11-26 早于落实该要求的文件实施（QP-020 A/2 2026-11-27 实施）。请核对导入生产日期；如确在此前已按其他文件（临时作业指导书、偏差许可）导入生产，请用 'csr address DYA-003 <文件>' 登记该文件；否则 csr check 将报告 csr/implemented-before-effective。",
    );
    // csr check says it too (tester58 F10), and nothing else of DYA-003.
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-11-30"])).stdout.split("\n").filter((l) => l.includes("DYA-003.yaml:"))).toEqual([
      "csr/DYA/DYA-003.yaml:29:16 warning csr/implemented-before-effective DYA-003 was implemented in production on 2026-11-26, before any document that addresses the requirement takes effect (QP-020 A/2 takes effect 2026-11-27): no document in force carried it yet. Check the date against the production records and correct it with 'csr implement DYA-003 --implemented <date> --amend'; if production did start earlier under another document (an interim work instruction, a deviation permit), link it with 'csr address DYA-003 <document>'.",
    ]);
  });

  it("csr show names the revision in force and the pending one as the CSR matrix does, not the pending one as released (tester18 F6)", async () => {
    const dir = await repository();
    const place = async (today: string, lang?: "zh-CN") => (await csrInProcess(["-C", dir, "show", "DYA-004", "--today", today], { lang })).stdout.split("\n").map((l) => l.trim()).filter((l) => l.includes("QP-020"));
    expect(await place(BEFORE)).toEqual(["Addressed in    QP-020 特殊特性管理程序 A/1; A/2 not yet in force (from 2026-12-20), section 5.3 特殊特性", "Addressing now  QP-020 A/2: released 2026-11-26, approved by 张伟, in force from 2026-12-20; no controlled copy issued"]);
    expect(await place(BEFORE, "zh-CN")).toEqual(["落实文件        QP-020 特殊特性管理程序 A/1；A/2 待实施（2026-12-20 实施），章节 5.3 特殊特性", "落实文件现状    QP-020 A/2：2026-11-26 发布，批准 张伟，2026-12-20 实施；未发放受控副本"]);
    expect(await place(EFFECTIVE, "zh-CN")).toEqual(["落实文件        QP-020 特殊特性管理程序 A/2（已发布），章节 5.3 特殊特性", "落实文件现状    QP-020 A/2：2026-11-26 发布，批准 张伟，2026-12-20 实施；未发放受控副本"]);
  });
});
