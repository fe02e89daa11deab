/**
 * External documents (外来文件): a standard or a customer's document is registered when received
 * (csr new external), keeps its publisher's number as written (spaces and '/' included), is
 * controlled from the day received without a release of the organisation's, and is distributed
 * and recalled by its edition. A small repository in a real temporary git repository.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { releaseTag } from "../../src/commands/release/index.js";
import { checkJsonInProcess, csrInProcess, git, gitInit, minimalRepo, tempDir } from "../helpers.js";

/** minimalRepo with an external numbering: `*` alone, the publisher's number (csr init writes it). */
function repo(pattern = '"*"'): string {
  const dir = minimalRepo();
  const qms = readFileSync(join(dir, "qms.yaml"), "utf8");
  writeFileSync(join(dir, "qms.yaml"), qms.replace("numbering:\n", `numbering:\n  - kind: external\n    pattern: ${pattern}\n`));
  return gitInit(dir);
}

const findings = async (dir: string, ...args: string[]) => (await checkJsonInProcess(dir, ...args)).findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.message}`);

describe("csr new external", () => {
  it("registers a standard under its own number, controlled from the day received, and says how it is kept", async () => {
    const dir = repo();
    const result = await csrInProcess([
      "-C", dir, "new", "external", "--number", "GB/T 19001-2016", "--title", "质量管理体系 要求",
      "--publisher", "国家市场监督管理总局", "--issued", "2016-12-29", "--received", "2026-11-02", "--department", "QA", "-y", "--commit",
    ]);
    expect(result.stderr).toBe("");
    expect(result.stdout.replace(/[0-9a-f]{7}/, "<commit>")).toBe(
      [
        "Registered the external document GB/T 19001-2016 质量管理体系 要求 (documents/GB_T 19001-2016.yaml), kept by 品质部, received on 2026-11-02 and controlled from that day.",
        "An external document is written and approved by its publisher: it has no body to write and is not released with csr release; it is listed in the external document list (csr list external). Hand out controlled copies with csr distribute \"GB/T 19001-2016\" --to …; when the publisher issues a new edition, record it with csr set \"GB/T 19001-2016\" --edition … --received …, and the copies of the old one are due back (csr recall \"GB/T 19001-2016\").",
        "Committed <commit>: csr new external GB/T 19001-2016: 质量管理体系 要求",
        "",
      ].join("\n"),
    );
    expect(readFileSync(join(dir, "documents/GB_T 19001-2016.yaml"), "utf8")).toBe(
      [
        "id: GB/T 19001-2016",
        "title: 质量管理体系 要求",
        "level: 3",
        "kind: external",
        "department: QA",
        "status: released",
        "external:",
        "  publisher: 国家市场监督管理总局",
        '  revision: "2016"',
        "  issued: 2016-12-29",
        "  received: 2026-11-02",
        "",
      ].join("\n"),
    );
    expect(await findings(dir, "--today", "2026-11-30")).toEqual([]);

    const list = await csrInProcess(["-C", dir, "list", "external", "--format", "csv"], { lang: null });
    expect(list.stdout.split("\r\n")[1]).toBe("1,国家标准,GB/T 19001-2016,质量管理体系 要求,国家市场监督管理总局,\"=\"\"2016\"\"\",2016-12-29,,2026-11-02,现行,品质部");

    // Printed as what it is: the publisher's data and our receipt and stamp, no header block, signatures or revision record of ours.
    expect((await csrInProcess(["-C", dir, "render", "GB/T 19001-2016", "--format", "md", "--out", "out"], { lang: null })).code).toBe(0);
    expect(readFileSync(join(dir, "out", "GB_T 19001-2016.zh-CN.md"), "utf8")).toBe(
      [
        "**【外来文件 非受控】**",
        "",
        "> **非受控 仅供参考：本打印件不是受控副本，未登记在文件发放/回收记录中；受控副本是加盖“受控”章、注明受控号并登记发放的编号副本（csr render GB/T 19001-2016 --copy N）。**",
        "",
        "受控单位：测试汽车零部件有限公司",
        "",
        "# 质量管理体系 要求",
        "",
        "| 文件编号 | GB/T 19001-2016 | 版本（发布方） | 2016 |",
        "| --- | --- | --- | --- |",
        "| 发布单位 | 国家市场监督管理总局 |  |  |",
        "| 发布日期 | 2016-12-29 | 接收日期 | 2026-11-02 |",
        "| 保管部门 | 品质部 | 受控号 |  |",
        "",
        "本文件为外来文件，由发布单位编写和批准；本单位自接收之日起登记受控（外来文件清单），不另行编制、审核、批准。",
        "",
        // Lent and copied no more than one of ours: csr's default notice, as qms.yaml sets none, without 受控 on a print that is no controlled copy (tester67a A6), naming it an external document, not ours.
        "> 本文件为外来文件，未经许可不得外借、复印。",
        "",
      ].join("\n"),
    );
    expect((await csrInProcess(["-C", dir, "render", "GB/T 19001-2016", "--format", "html", "--out", "out", "--lang", "en"])).code).toBe(0);
    const html = readFileSync(join(dir, "out", "GB_T 19001-2016.en.html"), "utf8");
    expect(html).toContain('<div class="stamp stamp-external-uncontrolled">EXTERNAL · UNCONTROLLED</div>');
    expect(html).toContain("<tr><th>Publisher</th><td colspan=\"3\">国家市场监督管理总局</td></tr>");
    expect(html).not.toMatch(/Prepared|Revision record|class="signature"/);

    // Refused before it asks for the signers it would not take.
    const release = await csrInProcess(["-C", dir, "release", "GB/T 19001-2016"]);
    expect([release.code, release.stdout, release.stderr]).toEqual([
      2,
      "",
      "csr: GB/T 19001-2016 is an external document: written and approved by its publisher, it is not released by the organisation, and no preparation, review or approval is recorded for it.\n" +
        "hint: An external document is registered as controlled when it is received (csr new external --number … --received …). When its publisher issues a new edition under the same number, record it with csr set \"GB/T 19001-2016\" --edition … --issued … --received …, hand out the new edition with csr distribute \"GB/T 19001-2016\" and take the old copies back with csr recall \"GB/T 19001-2016\"; a new standard with another number is registered on its own and the old one withdrawn (csr obsolete \"GB/T 19001-2016\" --superseded-by …).\n",
    ]);
  });

  it("needs the publisher's number, takes the receipt flags for external documents only, and dates the receipt after the issue", async () => {
    const dir = repo();
    const refused = async (...args: string[]) => {
      const result = await csrInProcess(["-C", dir, "new", ...args, "--title", "标准", "--department", "QA", "-y"]);
      return [result.code, result.stderr];
    };
    expect(await refused("external")).toEqual([2, "csr: An external document keeps its publisher's number: give it with --number, e.g. --number \"GB/T 19001-2016\".\n"]);
    expect(await refused("procedure", "--publisher", "国家标准化管理委员会")).toEqual([2, "csr: --publisher describes a received external document (csr new external); procedure documents have none.\n"]);
    expect(await refused("external", "--number", "GJB 9001C-2017", "--issued", "2017-05-18", "--received", "2017-05-01")).toEqual([
      2,
      "csr: --received 2017-05-01 is before its issue by the publisher of GJB 9001C-2017 (2017-05-18), which it must follow.\n",
    ]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("refuses a publisher's number where the company numbers its external documents, naming the pattern that takes any", async () => {
    const dir = repo("WB-###");
    const result = await csrInProcess(["-C", dir, "new", "external", "--number", "GJB 9001C-2017", "--title", "质量管理体系要求", "--received", "2026-11-02", "--department", "QA", "-y"]);
    expect([result.code, result.stderr]).toEqual([
      2,
      "csr: Nothing was written: the result would not pass 'csr check':\n" +
        "  documents/GJB 9001C-2017.yaml:1:5 id/number-pattern The number 'GJB 9001C-2017' fits none of the external numbering patterns in qms.yaml (WB-###). When external documents keep their publisher's numbers (e.g. GB/T 19001-2016), add {kind: external, pattern: \"*\"} with csr numbering add \"*\" --kind external.\n",
    ]);
  });
});

describe("csr numbering add '*'", () => {
  it("lets external documents keep their publisher's numbers beside the company's own family", async () => {
    const dir = repo("WB-###");
    const added = await csrInProcess(["-C", dir, "numbering", "add", "*", "--kind", "external", "-y"]);
    expect([added.code, added.stdout, added.stderr]).toEqual([
      0,
      "Added the external numbering pattern * to qms.yaml.\nRegister a new document with 'csr new external --number …', the number as its publisher writes it, e.g. --number \"GB/T 19001-2016\".\nWrote qms.yaml; not committed (git commit it, or run with --commit).\n",
      "",
    ]);
    expect(readFileSync(join(dir, "qms.yaml"), "utf8")).toContain("  - kind: external\n    pattern: WB-###\n  - kind: external\n    pattern: \"*\"\n");
    const registered = await csrInProcess(["-C", dir, "new", "external", "--number", "GJB 9001C-2017", "--title", "质量管理体系要求", "--received", "2026-11-02", "--department", "QA", "-y"]);
    expect([registered.code, registered.stderr]).toEqual([0, ""]);
    // A number with a two-digit year (GJB 190-86) is of that year's edition; one that ends in its edition is named once.
    await csrInProcess(["-C", dir, "new", "external", "--number", "GJB 190-86", "--title", "特性分类", "--received", "2026-11-02", "--department", "QA", "-y"]);
    expect(readFileSync(join(dir, "documents/GJB 190-86.yaml"), "utf8")).toContain("  revision: \"1986\"\n");
    expect((await csrInProcess(["-C", dir, "distribute", "GJB 9001C-2017", "--to", "QA", "--date", "2026-11-03", "-y"])).stdout.split("\n")[0]).toBe(
      "GJB 9001C-2017: 1 controlled copy handed out on 2026-11-03:",
    );
    // Registered without --commit: the withdrawal's commit would hold the registration too, so it is refused until that is committed.
    const uncommitted = await csrInProcess(["-C", dir, "obsolete", "GJB 190-86", "--reason", "被代替", "--date", "2026-11-04", "-y"]);
    expect([uncommitted.code, uncommitted.stdout, uncommitted.stderr]).toEqual([
      2,
      "",
      "csr: documents/GJB 190-86.yaml has never been committed: the withdrawal would commit its registration, distribution and withdrawal together.\nhint: Commit the file first (git add, git commit, saying what it registers), then withdraw it.\n",
    ]);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "register GJB 9001C-2017, GJB 190-86"]);
    expect((await csrInProcess(["-C", dir, "obsolete", "GJB 190-86", "--reason", "被代替", "--date", "2026-11-04", "-y"])).code).toBe(0);
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"])).toBe("obsolete GJB 190-86: 被代替\n\ndocuments/GJB 190-86.yaml\n");
    const obsolete = await csrInProcess(["-C", dir, "list", "obsolete", "--format", "csv"], { lang: null });
    expect(obsolete.stdout.split("\r\n")[1]).toBe("1,外来文件,GJB 190-86,特性分类,品质部,\"=\"\"1986\"\"\",2026-11-04,被代替,,");
  });
});

describe("an external document in force", () => {
  it("is distributed by its edition; a new edition recorded under 'external' makes the old copies due back, which is no revision", async () => {
    const dir = repo();
    await csrInProcess(["-C", dir, "new", "external", "--number", "Q/ABC 123-2020", "--title", "导线技术条件", "--revision", "B", "--received", "2026-11-02", "--department", "QA", "-y", "--commit"]);
    expect((await csrInProcess(["-C", dir, "distribute", "Q/ABC 123-2020", "--to", "MKT", "--date", "2026-11-01", "-y"])).stderr).toBe(
      "csr: --date 2026-11-01 is before the receipt of the external document of Q/ABC 123-2020 (2026-11-02), which it must follow.\n",
    );
    expect((await csrInProcess(["-C", dir, "distribute", "Q/ABC 123-2020", "--to", "MKT", "--issued-by", "zhang", "--date", "2026-11-03", "-y", "--commit"])).stdout).toMatch(
      /^Q\/ABC 123-2020 B: 1 controlled copy handed out on 2026-11-03:\n {2}copy 1 {2}市场部\nIssued by 张伟 \(zhang\)\.\nNo holder \(领用人\) recorded for copy 1 \(no --holder given\): once someone has signed for it, record them with 'csr distribute "Q\/ABC 123-2020" --copy 1 --holder <a person of 市场部>'; next time name each holder after the department as you hand copies out: --to MKT:<person> \(or --holder <person> for one department\)\.\nCommitted [0-9a-f]{7}: csr distribute Q\/ABC 123-2020 B: copies 1\n$/,
    );
    const path = join(dir, "documents/Q_ABC 123-2020.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("revision: B", "revision: C").replace("received: 2026-11-02", "received: 2026-11-16"));
    // The new edition is issued to nobody yet (doc/not-issued), and B's copy is still out.
    expect(await findings(dir, "--today", "2026-11-30", "--base", "HEAD")).toEqual([
      "documents/Q_ABC 123-2020.yaml:6 doc/not-issued Q/ABC 123-2020 C is in force since 2026-11-16, but no controlled copy of it is out and no electronic issue is recorded: as the record shows, its users (品质部, 市场部) have no version in force. Hand out paper copies with 'csr distribute \"Q/ABC 123-2020\" --to QA MKT', or record the electronic issue with 'csr distribute \"Q/ABC 123-2020\" --electronic --to QA MKT'.",
      "documents/Q_ABC 123-2020.yaml:11 doc/recall-overdue Controlled copy 1 of Q/ABC 123-2020 B (市场部) is still out: B was replaced on 2026-11-16, and copies were due back by 2026-11-23 (5 working days). Take it back and record it with 'csr recall \"Q/ABC 123-2020\" --copy 1'.",
    ]);
    expect((await csrInProcess(["-C", dir, "recall", "Q/ABC 123-2020", "--by", "li", "--received-by", "zhang", "--date", "2026-11-20", "-y"])).stdout).toBe("Q/ABC 123-2020: 1 copy taken back on 2026-11-20: 1 (B, 市场部). Handed back by 李娜 (li). Received back by 张伟 (zhang).\nNo copy is due back any more.\nWrote documents/Q_ABC 123-2020.yaml; not committed (git commit it, or run with --commit).\n");
  });

  it("records the publisher's new edition with csr set --edition: what changed, and the copies of the old one now due back", async () => {
    const dir = repo();
    await csrInProcess(["-C", dir, "new", "external", "--number", "Q/ABC 123-2020", "--title", "导线技术条件", "--revision", "B", "--issued", "2020-05-01", "--received", "2026-11-02", "--department", "QA", "-y", "--commit"]);
    await csrInProcess(["-C", dir, "distribute", "Q/ABC 123-2020", "--to", "MKT", "QA", "--issued-by", "wang", "--date", "2026-11-03", "-y", "--commit"]);
    const result = await csrInProcess(["-C", dir, "set", "Q/ABC 123-2020", "--edition", "C", "--issued", "2026-11-10", "--effective", "2026-12-01", "--received", "2026-11-16", "--commit"]);
    expect(result.stderr).toBe("");
    expect(result.stdout.replace(/[0-9a-f]{7}:/, "<commit>:")).toBe(
      [
        "Recorded edition C of the external document Q/ABC 123-2020 导线技术条件 (documents/Q_ABC 123-2020.yaml), received on 2026-11-16, in force from its effective date 2026-12-01; the edition it replaces stays in use until then:",
        "  Edition: C (was B)",
        "  Issued: 2026-11-10 (was 2020-05-01)",
        "  Effective date: 2026-12-01",
        "  Received: 2026-11-16 (was 2026-11-02)",
        "Edition B and its dates are kept under external.previous and stay on the external document list.",
        'Copies of the old edition due back within 5 working days of 2026-12-01 (by 2026-12-08): 1 (B, 市场部), 2 (B, 品质部). Take them back with csr recall "Q/ABC 123-2020" and hand out C with csr distribute "Q/ABC 123-2020" --to ….',
        "This is register data of Q/ABC 123-2020, the publisher's edition, not a revision of the organisation's.",
        "Committed <commit>: csr set Q/ABC 123-2020: edition C (was B), received 2026-11-16",
        "",
      ].join("\n"),
    );
    expect(readFileSync(join(dir, "documents/Q_ABC 123-2020.yaml"), "utf8").split("distribution:")[0]).toBe(
      "id: Q/ABC 123-2020\ntitle: 导线技术条件\nlevel: 3\nkind: external\ndepartment: QA\nstatus: released\nexternal:\n  revision: C\n  issued: 2026-11-10\n  effective: 2026-12-01\n  received: 2026-11-16\n  previous:\n    - {revision: B, issued: 2020-05-01, received: 2026-11-02}\n",
    );
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    // From its 实施日期 C is in force, and the units hold only copies of B (doc/no-copy-in-force) until they are due back (doc/recall-overdue).
    expect(await findings(dir, "--today", "2026-12-08", "--base", "HEAD~1")).toEqual([
      "documents/Q_ABC 123-2020.yaml:15 doc/no-copy-in-force Q/ABC 123-2020 C is in force since 2026-12-01, and 市场部, 品质部 held controlled copies of B but hold none of C: hand it out with 'csr distribute \"Q/ABC 123-2020\" --to MKT QA'.",
    ]);
    const due = (await findings(dir, "--today", "2026-12-09")).filter((f) => f.includes(" doc/recall-overdue "));
    expect(due).toHaveLength(2);
    expect(due.map((f) => /:1[56] doc\/recall-overdue Controlled copy [12] of Q\/ABC 123-2020 B /.test(f))).toEqual([true, true]);

    // Without 实施日期, in force from the day received; a date the new edition does not give is the old one's no more.
    const next = await csrInProcess(["-C", dir, "set", "Q/ABC 123-2020", "--edition", "D", "--received", "2026-11-20", "-y"], { lang: null });
    expect(next.stdout).toBe(
      [
        "已登记外来文件 Q/ABC 123-2020 导线技术条件 的新版 D（documents/Q_ABC 123-2020.yaml），2026-11-20 接收，自接收日起现行：",
        "  版本：D（原为 C）",
        "  发布日期：无（原为 2026-11-10）",
        "  实施日期：无（原为 2026-12-01）",
        "  接收日期：2026-11-20（原为 2026-11-16）",
        "C 版及其日期记入 external.previous，仍列在外来文件清单中。",
        '旧版受控副本自 2026-11-20 起 5 个工作日内（2026-11-27 前）回收：受控号 1（B，市场部）、受控号 2（B，品质部）。回收后用 csr recall "Q/ABC 123-2020" 登记，并用 csr distribute "Q/ABC 123-2020" --to … 发放 D。',
        "这是 Q/ABC 123-2020 的登记数据（发布方的版本），不是本公司的修订。",
        "已写入 documents/Q_ABC 123-2020.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。",
        "",
      ].join("\n"),
    );
    // Each edition replaced is appended, the earlier entries left as written.
    expect(readFileSync(join(dir, "documents/Q_ABC 123-2020.yaml"), "utf8")).toContain(
      "  previous:\n    - {revision: B, issued: 2020-05-01, received: 2026-11-02}\n    - {revision: C, issued: 2026-11-10, effective: 2026-12-01, received: 2026-11-16}\ndistribution:\n",
    );
  });

  it("keeps the edition it replaces on the list and its copies in use until the new one's 实施日期; recalling the last of them before then is warned about", async () => {
    const dir = repo();
    await csrInProcess(["-C", dir, "new", "external", "--number", "Q/ABC 123-2020", "--title", "导线技术条件", "--revision", "B", "--issued", "2020-05-01", "--received", "2026-11-02", "--department", "QA", "-y", "--commit"]);
    await csrInProcess(["-C", dir, "distribute", "Q/ABC 123-2020", "--to", "MKT", "QA", "--issued-by", "wang", "--date", "2026-11-03", "-y", "--commit"]);
    expect((await csrInProcess(["-C", dir, "set", "Q/ABC 123-2020", "--edition", "C", "--issued", "2026-11-10", "--effective", "2026-12-15", "--received", "2026-11-16", "-y", "--commit"])).code).toBe(0);
    const rows = async (what: string, today: string, columns: number[]) =>
      (await csrInProcess(["-C", dir, "list", what, "--format", "csv", "--today", today], { lang: null })).stdout.split("\r\n").slice(1, -1).map((row) => row.split(",").filter((_, i) => columns.includes(i)).join(" "));
    // Dated before C was received, the list shows B alone, as it was that day.
    expect(await rows("external", "2026-11-10", [5, 7, 8, 9])).toEqual(["B  2026-11-02 现行"]);
    expect(await rows("distribution", "2026-11-10", [3, 4, 9, 13])).toEqual(["B 1  在用", "B 2  在用"]);
    expect(await rows("external", "2026-12-14", [5, 7, 8, 9])).toEqual(["B  2026-11-02 现行（2026-12-15 起由 C 版替代）", "C 2026-12-15 2026-11-16 待实施（2026-12-15 实施）"]);
    expect(await rows("external", "2026-12-15", [5, 7, 8, 9])).toEqual(["B  2026-11-02 已被 C 版替代", "C 2026-12-15 2026-11-16 现行"]);
    expect((await csrInProcess(["-C", dir, "list", "external", "--today", "2026-12-14"], { lang: null })).stdout.trimEnd().split("\n").slice(-2)).toEqual([
      "现行 1 份；已替代的版本保留在清单中，作为接收和评审的记录。",
      "待实施 1 份：自状态栏所列日期起实施；同一编号被替代的版本在此之前仍现行，列在清单中。",
    ]);
    // Due back 5 working days after C takes effect (应回收日期).
    expect(await rows("distribution", "2026-12-14", [3, 4, 9, 13])).toEqual(["B 1 2026-12-22 在用（2026-12-15 起待回收）", "B 2 2026-12-22 在用（2026-12-15 起待回收）"]);
    expect(await rows("distribution", "2026-12-15", [3, 4, 9, 13])).toEqual(["B 1 2026-12-22 待回收", "B 2 2026-12-22 待回收"]);

    const first = await csrInProcess(["-C", dir, "recall", "Q/ABC 123-2020", "--copy", "1", "--by", "li", "--received-by", "wang", "--date", "2026-11-30", "-y", "--commit"]);
    // 市场部 is left without the edition in force until C takes effect (auditor17 F13); 品质部 still has its copy.
    expect([first.code, first.stderr]).toEqual([
      0,
      "csr: warning: no controlled copy of Q/ABC 123-2020 B is left at 市场部, but C, which replaces it, is in force only from 2026-12-15: until then there is no valid edition there.\n",
    ]);
    const last = await csrInProcess(["-C", dir, "recall", "Q/ABC 123-2020", "--copy", "2", "--by", "zhang", "--received-by", "wang", "--date", "2026-11-30", "-y", "--commit"]);
    expect([last.code, last.stderr]).toEqual([
      0,
      "csr: warning: every controlled copy of Q/ABC 123-2020 B still out has been recalled, but C, which replaces it, is in force only from 2026-12-15: until then the places of use have no valid edition.\n",
    ]);
    await csrInProcess(["-C", dir, "distribute", "Q/ABC 123-2020", "--to", "QA", "--issued-by", "wang", "--date", "2026-11-30", "-y", "--commit"]);
    expect(await rows("distribution", "2026-12-14", [3, 4, 13])).toEqual(["B 1 已回收", "B 2 已回收", "C 3 待实施（2026-12-15 实施）"]);
    expect(await rows("distribution", "2026-12-15", [3, 4, 13])).toEqual(["B 1 已回收", "B 2 已回收", "C 3 在用"]);
    expect(await findings(dir, "--today", "2026-12-14")).toEqual([]);
  });

  it("lists a customer's revision received ahead of its 实施日期 as 待实施 and the one it replaces as 现行 until then, as a standard's edition (tester54a A11)", async () => {
    const dir = minimalRepo({
      "customers/BCM.yaml": "code: BCM\nname: 北辰汽车集团有限公司\nsources:\n  - id: BCM-SQR\n    title: 北辰汽车供应商质量要求\n    revisions:\n      - { revision: V2.0, issued: 2025-08-28, received: 2025-09-08 }\n      - { revision: V3.0, issued: 2026-11-27, received: 2026-12-01, effective: 2027-03-01, supersedes: V2.0 }\n",
    });
    const list = async (today: string, ...lang: string[]) => (await csrInProcess(["-C", dir, "list", "external", "--format", "csv", "--today", today, ...lang], { lang: null })).stdout.split("\r\n");
    const rows = (lines: string[]) => lines.slice(1, -1).map((row) => row.split(",").filter((_, i) => [5, 7, 8, 9].includes(i)).join(" "));
    expect(rows(await list("2026-12-31"))).toEqual(["V2.0  2025-09-08 现行（2027-03-01 起由 V3.0 版替代）", "V3.0 2027-03-01 2026-12-01 待实施（2027-03-01 实施）"]);
    expect(rows(await list("2026-12-31", "--lang", "en"))).toEqual(["V2.0  2025-09-08 current (superseded by V3.0 from 2027-03-01)", "V3.0 2027-03-01 2026-12-01 not yet in force (from 2027-03-01)"]);
    expect((await csrInProcess(["-C", dir, "list", "external", "--today", "2026-12-31"], { lang: null })).stdout.trimEnd().split("\n").slice(-3)).toEqual([
      "现行 1 份；已替代的版本保留在清单中，作为接收和评审的记录。",
      "待实施 1 份：自状态栏所列日期起实施；同一编号被替代的版本在此之前仍现行，列在清单中。",
      // No department keeps BCM-SQR and no controlled copy of it is handed out (aud68 A13).
      "未登记保管部门、也没有发放受控副本的顾客文件 1 份（BCM-SQR）：外来文件须明确由哪个部门保管和控制（IATF 16949 7.5.3.2）。",
    ]);
    expect(rows(await list("2027-03-01"))).toEqual(["V2.0  2025-09-08 已被 V3.0 版替代", "V3.0 2027-03-01 2026-12-01 现行"]);
    // The customer's page of csr site says the same of each revision.
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", gitInit(dir), "site", "--out", out, "--today", "2026-12-31"], { lang: null })).code).toBe(0);
    expect(readFileSync(join(out, "customers/BCM.html"), "utf8").match(/<tr><td>V[23]\.0<\/td>.*?<\/tr>/g)).toEqual([
      '<tr><td>V2.0</td><td class="date">2025-08-28</td><td class="date"></td><td class="date">2025-09-08</td><td>现行（2027-03-01 起由 V3.0 版替代）</td></tr>',
      '<tr><td>V3.0</td><td class="date">2026-11-27</td><td class="date">2027-03-01</td><td class="date">2026-12-01</td><td>待实施（2027-03-01 实施）</td></tr>',
    ]);
  }, 60_000);

  it("validates the editions kept under external.previous against the schema", async () => {
    const dir = repo();
    mkdirSync(join(dir, "documents"));
    writeFileSync(
      join(dir, "documents/Q_ABC 123-2020.yaml"),
      "id: Q/ABC 123-2020\ntitle: 导线技术条件\nlevel: 3\nkind: external\ndepartment: QA\nstatus: released\nexternal:\n  revision: C\n  received: 2026-11-16\n  previous:\n    - {issued: 2020-05-01, received: 2026-11-02, until: 2026-12-15}\n",
    );
    expect(await findings(dir, "--today", "2026-11-30")).toEqual([
      "documents/Q_ABC 123-2020.yaml:11 schema/missing-field Missing required field 'revision' in 'external.previous[0]'; add it (see docs/format.md).",
      "documents/Q_ABC 123-2020.yaml:11 schema/unknown-field Unknown field 'until' in 'external.previous[0]'. Allowed fields: revision, issued, effective, received.",
    ]);
  });

  it("refuses a new edition in one line: of a document of the organisation's, without --received, received before the old edition or after today, effective before issued", async () => {
    const dir = repo();
    await csrInProcess(["-C", dir, "new", "external", "--number", "ISO 9001:2015", "--title", "Quality management systems — Requirements", "--issued", "2015-09-15", "--received", "2026-11-02", "--department", "QA", "-y", "--commit"]);
    await csrInProcess(["-C", dir, "new", "procedure", "--title", "文件控制程序", "--department", "QA", "-y", "--commit"]);
    const refused = async (...args: string[]) => {
      const result = await csrInProcess(["-C", dir, "set", ...args, "-y"]);
      return [result.code, result.stderr];
    };
    expect(await refused("QP-001", "--edition", "B", "--received", "2026-11-20")).toEqual([
      2,
      "csr: QP-001 is a procedure, not an external document: --edition, --issued, --effective and --received record a publisher's edition and its dates; a new version of the organisation's own document is released with csr release QP-001 --summary …\n",
    ]);
    expect(await refused("ISO 9001:2015", "--edition", "2026")).toEqual([2, 'csr: Give the day the new edition was received with --received (csr set "ISO 9001:2015" --edition … --received <date>): it is controlled from that day.\n']);
    expect(await refused("ISO 9001:2015", "--edition", "", "--received", "2026-11-20")).toEqual([2, 'csr: Give the publisher\'s new edition with --edition, e.g. csr set "ISO 9001:2015" --edition 2023 --received 2026-11-30.\n']);
    expect(await refused("ISO 9001:2015", "--edition", "2015", "--received", "2026-11-20")).toEqual([2, "csr: ISO 9001:2015 is of edition 2015 already: --edition gives the publisher's new one.\n"]);
    expect(await refused("ISO 9001:2015", "--edition", "2026", "--received", "2026-11-01")).toEqual([
      2,
      "csr: --received 2026-11-01 is before the receipt of the external document of ISO 9001:2015 (2026-11-02), which it must follow.\n",
    ]);
    expect((await refused("ISO 9001:2015", "--edition", "2026", "--received", "2099-01-01"))[1]).toMatch(/^csr: --received 2099-01-01 is after today/);
    expect(await refused("ISO 9001:2015", "--edition", "2026", "--issued", "2026-11-10", "--effective", "2026-11-01", "--received", "2026-11-20")).toEqual([
      2,
      "csr: --effective 2026-11-01 is before its issue by the publisher of ISO 9001:2015 (2026-11-10), which it must follow.\n",
    ]);
    expect(await refused("ISO 9001:2015", "--edition", "2026", "--received", "2026-11-20", "--add-clause", "8.5")).toEqual([
      2,
      "csr: --edition records an external document's new edition: change the other fields with a csr set of their own.\n",
    ]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("needs its date received, not an approval of the organisation's", async () => {
    const dir = repo();
    mkdirSync(join(dir, "documents"));
    writeFileSync(join(dir, "documents/GJB 9001C-2017.yaml"), "id: GJB 9001C-2017\ntitle: 质量管理体系要求\nlevel: 3\nkind: external\ndepartment: QA\nstatus: released\nexternal:\n  publisher: 中央军委装备发展部\n");
    expect(await findings(dir, "--today", "2026-11-30")).toEqual([
      "documents/GJB 9001C-2017.yaml:7 doc/approval-missing External document GJB 9001C-2017 is released (controlled) but has no date received: an external document is written and approved by its publisher and controlled from its receipt. Record it with 'csr set \"GJB 9001C-2017\" --received <date>'.",
    ]);
  });

  it("gets the date received it lacks, and a recorded date corrected with --amend, from csr set without --edition (tester20 F16)", async () => {
    const dir = repo();
    mkdirSync(join(dir, "documents"));
    const path = join(dir, "documents/GB_T 191-2008.yaml");
    writeFileSync(path, "id: GB/T 191-2008\ntitle: 包装储运图示标志\nlevel: 3\nkind: external\ndepartment: QA\nstatus: released\nexternal:\n  publisher: 国家质检总局\n  revision: \"2008\"\n  issued: 2008-04-01\n");
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "register imported without its date received"]);
    const set = (...args: string[]) => csrInProcess(["-C", dir, "set", "GB/T 191-2008", ...args], { lang: null });

    const added = await set("--received", "2017-03-01", "--commit");
    expect([added.code, added.stderr, added.stdout.replace(/[0-9a-f]{7}：/, "<commit>：")]).toEqual([
      0,
      "",
      [
        "已更正外来文件 GB/T 191-2008 包装储运图示标志 现行 2008 版的日期（documents/GB_T 191-2008.yaml）：",
        "  接收日期：2017-03-01",
        "这是 GB/T 191-2008 的登记数据（发布方的版本），不是本公司的修订。",
        "已提交 <commit>：csr set GB/T 191-2008：2008 版接收日期 2017-03-01",
        "",
      ].join("\n"),
    ]);
    expect(readFileSync(path, "utf8")).toBe("id: GB/T 191-2008\ntitle: 包装储运图示标志\nlevel: 3\nkind: external\ndepartment: QA\nstatus: released\nexternal:\n  publisher: 国家质检总局\n  revision: \"2008\"\n  issued: 2008-04-01\n  received: 2017-03-01\n");
    expect(await findings(dir, "--today", "2026-11-30")).toEqual([]);

    // A date on file is not replaced by the way: the user may have meant the publisher's new edition.
    const refused = await set("--received", "2017-03-05", "-y");
    expect([refused.code, refused.stderr]).toEqual([
      2,
      'csr: GB/T 191-2008 的 2008 版已记录接收日期 2017-03-01：这是更正录入错误时请加 --amend；如收到的是发布方的新版，请用 --edition 登记新版。\n提示：更正：csr set "GB/T 191-2008" --received 2017-03-05 --amend；登记新版：csr set "GB/T 191-2008" --edition <新版> --received <日期>\n',
    ]);
    const amended = await set("--received", "2017-03-05", "--amend", "--commit");
    expect(amended.stdout.replace(/[0-9a-f]{7}:/, "<commit>:")).toBe(
      [
        "已更正外来文件 GB/T 191-2008 包装储运图示标志 现行 2008 版的日期（documents/GB_T 191-2008.yaml）：",
        "  接收日期：2017-03-05（原为 2017-03-01）",
        "这是录入错误的更正：更正前的日期保留在 git 历史中。",
        "这是 GB/T 191-2008 的登记数据（发布方的版本），不是本公司的修订。",
        `已提交 ${git(dir, ["rev-parse", "--short=7", "HEAD"]).trim()}：csr set GB/T 191-2008：2008 版接收日期 2017-03-05（原为 2017-03-01）（更正录入错误）`,
        "",
      ].join("\n"),
    );
    expect((await set("--received", "2017-03-05", "--amend")).stdout).toBe("GB/T 191-2008 已是如此，没有更改。\n");

    // Checked as a new edition's dates are, and by the record's rules: a copy handed out before the receipt.
    await csrInProcess(["-C", dir, "distribute", "GB/T 191-2008", "--to", "QA", "--issued-by", "wang", "--date", "2017-03-10", "-y", "--commit"]);
    const problems = await Promise.all([
      set("--received", "2008-03-01", "--amend"),
      set("--issued", "2017-03-20", "--amend"),
      set("--received", "2017-03-20", "--amend"),
      set("--amend"),
      set("--edition", "2019", "--received", "2026-11-05", "--amend"),
    ]);
    expect(problems.map((r) => [r.code, r.stderr])).toEqual([
      [2, "csr: --received 2008-03-01 早于 GB/T 191-2008 发布方发布日期（2008-04-01），而它应在其后。\n"],
      [2, "csr: 发布日期 2017-03-20 晚于接收日期 2017-03-05：不能在发布之前接收。\n"],
      [2, "csr: 未写入任何内容：结果将无法通过 'csr check'：\n  documents/GB_T 191-2008.yaml:13:63 date/out-of-order GB/T 191-2008：受控副本 1（2008 版）的发放日期为 2017-03-10，早于外来文件接收日期（2017-03-20），而它应在其后。请更正两个日期中错误的一个。\n"],
      [2, "csr: --amend 更正外来文件现行版已记录的日期：请与 --received、--issued 或 --effective 一起用。\n"],
      [2, "csr: --amend 更正 GB/T 191-2008 现行版已记录的日期；登记发布方的新版（--edition）不用 --amend。\n"],
    ]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });
});

describe("numbers with spaces", () => {
  it("tag a release with '_' for the space, which a git tag may not contain", () => {
    expect(releaseTag("Q/ABC 123-2020", "A/1")).toBe("Q_ABC_123-2020/A-1");
  });

  it("says so when a kind has no numbering pattern, without doubled brackets", async () => {
    const dir = minimalRepo({ "documents/GJB9001C-2017.yaml": "id: GJB9001C-2017\ntitle: 质量管理体系要求\nlevel: 3\nkind: external\ndepartment: QA\nstatus: released\nexternal: {received: 2026-11-02}\n" });
    expect(await findings(dir, "--today", "2026-11-30")).toEqual([
      "documents/GJB9001C-2017.yaml:1 id/number-pattern The number 'GJB9001C-2017' cannot be checked: 'numbering' in qms.yaml has no pattern for external. When external documents keep their publisher's numbers (e.g. GB/T 19001-2016), add {kind: external, pattern: \"*\"} with csr numbering add \"*\" --kind external.",
    ]);
    const zh = await csrInProcess(["-C", dir, "check", "--today", "2026-11-30"], { lang: null });
    expect(zh.stdout).toContain("编号 'GJB9001C-2017' 无法核对：qms.yaml 的 'numbering' 中没有 external（外来文件）的编号格式。");
    expect(zh.stdout).not.toContain("（（");
  });
});

/** The text of a Word file's body, paragraph by paragraph (a table cell is a paragraph). */
function wordParagraphs(path: string): string[] {
  const xml = strFromU8(unzipSync(readFileSync(path))["word/document.xml"]!);
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")).filter(Boolean);
}

describe("a commit holds only the change its message names", () => {
  it("csr recall --commit and csr obsolete refuse a file with changes not yet committed, as every --commit command does; csr distribute --commit takes in the distribution steps not committed before (tester20 F12)", async () => {
    const dir = repo();
    await csrInProcess(["-C", dir, "new", "external", "--number", "Q/ABC 123-2020", "--title", "导线技术条件", "--revision", "B", "--received", "2026-11-02", "--department", "QA", "-y", "--commit"]);
    await csrInProcess(["-C", dir, "distribute", "Q/ABC 123-2020", "--to", "MKT", "QA", "--date", "2026-11-03", "-y", "--commit"]);
    const base = git(dir, ["rev-parse", "HEAD"]);
    expect((await csrInProcess(["-C", dir, "recall", "Q/ABC 123-2020", "--copy", "1", "--by", "li", "--date", "2026-11-19", "-y"])).code).toBe(0);
    const uncommitted = "csr: documents/Q_ABC 123-2020.yaml has uncommitted changes, which --commit would commit along unseen.\nhint: Commit or undo them first, or leave out --commit.\n";
    expect(await csrInProcess(["-C", dir, "recall", "Q/ABC 123-2020", "--copy", "2", "--destroyed", "--by", "zhang", "--remark", "现场销毁", "--date", "2026-11-19", "-y", "--commit"])).toEqual({ code: 2, stdout: "", stderr: uncommitted });
    expect(await csrInProcess(["-C", dir, "obsolete", "Q/ABC 123-2020", "--reason", "顾客取消", "--date", "2026-11-20", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: documents/Q_ABC 123-2020.yaml has uncommitted changes, which the withdrawal's commit would commit along unseen.\nhint: Commit or undo them first, then withdraw it.\n",
    });
    expect(git(dir, ["rev-parse", "HEAD"])).toBe(base);
    expect(git(dir, ["diff", "--stat"]).trim()).toBe("documents/Q_ABC 123-2020.yaml | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)");
    // The recall of copy 1 is a step of the same distribution record: a new copy's --commit commits it too, and says so.
    const handedOut = await csrInProcess(["-C", dir, "distribute", "Q/ABC 123-2020", "--to", "QA", "--date", "2026-11-19", "--issued-by", "zhang", "-y", "--commit"]);
    expect([handedOut.code, handedOut.stderr]).toEqual([0, ""]);
    expect(handedOut.stdout).toMatch(/^Committed [0-9a-f]{7}: csr distribute Q\/ABC 123-2020 B: copies 3; with the distribution steps not committed before: the records of copies 1$/m);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });
});

describe("an external document's 实施日期 (external.effective)", () => {
  it("is registered with csr new external --effective, and the external document list shows the standard 待实施 until that day", async () => {
    const dir = repo();
    const result = await csrInProcess([
      "-C", dir, "new", "external", "--number", "GJB 9001C-2017", "--title", "质量管理体系要求", "--publisher", "中央军委装备发展部",
      "--issued", "2017-05-18", "--effective", "2017.7.1", "--received", "2017-06-05", "--department", "QA", "-y",
    ]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout.split("\n").slice(0, 2)).toEqual([
      "Registered the external document GJB 9001C-2017 质量管理体系要求 (documents/GJB 9001C-2017.yaml), kept by 品质部, received on 2017-06-05 and controlled from that day.",
      "It is in force from 2017-07-01, its 实施日期; until then the external document list shows it as not yet in force.",
    ]);
    expect(readFileSync(join(dir, "documents/GJB 9001C-2017.yaml"), "utf8")).toContain("  issued: 2017-05-18\n  effective: 2017-07-01\n  received: 2017-06-05\n");
    expect(await findings(dir, "--today", "2026-11-30")).toEqual([]);

    const list = async (today: string, lang: "en" | null) => (await csrInProcess(["-C", dir, "list", "external", "--format", "csv", "--today", today], { lang })).stdout.split("\r\n");
    expect((await list("2017-06-30", null)).slice(0, 2)).toEqual([
      "\ufeff序号,类别,文件编号,文件名称,发布单位,版本,发布日期,实施日期,接收日期,状态,保管部门",
      "1,国家军用标准,GJB 9001C-2017,质量管理体系要求,中央军委装备发展部,\"=\"\"2017\"\"\",2017-05-18,2017-07-01,2017-06-05,待实施（2017-07-01 实施）,品质部",
    ]);
    expect((await list("2017-07-01", null))[1]).toBe("1,国家军用标准,GJB 9001C-2017,质量管理体系要求,中央军委装备发展部,\"=\"\"2017\"\"\",2017-05-18,2017-07-01,2017-06-05,现行,品质部");
    expect((await list("2017-06-30", "en")).slice(0, 2)).toEqual([
      "\ufeffNo.,Kind,Number,Title,Issued by,Revision,Issued,Effective,Received,Status,Kept by",
      "1,national military standard,GJB 9001C-2017,质量管理体系要求,中央军委装备发展部,\"=\"\"2017\"\"\",2017-05-18,2017-07-01,2017-06-05,not yet in force (from 2017-07-01),品质部",
    ]);
    const table = await csrInProcess(["-C", dir, "list", "external", "--today", "2017-06-30"], { lang: null });
    expect(table.stdout.trimEnd().split("\n").slice(-2)).toEqual([
      "现行 0 份；已替代的版本保留在清单中，作为接收和评审的记录。",
      "待实施 1 份：自状态栏所列日期起实施；同一编号被替代的版本在此之前仍现行，列在清单中。",
    ]);
  });

  it("is the status on the standard's page of csr site, as the list shows it: 待实施 before that day, 现行 from it", async () => {
    const dir = repo();
    await csrInProcess(["-C", dir, "new", "external", "--number", "GJB 9001C-2017", "--title", "质量管理体系要求", "--issued", "2017-05-18", "--effective", "2017-07-01", "--received", "2017-06-05", "--department", "QA", "-y", "--commit"]);
    const status = async (today: string) => {
      const out = join(dir, `site-${today}`);
      expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", today], { lang: null })).code).toBe(0);
      return readFileSync(join(out, "documents/GJB 9001C-2017.html"), "utf8").match(/<li>状态：[^<]*<\/li>/g);
    };
    expect(await status("2017-06-30")).toEqual(["<li>状态：待实施（2017-07-01 实施）</li>"]);
    expect(await status("2017-07-01")).toEqual(["<li>状态：现行</li>"]);
  });

  it("refuses an --effective that is no date, or before --issued, in one line, and on the organisation's own documents", async () => {
    const dir = repo();
    const refused = async (...args: string[]) => {
      const result = await csrInProcess(["-C", dir, "new", ...args, "--title", "标准", "--department", "QA", "-y"]);
      return [result.code, result.stdout, result.stderr];
    };
    expect(await refused("external", "--number", "GJB 9001C-2017", "--issued", "2017-05-18", "--effective", "2017-05-01")).toEqual([
      2,
      "",
      "csr: --effective 2017-05-01 is before its issue by the publisher of GJB 9001C-2017 (2017-05-18), which it must follow.\n",
    ]);
    expect(await refused("external", "--number", "GJB 9001C-2017", "--effective", "2017-13-01")).toEqual([
      2,
      "",
      "csr: --effective expects a date as YYYY-MM-DD (or 2026.3.1, 2026/3/1, 2026年3月1日), got '2017-13-01'.\n",
    ]);
    expect(await refused("procedure", "--effective", "2026-12-01")).toEqual([
      2,
      "",
      "csr: --effective is the 实施日期 of a received external document (csr new external); a procedure takes effect when it is released: csr release <id> --effective <date>.\n",
    ]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("is reported when it is before the date issued (doc/external-effective-before-issue), at the date", async () => {
    const dir = repo();
    mkdirSync(join(dir, "documents"));
    writeFileSync(
      join(dir, "documents/GB_T 19001-2016.yaml"),
      "id: GB/T 19001-2016\ntitle: 质量管理体系 要求\nlevel: 3\nkind: external\ndepartment: QA\nstatus: released\nexternal:\n  issued: 2016-12-30\n  effective: 2016-07-01\n  received: 2017-03-02\n",
    );
    const result = await checkJsonInProcess(dir, "--today", "2026-11-30");
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`)).toEqual([
      "documents/GB_T 19001-2016.yaml:9:14 error doc/external-effective-before-issue GB/T 19001-2016 takes effect on 2016-07-01 (external.effective, 实施日期), before its publisher issued it on 2016-12-30 (external.issued, 发布日期): a standard is in force on or after the day it is issued. Correct whichever date is wrong, as the publisher's document prints them (发布 and 实施 on a standard's cover).",
    ]);
  });

  it("keeps the copies of the edition it replaces in force until then: they are due back counted from the new edition's 实施日期", async () => {
    const dir = repo();
    await csrInProcess(["-C", dir, "new", "external", "--number", "Q/ABC 123-2020", "--title", "导线技术条件", "--revision", "B", "--received", "2026-11-02", "--department", "QA", "-y", "--commit"]);
    await csrInProcess(["-C", dir, "distribute", "Q/ABC 123-2020", "--to", "MKT", "--issued-by", "wang", "--date", "2026-11-03", "-y", "--commit"]);
    const path = join(dir, "documents/Q_ABC 123-2020.yaml");
    // Revision C received on 2026-11-16, in force from 2026-12-01 (the customer's 实施日期).
    writeFileSync(path, readFileSync(path, "utf8").replace("revision: B", "revision: C").replace("received: 2026-11-02", "effective: 2026-12-01\n  received: 2026-11-16"));
    expect(await findings(dir, "--today", "2026-11-30")).toEqual([]);
    // From the 实施日期 on, C is in force and issued to nobody yet (doc/not-issued); B's copy is due back a week later.
    expect(await findings(dir, "--today", "2026-12-08")).toEqual(["documents/Q_ABC 123-2020.yaml:6 doc/not-issued Q/ABC 123-2020 C is in force since 2026-12-01, but no controlled copy of it is out and no electronic issue is recorded: as the record shows, its users (品质部, 市场部) have no version in force. Hand out paper copies with 'csr distribute \"Q/ABC 123-2020\" --to QA MKT', or record the electronic issue with 'csr distribute \"Q/ABC 123-2020\" --electronic --to QA MKT'."]);
    expect(await findings(dir, "--today", "2026-12-09")).toEqual([
      "documents/Q_ABC 123-2020.yaml:6 doc/not-issued Q/ABC 123-2020 C is in force since 2026-12-01, but no controlled copy of it is out and no electronic issue is recorded: as the record shows, its users (品质部, 市场部) have no version in force. Hand out paper copies with 'csr distribute \"Q/ABC 123-2020\" --to QA MKT', or record the electronic issue with 'csr distribute \"Q/ABC 123-2020\" --electronic --to QA MKT'.",
      "documents/Q_ABC 123-2020.yaml:12 doc/recall-overdue Controlled copy 1 of Q/ABC 123-2020 B (市场部) is still out: B was replaced on 2026-12-01, and copies were due back by 2026-12-08 (5 working days). Take it back and record it with 'csr recall \"Q/ABC 123-2020\" --copy 1'.",
    ]);
  });

  it("is printed beside the date issued in Markdown, HTML and Word", async () => {
    const dir = repo();
    await csrInProcess([
      "-C", dir, "new", "external", "--number", "GB/T 19001-2016", "--title", "质量管理体系 要求", "--publisher", "国家市场监督管理总局",
      "--issued", "2016-12-29", "--effective", "2017-07-01", "--received", "2017-03-02", "--department", "QA", "-y",
    ]);
    for (const format of ["md", "html", "docx"]) expect((await csrInProcess(["-C", dir, "render", "GB/T 19001-2016", "--format", format, "--out", "out"], { lang: null })).code).toBe(0);
    expect(readFileSync(join(dir, "out", "GB_T 19001-2016.zh-CN.md"), "utf8")).toContain(
      [
        "| 文件编号 | GB/T 19001-2016 | 版本（发布方） | 2016 |",
        "| --- | --- | --- | --- |",
        "| 发布单位 | 国家市场监督管理总局 |  |  |",
        "| 发布日期 | 2016-12-29 | 实施日期 | 2017-07-01 |",
        "| 接收日期 | 2017-03-02 | 保管部门 | 品质部 |",
        "| 受控号 |  |  |  |",
        "",
      ].join("\n"),
    );
    expect(readFileSync(join(dir, "out", "GB_T 19001-2016.zh-CN.html"), "utf8")).toContain(
      "<tr><th>发布日期</th><td>2016-12-29</td><th>实施日期</th><td>2017-07-01</td></tr>\n<tr><th>接收日期</th><td>2017-03-02</td><th>保管部门</th><td>品质部</td></tr>\n",
    );
    const word = wordParagraphs(join(dir, "out", "GB_T 19001-2016.zh-CN.docx"));
    expect(word.slice(word.indexOf("发布日期"), word.indexOf("发布日期") + 6)).toEqual(["发布日期", "2016-12-29", "实施日期", "2017-07-01", "接收日期", "2017-03-02"]);
    // Without an effective date the print is as before (the first test of csr new external reads it whole).
  });
});

describe("numbers with a colon before the year (ISO 9001:2015)", () => {
  it("are kept as written: csr new external, the file named with '_' for ':', check, the register, a print and an import", async () => {
    const dir = repo();
    const created = await csrInProcess(["-C", dir, "new", "external", "--number", "ISO 9001:2015", "--title", "质量管理体系 要求", "--publisher", "ISO", "--issued", "2015-09-15", "--received", "2026-11-02", "--department", "QA", "-y", "--commit"], { lang: null });
    expect(created.stdout.split("\n")[0]).toBe("已登记外来文件 ISO 9001:2015 质量管理体系 要求（documents/ISO 9001_2015.yaml），由品质部保管，2026-11-02 接收，自接收日起受控。");
    expect(readFileSync(join(dir, "documents/ISO 9001_2015.yaml"), "utf8")).toMatch(/^id: ISO 9001:2015\n[^]*\n {2}revision: "2015"\n/);
    writeFileSync(
      join(dir, "外来文件清单.csv"),
      ["序号,文件编号,文件名称,发布单位,版本,发布日期,接收日期,保管部门", "1,IATF 16949：2016,汽车生产件及相关服务件组织的质量管理体系要求,IATF,2016,2016-10-01,2026-11-03,品质部", "2,VDA 6.3:2023,过程审核,VDA,2023,2023-01-01,2026-11-04,品质部", "3,ISO 9001:15,质量管理体系 要求,ISO,2015,2015-09-15,2026-11-04,品质部", ""].join("\n"),
    );
    const imported = await csrInProcess(["-C", dir, "import", "外来文件清单.csv", "--as", "external", "-y"]);
    expect(imported.stdout.split("\n").filter((l) => l.startsWith("row"))).toEqual([
      "row 4: 'ISO 9001:15' is not an external document's number as its publisher writes it (letters, digits, '-', '_', '.', '/', single spaces and ':' before an edition's year, e.g. GB/T 19001-2016, ISO 9001:2015) — correct the cell (row not imported)",
    ]);
    // A full-width colon, as a Chinese register types it, is the colon.
    expect(readFileSync(join(dir, "documents/IATF 16949_2016.yaml"), "utf8")).toMatch(/^id: IATF 16949:2016\n/);
    expect(readFileSync(join(dir, "documents/VDA 6.3_2023.yaml"), "utf8")).toMatch(/^id: VDA 6.3:2023\n/);
    expect(await findings(dir, "--today", "2026-11-30")).toEqual([]);
    expect((await csrInProcess(["-C", dir, "set", "ISO 9001:2015", "--edition", "2026", "--received", "2026-11-20", "-y"])).code).toBe(0);
    const list = await csrInProcess(["-C", dir, "list", "external", "--format", "csv"], { lang: null });
    // The edition replaced stays on the list beside the new one.
    expect(list.stdout.split("\r\n").slice(1, 5).map((row) => row.split(",").filter((_, i) => [2, 5, 9].includes(i)).join(" "))).toEqual([
      'IATF 16949:2016 "=""2016""" 现行',
      'ISO 9001:2015 "=""2015""" 已被 2026 版替代',
      'ISO 9001:2015 "=""2026""" 现行',
      'VDA 6.3:2023 "=""2023""" 现行',
    ]);
    expect((await csrInProcess(["-C", dir, "render", "VDA 6.3:2023", "--format", "md", "--out", "out"], { lang: null })).code).toBe(0);
    expect(readFileSync(join(dir, "out", "VDA 6.3_2023.zh-CN.md"), "utf8")).toContain("| 文件编号 | VDA 6.3:2023 | 版本（发布方） | 2023 |");
  });

  it("stay refused on a number whose colon is not before a year, as a clause reference writes it", async () => {
    const dir = repo();
    const result = await csrInProcess(["-C", dir, "new", "external", "--number", "IATF16949:8.5", "--title", "标准", "--received", "2026-11-02", "--department", "QA", "-y"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^csr: Nothing was written[^]*schema/);
  });
});

describe("csr import --as external", () => {
  it("reads a 外来文件清单: the publisher, its edition as written, 发布日期, 实施日期 (or 实施时间, 生效日期) and 接收日期 into 'external'", async () => {
    const dir = repo();
    writeFileSync(
      join(dir, "外来文件清单.csv"),
      [
        "序号,文件编号,文件名称,发布单位,版本,发布日期,实施时间,接收日期,保管部门,状态",
        "1,GB/T  19001-2016,质量管理体系 要求,国家质量监督检验检疫总局,2016版,2016-12-30,2017/7/1,2017-03-02,品质部,现行",
        "2,GJB 9001C-2017,质量管理体系要求,中央军委装备发展部,C,2017-05-18,2017-07-01,2017.6.5,品质部,",
        "3,Q/ABC 123-2020,导线技术条件,某顾客,D,2026-11-20,2099-01-01,2026-11-25,品质部,待实施",
        "4,GB/T 2828.1-2012,计数抽样检验程序,,2012,2012-11-05,2013-02-15,2013/13/01,品质部,",
        "5,GB/T 19022-2003,测量管理体系,,2003,2003-05-01,,2004-01-01,品质部,待实施",
        "",
      ].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", "外来文件清单.csv", "--as", "external", "-y"]);
    expect(result.stdout.split("\n").filter((l) => l.startsWith("row"))).toEqual([
      "row 5: '2013/13/01' in 接收日期 is not a date like 2021-05-05 — correct the cell and import again (row not imported)",
      "row 6: 状态 says '待实施' (not yet in force), but the row gives no 实施时间 after today: csr lists an external document as not yet in force until its 实施日期 — write that date in the row and import again (row not imported)",
    ]);
    expect(readFileSync(join(dir, "documents/GB_T 19001-2016.yaml"), "utf8")).toBe(
      [
        "id: GB/T 19001-2016",
        "title: 质量管理体系 要求",
        "level: 3",
        "kind: external",
        "department: QA",
        "status: released",
        "external:",
        "  publisher: 国家质量监督检验检疫总局",
        "  revision: 2016版",
        "  issued: 2016-12-30",
        "  effective: 2017-07-01",
        "  received: 2017-03-02",
        "",
      ].join("\n"),
    );
    expect(readFileSync(join(dir, "documents/GJB 9001C-2017.yaml"), "utf8")).toContain("external:\n  publisher: 中央军委装备发展部\n  revision: C\n  issued: 2017-05-18\n  effective: 2017-07-01\n  received: 2017-06-05\n");
    expect(readFileSync(join(dir, "documents/Q_ABC 123-2020.yaml"), "utf8")).toContain("status: released\nexternal:\n  publisher: 某顾客\n  revision: D\n  issued: 2026-11-20\n  effective: 2099-01-01\n  received: 2026-11-25\n");
    const list = await csrInProcess(["-C", dir, "list", "external", "--format", "csv", "--today", "2026-11-30"], { lang: null });
    expect(list.stdout.split("\r\n")[3]).toBe("3,企业标准,Q/ABC 123-2020,导线技术条件,某顾客,D,2026-11-20,2099-01-01,2026-11-25,待实施（2099-01-01 实施）,品质部");
  });

  it("takes an English 'Implementation date' for the effective date, says which signatures it leaves out, and leaves an effective date before the issue for csr check", async () => {
    const dir = repo();
    writeFileSync(
      join(dir, "external.csv"),
      ["No.,Number,Title,Publisher,Revision,Issue date,Implementation date,Received,Kept by,Approved", "1,GB/T 19022-2003,测量管理体系,,2003,2003-05-01,2003-04-01,2004-01-01,QA,李娜", ""].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", "external.csv", "--as", "external", "-y"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("row 2: Approved of GB/T 19022-2003 not imported: an external document is written and approved by its publisher, and the organisation records no preparation, review or approval for it\n");
    expect(readFileSync(join(dir, "documents/GB_T 19022-2003.yaml"), "utf8")).toContain("external:\n  revision: \"2003\"\n  issued: 2003-05-01\n  effective: 2003-04-01\n  received: 2004-01-01\n");
    expect(await findings(dir, "--today", "2026-11-30")).toEqual([
      "documents/GB_T 19022-2003.yaml:10 doc/external-effective-before-issue GB/T 19022-2003 takes effect on 2003-04-01 (external.effective, 实施日期), before its publisher issued it on 2003-05-01 (external.issued, 发布日期): a standard is in force on or after the day it is issued. Correct whichever date is wrong, as the publisher's document prints them (发布 and 实施 on a standard's cover).",
    ]);
  });

  it("reads an external row of a document register (--as documents, 文件类别 外来文件) the same way, 生效日期 included", async () => {
    const dir = repo();
    writeFileSync(join(dir, "受控文件清单.csv"), ["文件编号,文件名称,文件类别,发布单位,版本,发布日期,生效日期,接收日期,保管部门", "GB/T 19001-2016,质量管理体系 要求,外来文件,国家质检总局,2016,2016-12-30,2017-07-01,2017-03-02,品质部", ""].join("\n"));
    const result = await csrInProcess(["-C", dir, "import", "受控文件清单.csv", "--as", "documents", "-y"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(readFileSync(join(dir, "documents/GB_T 19001-2016.yaml"), "utf8")).toBe(
      "id: GB/T 19001-2016\ntitle: 质量管理体系 要求\nlevel: 3\nkind: external\ndepartment: QA\nstatus: released\nexternal:\n  publisher: 国家质检总局\n  revision: \"2016\"\n  issued: 2016-12-30\n  effective: 2017-07-01\n  received: 2017-03-02\n",
    );
    // A repository without an external numbering is offered csr init's "*" (quoted for the shell), not a pattern of the publisher's digits.
    const bare = gitInit(minimalRepo({ "受控文件清单.csv": readFileSync(join(dir, "受控文件清单.csv")) }));
    const dry = await csrInProcess(["-C", bare, "import", "受控文件清单.csv", "--as", "documents", "--dry-run"]);
    expect(dry.stdout).toContain('\n  csr numbering add "*" --kind external   # e.g. GB/T 19001-2016\n');
  });
});

describe("the category of an external standard (类别 of the 外来文件清单)", () => {
  it("comes from the code its number begins with", async () => {
    const { externalCategory } = await import("../../src/model/external.js");
    const numbers = ["GJB 9001C-2017", "GB/T 19001-2016", "GB 4943.1-2022", "GBT-19001", "QC/T 29106-2014", "SJ 20668-1998", "DB32/T 3762-2020", "T/CAAMTB 12-2020", "Q/CS 20-2020", "ISO 9001:2015", "IATF 16949:2016", "VDA 6.3", "客户图纸 A-001"];
    expect(numbers.map((n) => `${n}: ${externalCategory(n)}`)).toEqual([
      "GJB 9001C-2017: national-military",
      "GB/T 19001-2016: national",
      "GB 4943.1-2022: national",
      "GBT-19001: national",
      "QC/T 29106-2014: industry",
      "SJ 20668-1998: industry",
      "DB32/T 3762-2020: local",
      "T/CAAMTB 12-2020: association",
      "Q/CS 20-2020: enterprise",
      "ISO 9001:2015: international",
      "IATF 16949:2016: international",
      "VDA 6.3: other",
      "客户图纸 A-001: other",
    ]);
  });
});
