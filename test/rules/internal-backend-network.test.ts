import rule from '../../rules/internal-backend-network.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

const backend = 'networks:\n  backend:\n    internal: true\n';

testRule(rule, {
  valid: [
    `services:\n  db:\n    image: postgres:16\n    networks: [backend]\n${backend}`,
    `services:\n  db:\n    image: redis:7\n    networks:\n      backend:\n        aliases: [cache]\n${backend}`,
    // Not datastores: clients and dashboards named after them, and services with only build:.
    'services:\n  ui:\n    image: rediscommander/redis-commander:latest\n  admin:\n    image: mongo-express:1\n  exporter:\n    image: prometheuscommunity/postgres-exporter:v0.15.0\n  api:\n    build: .\n',
    // External networks are configured elsewhere.
    'services:\n  db:\n    image: mysql:8\n    networks: [shared]\nnetworks:\n  shared:\n    external: true\n',
    // An internal default network.
    'services:\n  db:\n    image: mariadb:11\nnetworks:\n  default:\n    internal: true\n',
    // network_mode replaces compose networks.
    'services:\n  app:\n    image: acme/app:1\n  db:\n    image: mongo:7\n    network_mode: service:app\n',
    // Datastore images used as clients: a client program, or a one-shot job.
    [
      'services:',
      '  init-db:',
      '    image: postgres:15',
      '    command: psql -h db -U postgres -f /migrations/schema.sql',
      '  warm:',
      '    image: redis:7',
      '    entrypoint: ["/usr/local/bin/redis-cli", "-h", "cache", "ping"]',
      '  dump:',
      '    image: mariadb:11',
      '    restart: "no"',
      '',
    ].join('\n'),
    // Undefined networks are undefined-reference's business.
    'services:\n  db:\n    image: mongo:7\n    networks: [nowhere]\n',
  ],
  invalid: [
    {
      name: 'default network',
      code: 'services:\n  db:\n    image: postgres:16\n',
      errors: [{ messageId: 'defaultNetwork', line: 2, column: 3, endLine: 2, endColumn: 5, data: { service: 'db', kind: 'postgres' } }],
    },
    {
      name: 'a named network that is not internal, and one that is',
      code: `services:\n  cache:\n    image: docker.io/bitnami/redis:7.2\n    networks:\n      - frontend\n      - backend\nnetworks:\n  frontend:\n  backend:\n    internal: true\n`,
      errors: [{ messageId: 'openNetwork', line: 5, column: 9, endLine: 5, endColumn: 17, data: { network: 'frontend', kind: 'redis' } }],
    },
    {
      name: 'mapping form and an explicit default',
      code: `services:\n  broker:\n    image: confluentinc/cp-kafka:7.6.0\n    networks:\n      default:\n      backend:\n${backend}`,
      errors: [{ messageId: 'openNetwork', line: 5, column: 7, endLine: 5, endColumn: 14, data: { network: 'default', kind: 'kafka' } }],
    },
    {
      name: 'registries, namespaces and tags',
      code: [
        'services:',
        '  es:',
        '    image: docker.elastic.co/elasticsearch/elasticsearch:8.13.0',
        '  store:',
        '    image: quay.io/minio/minio:RELEASE.2024-05-10T01-41-38Z',
        '  sql:',
        '    image: mcr.microsoft.com/mssql/server:2022-latest',
        '  ts:',
        '    image: timescale/timescaledb-ha:pg16',
        '',
      ].join('\n'),
      errors: [
        { messageId: 'defaultNetwork', line: 2, column: 3, endLine: 2, endColumn: 5, data: { service: 'es', kind: 'elasticsearch' } },
        { messageId: 'defaultNetwork', line: 4, column: 3, endLine: 4, endColumn: 8, data: { service: 'store', kind: 'minio' } },
        { messageId: 'defaultNetwork', line: 6, column: 3, endLine: 6, endColumn: 6, data: { service: 'sql', kind: 'sql server' } },
        { messageId: 'defaultNetwork', line: 8, column: 3, endLine: 8, endColumn: 5, data: { service: 'ts', kind: 'timescaledb' } },
      ],
    },
    {
      name: 'extra datastores from the option',
      code: 'services:\n  vec:\n    image: registry.example.com/ml/vectorstore:3\n',
      options: { datastores: ['ml/vectorstore'] },
      errors: [{ messageId: 'defaultNetwork', line: 2, column: 3, endLine: 2, endColumn: 6, data: { service: 'vec', kind: 'vectorstore' } }],
    },
    {
      name: 'interpolated image',
      code: 'services:\n  db:\n    image: "${DB_IMAGE:-postgres:16}"\n    networks: [app]\nnetworks:\n  app:\n    driver: bridge\n',
      errors: [{ messageId: 'openNetwork', line: 4, column: 16, endLine: 4, endColumn: 19, data: { network: 'app', kind: 'postgres' } }],
    },
  ],
});
