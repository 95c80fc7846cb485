import { describe, expect, it } from 'vitest';
import rule from '../../rules/allowed-registries.ts';
import { normalizeRepositoryPattern } from '../../src/lint/model/image-pattern.ts';
import { runRule, testRule } from '../../src/lint/rule-tester.ts';

const options = { registries: ['ghcr.io/acme/*', 'docker.io/library/*', 'registry.example.com'] };

testRule(rule, {
  valid: [
    {
      options,
      code: `services:
  api:
    image: ghcr.io/acme/api:1.4
  db:
    image: postgres:16
  cache:
    image: docker.io/redis:7
  tool:
    image: registry.example.com/tools/deep/path/cli:2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
`,
    },
    {
      name: 'services that build, name no image, or an image not yet interpolated are exempt',
      options,
      code: `services:
  web:
    build: .
    image: bitnami/web:dev
  sidecar:
    build:
      context: ./sidecar
  job:
    image: \${REGISTRY}/job:1
`,
    },
    {
      name: 'not configured: nothing to enforce',
      code: `services:
  web:
    image: quay.io/someone/web:1
`,
    },
  ],
  invalid: [
    {
      options,
      code: `services:
  api:
    image: ghcr.io/other/api:1.4
  grafana:
    image: grafana/grafana:11.0.0
  nested:
    image: ghcr.io/acme/team/app:1
`,
      errors: [
        {
          messageId: 'notAllowed',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 33,
          data: { image: 'ghcr.io/other/api:1.4', repository: 'ghcr.io/other/api', allowed: 'ghcr.io/acme/*, docker.io/library/*, registry.example.com' },
          service: 'api',
        },
        { messageId: 'notAllowed', line: 5, column: 12, endLine: 5, endColumn: 34, data: { image: 'grafana/grafana:11.0.0', repository: 'docker.io/grafana/grafana', allowed: 'ghcr.io/acme/*, docker.io/library/*, registry.example.com' } },
        { messageId: 'notAllowed', line: 7, column: 12, endLine: 7, endColumn: 35 },
      ],
    },
    {
      name: 'an interpolated image is judged by its value',
      options: { registries: ['ghcr.io/**'] },
      env: { REGISTRY: 'quay.io/acme' },
      code: `services:
  api:
    image: "\${REGISTRY}/api:2"
`,
      errors: [{ messageId: 'notAllowed', line: 3, column: 12, endLine: 3, endColumn: 31, data: { image: 'quay.io/acme/api:2', repository: 'quay.io/acme/api', allowed: 'ghcr.io/**' } }],
    },
  ],
});

describe('allowed-registries patterns', () => {
  it('normalise like docker pull', () => {
    expect(normalizeRepositoryPattern('nginx')).toBe('docker.io/library/nginx');
    expect(normalizeRepositoryPattern('bitnami/*')).toBe('docker.io/bitnami/*');
    expect(normalizeRepositoryPattern('docker.io/*')).toBe('docker.io/library/*');
    expect(normalizeRepositoryPattern('index.docker.io/library/*')).toBe('docker.io/library/*');
    expect(normalizeRepositoryPattern('ghcr.io')).toBe('ghcr.io/**');
    expect(normalizeRepositoryPattern('docker.io')).toBe('docker.io/**');
    expect(normalizeRepositoryPattern('localhost:5000/*')).toBe('localhost:5000/*');
    expect(normalizeRepositoryPattern('**')).toBe('**');
    expect(normalizeRepositoryPattern('*')).toBe('docker.io/library/*');
    expect(normalizeRepositoryPattern('**/postgres')).toBe('**/postgres');
  });

  it('an empty list allows nothing that is pulled', () => {
    const findings = runRule(rule, { options: { registries: [] }, code: 'services:\n  a:\n    image: alpine:3\n' });
    expect(findings.map((f) => f.message)).toEqual([
      "Image \"alpine:3\" (docker.io/library/alpine) is not from an allowed registry (none); use an image from an approved registry, or add a pattern for it to `registries`.",
    ]);
  });
});
