/**
 * Every Markdown table of the READMEs and docs/ has rows of its header's width: a row cut in two or two rows run together
 * (the management-review table of README.md had one, stop 78) renders as a broken table on GitHub and in `csr` docs.
 * Read with the project's one table reader (model/markdown-tables.ts), as doc/table-malformed reads a document's.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { markdownTables, tableRowCells } from "../../src/model/markdown-tables.js";

const root = join(import.meta.dirname, "..", "..");

function markdownFiles(): string[] {
  const docs = readdirSync(join(root, "docs"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md")).map((f) => join("docs", f));
  return ["README.md", "README.zh-CN.md", ...docs.sort()];
}

/** "README.md:5499: 5 cells, header 3" for each row of another width than its table's header. */
function unevenRows(path: string): string[] {
  const lines = readFileSync(join(root, path), "utf8").split("\n");
  return markdownTables(lines).flatMap((table) => {
    const width = tableRowCells(lines[table.header]!);
    const rows = [];
    for (let i = table.delimiter + 1; i <= table.last; i++) {
      // A cell's text may hold `|` only escaped (\|), as GitHub reads it: an unescaped one starts a new cell.
      const cells = tableRowCells(lines[i]!);
      if (cells !== width) rows.push(`${path}:${i + 1}: ${cells} cells, header ${width}`);
    }
    return rows;
  });
}

describe("the documentation's tables", () => {
  it("have every row as wide as its header", () => {
    const files = markdownFiles();
    expect(files).toContain("docs/rules.md");
    expect(files.flatMap(unevenRows)).toEqual([]);
  });

  it("would report a row cut in two", () => {
    const lines = ["| a | b | c |", "| --- | --- | --- |", "| 1 | 2 and the rest | 3 | x | 4", "is cut | 5 |"];
    const table = markdownTables(lines)[0]!;
    expect([table.last, tableRowCells(lines[2]!), tableRowCells(lines[3]!)]).toEqual([3, 5, 2]);
  });
});
