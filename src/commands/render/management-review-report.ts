/**
 * The printed record of one management review (management-reviews.yaml, 管理评审报告), as `csr render MR-…` prints it for
 * signature: the documented information retained as evidence of the results of management review (ISO 9001 / IATF 16949
 * 9.3.3; GJB 9001C 9.3.3) — the period reviewed, the day, the chair and attendees; the inputs considered, summed up from the
 * management review input report of that period (report/registers/management-review.ts, the page `csr list management-review
 * MR-…` prints) with each figure as it stood on the period's last day; the outputs, each decision or action with its kind,
 * owner, due day and where it stands on the day printed (done with its day and evidence, open, overdue; 9.3.3.1: the action
 * plan for a customer performance target missed is one of them); and the approval by top management with its day. It is
 * laid out by templates/{html,md}/action-report.hbs, the layout of every record csr prints as a form to sign (8D, internal
 * audit nonconformity, 归零 reports), on the form qms.yaml `registers.forms` names for `management-review-report` when it
 * names one. What no record holds (who wrote the minutes) is an empty cell to sign by hand, never guessed.
 */
import { localized } from "../../core/text.js";
import { translate } from "../../i18n/index.js";
import { outputLabel, outputStatus } from "../../model/management-reviews.js";
import { formRevisionOn } from "../../model/index.js";
import type { ManagementReview } from "../../model/types.js";
import type { Labels } from "../../render/environment.js";
import { managementReviewRegister } from "../../report/registers/management-review.js";
import { personName, type RegisterContext } from "../../report/registers/context.js";
import type { ActionReportView } from "./action-report.js";

/** What templates/{html,md}/action-report.hbs lay out for a management review: the header, the inputs and outputs, the signatures. */
export type ManagementReviewReportView = Omit<ActionReportView, "kind" | "numberLabel"> & { kind: "management-review"; numberLabel: "mr_report_number" };

/** The id of qms.yaml `registers.forms` whose form the record is printed on (model/register-forms.ts). */
export const MANAGEMENT_REVIEW_REPORT_FORM = "management-review-report";

/**
 * The view of `review`'s record as printed on `day` (YYYY-MM-DD, not before the review was held: the caller refuses that),
 * in `rc.lang`, its labels from `labels` (templates/i18n, the repository's replacing csr's). `day` gives each output's status
 * and the version in force of the registered form; the inputs are the page of the review's own period.
 */
export function managementReviewReportView(rc: RegisterContext, labels: Labels, review: ManagementReview, day: string): ManagementReviewReportView {
  const { repo, index, lang } = rc;
  const l = (key: string) => labels[key] ?? key;
  const tr = (key: string, data?: Record<string, unknown>) => translate(lang, key as Parameters<typeof translate>[1], data as Parameters<typeof translate>[2]);
  const config = repo.config?.value;
  const name = (id: string | undefined) => (id === undefined ? "" : personName(rc, id));
  const formId = config?.registers?.forms?.[MANAGEMENT_REVIEW_REPORT_FORM];
  const form = formId === undefined ? undefined : index.documents.get(formId)?.value;
  const period = tr("show.management-review.period-value", review.period);
  // The inputs considered: the input report of the review's own period, its figures (指标 数值) one row per 输入项, each under the
  // numbers the report gives them (序号 2–12), so that the record stays a few pages and points to the full page.
  const inputs = managementReviewRegister(rc, { today: review.period.to, period: review.period });
  const areas: { first: number; last: number; area: string; figures: string[] }[] = [];
  for (const row of inputs.rows) {
    const figure = `${String(row.item)} ${String(row.value)}`;
    const last = areas.at(-1);
    if (last && last.area === row.area) {
      last.last = Number(row.no);
      last.figures.push(figure);
    } else areas.push({ first: Number(row.no), last: Number(row.no), area: String(row.area), figures: [figure] });
  }
  const inputRows = areas.map((a) => [a.first === a.last ? String(a.first) : `${a.first}–${a.last}`, a.area, a.figures.join(tr("register.management-review.detail-separator"))]);
  const outputs = review.outputs ?? [];
  const outputRows = outputs.map((o) => {
    const status = outputStatus(o, day);
    return [
      outputLabel(review, o),
      o.text,
      tr(`value.management-review-output.${o.kind}`),
      name(o.owner),
      o.due,
      status === "done" ? `${tr("register.management-review-outputs.status.done")} ${o.done}` : tr(`register.management-review-outputs.status.${status}`),
      status === "done" ? (o.evidence ?? "") : "",
    ];
  });
  // An approval dated after the day printed was not yet given then (--as-of): a blank to sign, as one not recorded.
  const approved = review.approved !== undefined && review.approved <= day;
  return {
    lang,
    kind: "management-review",
    numbered: true,
    organisation: config ? localized(lang, config.organisation.name, config.organisation.name_en) : "",
    number: review.id,
    numberLabel: "mr_report_number",
    heading: form ? localized(lang, form.title, form.title_en) : l("mr_report_title"),
    ...(form ? { form: { number: form.id, version: formRevisionOn(form, day)?.version ?? "" } } : {}),
    header: [
      [{ label: l("mr_report_number"), value: review.id }, { label: l("mr_report_held"), value: review.held }],
      [{ label: l("mr_report_period"), value: period, wide: true }],
      [{ label: l("mr_report_chair"), value: name(review.chair) }, { label: l("mr_report_approved"), value: approved ? `${name(review.approved_by)} ${review.approved}` : "" }],
      [{ label: l("mr_report_attendees"), value: review.attendees.map(name).join(tr("register.list-separator")), wide: true }],
      ...(review.inputs !== undefined ? [[{ label: l("mr_report_input_report"), value: review.inputs, wide: true }]] : []),
    ],
    sections: [
      {
        title: l("mr_report_inputs"),
        text: l("mr_report_inputs_source").replaceAll("{from}", review.period.from).replaceAll("{to}", review.period.to).replaceAll("{id}", review.id).replaceAll("{count}", String(inputs.rows.length)),
        table: { head: [l("mr_report_input_no"), l("mr_report_input_area"), l("mr_report_input_figures")], rows: inputRows, nowrap: [true, false, false] },
        runsOver: true,
      },
      {
        title: l("mr_report_outputs"),
        table: {
          head: [l("mr_report_output_no"), l("mr_report_output_text"), l("mr_report_output_kind"), l("mr_report_output_owner"), l("mr_report_output_due"), l("mr_report_output_status"), l("mr_report_output_evidence")],
          rows: outputRows,
          nowrap: [true, false, false, false, true, false, false],
        },
        meta: `${l("mr_report_status_on")}${l("colon")}${day}`,
      },
    ],
    signatures: [
      { label: l("mr_report_sign_recorder"), name: "", date: "" },
      { label: l("mr_report_sign_chair"), name: name(review.chair), date: review.held },
      { label: l("mr_report_sign_approver"), name: approved ? name(review.approved_by) : "", date: approved ? review.approved! : "" },
    ],
  };
}
