/**
 * The README's examples on the shipped example repositories print what the README shows: each
 * `$ csr -C examples/…` command of a console block that only reads (no `--out`, no render) is run
 * in the checkout, and the output lines the README shows after it must appear in its output, in
 * that order. Left out: a line the README elides with `…` (or `...`), a table's `| --- |` rule, and
 * `csr history`, whose commit ids and authors are those of the checkout's git history.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, ROOT } from "../helpers.js";

interface Example {
  command: string;
  shown: string[];
}

/** The read-only `csr -C examples/…` commands of a README and the output lines shown under each. */
function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  for (const block of markdown.matchAll(/^```console\n([\s\S]*?)^```/gm)) {
    let current: Example | undefined;
    for (const line of block[1]!.split("\n")) {
      if (line.startsWith("$ ")) {
        current = undefined;
        const command = line.slice(2).replace(/\s+#.*$/, "");
        if (/^csr -C examples\/\S+ /.test(command) && !/--out|\b(render|site|export|history)\b/.test(command)) {
          current = { command, shown: [] };
          examples.push(current);
        }
      } else if (current && line.trim() !== "" && !line.includes("…") && line.trim() !== "..." && !/^[|\s-]+$/.test(line)) {
        current.shown.push(line.trimEnd());
      }
    }
  }
  return examples;
}

/** The shown lines missing from the output, or out of its order. */
function missing(shown: string[], output: string): string[] {
  const lines = output.split("\n").map((line) => line.trimEnd());
  let at = 0;
  const absent: string[] = [];
  for (const line of shown) {
    const found = lines.indexOf(line, at);
    if (found < 0) absent.push(line);
    else at = found + 1;
  }
  return absent;
}

describe.each(["README.md", "README.zh-CN.md"])("%s examples", (readme) => {
  const examples = examplesOf(readFileSync(join(ROOT, readme), "utf8"));
  it("has examples on the shipped repositories", () => expect(examples.length).toBeGreaterThanOrEqual(5));
  it.each(examples.map((example) => [example.command, example] as const))("%s", async (_command, example) => {
    const args = example.command.slice("csr ".length).match(/"[^"]*"|\S+/g)!.map((arg) => arg.replace(/^"(.*)"$/, "$1"));
    const result = await csrInProcess(args, { lang: null, cwd: ROOT });
    expect(missing(example.shown, result.stdout + result.stderr)).toEqual([]);
  });
});
