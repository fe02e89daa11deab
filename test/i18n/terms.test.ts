/**
 * One term per meaning in the Chinese outputs: the word a document controller and an auditor use
 * (GJB 9001C / IATF 16949 practice), never a near-synonym beside it. The Chinese catalogs
 * (locales/*zh-CN.json: messages, rule pages, schema descriptions) and the default templates
 * (templates/) are searched for the rejected variants; where a variant is right, its key or file is
 * allowed by name.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

interface Term {
  /** The term csr uses. */
  use: string;
  /** Variants with the same meaning that it does not use. */
  rejected: RegExp;
  /** Catalog keys or template files (relative to templates/) where the variant is right, with why. */
  allowed?: Record<string, string>;
}

const TERMS: Term[] = [
  // Controlled copies are issued (文件发放/回收记录), and so are CSRs to the departments concerned.
  { use: "发放", rejected: /分发/g },
  // What comes back against the distribution record is recalled (回收).
  { use: "回收", rejected: /收回/g },
  // The date a customer document or requirement arrived starts the review period: 接收日期.
  { use: "接收日期, 接收后", rejected: /收到日期|收到后/g },
  // A controlled document's version is labelled 版本/版次 (edition/revision, A/0) as on its header;
  // in a sentence, and for a customer's source revision, it is 版本.
  {
    use: "版本 (版本/版次 as a label)",
    rejected: /(?<!版本\/)版次/g,
    allowed: {
      "import.word.field.revision": "a header label csr reads in Word documents, named as the document writes it",
      "rules.doc/version-sequence.description": "the revision digit (A/0 → A/2) beside the edition letter: the pair's two meanings",
      "import.document.bad-version-number": "a register's 版次 column (the revision digit beside the 版本 letter), which the import combines into A/2",
      "import.document.version-number-alone": "a register's 版次 column (the revision digit beside the 版本 letter), which the import combines into A/2",
      "import.document.version-number-differs": "a register's 版次 column (the revision digit beside the 版本 letter), which the import combines into A/2",
    },
  },
  // IATF 16949 and GJB 9001C say 顾客.
  { use: "顾客", rejected: /客户/g },
  // The date a CSR was implemented in production (IATF 16949 7.5.3.2.2); 实施日期 is also a document's effective date.
  // It is said of an external document's own date alone (external.effective): a standard's cover prints 发布 and 实施.
  {
    use: "导入生产日期",
    rejected: /实施日期/g,
    allowed: {
      "Date the publisher puts it in force (实施日期), not before issued; it is in force from the later of this and the date received.": "an external document's 实施日期",
      "help.new.effective": "csr new external --effective: an external document's 实施日期",
      "Its 实施日期.": "external.previous[].effective: a replaced edition's 实施日期",
      "import.external.pending-without-date": "an external document's 实施日期",
      "new.effective-at-release": "--effective is an external document's 实施日期",
      "new.external.effective-later": "an external document's 实施日期",
      "help.set.effective": "csr set --edition --effective: an external document's 实施日期",
      "help.set.amend": "csr set --amend: an external document's 实施日期 on file",
      "set.edition.field.effective": "an external document's 实施日期",
      "set.edition.recorded-later": "an external document's 实施日期",
      "register.external.column.effective": "the 实施日期 column of the external document list",
      "rule.doc/external-effective-before-issue": "an external document's 实施日期",
      "rules.doc/external-effective-before-issue.description": "an external document's 实施日期",
      "rules.doc/external-effective-before-issue.summary": "an external document's 实施日期",
      "i18n/zh-CN.json": "external_effective, the 实施日期 on an external document's print",
      "rules.csr/implemented-before-effective.description": "the 实施日期 (effective) of the documents addressing the CSR, compared with its 导入生产日期",
      "rules.csr/late-for-customer.description": "a customer's 实施日期 of its source revision (sources[].revisions[].effective): its own date, as a standard's",
      "rules.csr/late-for-customer.comments.source: DYA-SQM revision D, effective 2026-11-01 in customers/DYA.yaml": "a customer source revision's 实施日期",
      "Date from which the customer requires this revision to be met in production (实施日期), as it states it; a CSR taken from it is implemented on or before it (csr/late-for-customer).": "a customer source revision's 实施日期",
      "The customer's date for this requirement (顾客要求日期), when it differs from the 实施日期 of its source revision: a date the requirement states itself, or a later one the customer agreed. csr/late-for-customer compares the due date and the date implemented with it.": "a customer source revision's 实施日期",
      "help.implement.required-by": "a customer source revision's 实施日期",
      "add.effective-before-received": "a customer source revision's 实施日期, before the date it was received",
      "source.effective-before-received": "a customer source revision's 实施日期, before the date it was received",
      "help.source.add.effective": "a customer source revision's 实施日期",
      "help.source.update.effective": "a customer source revision's 实施日期",
      "register.external.current-early": "a customer source revision's 实施日期, beside the day it was put into production",
      "implement.part.effective": "a customer source revision's 实施日期",
      "register.csr.late-for-customer": "a customer source revision's 实施日期",
      "render.customer-date.effective": "a customer source revision's 实施日期",
      "rules.csr/training-overdue.description": "a customer source revision's 实施日期, the training deadline of a CSR decided before it (tester75 T12)",
      "register.training-missing.note": "a customer source revision's 实施日期, a CSR's training deadline",
      "register.training-missing.note-gjb": "a customer source revision's 实施日期, a CSR's training deadline",
      "register.training-plan.note": "a customer source revision's 实施日期, a CSR's training deadline",
      "rule.csr/implementation-overdue.customer-source": "a customer source revision's 实施日期",
      "rule.csr/late-for-customer.source": "a customer source revision's 实施日期",
      "show.implementation.effective": "a customer source revision's 实施日期",
      "show.implementation.effective-late": "a customer source revision's 实施日期",
      "source.effective": "a customer source revision's 实施日期",
      "source.update.prompt.effective": "a customer source revision's 实施日期",
    },
  },
  // A controlled document is released (csr release: 发布), on its 发布日期, as GB/T standards and the
  // registers of Chinese quality systems name it; 发行 (issued for sale, or 发行日期) says the same in other words.
  { use: "发布, 发布日期", rejected: /发行/g },
];

function templateFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? templateFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** A catalog's texts by their dotted key path (the rule and schema catalogs are nested). */
function texts(value: unknown, key = ""): [string, string][] {
  if (typeof value === "string") return [[key, value]];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => texts(v, key ? `${key}.${k}` : k));
}

describe("Chinese terms: one per meaning", () => {
  const catalog = Object.fromEntries(
    readdirSync(join(ROOT, "locales"))
      .filter((f) => f.endsWith("zh-CN.json"))
      .flatMap((f) => texts(JSON.parse(readFileSync(join(ROOT, "locales", f), "utf8")))),
  );
  const templates = templateFiles(join(ROOT, "templates"))
    .filter((f) => !/\.(png|ico|woff2?)$/.test(f))
    .map((f) => ({ name: relative(join(ROOT, "templates"), f), text: readFileSync(f, "utf8") }));

  it.each(TERMS.map((term) => [term.use, term] as const))("%s", (_, term) => {
    const found = [
      ...Object.entries(catalog).flatMap(([key, text]) => (text.match(term.rejected) ?? []).map((word) => `locales ${key}: ${word}`)),
      ...templates.flatMap(({ name, text }) => (text.match(term.rejected) ?? []).map((word) => `templates/${name}: ${word}`)),
    ].filter((where) => !Object.keys(term.allowed ?? {}).some((allowed) => where.startsWith(`locales ${allowed}:`) || where.startsWith(`templates/${allowed}:`)));
    expect(found).toEqual([]);
  });

  it("each allowed place still has its variant (an allowance that is no longer needed is removed)", () => {
    for (const term of TERMS) {
      for (const key of Object.keys(term.allowed ?? {})) {
        const text = catalog[key] ?? templates.find((t) => t.name === key)?.text ?? "";
        expect({ key, matches: new RegExp(term.rejected.source).test(text) }).toEqual({ key, matches: true });
      }
    }
  });
});
