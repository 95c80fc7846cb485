import rule from '../../rules/host-port-conflict.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    `services:
  web:
    image: nginx
    ports: ["80:80", "443:443"]
  api:
    image: api
    ports: ["8080:8080", "8000"]
  worker:
    image: api
    ports: ["8000"]
`,
    {
      name: 'different protocols and different addresses do not conflict',
      code: `services:
  dns-tcp:
    image: dns
    ports: ["53:53/tcp", "127.0.0.1:9000:9000"]
  dns-udp:
    image: dns
    ports: ["53:53/udp", "127.0.0.2:9000:9000"]
`,
    },
    {
      name: 'ranges that do not overlap',
      code: `services:
  a:
    image: x
    ports: ["7000-7004:7000-7004"]
  b:
    image: x
    ports:
      - target: 80
        published: "7005-7009"
`,
    },
    {
      name: 'services in disjoint profiles are alternatives',
      code: `services:
  llm-cpu:
    image: llama
    profiles: [cpu]
    ports: ["8000:8000"]
  llm-gpu:
    image: llama
    profiles: [gpu]
    ports: ["8000:8000"]
`,
    },
    {
      name: 'a service on the host network publishes nothing',
      code: `services:
  a:
    image: x
    ports: ["80:80"]
  b:
    image: x
    network_mode: host
    ports: ["80:80"]
`,
    },
  ],
  invalid: [
    {
      code: `services:
  web:
    image: nginx
    ports: ["8080:80"]
  api:
    image: api
    ports:
      - "8080:8000"
`,
      errors: [{ messageId: 'otherService', line: 8, column: 10, endLine: 8, endColumn: 14, data: { port: 8080, protocol: 'tcp', address: '', other: 'web' }, service: 'api' }],
    },
    {
      name: 'all interfaces conflict with one address, and ranges overlap',
      code: `services:
  a:
    image: x
    ports: ["127.0.0.1:9000:90", "7000-7010:7000-7010"]
  b:
    image: x
    ports:
      - target: 90
        published: 9000
      - 7005-7006:1-2
`,
      errors: [
        { messageId: 'otherService', line: 9, column: 20, endLine: 9, endColumn: 24, data: { port: 9000, protocol: 'tcp', address: ' on 127.0.0.1', other: 'a' } },
        { messageId: 'otherService', line: 10, column: 9, endLine: 10, endColumn: 18, data: { port: 7005, protocol: 'tcp', address: '', other: 'a' } },
      ],
    },
    {
      name: 'two entries of one service',
      code: `services:
  web:
    image: nginx
    ports:
      - "80:80"
      - "0.0.0.0:80:8080"
`,
      errors: [{ messageId: 'sameService', line: 6, column: 18, endLine: 6, endColumn: 20 }],
    },
    {
      name: 'one profile shared, udp',
      code: `services:
  a:
    image: x
    profiles: [dev, test]
    ports: ["5353:53/udp"]
  b:
    image: x
    profiles: [test]
    ports: ["5353:53/udp"]
`,
      errors: [{ messageId: 'otherService', line: 9, column: 14, endLine: 9, endColumn: 18, data: { port: 5353, protocol: 'udp', address: '', other: 'a' } }],
    },
  ],
});
