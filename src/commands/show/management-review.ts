/**
 * `csr show <MR-…>`: the record of one management review of management-reviews.yaml (管理评审记录; ISO 9001 / IATF 16949
 * 9.3, GJB 9001C 9.3) as an auditor asks for it: the period reviewed, the day, chair and attendees, the inputs reviewed,
 * each output with its kind, owner, due day and status on the day (done with its day and evidence, open, overdue), the
 * approval, and the findings of csr check's management-review/* rules on it.
 */
import { language, t } from "../../i18n/index.js";
import type { Located, Repository } from "../../load/repository.js";
import { outputLabel, outputStatus } from "../../model/management-reviews.js";
import type { RepoIndex } from "../../model/index.js";
import type { ManagementReview } from "../../model/types.js";
import { personName, registerContext } from "../../report/registers/context.js";
import type { CommandContext } from "../context.js";
import { cardText, findingsAt } from "./tooling.js";

/**
 * Prints `located`'s record as of `today` (YYYY-MM-DD): text, or with `json` the record as management-reviews.yaml has it
 * with each output's status and the findings. Returns the exit code (0).
 */
export async function showManagementReview(ctx: CommandContext, repo: Repository, index: RepoIndex, located: Located<ManagementReview>, today: string, json: boolean): Promise<number> {
  const review = located.value;
  const rc = registerContext(repo, language(), undefined, undefined, index);
  const findings = await findingsAt(repo, located, today, ["management-review/", "ref/unresolved"]);
  const outputs = review.outputs ?? [];
  if (json) {
    const found = findings.map(({ rule, severity, line, column, message }) => ({ rule, severity, line, column, message }));
    const out = { file: located.file.path, asOf: today, managementReview: review, outputs: outputs.map((o) => ({ output: outputLabel(review, o), status: outputStatus(o, today) })), findings: found };
    ctx.stdout(JSON.stringify(out, null, 2) + "\n");
    return 0;
  }
  const person = (id: string) => personName(rc, id);
  const none = [t("show.document.none")];
  const fields: [string, string[]][] = [
    [t("show.label.file"), [located.file.path]],
    [t("show.management-review.period"), [t("show.management-review.period-value", review.period)]],
    [t("show.management-review.held"), [review.held]],
    [t("show.management-review.chair"), [person(review.chair)]],
    [t("show.management-review.attendees"), [review.attendees.map(person).join(t("register.list-separator"))]],
  ];
  if (review.inputs !== undefined) fields.push([t("show.management-review.inputs"), [review.inputs]]);
  fields.push([
    t("show.management-review.outputs"),
    outputs.length === 0
      ? none
      : outputs.map((o) => {
          const status = outputStatus(o, today);
          const state = status === "done" ? t("show.management-review.output-done", { done: o.done!, evidence: o.evidence ?? "" }) : t(`register.management-review-outputs.status.${status}`);
          return t("show.management-review.output-line", { label: outputLabel(review, o), text: o.text, kind: t(`value.management-review-output.${o.kind}`), owner: person(o.owner), due: o.due, state });
        }),
  ]);
  fields.push([t("show.management-review.approved"), review.approved !== undefined ? [t("show.management-review.approved-value", { by: person(review.approved_by ?? ""), date: review.approved })] : [t("show.management-review.not-approved")]]);
  fields.push([t("show.tooling.findings"), findings.length > 0 ? findings.map((f) => t("show.tooling.finding-line", { severity: t(f.severity === "error" ? "show.tooling.error" : "show.tooling.warning"), rule: f.rule, line: f.line, message: f.message })) : none]);
  ctx.stdout(cardText(`${review.id}  ${t("show.management-review.title")}`, fields));
  return 0;
}
