import type { Located } from "../../../load/repository.js";
import { locate } from "../../../load/source.js";
import type { Rule, RuleContext } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/** Ids that must be unique across the repository (CSRs have their own rule: csr/duplicate-id-across-branches). */
export const rule: Rule = {
  id: "id/duplicate",
  severity: "error",
  holdsForParts: true,
  scope: { files: "all", reads: (f) => (f.kind === "document" ? f.data.id : f.kind === "customer" ? [f.data.code, (f.data.sources ?? []).map((s) => s.id)] : null), citesLines: true },
  summary: "Two entities of the same kind share an id.",
  docs: {
    description:
      "Two documents, customers, people, processes, corrective action records, departments (or outside parties, which share their codes), source documents of one customer, 首件鉴定 records (first-articles.yaml), management reviews (management-reviews.yaml: MR-2026) or quality objectives (objectives.yaml: OBJ-01) share an id, or two 首件鉴定 records one report number (in any letter case), so references to that id become ambiguous. Of two files with one document number, the one with the longer revision record is taken for the document (then the file named by the number, then the first by path): a released form is not displaced by a new draft that took its number, and the finding stands on the draft, the file a pull request added. (Two CSRs with the same id are reported by `csr/duplicate-id-across-branches`.)",
    bad: `
  - code: C1
    name: 市场开发过程
    type: customer-oriented
  - code: C1
    name: 生产过程
`,
    fix: "Give one of them a new id, or merge the two.",
  },
  check(ctx) {
    const { repo } = ctx;
    const { index } = ctx;
    duplicates(ctx, "document", repo.documents, (d) => d.id, ["id"], index.documents);
    duplicates(ctx, "customer", repo.customers, (c) => c.code, ["code"], index.customers);
    duplicates(ctx, "person", repo.people, (p) => p.id, ["id"], index.people);
    duplicates(ctx, "process", repo.processes, (p) => p.code, ["code"], index.processes);
    duplicates(ctx, "action", repo.actions, (a) => a.id, ["id"], index.actions);
    const config = repo.config;
    if (config) {
      // One code space: a copy's recipient and a person's unit may name either a department or an outside party.
      const departments = [
        ...config.value.departments.map((value, i) => ({ value, file: config.file, path: ["departments", i] })),
        ...(config.value.external_parties ?? []).map((value, i) => ({ value, file: config.file, path: ["external_parties", i] })),
      ];
      duplicates(ctx, "department", departments, (d) => d.code, ["code"]);
    }
    // A 首件鉴定's number and its report's number (csr first-article add refuses a report recorded already).
    duplicates(ctx, "first-article", repo.firstArticles, (r) => r.id, ["id"]);
    duplicates(ctx, "first-article-report", repo.firstArticles, (r) => (typeof r.report === "string" ? r.report.normalize("NFKC").toLowerCase() : ""), ["report"], undefined, (r) => r.report);
    // A management review's number (MR-2026) and a quality objective's (OBJ-01): an output MR-2026/1, csr show MR-2026 or a
    // measurement of OBJ-01 would belong to either record.
    duplicates(ctx, "management-review", repo.managementReviews, (r) => stringId(r.id), ["id"]);
    duplicates(ctx, "objective", repo.objectives, (o) => stringId(o.id), ["id"]);
    for (const customer of repo.customers) {
      const sources = (customer.value.sources ?? []).map((value, i) => ({ value, file: customer.file, path: ["sources", i] }));
      duplicates(ctx, "source-document", sources, (s) => s.id, ["id"]);
    }
  },
};

/** An id, "" (not compared) when it is not a string: the schema reports that. */
function stringId(id: unknown): string {
  return typeof id === "string" ? id : "";
}

/**
 * `indexed`: the first item of each key, as the check's index holds it (model/index.ts byKey, the
 * same key), so that the tens of thousands of documents are not keyed a second time.
 */
function duplicates<T>(
  ctx: RuleContext,
  what: "document" | "customer" | "person" | "process" | "department" | "source-document" | "action" | "first-article" | "first-article-report" | "management-review" | "objective",
  items: Located<T>[],
  key: (v: T) => string,
  field: string[],
  indexed?: ReadonlyMap<string, Located<T>>,
  shown: (v: T) => string = key,
): void {
  const first = new Map<string, Located<T>>();
  for (const item of items) {
    const keyed = key(item.value);
    if (keyed === "") continue;
    const id = shown(item.value);
    const earlier = indexed ? indexed.get(keyed) : first.get(keyed);
    if (earlier === item) continue;
    if (!earlier) {
      first.set(keyed, item);
      continue;
    }
    const [line] = locate(earlier.file, [...earlier.path, ...field]);
    const data = { what: t(`rule.id/duplicate.${what}`), id, line, file: earlier.file.path };
    // A second file of a document number: the number is taken, a new document needs the next free one (tester57 E6).
    const message = earlier.file.path === item.file.path ? "rule.id/duplicate.same-file" : what === "document" ? "rule.id/duplicate.document-file" : "rule.id/duplicate.other-file";
    ctx.report({ file: item.file, path: [...item.path, ...field] }, t(message, { ...data, title: (earlier.value as { title?: string }).title ?? "" }));
  }
}
