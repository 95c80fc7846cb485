import { describe, expect, it } from 'vitest';
import { makeProject, runCli } from '../helpers/cli.ts';

/**
 * A crafted compose file or file name must not reach the terminal as control
 * sequences (clearing the screen, rewriting earlier lines, setting the window
 * title): text output and error lines show them escaped. Paths are printed
 * relative to the working directory.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const ESC = '\u001b';

describe('terminal control characters are escaped in text output', () => {
  it('in file and folder names', () => {
    const dir = makeProject({ [`evil${ESC}]0;owned\u0007/compose.yaml`]: 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n' });
    const result = runCli(['check', '.', '--no-color', '--rule', 'no-privileged=error'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(CONTROL);
    expect(result.stdout).toContain('evil\\x1b]0;owned\\x07/compose.yaml');
  });

  it('in keys and values that YAML escapes decode to (messages quote them)', () => {
    const dir = makeProject({
      'compose.yaml': [
        'services:',
        '  web:',
        '    image: "\\e[31mnginx"',
        '    "\\e[2Jclear": 1',
        '    environment:',
        '      "\\e[1A\\rA": 1',
        '      "\\e[1A\\rA": 2',
        '',
      ].join('\n'),
    });
    const result = runCli(['check', 'compose.yaml', '--no-color'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(CONTROL);
    expect(result.stdout).toContain("additional property '\\x1b[2Jclear' is not allowed");
    expect(result.stdout).toContain('Key "\\x1b[1A\\x0dA" is already defined');
    expect(result.stdout).toContain('\\x1b[31mnginx');
  });

  it('raw control characters in the file are a yaml-syntax finding, and escaped in the code frame', () => {
    const dir = makeProject({ 'compose.yaml': `services:\n  web:\n    image: nginx:1.27\n    labels: {a: "x${ESC}[2Jy"}\n` });
    const result = runCli(['check', '--no-color'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(CONTROL);
    expect(result.stdout).toContain('4:19    error   The file contains the control character U+001B, which compose refuses');
    // The caret spans the four characters the escaped ESC takes on screen.
    expect(result.stdout).toContain('    4 |     labels: {a: "x\\x1b[2Jy"}\n      |                   ^^^^\n');
  });

  it('in the one-line error of a run that fails', () => {
    const dir = makeProject({ [`bad${ESC}[2J.yaml`]: Buffer.from([0x00, 0x01]) });
    const result = runCli(['check', `bad${ESC}[2J.yaml`], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('compose-lint: not a text file (it contains NUL bytes): bad\\x1b[2J.yaml\n');
  });
});

describe('paths are printed relative to the working directory', () => {
  const PRIVILEGED = 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n';

  it('below it, in every format', () => {
    const dir = makeProject({ 'sub/app/compose.yaml': PRIVILEGED });
    const text = runCli(['check', 'sub', '--no-color'], dir).stdout;
    expect(text.split('\n')[0]).toBe('sub/app/compose.yaml');
    const json = JSON.parse(runCli(['check', 'sub', '--format', 'json'], dir).stdout);
    expect(json.projects).toEqual([{ files: ['sub/app/compose.yaml'] }]);
    expect(new Set(json.findings.map((f: { file: string }) => f.file))).toEqual(new Set(['sub/app/compose.yaml']));
    const sarif = JSON.parse(runCli(['check', 'sub', '--format', 'sarif'], dir).stdout);
    for (const result of sarif.runs[0].results) expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('sub/app/compose.yaml');
    const github = runCli(['check', 'sub', '--format', 'github'], dir).stdout;
    for (const line of github.split('\n').filter(Boolean)) expect(line).toContain(' file=sub/app/compose.yaml,');
  });

  it('beside or above it', () => {
    const dir = makeProject({ 'a/compose.yaml': PRIVILEGED, 'b/.keep': '' });
    const json = JSON.parse(runCli(['check', '../a/compose.yaml', '--format', 'json'], `${dir}/b`).stdout);
    expect(new Set(json.findings.map((f: { file: string }) => f.file))).toEqual(new Set(['../a/compose.yaml']));
    const text = runCli(['check', '../a/compose.yaml', '--no-color'], `${dir}/b`).stdout;
    expect(text).not.toContain(dir);
    const missing = runCli(['check', '../a/missing.yaml'], `${dir}/b`);
    expect(missing.stderr).toBe('compose-lint: path not found: ../a/missing.yaml\n');
  });
});
