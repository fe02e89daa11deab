// Loaded with `node --import` into each measured process: reports its peak memory and CPU time on exit.
process.on("exit", () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\n__bench__ ${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
});
