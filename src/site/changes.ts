/**
 * What changed since last month (tester70 P11; IATF 16949 8.5.6, 7.5.3.2): the site's views of its change report
 * besides the twelve months' register (registers/changes.html) — the current and previous month for everyone
 * (registers/changes-recent.html, with its workbook and CSV as every register) and a department's own changes
 * (departments/changes/<code>.html), which its page's last 30 days link to. Each is the report's own rows, taken
 * by period and by changeConcerns (department.ts), with the report's notes.
 */
import { addDays, addMonths } from "../core/dates.js";
import { departmentName, t, type RegisterContext } from "../report/registers/context.js";
import { tableView, type Table } from "../report/table.js";
import { href } from "./pages.js";
import { siteTable, type Cell, type Linker, type SiteSection } from "./view.js";

/** The first day of the site's change report: the twelve months to `today`, the period an annual surveillance audit looks at. */
export function changesPeriodFrom(today: string): string {
  return addDays(addMonths(today, -12), 1);
}

/** The first day of the previous month: the start of the view of the current and previous month. */
export function previousMonthStart(today: string): string {
  return `${addMonths(today, -1).slice(0, 8)}01`;
}

/** The change report of the days from previousMonthStart to `today` as the register of the current and previous month. */
export function recentChangesRegister(rc: RegisterContext, report: Table, today: string): Table {
  const title = t(rc, "site.changes.recent.title", { from: previousMonthStart(today), to: today });
  return { ...report, id: "changes-recent", title, ...(report.span ? { span: { ...report.span, untitledTitle: title } } : {}) };
}

/** The page of a department's changes of the report's period: departments/changes/<its page's file name>. */
export function departmentChangesPage(departmentPage: string): string {
  return departmentPage.replace(/^departments\//, "departments/changes/");
}

/** The links under a department's changes of the last 30 days: to all its changes of the year, and to everyone's of the current and previous month. */
export function departmentChangesLinks(rc: RegisterContext, departmentPage: string, code: string, count: number): Cell[] {
  return [
    { text: t(rc, "site.department.changes.all", { department: departmentName(rc, code), count }), href: href(departmentPage, departmentChangesPage(departmentPage)) },
    { text: t(rc, "site.department.changes.recent"), href: href(departmentPage, "registers/changes-recent.html") },
  ];
}

/** A department's changes of the report's period (`report`, the change report's rows that concern it) under `title`, printed as a register with it. */
export function departmentChangesSection(rc: RegisterContext, report: Table, title: string, link: Linker): SiteSection {
  const titled = { ...report, title, ...(report.span ? { span: { ...report.span, untitledTitle: title } } : {}) };
  return {
    register: true,
    title: "",
    table: siteTable({ ...report, columns: report.columns.filter((c) => c.key !== "no") }, link),
    ...(report.notes ? { notes: report.notes } : {}),
    empty: t(rc, "site.none"),
    print: tableView(titled, rc.lang, true, false, "A4 landscape"),
  };
}

/** The title of a department's changes page: whose, the period in words and how many. */
export function departmentChangesTitle(rc: RegisterContext, code: string, from: string, to: string, count: number): string {
  return t(rc, "site.department.changes.title", { department: departmentName(rc, code), from, to, count });
}
