import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, runCli } from '../helpers/cli.ts';

const COMPOSE = 'services:\n  api:\n    image: nginx:1.27\n    privileged: true\n';

const POLICY = (severity: string, message: string) => `policies:
  - id: acme/registry
    severity: ${severity}
    require: { properties: { image: { pattern: "^ghcr\\\\.io/acme/" } } }
    message: "${message}"
`;

function findings(dir: string, args: string[] = []): string[] {
  const result = runCli(['check', '--format', 'json', ...args], dir);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout).findings.map((f: { ruleId: string; severity: string; message: string }) => `${f.ruleId} ${f.severity} ${f.message}`);
}

describe('policy packs', () => {
  it('extends a pack by a path relative to the config file; its policies and rules apply', () => {
    const dir = makeProject({
      'repo/compose.yaml': COMPOSE,
      'repo/.compose-lint.yaml': 'extends: [none, ../shared/acme.yaml]\n',
      'shared/acme.yaml': `rules:\n  no-privileged: warning\n${POLICY('error', 'from the pack')}`,
    });
    const all = findings(join(dir, 'repo'));
    expect(all[0]).toBe('acme/registry error from the pack');
    expect(all[1]).toMatch(/^no-privileged warning /);
    expect(all).toHaveLength(2);
  });

  it('a string extends names one pack; a pack extends its own packs relative to itself', () => {
    const dir = makeProject({
      'compose.yaml': COMPOSE,
      '.compose-lint.yaml': 'extends: ./policies/team.yaml\n',
      'policies/team.yaml': 'extends: [none, ./base/acme.yaml]\n',
      'policies/base/acme.yaml': POLICY('warning', 'from the base pack'),
    });
    expect(findings(dir)).toEqual(['acme/registry warning from the base pack']);
  });

  it('later entries override earlier ones, and the file overrides its packs', () => {
    const dir = makeProject({
      'compose.yaml': COMPOSE,
      '.compose-lint.yaml': 'extends: [none, ./one.yaml, ./two.yaml]\n',
      'one.yaml': `rules:\n  no-privileged: error\n${POLICY('error', 'one')}`,
      'two.yaml': `rules:\n  no-privileged: info\n${POLICY('info', 'two')}`,
    });
    expect(findings(dir).map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual(['acme/registry info two', 'no-privileged info Service']);

    const reversed = makeProject({
      'compose.yaml': COMPOSE,
      '.compose-lint.yaml': 'extends: [none, ./two.yaml, ./one.yaml]\nrules:\n  acme/registry: warning\n',
      'one.yaml': `rules:\n  no-privileged: error\n${POLICY('error', 'one')}`,
      'two.yaml': `rules:\n  no-privileged: info\n${POLICY('info', 'two')}`,
    });
    expect(findings(reversed).map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual(['acme/registry warning one', 'no-privileged error Service']);
  });

  it('the last preset named wins; a repository may switch a pack policy off', () => {
    const dir = makeProject({
      'compose.yaml': COMPOSE,
      '.compose-lint.yaml': 'extends: [./acme.yaml, none]\nrules:\n  acme/registry: off\n',
      'acme.yaml': `extends: strict\n${POLICY('error', 'pack')}`,
    });
    expect(findings(dir)).toEqual([]);
  });

  it("a pack's rule options stay when a later layer only sets the severity; datastores and ignore add up", () => {
    const dir = makeProject({
      'apps/compose.yaml': 'services:\n  cache:\n    image: acme/fastkv:2\n    ports: ["6379:6379"]\n',
      'examples/compose.yaml': COMPOSE,
      '.compose-lint.yaml': 'extends: [none, ./acme.yaml]\nrules:\n  allowed-registries: warning\nignore: ["examples/**"]\n',
      'acme.yaml': 'rules:\n  allowed-registries: { severity: error, options: { registries: [ghcr.io/acme/*] } }\n  published-datastore-port: warning\ndatastores: [fastkv]\n',
    });
    const result = runCli(['check', '--format', 'json', '.'], dir);
    const json = JSON.parse(result.stdout);
    expect(json.projects).toEqual([{ files: ['apps/compose.yaml'] }]);
    expect(json.findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId} ${f.severity}`)).toEqual([
      'allowed-registries warning',
      'published-datastore-port warning',
    ]);
  });

  it('an error in a pack names the pack', () => {
    const dir = makeProject({
      'compose.yaml': COMPOSE,
      '.compose-lint.yaml': 'extends: ./packs/acme.yaml\n',
      'packs/acme.yaml': 'policies:\n  - id: acme/x\n    target: services\n    require: {}\n',
    });
    const result = runCli(['check'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('compose-lint: invalid config packs/acme.yaml: policy acme/x (policies.0): unknown target "services" (expected service, network, volume, secret, config, project)\n');
  });

  it('an unknown rule in a pack names the pack', () => {
    const dir = makeProject({ 'compose.yaml': COMPOSE, '.compose-lint.yaml': 'extends: ./acme.yaml\n', 'acme.yaml': 'rules:\n  no-privileged-mode: error\n' });
    const result = runCli(['check'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^compose-lint: invalid config acme\.yaml: rules\.no-privileged-mode: unknown rule/);
  });

  it('a JSON pack', () => {
    const dir = makeProject({
      'compose.yaml': COMPOSE,
      '.compose-lint.yaml': 'extends: [none, ./acme.json]\n',
      'acme.json': JSON.stringify({ policies: [{ id: 'acme/registry', require: { properties: { image: { pattern: '^ghcr' } } }, message: 'json pack' }] }),
    });
    expect(findings(dir)).toEqual(['acme/registry error json pack']);
  });
});

describe('invalid extends', () => {
  const cases: [string, Record<string, string>, string][] = [
    [
      'a cycle',
      { '.compose-lint.yaml': 'extends: ./a.yaml\n', 'a.yaml': 'extends: ./sub/b.yaml\n', 'sub/b.yaml': 'extends: ../a.yaml\n' },
      'invalid config sub/b.yaml: extends: ../a.yaml makes a cycle (a.yaml -> sub/b.yaml -> a.yaml)',
    ],
    [
      'a config that extends itself',
      { '.compose-lint.yaml': 'extends: [recommended, ./.compose-lint.yaml]\n' },
      'invalid config .compose-lint.yaml: extends: ./.compose-lint.yaml makes a cycle (.compose-lint.yaml -> .compose-lint.yaml)',
    ],
    ['a missing pack', { '.compose-lint.yaml': 'extends: ./acme.yaml\n' }, 'invalid config .compose-lint.yaml: extends: policy pack not found: acme.yaml'],
    [
      'a URL (nothing is fetched)',
      { '.compose-lint.yaml': 'extends: https://example.com/acme.yaml\n' },
      'invalid config .compose-lint.yaml: extends: https://example.com/acme.yaml: packs are local files, nothing is fetched (copy it into the repository)',
    ],
    [
      'a misspelt preset',
      { '.compose-lint.yaml': 'extends: [recomended]\n' },
      'invalid config .compose-lint.yaml: extends: must be equal to one of the allowed values (recommended, strict, none)',
    ],
    ['not a string', { '.compose-lint.yaml': 'extends: [3]\n' }, 'invalid config .compose-lint.yaml: extends: must be string'],
  ];
  for (const [name, files, message] of cases) {
    it(name, () => {
      const dir = makeProject({ 'compose.yaml': COMPOSE, ...files });
      const result = runCli(['check'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`compose-lint: ${message}\n`);
    });
  }

  it('a cycle through a symbolic link', () => {
    const dir = makeProject({ 'compose.yaml': COMPOSE, '.compose-lint.yaml': 'extends: ./link/pack.yaml\n', 'real/pack.yaml': 'extends: ../link/pack.yaml\n' });
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    const result = runCli(['check'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/makes a cycle/);
  });
});
