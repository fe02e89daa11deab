/**
 * The documents to check after a requirement changed or was withdrawn (IATF 16949 7.5.3.2.2: which
 * documents a customer's change makes suspect): `csr source update` and `csr set <CSR> --text` end
 * with the places the CSRs are addressed, "需核查的文件：QP-007 5.4（GWM-001 已变更）、QP-013 5（GWM-005 已删除）"
 * (tester64 N6).
 */
import { splitCitation } from "../../compare/sections.js";
import { t } from "../../i18n/index.js";
import type { Csr } from "../../model/types.js";

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
