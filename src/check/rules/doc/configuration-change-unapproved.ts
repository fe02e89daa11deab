import { sentences, t } from "../../../i18n/index.js";
import { shellArgument } from "../../../core/text.js";
import { configurationChangeGaps } from "../../../model/revision.js";
import type { Rule } from "../../rule.js";

/**
 * A 技术状态更改 whose record lacks what its class asks (GJB 3206B 技术状态管理; GJB 9001C 8.3.6, 8.5.6; tester81 J3): a class
 * I or II change with no 更改单号 (`change_request`), a class I change with no customer's approval (`customer_notices`
 * `approved`: the 订购方 approves it before it is implemented). `csr release --change-class` refuses such a revision; this
 * finds one written by hand. An approval dated after the change took effect is refused by `csr release` but not reported
 * here: the record then says what happened, and no edit of it would make the approval earlier (an error no true record
 * could clear; review81 #4). An imported revision keeps its 更改单 on the paper record and is not judged
 * (model/revision.ts configurationChangeGaps).
 */
export const rule: Rule = {
  id: "doc/configuration-change-unapproved",
  severity: "error",
  scope: { files: "own" },
  summary: "A class I configuration change records no ordering party's (订购方) approval, or a class I or II change no change order number (更改单号).",
  docs: {
    description:
      "A revision marked a configuration change (`configuration_change: true`, 技术状态更改) of `change_class: I` or `II` records no change order number (`change_request`, 更改单号), or one of `change_class: I` records no customer's approval (`customer_notices` with `approved`). As GJB 3206B classes configuration changes, a class I change is approved by the ordering party (订购方) before it is implemented, and a class I or II change is carried out under a numbered change order that the 军代表 countersigns ({{cite:customer-change-notice}}); a class III change is the organisation's own and is not judged. Reported on the revision's `change_class`. A revision imported from a register (`imported`) keeps its change order on the paper record and is not judged.",
    bad: `
  - version: A/2
    date: 2026-11-10
    effective: 2026-11-16
    summary: 灌封脱泡时间改为 20 min
    reason: 灌封层气泡超标
    configuration_change: true
    change_class: I
    prepared: { by: zhang, date: 2026-11-10 }
    reviewed: { by: li, date: 2026-11-10 }
    approved: { by: wang, date: 2026-11-10 }
    military_representative: { by: liujd, date: 2026-11-11 }
`,
    good: `
  - version: A/2
    date: 2026-11-10
    effective: 2026-11-16
    summary: 灌封脱泡时间改为 20 min
    reason: 灌封层气泡超标
    change_request: BG-2026-011
    configuration_change: true
    change_class: I
    customer_notices:
      - { customer: NES, approved: 2026-11-12 }
    prepared: { by: zhang, date: 2026-11-10 }
    reviewed: { by: li, date: 2026-11-10 }
    approved: { by: wang, date: 2026-11-10 }
    military_representative: { by: liujd, date: 2026-11-11 }
`,
    fix: "Write the change order's number into the revision entry (`change_request: BG-2026-011`) and record the ordering party's approval as its letter dates it: `csr sign <id> --customer-approved <code>=<date>` on the current revision, or `customer_notices: [{ customer: <code>, approved: <date> }]` in the entry of an earlier one. `csr release <id> --configuration-change --change-class I --change-request <number> --customer-approved <code>=<date>` records both on the next revision.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.index.documents.values()) {
      (doc.revisions ?? []).forEach((revision, i) => {
        const gaps = configurationChangeGaps(revision);
        const latest = i === (doc.revisions?.length ?? 0) - 1;
        const data = { id: doc.id, arg: shellArgument(doc.id), version: revision.version, class: revision.change_class ?? "" };
        const fix = latest ? "rule.doc/configuration-change-unapproved.fix" : "rule.doc/configuration-change-unapproved.fix-earlier";
        const missing = [gaps.approval ? "approval" : "", gaps.order ? "order" : ""].filter(Boolean).join("-");
        if (missing !== "") ctx.report({ file, path: ["revisions", i, "change_class"] }, sentences(t(`rule.doc/configuration-change-unapproved.${missing as "approval" | "order" | "approval-order"}`, data), t(fix, data)));
      });
    }
  },
};
