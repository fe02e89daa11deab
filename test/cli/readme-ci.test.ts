/**
 * The README's CI recipe is what `csr init` writes (tester69 T5): an administrator who pastes the
 * README's job into an existing .gitlab-ci.yml gets the time zone, the caches and the reports of the
 * generated file. Each README shows the files in its own language, word for word.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { initFiles } from "../../src/commands/init/files.js";
import { language, setLanguage, t } from "../../src/i18n/index.js";
import { ROOT } from "../helpers.js";

/** The README's YAML blocks, each as its text. */
const yamlBlocks = (readme: string) => [...readFileSync(join(ROOT, readme), "utf8").matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]);

describe("README: the CI recipe", () => {
  const before = language();
  afterAll(() => setLanguage(before));

  for (const [readme, lang] of [["README.md", "en"], ["README.zh-CN.md", "zh-CN"]] as const) {
    it(`${readme} shows .github/workflows/csr.yml and the check jobs of .gitlab-ci.yml as csr init writes them`, () => {
      setLanguage(lang);
      const files = initFiles(false);
      const gitlab = files.get(".gitlab-ci.yml")!;
      // The check jobs: everything before the pages job's heading.
      const checks = gitlab.slice(0, gitlab.indexOf(`\n\n${t("init.file.gitlab-pages.heading")}`) + 1);
      expect(checks).toContain("  TZ: Asia/Shanghai");
      const blocks = yamlBlocks(readme);
      expect(blocks).toContain(files.get(".github/workflows/csr.yml"));
      expect(blocks).toContain(checks);
    });
  }
});
