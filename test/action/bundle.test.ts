import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
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

describe('dist/cli.js', () => {
  it('is in sync with the sources (the pre-commit hook runs it as committed)', () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'compose-lint-bundle-')), 'cli.js');
    execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `const { buildCli } = await import(${JSON.stringify(join(REPO_ROOT, 'scripts/build.mjs'))}); await buildCli({ outfile: ${JSON.stringify(outfile)} });`],
      { cwd: tmpdir(), stdio: 'inherit' },
    );
    expect(readFileSync(outfile).equals(committedVersion('dist/cli.js')), 'dist/cli.js is stale: run `npm run build` and commit dist/cli.js').toBe(true);
  });
});

describe('committed bundles', () => {
  it('are not git-ignored (the action and the pre-commit hook run them as committed)', () => {
    for (const bundle of ['dist/action.js', 'dist/cli.js']) {
      const ignored = spawnSync('git', ['check-ignore', '-q', '--no-index', bundle], { cwd: REPO_ROOT }).status === 0;
      expect(ignored, `${bundle} is ignored: .gitignore needs /dist/* and !/dist/${bundle.slice(5)}`).toBe(false);
    }
  });
});

