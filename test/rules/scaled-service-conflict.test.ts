import rule from '../../rules/scaled-service-conflict.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    `services:
  api:
    image: api
    deploy:
      replicas: 3
    ports: ["8000"]
  web:
    image: nginx
    container_name: web
    ports: ["80:80"]
`,
    {
      name: 'a range as wide as the replica count',
      code: `services:
  api:
    image: api
    scale: 3
    ports: ["8000-8002:8000", {target: 9000, published: "9000-9005"}]
`,
    },
    {
      name: 'one replica',
      code: `services:
  api:
    image: api
    container_name: api
    deploy: {replicas: 1}
    ports: ["8000:8000"]
`,
    },
  ],
  invalid: [
    {
      code: `services:
  api:
    image: api
    deploy:
      replicas: 3
    ports:
      - "8000:8000"
`,
      errors: [{ messageId: 'port', line: 7, column: 10, endLine: 7, endColumn: 14, data: { replicas: 3, published: '8000' }, service: 'api' }],
    },
    {
      name: 'scale with container_name and a range too narrow',
      code: `services:
  worker:
    image: worker
    container_name: worker
    scale: 2
    ports:
      - target: 9000
        published: 9000
      - "127.0.0.1:7000-7000:7000"
      - "7100-7101:7100"
`,
      errors: [
        { messageId: 'containerName', line: 4, column: 21, endLine: 4, endColumn: 27, data: { replicas: 2 } },
        { messageId: 'port', line: 8, column: 20, endLine: 8, endColumn: 24 },
        { messageId: 'port', line: 9, column: 20, endLine: 9, endColumn: 29, data: { replicas: 2, published: '7000' } },
      ],
    },
  ],
});
