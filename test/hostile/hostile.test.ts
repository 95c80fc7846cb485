import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { HOSTILE_CONFIG, materialise, runCase, type Outcome } from './run-case.ts';

/**
 * Every hostile input of issue 8 with its exact outcome from the built CLI:
 * findings (`rule@line:col`, JSON output, the rules of hostile-config.yaml) with
 * exit 1 or 0, or one line on stderr with exit 2. Never a stack trace, a hang or
 * another exit code. Cases are committed under cases/ or built by generated.ts.
 */
const NOT_UTF8 = (line: number, column: number) =>
  `compose-lint: not valid UTF-8 (first bad byte at line ${line}, column ${column}); save the file as UTF-8: compose.yaml\n`;
const NUL = (file: string) => `compose-lint: not a text file (it contains NUL bytes): ${file}\n`;

const CASES: [name: string, expected: Outcome][] = [
  // Broken YAML is a finding, not a crash.
  ['invalid-yaml', { exit: 1, findings: ['yaml-syntax@4:3', 'yaml-syntax@4:5', 'yaml-syntax@4:7'] }],
  ['truncated-quote', { exit: 1, findings: ['yaml-syntax@3:17'] }],
  ['truncated-flow', { exit: 1, findings: ['yaml-syntax@1:47', 'yaml-syntax@1:47'] }],
  ['tab-indent', { exit: 1, findings: ['yaml-syntax@3:1'] }],
  ['two-documents', { exit: 1, findings: ['yaml-syntax@4:1'] }],
  ['empty', { exit: 1, findings: ['schema@1:1'] }],
  ['comments-only', { exit: 1, findings: ['schema@1:1'] }],
  ['duplicate-keys', { exit: 1, findings: ['duplicate-key@4:5', 'duplicate-key@7:7'] }],
  ['non-string-keys', { exit: 1, findings: ['yaml-syntax@10:5', 'yaml-syntax@12:5'] }],
  ['prototype-keys', { exit: 1, findings: ['schema@6:5', 'schema@7:5'] }],
  ['control-characters', { exit: 1, findings: ['yaml-syntax@3:18', 'no-privileged@4:17'] }],
  // Aliases.
  ['alias-bomb', { exit: 1, findings: ['yaml-syntax@1:1'] }],
  ['alias-cycle', { exit: 1, findings: ['schema@4:5', 'yaml-syntax@4:13'] }],
  ['alias-undefined', { exit: 1, findings: ['schema@3:5', 'yaml-syntax@3:12'] }],
  // Encodings and line ends: positions stay exact (privileged: true is on the last line, column 17).
  ['utf8-bom', { exit: 1, findings: ['no-privileged@4:17'] }],
  ['utf16le-bom', { exit: 1, findings: ['no-privileged@4:17'] }],
  ['utf16be-bom', { exit: 1, findings: ['no-privileged@4:17'] }],
  ['crlf', { exit: 1, findings: ['no-privileged@5:17'] }],
  ['cr-only', { exit: 1, findings: ['no-privileged@5:17'] }],
  ['mixed-line-ends', { exit: 1, findings: ['no-privileged@4:17'] }],
  ['utf16-no-bom', { exit: 2, stderr: NUL('compose.yaml') }],
  ['invalid-utf8', { exit: 2, stderr: NOT_UTF8(3, 14) }],
  ['latin1-comment', { exit: 2, stderr: NOT_UTF8(5, 6) }],
  ['nul-bytes', { exit: 2, stderr: NUL('compose.yaml') }],
  ['binary', { exit: 2, stderr: NUL('compose.yaml') }],
  // Nesting: refused at the first level past 250, before anything recurses.
  ['deep-block-compact', { exit: 1, findings: [`yaml-syntax@2:501`] }],
  ['deep-block-map', { exit: 1, findings: [`yaml-syntax@252:252`] }],
  ['deep-flow-seq', { exit: 1, findings: [`yaml-syntax@1:254`] }],
  ['deep-flow-map', { exit: 1, findings: [`yaml-syntax@1:1004`] }],
  ['deep-flow-unclosed', { exit: 1, findings: [`yaml-syntax@1:254`] }],
  // Size: compose files over 4 MB are reported, not parsed; below that, and in env files, big is just slow.
  ['many-services', { exit: 0, findings: [] }],
  ['huge-double-quoted', { exit: 1, findings: ['yaml-syntax@1:1'] }],
  ['huge-plain', { exit: 1, findings: ['yaml-syntax@1:1'] }],
  ['large-double-quoted', { exit: 0, findings: [] }],
  ['huge-env-values', { exit: 0, findings: [] }],
  // Interpolation.
  [
    'interpolation-unterminated',
    {
      exit: 1,
      findings: [
        'invalid-interpolation@3:18',
        'invalid-interpolation@5:10',
        'invalid-interpolation@6:10',
        'invalid-interpolation@7:10',
        'undefined-variable@8:10',
        'invalid-interpolation@10:15',
      ],
    },
  ],
  ['interpolation-nested-10k', { exit: 0, findings: [] }],
  ['interpolation-open-10k', { exit: 1, findings: ['invalid-interpolation@3:19'] }],
  // Env files: every quoting error is a finding at its place; binary is refused, Latin-1 read as compose reads it.
  [
    'env-quoting',
    {
      exit: 1,
      findings: [
        'env-file-syntax@.env:3:4',
        'env-file-syntax@.env:4:1',
        'env-file-syntax@.env:5:12',
        'env-file-syntax@.env:6:12',
        'env-file-syntax@.env:9:6',
        'env-file-syntax@.env:10:6',
      ],
    },
  ],
  ['env-file-binary', { exit: 2, stderr: NUL('.env') }],
  ['env-file-latin1', { exit: 0, findings: [] }],
  // include / extends.
  ['include-cycle', { exit: 1, findings: ['undefined-reference@b.yaml:2:5', 'undefined-reference@b.yaml:3:5'] }],
  ['include-missing', { exit: 1, findings: ['missing-file@2:5', 'missing-file@3:12'] }],
  ['extends-cycle', { exit: 1, findings: ['undefined-reference@4:14', 'undefined-reference@8:14', 'undefined-reference@other.yaml:4:44'] }],
  ['extends-missing', { exit: 1, findings: ['undefined-reference@4:21', 'undefined-reference@6:14', 'missing-file@9:15'] }],
  // 5,000 services each extending the next: cut every 1,000 links, where the chain is reported.
  [
    'extends-chain',
    { exit: 1, findings: ['undefined-reference@3004:14', 'undefined-reference@6007:14', 'undefined-reference@9010:14', 'undefined-reference@12013:14'] },
  ],
  // 1,000 files each including the next: read 100 deep, the 101st include reported.
  ['include-chain', { exit: 1, findings: ['undefined-reference@c100.yaml:2:5'] }],
  // Discovery: loops are not followed, FIFOs and devices never read, an unreadable folder skipped.
  ['symlink-loops', { exit: 0, findings: [] }],
  ['symlink-to-fifo', { exit: 2, stderr: 'compose-lint: compose file is not a regular file: compose.yaml\n' }],
  ['symlink-to-device', { exit: 2, stderr: 'compose-lint: compose file is not a regular file: compose.yaml\n' }],
  ['dangling-symlink', { exit: 2, stderr: 'compose-lint: compose file not found: compose.yaml\n' }],
  ['unreadable-folder', { exit: 1, findings: ['no-privileged@4:17'] }],
  // .gitignore, .env.example, Dockerfile and env_file as FIFOs: never opened (opening one blocks forever).
  ['side-files-fifo', { exit: 0, findings: ['secrets-gitignored@1:1', 'secrets-gitignored@5:15'] }],
  // A .gitignore glob that backtracks exponentially: glob matching is linear in time (src/lint/glob.ts).
  ['gitignore-backtracking', { exit: 0, findings: ['secrets-gitignored@4:15'] }],
  // Config files (found in the case folder; no -c).
  ['config-invalid', { exit: 2, stderr: 'compose-lint: invalid config .compose-lint.yaml: rules.no-such-rule: unknown rule\n' }],
  [
    'config-not-yaml',
    {
      exit: 2,
      stderr:
        'compose-lint: invalid config .compose-lint.yaml: it is not valid YAML (Flow map in block collection must be sufficiently indented and end with a })\n',
    },
  ],
  // V8 words JSON errors differently from one Node version to the next; the line's shape is what is fixed.
  ['config-json-broken', { exit: 2, stderr: expect.stringMatching(/^compose-lint: invalid config \.compose-lint\.json: it is not valid JSON \([^\n]+\)\n$/) }],
  ['config-binary', { exit: 2, stderr: NUL('.compose-lint.yaml') }],
];

/** Cases that build tens of megabytes: a generous hang guard, not a timing assertion (bench/ measures time). */
const LARGE = new Set(['many-services', 'huge-double-quoted', 'huge-plain', 'large-double-quoted', 'huge-env-values']);

const root = mkdtempSync(join(tmpdir(), 'compose-lint-hostile-'));
// rm -rf copes with the folder deeper than PATH_MAX that unreadable-folder builds.
afterAll(() => execFileSync('rm', ['-rf', root]));

function check(name: string, expected: Outcome): void {
  const dir = materialise(name, root);
  expect(runCase(dir)).toEqual(expected);
}

describe('hostile inputs: exact outcome from the built CLI', () => {
  it.each(CASES.filter(([name]) => !LARGE.has(name)))('%s', check);
  it.each(CASES.filter(([name]) => LARGE.has(name)))('%s', check, 180_000);
});

describe('hostile inputs: text output', () => {
  it('every case that gives findings prints them as text in one run, terminal-safe and without a stack trace', () => {
    const textRoot = mkdtempSync(join(root, 'text-'));
    const names = CASES.filter(([name, expected]) => expected.exit !== 2 && !LARGE.has(name) && !name.startsWith('config-')).map(([name]) => name);
    for (const name of names) materialise(name, textRoot);
    const result = runCli(['check', '.', '-c', HOSTILE_CONFIG, '--format', 'text'], textRoot);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    // No raw control character but newline and tab (code frames keep tabs) reaches the terminal.
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(result.stdout).toContain('\\x1b[2J');
    // Each case with findings under the hostile rules shows up (a case with its own config was linted with other rules).
    const hostileRules = names.filter((name) => !existsSync(join(textRoot, name, '.compose-lint.yaml')));
    for (const name of hostileRules) if (CASES.find(([n]) => n === name)![1].findings!.length > 0) expect(result.stdout).toContain(`${name}/`);
  });
});
