import rule from '../../rules/image-tag-pinned.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27-alpine\n',
    'services:\n  web:\n    image: ghcr.io/acme/api:2.3.1\n',
    // Digest-only references are pinned (by default).
    'services:\n  web:\n    image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000\n',
    // A tag and a digest: the digest wins.
    'services:\n  web:\n    image: nginx:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000\n',
    // Only build: nothing is pulled.
    'services:\n  app:\n    build: .\n',
    // build + image: the image names the local build.
    'services:\n  app:\n    build: .\n    image: acme/app\n',
    // A registry port is not a tag.
    'services:\n  app:\n    image: localhost:5000/app:1.0\n',
    // Interpolated tags use their value.
    { code: 'services:\n  web:\n    image: "nginx:${TAG:-1.27}"\n' },
    { code: 'services:\n  web:\n    image: nginx:${TAG}\n', env: { TAG: '1.27' } },
    // An unset variable leaves `nginx:`; undefined-variable reports that.
    'services:\n  web:\n    image: nginx:${TAG}\n',
    // Ignored images.
    { code: 'services:\n  web:\n    image: acme/tooling\n', options: { ignore: ['acme/tooling'] } },
    // No image at all (schema reports it).
    'services:\n  web:\n    command: ["true"]\n',
    'services:\n  web:\n',
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx\n',
      errors: [{ messageId: 'noTag', line: 3, column: 12, endLine: 3, endColumn: 17, data: { image: 'nginx', name: 'nginx' } }],
    },
    {
      code: 'services:\n  web:\n    image: "redis:latest"\n',
      errors: [{ messageId: 'latest', line: 3, column: 12, endLine: 3, endColumn: 26, data: { image: 'redis:latest', name: 'redis' } }],
    },
    {
      name: 'registry with a port and no tag',
      code: 'services:\n  web:\n    image: localhost:5000/team/app\n',
      errors: [{ messageId: 'noTag', line: 3, column: 12, endLine: 3, endColumn: 35, data: { image: 'localhost:5000/team/app', name: 'localhost:5000/team/app' } }],
    },
    {
      name: 'interpolated latest default',
      code: 'services:\n  web:\n    image: "grafana/grafana:${GRAFANA_TAG:-latest}"\n',
      errors: [{ messageId: 'latest', line: 3, column: 12, endLine: 3, endColumn: 52, data: { image: 'grafana/grafana:latest', name: 'grafana/grafana' } }],
    },
    {
      name: 'digest only, when not allowed',
      code: 'services:\n  web:\n    image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000\n',
      options: { 'allow-digest-only': false },
      errors: [{ messageId: 'digestOnly', line: 3, column: 12, endLine: 3, endColumn: 89 }],
    },
    {
      name: 'two services, one anchor',
      code: 'x-base: &base\n  image: postgres\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n  c:\n    image: mongo:7\n',
      errors: [{ messageId: 'noTag', line: 2, column: 10, endLine: 2, endColumn: 18 }],
    },
  ],
});
