import { appendFileSync, readFileSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
function cpu(): number {
  const f = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
  // fields after ") ": state(0) ... utime=11 stime=12 cutime=13 cstime=14
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
}
let start = 0; let wall = 0; let name = "?";
beforeAll(({}, suite: any) => { start = cpu(); wall = Date.now(); name = suite.file?.filepath ?? suite.filepath ?? suite.name; });
afterAll(() => {
  const file = name;
  appendFileSync("/work/bench/ua/cpu.txt", `${(cpu() - start).toFixed(2)} ${((Date.now() - wall) / 1000).toFixed(1)} ${file}\n`);
});
