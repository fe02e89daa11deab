/**
 * `csr show <supplier code>`: the card of a supplier (供方档案): its row of the approved supplier list on a day (what it
 * supplies, status, certificates, special characteristics, contacts, last second-party audit, remarks), then each
 * corrective action asked of it and open that day (SCAR, 供方纠正措施要求) with where it stands.
 * IATF 16949 8.4.1.2, 8.4.2.4, 10.2.3; GJB 9001C 8.4.
 */
import { displayWidth, localized, padEnd, visible } from "../../core/text.js";
import { language, t } from "../../i18n/index.js";
import { repositoryCalendar } from "../../load/calendar.js";
import type { Repository } from "../../load/repository.js";
import { actionStatus, openSupplierActions } from "../../model/actions.js";
import { worksToGjb9001C } from "../../model/citations.js";
import type { RepoIndex } from "../../model/index.js";
import { statusOn, type Supplier } from "../../model/suppliers.js";
import { registerContext } from "../../report/registers/context.js";
import { supplierRegister } from "../../report/registers/suppliers.js";
import type { CommandContext } from "../context.js";
import { statusText } from "./action.js";

/** Labels are padded to at least this many terminal columns, as on the other cards. */
const LABEL_WIDTH = 16;
/** The register's columns the card's title line or its order already gives. */
const UNSHOWN = new Set(["no", "code", "name", "scar"]);

/**
 * Prints `supplier`'s card as of `today` (YYYY-MM-DD): text, or with `json` its record as its file has it with its
 * status that day and its open corrective actions (ids, status). Returns the exit code (0).
 */
export function showSupplier(ctx: CommandContext, repo: Repository, index: RepoIndex, supplier: Supplier, today: string, json: boolean): number {
  const rc = registerContext(repo, language(), undefined, undefined, index);
  const open = openSupplierActions(repo.actions.map((a) => a.value), supplier.code, today);
  if (json) {
    const file = supplier.record?.file.path ?? null;
    ctx.stdout(JSON.stringify({ file, asOf: today, code: supplier.code, name: supplier.name, status: statusOn(supplier, today), record: supplier.record?.value ?? null, openActions: open.map((a) => ({ id: a.id, status: actionStatus(a, today) })) }, null, 2) + "\n");
    return 0;
  }
  const table = supplierRegister(rc, { today });
  const row = table.rows.find((r) => r.code === supplier.code)!;
  const fields: [string, string[]][] = [[t("show.label.file"), [supplier.record?.file.path ?? t("show.supplier.no-record", { code: supplier.code })]]];
  for (const column of table.columns) {
    const value = row[column.key];
    if (UNSHOWN.has(column.key) || value === null || value === undefined || value === "") continue;
    fields.push([column.header, [String(value)]]);
  }
  const calendar = repositoryCalendar(repo.config?.value);
  const gjb = worksToGjb9001C(repo.config?.value);
  fields.push([t("show.supplier.scar"), open.length > 0 ? open.map((a) => t("show.supplier.scar-line", { id: a.id, title: localized(rc.lang, a.title, a.title_en), received: a.received, status: statusText(a, today, calendar, gjb) })) : [t("show.document.none")]]);
  const width = Math.max(LABEL_WIDTH, ...fields.map(([label]) => displayWidth(label) + 2));
  const out = [`${supplier.code}  ${localized(rc.lang, supplier.name, supplier.name_en)}`, "", ...fields.flatMap(([label, values]) => values.map((v, i) => `  ${padEnd(i === 0 ? label : "", width)}${v}`))];
  // Values from the files are shown with their control characters escaped: show never steers the terminal.
  ctx.stdout(visible(out.join("\n") + "\n"));
  return 0;
}
