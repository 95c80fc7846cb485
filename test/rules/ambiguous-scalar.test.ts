import rule from '../../rules/ambiguous-scalar.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    `services:
  web:
    image: nginx:1.27
    restart: "no"
    environment:
      DEBUG: "yes"
      PIN: "0755"
      DAY: '2024-01-01'
      COUNT: 10
      RATIO: 0.5
    user: "33:33"
`,
    {
      name: 'values compose casts to booleans agree with YAML 1.1',
      code: `services:
  web:
    image: nginx:1.27
    privileged: no
    read_only: yes
    tty: on
networks:
  back:
    internal: yes
`,
    },
    {
      name: 'ports are left to quoted-ports; extension fields and keys are skipped',
      code: `x-meta:
  release: 2024-01-01
  enabled: yes
services:
  web:
    image: nginx:1.27
    ports:
      - 22:22
    labels:
      yes: "label key"
`,
    },
    {
      name: 'an explicit tag fixes the type for every reader',
      code: `services:
  web:
    image: nginx:1.27
    environment:
      A: !!str yes
      B: !!str &b 2024-01-01
      C: [!!str on, ! off]
    secrets:
      - source: cert
        mode: !!int 0440
secrets:
  cert:
    file: ./cert.pem
`,
      files: { 'cert.pem': 'x' },
    },
    {
      name: 'interpolated and secret-named values',
      code: `services:
  web:
    image: nginx:1.27
    environment:
      FLAG: \${FLAG:-yes}
      DB_PASSWORD: 0123
      API_TOKEN: yes
`,
    },
    {
      name: 'text YAML 1.1 also reads as a string',
      code: `services:
  web:
    image: nginx:1.27
    user: 0:0
    environment:
      RELEASE: 2024-01-01 final
      SHORT_DATE: 2024-1-1
      TIME: 10:00:00x
`,
    },
  ],
  invalid: [
    {
      code: `services:
  web:
    image: nginx:1.27
    restart: no
    environment:
      DEBUG: yes
      VERBOSE: Off
`,
      errors: [
        { messageId: 'boolean', line: 4, column: 14, endLine: 4, endColumn: 16, data: { text: 'no', yaml11: 'false' }, service: 'web' },
        { messageId: 'boolean', line: 6, column: 14, endLine: 6, endColumn: 17, data: { text: 'yes', yaml11: 'true' } },
        { messageId: 'boolean', line: 7, column: 16, endLine: 7, endColumn: 19, data: { text: 'Off', yaml11: 'false' } },
      ],
    },
    {
      name: 'octal and leading-zero numbers',
      code: `services:
  web:
    image: nginx:1.27
    environment:
      UMASK: 0022
      ZIP: 08540
    secrets:
      - source: cert
        mode: 0440
secrets:
  cert:
    file: ./cert.pem
`,
      files: { 'cert.pem': 'x' },
      errors: [
        { messageId: 'octal', line: 5, column: 14, endLine: 5, endColumn: 18, data: { text: '0022', compose: 18, yaml12: 22, octal: '0o22' } },
        { messageId: 'leadingZero', line: 6, column: 12, endLine: 6, endColumn: 17, data: { text: '08540', compose: 8540 } },
        { messageId: 'octal', line: 9, column: 15, endLine: 9, endColumn: 19, data: { text: '0440', compose: 288, yaml12: 440, octal: '0o440' } },
      ],
    },
    {
      name: 'sexagesimal and dates, in lists and outside services',
      code: `services:
  job:
    image: busybox:1.36
    user: 33:33
    command: [sleep, 1:30]
    labels:
      com.example.released: 2024-03-01
volumes:
  data:
    labels:
      created: 2023-12-31T10:00:00Z
`,
      errors: [
        { messageId: 'sexagesimal', line: 4, column: 11, endLine: 4, endColumn: 16, data: { text: '33:33', yaml11: 2013 }, service: 'job' },
        { messageId: 'sexagesimal', line: 5, column: 22, endLine: 5, endColumn: 26, data: { text: '1:30', yaml11: 90 } },
        { messageId: 'date', line: 7, column: 29, endLine: 7, endColumn: 39, data: { text: '2024-03-01' } },
        { messageId: 'date', line: 11, column: 16, endLine: 11, endColumn: 36, data: { text: '2023-12-31T10:00:00Z' } },
      ],
    },
    {
      name: 'a value shared through an anchor is reported once, where it is written',
      code: `x-env: &env
  CACHE: on
services:
  a:
    image: busybox:1.36
    environment: *env
  b:
    image: busybox:1.36
    environment: *env
`,
      errors: [{ messageId: 'boolean', line: 2, column: 10, endLine: 2, endColumn: 12, data: { text: 'on', yaml11: 'true' }, service: 'a' }],
    },
  ],
});
