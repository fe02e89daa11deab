/**
 * The scope note under `csr list management-review` (本页只汇总 csr 登记的输入：…；…的其他输入——…——不在本页) names as on the
 * page every input the page has rows for, and never lists one of them among the inputs "not on this page" (review81 1:
 * once management-reviews.yaml existed, the note listed 不良质量成本 as missing under rows 20-21 that give it). Each
 * combination of a GJB 9001C repository or not, objectives.yaml or not and management-reviews.yaml or not, on copies of
 * examples/acme-auto and examples/gjb-demo, in Chinese and English; the page's own areas decide what the note must say.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csrInProcess } from "../helpers.js";

/** A review recorded by hand in gjb-demo (its people), so that the page starts with the previous review's outputs. */
const GJB_REVIEW = "management_reviews:\n  - id: MR-2026\n    period: { from: 2026-01-01, to: 2026-10-31 }\n    held: 2026-11-20\n    chair: liuzm\n    attendees: [chenhw, luox]\n";

/** examples/<example> with objectives.yaml and management-reviews.yaml present or not. */
function repository(example: "acme-auto" | "gjb-demo", objectives: boolean, reviews: boolean): string {
  const dir = copyFixture(`examples/${example}`);
  // Both examples have objectives.yaml; gjb-demo records no management review of its own.
  if (!objectives) rmSync(join(dir, "objectives.yaml"));
  if (example === "gjb-demo" && reviews) writeFileSync(join(dir, "management-reviews.yaml"), GJB_REVIEW);
  if (example === "acme-auto" && !reviews) rmSync(join(dir, "management-reviews.yaml"));
  return dir;
}

/**
 * Per area of the page (its 输入项 as printed): the words the note names it by among the inputs on the page, and the words
 * that must not be among those "not on this page" (the note may name, as missing, costs beyond the corrective action
 * records, which `beyond` strips first).
 */
const AREAS: Record<"zh-CN" | "en", { beyond: string; areas: Record<string, { on: string; missing: string }> }> = {
  "zh-CN": {
    beyond: "纠正措施记录以外的不良质量成本",
    areas: {
      以往管理评审: { on: "以往管理评审措施的实施情况", missing: "以往管理评审" },
      质量目标: { on: "质量目标的实现程度", missing: "质量目标" },
      不良质量成本和产品安全: { on: "不良质量成本和产品安全", missing: "不良质量成本" },
      质量损失和产品安全: { on: "质量损失和涉及产品安全的问题", missing: "质量损失" },
    },
  },
  en: {
    beyond: "costs of poor quality beyond the corrective action records",
    areas: {
      "Previous management reviews": { on: "the status of actions from previous management reviews", missing: "previous management reviews" },
      "Quality objectives": { on: "the extent to which quality objectives were met", missing: "quality objectives" },
      "Cost of poor quality and product safety": { on: "cost of poor quality and product safety", missing: "cost of poor quality" },
      "Quality loss and product safety": { on: "quality loss and problems concerning product safety", missing: "quality loss" },
    },
  },
};

const combinations = (["acme-auto", "gjb-demo"] as const).flatMap((example) => [true, false].flatMap((objectives) => [true, false].map((reviews) => [example, objectives, reviews] as const)));

describe("the management review page's scope note", () => {
  it.each(combinations)("%s, objectives %s, management reviews %s: every area on the page is named as on it, none as missing", async (example, objectives, reviews) => {
    const dir = repository(example, objectives, reviews);
    for (const lang of ["zh-CN", "en"] as const) {
      const result = await csrInProcess(["-C", dir, "list", "management-review", "--today", "2026-12-07", "--format", "json", "--lang", lang], { lang: null });
      expect(result.code).toBe(0);
      const page = JSON.parse(result.stdout) as { rows: { area: string }[]; notes: string[] };
      const shown = new Set(page.rows.map((r) => r.area));
      // The combination is the one asked for: the page has the rows that make its note differ.
      expect(Object.keys(AREAS[lang].areas).filter((a) => shown.has(a))).toHaveLength(1 + (objectives ? 1 : 0) + (reviews ? 1 : 0));
      const note = page.notes.find((n) => n.startsWith(lang === "en" ? "This page sums up only" : "本页只汇总"))!;
      const [on, missing] = lang === "en" ? [note.split(" — ")[0]!, note.split(" — ")[1]!] : [note.split("——")[0]!, note.split("——")[1]!];
      for (const [area, words] of Object.entries(AREAS[lang].areas).filter(([a]) => shown.has(a))) {
        expect([area, on.includes(words.on)]).toEqual([area, true]);
        expect([area, missing.replace(AREAS[lang].beyond, "").includes(words.missing)]).toEqual([area, false]);
      }
    }
  });
});
