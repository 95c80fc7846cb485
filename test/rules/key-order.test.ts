import rule from '../../rules/key-order.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    `services:
  api:
    image: acme/api:1.0
    container_name: api
    command: ["serve"]
    environment:
      LOG_LEVEL: info
    ports:
      - "8000:8000"
    volumes:
      - ./config:/app/config:ro
    depends_on:
      - db
    healthcheck:
      test: ["CMD", "true"]
    restart: unless-stopped
    deploy:
      resources:
        limits:
          memory: 512m
    logging:
      driver: json-file
    x-owner: platform
  db:
    image: postgres:16
`,
    {
      name: 'keys merged in from an anchor or extends are not this body\'s order',
      code: `x-common: &common
  restart: always
  logging:
    driver: json-file
services:
  base:
    image: busybox:1.36
    command: ["true"]
  api:
    <<: *common
    image: acme/api:1.0
    ports:
      - "8000:8000"
  worker:
    extends: base
    environment:
      QUEUE: jobs
`,
    },
    {
      name: 'configured order; unlisted keys go last in any order',
      options: { order: ['image', 'command'] },
      code: `services:
  api:
    image: acme/api:1.0
    command: ["serve"]
    restart: always
    environment:
      A: b
`,
    },
  ],
  invalid: [
    {
      code: `services:
  api:
    image: acme/api:1.0
    ports:
      - "8000:8000"
    environment:
      LOG_LEVEL: info
    restart: always
    command: ["serve"]
`,
      errors: [
        { messageId: 'outOfOrder', line: 6, column: 5, endLine: 6, endColumn: 16, data: { key: 'environment', before: 'ports', order: 'the conventional order' }, service: 'api' },
      ],
    },
    {
      name: 'one finding per service; unknown keys go last',
      code: `services:
  api:
    x-team: core
    image: acme/api:1.0
  db:
    restart: always
    image: postgres:16
`,
      errors: [
        { messageId: 'outOfOrder', line: 4, column: 5, endLine: 4, endColumn: 10, data: { key: 'image', before: 'x-team', order: 'the conventional order' }, service: 'api' },
        { messageId: 'outOfOrder', line: 7, column: 5, endLine: 7, endColumn: 10, data: { key: 'image', before: 'restart', order: 'the conventional order' }, service: 'db' },
      ],
    },
    {
      name: 'configured order, and the body of a service that extends another',
      options: { order: ['image', 'command', 'environment'] },
      code: `services:
  base:
    image: busybox:1.36
  worker:
    extends: base
    environment:
      QUEUE: jobs
    command: ["work"]
`,
      errors: [{ messageId: 'outOfOrder', line: 8, column: 5, endLine: 8, endColumn: 12, data: { key: 'command', before: 'environment', order: 'the configured order' } }],
    },
  ],
});
