/**
 * What a 技术状态更改 (configuration change, csr release --configuration-change) reaches, as the change request records
 * it: its class (--change-class: I, II or III as GJB 3206B classes changes), the products it affects (--affects-product),
 * the other controlled documents to revise with it (--affects) and whether the products need a new 首件鉴定
 * (--first-article-required, GJB 908A; tester79 G6).
 */
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { conjunction, t } from "../../i18n/index.js";
import type { Repository } from "../../load/repository.js";
import type { RepoIndex } from "../../model/index.js";
import { changeOrderNeeded, type ConfigurationChangeKey } from "../../model/revision.js";
import type { ChangeClass, ControlledDocument, Revision } from "../../model/types.js";
import { listOption } from "../shared/edit.js";
import { customerDay } from "./notices.js";

export interface ConfigurationChangeFlags {
  configurationChange?: boolean;
  /** I, II or III (also 1–3, Ⅰ–Ⅲ, with or without 类). */
  changeClass?: string;
  /** Each product, batch or serial range affected, as one text (repeatable). */
  affectsProduct?: string[];
  /** Each controlled document affected, by id (repeatable, or separated by commas). */
  affects?: string[];
  firstArticleRequired?: boolean;
}

const CLASSES: Readonly<Record<string, ChangeClass>> = { I: "I", II: "II", III: "III", "1": "I", "2": "II", "3": "III" };

/**
 * The revision fields the options give (Revision change_class, affected_products, affected_documents,
 * first_article_required), those given; `configuration_change` itself is the caller's. Each affected document is
 * named by its id in the repository (a different letter case is answered with the id as recorded).
 * Errors (UserError, one line): any of them without --configuration-change; a class other than I, II or III; an
 * affected product holding a list separator (affectedProduct); an affected document the repository does not have (the nearest id suggested), or the document released itself.
 */
export function configurationChangeRecord(index: RepoIndex, doc: ControlledDocument, flags: ConfigurationChangeFlags): Pick<Revision, Exclude<ConfigurationChangeKey, "configuration_change">> {
  const given = (
    [
      ["--change-class", flags.changeClass !== undefined],
      ["--affects-product", (flags.affectsProduct ?? []).length > 0],
      ["--affects", (flags.affects ?? []).length > 0],
      ["--first-article-required", flags.firstArticleRequired === true],
    ] as const
  ).filter(([, present]) => present);
  if (given.length === 0) return {};
  if (!flags.configurationChange) throw new UserError(t("release.configuration-detail-alone", { flag: given[0]![0], id: doc.id }));
  const change_class = flags.changeClass === undefined ? undefined : changeClassOption(flags.changeClass);
  const products = [...new Set((flags.affectsProduct ?? []).map((p) => affectedProduct(p)).filter(Boolean))];
  const ids = [...new Set((flags.affects ?? []).flatMap((value) => value.split(/[,，]/)).map((value) => value.trim()).filter(Boolean))];
  const documents = [...new Set(ids.map((id) => affectedDocument(index, doc, id)))];
  return {
    ...(change_class ? { change_class } : {}),
    ...(products.length > 0 ? { affected_products: products } : {}),
    ...(documents.length > 0 ? { affected_documents: documents } : {}),
    ...(flags.firstArticleRequired ? { first_article_required: true } : {}),
  };
}

/**
 * One --affects-product value, trimmed. The 更改原因/依据 cell joins the products with 、 and its parts with ；, and the Word
 * import splits them there (import/docx/document.ts), so a product holding 、 ， , ； or ; would come back as several:
 * refused, each product given by its own --affects-product (review80 4). Errors (UserError, one line).
 */
function affectedProduct(value: string): string {
  const separator = /[、，,；;]/.exec(value)?.[0];
  if (separator !== undefined) throw new UserError(t("release.affects-product-separator", { value: value.trim(), separator }));
  return value.trim();
}

/** --change-class as recorded: I, II or III from I/II/III, 1–3 or Ⅰ–Ⅲ, with or without 类 or "class". */
function changeClassOption(value: string): ChangeClass {
  const bare = value.normalize("NFKC").trim().toUpperCase().replace(/^CLASS\s*/, "").replace(/类$/, "").trim();
  const found = CLASSES[bare];
  if (found === undefined) throw new UserError(t("release.change-class-unknown", { value }));
  return found;
}

function affectedDocument(index: RepoIndex, doc: ControlledDocument, id: string): string {
  const found = index.documents.get(id)?.value.id ?? [...index.documents.keys()].find((known) => known.toLowerCase() === id.toLowerCase());
  if (found === undefined) throw new UserError(t("release.affects-unknown", { id }) + didYouMean(id, index.documents.keys()));
  if (found === doc.id) throw new UserError(t("release.affects-itself", { id: doc.id }));
  return found;
}

/**
 * A class I 技术状态更改 is approved by the 订购方 before it is implemented, and classes I and II are carried out under a
 * numbered 更改单 that the 军代表 countersigns (GJB 3206B 技术状态管理; GJB 9001C 8.3.6, 8.5.6; tester81 J3): a class I
 * revision needs a --customer-approved <code>=<date> not after the day it takes effect (`effective`) and a --change-request,
 * a class II one a --change-request; a class III change is the organisation's own and is not asked. `released`: the
 * release's date, the day of an approval given without one. doc/configuration-change-unapproved reports the same in a
 * revision written by hand.
 * Errors: UserError, one line, naming every option missing (the customer's code in the example when the repository
 * has one customer), or the approval dated after `effective`.
 */
export function refuseUnapprovedChange(repo: Repository, doc: ControlledDocument, changeClass: ChangeClass | undefined, flags: Pick<ConfigurationChangeFlags, "configurationChange"> & { changeRequest?: string; customerApproved?: string[] }, released: string, effective: string): void {
  if (!flags.configurationChange || changeClass === undefined || !changeOrderNeeded(changeClass)) return;
  const approvals = changeClass === "I" ? listOption(flags.customerApproved).map((given) => customerDay(repo, given, "--customer-approved", released)) : undefined;
  const customers = repo.customers.map((c) => c.value.code);
  const missing = [
    ...(approvals?.length === 0 ? [`--customer-approved ${customers.length === 1 ? customers[0] : t("release.change-unapproved.customer")}=${t("release.change-unapproved.date")}`] : []),
    ...(flags.changeRequest?.trim() ? [] : [`--change-request ${t("release.change-unapproved.number")}`]),
  ];
  if (missing.length > 0) {
    const what = approvals?.length === 0 ? (missing.length === 2 ? "both" : "approval") : "order";
    throw new UserError(t("release.change-unapproved", { id: doc.id, class: changeClass, what: t(`release.change-unapproved.${what}`), options: conjunction(missing) }));
  }
  // Approved by one customer before it takes effect is approved: a later approval of another changes nothing.
  const first = approvals?.reduce((a, b) => (b.date < a.date ? b : a));
  if (first !== undefined && first.date > effective) throw new UserError(t("release.change-approved-late", { id: doc.id, code: first.customer.code, approved: first.date, effective }));
}

/**
 * The line a release of a class I 技术状态更改 that does not ask a new 首件鉴定 (no --first-article-required) ends with:
 * a change of most consequence usually changes how the product is made, whose first article is inspected again before
 * batch production goes on (GJB 908A; GJB 9001C 8.5.1; tester81 J8). A question, not a refusal: whether it does is the
 * change request's decision. Undefined for any other revision.
 */
export function firstArticleQuestion(doc: ControlledDocument, revision: Pick<Revision, "version" | "configuration_change" | "change_class" | "first_article_required" | "change_request">): string | undefined {
  if (!revision.configuration_change || revision.change_class !== "I" || revision.first_article_required) return undefined;
  return t("release.first-article-question", { id: doc.id, version: revision.version, change: revision.change_request ?? "" });
}
