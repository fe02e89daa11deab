/**
 * The page of a CSR's review report on the site, written by code: what csr's Handlebars template
 * templates/html/csr-review-report.hbs gives inside the layout partial with the site's frame
 * (partials layout, running-header, stamp and templates/site/site-head, site-nav, site-section,
 * site-foot, site-footer), byte for byte. The site prints one for every CSR, and the template spent
 * about half of the reports' CPU on its `{{#if}}` and `{{#each}}` steps (2.8 s at 10,000
 * entities). A repository that replaces any of those templates (REPORT_TEMPLATES) gets its own
 * through Handlebars (site/build.ts); `csr render` always uses the template.
 * test/site/report-html.test.ts compares both on every CSR of the examples and fixtures.
 */
import type { CsrReportView, TextPart } from "../render/view.js";
import type { Labels } from "../render/environment.js";
import { siteNavHtml } from "./page.js";
import type { Escape } from "./section.js";
import type { Chrome, SiteSection } from "./view.js";

/** The templates the page is made of, as a repository would name them under templates/html/ to replace them. */
export const REPORT_TEMPLATES = [
  "csr-review-report",
  "partials/layout",
  "partials/running-header",
  "partials/stamp",
  "partials/person-links",
  "partials/site-head",
  "partials/site-nav",
  "partials/site-section",
  "partials/site-foot",
  "partials/site-footer",
] as const;

export type SiteReportView = CsrReportView & { customerHref?: string; sourceHref?: string; site: Chrome };

/** Handlebars's `{{#if}}`: false for a falsy value and an empty list. */
const truthy = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : Boolean(value));

/**
 * The page's HTML. `escape` is Handlebars's own (`escapeExpression`), `labels` the renderer's
 * (what its helper `t` looks up), `section` the helper `section-html`.
 */
export function siteReportHtml(view: SiteReportView, labels: Labels, escape: Escape, section: (section: SiteSection) => string): string {
  // {{t ...}}: the label of the joined keys, or the key itself; escaped as every {{ }} value.
  const t = (...parts: unknown[]): string => {
    const key = parts.map((p) => (p === undefined || p === null ? "" : String(p))).join("");
    return escape(labels[key] ?? key);
  };
  // {{value}}: Handlebars escapes any value (a number as its text, undefined and null as nothing).
  const e = (value: unknown): string => escape(value as string);
  // {{> person-links links=xLinks text=x}}: the people a value names, each linking to their page.
  const people = (value: unknown, links: readonly TextPart[] | undefined): string =>
    truthy(links) && links ? links.map((p) => (truthy(p.href) ? `<a href="${e(p.href)}">${e(p.text)}</a>` : e(p.text))).join("") : e(value);
  const v = view as SiteReportView & { classification?: unknown; version?: unknown; copy?: unknown };
  const { site } = v;
  const colon = t("colon");
  // layout's runningTitle=(t "csr_report_title"), which the running header prints unless it is empty.
  const runningTitle = t("csr_report_title");

  // --- layout: the head, the site's navigation and the running header.
  let html = `<!DOCTYPE html>\n<html lang="${e(v.lang)}">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${site.csp}">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="robots" content="noindex">\n<title>${e(v.number)} ${e(v.title)}</title>\n`;
  html += `<link rel="stylesheet" href="${e(site.root)}assets/document.css">${site.canonical ? `<link rel="canonical" href="${e(site.canonical)}">\n` : ""}<link rel="icon" href="data:,">\n<link rel="stylesheet" href="${e(site.root)}assets/site.css">\n</head>\n<body>`;
  html += siteNavHtml(site, escape, section);
  html += `\n<main id="main" class="site-document">\n<table class="page">\n<thead><tr><td>`;
  html += `<div class="running-header"><span>${e(v.organisation)}${truthy(v.classification) ? ` · <span class="nowrap">${t("classification")}${colon}${e(v.classification)}</span>` : ""}</span><span>${runningTitle || e(v.title)}</span><span><span class="nowrap">${t(v.numberLabel)}${colon}${e(v.number)}</span>${truthy(v.version) ? ` · <span class="nowrap">${t("version")}${colon}${e(v.version)}</span>` : ""}</span></div>\n`;
  html += `</td></tr></thead>\n<tbody><tr><td>\n`;
  if (truthy(v.classification)) html += `<div class="classification">${t("classification")}${colon}${e(v.classification)}</div>\n`;
  // --- stamp
  if (truthy(v.stamp)) html += `<div class="stamp stamp-${e(v.stamp)}">${t("stamp_", v.stamp)}${truthy(v.copy) ? `<span class="stamp-copy">${t("copy_number")} ${e(v.copy)}</span>` : ""}</div>\n`;
  html += `${v.stamp === "obsolete" ? `<div class="watermark">${t("stamp_obsolete")}</div>` : ""}\n`;

  // --- the report (csr-review-report.hbs)
  html += `<div class="organisation">${e(v.organisation)}</div>\n<h1>${runningTitle}</h1>\n`;
  if (truthy(v.form)) html += `<p class="form-number">${t("csr_form")}${colon}<span class="nowrap">${e(v.form?.number)}</span>${truthy(v.form?.version) ? ` ${t("csr_form_version")}${colon}<span class="nowrap">${e(v.form?.version)}</span>` : ""}</p>${truthy(v.form?.reprint) ? `<p class="form-number">${e(v.form?.reprint)}</p>` : ""}`;
  if (truthy(v.asOf)) html += `<p class="form-number">${e(v.asOf)}</p>`;
  html += `\n<table class="header wraps">\n`;
  html += `<tr><th>${t("csr_id")}</th><td>${e(v.number)}</td><th>${t("csr_customer")}</th><td>${truthy(v.customerHref) ? `<a href="${e(v.customerHref)}">${e(v.customer)}</a>` : e(v.customer)}</td></tr>\n`;
  html += `<tr><th>${t("csr_source")}</th><td>${truthy(v.sourceHref) ? `<a href="${e(v.sourceHref)}">${e(v.source)}</a>` : e(v.source)}</td><th>${t("csr_source_revision")}</th><td>${e(v.sourceRevision)}</td></tr>\n`;
  // What the source revision changed (templates/html/csr-review-report.hbs: its row, else the template's empty line).
  html += truthy(v.sourceChange) ? `<tr><th>${t("csr_source_change")}</th><td colspan="3">${e(v.sourceChange)}</td></tr>\n` : "\n";
  html += `<tr><th>${t("csr_section")}</th><td>${e(v.section)}</td><th>${t("csr_clauses")}</th><td>${e(v.clauses)}</td></tr>\n`;
  html += `<tr><th>${t("csr_category")}</th><td>${e(v.category)}</td><th>${t("csr_received")}</th><td class="nowrap">${e(v.received)}</td></tr>\n`;
  if (truthy(v.restarted)) html += `<tr><th>${truthy(v.confirmedBy) ? t("csr_review_start_confirmed") : t("csr_review_start_restarted")}</th><td class="nowrap" colspan="3">${e(v.reviewStart)}</td></tr>`;
  html += `\n<tr><th>${t("csr_review_due")}</th><td class="nowrap">${e(v.due)}${truthy(v.estimated) ? "*" : ""}</td><th>${t("csr_decided_date")}</th><td class="nowrap">${e(v.decidedOn)}${truthy(v.confirmedBy) ? ` ${people(v.confirmedBy, v.confirmedByLinks)}${t("csr_confirmed_suffix")}` : ""}</td></tr>\n`;
  html += `<tr><th>${t("csr_workdays_used")}</th><td class="nowrap">${v.timeliness !== "superseded" ? `${e(v.workdaysUsed)} ${t("csr_workdays_unit")}` : ""}</td><th>${t("csr_timeliness")}</th>${v.pastDue ? `<td>${e(v.pastDue)}</td>` : `<td class="nowrap">${t("timeliness_", v.timeliness)}</td>`}</tr>\n`;
  if (truthy(v.lateReason)) html += `<tr><th>${t("csr_late_reason")}</th><td colspan="3">${e(v.lateReason)}</td></tr>`;
  else if (v.timeliness === "late") html += `<tr><th>${t("csr_late_reason")}</th><td colspan="3">${t("csr_late_reason_unrecorded")}</td></tr>`;
  html += `\n<tr><th>${t("csr_status")}</th><td colspan="3">${t("status_", v.status)}${truthy(v.supersession) ? `${t("colon")}${e(v.supersession)}` : ""}</td></tr>\n</table>\n`;
  if (truthy(v.estimated)) html += `<p class="note">* ${t("csr_estimated")}</p>`;
  html += `\n<h2>1 ${t("csr_requirement")}${colon}${e(v.requirementTitle)}</h2>\n`;
  if (truthy(v.body)) html += `<div class="section-body">${v.body}</div>`;
  html += "\n";
  if (truthy(v.amendments)) {
    html += `<table class="amendments">\n<caption>${t("csr_amendments")}${truthy(v.amendedAfterReview) ? t("csr_amendments_note") : ""}</caption>\n<thead><tr><th>${t("csr_amendment_date")}</th><th>${t("csr_amendment_field")}</th><th>${t("csr_amendment_was")}</th><th>${t("csr_amendment_reason")}</th><th>${t("csr_amendment_by")}</th></tr></thead>\n<tbody>\n`;
    for (const a of v.amendments) html += `<tr><td class="nowrap">${e(a.date)}</td><td class="nowrap">${e(a.field)}</td><td>${e(a.was)}</td><td>${e(a.reason)}</td><td class="nowrap">${e(a.by)}</td></tr>\n`;
    html += `</tbody>\n</table>\n`;
  }
  html += `<h2>2 ${t("csr_opinions")}</h2>\n${truthy(v.required) ? `<p class="required-departments">${t("csr_required")}${colon}${e(v.required)}</p>` : ""}\n<table class="opinions">\n<thead><tr><th>${t("csr_opinion_department")}</th><th>${t("csr_opinion_reviewer")}</th><th>${t("csr_opinion")}</th><th>${t("csr_opinion_date")}</th><th>${t("csr_opinion_comment")}</th></tr></thead>\n<tbody>\n`;
  if (truthy(v.opinions)) {
    for (const o of v.opinions) {
      html += `<tr><td class="nowrap">${e(o.department)}</td><td class="nowrap">${people(o.reviewer, o.reviewerLinks)}</td><td>${truthy(o.opinion) ? t("opinion_", o.opinion) : `<span class="empty">${t("csr_opinion_missing")}</span>`}</td><td class="nowrap">${e(o.date)}</td><td>${e(o.comment)}</td></tr>\n`;
    }
  } else if (!truthy(v.record)) {
    html += `<tr><td colspan="5" class="empty">${t("none")}</td></tr>\n`;
  }
  if (truthy(v.record)) html += `<tr class="review-record"><td colspan="5">${t("csr_review_record")}${colon}${e(v.record)}</td></tr>\n`;
  html += `</tbody>\n</table>\n<h2>3 ${t("csr_decision")}</h2>\n`;
  const decision = v.decision;
  if (truthy(decision) && decision) {
    html += `<table class="decision">\n<tr><th>${t("csr_disposition")}</th><td>${t("disposition_", decision.disposition)}${truthy(decision.forced) ? ` (${t("csr_forced")})` : ""}</td><th>${t("csr_decided_by")}</th><td>${people(decision.by, decision.byLinks)}</td><th>${t("csr_decided_on")}</th><td class="nowrap">${e(decision.date)}</td></tr>\n`;
    if (truthy(decision.overruled)) {
      html += `<tr><th>${t("csr_overruled")}</th><td colspan="5">${e(decision.overruled)}${t("csr_overruled_suffix")}${colon}${truthy(decision.justification) ? e(decision.justification) : `<span class="empty">${t("csr_overruled_missing")}</span>`}</td></tr>\n`;
    } else if (truthy(decision.justification)) {
      html += `<tr><th>${t("csr_justification")}</th><td colspan="5">${e(decision.justification)}</td></tr>`;
    }
    if (truthy(decision.alternative)) html += `<tr class="decision-alternative"><th>${t("csr_alternative")}</th><td colspan="5">${e(decision.alternative)}</td></tr>`;
    html += `\n</table>\n`;
  } else {
    html += `<p class="empty">${t("csr_no_decision")}</p>\n`;
  }
  if (truthy(v.confirmations)) {
    html += `<table class="confirmations">\n<caption>${t("csr_confirmations")}</caption>\n<thead><tr><th>${t("csr_source_revision")}</th><th>${t("csr_confirmed_by")}</th><th>${t("csr_confirmed_on")}</th><th>${t("csr_opinion_comment")}</th></tr></thead>\n<tbody>\n`;
    for (const c of v.confirmations) {
      html += `<tr><td class="nowrap">${e(c.sourceRevision)}</td><td class="nowrap">${people(c.by, c.byLinks)}</td><td class="nowrap">${e(c.date)}</td><td>${e(c.comment)}${truthy(c.lateReason) ? `${truthy(c.comment) ? "<br>" : ""}${t("csr_late_reason")}${colon}${e(c.lateReason)}` : ""}</td></tr>\n`;
    }
    html += `</tbody>\n</table>\n`;
  }
  html += `<h2>4 ${t("csr_actions")}</h2>\n<table class="actions">\n<tr><th>${t("csr_addressed")}</th><td colspan="3">`;
  if (truthy(v.addressed)) {
    const last = v.addressed.length - 1;
    v.addressed.forEach((a, i) => {
      html += `${truthy(a.href) ? `<a href="${e(a.href)}">${e(a.id)}</a>` : e(a.id)} ${e(a.title)}`;
      if (truthy(a.version)) html += `${t("paren_open")}${e(a.version)}${t("paren_close")}`;
      if (truthy(a.mark)) html += ` <span class="not-in-force">${e(a.mark)}</span>`;
      if (truthy(a.section)) html += ` ${t("csr_section")} ${truthy(a.anchor) ? `<a href="${e(a.href)}#${e(a.anchor)}">${e(a.section)}</a>` : e(a.section)}`;
      if (i !== last) html += "<br>";
    });
  } else {
    html += `<span class="empty">${t("none")}</span>`;
  }
  html += `</td></tr>\n`;
  const implementation = v.implementation;
  if (truthy(implementation) && implementation) {
    html += `<tr><th>${t("csr_owner")}</th><td>${people(implementation.owner, implementation.ownerLinks)}</td><th>${t("csr_due")}</th><td>${e(implementation.due)}${implementation.customerDate ? `<br>${t("csr_customer_date")}${t("colon")}${e(implementation.customerDate)}` : ""}</td></tr>\n`;
    html += `<tr><th>${t("csr_implementation_status")}</th><td>${truthy(implementation.status) ? t("implementation_", implementation.status) : ""}</td><th>${t("csr_implemented")}</th><td>${e(implementation.implemented)}</td></tr>\n`;
    html += `<tr><th>${t("csr_evidence")}</th><td colspan="3">${e(implementation.evidence)}</td></tr>\n`;
  }
  html += `<tr><th>${t("csr_distribution")}</th><td colspan="3">${e(v.distribution)}</td></tr>\n`;
  if (v.flowDown) html += `<tr><th>${t("csr_flow_down")}</th><td colspan="3">${e(v.flowDown)}</td></tr>\n`;
  const training = v.training;
  if (truthy(training) && training) html += `<tr><th>${t("csr_training")}</th><td colspan="3">${t("csr_training_", training.state)}${training.counted ? `${t("paren_open")}${e(training.counted)}${t("paren_close")}` : ""}${truthy(training.records) ? `${t("paren_open")}${t("csr_training_record")}${colon}${e(training.records)}${t("paren_close")}` : ""}</td></tr>`;
  if (truthy(training) && training && truthy(training.deadline)) html += `<tr><th>${t("csr_training_deadline")}</th><td colspan="3">${e(training.deadline)}</td></tr>`;
  html += `\n</table>\n`;
  if (truthy(implementation?.history) && implementation) {
    html += `<table class="implementation-history">\n<caption>${t("csr_implementation_history")}</caption>\n<thead><tr><th>${t("csr_amended_on")}</th><th>${t("csr_history_reason")}</th><th>${t("csr_earlier_implemented")}</th><th>${t("csr_earlier_verified_by")}</th><th>${t("csr_earlier_verified_on")}</th></tr></thead>\n<tbody>\n`;
    for (const h of implementation.history) {
      html += `<tr><td class="nowrap">${e(h.closed)}</td><td>${e(h.reason)}</td><td class="nowrap">${e(h.implemented)}</td><td class="nowrap">${people(h.verifiedBy, h.verifiedByLinks)}</td><td class="nowrap">${e(h.verifiedOn)}</td></tr>\n`;
    }
    html += `</tbody>\n</table>\n`;
  }
  if (truthy(training?.sessions) && training) {
    html += `<table class="training">\n<caption>${t("csr_training_sessions")}</caption>\n<thead><tr><th>${t("csr_training_date")}</th><th>${t("csr_source_revision")}</th><th>${t("csr_training_people")}</th><th>${t("csr_training_trainer")}</th>${training.results ? `<th>${t("csr_training_method")}</th><th>${t("csr_training_hours")}</th><th>${t("csr_training_failed")}</th>` : ""}<th>${t("csr_training_record")}</th>${training.evaluated ? `<th>${t("csr_training_evaluation")}</th>` : ""}</tr></thead>\n<tbody>\n`;
    for (const s of training.sessions) {
      const results = training.results ? `<td class="nowrap">${e(s.method)}</td><td class="nowrap">${e(s.hours)}</td><td>${e(s.failed)}</td>` : "";
      html += `<tr><td class="nowrap">${e(s.date)}</td><td class="nowrap">${e(s.revision)}</td><td>${people(s.people, s.peopleLinks)}</td><td class="nowrap">${people(s.trainer, s.trainerLinks)}</td>${results}<td class="nowrap">${e(s.record)}</td>${training.evaluated ? `<td>${e(s.evaluation)}</td>` : ""}</tr>\n`;
    }
    html += `</tbody>\n</table>\n`;
  }
  if (truthy(v.history)) {
    html += `<h2>5 ${t("csr_history")}</h2>\n`;
    // A table a round, as the template: a round and its closing line print on one page (tester58 F15), and
    // one longer than a page is labelled 第 n 轮（续） where it continues (its header; document-style's CSS).
    v.history.forEach((round, index) => {
      const label = `${t("csr_history_round_before")}${e(index + 1)}${t("csr_history_round_after")}`;
      html += `<table class="history">\n<colgroup><col class="history-round"><col class="history-source"><col class="history-timing"><col><col class="history-decision"></colgroup>\n<thead><tr><th>${t("csr_history_round")}</th><th>${t("csr_source_revision")}</th><th>${t("csr_history_timing")}</th><th>${t("csr_history_opinions")}</th><th>${t("csr_decision")}</th></tr>\n<tr class="round-continued"><th colspan="5">${label}${t("csr_history_round_continued")}</th></tr></thead>\n`;
      html += `<tbody class="round">\n<tr class="round-label"><th colspan="5"><div>${label}</div></th></tr>\n<tr><td class="nowrap"${truthy(round.closing) ? ' rowspan="2"' : ""}>${e(index + 1)}</td><td class="nowrap">${e(round.sourceRevision)}</td><td>`;
      if (truthy(round.start)) {
        html += `<span class="nowrap">${t(round.startKind === "restarted" ? "csr_review_start_restarted" : "csr_received")} ${e(round.start)}</span><br><span class="nowrap">${t("csr_review_due")} ${e(round.due)}</span><br>`;
        if (truthy(round.decidedOn)) html += `<span class="nowrap">${t("csr_decided_date")} ${e(round.decidedOn)}</span><br>`;
        html += `<span class="nowrap">${t("csr_timeliness")} ${e(round.timeliness)}</span>`;
      }
      html += `</td><td>`;
      if (truthy(round.required)) html += `${t("csr_required")}${colon}${e(round.required)}${truthy(round.opinions?.length) || truthy(round.record) ? "<br>" : ""}`;
      const opinions = round.opinions ?? [];
      opinions.forEach((o, i) => {
        html += `<span class="nowrap">${e(o.department)} ${people(o.reviewer, o.reviewerLinks)}</span> <span class="nowrap">${t("opinion_", o.opinion)}</span> <span class="nowrap">${e(o.date)}</span>${i !== opinions.length - 1 ? "<br>" : ""}`;
      });
      if (truthy(round.record)) html += `${truthy(round.opinions?.length) ? "<br>" : ""}${t("csr_review_record")}${colon}${e(round.record)}`;
      html += `</td><td>`;
      // The decider and the date each stay whole but may go on two lines: one unbreakable run overflowed the narrow 评审结论 column (aud68 A15).
      if (truthy(round.decision) && round.decision) html += `<span class="nowrap">${t("disposition_", round.decision.disposition)}</span> <span class="nowrap">${people(round.decision.by, round.decision.byLinks)}</span> <span class="nowrap">${e(round.decision.date)}</span>`;
      if (truthy(round.lateReason)) html += `${truthy(round.decision) ? "<br>" : ""}${t("csr_late_reason")}${colon}${e(round.lateReason)}`;
      html += `</td></tr>\n`;
      html += `${truthy(round.closing) ? `<tr class="history-closing"><td colspan="4">${e(round.closing)}</td></tr>` : ""}\n</tbody>\n</table>\n`;
    });
  }
  const military = truthy(v.militaryRepresentative) ? v.militaryRepresentative : undefined;
  const approver = truthy(decision) ? decision : undefined;
  html += `<table class="signatures">\n<tr><th>${t("csr_sign_recorded")}</th><td>${people(v.recorder?.by, v.recorder?.byLinks)}</td><th>${t("csr_sign_leader")}</th><td>${people(v.leader?.by, v.leader?.byLinks)}</td><th>${t("csr_sign_approved")}</th><td>${approver ? people(approver.by, approver.byLinks) : ""}</td>${military ? `<th>${t("csr_sign_military_representative")}</th><td>${people(military.by, military.byLinks)}</td>` : ""}</tr>\n`;
  html += `<tr><th>${t("csr_sign_date")}</th><td class="nowrap">${e(v.recorder?.date)}</td><th>${t("csr_sign_date")}</th><td class="nowrap">${e(v.leader?.date)}</td><th>${t("csr_sign_date")}</th><td class="nowrap">${approver ? e(approver.date) : ""}</td>${military ? `<th>${t("csr_sign_date")}</th><td class="nowrap">${e(military.date)}</td>` : ""}</tr>\n</table>\n`;

  // --- the layout's end: the sections under the report, the footer.
  html += `</td></tr></tbody>\n</table><div class="site-extras">\n`;
  for (const below of site.sections ?? []) html += `${section(below)}\n`;
  html += `\n</div>\n</main>\n<footer class="site-footer">${e(site.footer)}</footer>\n\n</body>\n</html>\n`;
  return html;
}
