import { describe, expect, it } from 'vitest';
import { makeProject, runCli } from '../helpers/cli.ts';
import { sarifSchemaErrors } from '../helpers/sarif-schema.ts';

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  service?: string;
}

const GPU_POLICY = `
  - id: acme/gpu-pinned
    description: GPU services pin their image by digest
    severity: error
    target: service
    when:
      required: [deploy]
      properties: { deploy: { required: [resources], properties: { resources: { required: [reservations], properties: { reservations: { required: [devices] } } } } } }
    require:
      properties: { image: { pattern: "@sha256:[0-9a-f]{64}$" } }
    message: "{{name}} reserves a GPU but its image is not pinned by digest; pin it with @sha256:<digest>."
    help: https://wiki.example.com/compose/gpu
`;

const GPU_COMPOSE = `services:
  trainer:
    image: ghcr.io/acme/trainer:2.1
    deploy:
      resources:
        reservations:
          devices:
            - capabilities: [gpu]
  api:
    image: ghcr.io/acme/api:1.0
`;

function check(files: Record<string, string>, args: string[] = []) {
  const dir = makeProject(files);
  const result = runCli(['check', '--format', 'json', ...args], dir);
  const findings: JsonFinding[] = result.stdout ? JSON.parse(result.stdout).findings : [];
  return { ...result, dir, findings };
}

/** `LINE:COL-ENDLINE:ENDCOL RULE [SERVICE]` of the findings of custom policies. */
function places(findings: JsonFinding[]): string[] {
  return findings
    .filter((finding) => finding.ruleId.includes('/'))
    .map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}${f.service ? ` ${f.service}` : ''}`);
}

describe('a custom policy end to end', () => {
  const files = { 'compose.yaml': GPU_COMPOSE, '.compose-lint.yaml': `extends: none\npolicies:${GPU_POLICY}` };

  it('json: the finding points at the offending value, with the policy id, severity, message and service', () => {
    const result = check(files);
    expect(result.code).toBe(1);
    expect(result.findings).toEqual([
      {
        ruleId: 'acme/gpu-pinned',
        severity: 'error',
        message: 'trainer reserves a GPU but its image is not pinned by digest; pin it with @sha256:<digest>.',
        file: 'compose.yaml',
        line: 3,
        column: 12,
        endLine: 3,
        endColumn: 36,
        service: 'trainer',
        fixable: false,
      },
    ]);
  });

  it('sarif: the policy is described in rules[] and the result points at it; the log validates', () => {
    const dir = makeProject(files);
    const result = runCli(['check', '--format', 'sarif'], dir);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const run = log.runs[0];
    const index = run.tool.driver.rules.findIndex((rule: { id: string }) => rule.id === 'acme/gpu-pinned');
    const descriptor = run.tool.driver.rules[index];
    expect(descriptor.shortDescription.text).toBe('GPU services pin their image by digest');
    expect(descriptor.helpUri).toBe('https://wiki.example.com/compose/gpu');
    expect(descriptor.help.markdown).toContain('https://wiki.example.com/compose/gpu');
    expect(descriptor.defaultConfiguration.level).toBe('error');
    expect(descriptor.properties.tags).toEqual(['policy']);
    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({
      ruleId: 'acme/gpu-pinned',
      ruleIndex: index,
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'compose.yaml' }, region: { startLine: 3, startColumn: 12, endLine: 3, endColumn: 36 } } }],
    });
  });

  it('github: one workflow command titled with the policy id', () => {
    const dir = makeProject(files);
    const result = runCli(['check', '--format', 'github'], dir);
    expect(result.stdout).toBe(
      '::error file=compose.yaml,line=3,col=12,endLine=3,endColumn=36,title=acme/gpu-pinned::trainer reserves a GPU but its image is not pinned by digest; pin it with @sha256:<digest>.\n',
    );
  });

  it('text: the finding with its policy id and a code frame', () => {
    const dir = makeProject(files);
    const result = runCli(['check', '--no-color'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('3:12    error   trainer reserves a GPU but its image is not pinned by digest; pin it with @sha256:<digest>.  acme/gpu-pinned');
    expect(result.stdout).toContain('    image: ghcr.io/acme/trainer:2.1');
  });

  it('is not selected by `when` for services without a GPU, and is satisfied by a digest', () => {
    const pinned = GPU_COMPOSE.replace('trainer:2.1', `trainer:2.1@sha256:${'a'.repeat(64)}`);
    expect(check({ ...files, 'compose.yaml': pinned }).code).toBe(0);
  });
});

describe('severities', () => {
  const files = { 'compose.yaml': GPU_COMPOSE, '.compose-lint.yaml': `extends: none\npolicies:${GPU_POLICY.replace('severity: error', 'severity: warning')}` };

  it("the policy's own severity, whatever the preset", () => {
    const result = check(files);
    expect(result.code).toBe(0);
    expect(result.findings.map((f) => f.severity)).toEqual(['warning']);
    expect(check(files, ['--fail-on', 'warning']).code).toBe(1);
    expect(check({ ...files, '.compose-lint.yaml': `extends: strict\npolicies:${GPU_POLICY}` }).findings.filter((f) => f.ruleId === 'acme/gpu-pinned')).toHaveLength(1);
  });

  it('--rule and the config rules set a policy like any rule', () => {
    expect(check(files, ['--rule', 'acme/gpu-pinned=error']).findings.map((f) => f.severity)).toEqual(['error']);
    expect(check(files, ['--rule', 'acme/gpu-pinned=off']).findings).toEqual([]);
    const config = `extends: none\nrules:\n  acme/gpu-pinned: info\npolicies:${GPU_POLICY}`;
    expect(check({ ...files, '.compose-lint.yaml': config }).findings.map((f) => f.severity)).toEqual(['info']);
    expect(check({ ...files, '.compose-lint.yaml': config.replace('acme/gpu-pinned: info', 'acme/gpu-pinned: off') }).findings).toEqual([]);
  });

  it('an unknown policy id in --rule is a usage error', () => {
    const result = check(files, ['--rule', 'acme/gpu-pined=off']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid --rule acme/gpu-pined: unknown rule');
  });
});

describe('suppressions', () => {
  const config = `extends: none\nrules:\n  unused-suppression: info\npolicies:${GPU_POLICY}`;

  it('inline comments name the policy id; x-compose-lint ignores it on a service', () => {
    const compose = `services:
  trainer:
    image: ghcr.io/acme/trainer:2.1 # compose-lint disable-line acme/gpu-pinned -- pinned by the release job
    deploy: &gpu
      resources:
        reservations:
          devices:
            - capabilities: [gpu]
  tuner:
    # compose-lint disable-next-line acme/gpu-pinned
    image: ghcr.io/acme/tuner:2.1
    deploy: *gpu
  eval:
    image: ghcr.io/acme/eval:2.1
    deploy: *gpu
    x-compose-lint:
      ignore: { acme/gpu-pinned: "nightly job, any build will do" }
  other:
    image: ghcr.io/acme/other:2.1
    deploy: *gpu
`;
    const dir = makeProject({ 'compose.yaml': compose, '.compose-lint.yaml': config });
    const json = JSON.parse(runCli(['check', '--format', 'json'], dir).stdout);
    expect(places(json.findings)).toEqual(['19:12-19:34 acme/gpu-pinned other']);
    expect(json.findings.filter((f: JsonFinding) => f.ruleId === 'unused-suppression')).toEqual([]);
    expect(json.summary.suppressed).toBe(3);
  });

  it('a suppression naming a policy that does not exist is reported, one naming a real policy is not', () => {
    const compose = `services:
  api:
    image: ghcr.io/acme/api:1.0 # compose-lint disable-line acme/gpu-pined
`;
    const result = check({ 'compose.yaml': compose, '.compose-lint.yaml': config });
    expect(result.findings.map((f) => `${f.line} ${f.ruleId} ${f.message}`)).toEqual([
      expect.stringMatching(/^3 unused-suppression .*acme\/gpu-pined/),
    ]);
  });
});

describe('positions', () => {
  const teamPolicy = `extends: none
policies:
  - id: acme/team
    description: Services name their team
    require:
      required: [labels]
      properties:
        labels:
          required: [team]
          properties: { team: { enum: [payments, search] } }
`;

  it('through merged files: each failure points into the file that wrote the offending text', () => {
    const result = check(
      {
        'compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1.0\n    labels:\n      team: payments\n  web:\n    image: ghcr.io/acme/web:1.0\n',
        'compose.prod.yaml': 'services:\n  api:\n    labels:\n      team: marketing\n  web:\n    labels:\n      tier: front\n',
        '.compose-lint.yaml': teamPolicy,
      },
      ['-f', 'compose.yaml', '-f', 'compose.prod.yaml'],
    );
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.service}`)).toEqual(['compose.prod.yaml:4:13 api', 'compose.prod.yaml:6:5 web']);
  });

  it('through anchors: the literal where it is written; a missing key at the service key', () => {
    const compose = `x-labels: &labels
  team: marketing
services:
  api:
    image: ghcr.io/acme/api:1.0
    labels: *labels
  web:
    image: ghcr.io/acme/web:1.0
`;
    const result = check({ 'compose.yaml': compose, '.compose-lint.yaml': teamPolicy });
    expect(places(result.findings)).toEqual(['2:9-2:18 acme/team api', '7:3-7:6 acme/team web']);
    expect(result.findings[0].message).toBe("Services name their team: service 'api' fails the policy (`labels.team` must be one of \"payments\", \"search\").");
  });

  it('through interpolation: the value as compose sees it, at the text that produced it', () => {
    const result = check({
      'compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1.0\n    labels:\n      team: ${TEAM:-marketing}\n',
      '.compose-lint.yaml': teamPolicy,
    });
    expect(places(result.findings)).toEqual(['5:13-5:31 acme/team api']);
    const dir = result.dir;
    expect(runCli(['check'], dir, { TEAM: 'search' }).code).toBe(0);
  });

  it('an extra key points at that key; a disallowed key name at the key; a nested missing key at its parent key', () => {
    const config = `extends: none
policies:
  - id: acme/shape
    require:
      properties:
        deploy: { required: [resources] }
        environment: { propertyNames: { pattern: "^[A-Z_]+$" } }
        healthcheck: { additionalProperties: false, properties: { test: true, interval: true } }
`;
    const compose = `services:
  api:
    image: ghcr.io/acme/api:1.0
    deploy:
      replicas: 2
    environment:
      GOOD: 1
      bad_name: 2
    healthcheck:
      test: ["CMD", "true"]
      retries: 3
`;
    const result = check({ 'compose.yaml': compose, '.compose-lint.yaml': config });
    expect(places(result.findings)).toEqual(['4:5-4:11 acme/shape api', '8:7-8:15 acme/shape api', '11:7-11:14 acme/shape api']);
    expect(result.findings.map((f) => f.message)).toEqual([
      "Policy acme/shape: service 'api' fails the policy (`deploy` must have required property 'resources').",
      "Policy acme/shape: service 'api' fails the policy (the key `environment.bad_name` is not an allowed name).",
      "Policy acme/shape: service 'api' fails the policy (`healthcheck.retries` is not allowed).",
    ]);
  });
});

describe('targets', () => {
  it('network, volume, secret and config definitions, each on its own; a body-less definition is {}', () => {
    const config = `extends: none
policies:
  - id: acme/internal-networks
    target: network
    when: { not: { required: [external] } }
    require: { required: [internal], properties: { internal: { const: true } } }
    message: "Network '{{name}}' must set internal: true."
  - id: acme/volume-driver
    target: volume
    require: { properties: { driver: { const: local } } }
    message: "Volume '{{name}}' uses driver {{detail}}."
  - id: acme/secret-files
    target: secret
    require: { required: [file] }
    message: "Secret '{{name}}': {{detail}}."
  - id: acme/config-files
    target: config
    require: { required: [file] }
    message: "Config '{{name}}': {{detail}}."
`;
    const compose = `services:
  api:
    image: ghcr.io/acme/api:1.0
networks:
  front:
  back:
    internal: false
  shared:
    external: true
volumes:
  data:
    driver: nfs
secrets:
  token:
    environment: TOKEN
configs:
  app:
    file: ./app.conf
`;
    const result = check({ 'compose.yaml': compose, 'app.conf': '', '.compose-lint.yaml': config });
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.service ?? '-'} ${f.message}`)).toEqual([
      '5:3 acme/internal-networks - Network \'front\' must set internal: true.',
      '7:15 acme/internal-networks - Network \'back\' must set internal: true.',
      '12:13 acme/volume-driver - Volume \'data\' uses driver `driver` must be "local".',
      "14:3 acme/secret-files - Secret 'token': must have required property 'file'.",
    ]);
  });

  it('project: the whole model once; failures under services belong to that service', () => {
    const config = `extends: none
policies:
  - id: acme/project
    target: project
    require:
      required: [name]
      properties:
        services: { maxProperties: 1, additionalProperties: { required: [restart] } }
    message: "{{target}} {{name}}: {{detail}} (at {{path}})."
`;
    const compose = `services:
  api:
    image: ghcr.io/acme/api:1.0
    restart: always
  web:
    image: ghcr.io/acme/web:1.0
`;
    const dir = makeProject({ 'app/compose.yaml': compose, '.compose-lint.yaml': config });
    const findings: JsonFinding[] = JSON.parse(runCli(['check', '--format', 'json', 'app'], dir).stdout).findings;
    expect(findings.map((f) => `${f.line}:${f.column} ${f.service ?? '-'} ${f.message}`)).toEqual([
      "1:1 - project app: must have required property 'name' (at ).",
      '1:1 - project app: `services` must NOT have more than 1 properties (at services).',
      "5:3 web project app: `services.web` must have required property 'restart' (at services.web).",
    ]);
  });
});
