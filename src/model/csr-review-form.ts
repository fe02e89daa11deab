/**
 * The controlled form a CSR's review report (顾客特定要求评审报告) is a record of: the review is recorded
 * on it, signed by the review team leader and numbered (IATF 16949 7.5.3.2.2, 8.2.3.1.1; GJB 9001C 8.2.3).
 */
import type { RepoIndex } from "./index.js";
import type { QmsConfig } from "./types.js";

const REVIEW_FORM_TITLE = /顾客特[定殊]要求.*评审|CSR review|customer[- ]specific requirements? review/i;

const REVIEW_FORMS = new WeakMap<RepoIndex, string | undefined>();

/**
 * The number of the repository's CSR review form: `csr.review_form` in qms.yaml, else the one released
 * form titled as a CSR review form (顾客特定要求评审表, 顾客特殊要求评审记录, "CSR review record"). None, or
 * more than one so titled, names no form (undefined): the report then prints none rather than a guess,
 * README says how to name it, and csr/review-unsigned asks no signed record of a repository without one.
 */
export function csrReviewForm(index: RepoIndex, config: QmsConfig | undefined): string | undefined {
  const named = config?.csr?.review_form;
  if (named !== undefined) return named;
  // Once per index: the site prints a report for every CSR.
  if (!REVIEW_FORMS.has(index)) {
    const forms = [...index.documents.values()]
      .map((d) => d.value)
      .filter((d) => d.kind === "form" && d.status === "released" && REVIEW_FORM_TITLE.test(`${d.title} ${d.title_en ?? ""}`));
    REVIEW_FORMS.set(index, forms.length === 1 ? forms[0]!.id : undefined);
  }
  return REVIEW_FORMS.get(index);
}
