/**
 * A printed layout (qms.yaml document_layouts) per numbering family or kind, besides per level (tester79 G4): a GJB
 * supplier's 工艺规程, numbered in a family of work instructions of its own, carries 会签 (and 标准化审查, 军代表) cells the
 * other work instructions lack; the most specific layout applies (family over kind over level), `since` still working.
 * `csr organisation layout set|list|remove` keeps the entries, and the release refusal names it. Run with the built
 * binary on a real git repository for the command paths; the lookup in-process.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { documentLayout } from "../../src/model/index.js";
import type { DocumentLayout, QmsConfig } from "../../src/model/types.js";
import { builtOnce, csr, csrInProcess, git, gitInit, minimalRepo, releasedProcedure } from "../helpers.js";

/** WI-001, a work instruction released as A/0 on 2026-03-02 with 编制, 审核, 批准. */
const WI001 = releasedProcedure("WI-001", "来料检验作业指导书", { title: "目的", text: "规定来料检验的步骤。" }).replace("level: 2", "level: 3").replace("kind: procedure", "kind: instruction");
/** GY-001, a 工艺规程 (a work instruction of the family GY-###) in draft. */
const GY001 = ["id: GY-001", "title: XX-3 电源模块装配工艺规程", "level: 3", "kind: instruction", "department: QA", "status: draft", "sections:", "  - title: 工艺流程", "    text: 按工序卡装配。", ""].join("\n");

/** minimalRepo with work instructions numbered WI-### and the 工艺规程 family GY-###, and the level 3 layout 编制, 审核, 批准. */
const repository = builtOnce(() => {
  const dir = minimalRepo({ "documents/WI-001.yaml": WI001, "documents/GY-001.yaml": GY001 });
  const qms = readFileSync(join(dir, "qms.yaml"), "utf8").replace(
    "numbering:\n",
    "numbering:\n  - kind: instruction\n    pattern: WI-###\n  - kind: instruction\n    pattern: GY-###\n    family: 工艺规程\n",
  );
  // A comment of the controller's, kept by every write.
  const layouts = "# 三级文件的表样\ndocument_layouts:\n  - { levels: [3], signatures: [prepared, reviewed, approved] }\n";
  writeFileSync(join(dir, "qms.yaml"), qms.replace("csr:\n", `${layouts}csr:\n`));
  return gitInit(dir);
});

const errors = (stdout: string) => stdout.split("\n").filter((line) => / error /.test(line));

describe("documentLayout", () => {
  const config = (layouts: DocumentLayout[]) =>
    ({
      value: {
        numbering: [
          { kind: "instruction", pattern: "WI-###" },
          { kind: "instruction", pattern: "GY-###", family: "工艺规程" },
          { kind: "form", pattern: "*" },
        ],
        document_layouts: layouts,
      } as unknown as QmsConfig,
    }) as { value: QmsConfig };
  const level: DocumentLayout = { levels: [3], label: "三阶文件" };
  const kind: DocumentLayout = { kinds: ["instruction"], label: "作业指导书" };
  const family: DocumentLayout = { families: ["工艺规程"], since: "2026-12-01", label: "工艺规程" };
  const byPattern: DocumentLayout = { families: ["GY-###"], since: "2026-12-10", label: "按编号格式" };
  const repo = { config: config([family, kind, level]) } as Parameters<typeof documentLayout>[0];
  const gy = { id: "GY-001", kind: "instruction", level: 3 } as const;
  const wi = { id: "WI-001", kind: "instruction", level: 3 } as const;

  it("takes a numbering family's layout over a kind's over a level's, whatever their order", () => {
    expect(documentLayout(repo, gy, "2026-12-04")?.label).toBe("工艺规程");
    expect(documentLayout(repo, wi, "2026-12-04")?.label).toBe("作业指导书");
    expect(documentLayout({ config: config([level]) } as typeof repo, wi, "2026-12-04")?.label).toBe("三阶文件");
    // A level 3 form is no instruction: the level's layout.
    expect(documentLayout(repo, { id: "F-1", kind: "form", level: 3 }, "2026-12-04")?.label).toBe("三阶文件");
    // Without a number (an import deciding a 密级 before it has one) no family fits.
    expect(documentLayout(repo, { kind: "instruction", level: 3 }, "2026-12-04")?.label).toBe("作业指导书");
  });

  it("keeps `since`: a revision issued before the family's layout keeps the less specific one in force then", () => {
    expect(documentLayout(repo, gy, "2026-11-30")?.label).toBe("作业指导书");
    // Among layouts as specific, the newest in force (a family named by its pattern is the same family).
    const both = { config: config([family, byPattern, kind]) } as typeof repo;
    expect([documentLayout(both, gy, "2026-12-09")?.label, documentLayout(both, gy, "2026-12-10")?.label, documentLayout(both, gy)?.label]).toEqual(["工艺规程", "按编号格式", "按编号格式"]);
  });

  it("applies an entry only where each of levels, kinds and families it names fits", () => {
    const narrow = { config: config([{ kinds: ["instruction"], levels: [4], label: "四级作业指导书" }, level]) } as typeof repo;
    expect(documentLayout(narrow, wi)?.label).toBe("三阶文件");
    expect(documentLayout(narrow, { ...wi, level: 4 })?.label).toBe("四级作业指导书");
  });
});

describe("csr organisation layout", () => {
  it("gives a 工艺规程 family the 会签 cell the release refusal asks for, the other work instructions keeping theirs (tester79 G4)", async () => {
    const dir = await repository();
    const release = (...extra: string[]) => csr(["-C", dir, "release", "GY-001", "--summary", "首次发布", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--countersigned", "li", "--date", "2026-12-04", "-y", ...extra], { lang: "zh-CN" });
    const refused = release();
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: GY-001 是 3 级文件，其版式（qms.yaml 的 document_layouts）没有会签签字栏：--countersigned 记录的签字不会印在任何打印件上，受控副本将与记录不符。\n" +
        "提示：如这些文件今后需要这些签字，请加一个从 2026-12-04 起适用的版式（此前发布的版本仍按原版式检查；--family 为一个编号体系设版式，--kind 为一类文件，--level 为一级文件）：csr organisation layout set --family 工艺规程 --since 2026-12-04 --signatures 编制,审核,会签,批准。否则去掉这些选项。\n",
    });
    // The command of the hint, as the user runs it.
    const set = csr(["-C", dir, "organisation", "layout", "set", "--family", "工艺规程", "--since", "2026-12-04", "--signatures", "编制,审核,会签,批准", "--commit"], { lang: "zh-CN" });
    const head = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(set).toEqual({
      code: 0,
      stdout: `已为编号体系 工艺规程（GY-###）的文件增加版式：签字栏 编制、审核、会签、批准。\n自 2026-12-04 起发布的版本按此版式印制和检查，此前发布的版本仍按原版式。\n已提交 ${head}：csr organisation layout set：编号体系 工艺规程（GY-###）的文件\n`,
      stderr: "",
    });
    // Appended after the level's entry, in the style csr init writes, the comment kept.
    expect(readFileSync(join(dir, "qms.yaml"), "utf8")).toContain(
      "# 三级文件的表样\ndocument_layouts:\n  - { levels: [3], signatures: [prepared, reviewed, approved] }\n  - families: [工艺规程]\n    since: 2026-12-04\n    signatures: [prepared, reviewed, countersigned, approved]\ncsr:\n",
    );
    const released = release();
    expect([released.code, released.stderr]).toEqual([0, ""]);
    // WI-001 keeps the level's layout: no 会签 asked of it.
    expect(errors(csr(["-C", dir, "check", "--no-cache", "--today", "2026-12-04"]).stdout)).toEqual([]);
    const listed = JSON.parse(csr(["-C", dir, "organisation", "layout", "list", "--format", "json"]).stdout) as { layouts: { families: string[] | null; levels: number[] | null; documents: number }[] };
    expect(listed.layouts.map((l) => [l.families ?? l.levels, l.documents])).toEqual([
      [[3], 1],
      [["工艺规程"], 1],
    ]);
    // The printed copy has the 会签 cell with its signer.
    const out = join(dir, "GY-001.md");
    expect(csr(["-C", dir, "render", "GY-001", "--format", "md", "--out", out]).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("| Reviewed | 李娜 2026-12-04 | Countersigned | 李娜 2026-12-04 |");
  });

  it("refuses a layout without a day that gives released revisions cells they lack, with the findings; changes one with a day", async () => {
    const dir = await repository();
    const refused = await csrInProcess(["-C", dir, "organisation", "layout", "set", "--level", "3", "--signatures", "prepared,reviewed,countersigned,approved"]);
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: After the change, the current revision of the released document WI-001 would lack signatures its layout prints (doc/signature-missing).\n" +
        "hint: Say from when the layout applies with --since <date> (after those revisions were issued), so that the revisions issued before keep their layout; if the paper originals have these signatures, record them with csr sign first.\n",
    });
    expect(readFileSync(join(dir, "qms.yaml"), "utf8")).toContain("  - { levels: [3], signatures: [prepared, reviewed, approved] }\n");
    const changed = await csrInProcess(["-C", dir, "organisation", "layout", "set", "--level", "3", "--label", "三阶文件"]);
    expect([changed.code, changed.stderr, changed.stdout.split("\n")[0]]).toEqual([0, "", "Changed the layout of level 3 documents: signatures 编制、审核、批准 → signatures 编制、审核、批准; level label 三阶文件."]);
    // The flow mapping stays one, written as csr writes a changed line.
    expect(readFileSync(join(dir, "qms.yaml"), "utf8")).toContain("document_layouts:\n  - {levels: [3], signatures: [prepared, reviewed, approved], label: 三阶文件}\ncsr:\n");
  });

  it("adds and removes a kind's layout; refuses an unknown family, two selectors, an unknown signature", async () => {
    const dir = await repository();
    const added = await csrInProcess(["-C", dir, "organisation", "layout", "set", "--kind", "form", "--classification", "内部"]);
    expect([added.code, added.stdout.split("\n").slice(0, 2)]).toEqual([0, ["Added a layout for documents of kind form: signatures default (编制, 审核, 批准); classification 内部.", "The layout has no day (--since) and applies to every revision, those issued before included."]]);
    const removed = await csrInProcess(["-C", dir, "organisation", "layout", "remove", "--kind", "form"]);
    expect([removed.code, removed.stdout.split("\n")[0]]).toEqual([0, "Removed the layout of documents of kind form from (no day): signatures default (编制, 审核, 批准); classification 内部."]);
    expect(readFileSync(join(dir, "qms.yaml"), "utf8")).not.toContain("kinds:");
    expect(await csrInProcess(["-C", dir, "organisation", "layout", "set", "--family", "工艺规桯", "--label", "x"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: qms.yaml numbering declares no numbering family 工艺规桯. Did you mean '工艺规程'?\nhint: 'csr numbering list' lists the numbering families with their patterns and names; add one with csr numbering add <pattern> --kind <kind> --family <name>.\n",
    });
    expect((await csrInProcess(["-C", dir, "organisation", "layout", "set", "--family", "工艺规程", "--level", "3", "--label", "x"])).stderr.split("\n")[0]).toBe("csr: Give only one of --family, --kind and --level: a layout entry chooses its documents by numbering family, kind or level.");
    expect((await csrInProcess(["-C", dir, "organisation", "layout", "set", "--level", "3", "--signatures", "编制,会审"])).stderr).toBe(
      "csr: No signature cell '会审': use 编制, 审核, 会签, 标准化审查, 批准, 军代表 (or prepared, reviewed, countersigned, standardization, approved, military_representative).\n",
    );
  });
});
