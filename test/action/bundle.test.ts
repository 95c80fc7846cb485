import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.ts';

/**
 * The committed dist/action.js must be what the sources build to: the action runs it as
 * committed, with no install step. A fresh build goes to a temporary file and is compared
 * byte for byte with the version git holds (the index: committed or about to be); before
 * the bundle is tracked at all, with the working tree's.
 */
function committedVersion(path: string): Buffer {
  const tracked = spawnSync('git', ['ls-files', '--error-unmatch', path], { cwd: REPO_ROOT }).status === 0;
  if (!tracked) return readFileSync(join(REPO_ROOT, path));
  return execFileSync('git', ['show', `:${path}`], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
}

describe('dist/action.js', () => {
  it('is in sync with the sources', () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'compose-lint-bundle-')), 'action.js');
    execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `const { buildAction } = await import(${JSON.stringify(join(REPO_ROOT, 'scripts/build-action.mjs'))}); await buildAction({ outfile: ${JSON.stringify(outfile)} });`],
      { cwd: tmpdir(), stdio: 'inherit' },
    );
    const fresh = readFileSync(outfile);
    const committed = committedVersion('dist/action.js');
    expect(fresh.equals(committed), 'dist/action.js is stale: run `npm run build` and commit dist/action.js').toBe(true);
  });
});

describe('the CLI: dist/cli.cjs, dist/cli-bundle.js and its code cache', () => {
  const CLI_FILES = ['dist/cli.cjs', 'dist/cli-bundle.js'];

  it('are in sync with the sources (the pre-commit hook runs them as committed)', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'compose-lint-bundle-'));
    execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `const { buildCli } = await import(${JSON.stringify(join(REPO_ROOT, 'scripts/build.mjs'))}); await buildCli({ outdir: ${JSON.stringify(outdir)} });`],
      { cwd: tmpdir(), stdio: 'inherit' },
    );
    for (const file of CLI_FILES) {
      expect(readFileSync(join(outdir, file.slice('dist/'.length))).equals(committedVersion(file)), `${file} is stale: run \`npm run build\` and commit dist/`).toBe(true);
    }
  });

  it('ships a code cache made from the committed bundle, which this Node accepts when it made it', () => {
    // V8's cache bytes differ from build to build, so the cache is checked, not compared.
    const dir = mkdtempSync(join(tmpdir(), 'compose-lint-cache-'));
    for (const file of [...CLI_FILES, 'dist/cli-bundle.code-cache']) writeFileSync(join(dir, file.slice('dist/'.length)), committedVersion(file));
    const cache = readFileSync(join(dir, 'cli-bundle.code-cache'));
    const header = JSON.parse(cache.subarray(0, cache.indexOf(10)).toString('latin1')) as { bundleSha256: string; v8: string; arch: string };
    // The bundle ends with its build id, the sha256 of what precedes it; the cache names that id.
    const bundle = committedVersion('dist/cli-bundle.js').toString('latin1');
    const idAt = bundle.lastIndexOf('\n//# sha256=');
    expect(bundle.slice(idAt)).toBe(`\n//# sha256=${createHash('sha256').update(bundle.slice(0, idAt), 'latin1').digest('hex')}\n`);
    expect(header.bundleSha256, 'the code cache is stale: run `npm run build` and commit dist/').toBe(bundle.slice(idAt + '\n//# sha256='.length, -1));
    // In a fresh process: the cache carries V8's flags, and this one's are vitest's.
    const probe = `const { loadBundle } = require(${JSON.stringify(join(dir, 'cli.cjs'))}); process.stdout.write(String(loadBundle(${JSON.stringify(dir)}, { useCache: true }).cacheUsed));`;
    const used = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(used).toBe(String(header.v8 === process.versions.v8 && header.arch === process.arch));
  });
});

describe('committed bundles', () => {
  it('are not git-ignored (the action and the pre-commit hook run them as committed)', () => {
    for (const bundle of ['dist/action.js', 'dist/cli.cjs', 'dist/cli-bundle.js', 'dist/cli-bundle.code-cache']) {
      const ignored = spawnSync('git', ['check-ignore', '-q', '--no-index', bundle], { cwd: REPO_ROOT }).status === 0;
      expect(ignored, `${bundle} is ignored: .gitignore needs /dist/* and !/dist/${bundle.slice(5)}`).toBe(false);
    }
  });
});

