import rule from '../../rules/missing-file.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    {
      code: `services:
  api:
    build:
      context: ./api
      dockerfile: docker/Dockerfile.prod
    env_file:
      - .env
      - path: .env.local
        required: false
  worker:
    build: ./api
    env_file: .env
secrets:
  db_password:
    file: ./secrets/db_password.txt
configs:
  nginx:
    file: nginx.conf
`,
      files: {
        '.env': 'A=1\n',
        'api/docker/Dockerfile.prod': 'FROM python:3.12\n',
        'api/Dockerfile': 'FROM python:3.12\n',
        'secrets/db_password.txt': 'x\n',
        'nginx.conf': 'events {}\n',
      },
    },
    {
      name: 'remote contexts, inline Dockerfiles and a lower-case dockerfile',
      code: `services:
  a:
    build: https://github.com/docker/compose.git#main
  b:
    build:
      context: git@github.com:acme/app.git
      dockerfile: Dockerfile.missing
  c:
    build:
      context: .
      dockerfile_inline: |
        FROM alpine
  d:
    build: ./legacy
secrets:
  token:
    environment: API_TOKEN
`,
      files: { 'legacy/dockerfile': 'FROM alpine\n' },
    },
    {
      name: 'missing files that .gitignore keeps out of the repository are provisioned per host',
      code: `services:
  api:
    build: ./api
    env_file: .env
secrets:
  db_password:
    file: ./secrets/db_password.txt
`,
      files: { '.gitignore': '.env\nsecrets/*.txt\n', 'api/Dockerfile': 'FROM python:3.12\n', 'secrets/db_password.txt.example': 'change-me\n' },
    },
  ],
  invalid: [
    {
      code: `services:
  api:
    image: api
    env_file: [.env, .env.local]
`,
      files: { '.env': 'A=1\n' },
      errors: [{ messageId: 'envFile', line: 4, column: 22, endLine: 4, endColumn: 32, data: { path: '.env.local' }, service: 'api' }],
    },
    {
      name: 'a build context, a Dockerfile and a context that is a file',
      code: `services:
  a:
    build: ./nope
  b:
    build:
      context: .
      dockerfile: Dockerfile.dev
  c:
    build:
      context: app
  d:
    build: README.md
`,
      files: { 'app/main.py': 'print(1)\n', 'README.md': '# x\n' },
      errors: [
        { messageId: 'context', line: 3, column: 12, endLine: 3, endColumn: 18, data: { path: './nope' } },
        { messageId: 'dockerfile', line: 7, column: 19, endLine: 7, endColumn: 33, data: { path: 'Dockerfile.dev', context: '.' } },
        { messageId: 'dockerfile', line: 10, column: 16, endLine: 10, endColumn: 19, data: { path: 'Dockerfile', context: 'app' } },
        { messageId: 'contextNotFolder', line: 12, column: 12, endLine: 12, endColumn: 21 },
      ],
    },
    {
      name: 'secret and config files, long env_file syntax',
      code: `services:
  api:
    image: api
    env_file:
      - path: ./config/api.env
        required: true
secrets:
  db_password:
    file: ./secrets/db_password.txt
configs:
  app:
    file: app.toml
`,
      errors: [
        { messageId: 'envFile', line: 5, column: 15, endLine: 5, endColumn: 31, service: 'api' },
        { messageId: 'resourceFile', line: 9, column: 11, endLine: 9, endColumn: 36, data: { kind: 'Secret', name: 'db_password', path: './secrets/db_password.txt' } },
        { messageId: 'resourceFile', line: 12, column: 11, endLine: 12, endColumn: 19, data: { kind: 'Config', name: 'app', path: 'app.toml' } },
      ],
    },
    {
      name: 'an included compose file (found by the loader)',
      code: `include:
  - ./db/compose.yaml
services:
  api:
    image: api
`,
      errors: [{ messageId: 'problem', line: 2, column: 5, endLine: 2, endColumn: 22 }],
    },
  ],
});
