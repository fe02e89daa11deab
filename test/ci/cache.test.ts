import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, csrEnv, csrInProcess, git, gitInit, minimalRepo, releasedProcedure, ROOT, tempDir, withoutYearCheck, type RunResult } from "../helpers.js";
import { threeDepartmentRepo } from "../control/three-departments.js";
import { rewriteCachedEntry } from "./cache-entries.js";
import { PROCESS_MAP } from "./process-map.js";

const procedure = (id: string, extra: string[] = []) =>
  [`id: ${id}`, "title: 文件控制程序", "level: 2", "kind: procedure", "department: QA", "status: draft", ...extra, ""].join("\n");

/** A repository with a rule finding (positions computed lazily) and a schema finding (positions cached). */
function repository(): string {
  return gitInit(
    withoutYearCheck(
      minimalRepo({
        "processes.yaml": PROCESS_MAP,
        "documents/QP-001.yaml": procedure("QP-001", ["related: [QP-404]"]),
        "documents/QP-002.yaml": procedure("QP-002", ["owner: 张伟"]),
        "documents/QP-003.yaml": procedure("QP-003"),
      }),
    ),
  );
}

/** The entries file of the cache (what each file read as), beside its index (stat data and the last findings). */
function cacheFile(dir: string): string {
  const names = readdirSync(dir).sort();
  expect(names).toHaveLength(2);
  expect(names[0]).toBe(names[1]!.replace(/\.index$/, ".entries"));
  return join(dir, names[0]!);
}

/**
 * Puts a finding into the cached result of one file, as an outdated cache would hold it: a new
 * record at the end of the entries file, where the index now says the file's entry is. The
 * remembered findings of the last check go with it, as they would be after any change.
 */
function tamper(file: string, documentId: string): void {
  const index = rewriteCachedEntry(file, documentId, (entry) => {
    entry.problems.push({ rule: "yaml/syntax", line: 1, column: 1, message: "Remembered by the cache." });
  });
  forgetFindings(index);
}

/** The header line of the index (JSON), which binary columns follow. */
function indexHeader(index: string) {
  const bytes = readFileSync(index);
  return JSON.parse(bytes.subarray(0, bytes.indexOf(10)).toString("utf8"));
}

/** Replaces the header line of the index, keeping the columns (those of `from` when given). */
function writeIndexHeader(index: string, header: unknown, from: Buffer = readFileSync(index)): void {
  writeFileSync(index, Buffer.concat([Buffer.from(JSON.stringify(header)), from.subarray(from.indexOf(10))]));
}

/** Drops the last findings from the index's header line, keeping its stat data. */
function forgetFindings(index: string): void {
  const header = indexHeader(index);
  delete header.result;
  writeIndexHeader(index, header);
}

const json = (result: RunResult) => JSON.parse(result.stdout).findings.map((f: { rule: string; file: string; line: number; column: number }) => `${f.file}:${f.line}:${f.column} ${f.rule}`);

/** A copy of the installed package, so that a test may change its schemas or version. */
function installedCopy(): { run(args: string[]): RunResult; root: string } {
  const root = tempDir("csr-package-");
  const packaged = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { files: string[] }).files;
  for (const entry of [...packaged, "package.json"]) cpSync(join(ROOT, entry), join(root, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
  return {
    root,
    run(args) {
      const result = spawnSync(process.execPath, [join(root, "bin", "csr.js"), "--lang", "en", ...args], { encoding: "utf8", env: { ...csrEnv(), NO_COLOR: "1" } });
      return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
    },
  };
}

/**
 * The first test and those of a changed installation run the built binary, each check a process of its own that finds
 * the cache the one before it left on disk; the others run csr in this process (csrInProcess), which keeps nothing of
 * the cache in memory between runs (each proves its cache was read by a finding planted in the files), each test on
 * one of the two throughout: the binary and csr in this process are different builds, and neither takes the other's cache.
 */
describe("the check cache", () => {
  const expected = ["documents/QP-001.yaml:7:11 ref/unresolved", "documents/QP-002.yaml:7:1 schema/unknown-field"];

  /**
   * The repository with its files and folders dated 2026-01-05 (outside the racy window) and checked
   * once: the folder, the `--today` arguments and the cache's index file.
   */
  const agedAndChecked = async () => {
    const dir = repository();
    const old = new Date("2026-01-05T08:00:00Z");
    for (const path of ["documents/QP-001.yaml", "documents/QP-002.yaml", "documents/QP-003.yaml", "documents", ""]) utimesSync(join(dir, path), old, old);
    const today = ["--today", "2026-06-30"];
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual(expected);
    return { dir, today, index: cacheFile(join(dir, ".git", "csr-cache")).replace(/\.entries$/, ".index") };
  };

  it("lives in .git/csr-cache/, leaves the working tree alone and answers a repeated check", () => {
    const dir = repository();
    const cold = csr(["-C", dir, "check", "--format", "json"]);
    expect(json(cold)).toEqual(expected);
    const file = cacheFile(join(dir, ".git", "csr-cache"));
    expect(git(dir, ["status", "--porcelain", "--ignored"])).toBe("");
    expect(csr(["-C", dir, "check", "--format", "json"])).toEqual(cold);
    tamper(file, "QP-003");
    expect(json(csr(["-C", dir, "check", "--format", "json"]))).toEqual([...expected, "documents/QP-003.yaml:1:1 yaml/syntax"]);
    expect(json(csr(["-C", dir, "check", "--format", "json", "--no-cache"]))).toEqual(expected);
  });

  it("reads an edited file afresh", async () => {
    const dir = repository();
    await csrInProcess(["-C", dir, "check"]);
    writeFileSync(join(dir, "documents/QP-003.yaml"), procedure("QP-003", ["forms: [QR-404]"]));
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json"]))).toEqual([...expected, "documents/QP-003.yaml:7:9 ref/unresolved"]);
    writeFileSync(join(dir, "documents/QP-002.yaml"), procedure("QP-002"));
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json"]))).toEqual(["documents/QP-001.yaml:7:11 ref/unresolved", "documents/QP-003.yaml:7:9 ref/unresolved"]);
  });

  it("skips reading files whose size, times and inode are unchanged, and reads a same-size edit afresh, its old time given back or not", async () => {
    const dir = repository();
    const old = new Date("2026-01-05T08:00:00Z");
    for (const name of ["QP-001", "QP-002", "QP-003"]) utimesSync(join(dir, "documents", `${name}.yaml`), old, old);
    await csrInProcess(["-C", dir, "check"]);
    const file = cacheFile(join(dir, ".git", "csr-cache"));
    // Trusted by size and time: the tampered entry is used without reading QP-003 at all.
    tamper(file, "QP-003");
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json"]))).toContain("documents/QP-003.yaml:1:1 yaml/syntax");
    // New content of the same size given its old modification time back (touch -r): the change time
    // the edit gave it tells, as in git (core.trustctime), and the file is read afresh.
    const text = procedure("QP-003").replace("文件控制程序", "记录控制程序");
    expect(text.length).toBe(procedure("QP-003").length);
    writeFileSync(join(dir, "documents/QP-003.yaml"), text.replace("status: draft", "status: drift"));
    utimesSync(join(dir, "documents/QP-003.yaml"), old, old);
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json"]))).toEqual([...expected, "documents/QP-003.yaml:6:9 schema/invalid-value"]);
    // The same number of bytes, a new time: read afresh, whatever the cache says.
    writeFileSync(join(dir, "documents/QP-003.yaml"), text);
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json"]))).toEqual(expected);
  });

  it("answers a repeated check from the last findings until a file, the file list or the day changes", async () => {
    const dir = repository();
    const old = new Date("2026-01-05T08:00:00Z");
    for (const name of ["QP-001", "QP-002", "QP-003"]) utimesSync(join(dir, "documents", `${name}.yaml`), old, old);
    const today = ["--today", "2026-06-30"];
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual(expected);
    // Proof that nothing is read or run again: a finding planted among the remembered ones is printed.
    const index = cacheFile(join(dir, ".git", "csr-cache")).replace(/\.entries$/, ".index");
    const columns = readFileSync(index);
    const header = indexHeader(index);
    header.result.findings.push({ rule: "yaml/syntax", severity: "error", file: "documents/QP-003.yaml", line: 1, column: 1, message: "Remembered." });
    writeIndexHeader(index, header, columns);
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual([...expected, "documents/QP-003.yaml:1:1 yaml/syntax"]);
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", "--today", "2026-07-01"]))).toEqual(expected);
    writeIndexHeader(index, header, columns);
    rmSync(join(dir, "documents", "QP-003.yaml"));
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual(expected);
    writeFileSync(join(dir, "documents", "QP-004.yaml"), procedure("QP-004", ["related: [QP-405]"]));
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual([...expected, "documents/QP-004.yaml:7:11 ref/unresolved"]);
  });

  it("lists the directories again when one has changed, its old time given back or not", async () => {
    const dir = repository();
    const old = new Date("2026-01-05T08:00:00Z");
    const age = (path: string) => utimesSync(join(dir, path), old, old);
    for (const path of ["documents/QP-001.yaml", "documents/QP-002.yaml", "documents/QP-003.yaml", "documents", ""]) age(path);
    const today = ["--today", "2026-06-30"];
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual(expected);
    // A file added, its directory given its old modification time back: the directory's change time
    // tells, the directories are listed again and the file is found.
    writeFileSync(join(dir, "documents", "QP-004.yaml"), procedure("QP-004", ["related: [QP-405]"]));
    age("documents");
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual([...expected, "documents/QP-004.yaml:7:11 ref/unresolved"]);
    // Another file added, the directory's time new as adding gives it.
    writeFileSync(join(dir, "documents", "QP-005.yaml"), procedure("QP-005", ["related: [QP-505]"]));
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual([...expected, "documents/QP-004.yaml:7:11 ref/unresolved", "documents/QP-005.yaml:7:11 ref/unresolved"]);
  });

  it("writes the index again after listing the directories, so that the next check lists none", async () => {
    const dir = repository();
    // Directories changed too close to the index to be trusted (as right after a clone), files long before.
    const dirTime = new Date("2026-01-05T08:00:00Z");
    const fileTime = new Date("2025-12-05T08:00:00Z");
    const paths = (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[]).filter((e) => !join(e.parentPath, e.name).includes(".git"));
    for (const entry of paths) utimesSync(join(entry.parentPath, entry.name), entry.isDirectory() ? dirTime : fileTime, entry.isDirectory() ? dirTime : fileTime);
    utimesSync(dir, dirTime, dirTime);
    const today = ["--today", "2026-06-30"];
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual(expected);
    const index = cacheFile(join(dir, ".git", "csr-cache")).replace(/\.entries$/, ".index");
    const header = indexHeader(index);
    header.written = dirTime.getTime() + 1000;
    writeIndexHeader(index, header);
    // The directories are listed (nothing changed), and the index is written again with the time of this check.
    const before = Date.now();
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual(expected);
    const rewritten = readFileSync(index);
    expect(indexHeader(index).written).toBeGreaterThanOrEqual(before);
    // Now the directories are trusted: the next check lists none and so has nothing to write.
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual(expected);
    expect(readFileSync(index).equals(rewritten)).toBe(true);
  });

  it("writes the index again after a few files changed with the keys of their new content, the other columns as they were", async () => {
    const dir = repository();
    const old = new Date("2026-01-05T08:00:00Z");
    const paths = (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[]).filter((e) => !join(e.parentPath, e.name).includes(".git"));
    for (const entry of paths) utimesSync(join(entry.parentPath, entry.name), old, old);
    utimesSync(dir, old, old);
    const today = ["--today", "2026-06-30"];
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual(expected);
    const index = cacheFile(join(dir, ".git", "csr-cache")).replace(/\.entries$/, ".index");
    // The columns (see src/load/cache.ts): N and the byte lengths of paths and keys, stat data, entry places, paths, keys.
    const columns = (bytes: Buffer) => {
      const at = bytes.indexOf(10) + 1;
      const count = bytes.readUInt32LE(at);
      const pathsAt = at + 12 + count * 6 * 8;
      const pathBytes = bytes.readUInt32LE(at + 4);
      return { paths: bytes.toString("utf8", pathsAt, pathsAt + pathBytes).split("\0"), keys: bytes.toString("utf8", pathsAt + pathBytes).split("\0") };
    };
    const before = columns(readFileSync(index));
    // The first and the last of the documents, whose keys lie inside the column and at its end.
    const edited = ["documents/QP-001.yaml", before.paths.filter((p) => p.startsWith("documents/")).at(-1)!];
    expect(edited[1]).not.toBe(edited[0]);
    for (const path of edited) writeFileSync(join(dir, path), `${readFileSync(join(dir, path), "utf8")}# 已修订\n`);
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual(expected);
    const after = columns(readFileSync(index));
    expect(after.paths).toEqual(before.paths);
    const sha1 = (path: string) => createHash("sha1").update(readFileSync(join(dir, path))).digest("hex");
    expect(after.keys).toEqual(before.paths.map((path, i) => (edited.includes(path) ? `document:${sha1(path)}` : before.keys[i])));
    expect(after.keys.filter((key, i) => key !== before.keys[i])).toHaveLength(2);
    // Read back, the index answers the next check without reading a file (a finding planted among the remembered ones is printed).
    const header = indexHeader(index);
    header.result.findings.push({ rule: "yaml/syntax", severity: "error", file: "documents/QP-003.yaml", line: 1, column: 1, message: "Remembered." });
    writeIndexHeader(index, header);
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual([...expected, "documents/QP-003.yaml:1:1 yaml/syntax"]);
  });

  it("puts the index's numbers at a multiple of 8 bytes into the file, and reads an index whose numbers lie elsewhere", async () => {
    const { dir, today, index } = await agedAndChecked();
    const whole = readFileSync(index);
    // The header line, padded with spaces, then N and the byte lengths of paths and keys (12 bytes), then the stat data (float64s).
    const columns = whole.indexOf(10) + 1;
    expect((columns + 12) % 8).toBe(0);
    expect(whole.toString("utf8", 0, columns - 1)).toMatch(/^\{.*\} {0,7}$/);
    // The stat data one to seven bytes off (an index written before the padding): still compared, the
    // remembered findings (one planted) answer while nothing changed, and an edit is seen.
    const header = indexHeader(index);
    header.result.findings.push({ rule: "yaml/syntax", severity: "error", file: "documents/QP-003.yaml", line: 1, column: 1, message: "Remembered." });
    const line = JSON.stringify(header);
    for (const shift of [1, 4, 7]) {
      const spaces = (((shift - Buffer.byteLength(line) - 13) % 8) + 8) % 8;
      writeFileSync(index, Buffer.concat([Buffer.from(`${line}${" ".repeat(spaces)}\n`), whole.subarray(columns)]));
      expect((readFileSync(index).indexOf(10) + 1 + 12) % 8).toBe(shift);
      expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual([...expected, "documents/QP-003.yaml:1:1 yaml/syntax"]);
    }
    writeFileSync(join(dir, "documents/QP-003.yaml"), procedure("QP-003", ["forms: [QR-404]"]));
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual([...expected, "documents/QP-003.yaml:7:9 ref/unresolved"]);
  });

  it("is ignored and rebuilt when it is corrupt", async () => {
    const dir = repository();
    await csrInProcess(["-C", dir, "check"]);
    const file = cacheFile(join(dir, ".git", "csr-cache"));
    writeFileSync(file, '{"format": 6, "fing');
    writeFileSync(file.replace(/\.entries$/, ".index"), '{"format": 6, "fing');
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json"]))).toEqual(expected);
    expect(JSON.parse(readFileSync(file, "utf8").split("\n")[0]!).format).toBe(8);
    expect(indexHeader(file.replace(/\.entries$/, ".index")).format).toBe(8);
    // Columns cut short (a write that did not finish): the same findings, and the index written whole again.
    const index = file.replace(/\.entries$/, ".index");
    const whole = readFileSync(index);
    const header = indexHeader(index);
    header.result.findings = [];
    writeIndexHeader(index, header, whole.subarray(0, whole.length - 1));
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json"]))).toEqual(expected);
    expect(readFileSync(index).length).toBe(whole.length);
  });

  it("starts again without the index when its paths or keys turn out unreadable once the check uses them", async () => {
    const { dir, today, index } = await agedAndChecked();
    const whole = readFileSync(index);
    // One separator of a column made a letter: the same length, one path or key fewer than the header's count.
    const columns = whole.indexOf(10) + 1;
    const count = whole.readUInt32LE(columns);
    const pathBytes = whole.readUInt32LE(columns + 4);
    const pathsAt = columns + 12 + count * 6 * 8;
    for (const at of [pathsAt, pathsAt + pathBytes]) {
      const broken = Buffer.from(whole);
      broken[broken.indexOf(0, at)] = 0x78;
      writeFileSync(index, broken);
      // The paths are taken by the stat loop of a check with nothing changed, the keys only once a check must read (no findings remembered).
      if (at !== pathsAt) forgetFindings(index);
      expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today]))).toEqual(expected);
      expect(readFileSync(index).length).toBe(whole.length);
    }
  });

  it("reads a file edited in the tick the index was written, with the same size and time, while no directory changed (git's racily clean files)", async () => {
    const dir = repository();
    const old = new Date("2026-01-05T08:00:00Z");
    const older = new Date("2025-12-05T08:00:00Z");
    const qp3 = join(dir, "documents/QP-003.yaml");
    for (const path of ["documents/QP-001.yaml", "documents/QP-002.yaml", "documents/QP-003.yaml"]) utimesSync(join(dir, path), old, old);
    for (const path of ["documents", ""]) utimesSync(join(dir, path), older, older);
    const today = ["--today", "2026-06-30"];
    const check = async () => JSON.parse((await csrInProcess(["-C", dir, "check", "--format", "json", ...today])).stdout).findings.map((f: { file: string; message: string }) => `${f.file} ${f.message}`);
    const text = procedure("QP-003", ["forms: [QR-404]"]);
    writeFileSync(qp3, text);
    utimesSync(qp3, old, old);
    const first = await check();
    expect(first.at(-1)).toMatch(/^documents\/QP-003\.yaml .*QR-404/);
    // As if the index had been written in the clock tick of QP-003's last write (a second later).
    const index = cacheFile(join(dir, ".git", "csr-cache")).replace(/\.entries$/, ".index");
    writeIndexHeader(index, { ...indexHeader(index), written: old.getTime() + 1000 });
    // Edited again within that tick: the same size, time and inode; only the closeness of its time to the index's tells.
    const edited = text.replace("QR-404", "QR-405");
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    writeFileSync(qp3, edited);
    utimesSync(qp3, old, old);
    const second = await check();
    expect(second).toHaveLength(first.length);
    expect(second.at(-1)).toMatch(/^documents\/QP-003\.yaml .*QR-405/);
  });

  it("appends the entries of changed files to the entries file, and compacts it once most of it is unused", async () => {
    const dir = repository();
    // A long text makes each record large, so that a few edits leave most of the entries file unused.
    const long = (n: number) => procedure("QP-003", [`owner: "${`第${n}版说明。`.repeat(30_000)}"`]);
    writeFileSync(join(dir, "documents/QP-003.yaml"), long(0));
    const check = async () => json(await csrInProcess(["-C", dir, "check", "--format", "json", "--today", "2026-06-30"]));
    const withRemarks = [...expected, "documents/QP-003.yaml:7:1 schema/unknown-field"];
    expect(await check()).toEqual(withRemarks);
    const file = cacheFile(join(dir, ".git", "csr-cache"));
    const first = readFileSync(file);
    writeFileSync(join(dir, "documents/QP-002.yaml"), procedure("QP-002"));
    expect(await check()).toEqual(["documents/QP-001.yaml:7:11 ref/unresolved", "documents/QP-003.yaml:7:1 schema/unknown-field"]);
    // The same file with one record more: nothing was written again.
    const second = readFileSync(file);
    expect(second.subarray(0, first.length).equals(first)).toBe(true);
    expect(second.subarray(first.length).toString("utf8")).toMatch(/^document:[0-9a-f]{40}\t\{"data":\{"id":"QP-002",.*\}\n$/);
    const sizes = [second.length];
    for (let n = 1; n <= 4; n++) {
      writeFileSync(join(dir, "documents/QP-003.yaml"), long(n));
      expect(await check()).toEqual(["documents/QP-001.yaml:7:11 ref/unresolved", "documents/QP-003.yaml:7:1 schema/unknown-field"]);
      sizes.push(readFileSync(file).length);
    }
    // Each edit adds a record of QP-003 (about 480 KB), until the file holds more than twice what is
    // used and 1 MiB besides: then only the records in use are kept.
    const record = sizes[2]! - sizes[1]!;
    expect(record).toBeGreaterThan(400_000);
    expect(sizes.slice(1, 4)).toEqual([1, 2, 3].map((k) => sizes[0]! + k * record));
    expect(sizes[4]).toBeLessThan(record + 10_000);
    expect(await check()).toEqual(["documents/QP-001.yaml:7:11 ref/unresolved", "documents/QP-003.yaml:7:1 schema/unknown-field"]);
    writeFileSync(join(dir, "documents/QP-001.yaml"), procedure("QP-001"));
    expect(await check()).toEqual(["documents/QP-003.yaml:7:1 schema/unknown-field"]);
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json", "--today", "2026-06-30", "--no-cache"]))).toEqual(["documents/QP-003.yaml:7:1 schema/unknown-field"]);
  });

  it("is not kept outside git, where the check writes nothing at all", async () => {
    const dir = withoutYearCheck(minimalRepo({ "processes.yaml": PROCESS_MAP, "documents/QP-001.yaml": procedure("QP-001", ["related: [QP-404]"]) }));
    const before = readdirSync(dir, { recursive: true }).sort();
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json"]))).toEqual(["documents/QP-001.yaml:7:11 ref/unresolved"]);
    expect(json(await csrInProcess(["-C", dir, "check", "--format", "json"]))).toEqual(["documents/QP-001.yaml:7:11 ref/unresolved"]);
    expect(readdirSync(dir, { recursive: true }).sort()).toEqual(before);
  });

  it("sees a release tag added, moved, packed or deleted with no file changed, and still answers a repeated check while the tags stay as they are", async () => {
    const released = releasedProcedure("QP-001", "文件控制程序", { title: "目的", text: "规定文件的编制、审批和发放。" });
    const dir = gitInit(withoutYearCheck(minimalRepo({ "documents/QP-001.yaml": released })));
    // Edited after its release, without a new revision, and committed.
    writeFileSync(join(dir, "documents/QP-001.yaml"), released.replace("审批和发放", "会签、审批和发放"));
    git(dir, ["commit", "-qam", "编辑 QP-001"]);
    const today = ["--today", "2026-06-30"];
    const check = async () => json(await csrInProcess(["-C", dir, "check", "--format", "json", ...today])).map((f: string) => f.replace(/:\d+:\d+ /, " "));
    const edited = ["documents/QP-001.yaml doc/revision-not-bumped"];
    // No tag: nothing says what A/0 was released with.
    expect(await check()).toEqual([]);
    // The tag of A/0 added on the released text: the edit is reported.
    git(dir, ["tag", "QP-001/A-0", "HEAD~1"]);
    expect(await check()).toEqual(edited);
    // Tags as they were: the last findings answer (a finding planted among them is printed).
    const index = cacheFile(join(dir, ".git", "csr-cache")).replace(/\.entries$/, ".index");
    const header = indexHeader(index);
    header.result.findings.push({ rule: "yaml/syntax", severity: "error", file: "documents/QP-001.yaml", line: 1, column: 1, message: "Remembered." });
    writeIndexHeader(index, header);
    expect(await check()).toEqual([...edited, "documents/QP-001.yaml yaml/syntax"]);
    // Moved onto the edited text, packed, moved back (loose again), deleted: each seen.
    git(dir, ["tag", "-f", "QP-001/A-0", "HEAD"]);
    expect(await check()).toEqual([]);
    git(dir, ["pack-refs", "--all"]);
    git(dir, ["tag", "-f", "QP-001/A-0", "HEAD~1"]);
    expect(await check()).toEqual(edited);
    git(dir, ["pack-refs", "--all"]);
    expect(await check()).toEqual(edited);
    git(dir, ["tag", "-d", "QP-001/A-0"]);
    expect(await check()).toEqual([]);
  });

  it("sees HEAD move with no file changed (a checkout, a commit, a linked worktree's own HEAD), and still answers a repeated check while HEAD stays (odds59 2)", async () => {
    // A training record number given on its own is dated by the commit that added it (load/training-records.ts): before the
    // round for revision D began (2026-06-01) it trained C, and training on D is overdue; committed after it, D is trained.
    const csrFile = [
      "id: DYA-001",
      "customer: DYA",
      'source: {document: DYA-SQM, revision: D, section: "4.2"}',
      "clauses: [IATF16949:8.3.3.3]",
      "title: 特殊特性符号须按顾客要求标识",
      "received: 2026-03-10",
      "review:",
      "  restarted: 2026-06-01",
      "  opinions:",
      "    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-06-02}",
      "    - {department: MKT, reviewer: li, opinion: accept, date: 2026-06-03}",
      "  decision: {disposition: must, by: wang, date: 2026-06-05}",
      "  history:",
      "    - source_revision: C",
      "      closed: 2026-06-01",
      "      reason: 顾客升版为D版",
      "      decision: {disposition: must, by: wang, date: 2026-03-13}",
      "training:",
      "  required: true",
      "  records: [TR-2026-001]",
      "",
    ].join("\n");
    const dir = threeDepartmentRepo({
      "customers/DYA.yaml": "code: DYA\nname: 东岳汽车股份有限公司\nclass: A\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    department: QA\n    revisions:\n      - {revision: C, received: 2026-03-10}\n      - {revision: D, received: 2026-06-01}\n",
      "csr/DYA/DYA-001.yaml": csrFile,
    });
    git(dir, ["commit", "-q", "--amend", "--no-edit"], { GIT_COMMITTER_DATE: "2026-05-20T10:00:00+08:00" });
    // The same files on a branch of their own, committed on 2026-06-10: a checkout between the two changes no file.
    git(dir, ["checkout", "-q", "--orphan", "later"]);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "DYA-001"], { GIT_COMMITTER_DATE: "2026-06-10T10:00:00+08:00" });
    git(dir, ["switch", "-q", "main"]);
    const checkIn = async (at: string) => json(await csrInProcess(["-C", at, "check", "--format", "json", "--today", "2026-11-27"]));
    const overdue = ["csr/DYA/DYA-001.yaml:19:13 csr/training-overdue"];
    expect(await checkIn(dir)).toEqual(overdue);
    git(dir, ["switch", "-q", "later"]);
    expect(await checkIn(dir)).toEqual([]);
    // HEAD as it was: the last findings answer (a finding planted among them is printed).
    const index = cacheFile(join(dir, ".git", "csr-cache")).replace(/\.entries$/, ".index");
    const header = indexHeader(index);
    header.result.findings.push({ rule: "yaml/syntax", severity: "error", file: "csr/DYA/DYA-001.yaml", line: 1, column: 1, message: "Remembered." });
    writeIndexHeader(index, header);
    expect(await checkIn(dir)).toEqual(["csr/DYA/DYA-001.yaml:1:1 yaml/syntax"]);
    // A commit that changes no file in the working tree: main moved onto later's commit, packed, then loose again.
    git(dir, ["switch", "-q", "main"]);
    expect(await checkIn(dir)).toEqual(overdue);
    git(dir, ["pack-refs", "--all"]);
    expect(await checkIn(dir)).toEqual(overdue);
    git(dir, ["reset", "-q", "--soft", "later"]);
    expect(await checkIn(dir)).toEqual([]);
    git(dir, ["reset", "-q", "--soft", "HEAD@{1}"]);
    expect(await checkIn(dir)).toEqual(overdue);
    // A linked worktree has a HEAD of its own (its .git is a file): detached there, on either commit.
    const linked = join(tempDir(), "工作树");
    git(dir, ["worktree", "add", "-q", "--detach", linked, "later"]);
    expect(await checkIn(linked)).toEqual([]);
    git(linked, ["checkout", "-q", "--detach", "main"]);
    expect(await checkIn(linked)).toEqual(overdue);
    expect(await checkIn(dir)).toEqual(overdue);
  });

  it("lives in the git directory of a linked worktree", async () => {
    const main = repository();
    const linked = join(tempDir(), "工作树");
    git(main, ["worktree", "add", "-q", linked]);
    expect(json(await csrInProcess(["-C", linked, "check", "--format", "json"]))).toEqual(expected);
    expect(readdirSync(join(main, ".git", "worktrees", "工作树", "csr-cache"))).toHaveLength(2);
    expect(git(linked, ["status", "--porcelain", "--ignored"])).toBe("");
  });

  it("starts afresh when a schema of csr changes", () => {
    const pkg = installedCopy();
    const dir = repository();
    expect(json(pkg.run(["-C", dir, "check", "--format", "json"]))).toEqual(expected);
    const schemaPath = join(pkg.root, "schemas", "document.schema.json");
    const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
    schema.required.push("remarks");
    writeFileSync(schemaPath, JSON.stringify(schema));
    expect(json(pkg.run(["-C", dir, "check", "--format", "json"]))).toEqual([
      "documents/QP-001.yaml:1:1 schema/missing-field",
      "documents/QP-002.yaml:1:1 schema/missing-field",
      "documents/QP-002.yaml:7:1 schema/unknown-field",
      "documents/QP-003.yaml:1:1 schema/missing-field",
    ]);
  });

  it("uses the changed catalogs when a shipped catalog changes", () => {
    const pkg = installedCopy();
    const dir = repository();
    writeFileSync(join(dir, "documents/QP-003.yaml"), procedure("QP-003", ['clauses: ["IATF16949:8.3.3.3"]']));
    expect(json(pkg.run(["-C", dir, "check", "--format", "json"]))).toEqual(expected);
    const catalogPath = join(pkg.root, "standards", "IATF16949.yaml");
    writeFileSync(catalogPath, readFileSync(catalogPath, "utf8").replace(/^  - number: 8\.3\.3\.3\n(?:    .*\n)+/m, ""));
    expect(json(pkg.run(["-C", dir, "check", "--format", "json"]))).toEqual([...expected, "documents/QP-003.yaml:7:11 clause/unknown-clause"]);
  });

  it("starts afresh when a schema of csr changes with the same size and time, once csr trusts its files by their stat data", async () => {
    const pkg = installedCopy();
    const dir = repository();
    const schemaPath = join(pkg.root, "schemas", "document.schema.json");
    // A time of whole milliseconds, which the edit below can give back exactly.
    const old = new Date("2026-01-05T08:00:00Z");
    utimesSync(schemaPath, old, old);
    // csr trusts its own files only when they changed more than two seconds before it read them (as the repository's).
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(json(pkg.run(["-C", dir, "check", "--format", "json"]))).toEqual(expected);
    expect(json(pkg.run(["-C", dir, "check", "--format", "json"]))).toEqual(expected);
    const before = readFileSync(schemaPath, "utf8");
    const schema = JSON.parse(before);
    schema.required.push("remarks");
    // Padded to the same size, written in place (same inode) and given back its time: only the change time differs.
    const edited = JSON.stringify(schema);
    expect(edited.length).toBeLessThan(before.length);
    const times = statSync(schemaPath);
    writeFileSync(schemaPath, edited + " ".repeat(Buffer.byteLength(before) - Buffer.byteLength(edited)));
    utimesSync(schemaPath, old, old);
    const now = statSync(schemaPath);
    expect([now.size, now.mtimeMs, now.ino]).toEqual([times.size, times.mtimeMs, times.ino]);
    expect(json(pkg.run(["-C", dir, "check", "--format", "json"]))).toEqual([
      "documents/QP-001.yaml:1:1 schema/missing-field",
      "documents/QP-002.yaml:1:1 schema/missing-field",
      "documents/QP-002.yaml:7:1 schema/unknown-field",
      "documents/QP-003.yaml:1:1 schema/missing-field",
    ]);
  });

  it("starts afresh when csr's version changes", () => {
    const pkg = installedCopy();
    const dir = repository();
    pkg.run(["-C", dir, "check"]);
    tamper(cacheFile(join(dir, ".git", "csr-cache")), "QP-003");
    expect(json(pkg.run(["-C", dir, "check", "--format", "json"]))).toContain("documents/QP-003.yaml:1:1 yaml/syntax");
    const manifest = JSON.parse(readFileSync(join(pkg.root, "package.json"), "utf8"));
    writeFileSync(join(pkg.root, "package.json"), JSON.stringify({ ...manifest, version: "9.9.9" }));
    expect(json(pkg.run(["-C", dir, "check", "--format", "json"]))).toEqual(expected);
  });
});
