// Preloaded with `node --require` where GNU time is missing: records this process's peak
// resident memory (KB) at exit into $BENCH_PEAK_FILE.
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.BENCH_PEAK_FILE) writeFileSync(process.env.BENCH_PEAK_FILE, `${process.resourceUsage().maxRSS}\n`);
});
