/**
 * `csr show <customer>`: one customer on a card, as its SQE audits it — its name, code, class and contacts; its source
 * documents with the revision held, the dates received and in effect and the latest check that it is still current
 * (IATF 16949 7.5.3.2.2); its CSRs by status with the reviews past their deadline; the implementations open; its
 * special-characteristic symbols (8.2.3.1.2, 8.3.3.3); its complaints and 8D records open (10.2.3, 10.2.6); the
 * documents tied to it (model/customer-ties.ts); and the commands that go further.
 */
import { displayWidth, localized, padEnd, visible } from "../../core/text.js";
import { language, list, t, type MessageKey } from "../../i18n/index.js";
import { repositoryCalendar } from "../../load/calendar.js";
import type { Located, Repository } from "../../load/repository.js";
import { customerDocuments } from "../../model/customer-ties.js";
import { customerNamed } from "../../model/customers.js";
import { csrStatusLabel } from "../../model/csr-status.js";
import type { RepoIndex } from "../../model/index.js";
import { worksToGjb9001C } from "../../model/citations.js";
import type { Customer } from "../../model/types.js";
import { conversionText } from "../../model/symbols.js";
import { revisionName } from "../../i18n/values.js";
import { personName, registerContext } from "../../report/registers/context.js";
import { customerStanding, scorecardText, specialStatusText, targetsText } from "../../report/registers/customers.js";
import type { CommandContext } from "../context.js";
import { statusText } from "./action.js";

/** Labels are padded to at least this many terminal columns, as on the other cards. */
const LABEL_WIDTH = 16;

/**
 * The customer of customers/ that `given` names, when no CSR, document, source, action or supplier has it: its code in any
 * letter case, its name or English name, or a part of its name that no other customer's has (东岳汽车: model/customers.ts).
 * Undefined otherwise.
 */
export function customerLocated(repo: Repository, given: string): Located<Customer> | undefined {
  const customer = customerNamed(repo.customers.map((c) => c.value), given);
  return customer && repo.customers.find((c) => c.value === customer);
}

/**
 * Prints the card of `customer` as on `today` (YYYY-MM-DD): text, or with `json` the customer as its file has it with what
 * is derived from it (each source's revision held and last check, CSR ids by status, overdue reviews, open implementations,
 * open corrective actions, its symbols, the documents tied to it). Returns the exit code (0).
 */
export function showCustomer(ctx: CommandContext, repo: Repository, index: RepoIndex, located: Located<Customer>, today: string, json: boolean): number {
  const lang = language();
  const rc = registerContext(repo, lang, undefined, undefined, index);
  const customer = located.value;
  const s = customerStanding(rc, customer, today);
  const symbols = repo.symbols.map((x) => x.value).filter((x) => x.customer === customer.code);
  const tied = customerDocuments({ csrs: repo.csrs.map((c) => c.value), documents: repo.documents.map((d) => d.value), actions: repo.actions.map((a) => a.value) }, customer.code);
  const documents = [...new Set([...tied.whole, ...tied.revisions.keys()])].sort();
  if (json) {
    ctx.stdout(
      JSON.stringify(
        {
          file: located.file.path,
          asOf: today,
          customer,
          sources: s.sources.map(({ source, held }) => ({ id: source.id, revision: held?.revision ?? null, received: held?.received ?? null, lastConfirmed: held?.confirmed ?? null })),
          csrsByStatus: Object.fromEntries(s.byStatus),
          overdueReviews: s.overdue.map((c) => ({ id: c.csr.id, due: c.facts.due ?? null, workdaysLeft: c.facts.daysLeft ?? null })),
          openImplementations: s.openImplementations.map((c) => ({ id: c.csr.id, status: c.facts.status, owner: c.csr.implementation?.owner ?? null, due: c.csr.implementation?.due ?? null })),
          openActions: s.openActions.map(({ action, status }) => ({ id: action.id, status })),
          symbols: symbols.map((x) => ({ customerSymbol: x.customer_symbol, customerClass: x.customer_class, symbol: x.symbol, class: x.class })),
          documents: documents.map((id) => (tied.whole.has(id) ? { id } : { id, versions: [...tied.revisions.get(id)!] })),
        },
        null,
        2,
      ) + "\n",
    );
    return 0;
  }
  const none = t("show.document.none");
  const fields: [string, string[]][] = [];
  const field = (label: MessageKey, ...values: string[]) => fields.push([t(label), values.length > 0 ? values : [none]]);
  field("show.label.file", located.file.path);
  field("show.customer.code", customer.code + (customer.class ? t("show.customer.class", { class: customer.class }) : ""));
  if (customer.name_en && lang !== "en") field("show.customer.name-en", customer.name_en);
  field("show.customer.contacts", ...(customer.contacts ?? []).map((c) => [c.name, c.role, c.email, c.phone].filter(Boolean).join(t("show.comma"))));
  if (customer.notes) field("show.customer.notes", ...customer.notes.trimEnd().split("\n"));
  field(
    "show.customer.sources",
    ...s.sources.map(({ source, held }) => {
      const title = localized(lang, source.title, source.title_en);
      if (!held) return t("show.customer.source-none", { id: source.id, title });
      const revision = source.revisions[held.revisionIndex ?? -1];
      const dates = [t("show.source-card.received", { date: held.received! }), ...(revision?.effective ? [t("show.source-card.effective", { date: revision.effective })] : [])];
      const confirmed = held.confirmed ? t("show.customer.confirmed", { date: held.confirmed.date, by: personName(rc, held.confirmed.by) }) : t("show.customer.unconfirmed");
      return t("show.customer.source", { id: source.id, title, revision: revisionName(held.revision), dates: list(dates), confirmed });
    }),
  );
  field("show.customer.csrs", ...(s.csrs.length === 0 ? [] : [t("show.customer.csr-count", { count: s.csrs.length, statuses: s.byStatus.map(([status, ids]) => t("show.customer.status-count", { status: csrStatusLabel(status, lang), count: ids.length })).join(t("show.comma")) })]));
  field("show.customer.overdue", ...s.overdue.map((c) => t("show.customer.overdue-line", { id: c.csr.id, title: localized(lang, c.csr.title, c.csr.title_en), due: c.facts.due!, count: -c.facts.daysLeft! })));
  field(
    "show.customer.implementations",
    ...s.openImplementations.map((c) => {
      const parts = [csrStatusLabel(c.facts.status, lang), ...(c.csr.implementation?.owner ? [personName(rc, c.csr.implementation.owner)] : []), ...(c.csr.implementation?.due ? [t("show.customer.due", { date: c.csr.implementation.due })] : [])];
      return t("show.customer.csr-line", { id: c.csr.id, title: localized(lang, c.csr.title, c.csr.title_en), state: parts.join(t("show.comma")) });
    }),
  );
  // Its scorecards as the customer published them, the latest first (IATF 16949 9.1.2.1; tester80 M4).
  const scorecards = (customer.scorecards ?? []).filter((s) => s.date <= today).sort((a, b) => b.period.localeCompare(a.period));
  if (customer.targets) field("show.customer.targets", targetsText(rc, customer.targets));
  if (scorecards.length > 0) field("show.customer.scorecards", ...scorecards.map((s) => scorecardText(rc, s, customer.targets)));
  // Special statuses, those in force and those lifted, the latest first (IATF 16949 9.1.2.1).
  const statuses = (customer.special_status ?? []).filter((x) => x.from <= today).reverse();
  if (statuses.length > 0) field("show.customer.special-status", ...statuses.map((x) => (x.until && x.until <= today ? t("show.customer.special-status-lifted", { status: specialStatusText(rc, x), until: x.until }) : specialStatusText(rc, x))));
  field("show.customer.symbols", ...symbols.map((x) => conversionText({ ...x, class: localized(lang, x.class, x.class_en) })));
  const calendar = repositoryCalendar(repo.config?.value);
  const gjb = worksToGjb9001C(repo.config?.value);
  field("show.customer.actions", ...s.openActions.map(({ action }) => t("show.supplier.scar-line", { id: action.id, title: localized(lang, action.title, action.title_en), received: action.received, status: statusText(action, today, calendar, gjb) })));
  field("show.customer.documents", ...(documents.length === 0 ? [] : [documents.map((id) => (tied.whole.has(id) ? id : `${id} ${[...tied.revisions.get(id)!].join("/")}`)).join(t("common.list-separator"))]));
  field("show.source-card.see", ...t("show.customer.see-commands", { code: customer.code }).split("\n"));
  const width = Math.max(LABEL_WIDTH, ...fields.map(([label]) => displayWidth(label) + 2));
  const out = [`${customer.code}  ${localized(lang, customer.name, customer.name_en)}`, "", ...fields.flatMap(([label, values]) => values.map((v, i) => `  ${padEnd(i === 0 ? label : "", width)}${v}`))];
  // Values from the files are shown with their control characters escaped: show never steers the terminal.
  ctx.stdout(visible(out.join("\n") + "\n"));
  return 0;
}
