/**
 * `csr show <FA-…>`: the card of one first article inspection of first-articles.yaml (首件鉴定; GJB 9001C-2017 8.5.1, GJB 908A)
 * as an auditor or the 军代表 reads it: its row of the 首件鉴定台账 (product, operation, process, the 工艺规程 or 图样 with its
 * version, reason, change, day, team, 军代表, result, report), the document's title, the other inspections of the same
 * product and operation (the repetition of a failed one), and the findings of csr check's first-article/* rules, ref/unresolved, id/duplicate and person/military-signature on it and on
 * any other record written with its number.
 */
import { localized } from "../../core/text.js";
import { language, t } from "../../i18n/index.js";
import type { Located, Repository } from "../../load/repository.js";
import { firstArticleSubject } from "../../model/first-articles.js";
import type { RepoIndex } from "../../model/index.js";
import type { FirstArticle } from "../../model/types.js";
import { registerContext } from "../../report/registers/context.js";
import { firstArticleRegister } from "../../report/registers/first-articles.js";
import type { CommandContext } from "../context.js";
import { cardText, findingsAt } from "./tooling.js";

/** The register's columns the card's title line gives. */
const UNSHOWN = new Set(["no", "id", "product"]);

/**
 * Prints `located`'s card as of `today` (YYYY-MM-DD): text, or with `json` the record as first-articles.yaml has it with the
 * document's title, the other inspections of its product and operation and the findings. A record dated after `today` is
 * shown as recorded, its row of the register being that day's. Returns the exit code (0).
 */
export async function showFirstArticle(ctx: CommandContext, repo: Repository, index: RepoIndex, located: Located<FirstArticle>, today: string, json: boolean): Promise<number> {
  const record = located.value;
  const rc = registerContext(repo, language(), undefined, undefined, index);
  const document = record.document === undefined ? undefined : index.documents.get(record.document)?.value;
  const subject = firstArticleSubject(record);
  const others = repo.firstArticles.filter((r) => r !== located && firstArticleSubject(r.value) === subject).map((r) => r.value);
  // A second record written by hand with the same number is not passed over: id/duplicate's finding on it is listed too,
  // with the references and the 军代表 of both (csr check's ref/unresolved, person/military-signature).
  const sameId = repo.firstArticles.filter((r) => r === located || r.value.id === record.id);
  const findings = await findingsAt(repo, sameId, today, ["first-article/", "id/duplicate", "ref/unresolved", "person/military-signature"]);
  if (json) {
    const found = findings.map(({ rule, severity, line, column, message }) => ({ rule, severity, line, column, message }));
    const out = { file: located.file.path, asOf: today, firstArticle: record, documentTitle: document ? document.title : null, sameOperation: others.map((r) => ({ id: r.id, date: r.date, result: r.result, report: r.report })), findings: found };
    ctx.stdout(JSON.stringify(out, null, 2) + "\n");
    return 0;
  }
  const register = firstArticleRegister(rc, { today: record.date > today ? record.date : today });
  const row = register.rows.find((r) => r.id === record.id)!;
  const fields: [string, string[]][] = [[t("show.label.file"), [located.file.path]]];
  for (const column of register.columns) {
    const value = row[column.key];
    if (UNSHOWN.has(column.key) || value === null || value === undefined || value === "") continue;
    fields.push([column.header, [String(value)]]);
    if (column.key === "document" && document) fields.push([t("show.first-article.document-title"), [localized(rc.lang, document.title, document.title_en)]]);
  }
  const none = [t("show.document.none")];
  fields.push([t("show.first-article.same-operation"), others.length > 0 ? others.map((r) => t("show.first-article.other-line", { id: r.id, date: r.date, result: t(`value.first-article-result.${r.result}`), report: r.report })) : none]);
  fields.push([t("show.tooling.findings"), findings.length > 0 ? findings.map((f) => t("show.tooling.finding-line", { severity: t(f.severity === "error" ? "show.tooling.error" : "show.tooling.warning"), rule: f.rule, line: f.line, message: f.message })) : none]);
  ctx.stdout(cardText(`${record.id}  ${t("show.first-article.title", { product: record.product, operation: record.operation ?? record.process ?? "" })}`, fields));
  return 0;
}
