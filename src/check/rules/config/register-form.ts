import type { Rule } from "../../rule.js";
import { didYouMean } from "../../../core/text.js";
import { sentences, t } from "../../../i18n/index.js";

/**
 * A register printed on a form number (qms.yaml `registers.forms`) names a released form: printing
 * the auditor's register on an obsolete or unreleased form is what the control of documents in use
 * forbids (7.5.2/7.5.3 of IATF 16949, GJB 9001C and ISO 9001 alike: preventing the unintended use of
 * obsolete documents).
 */
export const rule: Rule = {
  id: "config/register-form",
  severity: "error",
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.kind, f.data.status, f.data.obsolete] : null) },
  summary: "qms.yaml prints a register on a form that does not exist, is not a form, is a draft or is obsolete.",
  docs: {
    description:
      "`registers.forms` in qms.yaml gives the form number each register is printed on (表单编号 in its heading). The number must be a released form of the repository: a register printed on an obsolete form number, on a draft or on a number that does not exist is a controlled record on an uncontrolled form ({{cite:documents-in-use}}).",
    bad: `
registers:
  forms:
    documents: QR-001-01   # withdrawn, replaced by QR-001-02
    forms: QR-001-03       # a draft
`,
    good: `
registers:
  forms: { documents: QR-001-02 }
`,
    fix: "Name the released form the register is printed on (the successor of an obsolete one), or release the draft form first.",
  },
  check(ctx) {
    const config = ctx.repo.config;
    const forms = config?.value.registers?.forms;
    if (!forms) return;
    for (const [register, number] of Object.entries(forms)) {
      const found = ctx.index.documents.get(number)?.value;
      const at = { file: config.file, path: ["registers", "forms", register] };
      if (!found) {
        const known = [...ctx.index.documents.values()].filter((d) => d.value.kind === "form" && d.value.status !== "obsolete").map((d) => d.value.id);
        ctx.report(at, t("rule.config/register-form.unknown", { register, number }) + didYouMean(number, known));
      } else if (found.kind !== "form") {
        ctx.report(at, t("rule.config/register-form.not-a-form", { register, number, kind: t(`value.kind.${found.kind}`) }));
      } else if (found.status === "obsolete") {
        const successor = found.obsolete?.superseded_by;
        ctx.report(at, sentences(t("rule.config/register-form.obsolete", { register, number, date: found.obsolete?.date ?? "" }), successor ? t("rule.config/register-form.successor", { successor }) : ""));
      } else if (found.status !== "released") {
        ctx.report(at, t("rule.config/register-form.draft", { register, number }));
      }
    }
  },
};
