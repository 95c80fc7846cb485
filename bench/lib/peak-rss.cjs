// Preloaded with `node --require` where GNU time is missing: records this process's peak
// resident memory (KB) and CPU seconds (user, system) at exit into $BENCH_PEAK_FILE.
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (!process.env.BENCH_PEAK_FILE) return;
  const usage = process.resourceUsage();
  writeFileSync(process.env.BENCH_PEAK_FILE, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
});
