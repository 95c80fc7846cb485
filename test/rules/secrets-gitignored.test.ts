import rule from '../../rules/secrets-gitignored.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** Makes the case folder a repository root, so .gitignore files above it do not count. */
const GIT = { '.git/HEAD': 'ref: refs/heads/main\n' };

const STACK = lines(
  'services:',
  '  api:',
  '    image: x',
  '    env_file:',
  '      - .env.local',
  '      - path: ./config/app.env',
  '        required: false',
  '    secrets: [db_password, api_key]',
  'secrets:',
  '  db_password:',
  '    file: ./secrets/db_password.txt',
  '  api_key:',
  '    file: api_key.txt',
);

const STACK_FILES = {
  ...GIT,
  '.env': 'POSTGRES_DB=app\n',
  '.env.local': 'DEBUG=1\n',
  'config/app.env': 'LOG_LEVEL=info\n',
  'secrets/db_password.txt': 'x\n',
  'api_key.txt': 'x\n',
};

testRule(rule, {
  valid: [
    {
      name: 'everything ignored (folder, glob and nested .gitignore)',
      code: STACK,
      files: { ...STACK_FILES, '.gitignore': '.env\n.env.*\n!.env.example\nsecrets/\n/api_key.txt\n', 'config/.gitignore': '*.env\n' },
    },
    {
      name: 'paths outside the project, templates and env files that do not exist',
      code: lines(
        'services:',
        '  api:',
        '    image: x',
        '    env_file:',
        '      - /etc/app/app.env',
        '      - .env.example',
        '      - path: ./optional.env',
        '        required: false',
        '      - ./missing.env',
        'secrets:',
        '  token:',
        '    file: /run/keys/token',
        '  home:',
        '    file: ~/.config/app/token',
        '  from_env:',
        '    environment: API_TOKEN',
      ),
      files: { ...GIT, '.env.example': 'API_TOKEN=\n' },
    },
    {
      name: 'no env files and no secret files',
      code: 'services:\n  web:\n    image: nginx\n',
      files: { ...GIT },
    },
  ],
  invalid: [
    {
      name: 'nothing ignored: each file once, where it is first named',
      code: STACK,
      files: { ...STACK_FILES, '.gitignore': 'node_modules/\n' },
      errors: [
        // The project's .env is named nowhere: the first line of the compose file.
        { messageId: 'envFile', line: 1, column: 1, endLine: 1, endColumn: 10, data: { path: '.env' } },
        { messageId: 'envFile', line: 5, column: 9, endLine: 5, endColumn: 19, data: { path: '.env.local' }, service: 'api' },
        { messageId: 'envFile', line: 6, column: 15, endLine: 6, endColumn: 31, data: { path: './config/app.env' }, service: 'api' },
        { messageId: 'secretFile', line: 11, column: 11, endLine: 11, endColumn: 36, data: { path: './secrets/db_password.txt' } },
        { messageId: 'secretFile', line: 13, column: 11, endLine: 13, endColumn: 22, data: { path: 'api_key.txt' } },
      ],
    },
    {
      name: 'the .env named by env_file is reported there, once for two services',
      code: lines('services:', '  a:', '    image: x', '    env_file: .env', '  b:', '    image: x', '    env_file: [.env]'),
      files: { ...GIT, '.env': 'A=1\n' },
      errors: [{ messageId: 'envFile', line: 4, column: 15, endLine: 4, endColumn: 19, data: { path: '.env' }, service: 'a' }],
    },
    {
      name: 'a file re-included by a negation, and an ignore rule of another folder',
      code: lines(
        '# the stack',
        'secrets:',
        '  db:',
        '    file: secrets/db.txt',
        '  tls:',
        '    file: certs/tls.key',
        'services:',
        '  api:',
        '    image: x',
      ),
      files: {
        ...GIT,
        '.gitignore': 'secrets/*\n!secrets/db.txt\n',
        'other/.gitignore': '*.key\n',
        'secrets/db.txt': 'x\n',
        'certs/tls.key': 'x\n',
      },
      errors: [
        { messageId: 'secretFile', line: 4, column: 11, endLine: 4, endColumn: 25, data: { path: 'secrets/db.txt' } },
        { messageId: 'secretFile', line: 6, column: 11, endLine: 6, endColumn: 24, data: { path: 'certs/tls.key' } },
      ],
    },
    {
      name: 'a secret file that does not exist yet is reported too (ignore it before creating it)',
      code: lines('secrets:', '  db:', '    file: ./db_password.txt', 'services:', '  db:', '    image: postgres'),
      files: { ...GIT, '.gitignore': '.env\n' },
      errors: [{ messageId: 'secretFile', line: 3, column: 11, endLine: 3, endColumn: 28, data: { path: './db_password.txt' } }],
    },
  ],
});
