import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-hardcoded-secrets.ts';
import { runRule, testRule } from '../../src/lint/rule-tester.ts';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

testRule(rule, {
  valid: [
    {
      name: 'values from the environment, required variables and secret files',
      code: lines(
        'services:',
        '  app:',
        '    image: x',
        '    environment:',
        '      DB_PASSWORD: ${DB_PASSWORD}',
        '      API_KEY: ${API_KEY:?set API_KEY in .env}',
        '      JWT_SECRET: $JWT_SECRET',
        '      DB_PASSWORD_FILE: /run/secrets/db_password',
        '      SESSION_SECRET: ${SESSION_SECRET:-}',
        '      REDIS_PASSWORD:',
        '      SECRET_KEY: ""',
        '    secrets: [db_password]',
        'secrets:',
        '  db_password:',
        '    file: ./secrets/db_password.txt',
      ),
      env: { DB_PASSWORD: 'from-env' },
    },
    {
      name: 'names that are not secrets, and switches, sizes and paths under secret names',
      code: lines(
        'services:',
        '  app:',
        '    image: x',
        '    environment:',
        '      - PASSWORD_MIN_LENGTH=12',
        '      - AUTH_ENABLED=true',
        '      - MYSQL_ALLOW_EMPTY_PASSWORD=yes',
        '      - MYSQL_RANDOM_ROOT_PASSWORD=1',
        '      - TOKENIZERS_PARALLELISM=false',
        '      - MAX_TOKENS=4096',
        '      - JWT_EXPIRES_IN=7d',
        '      - TOKEN_TTL=3600',
        '      - POSTGRES_USER=postgres',
        '      - POSTGRES_HOST_AUTH_METHOD=scram-sha-256',
        '      - PWD=/app',
        '      - SSL_PRIVATE_KEY=/etc/ssl/private/server.key',
        '      - AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}',
        '      - OAUTH_TOKEN_URL=https://auth.example.com/token',
        '      - KEYCLOAK_ADMIN=admin',
        '      - PORT=${PORT:-8080}',
        '      - SECRET_FORCED_LANGUAGE=en',
        '      - JWT_SECRET_KEY=%kernel.project_dir%/config/jwt/private.pem',
        '    labels:',
        '      kompose.service.expose.tls-secret: "test-secret"',
      ),
    },
    {
      name: 'URLs whose password comes from a variable, or that have none',
      code: lines(
        'services:',
        '  app:',
        '    image: x',
        '    environment:',
        '      DATABASE_URL: postgres://app:${DB_PASSWORD}@db:5432/app',
        '      REDIS_URL: redis://redis:6379/0',
        '      MONGO_URL: mongodb://${MONGO_USER}:${MONGO_PASSWORD:?required}@mongo/app',
        '      HOMEPAGE: https://user@example.com/',
      ),
    },
    {
      name: 'commands that take secrets from the container environment',
      code: lines(
        'services:',
        '  redis:',
        '    image: redis',
        '    command: redis-server --requirepass "$${REDIS_PASSWORD}" --port 6379',
        '    healthcheck:',
        '      test: ["CMD-SHELL", "redis-cli -a $$REDIS_PASSWORD ping | grep PONG"]',
        '  db:',
        '    image: mysql',
        '    command: --default-authentication-plugin=mysql_native_password',
        '    healthcheck:',
        '      test: ["CMD", "mysqladmin", "ping", "-uroot", "-p$$MYSQL_ROOT_PASSWORD"]',
        '  mongo:',
        '    image: mongo',
        '    command: ["mongod", "--auth", "--bind_ip_all"]',
        '  login:',
        '    image: docker',
        '    entrypoint: sh -c "echo $$TOKEN | docker login --password-stdin -u bot ghcr.io"',
        '  notebook:',
        '    image: jupyter/base-notebook',
        '    command: start-notebook.sh --NotebookApp.token=\'\'',
      ),
    },
    {
      name: 'token-like text that is not a token',
      code: lines(
        'services:',
        '  app:',
        '    image: x',
        '    environment:',
        '      MODEL: sk-learn-small',
        '      NOTE: AKIA-not-a-key',
        '    labels:',
        '      traefik.http.routers.app.middlewares: auth',
      ),
    },
  ],
  invalid: [
    {
      name: 'literal values of secret-named keys, mapping form',
      code: lines(
        'services:',
        '  db:',
        '    image: mysql',
        '    environment:',
        '      MYSQL_ROOT_PASSWORD: "s3cret!"',
        '      MYSQL_PASSWORD: 123456',
        '      MYSQL_USER: app',
      ),
      errors: [
        {
          messageId: 'secretValue',
          line: 5,
          column: 29,
          endLine: 5,
          endColumn: 36,
          data: { key: 'MYSQL_ROOT_PASSWORD', masked: 's3****' },
          service: 'db',
        },
        { messageId: 'secretValue', line: 6, column: 23, endLine: 6, endColumn: 29, data: { key: 'MYSQL_PASSWORD', masked: '12****' } },
      ],
    },
    {
      name: 'literal values, list form, placeholders included',
      code: lines(
        'services:',
        '  api:',
        '    image: x',
        '    environment:',
        '      - POSTGRES_PASSWORD=changeme',
        '      - "JWT_SECRET=example"',
        '      - DB_PASS=abc',
        '      - SENTRY_DSN=https://abc123@o1.ingest.sentry.io/1',
      ),
      errors: [
        { messageId: 'secretValue', line: 5, column: 27, endLine: 5, endColumn: 35, data: { key: 'POSTGRES_PASSWORD', masked: 'ch****' } },
        { messageId: 'secretValue', line: 6, column: 21, endLine: 6, endColumn: 28, data: { key: 'JWT_SECRET', masked: 'ex****' } },
        { messageId: 'secretValue', line: 7, column: 17, endLine: 7, endColumn: 20, data: { key: 'DB_PASS', masked: '****' } },
        { messageId: 'secretValue', line: 8, column: 20, endLine: 8, endColumn: 56, data: { key: 'SENTRY_DSN', masked: 'ht****' } },
      ],
    },
    {
      name: 'names run together',
      code: lines('services:', '  game:', '    image: x', '    environment:', '      - CS2_RCONPW=cruelly-sequel', '      - DBPASSWORD=pw123'),
      errors: [
        { messageId: 'secretValue', line: 5, column: 20, endLine: 5, endColumn: 34, data: { key: 'CS2_RCONPW', masked: 'cr****' } },
        { messageId: 'secretValue', line: 6, column: 20, endLine: 6, endColumn: 25, data: { key: 'DBPASSWORD', masked: 'pw****' } },
      ],
    },
    {
      name: 'build args and labels',
      code: lines(
        'services:',
        '  app:',
        '    build:',
        '      context: .',
        '      args:',
        '        GIT_PASSWORD: hunter2',
        '    labels:',
        '      com.example.api-key: "k3y-value"',
      ),
      errors: [
        { messageId: 'secretValue', line: 6, column: 23, endLine: 6, endColumn: 30, data: { key: 'GIT_PASSWORD', masked: 'hu****' } },
        { messageId: 'secretValue', line: 8, column: 29, endLine: 8, endColumn: 38, data: { key: 'com.example.api-key', masked: 'k3****' } },
      ],
    },
    {
      name: 'literal defaults of secret-named variables, wherever they are used',
      code: lines(
        'services:',
        '  db:',
        '    image: postgres',
        '    environment:',
        '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}',
        '      DB_PASS: ${PGPW-changeme}',
        '      URL: "mysql://root:${MYSQL_ROOT_PASSWORD:-rootpw}@db:3306/x"',
        '    command: ["--token", "${API_TOKEN:-abc123}"]',
      ),
      errors: [
        { messageId: 'secretDefault', line: 5, column: 47, endLine: 5, endColumn: 55, data: { name: 'POSTGRES_PASSWORD', masked: 'po****' } },
        { messageId: 'secretDefault', line: 6, column: 23, endLine: 6, endColumn: 31, data: { name: 'PGPW', masked: 'ch****' } },
        { messageId: 'secretDefault', line: 7, column: 49, endLine: 7, endColumn: 55, data: { name: 'MYSQL_ROOT_PASSWORD', masked: 'ro****' } },
        { messageId: 'secretDefault', line: 8, column: 40, endLine: 8, endColumn: 46, data: { name: 'API_TOKEN', masked: 'ab****' } },
      ],
    },
    {
      name: 'passwords inside URLs anywhere in a service',
      code: lines(
        'services:',
        '  worker:',
        '    image: x',
        '    environment:',
        '      CELERY_BROKER_URL: amqp://guest:guest@rabbitmq:5672/',
        '    command: python worker.py --db postgresql://app:apppw@db/app',
        '    healthcheck:',
        '      test: ["CMD", "curl", "-f", "http://admin:hunter2@localhost/health"]',
      ),
      errors: [
        { messageId: 'urlPassword', line: 5, column: 39, endLine: 5, endColumn: 44, data: { masked: 'gu****' }, service: 'worker' },
        { messageId: 'urlPassword', line: 6, column: 53, endLine: 6, endColumn: 58, data: { masked: 'ap****' } },
        { messageId: 'urlPassword', line: 8, column: 49, endLine: 8, endColumn: 56, data: { masked: 'hu****' } },
      ],
    },
    {
      name: 'well-known token shapes under any name',
      code: lines(
        'services:',
        '  app:',
        '    image: x',
        '    environment:',
        '      - AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
        '      - GH=ghp_abcdefghijklmnopqrstuvwxyz0123456789',
        '      - NOTIFY=https://hooks.slack.com/services/T0000000/B0000000/XXXXXXXXXXXXXXXXXXXXXXXX',
        '      - OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD',
        '      - HF=hf_abcdefghijklmnopqrstuvwxyzABCDEFGH',
        '    command: ["serve", "--key", "AIzaSyA1234567890abcdefghijklmnopqrstuv"]',
      ),
      errors: [
        { messageId: 'token', line: 5, column: 27, endLine: 5, endColumn: 47, data: { kind: 'AWS access key id', masked: 'AK****' } },
        { messageId: 'token', line: 6, column: 12, endLine: 6, endColumn: 52, data: { kind: 'GitHub token', masked: 'gh****' } },
        { messageId: 'token', line: 7, column: 16, endLine: 7, endColumn: 91, data: { kind: 'Slack webhook URL', masked: 'ht****' } },
        { messageId: 'token', line: 8, column: 24, endLine: 8, endColumn: 72, data: { kind: 'OpenAI API key', masked: 'sk****' } },
        { messageId: 'token', line: 9, column: 12, endLine: 9, endColumn: 49, data: { kind: 'Hugging Face token', masked: 'hf****' } },
        { messageId: 'token', line: 10, column: 34, endLine: 10, endColumn: 73, data: { kind: 'Google API key', masked: 'AI****' } },
      ],
    },
    {
      name: 'secrets passed as command-line arguments',
      code: lines(
        'services:',
        '  redis:',
        '    image: redis',
        '    command: redis-server --requirepass foobared --appendonly yes',
        '  db:',
        '    image: mysql',
        '    healthcheck:',
        "      test: mysqladmin ping -h localhost -uroot -p'rootpw'",
        '  tools:',
        '    image: x',
        '    entrypoint:',
        '      - sh',
        '      - -c',
        '      - PGPASSWORD=pgpw psql -h db && curl -u admin:adminpw http://x && redis-cli -a redispw ping && mongosh -u root -p mongopw',
        '  app:',
        '    image: x',
        '    command: ["java", "-Dspring.datasource.password=javapw", "-jar", "app.jar", "--api-key=k1", "--password", "pw2"]',
      ),
      errors: [
        { messageId: 'commandSecret', line: 4, column: 41, endLine: 4, endColumn: 49, data: { flag: '--requirepass', masked: 'fo****' }, service: 'redis' },
        { messageId: 'commandSecret', line: 8, column: 52, endLine: 8, endColumn: 58, data: { flag: '-p', masked: 'ro****' }, service: 'db' },
        { messageId: 'commandSecret', line: 14, column: 20, endLine: 14, endColumn: 24, data: { flag: 'PGPASSWORD', masked: '****' }, service: 'tools' },
        { messageId: 'commandSecret', line: 14, column: 53, endLine: 14, endColumn: 60, data: { flag: '-u', masked: 'ad****' } },
        { messageId: 'commandSecret', line: 14, column: 86, endLine: 14, endColumn: 93, data: { flag: '-a', masked: 're****' } },
        { messageId: 'commandSecret', line: 14, column: 121, endLine: 14, endColumn: 128, data: { flag: '-p', masked: 'mo****' } },
        { messageId: 'commandSecret', line: 17, column: 53, endLine: 17, endColumn: 59, data: { flag: '-Dspring.datasource.password', masked: 'ja****' }, service: 'app' },
        { messageId: 'commandSecret', line: 17, column: 92, endLine: 17, endColumn: 94, data: { flag: '--api-key', masked: '****' } },
        { messageId: 'commandSecret', line: 17, column: 112, endLine: 17, endColumn: 115, data: { flag: '--password', masked: '****' } },
      ],
    },
    {
      name: 'outside services: extension blocks and inline config content',
      code: lines(
        'x-unused-env: &unused',
        '  STRIPE_SECRET_KEY: ${STRIPE_SECRET_KEY:-sk_test_123}',
        '  environment:',
        '    ADMIN_PASSWORD: admin',
        'services:',
        '  app:',
        '    image: x',
        'configs:',
        '  tls:',
        '    content: |',
        '      -----BEGIN PRIVATE KEY-----',
        '      MIIEvQ==',
        '      -----END PRIVATE KEY-----',
      ),
      errors: [
        { messageId: 'secretDefault', line: 2, column: 43, endLine: 2, endColumn: 54, data: { name: 'STRIPE_SECRET_KEY', masked: 'sk****' } },
        { messageId: 'secretValue', line: 4, column: 21, endLine: 4, endColumn: 26, data: { key: 'ADMIN_PASSWORD', masked: 'ad****' } },
        { messageId: 'token', line: 10, column: 14, endLine: 14, endColumn: 1, data: { kind: 'private key', masked: '--****' } },
      ],
    },
    {
      name: 'an anchored environment shared by two services is reported once, where it is written',
      code: lines(
        'x-db-env: &db-env',
        '  POSTGRES_PASSWORD: postgres',
        'services:',
        '  db:',
        '    image: postgres',
        '    environment: *db-env',
        '  api:',
        '    image: x',
        '    environment:',
        '      <<: *db-env',
        '      API_TOKEN: t0ken',
      ),
      errors: [
        { messageId: 'secretValue', line: 2, column: 22, endLine: 2, endColumn: 30, data: { key: 'POSTGRES_PASSWORD', masked: 'po****' }, service: 'db' },
        { messageId: 'secretValue', line: 11, column: 18, endLine: 11, endColumn: 23, data: { key: 'API_TOKEN', masked: 't0****' }, service: 'api' },
      ],
    },
  ],
});

describe('no-hardcoded-secrets messages', () => {
  it('never contain the secret', () => {
    const secrets = ['Sup3rS3cretValue', 'AKIAIOSFODNN7EXAMPLE', 'pgdefaultpw', 'urlpassw0rd', 'flagpassw0rd'];
    const findings = runRule(rule, {
      code: lines(
        'services:',
        '  app:',
        '    image: x',
        '    environment:',
        `      DB_PASSWORD: ${secrets[0]}`,
        `      KEY_ID: ${secrets[1]}`,
        `      PG: \${PG_PASSWORD:-${secrets[2]}}`,
        `      URL: postgres://u:${secrets[3]}@db/x`,
        `    command: --password=${secrets[4]}`,
      ),
    });
    expect(findings).toHaveLength(5);
    for (const finding of findings) for (const secret of secrets) expect(finding.message).not.toContain(secret);
    expect(rule.meta.sensitive).toBe(true);
  });
});

describe('token shapes', () => {
  it('finds one of each kind, each by its own shape (every match holds one of its hints)', () => {
    const alnum = (n: number) => 'aB3dE5fG7h'.repeat(Math.ceil(n / 10)).slice(0, n);
    const samples: [string, string][] = [
      ['AWS access key id', 'AKIAIOSFODNN7EXAMPLE'],
      ['GitHub token', `ghp_${alnum(36)}`],
      ['GitHub token', `github_pat_${alnum(30)}`],
      ['GitLab token', `glpat-${alnum(20)}`],
      ['Slack token', `xoxb-${alnum(12)}`],
      ['Slack webhook URL', 'https://hooks.slack.com/services/T0001/B0001/abcdEFGH1234'],
      ['private key', '-----BEGIN RSA PRIVATE KEY-----'],
      ['Stripe secret key', `sk_live_${alnum(24)}`],
      ['Google API key', `AIza${alnum(35)}`],
      ['Anthropic API key', `sk-ant-a1-${alnum(20)}`],
      ['OpenAI API key', `sk-proj-${alnum(40)}`],
      ['Hugging Face token', `hf_${alnum(34)}`],
      ['npm token', `npm_${alnum(36)}`],
      ['SendGrid API key', `SG.${alnum(22)}.${alnum(43)}`],
      ['JSON web token', `eyJ${alnum(12)}.eyJ${alnum(12)}.${alnum(16)}`],
    ];
    const findings = runRule(rule, {
      code: lines('services:', '  app:', '    image: x', '    labels:', ...samples.map(([, token], i) => `      v${i}: "${token}"`)),
    });
    expect(findings.map((finding) => /^A hardcoded (.+?) \(/.exec(finding.message)?.[1])).toEqual(samples.map(([kind]) => kind));
    expect(findings.map((finding) => finding.line)).toEqual(samples.map((_, i) => 5 + i));
  });
});
