import { shellArgument } from "../../../core/text.js";
import { externalCheckOverdue, heldExternalEdition, heldSourceEdition, nextCheckDue, type HeldEdition } from "../../../model/external-check.js";
import { revisionName } from "../../../i18n/values.js";
import { sentences, t } from "../../../i18n/index.js";
import type { Rule } from "../../rule.js";

/**
 * 外来文件有效性确认 (标准查新): with `document_control.external_check_months` set in qms.yaml, each customer
 * source document and external standard held is confirmed still its publisher's current edition within that
 * many months of its receipt or last check (IATF 16949 4.3.2, 7.5.3.2.2: the customer's current requirements
 * known and reviewed; 7.5.3.2, GJB 9001C 7.5.3: external documents identified and controlled). A new
 * revision found is recorded with csr source update (or csr set --edition); one still current with csr source confirm.
 */
export const rule: Rule = {
  id: "doc/external-check-due",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  dependsOn: ["qms.yaml"],
  summary: "A customer source document or external standard has not been confirmed still current within the months qms.yaml sets.",
  docs: {
    description:
      "With `document_control.external_check_months` set in qms.yaml (e.g. 12), each customer source document held (`customers/<CODE>.yaml`, its last revision received, not marked superseded) and each external standard in force (a document of kind `external`) is confirmed still the publisher's current edition within that many months, counted from the later of its receipt and its last check under `confirmations` (written by `csr source confirm`). A customer publishes a new revision of its supplier manual on its portal, and a standard is replaced, without telling each supplier: {{#IATF16949}}IATF 16949 4.3.2 and 7.5.3.2.2 expect the customer's current requirements to be known and reviewed on the customer's schedule, and an auditor asks when the portal was last checked{{/IATF16949}}{{^IATF16949}}{{cite:documents-in-use}} asks for external documents to be identified and controlled, and an auditor asks how the edition held is known to be current{{/IATF16949}}. Without the setting nothing is reported.",
    bad: `
  - id: DYA-SC
    title: 东岳汽车产品特殊特性管理规范
    revisions:
      - {revision: B, received: 2025-02-10}   # external_check_months: 12, so due 2026-02-10
`,
    good: `
    confirmations:
      - {date: 2026-11-02, by: wang, revision: B, via: 东岳供应商门户}
`,
    fix: "Check the publisher's current edition (the customer's supplier portal, a standards database). Still current: `csr source confirm DYA-SC --by wang --via 东岳供应商门户`. A new revision: record it with `csr source update DYA-SC --revision C --received <date>` (an external standard: `csr set <number> --edition <edition>`).",
  },
  check(ctx) {
    const months = ctx.repo.config?.value.document_control?.external_check_months;
    if (months === undefined) return;
    const { today } = ctx.options;
    const report = (file: Parameters<typeof ctx.report>[0]["file"], path: (string | number)[], id: string, title: string, held: HeldEdition, kind: "source" | "external") => {
      if (held.since === undefined) return;
      if (!externalCheckOverdue(held.since, months, today)) return;
      const due = nextCheckDue(held.since, months);
      const last = held.confirmed ? t("rule.doc/external-check-due.confirmed", { date: held.confirmed.date }) : t("rule.doc/external-check-due.received", { date: held.since });
      ctx.report({ file, path }, sentences(t("rule.doc/external-check-due", { what: t(`rule.doc/external-check-due.${kind}`), id, title, named: revisionName(held.revision), last, months, due }), t(`rule.doc/external-check-due.fix-${kind}`, { id: shellArgument(id) })));
    };
    for (const { value: customer, file } of ctx.repo.customers) {
      if (!ctx.keeps(file)) continue;
      for (const [i, source] of (customer.sources ?? []).entries()) {
        const held = heldSourceEdition(source, today);
        if (!held) continue;
        const path = held.confirmedIndex !== undefined ? ["sources", i, "confirmations", held.confirmedIndex, "date"] : ["sources", i, "revisions", held.revisionIndex!, "received"];
        report(file, path, source.id, source.title, held, "source");
      }
    }
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const held = heldExternalEdition(doc, today);
      if (!held) continue;
      const path = held.confirmedIndex !== undefined ? ["external", "confirmations", held.confirmedIndex, "date"] : doc.external?.received !== undefined ? ["external", "received"] : ["id"];
      report(file, path, doc.id, doc.title, held, "external");
    }
  },
};
