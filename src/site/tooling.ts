/**
 * A page per entry of tooling.yaml (工装台账; IATF 16949 8.5.1.5, 8.5.1.6, 8.5.3, 10.2.4): what `csr show <tooling id>` prints,
 * for an auditor at the line — its row of the tooling register as facts (kind, stations, process, parts, owner and
 * customer-property marking, status, location, frequency, next verification and maintenance; a gauge's range, resolution,
 * calibration interval, next calibration, status and MSA), csr check's findings on it, the documents whose text names it
 * (linked to their pages), its verifications as the error-proofing record lists them, its maintenance, a gauge's
 * calibrations and MSA studies (IATF 16949 7.1.5.1.1, 7.1.5.2).
 */
import { localized } from "../core/text.js";
import type { ControlledDocument } from "../model/types.js";
import { customerOwner, documentsNaming, isGauge } from "../model/tooling.js";
import { personName, t, type RegisterContext } from "../report/registers/context.js";
import { calibrationLine, gaugeRegister, GAUGE_FACTS, msaLine, toolingRegister, verificationRegister } from "../report/registers/tooling.js";
import { pickColumns, type Table } from "../report/table.js";
import type { GenericView } from "./page.js";
import type { EntityKind, SitePages } from "./pages.js";
import type { Cell, Fact, Linker, SiteRows, SiteSection, SiteTable } from "./view.js";

/** The register's columns the page's title gives. */
const UNSHOWN = new Set(["no", "id", "name"]);

export interface ToolingPagesInput {
  rc: RegisterContext;
  /** YYYY-MM-DD: the day dues are judged on and records counted to. */
  today: string;
  pages: SitePages;
  /** The documents as the site shows them on `today` (documentsOn, without those absent that day). */
  documents: readonly ControlledDocument[];
  /** The site's table of a register (build.ts tableOf) and the column linker of a page. */
  tableOf: (table: Table, link: Linker) => SiteTable | SiteRows;
  linker: (page: string) => Linker;
  /** The findings section of an entity's page (build.ts ownFindings); undefined when it has none. */
  findings: (page: string, kind: EntityKind, id: string) => SiteSection | undefined;
}

/** Each tooling entry's page (its path, site-relative) and what it shows, in tooling.yaml's order. */
export function toolingPages(input: ToolingPagesInput): { page: string; view: Omit<GenericView, "site"> }[] {
  const { rc, today, pages } = input;
  const register = toolingRegister(rc, { today });
  const gauges = gaugeRegister(rc, { today });
  const gaugeIds = rc.repo.tooling.filter(({ value }) => isGauge(value)).map(({ value }) => value.id);
  const none = t(rc, "site.none");
  return rc.repo.tooling.map(({ value: tooling }, i) => {
    const page = pages.page("tooling", tooling.id)!;
    const row = register.rows[i]!;
    const facts: Fact[] = [];
    for (const column of register.columns) {
      const value = row[column.key];
      if (UNSHOWN.has(column.key) || value === null || value === undefined || value === "") continue;
      const owner = customerOwner(tooling);
      const href = column.key === "process" ? pages.link(page, "process", String(value)) : column.key === "owner" && owner ? pages.link(page, "customer", owner) : undefined;
      facts.push({ label: column.header, values: [{ text: String(value), ...(href ? { href } : {}) }] });
    }
    if (tooling.verification?.method) facts.push({ label: t(rc, "register.error-proofing.column.method"), values: [{ text: tooling.verification.method }] });
    // A gauge's standing in the register of gauges (计量器具台账, 7.1.5.2): range, resolution, interval, next calibration, status, MSA.
    const gauge = gauges.rows[gaugeIds.indexOf(tooling.id)];
    for (const column of gauge ? gauges.columns : []) {
      const value = gauge![column.key];
      if (!GAUGE_FACTS.has(column.key) || value === null || value === undefined || value === "") continue;
      facts.push({ label: column.key === "status" ? t(rc, "show.tooling.calibration-status") : column.header, values: [{ text: String(value) }] });
    }
    const naming: Cell[] = documentsNaming(tooling.id, input.documents).map(({ document, section }) => {
      const href = pages.link(page, "document", document.id);
      return { text: t(rc, "show.tooling.document-line", { id: document.id, title: localized(rc.lang, document.title, document.title_en), section: section.number, sectionTitle: localized(rc.lang, section.title, section.title_en) }), ...(href ? { href } : {}) };
    });
    const sections: SiteSection[] = [
      ...present(input.findings(page, "tooling", tooling.id)),
      { title: t(rc, "show.tooling.documents"), items: naming, empty: none },
    ];
    if (tooling.verification) {
      // The device's own columns (its number, name, stations, frequency, method) are the page's facts already.
      const verifications = pickColumns(verificationRegister(rc, { today, filter: { tooling: tooling.id } }), ["no", "date", "shift", "by", "result", "reaction"]);
      sections.push({ title: t(rc, "show.tooling.verifications"), table: input.tableOf(verifications, input.linker(page)), ...(verifications.notes ? { notes: verifications.notes } : {}), empty: none });
    }
    if (tooling.maintenance) {
      const items = (tooling.maintenance.records ?? []).filter((r) => r.date <= today).map((r) => ({ text: t(rc, "show.tooling.maintenance-line", { date: r.date, by: personName(rc, r.by), work: r.work ?? "" }).trimEnd() }));
      sections.push({ title: t(rc, "show.tooling.maintenance"), items, empty: none });
    }
    if (tooling.calibration) {
      const items = (tooling.calibration.records ?? []).filter((r) => r.date <= today).map((r) => ({ text: calibrationLine(rc, r) }));
      sections.push({ title: t(rc, "show.tooling.calibrations"), items, empty: none });
    }
    const studies = (tooling.msa ?? []).filter((m) => m.date <= today);
    if (studies.length > 0) sections.push({ title: t(rc, "show.tooling.msa"), items: studies.map((m) => ({ text: msaLine(rc, m) })), empty: none });
    return { page, view: { title: `${tooling.id} ${localized(rc.lang, tooling.name, tooling.name_en)}`, facts, sections } };
  });
}

function present<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
