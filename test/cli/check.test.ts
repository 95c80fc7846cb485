import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, runCli } from '../helpers/cli.ts';

const CLEAN = `services:
  web:
    image: nginx:1.27
`;

/** Only the rules under test: the CLI's own behaviour, not the catalog. */
const ONLY_SCHEMA = ['--rule', 'image-tag-pinned=off'];

describe('compose-lint check: exit codes', () => {
  it('exits 0 when no finding reaches the fail-on level', () => {
    const dir = makeProject({ 'compose.yaml': CLEAN, '.compose-lint.yaml': 'extends: none\nrules:\n  schema: error\n' });
    const result = runCli(['check'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No problems found in 1 project.');
  });

  it('exits 1 on a schema error and prints it with position and rule id', () => {
    const dir = makeProject({
      'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    depend_on: [db]\n',
      '.compose-lint.yaml': 'extends: none\nrules:\n  schema: error\n',
    });
    const result = runCli(['check', '--no-color'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "  4:5     error   services.web: additional property 'depend_on' is not allowed (did you mean 'depends_on'?)  schema",
    );
    expect(result.stdout).toContain('    4 |     depend_on: [db]\n      |     ^^^^^^^^^');
    expect(result.stdout).toContain('1 problem (1 error, 0 warnings, 0 info) in 1 project.');
  });

  it('exits 1 on YAML syntax errors (a finding, not a crash)', () => {
    const dir = makeProject({ 'compose.yaml': 'services:\n  web:\n    image: "nginx\n' });
    const result = runCli(['check', '--format', 'json', 'compose.yaml'], dir);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.findings[0]).toMatchObject({ ruleId: 'yaml-syntax', severity: 'error', file: 'compose.yaml' });
  });

  it('--fail-on warning turns warnings into a failing run', () => {
    const dir = makeProject({ 'compose.yaml': 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n' });
    const args = ['check', '--rule', 'obsolete-version=warning', '-c', 'none.yaml'];
    writeFileSync(join(dir, 'none.yaml'), 'extends: none\n');
    expect(runCli(args, dir).code).toBe(0);
    expect(runCli([...args, '--fail-on', 'warning'], dir).code).toBe(1);
  });

  it('exits 2 with a one-line error for a missing path', () => {
    const dir = makeProject({});
    const result = runCli(['check', 'nope.yaml'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('compose-lint: path not found: nope.yaml\n');
    expect(result.stdout).toBe('');
  });

  it('exits 2 for a -f file that does not exist', () => {
    const dir = makeProject({});
    const result = runCli(['check', '-f', 'missing.yaml'], dir);
    expect(result).toMatchObject({ code: 2, stderr: 'compose-lint: file not found: missing.yaml\n' });
  });

  it('exits 2 for a folder with no compose file', () => {
    const dir = makeProject({ 'empty/readme.txt': 'hi' });
    const result = runCli(['check', 'empty'], dir);
    expect(result).toMatchObject({ code: 2, stderr: 'compose-lint: no compose file found under empty\n' });
  });

  it('exits 2 when no compose file is found from the current folder upward', () => {
    const dir = makeProject({ 'sub/readme.txt': 'hi' });
    const result = runCli(['check'], join(dir, 'sub'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^compose-lint: no compose file found in \. or its parents/);
  });

  it('exits 2 for a binary file', () => {
    const dir = makeProject({ 'compose.yaml': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0, 0]) });
    const result = runCli(['check', 'compose.yaml'], dir);
    expect(result).toMatchObject({ code: 2, stderr: 'compose-lint: not a text file (it contains NUL bytes): compose.yaml\n' });
  });

  it('exits 2 for an unknown option, with usage on stderr', () => {
    const result = runCli(['check', '--bogus'], makeProject({ 'compose.yaml': CLEAN }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--bogus'");
  });

  it('exits 2 for an invalid --rule value', () => {
    const result = runCli(['check', '--rule', 'schema=loud'], makeProject({ 'compose.yaml': CLEAN }));
    expect(result).toMatchObject({ code: 2, stderr: 'compose-lint: invalid --rule schema=loud: expected ID=off|info|warning|error\n' });
  });

  it('exits 2 naming the key and reason for an invalid config', () => {
    const dir = makeProject({ 'compose.yaml': CLEAN, '.compose-lint.yaml': 'extends: loose\n' });
    const result = runCli(['check'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'compose-lint: invalid config .compose-lint.yaml: extends: must be equal to one of the allowed values (recommended, strict, none)\n',
    );
  });

  it('exits 2 for a config that is not YAML', () => {
    const dir = makeProject({ 'compose.yaml': CLEAN, '.compose-lint.yaml': 'rules: [\n' });
    const result = runCli(['check'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^compose-lint: invalid config \.compose-lint\.yaml: it is not valid YAML/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 for an unknown rule in the config', () => {
    const dir = makeProject({ 'compose.yaml': CLEAN, '.compose-lint.yaml': 'rules:\n  healthchecks: error\n' });
    const result = runCli(['check'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^compose-lint: invalid config \.compose-lint\.yaml: rules\.healthchecks: unknown rule/);
  });

  it('--version and --help exit 0', () => {
    const dir = makeProject({});
    expect(runCli(['--version'], dir)).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    const help = runCli(['--help'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('check [options] [paths...]');
  });
});

describe('compose-lint check: invocation forms', () => {
  it('no path: discovers compose.yaml and its override in the current folder, merged', () => {
    const dir = makeProject({
      'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n',
      'compose.override.yaml': 'services:\n  web:\n    restart: sometimes\n',
    });
    const result = runCli(['check', '--format', 'json', ...ONLY_SCHEMA, '--rule', 'restart-policy=off'], dir);
    const json = JSON.parse(result.stdout);
    expect(json.projects).toEqual([{ files: ['compose.yaml', 'compose.override.yaml'] }]);
    const schema = json.findings.filter((f: { ruleId: string }) => f.ruleId === 'schema');
    expect(schema).toEqual([
      expect.objectContaining({ file: 'compose.override.yaml', line: 3, column: 14, endLine: 3, endColumn: 23, service: 'web' }),
    ]);
  });

  it('FILE...: each file is its own project', () => {
    const dir = makeProject({ 'a.yaml': CLEAN, 'b.yaml': CLEAN });
    const json = JSON.parse(runCli(['check', '--format', 'json', 'a.yaml', 'b.yaml'], dir).stdout);
    expect(json.projects).toEqual([{ files: ['a.yaml'] }, { files: ['b.yaml'] }]);
  });

  it('-f A -f B: one merged project', () => {
    const dir = makeProject({ 'a.yaml': CLEAN, 'b.yaml': 'services:\n  web:\n    image: nginx:1.28\n' });
    const json = JSON.parse(runCli(['check', '--format', 'json', '-f', 'a.yaml', '-f', 'b.yaml'], dir).stdout);
    expect(json.projects).toEqual([{ files: ['a.yaml', 'b.yaml'] }]);
  });

  it('DIR: every project under it, skipping node_modules and .git, not following symlink loops', () => {
    const dir = makeProject({
      'apps/one/compose.yaml': CLEAN,
      'apps/two/docker-compose.yml': CLEAN,
      'apps/two/docker-compose.override.yml': CLEAN,
      'node_modules/x/compose.yaml': CLEAN,
      '.git/compose.yaml': CLEAN,
    });
    mkdirSync(join(dir, 'apps/loop'));
    symlinkSync(join(dir, 'apps'), join(dir, 'apps/loop/back'));
    const json = JSON.parse(runCli(['check', '--format', 'json', '.'], dir).stdout);
    expect(json.projects).toEqual([
      { files: ['apps/one/compose.yaml'] },
      { files: ['apps/two/docker-compose.yml', 'apps/two/docker-compose.override.yml'] },
    ]);
  });

  it('-o writes the report to a file', () => {
    const dir = makeProject({ 'compose.yaml': CLEAN });
    const result = runCli(['check', '--format', 'json', '-o', 'out.json'], dir);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('JSON output has exactly the contract shape', () => {
    const dir = makeProject({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n' });
    const json = JSON.parse(runCli(['check', '--format', 'json', '--rule', 'image-tag-pinned=error'], dir).stdout);
    expect(Object.keys(json)).toEqual(['version', 'tool', 'projects', 'findings', 'summary']);
    expect(json.version).toBe(1);
    expect(json.tool).toEqual({ name: 'compose-lint', version: '0.1.0' });
    const finding = json.findings.find((f: { ruleId: string }) => f.ruleId === 'image-tag-pinned');
    expect(Object.keys(finding)).toEqual(['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'service', 'fixable']);
    expect(finding).toMatchObject({ severity: 'error', file: 'compose.yaml', line: 3, column: 12, endLine: 3, endColumn: 17, service: 'web', fixable: false });
    expect(Object.keys(json.summary)).toEqual(['error', 'warning', 'info', 'suppressed']);
  });

  it('--env-file replaces .env for interpolation', () => {
    const dir = makeProject({
      'compose.yaml': 'services:\n  web:\n    image: nginx:${TAG}\n    restart: ${POLICY}\n',
      '.env': 'TAG=1.27\nPOLICY=always\n',
      'other.env': 'TAG=1.27\nPOLICY=sometimes\n',
    });
    const base = ['check', '--format', 'json', '-c', 'cfg.yaml'];
    writeFileSync(join(dir, 'cfg.yaml'), 'extends: none\nrules:\n  schema: error\n  undefined-variable: warning\n');
    expect(JSON.parse(runCli(base, dir).stdout).findings).toEqual([]);
    const other = JSON.parse(runCli([...base, '--env-file', 'other.env'], dir).stdout).findings;
    expect(other.map((f: { ruleId: string; line: number }) => [f.ruleId, f.line])).toEqual([['schema', 4]]);
  });

  it('the process environment wins over .env', () => {
    const dir = makeProject({
      'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    restart: ${POLICY}\n',
      '.env': 'POLICY=sometimes\n',
      'cfg.yaml': 'extends: none\nrules:\n  schema: error\n',
    });
    expect(runCli(['check', '-c', 'cfg.yaml'], dir, { POLICY: 'always' }).code).toBe(0);
    expect(runCli(['check', '-c', 'cfg.yaml'], dir).code).toBe(1);
  });

  it('a missing --env-file is exit 2', () => {
    const dir = makeProject({ 'compose.yaml': CLEAN });
    expect(runCli(['check', '--env-file', 'nope.env'], dir)).toMatchObject({ code: 2, stderr: 'compose-lint: env file not found: nope.env\n' });
  });
});
