import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

/**
 * Secrets planted in fixtures/secrets (environment literals, `${VAR:-secret}` defaults,
 * URL credentials, tokens in commands, build args, labels, a secret on a line with
 * a schema error, one in a file with a YAML syntax error, env files, suppressed and
 * ignored ones) must appear in no output format, on stdout, stderr or in the -o file.
 */
const FIXTURE = resolve(import.meta.dirname, 'fixtures/secrets');

/** Every `Qx7…` value written in the fixture files (random letters: no window of one appears by chance). */
function plantedSecrets(): string[] {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else for (const match of readFileSync(path, 'utf8').matchAll(/Qx7[A-Za-z0-9]{11,}/g)) found.add(match[0]);
    }
  };
  walk(FIXTURE);
  return [...found].sort();
}

const SECRETS = plantedSecrets();

/** A leak is the secret or any 6 characters of it past the 2 a mask may show. */
function leaks(output: string): string[] {
  return SECRETS.filter((secret) => {
    for (let i = 2; i + 6 <= secret.length; i++) if (output.includes(secret.slice(i, i + 6))) return true;
    return false;
  });
}

const VARIANTS: [label: string, args: string[]][] = [
  ['defaults', []],
  ['no-hardcoded-secrets off (nothing marks the secrets)', ['--rule', 'no-hardcoded-secrets=off']],
  ['inline suppressions ignored', ['--no-inline-suppressions']],
  ['quiet', ['--quiet']],
  ['every rule on', ['-c', 'strict.yaml']],
];

describe('planted secrets never reach any output', () => {
  it('the fixture plants at least 16 distinct secrets', () => {
    expect(SECRETS.length).toBeGreaterThanOrEqual(16);
  });

  const dir = mkdtempSync(join(tmpdir(), 'compose-lint-secrets-'));
  cpSync(FIXTURE, dir, { recursive: true });
  cpSync(resolve(import.meta.dirname, 'fixtures/strict.yaml'), join(dir, 'strict.yaml'));

  for (const format of ['text', 'json', 'sarif', 'github']) {
    it.each(VARIANTS)(`--format ${format}, %s`, (_, args) => {
      const result = runCli(['check', '.', '--no-color', '--format', format, ...args], dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('');
      expect(result.stdout.length).toBeGreaterThan(0);
      expect(leaks(result.stdout)).toEqual([]);
    });
  }

  it('nor the -o file, nor the one-line error of a failed run', () => {
    const written = runCli(['check', '.', '--format', 'json', '-o', 'report.json'], dir);
    expect(written.code).toBe(1);
    expect(leaks(readFileSync(join(dir, 'report.json'), 'utf8'))).toEqual([]);
    // A run that fails (exit 2) on an env file it cannot use names the file, never a value.
    const failed = runCli(['check', '.', '--env-file', 'compose.yaml', '--env-file', 'missing.env'], dir);
    expect(failed.code).toBe(2);
    expect(leaks(failed.stderr)).toEqual([]);
  });
});
