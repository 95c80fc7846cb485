import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeProject, REPO_ROOT } from '../helpers/cli.ts';
import { sarifSchemaErrors } from '../helpers/sarif-schema.ts';

const ACTION_BUNDLE = join(REPO_ROOT, 'dist/action.js');

interface ActionYaml {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, unknown>;
}
const actionYaml = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYaml;

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Run the committed bundle the way the runner does: cwd = GITHUB_WORKSPACE, every input as
 * INPUT_<NAME> (upper-cased, dashes kept) with action.yml's default where the workflow sets
 * none, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY naming files to append to.
 */
function runAction(workspace: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}): ActionRun {
  const runnerFiles = makeProject({ output: '', summary: '' });
  const inputEnv: Record<string, string> = {};
  for (const [name, spec] of Object.entries(actionYaml.inputs)) {
    inputEnv[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? spec.default ?? '';
  }
  const result = spawnSync(process.execPath, [join(REPO_ROOT, actionYaml.runs.main)], {
    cwd: workspace,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: join(runnerFiles, 'output'),
      GITHUB_STEP_SUMMARY: join(runnerFiles, 'summary'),
      RUNNER_TEMP: runnerFiles,
      NO_COLOR: '1',
      ...inputEnv,
      ...env,
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: parseOutputs(readFileSync(join(runnerFiles, 'output'), 'utf8')),
    summary: readFileSync(join(runnerFiles, 'summary'), 'utf8'),
  };
}

/** GITHUB_OUTPUT as the runner reads it: `name=value` lines or `name<<DELIMITER` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const block = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (block) {
      const end = lines.indexOf(block[2], i + 1);
      expect(end, `unterminated output ${block[1]}`).toBeGreaterThan(i);
      out[block[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      out[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return out;
}

function readSarif(path: string): Sarif.Log {
  return JSON.parse(readFileSync(path, 'utf8')) as Sarif.Log;
}

/** A checked-out repository: GitHub's workspace has the .git the paths are relative to. */
function workspace(files: Record<string, string>): string {
  const dir = makeProject(files);
  mkdirSync(join(dir, '.git'));
  return dir;
}

const BAD = 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n';
const WARNINGS_ONLY = 'services:\n  web:\n    image: nginx:1.27\n';
const CLEAN = `services:
  web:
    image: nginx:1.27
    read_only: true
    restart: unless-stopped
    security_opt: ["no-new-privileges:true"]
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost/"]
    logging:
      driver: json-file
      options: { max-size: 10m }
    deploy:
      resources:
        limits: { memory: 256m, cpus: "0.5" }
`;

describe('action.yml', () => {
  it('runs the committed bundle on node24', () => {
    expect(actionYaml.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
    expect(existsSync(ACTION_BUNDLE)).toBe(true);
  });

  it('declares the inputs and outputs the entry point uses', () => {
    expect(Object.keys(actionYaml.inputs).sort()).toEqual(['annotations', 'config', 'fail-on', 'files', 'format', 'sarif-file', 'working-directory']);
    expect(actionYaml.inputs['sarif-file'].default).toBe('compose-lint.sarif');
    expect(actionYaml.inputs.annotations.default).toBe('true');
    expect(Object.keys(actionYaml.outputs).sort()).toEqual(['error-count', 'sarif-file', 'warning-count']);
  });
});

describe('the action entry point', () => {
  it('lints the discovered project: SARIF file, outputs, annotations, summary, failing exit code', () => {
    const dir = workspace({ 'compose.yaml': BAD });
    const run = runAction(dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);

    const sarifFile = join(dir, 'compose-lint.sarif');
    expect(run.outputs['sarif-file']).toBe(sarifFile);
    const log = readSarif(sarifFile);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const results = log.runs[0].results!;
    expect(results.map((result) => result.ruleId)).toContain('no-privileged');
    expect(results.every((result) => result.locations![0].physicalLocation!.artifactLocation!.uri === 'compose.yaml')).toBe(true);

    const errors = results.filter((result) => result.level === 'error').length;
    const warnings = results.filter((result) => result.level === 'warning').length;
    expect(run.outputs['error-count']).toBe(String(errors));
    expect(run.outputs['warning-count']).toBe(String(warnings));
    expect(errors).toBe(1);
    expect(warnings).toBeGreaterThan(0);

    // The log: the text report, then one annotation per finding.
    expect(run.stdout).toContain('compose.yaml\n');
    expect(run.stdout).toMatch(/problems? \(1 error/);
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(results.length);
    expect(annotations).toContain(
      '::error file=compose.yaml,line=4,col=17,endLine=4,endColumn=21,title=no-privileged::' + results.find((r) => r.ruleId === 'no-privileged')!.message.text,
    );

    expect(run.summary).toContain('## compose-lint');
    expect(run.summary).toContain('| Severity | Rule | Location | Message |');
    expect(run.summary).toContain('| error | no-privileged | compose.yaml:4:17 | Service "web" runs privileged');
    const rows = run.summary.split('\n').filter((line) => /^\| (error|warning|info) \|/.test(line));
    expect(rows).toHaveLength(results.length);
  });

  it('passes with exit 0 and zero counts on a clean project', () => {
    const dir = workspace({ 'compose.yaml': CLEAN });
    const run = runAction(dir, { 'sarif-file': 'reports/lint.sarif' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({ 'sarif-file': join(dir, 'reports/lint.sarif'), 'error-count': '0', 'warning-count': '0' });
    const log = readSarif(join(dir, 'reports/lint.sarif'));
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0].tool.driver.rules!.length).toBeGreaterThan(10);
    expect(run.summary).toContain('No problems found in 1 project');
    expect(run.stdout).not.toContain('::');
  });

  it('honours fail-on: warnings fail the step only when asked', () => {
    const dir = workspace({ 'compose.yaml': WARNINGS_ONLY });
    expect(runAction(dir).code).toBe(0);
    const strict = runAction(dir, { 'fail-on': 'warning' });
    expect(strict.code).toBe(1);
    expect(Number(strict.outputs['warning-count'])).toBeGreaterThan(0);
    expect(strict.outputs['error-count']).toBe('0');
  });

  it('expands globs under working-directory, names files from the repository root', () => {
    const dir = workspace({
      'infra/prod/compose.yaml': BAD,
      'infra/dev/docker-compose.yml': WARNINGS_ONLY,
      'infra/old/compose.yaml': BAD,
      'infra/composer.yaml': 'not: compose',
      'app/compose.yaml': BAD,
    });
    const run = runAction(dir, {
      'working-directory': 'infra',
      files: '**/compose.yaml\n**/docker-compose.yml  !old/**\n**/nothing-*.yaml',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const log = readSarif(join(dir, 'compose-lint.sarif'));
    const uris = new Set(log.runs[0].results!.map((result) => result.locations![0].physicalLocation!.artifactLocation!.uri));
    expect([...uris].sort()).toEqual(['infra/dev/docker-compose.yml', 'infra/prod/compose.yaml']);
    expect(run.stdout).toContain('::error file=infra/prod/compose.yaml,line=4,');
    expect(run.stdout).toContain('::warning title=compose-lint::files pattern **/nothing-*.yaml matched no file');
    expect(run.summary).toContain('| infra/prod/compose.yaml:4:17 |');
    expect(run.summary).toContain('in 2 projects');
  });

  it('prints the chosen format and no annotations when annotations is false', () => {
    const dir = workspace({ 'compose.yaml': BAD });
    const run = runAction(dir, { format: 'json', annotations: 'false' });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/^::/m);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string }[] };
    expect(report.findings.map((finding) => finding.ruleId)).toContain('no-privileged');
  });

  it('prints the annotations once when format is github', () => {
    const dir = workspace({ 'compose.yaml': BAD });
    const run = runAction(dir, { format: 'github' });
    const privileged = run.stdout.split('\n').filter((line) => line.includes('title=no-privileged::'));
    expect(privileged).toHaveLength(1);
  });

  it('uses the config input', () => {
    const dir = workspace({ 'compose.yaml': BAD, 'lint/strict.yaml': 'rules:\n  no-privileged: off\n' });
    const run = runAction(dir, { config: 'lint/strict.yaml' });
    expect(run.code).toBe(0);
    expect(run.outputs['error-count']).toBe('0');
  });

  it('fails with exit 2 and an error annotation on bad input, writing no SARIF', () => {
    const dir = workspace({ 'compose.yaml': BAD });
    const invalid: Record<string, string>[] = [{ annotations: 'maybe' }, { format: 'xml' }, { 'fail-on': 'fatal' }, { files: 'missing.yaml' }, { files: '*.yml' }, { 'working-directory': 'nope' }];
    for (const inputs of invalid) {
      const run = runAction(dir, inputs);
      expect(run.code, JSON.stringify(inputs)).toBe(2);
      expect(run.stdout, JSON.stringify(inputs)).toMatch(/^::error title=compose-lint::compose-lint: \S/m);
      expect(run.stderr, JSON.stringify(inputs)).not.toMatch(/\n\s+at /);
      expect(run.outputs, JSON.stringify(inputs)).toEqual({});
    }
    expect(existsSync(join(dir, 'compose-lint.sarif'))).toBe(false);
  });

  it('reports an invalid compose file as findings, not as a failed run', () => {
    const dir = workspace({ 'compose.yaml': 'services:\n  web:\n\timage: nginx\n' });
    const run = runAction(dir);
    expect(run.code).toBe(1);
    expect(sarifSchemaErrors(readSarif(join(dir, 'compose-lint.sarif')))).toEqual([]);
    expect(run.stdout).toContain('title=yaml-syntax::');
  });

  it('keeps table cells intact whatever a message contains', () => {
    const dir = workspace({ 'compose.yaml': 'services:\n  "a|b<i>":\n    image: nginx:1.27\n    privileged: true\n' });
    const run = runAction(dir);
    const row = run.summary.split('\n').find((line) => line.includes('no-privileged'))!;
    expect(row).toContain('a\\|b&lt;i&gt;');
    expect(row.split(/(?<!\\)\|/)).toHaveLength(6);
  });
});

describe('the action from a sub-folder of the checkout', () => {
  it('writes the SARIF file relative to the workspace, not to working-directory', () => {
    const dir = workspace({ 'svc/compose.yaml': BAD });
    writeFileSync(join(dir, 'svc/.compose-lint.yaml'), 'rules:\n  healthcheck: error\n');
    const run = runAction(dir, { 'working-directory': 'svc' });
    expect(run.outputs['sarif-file']).toBe(join(dir, 'compose-lint.sarif'));
    const ids = readSarif(join(dir, 'compose-lint.sarif')).runs[0].results!.filter((r) => r.level === 'error').map((r) => r.ruleId);
    expect(ids.sort()).toEqual(['healthcheck', 'no-privileged']); // the config found from working-directory
  });
});
