import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, REPO_ROOT, runCli } from '../helpers/cli.ts';

const FIXTURES = join(REPO_ROOT, 'fixtures', 'policies');

/** A copy of fixtures/policies to break. */
function copyOfFixtures(): string {
  const dir = mkdtempSync(join(tmpdir(), 'compose-lint-policies-'));
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

/** The table's rows as `STATUS POLICY EXAMPLE`, and the NOTE column by row. */
function rows(stdout: string): string[] {
  return stdout
    .split('\n')
    .slice(1)
    .filter((line) => /^(ok|FAIL|none) /.test(line))
    .map((line) => line.replace(/\s{2,}/g, '  ').trim());
}

describe('compose-lint test-policies', () => {
  it('runs every policy of fixtures/policies against its examples: all pass (exit 0)', () => {
    const result = runCli(['test-policies', 'fixtures/policies'], REPO_ROOT);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(rows(result.stdout)).toEqual([
      'ok  denied-images  pass/pinned.yaml',
      'ok  denied-images  fail/latest.yaml  line 3',
      'ok  acme/approved-registries  pass/acme-images.yaml',
      'ok  acme/approved-registries  pass/reviewed-exception.yaml',
      'ok  acme/approved-registries  fail/public-images.yaml  lines 5, 7, 9',
      'ok  acme/team-label  pass/mapping-and-list.yaml',
      'ok  acme/team-label  fail/missing-or-malformed.yaml  lines 2, 7, 10',
      'ok  acme/gpu-pinned-by-digest  pass/pinned.yaml',
      'ok  acme/gpu-pinned-by-digest  fail/tag-only.yaml  lines 11, 14, 16',
      'ok  acme/host-ports-in-range  pass/approved-ports.yaml',
      'ok  acme/host-ports-in-range  fail/outside-range.yaml  lines 5, 7, 12',
      'ok  acme/datastores-on-internal-networks  pass/internal.yaml',
      'ok  acme/datastores-on-internal-networks  fail/reachable.yaml  lines 4, 9, 17',
    ]);
    expect(result.stdout).toMatch(/^RESULT {2}POLICY +EXAMPLE +NOTE\n/);
    expect(result.stdout.endsWith('\n6 policies, 13 examples, all passed.\n')).toBe(true);
  });

  it('defaults to the current folder, and finds the config from DIR upward', () => {
    expect(runCli(['test-policies'], FIXTURES).code).toBe(0);
    expect(runCli(['test-policies', 'acme/..'], FIXTURES).code).toBe(0);
  });

  it('the fixture project itself meets the pack', () => {
    const result = runCli(['check', '--format', 'json'], FIXTURES);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).findings).toEqual([]);
  });

  it('a broken policy makes its fail example pass: exit 1, the row says why', () => {
    const dir = copyOfFixtures();
    // Someone "relaxes" the registry pattern so that it matches everything.
    const pack = join(dir, 'acme-policies.yaml');
    writeFileSync(pack, readFileSync(pack, 'utf8').replace('pattern: "^(ghcr\\\\.io/acme/|registry\\\\.acme\\\\.example/)"', 'pattern: "."'));
    const result = runCli(['test-policies', dir], REPO_ROOT);
    expect(result.code).toBe(1);
    expect(rows(result.stdout)).toContain('FAIL  acme/approved-registries  fail/public-images.yaml  expected a finding, got none');
    expect(result.stdout).toMatch(/\n6 policies, 13 examples, 1 failed\.\n$/);
  });

  it('findings on other lines than the markers, a pass example with a finding, and a broken example all fail', () => {
    const dir = copyOfFixtures();
    const base = join(dir, 'acme', 'host-ports-in-range');
    writeFileSync(join(base, 'fail', 'moved.yaml'), 'services:\n  web:\n    image: a:1\n    ports:\n      - "80:80"\n      - "8080:80" # expect-finding\n');
    writeFileSync(join(base, 'pass', 'not-really.yaml'), 'services:\n  web:\n    image: a:1\n    ports: ["22:22"]\n');
    writeFileSync(join(base, 'pass', 'broken.yaml'), 'services:\n  web:\n    image: [a\n');
    const result = runCli(['test-policies', dir], REPO_ROOT);
    expect(result.code).toBe(1);
    const failed = rows(result.stdout).filter((row) => row.startsWith('FAIL'));
    expect(failed).toHaveLength(3);
    expect(failed[0]).toMatch(/^FAIL {2}acme\/host-ports-in-range {2}pass\/broken\.yaml {2}the example does not parse \(line \d+: /);
    expect(failed[1]).toBe('FAIL  acme/host-ports-in-range  pass/not-really.yaml  expected no finding, got findings on line 4');
    expect(failed[2]).toBe('FAIL  acme/host-ports-in-range  fail/moved.yaml  no finding on marked line 6; unexpected finding on line 5');
  });

  it('example folders that name no policy fail; a policy without examples is listed', () => {
    const dir = copyOfFixtures();
    cpSync(join(dir, 'acme', 'team-label'), join(dir, 'acme', 'team-labels'), { recursive: true });
    writeFileSync(
      join(dir, 'acme-policies.yaml'),
      `${readFileSync(join(dir, 'acme-policies.yaml'), 'utf8')}\n  - id: acme/untested\n    require: true\n`,
    );
    const result = runCli(['test-policies', dir], REPO_ROOT);
    expect(result.code).toBe(1);
    const table = rows(result.stdout);
    expect(table).toContain('none  acme/untested  no examples (add acme/untested/pass/*.yaml and acme/untested/fail/*.yaml)');
    expect(table.find((row) => row.includes('acme/team-labels'))).toMatch(/^FAIL {2}acme\/team-labels {2}examples for a policy the config does not define/);
    expect(result.stdout).toMatch(/\n7 policies, 13 examples, 1 failed, 1 without examples\.\n$/);
  });

  it('policies switched off in the config are still tested', () => {
    const dir = copyOfFixtures();
    writeFileSync(join(dir, '.compose-lint.yaml'), 'extends: [recommended, ./acme-policies.yaml]\nrules:\n  acme/team-label: off\n');
    const result = runCli(['test-policies', dir], REPO_ROOT);
    expect(result.code).toBe(0);
    expect(rows(result.stdout)).toContain('ok  acme/team-label  fail/missing-or-malformed.yaml  lines 2, 7, 10');
  });

  it('usage errors are exit 2: no such folder, no config, no policies, an invalid config', () => {
    const empty = makeProject({ 'README.md': '' });
    expect(runCli(['test-policies', 'nowhere'], empty)).toMatchObject({ code: 2, stderr: 'compose-lint: not a folder: nowhere\n' });
    expect(runCli(['test-policies'], empty)).toMatchObject({
      code: 2,
      stderr: 'compose-lint: no config file found in . or its parents: test-policies tests the policies a config defines\n',
    });
    const noPolicies = makeProject({ '.compose-lint.yaml': 'extends: strict\n' });
    expect(runCli(['test-policies'], noPolicies)).toMatchObject({
      code: 2,
      stderr: 'compose-lint: no policies to test: .compose-lint.yaml defines no policy and configures no policy rule\n',
    });
    const invalid = makeProject({ '.compose-lint.yaml': 'policies:\n  - id: acme/x\n' });
    expect(runCli(['test-policies'], invalid)).toMatchObject({
      code: 2,
      stderr: 'compose-lint: invalid config .compose-lint.yaml: policy acme/x (policies.0): require is missing (the JSON Schema each target must satisfy)\n',
    });
  });

  it('-c names the config', () => {
    const dir = copyOfFixtures();
    writeFileSync(join(dir, 'other.yaml'), 'extends: [none, ./acme-policies.yaml]\n');
    expect(runCli(['test-policies', dir, '-c', join(dir, 'other.yaml')], REPO_ROOT).code).toBe(0);
  });
});
