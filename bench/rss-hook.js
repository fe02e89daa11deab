// Loaded with `node --import` into each measured process: reports its peak memory on exit.
process.on("exit", () => {
  process.stderr.write(`\n__bench_max_rss_kb__ ${process.resourceUsage().maxRSS}\n`);
});
