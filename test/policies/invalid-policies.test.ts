import { describe, expect, it } from 'vitest';
import { makeProject, runCli } from '../helpers/cli.ts';

const COMPOSE = 'services:\n  api:\n    image: ghcr.io/acme/api:1.0\n';

/** Run `check` with a config holding these policies; an invalid policy is exit 2 with one line on stderr. */
function checkWith(policies: string): { code: number | null; stderr: string; stdout: string } {
  const dir = makeProject({ 'compose.yaml': COMPOSE, '.compose-lint.yaml': `policies:\n${policies}` });
  return runCli(['check'], dir);
}

describe('invalid policies are exit 2, naming the policy and the reason', () => {
  const cases: [string, string, string][] = [
    [
      'an id without a namespace',
      '  - id: gpu-pinned\n    require: {}\n',
      'invalid config .compose-lint.yaml: policy "gpu-pinned" (policies.0): id must be namespaced like acme/gpu-pinned (lowercase letters, digits, - and _, segments separated by /)',
    ],
    [
      'an id with capitals or dots',
      '  - id: Acme/../x\n    require: {}\n',
      'invalid config .compose-lint.yaml: policy "Acme/../x" (policies.0): id must be namespaced like acme/gpu-pinned (lowercase letters, digits, - and _, segments separated by /)',
    ],
    ['no id', '  - require: {}\n', 'invalid config .compose-lint.yaml: policy policies.0: id is missing'],
    [
      'an unknown target',
      '  - id: acme/x\n    target: host\n    require: {}\n',
      'invalid config .compose-lint.yaml: policy acme/x (policies.0): unknown target "host" (expected service, network, volume, secret, config, project)',
    ],
    [
      'no require',
      '  - id: acme/x\n    when: { required: [image] }\n',
      'invalid config .compose-lint.yaml: policy acme/x (policies.0): require is missing (the JSON Schema each target must satisfy)',
    ],
    [
      'require that is not a schema',
      '  - id: acme/x\n    require: [image]\n',
      'invalid config .compose-lint.yaml: policy acme/x (policies.0): require must be a JSON Schema (a mapping, or true/false)',
    ],
    [
      'a misspelt schema keyword',
      '  - id: acme/x\n    require: { properties: { image: { patern: "^ghcr" } } }\n',
      'invalid config .compose-lint.yaml: policy acme/x: require is not a valid JSON Schema: strict mode: unknown keyword: "patern"',
    ],
    [
      'an invalid regular expression',
      '  - id: acme/x\n    require: { properties: { image: { pattern: "([" } } }\n',
      'invalid config .compose-lint.yaml: policy acme/x: require is not a valid JSON Schema: Invalid regular expression: /([/: Unterminated character class',
    ],
    [
      'an invalid when schema',
      '  - id: acme/x\n    when: { type: strin }\n    require: {}\n',
      'invalid config .compose-lint.yaml: policy acme/x: when is not a valid JSON Schema: schema is invalid: data/type must be equal to one of the allowed values, data/type must be array, data/type must match a schema in anyOf',
    ],
    [
      'a reference to a schema elsewhere (nothing is fetched)',
      '  - id: acme/x\n    require: { $ref: "https://schemas.example.com/service.json" }\n',
      'invalid config .compose-lint.yaml: policy acme/x: require is not a valid JSON Schema: can\'t resolve reference https://schemas.example.com/service.json from id #',
    ],
    [
      'an unknown key',
      '  - id: acme/x\n    requires: {}\n',
      'invalid config .compose-lint.yaml: policy acme/x (policies.0): unknown key "requires" (expected id, description, severity, target, when, require, message, help)',
    ],
    [
      'an unknown severity',
      '  - id: acme/x\n    severity: fatal\n    require: {}\n',
      'invalid config .compose-lint.yaml: policy acme/x (policies.0): severity must be one of off, info, warning, error',
    ],
    [
      'an unknown message placeholder',
      '  - id: acme/x\n    require: {}\n    message: "{{service}} is wrong"\n',
      'invalid config .compose-lint.yaml: policy acme/x (policies.0): message uses {{service}}, which is not one of {{name}}, {{target}}, {{path}}, {{detail}}, {{id}}, {{description}}',
    ],
    [
      'help that is not a web address',
      '  - id: acme/x\n    require: {}\n    help: wiki/gpu\n',
      'invalid config .compose-lint.yaml: policy acme/x (policies.0): help must be an http(s) URL',
    ],
    [
      'the same id twice in one file',
      '  - id: acme/x\n    require: {}\n  - id: acme/x\n    require: true\n',
      'invalid config .compose-lint.yaml: policy acme/x (policies.1): the id is used by an earlier policy in the same file',
    ],
    ['a policy that is not a mapping', '  - acme/x\n', 'invalid config .compose-lint.yaml: policy policies.0: must be a mapping'],
  ];

  for (const [name, policies, message] of cases) {
    it(name, () => {
      const result = checkWith(policies);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`compose-lint: ${message}\n`);
    });
  }

  it('policies that is not a list', () => {
    const dir = makeProject({ 'compose.yaml': COMPOSE, '.compose-lint.yaml': 'policies: { id: acme/x }\n' });
    const result = runCli(['check'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('compose-lint: invalid config .compose-lint.yaml: policies: must be a list\n');
  });

  it('a policy rule switched on without its options says what it needs', () => {
    const dir = makeProject({ 'compose.yaml': COMPOSE, '.compose-lint.yaml': 'rules:\n  allowed-registries: error\n' });
    const result = runCli(['check'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("compose-lint: invalid config .compose-lint.yaml: rules.allowed-registries.options: must have required property 'registries'\n");
  });
});

describe('a catastrophic pattern in a policy', () => {
  it('does not hang the run: V8 finishes the match in linear time', async () => {
    const { makeProject, runCli } = await import('../helpers/cli.ts');
    const dir = makeProject({
      'compose.yaml': `services:\n  a:\n    image: ${'a'.repeat(40)}!\n`,
      '.compose-lint.yaml':
        'extends: none\npolicies:\n  - id: acme/evil\n    description: crafted pattern\n    require: { properties: { image: { pattern: "^(a+)+$" } } }\n',
    });
    const result = runCli(['check', '--format', 'json'], dir);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['acme/evil']);
  });
});
