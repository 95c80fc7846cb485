import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { runCheck, type CheckOptions } from '../../src/cli/check.ts';
import { ALL_RULES } from '../../src/lint/generated/rule-index.ts';
import { makeProject, REPO_ROOT, runCli } from '../helpers/cli.ts';
import { corpusFiles, CORPUS_DIR, HAVE_CORPUS } from '../helpers/corpus.ts';
import { sarifSchemaErrors } from '../helpers/sarif-schema.ts';

const OPTIONS: CheckOptions = {
  file: [],
  envFile: [],
  profile: [],
  format: 'sarif',
  rule: [],
  inlineSuppressions: true,
  quiet: false,
  color: false,
};

/** The SARIF log `compose-lint check --format sarif PATHS` writes, from the pipeline in-process. */
async function sarif(cwd: string, paths: string[] = [], options: Partial<CheckOptions> = {}): Promise<{ code: number; log: Sarif.Log; text: string }> {
  let text = '';
  const code = await runCheck(paths, { ...OPTIONS, ...options }, { cwd, env: {}, write: (chunk) => (text += chunk) });
  return { code, log: JSON.parse(text) as Sarif.Log, text };
}

function run(log: Sarif.Log): Sarif.Run {
  expect(log.runs).toHaveLength(1);
  return log.runs[0];
}

const PRIVILEGED = `services:
  web:
    image: nginx:1.27
    privileged: true
    ports:
      - "8080:80"
`;

describe('SARIF output', () => {
  it('is checked by a validator that does reject bad SARIF', () => {
    expect(sarifSchemaErrors({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).not.toEqual([]);
    expect(sarifSchemaErrors({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'r', helpUri: 'not a uri' }] } } }] })).not.toEqual([]);
  });

  it('validates against the OASIS 2.1.0 schema for every fixture', async () => {
    const fixtures = readdirSync(join(REPO_ROOT, 'fixtures'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(fixtures.length).toBeGreaterThan(0);
    for (const fixture of fixtures) {
      const { log } = await sarif(REPO_ROOT, [join('fixtures', fixture.name)]);
      expect(sarifSchemaErrors(log), fixture.name).toEqual([]);
    }
  });

  it.skipIf(!HAVE_CORPUS)('validates for the whole corpus of real compose files, regions inside the file', async () => {
    const { log } = await sarif(CORPUS_DIR, corpusFiles());
    expect(sarifSchemaErrors(log)).toEqual([]);
    for (const result of run(log).results!) {
      const region = result.locations![0].physicalLocation!.region!;
      expect(region.endLine! * 1e6 + region.endColumn!).toBeGreaterThanOrEqual(region.startLine! * 1e6 + region.startColumn!);
    }
  });

  it('names the tool and describes every enabled rule, and only those', async () => {
    const dir = makeProject({ 'compose.yaml': PRIVILEGED });
    const { log } = await sarif(dir, [], { rule: ['image-digest=warning', 'healthcheck=off'] });
    const driver = run(log).tool.driver;
    expect(log.version).toBe('2.1.0');
    expect(driver.name).toBe('compose-lint');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    const ids = driver.rules!.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('image-digest'); // off by default, switched on
    expect(ids).not.toContain('healthcheck'); // switched off
    expect(ids).not.toContain('service-order'); // off by default
    expect(ids).toContain('no-privileged');
    for (const rule of driver.rules!) {
      expect(rule.shortDescription?.text, rule.id).toBeTruthy();
      expect(rule.fullDescription?.text, rule.id).toBeTruthy();
      expect(rule.help?.text, rule.id).toBeTruthy();
      expect(rule.help?.markdown, rule.id).toBeTruthy();
      expect(rule.helpUri, rule.id).toMatch(/^https:\/\//);
      expect(rule.help!.markdown, rule.id).toContain(rule.helpUri);
      expect(['error', 'warning', 'note'], rule.id).toContain(rule.defaultConfiguration?.level);
      expect(Array.isArray(rule.properties?.tags), rule.id).toBe(true);
    }
    const level = (id: string) => driver.rules!.find((rule) => rule.id === id)?.defaultConfiguration?.level;
    expect(level('no-privileged')).toBe('error');
    expect(level('image-digest')).toBe('warning');
    expect(level('read-only-root-fs')).toBe('note');
  });

  it('gives every security rule a numeric security-severity and the security tag GitHub needs', async () => {
    const { log } = await sarif(makeProject({ 'compose.yaml': PRIVILEGED }));
    const described = new Map(run(log).tool.driver.rules!.map((rule) => [rule.id, rule]));
    const security = ALL_RULES.filter((rule) => rule.meta.tags.includes('security') && described.has(rule.meta.id));
    expect(security.length).toBeGreaterThan(5);
    for (const { meta } of security) {
      const severity = described.get(meta.id)!.properties!['security-severity'];
      expect(typeof severity, meta.id).toBe('string');
      expect(severity, meta.id).toMatch(/^\d{1,2}(\.\d)?$/);
      expect(Number(severity), meta.id).toBeLessThanOrEqual(10);
      expect(described.get(meta.id)!.properties!.tags, meta.id).toContain('security');
    }
    expect(described.get('no-privileged')!.properties!['security-severity']).toBe('9.0');
    // Not a security rule: no score, or GitHub would file it under security alerts.
    expect(described.get('obsolete-version')!.properties!['security-severity']).toBeUndefined();
  });

  it('uses the rule documentation page as help, title dropped and links absolute', async () => {
    const page = join(REPO_ROOT, 'docs/rules/no-privileged.md');
    const { log } = await sarif(makeProject({ 'compose.yaml': PRIVILEGED }));
    const rule = run(log).tool.driver.rules!.find((candidate) => candidate.id === 'no-privileged')!;
    if (existsSync(page)) {
      const doc = readFileSync(page, 'utf8');
      const why = doc.split('\n').find((line) => line.startsWith('## '))!;
      expect(rule.help!.markdown).toContain(why);
      expect(rule.help!.markdown).not.toMatch(/^# /m);
      expect(rule.help!.text).toContain(why.replace(/^## /, ''));
      expect(rule.help!.text).not.toContain('```');
      expect(rule.help!.markdown).not.toMatch(/\]\((?!https?:|#)/);
    } else {
      expect(rule.help!.text).toContain(rule.helpUri);
    }
  });

  it('reports results with ruleId, ruleIndex, level, message and a full region', async () => {
    const dir = makeProject({ 'compose.yaml': PRIVILEGED });
    const { code, log } = await sarif(dir, [], { rule: ['read-only-root-fs=info'] });
    expect(code).toBe(1);
    const { results, tool } = run(log);
    expect(results!.length).toBeGreaterThan(1);
    for (const result of results!) {
      expect(tool.driver.rules![result.ruleIndex!].id).toBe(result.ruleId);
      expect(result.message.text).toBeTruthy();
      expect(result.locations).toHaveLength(1);
    }
    const privileged = results!.find((result) => result.ruleId === 'no-privileged')!;
    expect(privileged.level).toBe('error');
    expect(privileged.locations![0].physicalLocation).toEqual({
      artifactLocation: { uri: 'compose.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 17, endLine: 4, endColumn: 21 },
    });
    expect(privileged.properties).toEqual({ service: 'web' });
    const levels = new Set(results!.map((result) => result.level));
    expect(levels).toContain('note');
    expect(levels).toContain('warning');
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  it('names files from the repository root when run from a sub-folder', async () => {
    const repo = makeProject({ 'infra/my stack/compose.yaml': PRIVILEGED });
    mkdirSync(join(repo, '.git'));
    const { log } = await sarif(join(repo, 'infra'), ['my stack/compose.yaml']);
    const uris = new Set(run(log).results!.map((result) => result.locations![0].physicalLocation!.artifactLocation!.uri));
    expect([...uris]).toEqual(['infra/my%20stack/compose.yaml']);
    expect(run(log).originalUriBaseIds!['%SRCROOT%'].uri).toMatch(/^file:\/\/\/.*\/$/);
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  it('leaves suppressed findings out', async () => {
    const dir = makeProject({
      'compose.yaml': PRIVILEGED.replace('    privileged: true', '    # compose-lint disable-next-line no-privileged -- needs raw sockets\n    privileged: true'),
    });
    const { log } = await sarif(dir);
    const ids = run(log).results!.map((result) => result.ruleId);
    expect(ids).not.toContain('no-privileged');
    expect(ids).not.toContain('unused-suppression');
  });

  it('copies nothing from the linted files but messages: no snippets, no values', async () => {
    const marker = 'zq7-MARKER-c0ntent';
    const dir = makeProject({ 'compose.yaml': PRIVILEGED.replace('privileged: true', `privileged: true   # ${marker}`) });
    const { log, text } = await sarif(dir);
    expect(run(log).results!.some((result) => result.ruleId === 'no-privileged')).toBe(true);
    expect(text).not.toContain(marker);
    expect(text).not.toContain('"snippet"');
  });

  const secretsRule = existsSync(join(REPO_ROOT, 'rules/no-hardcoded-secrets.ts'));
  it.runIf(secretsRule)('never prints a planted secret, in SARIF or annotations (no-hardcoded-secrets)', async () => {
    const secret = 'Xk29vLq83mZpR7wT';
    const dir = makeProject({
      'compose.yaml': `services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: ${secret}\n`,
    });
    const { log, text } = await sarif(dir, [], { rule: ['no-hardcoded-secrets=error'] });
    expect(run(log).results!.some((result) => result.ruleId === 'no-hardcoded-secrets')).toBe(true);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice(2));
    let annotations = '';
    await runCheck([], { ...OPTIONS, format: 'github', rule: ['no-hardcoded-secrets=error'] }, { cwd: dir, env: {}, write: (chunk) => (annotations += chunk) });
    expect(annotations).toContain('title=no-hardcoded-secrets::');
    expect(annotations).not.toContain(secret.slice(2));
  });

  it('is what the built CLI prints for --format sarif, also to -o FILE', () => {
    const dir = makeProject({ 'compose.yaml': PRIVILEGED });
    const printed = runCli(['check', '--format', 'sarif'], dir);
    expect(printed.code).toBe(1);
    expect(printed.stderr).toBe('');
    expect(sarifSchemaErrors(JSON.parse(printed.stdout))).toEqual([]);
    const written = runCli(['check', '--format', 'sarif', '-o', 'out/report.sarif'], dir);
    expect(written.code).toBe(2); // the folder does not exist: a usage error, not a stack trace
    mkdirSync(join(dir, 'out'));
    expect(runCli(['check', '--format', 'sarif', '-o', 'out/report.sarif'], dir).code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'out/report.sarif'), 'utf8'))).toEqual(JSON.parse(printed.stdout));
  });

  it('accepts every rule module as a descriptor GitHub can show', () => {
    // Cheap guard for rules still landing: ids are kebab-case, docs links absolute.
    for (const { meta } of ALL_RULES) {
      expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(meta.docs).toMatch(/^https:\/\//);
      expect(meta.description.length, meta.id).toBeGreaterThan(5);
    }
  });
});

// A git checkout where the CLI runs in a sub-folder: the same repository-relative paths.
describe('SARIF in a git checkout', () => {
  it('finds the root through a real .git', async () => {
    const repo = makeProject({ 'stacks/a/compose.yaml': PRIVILEGED });
    execFileSync('git', ['init', '-q'], { cwd: repo });
    writeFileSync(join(repo, 'README'), '');
    const { log } = await sarif(join(repo, 'stacks/a'));
    expect(run(log).results![0].locations![0].physicalLocation!.artifactLocation!.uri).toBe('stacks/a/compose.yaml');
  });
});
