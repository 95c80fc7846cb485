import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExplain } from '../../src/cli/explain.ts';
import { buildProgram } from '../../src/cli/main.ts';
import { runRules } from '../../src/cli/rules-command.ts';
import { ALL_RULES } from '../../src/lint/generated/rule-index.ts';
import { POLICIES_DOCS } from '../../src/lint/policies/custom-policy.ts';
import { InputError } from '../../src/load/input-error.ts';
import { makeProject, REPO_ROOT, runCli } from '../helpers/cli.ts';

describe('compose-lint rules', () => {
  it('lists every rule with id, default severity, tags and description as JSON', () => {
    const result = runCli(['rules', '--format', 'json'], makeProject({}));
    expect(result.code).toBe(0);
    const rules = JSON.parse(result.stdout) as { id: string; severity: string; tags: string[]; description: string }[];
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    expect(byId.get('no-hardcoded-secrets')).toMatchObject({ severity: 'error', tags: expect.arrayContaining(['security']) });
    expect(byId.get('image-digest')?.severity).toBe('off');
    expect(byId.get('undefined-variable')?.severity).toBe('warning');
    for (const rule of rules) expect(rule.description, rule.id).toMatch(/\S/);
  });

  it('prints a text table, one rule per line', () => {
    const result = runCli(['rules'], makeProject({}));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^no-privileged\s+error\s+security\S*\s+/m);
  });
});

describe('compose-lint explain', () => {
  it("prints the rule's documentation with a bad and a good example", () => {
    const result = runCli(['explain', 'no-privileged'], makeProject({}));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# no-privileged/);
    expect(result.stdout).toMatch(/## Bad/);
    expect(result.stdout).toMatch(/## Good/);
  });

  it('exits 2 for an unknown rule with a suggestion', () => {
    const result = runCli(['explain', 'privileged'], makeProject({}));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('compose-lint: unknown rule privileged (did you mean no-privileged?); run compose-lint rules for the list\n');
  });
});

// Custom policies, in-process (the CLI tests above spawn the built bundle).
describe('compose-lint rules and explain: custom policies of the config', () => {
  const POLICIES_DIR = join(REPO_ROOT, 'fixtures/policies');
  const CONFIG = `policies:
  - id: acme/team-label
    description: Every service names its team.
    severity: warning
    when: { required: [image] }
    require:
      required: [labels]
      properties: { labels: { required: [com.acme.team] } }
    message: "Service '{{name}}' names no team; add com.acme.team."
    help: https://wiki.acme.example/labels
  - id: acme/no-host-net
    target: project
    require: true
`;

  /** Run in-process in `cwd`, returning the exit code and what was written. */
  function run(command: (io: { cwd: string; write(text: string): void }) => number, cwd: string) {
    const out: string[] = [];
    const code = command({ cwd, write: (text) => void out.push(text) });
    return { code, stdout: out.join('') };
  }

  const rulesJson = (cwd: string, config?: string) => JSON.parse(run((io) => runRules({ format: 'json', config }, io), cwd).stdout) as Record<string, unknown>[];

  it('rules lists them after the built-in rules, marked as custom policies (JSON)', () => {
    const rows = rulesJson(POLICIES_DIR);
    expect(rows.slice(0, ALL_RULES.length).map((row) => row.id)).toEqual(ALL_RULES.map((rule) => rule.meta.id));
    expect(rows.slice(0, ALL_RULES.length).filter((row) => 'custom' in row)).toEqual([]);
    const policy = (id: string, severity: string, description: string, docs: string, target = 'service') => ({
      id,
      severity,
      tags: ['policy'],
      description,
      fixable: false,
      docs,
      custom: true,
      target,
      source: 'acme-policies.yaml',
    });
    expect(rows.slice(ALL_RULES.length)).toEqual([
      policy('acme/approved-registries', 'error', "Images are pulled from Acme's registries only", 'https://wiki.acme.example/compose/registries'),
      policy('acme/team-label', 'warning', 'Every service names its owning team in the com.acme.team label', 'https://wiki.acme.example/compose/labels'),
      policy('acme/gpu-pinned-by-digest', 'error', 'GPU services pin their image by digest', 'https://wiki.acme.example/compose/gpu'),
      policy('acme/host-ports-in-range', 'error', 'Host ports are published only in the approved range 8000-8099', POLICIES_DOCS),
      policy('acme/datastores-on-internal-networks', 'error', 'Datastores join only internal networks', 'https://wiki.acme.example/compose/networks', 'project'),
    ]);
  });

  it('rules lists them in the text table, after the built-in rules', () => {
    const dir = makeProject({ '.compose-lint.yaml': CONFIG });
    const lines = run((io) => runRules({ format: 'text' }, io), dir).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(ALL_RULES.length + 2);
    expect(lines.slice(-2)).toEqual([
      'acme/team-label                      warning  policy (custom)         Every service names its team.',
      'acme/no-host-net                     error    policy (custom)         Policy acme/no-host-net',
    ]);
    expect(lines[0]).toMatch(/^allowed-registries\s+off\s+policy,security\s+Images /);
  });

  it('rules finds the config as check does: upward from the working directory, or -c', () => {
    const dir = makeProject({ '.compose-lint.yaml': CONFIG, 'deploy/compose.yaml': 'services: {}\n', 'other/policies.yaml': 'policies:\n  - { id: other/x, require: true }\n' });
    const ids = (cwd: string, config?: string) => rulesJson(cwd, config).slice(ALL_RULES.length).map((row) => row.id);
    expect(ids(join(dir, 'deploy'))).toEqual(['acme/team-label', 'acme/no-host-net']);
    expect(ids(dir, 'other/policies.yaml')).toEqual(['other/x']);
    expect(ids(makeProject({}))).toEqual([]);
  });

  it('rules refuses an invalid config as check does (exit 2)', () => {
    const dir = makeProject({ '.compose-lint.yaml': 'policies:\n  - id: gpu\n    require: true\n' });
    expect(() => runRules({ format: 'json' }, { cwd: dir, write: () => {} })).toThrow(InputError);
    expect(() => runRules({ format: 'json' }, { cwd: dir, write: () => {} })).toThrow(/^invalid config \.compose-lint\.yaml: policy "gpu" \(policies\.0\): id must be namespaced/);
  });

  it("explain prints a policy's description, severity, target, schemas, message and link", () => {
    const dir = makeProject({ '.compose-lint.yaml': CONFIG });
    const result = run((io) => runExplain('acme/team-label', {}, io), dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`# acme/team-label

Every service names its team.

A custom policy from .compose-lint.yaml: severity warning, checks each service.

## When

Only targets that match this JSON Schema are checked:

\`\`\`yaml
required:
  - image
\`\`\`

## Require

Each target checked must match this JSON Schema:

\`\`\`yaml
required:
  - labels
properties:
  labels:
    required:
      - com.acme.team
\`\`\`

## Message

Service '{{name}}' names no team; add com.acme.team.

## Documentation

https://wiki.acme.example/labels
`);
  });

  it('explain leaves out what a policy does not set', () => {
    const dir = makeProject({ '.compose-lint.yaml': CONFIG });
    expect(run((io) => runExplain('acme/no-host-net', {}, io), join(dir)).stdout).toBe(`# acme/no-host-net

Policy acme/no-host-net.

A custom policy from .compose-lint.yaml: severity error, checks the project as a whole.

## Require

Each target checked must match this JSON Schema:

\`\`\`yaml
true
\`\`\`
`);
  });

  it('explain finds the policy in a pack the config extends, or with -c', () => {
    const explained = run((io) => runExplain('acme/gpu-pinned-by-digest', {}, io), POLICIES_DIR).stdout;
    expect(explained).toMatch(/^# acme\/gpu-pinned-by-digest\n\nGPU services pin their image by digest\.\n\nA custom policy from acme-policies\.yaml: severity error, checks each service\.\n/);
    expect(explained).toContain('\n## When\n');
    expect(explained).toContain('\n```yaml\nrequired:\n  - image\nproperties:\n  image:\n    type: string\n    pattern: "@sha256:[0-9a-f]{64}$"\n```\n');
    expect(explained).toMatch(/\n## Documentation\n\nhttps:\/\/wiki\.acme\.example\/compose\/gpu\n$/);
    const elsewhere = makeProject({});
    const viaOption = run((io) => runExplain('acme/gpu-pinned-by-digest', { config: join(POLICIES_DIR, '.compose-lint.yaml') }, io), elsewhere).stdout;
    // The pack is named relative to the working directory.
    expect(viaOption.replace(/from \S+\/fixtures\/policies\/acme-policies\.yaml:/, 'from acme-policies.yaml:')).toBe(explained);
  });

  it('explain keeps the unknown-rule error for ids that are neither, and never reads the config for a built-in rule', () => {
    const dir = makeProject({ '.compose-lint.yaml': CONFIG });
    expect(() => runExplain('acme/nope', {}, { cwd: dir, write: () => {} })).toThrow(
      new InputError('unknown rule acme/nope; run compose-lint rules for the list'),
    );
    expect(() => runExplain('privileged', {}, { cwd: dir, write: () => {} })).toThrow(
      new InputError('unknown rule privileged (did you mean no-privileged?); run compose-lint rules for the list'),
    );
    const broken = makeProject({ '.compose-lint.yaml': 'rules: [' });
    expect(run((io) => runExplain('no-privileged', {}, io), broken).stdout).toMatch(/^# no-privileged/);
  });

  it('main wires -c/--config to rules and explain', async () => {
    const config = join(makeProject({ 'policies.yaml': CONFIG }), 'policies.yaml');
    const parse = async (args: string[]) => {
      const out: string[] = [];
      let code = -1;
      await buildProgram((text) => void out.push(text), (exit) => (code = exit)).parseAsync(['node', 'compose-lint', ...args]);
      return { code, stdout: out.join('') };
    };
    const rules = await parse(['rules', '--format', 'json', '-c', config]);
    expect(rules.code).toBe(0);
    expect((JSON.parse(rules.stdout) as { id: string }[]).slice(ALL_RULES.length).map((row) => row.id)).toEqual(['acme/team-label', 'acme/no-host-net']);
    const explain = await parse(['explain', 'acme/no-host-net', '--config', config]);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toMatch(/^# acme\/no-host-net\n/);
  });
});
