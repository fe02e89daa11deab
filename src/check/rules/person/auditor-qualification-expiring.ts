import { list, t } from "../../../i18n/index.js";
import { personWithId } from "../../../i18n/values.js";
import { expiringQualifications } from "../../../model/process-audits.js";
import type { Rule } from "../../rule.js";

/** Days before an auditor qualification's last valid day that person/auditor-qualification-expiring warns, unless qms.yaml sets `internal_audit.requalification_notice_days`. */
export const DEFAULT_REQUALIFICATION_NOTICE_DAYS = 60;

/**
 * IATF 16949 7.2.3 / 7.2.4, GJB 9001C 7.2: the organisation keeps its auditors' competence, and a qualification
 * granted for a period (内审员证书 valid three years, as the organisation sets) is renewed before it lapses, or the
 * audits planned after it have no qualified auditor (process/auditor-unqualified). Warns within the notice days
 * of the last valid day, for the kinds no later period recorded continues.
 */
export const rule: Rule = {
  id: "person/auditor-qualification-expiring",
  severity: "warning",
  scope: { files: "own" },
  clock: "soon",
  dependsOn: ["qms.yaml"],
  summary: "An auditor's qualification lapses within the notice days and no requalification is recorded.",
  docs: {
    description:
      "A person's auditor qualification in `people.yaml` (`internal_auditor`, recorded with `csr person update --auditor-since`) is valid today and its last valid day (`until`) is within `internal_audit.requalification_notice_days` of `qms.yaml` (default 60; `0` turns the warning off), and no later period recorded for the same kinds of audit (`kinds`: qms, manufacturing-process, product, second-party) starts by the day after it. Auditors' competence is kept up ({{cite:auditor-competence}}): requalify them before the qualification lapses, or the audits after it are made by an auditor without one (process/auditor-unqualified). A person who leaves by that day is not reported.",
    bad: `
    internal_auditor:   # people.yaml, wang
      - {since: 2023-12-20, until: 2026-12-19, record: NS-2023-12}   # today 2026-11-27: lapses in 22 days
`,
    good: `
    internal_auditor:   # people.yaml, wang
      - {since: 2023-12-20, until: 2026-12-19, record: NS-2023-12}
      - {since: 2026-12-20, until: 2029-12-19, record: NS-2026-11}   # requalified
`,
    fix: "Requalify the auditor (training, assessment) and record the new period with `csr person update <id> --auditor-since <day after the last valid day> --auditor-until <its last valid day> --auditor-record <certificate>`; an auditor who is not to be requalified is left to lapse — plan the audits after that day with others.",
  },
  check(ctx) {
    const notice = ctx.repo.config?.value.internal_audit?.requalification_notice_days ?? DEFAULT_REQUALIFICATION_NOTICE_DAYS;
    if (notice === 0) return;
    const { today } = ctx.options;
    for (const { value: person, file, path } of ctx.index.people.values()) {
      if (!ctx.keeps(file)) continue;
      for (const { period, index, kinds, days } of expiringQualifications(person, today, notice)) {
        ctx.report(
          { file, path: [...path, "internal_auditor", index, "until"] },
          t(days === 0 ? "rule.person/auditor-qualification-expiring.today" : "rule.person/auditor-qualification-expiring", {
            who: personWithId(person),
            kinds: list(kinds.map((kind) => t(`value.auditor-kind.${kind}`))),
            until: period.until!,
            count: days,
            id: person.id,
            // A qualification for other kinds than a QMS auditor's is recorded again with them.
            kindsOption: kinds.length === 1 && kinds[0] === "qms" ? "" : ` --auditor-kinds ${kinds.join(",")}`,
          }),
        );
      }
    }
  },
};
