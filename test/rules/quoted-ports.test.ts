import rule from '../../rules/quoted-ports.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    `services:
  web:
    image: nginx:1.27
    ports:
      - "8080:80"
      - '127.0.0.1:5432:5432'
      - 80
      - "9000-9005:9000-9005"
`,
    {
      name: 'long syntax and expose without a colon',
      code: `services:
  web:
    image: nginx:1.27
    ports:
      - target: 80
        published: 8080
    expose:
      - 3000
      - "4000"
`,
    },
    {
      name: 'a tagged scalar is a string everywhere',
      code: `services:
  web:
    image: nginx:1.27
    ports:
      - !!str 22:22
`,
    },
    {
      name: 'block scalars are strings everywhere',
      code: `services:
  web:
    image: nginx:1.27
    ports:
      - >-
        22:22
`,
    },
  ],
  invalid: [
    {
      code: `services:
  web:
    image: nginx:1.27
    ports:
      - 22:22
      - 8080:80
      - "443:443"
`,
      errors: [
        { messageId: 'sexagesimal', line: 5, column: 9, endLine: 5, endColumn: 14, data: { text: '22:22', number: 1342 }, service: 'web' },
        { messageId: 'unquoted', line: 6, column: 9, endLine: 6, endColumn: 16, data: { text: '8080:80' } },
      ],
    },
    {
      name: 'flow list, host address and interpolation',
      code: `services:
  db:
    image: postgres:16
    ports: [127.0.0.1:5432:5432, "6432:6432"]
  api:
    image: acme/api:1.0
    ports:
      - \${API_PORT:-8000}:8000
`,
      errors: [
        { messageId: 'unquoted', line: 4, column: 13, endLine: 4, endColumn: 32, data: { text: '127.0.0.1:5432:5432' }, service: 'db' },
        { messageId: 'unquoted', line: 8, column: 9, endLine: 8, endColumn: 31, data: { text: '${API_PORT:-8000}:8000' }, service: 'api' },
      ],
    },
    {
      name: 'expose entries with a colon',
      code: `services:
  ssh:
    image: linuxserver/openssh-server:9.7
    expose:
      - 2:22
`,
      errors: [{ messageId: 'sexagesimal', line: 5, column: 9, endLine: 5, endColumn: 13, data: { text: '2:22', number: 142 } }],
    },
  ],
});
