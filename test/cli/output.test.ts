/**
 * csr writes its output to file descriptors 1 and 2 itself (src/cli/program.ts standardOutput),
 * without Node's process.stdout and process.stderr, whose first use loads Node's stream and socket
 * modules in every run. The built binary, its output to pipes as a CI job or a script reads it.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, copyFixture, csr, csrEnv, makeRepo, tempDir } from "../helpers.js";

/** Node's socket and terminal modules that the run had loaded when it ended, as process.moduleLoadList names them. */
function socketModulesLoaded(args: string[], cwd: string): { code: number | null; stdout: string; modules: string[] } {
  const probe = join(tempDir("csr-output-"), "probe.cjs");
  writeFileSync(probe, 'process.on("exit", () => require("node:fs").writeSync(2, `MODULES ${process.moduleLoadList.filter((m) => /^NativeModule (net|tty)$/.test(m)).map((m) => m.slice(13)).join(",")}\\n`));\n');
  const result = spawnSync(process.execPath, ["--require", probe, BIN, ...args], { cwd, encoding: "utf8", env: csrEnv() });
  return { code: result.status, stdout: result.stdout, modules: (/^MODULES (.*)$/m.exec(result.stderr)?.[1] ?? "?").split(",").filter(Boolean) };
}

describe("output to a pipe", () => {
  // Outside git, so that no git process is started (node:child_process loads node:net too).
  it("loads neither Node's socket module nor its terminal module: a check, an explanation and a command that fails", () => {
    const dir = makeRepo({ "qms.yaml": "organisation:\n  name: 测试\nstandards: [IATF16949]\ndepartments:\n  - code: QA\n    name: 品质部\nrules:\n  coverage/clause-uncovered: off\n" });
    // On a day of a year csr ships the holiday notice of: on another, qms.yaml has calendar/year-missing.
    expect(socketModulesLoaded(["--lang", "en", "check", "--today", "2026-12-04"], dir)).toEqual({ code: 0, stdout: "✔ No problems in 1 file.\n", modules: [] });
    const explained = socketModulesLoaded(["--lang", "en", "explain", "schema/missing-field"], dir);
    expect([explained.code, explained.stdout.split("\n")[0], explained.modules]).toEqual([0, "### schema/missing-field", []]);
    const failed = socketModulesLoaded(["--lang", "en", "show", "XYZ-001"], dir);
    expect([failed.code, failed.modules]).toEqual([2, []]);
  });

  it("that would block (opened non-blocking by the reader's side) gets all the output, in order", () => {
    // python3 makes the pipe non-blocking and reads it only after csr has filled it (64 KB): csr's
    // writes then meet EAGAIN, and the rest of the output goes through Node's stream, which waits.
    const dir = copyFixture("examples/acme-auto");
    const expected = csr(["-C", dir, "matrix", "clauses", "--format", "json", "--today", "2026-11-27"]);
    expect(expected.stdout.length).toBeGreaterThan(100_000);
    const reader = join(tempDir("csr-output-"), "reader.py");
    writeFileSync(
      reader,
      [
        "import fcntl, os, subprocess, sys, time",
        "r, w = os.pipe()",
        "fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)",
        "child = subprocess.Popen(sys.argv[1:], stdout=w)",
        "os.close(w)",
        "time.sleep(0.5)",
        "chunks = []",
        "while True:",
        "    chunk = os.read(r, 65536)",
        "    if not chunk: break",
        "    chunks.append(chunk)",
        "sys.stdout.buffer.write(b''.join(chunks))",
        "sys.exit(child.wait())",
      ].join("\n"),
    );
    const run = spawnSync("python3", [reader, process.execPath, BIN, "--lang", "en", "-C", dir, "matrix", "clauses", "--format", "json", "--today", "2026-11-27"], { encoding: "utf8", env: csrEnv() });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(expected.stdout);
    expect((JSON.parse(run.stdout) as { title: string }).title).toMatch(/^IATF 16949/);
  });
});
