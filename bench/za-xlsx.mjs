import { toolModule } from "../scripts/build.js";
const m = await import(await toolModule("zaxlsx", ["src/report/table.ts", "src/report/registers/index.ts", "src/report/registers/context.ts", "src/load/repository.ts"]));
const repo = m.loadRepository(process.argv[2]);
const tables = m.auditRegisters(m.registerContext(repo, "zh-CN"), "2026-06-30");
const { mkdtempSync, rmSync } = await import("node:fs");
const d = mkdtempSync("/work/bench/za/x-");
await m.writeXlsx([tables[0]], `${d}/warm.xlsx`);
for (let k = 0; k < 3; k++) {
  const c0 = process.cpuUsage();
  let i = 0;
  for (const t of tables) await m.writeXlsx([t], `${d}/${i++}.xlsx`);
  const c = process.cpuUsage(c0);
  console.log("xlsx all", ((c.user + c.system) / 1000).toFixed(0));
}
rmSync(d, { recursive: true });
