import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, REPO_ROOT, runCli } from '../helpers/cli.ts';

/** The shipped reference stack is the example users copy: it must lint clean, even under strict. */
const STACK = join(REPO_ROOT, 'fixtures/ml-stack');

describe('fixtures/ml-stack', () => {
  const strict = join(makeProject({ 'strict.yaml': 'extends: strict\n' }), 'strict.yaml');

  it('lints clean with the recommended rules (the quick start)', () => {
    const result = runCli(['check', 'fixtures/ml-stack', '--format', 'json'], REPO_ROOT);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.projects).toEqual([{ files: ['fixtures/ml-stack/compose.yaml', 'fixtures/ml-stack/compose.override.yaml'] }]);
    expect(json.findings).toEqual([]);
  });

  it('lints clean under strict, development and production', () => {
    for (const args of [['.'], ['-f', 'compose.yaml', '-f', 'compose.prod.yaml']]) {
      const result = runCli(['check', ...args, '-c', strict, '--format', 'json'], STACK);
      expect(result.code, args.join(' ')).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(json.findings).toEqual([]);
      // Only image-digest is suppressed, once per pulled image, with a reason in the file.
      expect(json.summary.suppressed).toBe(7);
    }
  });
});
