import { addDays } from "../../../core/dates.js";
import { shellArgument } from "../../../core/text.js";
import { list, t } from "../../../i18n/index.js";
import { revisionName } from "../../../i18n/values.js";
import { DEFAULT_ACKNOWLEDGE_DAYS, flowDownDecision, flowDownReadings } from "../../../model/flow-down.js";
import { departmentLabel } from "../../../model/labels.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 8.4.3.1: the organisation passes the applicable requirements down to its suppliers, and
 * the customer's CSRs say which of theirs must be. A must-meet CSR in force that is to be passed down
 * (`flow_down.required`, or passed down already: passing it says it applies to suppliers) is followed
 * until every supplier holds its current wording: not passed to any supplier; passed on a source
 * revision or a document revision that is no longer the current one (待重新传递); passed and not
 * acknowledged within `csr.flow_down_acknowledge_days` calendar days (qms.yaml, default 30) — a
 * requirement sent is not yet a requirement received. One finding per CSR and cause, naming the suppliers.
 */
export const rule: Rule = {
  id: "csr/flow-down-missing",
  severity: "warning",
  scope: {
    files: "all",
    // A CSR's decision, source revision and flow-down (nothing of one without a flow-down); a document's revisions (the revision passed down may no longer be in force).
    reads: (f) =>
      f.kind === "csr"
        ? // Without a flow-down, only whether it is a must-meet CSR in force (qms.yaml csr.flow_down_decision_required asks its decision).
          f.data.flow_down
          ? [f.data.id, f.data.superseded !== undefined, f.data.review?.decision?.disposition, f.data.source.revision, f.data.flow_down]
          : [f.data.id, f.data.superseded !== undefined, f.data.review?.decision?.disposition]
        : f.kind === "document"
          ? [f.data.id, f.data.status, f.data.effective, f.data.revisions]
          : null,
  },
  clock: true,
  summary: "A must-meet CSR to be passed down to suppliers has not reached them in its current form, or not been acknowledged.",
  docs: {
    description:
      "A CSR decided `must`, not superseded, that is to be passed down to suppliers (`flow_down.required: true`, or with a passing recorded in `flow_down.suppliers`) and: (1) was passed to no supplier; or (2) a supplier's latest passing is of an earlier source revision (`source_revision`, after `csr source update` revised the requirement) or of a revision of the repository's document it went by (`revision`) that is no longer the one in force (待重新传递); or (3) a supplier has not acknowledged its latest passing (`acknowledged`) more than `csr.flow_down_acknowledge_days` calendar days (qms.yaml, default 30) after it was sent. Each cause is one finding per CSR, naming its suppliers. Only must-meet requirements are followed: an optional one is the organisation's choice to pass on. A requirement decided not to apply to suppliers (`flow_down.required: false` with its `reason`: `csr flow-down --not-required --reason`) is not followed. With `csr.flow_down_decision_required: true` in qms.yaml (off by default: most repositories decide flow-down for a few requirements only), a must-meet CSR in force with no flow-down decision at all (neither `--require`, a passing, nor `--not-required`) is a finding too. The organisation passes the applicable customer requirements down to its suppliers and has them cascade them down the supply chain{{#IATF16949}} (IATF 16949 8.4.3.1){{/IATF16949}}.",
    bad: `
flow_down:
  required: true   # must-meet, passed to no supplier
`,
    good: `
flow_down:
  required: true
  suppliers:
    - {supplier: CZXS, document: WI-008-01, revision: A/1, date: 2026-11-20, source_revision: C, acknowledged: {date: 2026-11-25, by: 周建林}}
`,
    fix: "Decide for each must-meet requirement whether it applies to suppliers: `csr flow-down DYA-003 --not-required --reason ...` when it does not. Record the passing with `csr flow-down DYA-001 --to CZXS --via WI-008-01 --date ...` (again, by the revised document, when it is to be passed down again), and the supplier's reply with `csr flow-down DYA-001 --acknowledged CZXS --date ... --by ...`.",
  },
  check(ctx) {
    const today = ctx.options.today;
    const days = ctx.repo.config?.value.csr?.flow_down_acknowledge_days ?? DEFAULT_ACKNOWLEDGE_DAYS;
    const supplier = (code: string) => departmentLabel(ctx.index, code);
    // The document to pass it down by again: the repository's one they all went by (its revision in force is taken), else the user's to name.
    const via = (documents: string[]) => (new Set(documents).size === 1 && ctx.index.documents.has(documents[0]!) ? shellArgument(documents[0]!) : t("flow-down.document-placeholder"));
    // Opt-in (qms.yaml csr.flow_down_decision_required): every must-meet requirement has its flow-down decided.
    const decisionRequired = ctx.repo.config?.value.csr?.flow_down_decision_required === true;
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (!ctx.keeps(file)) continue;
      const flowDown = csr.flow_down;
      if (csr.superseded || csr.review?.decision?.disposition !== "must") continue;
      if (decisionRequired && flowDownDecision(csr) === undefined) {
        ctx.report({ file, path: flowDown ? ["flow_down"] : ["review", "decision", "disposition"] }, t("rule.csr/flow-down-missing.undecided", { csr: csr.id, id: shellArgument(csr.id) }));
        continue;
      }
      if (!flowDown) continue;
      const passings = flowDown.suppliers ?? [];
      if (passings.length === 0) {
        if (flowDown.required) ctx.report({ file, path: ["flow_down", "required"] }, t("rule.csr/flow-down-missing.none", { csr: csr.id, id: shellArgument(csr.id) }));
        continue;
      }
      const readings = flowDownReadings(csr, ctx.index.documents, today);
      const at = (code: string) => ["flow_down", "suppliers", passings.map((p) => p.supplier).lastIndexOf(code)];
      const renew = readings.filter((r) => r.status.state === "renew");
      if (renew.length > 0) {
        const reasons = renew.map(({ supplier: code, status, latest }) =>
          status.state !== "renew"
            ? ""
            : status.reason === "source-revised"
              ? t("rule.csr/flow-down-missing.source-revised", { supplier: supplier(code), was: revisionName(status.was), is: revisionName(csr.source.revision) })
              : t("rule.csr/flow-down-missing.document-revised", { supplier: supplier(code), document: latest.document, was: status.was, is: status.is }),
        );
        ctx.report(
          { file, path: at(renew[0]!.supplier) },
          t("rule.csr/flow-down-missing.renew", { csr: csr.id, reasons: reasons.join(t("common.list-separator")), command: `csr flow-down ${shellArgument(csr.id)} --to ${renew.map((r) => r.supplier).join(" ")} --via ${via(renew.map((r) => r.latest.document))}` }),
        );
      }
      const late = readings.filter((r) => r.status.state === "awaiting" && addDays(r.latest.date, days) < today);
      if (late.length > 0) {
        ctx.report(
          { file, path: at(late[0]!.supplier) },
          t("rule.csr/flow-down-missing.unacknowledged", { csr: csr.id, suppliers: list(late.map((r) => supplier(r.supplier) + t("show.parenthesis", { text: r.latest.date }))), days, command: `csr flow-down ${shellArgument(csr.id)} --acknowledged ${late.map((r) => r.supplier).join(" ")}` }),
        );
      }
    }
  },
};
