/**
 * csr site publishes only approved text (IATF 16949 7.5.3.2, GJB 9001C 7.5.3; tester48 #2): a released
 * document whose file was changed and committed (or only saved) without a new revision is shown as its
 * current version's release tag (`csr release` tags QP-001/A-0) has it, with a notice saying the
 * repository holds changes not released, and the dashboard counts and lists such documents. A
 * repository that never ran csr release has no tags: its site is as before. Real git repositories.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, git, gitInit, minimalRepo, releasedProcedure, tempDir, withoutYearCheck } from "../helpers.js";

const TODAY = "2026-12-01";

function repository(): string {
  return gitInit(withoutYearCheck(minimalRepo({ "documents/QP-001.yaml": releasedProcedure("QP-001", "返工控制程序", { title: "返工", text: "返工后100%复检" }) })));
}

async function site(dir: string, lang: "zh-CN" | "en" = "zh-CN"): Promise<(path: string) => string | undefined> {
  const out = join(tempDir(), "site");
  const result = await csrInProcess(["-C", dir, "site", "--out", out, "--today", TODAY], { lang });
  expect(result.code).toBe(0);
  return (path) => {
    try {
      return readFileSync(join(out, path), "utf8");
    } catch {
      return undefined;
    }
  };
}

const text = (html: string | undefined) => (html ?? "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("csr site: a released document changed without a new revision", () => {
  it("shows the text of its release tag with a notice, and the dashboard lists it", async () => {
    const dir = repository();
    git(dir, ["tag", "QP-001/A-0"]);
    const file = join(dir, "documents/QP-001.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("返工后100%复检", "返工后100%复检并由QA确认"));
    git(dir, ["commit", "-qam", "QP-001 wording"]);

    const page = await site(dir);
    const doc = text(page("documents/QP-001.html"));
    expect(doc).toContain("返工后100%复检");
    expect(doc).not.toContain("并由QA确认");
    expect(doc).toContain(
      "仓库中 documents/QP-001.yaml 的内容与 A/0 版发布时（标签 QP-001/A-0）不同，但没有记录新的版本：这些更改未经批准，不是受控文本。本页显示 A/0 版发布时的文本。更改要生效，须作为新版本批准发布：csr release QP-001 --summary …；更改有误时恢复文件：git checkout QP-001/A-0 -- documents/QP-001.yaml。",
    );
    expect(page("assets/search-entries.js")).not.toContain("并由QA确认");
    expect(text(page("index.html"))).toMatch(/\b1 已发布文件有未发布的更改/);
    const list = text(page("lists/unreleased-changes.html"));
    expect(list).toContain("序号 编号 名称 现行版本 发布标签 文件 1 QP-001 返工控制程序 A/0 QP-001/A-0 documents/QP-001.yaml");

    const en = await site(dir, "en");
    expect(text(en("documents/QP-001.html"))).toContain("The content of documents/QP-001.yaml in the repository differs from version A/0 as released (tag QP-001/A-0)");
    expect(text(en("index.html"))).toMatch(/\b1 Released documents with unreleased changes/);
  });

  it("says nothing when the file holds the released content (register data changed since), nor without tags", async () => {
    const dir = repository();
    git(dir, ["tag", "QP-001/A-0"]);
    // A periodic review is register data, recorded without a release.
    const file = join(dir, "documents/QP-001.yaml");
    writeFileSync(file, readFileSync(file, "utf8") + "reviews:\n  - {date: 2026-11-20, by: zhang, result: suitable}\n");
    git(dir, ["commit", "-qam", "QP-001 periodic review"]);
    const tagged = await site(dir);
    expect(text(tagged("documents/QP-001.html"))).not.toContain("发布时（标签");
    expect(tagged("lists/unreleased-changes.html")).toBeUndefined();

    const untagged = repository();
    const other = join(untagged, "documents/QP-001.yaml");
    writeFileSync(other, readFileSync(other, "utf8").replace("返工后100%复检", "返工后100%复检并由QA确认"));
    git(untagged, ["commit", "-qam", "QP-001 wording"]);
    const page = await site(untagged);
    expect(text(page("documents/QP-001.html"))).toContain("并由QA确认");
    expect(page("lists/unreleased-changes.html")).toBeUndefined();
  });
});

describe("csr show: a released document changed without a new revision (look65 #9)", () => {
  it("says so on the card, as the site's page does, in both languages and in JSON; nothing when the file holds the released content", async () => {
    const dir = repository();
    git(dir, ["tag", "QP-001/A-0"]);
    const show = (lang: "zh-CN" | "en", ...args: string[]) => csrInProcess(["-C", dir, "show", "QP-001", "--today", TODAY, ...args], { lang });
    expect((await show("zh-CN")).stdout).not.toContain("未发布的更改");
    const file = join(dir, "documents/QP-001.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("返工后100%复检", "返工后100%复检并由QA确认"));
    const zh = await show("zh-CN");
    expect(zh.stdout).toContain(
      "  未发布的更改    documents/QP-001.yaml 的内容与 A/0 版发布时（标签 QP-001/A-0）不同，但没有记录新的版本：这些更改未经批准，不是受控文本，csr site 和 csr render 显示发布时的文本；本卡片按文件现状读取。更改要生效，须作为新版本批准发布：csr release QP-001 --summary …；更改有误时恢复文件：git checkout QP-001/A-0 -- documents/QP-001.yaml。\n",
    );
    const en = await show("en");
    expect(en.stdout).toMatch(/\n {2}Unreleased changes +documents\/QP-001\.yaml differs from version A\/0 as released \(tag QP-001\/A-0\), and no new version is recorded: /);
    expect(JSON.parse((await show("en", "--format", "json")).stdout).unreleasedChanges).toEqual({ version: "A/0", tag: "QP-001/A-0" });
  });
});
