import { t } from "../../../i18n/index.js";
import type { Rule } from "../../rule.js";

/** Titles compare as a reader sees them: surrounding and repeated white space do not count. */
const titleKey = (title: string) => title.trim().replace(/\s+/g, " ");

/**
 * Documents named by their title (manual, procedures, instructions). Forms share generic titles
 * (来料检验记录 of two product lines) and external documents keep their publisher's title across
 * editions; neither is reported.
 */
const TITLED_KINDS: ReadonlySet<string> = new Set(["manual", "procedure", "instruction"]);

/**
 * Two released documents under one title: a reader who is sent to 《变更管理程序》 (by a procedure's
 * text, the procedure list, an auditor) cannot tell which one is meant, and one of them is usually
 * a copy left in force after its replacement was issued (ISO 9001 7.5.3.2: documents identified
 * and obsolete ones prevented from unintended use). The later number (in number order) is reported,
 * naming the earlier.
 */
export const rule: Rule = {
  id: "doc/duplicate-title",
  severity: "warning",
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.title, f.data.status] : null) },
  summary: "Two released procedures, instructions or manuals have the same title.",
  docs: {
    description:
      "Two or more released documents — the manual, procedures, work instructions — have the same title (white space aside); forms, which share generic titles, and external documents are not compared. A reader sent to a document by its title — a procedure's text (《变更管理程序》), the procedure list, an auditor's question — cannot tell which is meant; usually one of them was replaced and should have been withdrawn ({{cite:document-control}}). Each document after the first, in number order, is reported, naming the first.",
    bad: `
# documents/QP-011.yaml, while QP-007 is 变更管理程序 too
id: QP-011
title: 变更管理程序
status: released
`,
    good: `
id: QP-011
title: 工程变更管理程序
status: released
`,
    fix: "If one document replaces the other, withdraw the old one with `csr obsolete <id> --reason ... --superseded-by <new id>`; if both stay in force, give one a title that says how it differs, and issue it as a new revision with `csr release`.",
  },
  check(ctx) {
    // Grouped only where a title recurs: a list for every released document (tens of thousands)
    // outlived the young generation's collections and was copied.
    type Titled = { id: string; file: (typeof ctx.repo.documents)[number]["file"] };
    const firstOf = new Map<string, (typeof ctx.repo.documents)[number]>();
    const byTitle = new Map<string, Titled[]>();
    for (const located of ctx.repo.documents) {
      const { value: doc, file } = located;
      if (doc.status !== "released" || !TITLED_KINDS.has(doc.kind) || typeof doc.title !== "string") continue;
      const key = titleKey(doc.title);
      const earlier = firstOf.get(key);
      if (!earlier) firstOf.set(key, located);
      else byTitle.set(key, [...(byTitle.get(key) ?? [{ id: earlier.value.id, file: earlier.file }]), { id: doc.id, file }]);
    }
    for (const [title, documents] of byTitle) {
      const [first, ...later] = documents.sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
      // Two files of one id are id/duplicate's finding, not two documents.
      for (const doc of later.filter((d) => d.id !== first!.id)) ctx.report({ file: doc.file, path: ["title"] }, t("rule.doc/duplicate-title", { document: doc.id, title, other: first!.id }));
    }
  },
};
