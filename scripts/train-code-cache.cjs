// Run by build-code-cache.mjs in a child process: lints the repository's fixtures with the
// bundle compiled from source, then writes V8's code cache of every function that ran
// (with the header the launcher checks) to the path given first.
//   node scripts/train-code-cache.cjs OUT ARGS...   (ARGS: a compose-lint command line)
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const dist = join(__dirname, '..', 'dist');
const launcher = require(join(dist, 'cli.cjs'));

const [out, ...args] = process.argv.slice(2);
const bundle = launcher.loadBundle(dist, { useCache: false });
process.argv = [process.argv[0], join(dist, 'cli.cjs'), ...args];
process.on('exit', () => {
  // V8 stamps the cache with its flags; a run that switched on the linear regexp fallback
  // (src/lint/user-regexp.ts) would make a cache that a plain start rejects.
  setFlagsFromString('--no-enable-experimental-regexp-engine-on-excessive-backtracks');
  const header = Buffer.from(`${JSON.stringify(launcher.codeCacheHeader(bundle.bundleSha256))}\n`, 'latin1');
  writeFileSync(out, Buffer.concat([header, bundle.script.createCachedData()]));
});
bundle.run();
