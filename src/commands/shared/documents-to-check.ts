/**
 * The documents to check after a requirement changed or was withdrawn (IATF 16949 7.5.3.2.2: which
 * documents a customer's change makes suspect): `csr source update` and `csr set <CSR> --text` end
 * with the places the CSRs are addressed, "需核查的文件：QP-007 5.4（GWM-001 已变更）、QP-013 5（GWM-005 已删除）"
 * (tester64 N6).
 */
import { splitCitation } from "../../compare/sections.js";
import { t } from "../../i18n/index.js";
import type { Csr, Customer } from "../../model/types.js";

export type RequirementChange = "changed" | "removed" | "text";

/**
 * One line naming each place (document, and its section by number, else as written) where one of
 * `csrs` is addressed, with the CSR and what happened to it; undefined when none is addressed anywhere.
 */
export function documentsToCheck(csrs: readonly { csr: Csr; change: RequirementChange }[]): string | undefined {
  const places = csrs.flatMap(({ csr, change }) =>
    (csr.addressed ?? []).map((place) => {
      const section = place.section === undefined ? "" : (splitCitation(place.section).number ?? place.section.trim());
      return t(`source.documents-to-check.${change}`, { place: [place.document, section].filter(Boolean).join(" "), id: csr.id });
    }),
  );
  return places.length === 0 ? undefined : t("source.documents-to-check", { places: places.join(t("source.documents-to-check.separator")) });
}

/**
 * One line naming the customer deadlines set by one of `csrs` (customers/<code>.yaml `complaint_deadlines.csr`,
 * `change_notification.csr`): a changed or removed requirement may change them, and csr action open and
 * csr release count due dates from them (IATF 16949 10.2.3, 8.5.6.1; tester66 N4). `customer(code)`: the
 * customer and its file's path. Undefined when none of `csrs` sets a deadline.
 */
export function deadlinesToCheck(csrs: readonly { csr: Csr; change: RequirementChange }[], customer: (code: string) => { value: Customer; path: string } | undefined): string | undefined {
  const places: string[] = [];
  let code = "";
  for (const { csr, change } of csrs) {
    const found = customer(csr.customer);
    if (!found) continue;
    const sets = [found.value.complaint_deadlines?.csr === csr.id ? ("complaint" as const) : undefined, found.value.change_notification?.csr === csr.id ? ("notification" as const) : undefined];
    for (const kind of sets) {
      if (kind === undefined) continue;
      places.push(t(`source.documents-to-check.${change}`, { place: t(`source.deadlines-to-check.${kind}`, { path: found.path }), id: csr.id }));
      code = found.value.code;
    }
  }
  return places.length === 0 ? undefined : t("source.deadlines-to-check", { places: places.join(t("source.documents-to-check.separator")), customer: code });
}
