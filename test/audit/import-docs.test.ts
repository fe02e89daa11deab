/**
 * docs/import.md lists the column names and the words `csr import` reads from the tables the import
 * reads them with, so that the page the import's hint points to cannot drift from them (tester20 F9).
 * After an intended change, UPDATE_GOLDEN=1 rewrites the generated parts; review the diff.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COLUMN_NAMES, type Field } from "../../src/import/headers.js";
import { DISPOSITION_WORDS } from "../../src/import/normalize.js";
import { PEOPLE_HEADERS } from "../../src/import/people-register.js";
import { DISTRIBUTION_HEADERS } from "../../src/import/distribution.js";
import { fieldsRead, IMPLEMENTATION_STATUS_WORDS, IMPORT_KINDS, LISTED_STATUS_WORDS } from "../../src/import/plan.js";
import { ROOT } from "../helpers.js";

const PAGE = join(ROOT, "docs", "import.md");

const code = (words: readonly string[]) => [...new Set(words)].map((w) => `\`${w}\``).join(", ");

/**
 * One row per field: the name csr reads first, the other names, the imports that read it; then the people
 * register's (人员名册, read into csr person add commands, roster76) as `people.<field>`, read by `--as people`, and the
 * distribution register's (受控文件发放回收登记表, copies77) as `distribution.<field>`, read by `--as distribution`.
 */
function columnsTable(): string {
  const rows = (Object.entries(COLUMN_NAMES) as [Field, readonly string[]][]).map(([field, names]) => {
    const kinds = IMPORT_KINDS.filter((kind) => fieldsRead(kind).has(field));
    return `| \`${field}\` | ${code(names)} | ${kinds.join(", ")} |`;
  });
  const people = [...new Set(Object.values(PEOPLE_HEADERS))].map((field) => `| \`people.${field}\` | ${code(Object.keys(PEOPLE_HEADERS).filter((name) => PEOPLE_HEADERS[name] === field))} | people |`);
  const distribution = [...new Set(Object.values(DISTRIBUTION_HEADERS))].map(
    (field) => `| \`distribution.${field}\` | ${code(Object.keys(DISTRIBUTION_HEADERS).filter((name) => DISTRIBUTION_HEADERS[name] === field))} | distribution |`,
  );
  return ["| Field | Column names | Read by `--as` |", "| --- | --- | --- |", ...rows, ...people, ...distribution].join("\n");
}

function statusTable(): string {
  const said = (listed: (typeof LISTED_STATUS_WORDS)[number]["listed"]) => `${listed.status} | ${listed.stage ?? ""}`;
  const meanings = [...new Set(LISTED_STATUS_WORDS.map((w) => said(w.listed)))];
  const rows = meanings.map((meaning) => `| ${code(LISTED_STATUS_WORDS.filter((w) => said(w.listed) === meaning).map((w) => w.word))} | ${meaning} |`);
  return ["| 状态 | CSR status | `implementation.status` |", "| --- | --- | --- |", ...rows].join("\n");
}

function implementationTable(): string {
  const stages = [...new Set(IMPLEMENTATION_STATUS_WORDS.map((w) => w.stage))];
  const rows = stages.map((stage) => `| ${code(IMPLEMENTATION_STATUS_WORDS.filter((w) => w.stage === stage).map((w) => w.word))} | ${stage} |`);
  return ["| 实施状态 | `implementation.status` |", "| --- | --- |", ...rows].join("\n");
}

function dispositionTable(): string {
  const rows = Object.entries(DISPOSITION_WORDS).map(([disposition, words]) => `| ${code(words)} | ${disposition} |`);
  return ["| 处置 / 评审结论 | `review.decision.disposition` |", "| --- | --- |", ...rows].join("\n");
}

const GENERATED: Record<string, () => string> = { columns: columnsTable, status: statusTable, implementation: implementationTable, disposition: dispositionTable };

describe("docs/import.md", () => {
  it("lists the column names and words the import reads, as its tables hold them", () => {
    let page = readFileSync(PAGE, "utf8");
    for (const [name, table] of Object.entries(GENERATED)) {
      const block = new RegExp(`(<!-- generated: ${name} -->\\n)[\\s\\S]*?(<!-- end: ${name} -->)`);
      expect(page, `docs/import.md has no generated block '${name}'`).toMatch(block);
      page = page.replace(block, (_, start: string, end: string) => `${start}${table()}\n${end}`);
    }
    if (process.env.UPDATE_GOLDEN) writeFileSync(PAGE, page);
    expect(readFileSync(PAGE, "utf8")).toBe(page);
  });
});
