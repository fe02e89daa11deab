// Loaded with `node --import` into each measured process: reports its peak memory and CPU time on exit.
// Only the main thread reports: a worker thread loads this hook too, and exits before the process.
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    process.stderr.write(`\n__bench__ ${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
  });
}
