/**
 * Hostile or damaged files (issue 10): each kind gets one finding that names what the file is and
 * how to fix it, at its position, and the other files are still checked.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, git, gitInit, minimalRepo } from "../helpers.js";

const validForm = (id: string, extra = "") => `id: ${id}\ntitle: 来料检验记录\nlevel: 4\nkind: form\ndepartment: QA\nstatus: draft\n${extra}`;

/** A second, valid file with one dangling reference proves the other files are still checked. */
const witness = { "documents/QR-001-02.yaml": validForm("QR-001-02", "related: [QP-404]\n") };

/**
 * Findings as [file, line, column, rule], as of a day of a year whose public holidays csr ships (else
 * calendar/year-missing would be one more): csr check in the test's process (csrInProcess), what is
 * tested being its findings.
 */
const brief = async (dir: string, ...args: string[]) => {
  const { code, findings, stderr } = await checkJsonInProcess(dir, "--today", "2026-12-01", ...args);
  return { code, stderr, findings, rows: findings.map((f) => [f.file, f.line, f.column, f.rule]) };
};

describe("YAML tags", () => {
  it("reports every tag that is not a plain core type at the tag's position", async () => {
    const tagged = validForm(
      "QR-001-01",
      [
        "remarks: !!js/function 'function () { return 1 }'",
        "purpose: !!python/object/apply:os.system [ls]",
        "scope: !custom text",
        "related: !!set {QP-001, QP-002}",
        "keywords: !!omap [a: 1]",
        "owner: !!str zhang",
        "",
      ].join("\n"),
    );
    const dir = minimalRepo({ "documents/QR-001-01.yaml": tagged, ...witness });
    const { code, findings, rows } = await brief(dir);
    expect(code).toBe(1);
    expect(rows).toEqual([
      ["documents/QR-001-01.yaml", 7, 10, "yaml/tag"],
      ["documents/QR-001-01.yaml", 8, 10, "yaml/tag"],
      ["documents/QR-001-01.yaml", 9, 8, "yaml/tag"],
      ["documents/QR-001-01.yaml", 10, 10, "yaml/tag"],
      ["documents/QR-001-01.yaml", 11, 11, "yaml/tag"],
      ["documents/QR-001-02.yaml", 7, 11, "ref/unresolved"],
    ]);
    expect(findings.slice(0, 5).map((f) => /^The YAML tag '([^']+)' is not allowed/.exec(f.message)?.[1])).toEqual([
      "!!js/function",
      "!!python/object/apply:os.system",
      "!custom",
      "!!set",
      "!!omap",
    ]);
    expect(findings[0]!.message).toMatch(/Remove the tag and write the value plainly\.$/);
  });

  it("reports a tag on a key", async () => {
    const dir = minimalRepo({ "documents/QR-001-01.yaml": validForm("QR-001-01", "!x remarks: 备注\n") });
    expect((await brief(dir)).rows).toEqual([["documents/QR-001-01.yaml", 7, 1, "yaml/tag"]]);
  });
});

describe("bytes that are not UTF-8 YAML text", () => {
  it("names UTF-16 with and without a byte-order mark and says how to convert", async () => {
    const text = validForm("QR-001-01");
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(text, "utf16le").swap16();
    const dir = minimalRepo({ "documents/QR-001-01.yaml": le, "documents/QR-001-03.yaml": be, ...witness });
    const { findings, rows } = await brief(dir);
    expect(rows).toEqual([
      ["documents/QR-001-01.yaml", 1, 1, "file/encoding"],
      ["documents/QR-001-02.yaml", 7, 11, "ref/unresolved"],
      ["documents/QR-001-03.yaml", 1, 1, "file/encoding"],
    ]);
    expect(findings[0]!.message).toMatch(/^The file is UTF-16 \(little-endian, byte-order mark FF FE\); csr reads UTF-8\..*'iconv -f UTF-16 -t UTF-8 documents\/QR-001-01\.yaml > documents\/QR-001-01\.yaml\.new && mv documents\/QR-001-01\.yaml\.new documents\/QR-001-01\.yaml'/);
    expect(findings[2]!.message).toMatch(/^The file is UTF-16 \(big-endian, without byte-order mark\)/);
    expect(findings.map((f) => f.message).join("\n")).not.toMatch(/GBK/);
  });

  it("reports a NUL byte inside a value at its line and column", async () => {
    const dir = minimalRepo({ "documents/QR-001-01.yaml": validForm("QR-001-01", "remarks: 备注\0尾\n"), ...witness });
    const { findings, rows } = await brief(dir);
    expect(rows).toEqual([
      ["documents/QR-001-01.yaml", 7, 12, "file/nul-byte"],
      ["documents/QR-001-02.yaml", 7, 11, "ref/unresolved"],
    ]);
    expect(findings[0]!.message).toMatch(/^The file contains a NUL byte \(line 7, column 12\);.*tr -d '\\000'/);
  });

  it("reports CR-only line ends and how to convert them", async () => {
    const dir = minimalRepo({ "documents/QR-001-01.yaml": validForm("QR-001-01").replace(/\n/g, "\r"), ...witness });
    const { findings, rows } = await brief(dir);
    expect(rows).toEqual([
      ["documents/QR-001-01.yaml", 1, 1, "file/line-ends"],
      ["documents/QR-001-02.yaml", 7, 11, "ref/unresolved"],
    ]);
    expect(findings[0]!.message).toMatch(/^Line 1 ends with a bare CR \(old Mac OS line end\).*tr '\\r' '\\n'/);
  });
});

describe("nesting", () => {
  it("says flow nesting 10,000 deep is too deep, at its line", async () => {
    const deep = validForm("QR-001-01", `remarks: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`);
    const dir = minimalRepo({ "documents/QR-001-01.yaml": deep, ...witness });
    const { findings, rows } = await brief(dir);
    expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ["documents/QR-001-01.yaml", 7, "yaml/too-deep"],
      ["documents/QR-001-02.yaml", 7, "ref/unresolved"],
    ]);
    expect(findings[0]!.message).toBe(
      "The YAML is nested more than 100 levels deep here; csr's data is never nested that deep. Flatten the structure (this is usually generated or hostile input).",
    );
  });

  it("says block nesting 150 deep is too deep, at the first value too deep", async () => {
    const lines = ["remarks:"];
    for (let i = 1; i <= 150; i++) lines.push(`${"  ".repeat(i)}k${i}:`);
    lines.push(`${"  ".repeat(151)}x`);
    const dir = minimalRepo({ "documents/QR-001-01.yaml": validForm("QR-001-01", lines.join("\n") + "\n") });
    const { rows } = await brief(dir);
    expect(rows).toEqual([["documents/QR-001-01.yaml", 106, 199, "yaml/too-deep"]]);
  });
});

describe("files that are not regular files", () => {
  it("reports a FIFO where symbols.yaml and a document are expected, without waiting", async () => {
    const dir = minimalRepo(witness);
    spawnSync("mkfifo", [join(dir, "symbols.yaml"), join(dir, "documents", "QP-001.yaml")]);
    const started = Date.now();
    const { findings, rows } = await brief(dir);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(rows).toEqual([
      ["documents/QP-001.yaml", 1, 1, "file/not-regular"],
      ["documents/QR-001-02.yaml", 7, 11, "ref/unresolved"],
      ["symbols.yaml", 1, 1, "file/not-regular"],
    ]);
    expect(findings[0]!.message).toBe(
      "This is a named pipe (FIFO), not a regular file; csr reads only regular files here. Replace it with the YAML file it should be, or remove it.",
    );
  });

  it("reports a directory where people.yaml is expected", async () => {
    const dir = minimalRepo();
    spawnSync("rm", [join(dir, "people.yaml")]);
    mkdirSync(join(dir, "people.yaml"));
    const { code, stderr, findings } = await brief(dir);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({ file: "people.yaml", line: 1, column: 1, rule: "file/not-regular", message: expect.stringMatching(/^This is a directory, not a regular file;/) }),
    ]);
  });
});

describe("symbolic links", () => {
  it("says a loop is a loop and a dangling link points nowhere", async () => {
    const dir = minimalRepo(witness);
    symlinkSync("QP-002.yaml", join(dir, "documents", "QP-001.yaml"));
    symlinkSync("QP-001.yaml", join(dir, "documents", "QP-002.yaml"));
    symlinkSync("QP-404.yaml", join(dir, "documents", "QP-003.yaml"));
    symlinkSync("symbols.yaml", join(dir, "symbols.yaml"));
    const { findings } = await brief(dir);
    expect(findings.map((f) => [f.file, f.rule, f.message.split(" (")[0]!.split(",")[0]])).toEqual([
      ["documents/QP-001.yaml", "file/broken-link", "This symbolic link is part of a loop"],
      ["documents/QP-002.yaml", "file/broken-link", "This symbolic link is part of a loop"],
      ["documents/QP-003.yaml", "file/broken-link", "This symbolic link points to 'QP-404.yaml'"],
      ["documents/QR-001-02.yaml", "ref/unresolved", "Unknown document 'QP-404'. Create it with 'csr new procedure --number QP-404 --title … --department …'"],
      ["symbols.yaml", "file/broken-link", "This symbolic link is part of a loop"],
    ]);
    expect(findings.map((f) => f.message).join("\n")).not.toMatch(/outside the repository/);
  });
});

describe("files read from git", () => {
  it("applies the size limit to a 25 MB file in the --base commit without reading it", async () => {
    const big = validForm("QR-001-01", `remarks: "${"x".repeat(25 * 1024 * 1024)}"\n`);
    const dir = gitInit(minimalRepo({ "documents/QR-001-01.yaml": big }));
    writeFileSync(join(dir, "documents", "QR-001-01.yaml"), validForm("QR-001-01"));
    git(dir, ["commit", "-qam", "shrink"]);
    // The check's CPU time in this process (it runs here), not the wall time: on a shared machine under load 40 the
    // same run took over 15 s of wall time while using a fraction of it.
    const started = process.cpuUsage();
    const { code, rows } = await brief(dir, "--base", "HEAD~1");
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(15_000);
    expect({ code, rows }).toEqual({ code: 0, rows: [] });
  });
});
