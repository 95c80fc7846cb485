import rule from '../../rules/undefined-reference.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    `services:
  web:
    image: nginx
    depends_on: [db]
    links: ["db:database"]
    volumes_from: [db, "container:legacy", "service:db:ro"]
    networks: [front, default]
    volumes:
      - data:/data
      - ./config:/config:ro
      - /var/log:/logs
      - type: volume
        source: data
        target: /more
      - type: bind
        source: ./src
        target: /src
      - /anonymous
    secrets: [pw, {source: pw, target: db_password}]
    configs: [{source: app, target: /etc/app.conf}]
  db:
    image: postgres
    network_mode: bridge
  proxy:
    image: envoy
    network_mode: service:web
networks:
  front:
volumes:
  data:
secrets:
  pw: {file: ./pw.txt}
configs:
  app: {file: ./app.conf}
`,
    {
      name: 'a dependency marked required: false may be missing',
      code: `services:
  web:
    image: nginx
    depends_on:
      tracing:
        condition: service_started
        required: false
`,
    },
    {
      name: 'networks as a mapping, and external networks',
      code: `services:
  web:
    image: nginx
    networks:
      edge:
        aliases: [www]
networks:
  edge:
    external: true
`,
    },
    {
      name: 'build secrets',
      code: `services:
  web:
    build:
      context: .
      secrets: [npmrc]
secrets:
  npmrc: {environment: NPM_TOKEN}
`,
    },
  ],
  invalid: [
    {
      code: `services:
  web:
    image: nginx
    depends_on: [dbb]
  db:
    image: postgres
`,
      errors: [{ messageId: 'dependsOn', line: 4, column: 18, endLine: 4, endColumn: 21, data: { name: 'dbb', hint: ' (did you mean "db"?)' }, service: 'web' }],
    },
    {
      name: 'long depends_on syntax points at the key',
      code: `services:
  web:
    image: nginx
    depends_on:
      cache:
        condition: service_started
`,
      errors: [{ messageId: 'dependsOn', line: 5, column: 7, endLine: 5, endColumn: 12, data: { name: 'cache', hint: '' } }],
    },
    {
      name: 'links, volumes_from and network_mode name services',
      code: `services:
  web:
    image: nginx
    links: ["cach:c"]
    volumes_from: ["service:wbe:ro", "container:foo"]
  sidecar:
    image: envoy
    network_mode: "service:nope"
  cache:
    image: redis
`,
      errors: [
        { messageId: 'link', line: 4, column: 14, endLine: 4, endColumn: 18, data: { name: 'cach', hint: ' (did you mean "cache"?)' } },
        { messageId: 'volumesFrom', line: 5, column: 29, endLine: 5, endColumn: 32, data: { name: 'wbe', hint: ' (did you mean "web"?)' } },
        { messageId: 'networkMode', line: 8, column: 28, endLine: 8, endColumn: 32, service: 'sidecar' },
      ],
    },
    {
      name: 'networks, volumes, secrets and configs not declared',
      code: `services:
  web:
    image: nginx
    networks: [front, backend]
    volumes:
      - data:/data
      - type: volume
        source: models
        target: /models
    secrets: [pw, {source: pw2}]
    configs: [cfg]
networks:
  back-end:
volumes:
  model:
secrets:
  pw: {file: ./pw.txt}
`,
      errors: [
        { messageId: 'network', line: 4, column: 16, endLine: 4, endColumn: 21, data: { name: 'front', hint: '' } },
        { messageId: 'network', line: 4, column: 23, endLine: 4, endColumn: 30, data: { name: 'backend', hint: ' (did you mean "back-end"?)' } },
        { messageId: 'volume', line: 6, column: 9, endLine: 6, endColumn: 13 },
        { messageId: 'volume', line: 8, column: 17, endLine: 8, endColumn: 23, data: { name: 'models', hint: ' (did you mean "model"?)' } },
        { messageId: 'secret', line: 10, column: 28, endLine: 10, endColumn: 31 },
        { messageId: 'config', line: 11, column: 15, endLine: 11, endColumn: 18 },
      ],
    },
    {
      name: 'extends of a missing service (found by the loader) is reported once',
      code: `services:
  web:
    extends: base
    image: nginx
`,
      errors: [{ messageId: 'problem', line: 3, column: 14, endLine: 3, endColumn: 18, service: 'web' }],
    },
    {
      name: 'an interpolated volume name',
      code: `services:
  web:
    image: nginx
    volumes:
      - "\${VOLUME:-cache}:/cache"
`,
      errors: [{ messageId: 'volume', line: 5, column: 9, endLine: 5, endColumn: 34, data: { name: 'cache', hint: '' } }],
    },
  ],
});
