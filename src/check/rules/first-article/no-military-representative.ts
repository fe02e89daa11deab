import { sentences, t } from "../../../i18n/index.js";
import { isMilitaryRepresentative } from "../../../model/index.js";
import { worksOn } from "../../../model/people.js";
import type { Rule } from "../../rule.js";

/**
 * A 首件鉴定 judged 合格 with no 军代表 recorded (military_representative) in a repository whose people include a 军代表 at
 * work that day (someone of a military representative office: qms.yaml external_parties of kind military-representative):
 * the 军代表 takes part in the first article inspection of a product delivered to the military, whose batch production
 * follows from its pass (GJB 908A; GJB 9001C-2017 8.5.1; tester81 J8). `csr first-article add` only notes one recorded
 * without. A warning: an inspection the 军代表 did not attend stays reported.
 */
export const rule: Rule = {
  id: "first-article/no-military-representative",
  severity: "warning",
  // Whether a 军代表 worked on a record's day is in people.yaml and qms.yaml, foundations whose change makes the check whole.
  scope: { files: "own" },
  summary: "A first article inspection judged pass records no military representative (军代表) where the repository has one.",
  docs: {
    description:
      "A record of first-articles.yaml with `result: pass` and no `military_representative`, dated on a day when someone of a military representative office (an entry of `external_parties` in `qms.yaml` with `kind: military-representative`) works for it (`people.yaml`: their `department` is the office's code, joined by then and not yet left). The 军代表 takes part in the first article inspection (首件鉴定) of a product delivered to the military and agrees to its conclusion, and batch production goes on from its pass ({{cite:first-article}}): a pass recorded without the 军代表 is the first thing the 军代表 asks about. A failed first article is not judged, nor a repository without a military representative office. A warning: an inspection the 军代表 did not attend stays reported, the question the 军代表 will ask of it.",
    bad: `
  - id: FA-2026-003
    product: XX-3 电源模块
    operation: 灌封
    reason: supplier-change
    date: 2026-11-25
    members: [zhang, li]
    result: pass
    report: SJ-2026-06
`,
    good: `
  - id: FA-2026-003
    product: XX-3 电源模块
    operation: 灌封
    reason: supplier-change
    date: 2026-11-25
    members: [zhang, li]
    military_representative: liujd
    result: pass
    report: SJ-2026-06
`,
    fix: "Record the 军代表 who took part and agreed to the conclusion: `csr first-article add \"XX-3 电源模块\" --amend FA-2026-003 --military-representative liujd`.",
  },
  check(ctx) {
    const military = [...ctx.index.people.values()].map((p) => p.value).filter((p) => isMilitaryRepresentative(ctx.index, p));
    if (military.length === 0) return;
    for (const located of ctx.repo.firstArticles) {
      if (!ctx.keeps(located.file)) continue;
      const record = located.value;
      if (record.result !== "pass" || record.military_representative !== undefined) continue;
      const present = military.filter((p) => worksOn(p, record.date));
      if (present.length === 0) continue;
      ctx.report(
        { file: located.file, path: [...located.path, "result"] },
        sentences(t("rule.first-article/no-military-representative", { id: record.id, product: record.product, date: record.date }), t("rule.first-article/no-military-representative.fix", { id: record.id, product: record.product, person: present[0]!.id })),
      );
    }
  },
};
