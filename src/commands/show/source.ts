/**
 * `csr show <source>`: a customer's source document (CSR 来源文件, an external document controlled under
 * IATF 16949 7.5.3.2.2) on one card — its customer and keeper, each revision received with its dates and
 * status as the 外来文件清单 words them, the CSRs registered from each revision, and the latest check that
 * the revision held is still the customer's current one (csr source confirm) with the next one due.
 */
import { displayWidth, padEnd, visible } from "../../core/text.js";
import { language, list, t, type MessageKey } from "../../i18n/index.js";
import type { Located, Repository } from "../../load/repository.js";
import { heldSourceEdition, nextCheckDue } from "../../model/external-check.js";
import type { RepoIndex } from "../../model/index.js";
import { csrsOfSourceRevision } from "../../model/source-review.js";
import type { Customer, SourceDocument } from "../../model/types.js";
import { confirmationText, externalList } from "../../report/registers/external.js";
import { customerName, departmentName, type RegisterContext } from "../../report/registers/context.js";
import type { CommandContext } from "../context.js";

/** Labels are padded to at least this many terminal columns, as on a document's card. */
const LABEL_WIDTH = 16;

/** The CSR ids a revision line names before it says how many more there are. */
const IDS_SHOWN = 8;

/**
 * Prints the card of source `source` of `customer` as on `today` (YYYY-MM-DD): text, or with `json` the
 * source as its file has it with what is derived from it (each revision's status and CSRs, the latest
 * check, the next check due when qms.yaml sets `document_control.external_check_months`). Returns 0.
 */
export function showSource(ctx: CommandContext, repo: Repository, index: RepoIndex, customer: Located<Customer>, source: SourceDocument, today: string, json: boolean): number {
  const rc: RegisterContext = { repo, index, lang: language() };
  const issuer = customerName(rc, customer.value.code);
  // The 外来文件清单's rows of this source: its words for each revision's status, note and check.
  const rows = externalList(rc, { today }).rows.filter((row) => row["number"] === source.id && row["issuer"] === issuer);
  const csrs = repo.csrs.map((c) => c.value);
  const revisions = source.revisions
    .filter((r) => r.received <= today)
    .map((revision) => {
      const row = rows.find((r) => r["revision"] === revision.revision);
      return { revision, status: String(row?.["status"] ?? ""), note: String(row?.["remarks"] ?? ""), csrs: csrsOfSourceRevision(csrs, customer.value.code, source.id, revision.revision).map((c) => c.id) };
    });
  const held = heldSourceEdition(source, today);
  const months = repo.config?.value.document_control?.external_check_months;
  const nextDue = held?.since !== undefined && months !== undefined ? nextCheckDue(held.since, months) : undefined;
  if (json) {
    const derived = { revisions: revisions.map(({ revision, status, note, csrs: ids }) => ({ revision: revision.revision, status, ...(note ? { note } : {}), csrs: ids })), lastConfirmed: held?.confirmed ?? null, nextCheckDue: nextDue ?? null };
    ctx.stdout(JSON.stringify({ file: customer.file.path, customer: customer.value.code, source, ...derived }, null, 2) + "\n");
    return 0;
  }
  const fields: [label: string, values: string[]][] = [];
  const field = (label: MessageKey, ...values: string[]) => fields.push([t(label), values]);
  field("show.label.file", customer.file.path);
  field("show.document.kind", t("show.source-card.kind"));
  field("show.label.customer", `${customer.value.code} ${issuer}`);
  if (source.department) field("show.source-card.keeper", departmentName(rc, source.department));
  field(
    "show.source-card.revisions",
    ...revisions.map(({ revision, status, note, csrs: ids }) => {
      const dates = [
        revision.issued ? t("show.source-card.issued", { date: revision.issued }) : "",
        t("show.source-card.received", { date: revision.received }),
        revision.effective ? t("show.source-card.effective", { date: revision.effective }) : "",
      ].filter(Boolean);
      const registered = ids.length === 0 ? t("show.source-card.no-csrs") : t("show.source-card.csrs", { count: ids.length, ids: list(ids.slice(0, IDS_SHOWN)) + (ids.length > IDS_SHOWN ? t("show.source-card.more") : "") });
      return t("show.source-card.revision", { revision: revision.revision, dates: list(dates), status: [status, note].filter(Boolean).join(t("common.list-separator")), registered });
    }),
  );
  field("show.source-card.confirmed", confirmationText(rc, held, nextDue, undefined, today));
  field("show.source-card.see", t("show.source-card.see-commands", { customer: customer.value.code, source: source.id }));
  const width = Math.max(LABEL_WIDTH, ...fields.map(([label]) => displayWidth(label) + 2));
  const out = [`${source.id}  ${rc.lang === "en" ? (source.title_en ?? source.title) : source.title}`, "", ...fields.flatMap(([label, values]) => values.map((v, i) => `  ${padEnd(i === 0 ? label : "", width)}${v}`))];
  ctx.stdout(visible(out.join("\n") + "\n"));
  return 0;
}
