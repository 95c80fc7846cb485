import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runConfig, type ConfigOptions } from '../../src/cli/config.ts';
import { InputError } from '../../src/load/input-error.ts';
import { validateCompose } from '../../src/validate/schema.ts';
import { CLI, makeProject, REPO_ROOT, runCli } from '../helpers/cli.ts';
import { corpusFiles, corpusName, HAVE_CORPUS, SKIP_CORPUS_MESSAGE } from '../helpers/corpus.ts';

const DEFAULTS: ConfigOptions = { file: [], envFile: [], profile: [], format: 'yaml', interpolate: true, normalize: true };

interface Run {
  code: number;
  stdout: string;
}

/** `compose-lint config` in-process, in `cwd`, with only the given environment. */
function config(cwd: string, options: Partial<ConfigOptions> = {}, paths: string[] = [], env: Record<string, string> = {}): Run {
  const out: string[] = [];
  const code = runConfig(paths, { ...DEFAULTS, ...options }, { cwd, env: { HOME: '/home/me', ...env }, write: (text) => void out.push(text) });
  return { code, stdout: out.join('') };
}

/** The project name compose derives from a folder: lower case, letters, digits, `_` and `-`. */
function projectName(dir: string): string {
  return basename(dir).toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

/** Expected text with `$DIR` for the project folder and `$NAME` for its name. */
function expected(dir: string, text: string): string {
  return text.replaceAll('$DIR', dir).replaceAll('$NAME', projectName(dir));
}

const APP = `version: "3.8"
services:
  web:
    image: nginx:\${NGINX_TAG:-1.27}
    command: nginx -g "daemon off;"
    ports:
      - "8080:80"
    environment:
      - GREETING=hello $$USER
    depends_on:
      - api
  api:
    build: ./api
    env_file: api.env
    volumes:
      - ./src:/app/src:ro
      - cache:/cache
  debug:
    image: busybox
    profiles: [debug]
volumes:
  cache:
`;

function app(extra: Record<string, string> = {}): string {
  return makeProject({ 'compose.yaml': APP, 'api.env': 'PORT=9000\n', ...extra });
}

describe('compose-lint config: the document', () => {
  it('prints the normalised project like docker compose config (yaml)', () => {
    const dir = app();
    const run = config(dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      expected(
        dir,
        `name: $NAME
services:
  api:
    build:
      context: $DIR/api
      dockerfile: Dockerfile
    environment:
      PORT: "9000"
    networks:
      default: null
    volumes:
      - type: bind
        source: $DIR/src
        target: /app/src
        read_only: true
        bind:
          create_host_path: true
      - type: volume
        source: cache
        target: /cache
        volume: {}
  web:
    command:
      - nginx
      - -g
      - daemon off;
    depends_on:
      api:
        condition: service_started
        required: true
    environment:
      GREETING: hello $$USER
    image: nginx:1.27
    networks:
      default: null
    ports:
      - mode: ingress
        target: 80
        published: "8080"
        protocol: tcp
networks:
  default:
    name: $NAME_default
volumes:
  cache:
    name: $NAME_cache
`,
      ),
    );
  });

  it('prints JSON with two-space indent, command and entrypoint always present', () => {
    const dir = makeProject({ 'compose.yaml': 'services:\n  web:\n    image: "nginx"\n    entrypoint: ["/start.sh"]\n    labels: {a: "<b>"}\n' });
    const run = config(dir, { format: 'json' });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      expected(
        dir,
        `{
  "name": "$NAME",
  "services": {
    "web": {
      "command": null,
      "entrypoint": [
        "/start.sh"
      ],
      "image": "nginx",
      "labels": {
        "a": "\\u003cb\\u003e"
      },
      "networks": {
        "default": null
      }
    }
  },
  "networks": {
    "default": {
      "name": "$NAME_default"
    }
  }
}
`,
      ),
    );
  });

  it('--profile and COMPOSE_PROFILES (also from .env) select services; none selected keeps only unprofiled ones', () => {
    const dir = app();
    expect(config(dir, { services: true }).stdout).toBe('api\nweb\n');
    expect(config(dir, { services: true, profile: ['debug'] }).stdout).toBe('api\ndebug\nweb\n');
    expect(config(dir, { services: true }, [], { COMPOSE_PROFILES: 'debug' }).stdout).toBe('api\ndebug\nweb\n');
    const withDotenv = app({ '.env': 'COMPOSE_PROFILES=debug\n' });
    expect(config(withDotenv, { services: true }).stdout).toBe('api\ndebug\nweb\n');
  });

  it('merges -f files in order, with !reset', () => {
    const dir = app({ 'compose.prod.yaml': 'services:\n  web:\n    ports: !reset []\n    environment:\n      GREETING: prod\n' });
    const run = config(dir, { file: ['compose.yaml', 'compose.prod.yaml'] });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('    environment:\n      GREETING: prod\n    image: nginx:1.27\n    networks:\n      default: null\nnetworks:');
    expect(run.stdout).not.toContain('ports:');
  });

  it('--no-interpolate keeps ${...} as written and prints compose’s raw model (keys sorted, env_file kept)', () => {
    const dir = app();
    const run = config(dir, { interpolate: false });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      expected(
        dir,
        `name: $NAME
networks:
  default:
    name: $NAME_default
services:
  api:
    build:
      context: $DIR/api
      dockerfile: Dockerfile
    env_file:
      - path: $DIR/api.env
        required: true
    networks:
      default: null
    volumes:
      - bind:
          create_host_path: true
        read_only: true
        source: $DIR/src
        target: /app/src
        type: bind
      - source: cache
        target: /cache
        type: volume
        volume: {}
  web:
    command:
      - nginx
      - -g
      - daemon off;
    depends_on:
      api:
        condition: service_started
        required: true
    environment:
      GREETING: hello $$USER
    image: nginx:\${NGINX_TAG:-1.27}
    networks:
      default: null
    ports:
      - mode: ingress
        protocol: tcp
        published: "8080"
        target: 80
volumes:
  cache:
    name: $NAME_cache
`,
      ),
    );
  });

  it('--no-normalize prints the merged model as written, without version', () => {
    const dir = app();
    const run = config(dir, { normalize: false });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      expected(
        dir,
        `name: $NAME
services:
  web:
    image: nginx:1.27
    command: nginx -g "daemon off;"
    ports:
      - 8080:80
    environment:
      - GREETING=hello $$USER
    depends_on:
      - api
  api:
    build: ./api
    env_file: api.env
    volumes:
      - ./src:/app/src:ro
      - cache:/cache
volumes:
  cache: null
`,
      ),
    );
  });

  it('-o writes the document to a file and prints nothing', () => {
    const dir = app();
    const run = config(dir, { output: 'out/../resolved.yaml' });
    expect(run).toEqual({ code: 0, stdout: '' });
    expect(readFileSync(join(dir, 'resolved.yaml'), 'utf8')).toBe(config(dir).stdout);
  });

  it('prints every project under a folder as a YAML stream', () => {
    const dir = makeProject({ 'a/compose.yaml': 'services:\n  a:\n    image: a\n', 'b/compose.yaml': 'services:\n  b:\n    image: b\n' });
    const run = config(dir, {}, ['.']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('---\n').map((doc) => (parse(doc) as { name: string }).name)).toEqual(['a', 'b']);
  });
});

describe('compose-lint config: list flags', () => {
  const dir = app({ 'compose.yaml': `${APP}networks:\n  edge:\n` });

  it('--services lists services in start order (dependencies first)', () => {
    expect(config(dir, { services: true })).toEqual({ code: 0, stdout: 'api\nweb\n' });
  });

  it('--volumes and --networks list the resource keys, the implicit default network included', () => {
    expect(config(dir, { volumes: true }).stdout).toBe('cache\n');
    expect(config(dir, { networks: true }).stdout).toBe('default\nedge\n');
  });

  it('--images lists images, with compose’s default name for built services', () => {
    expect(config(dir, { images: true }).stdout).toBe(`${projectName(dir)}-api\nnginx:1.27\n`);
  });

  it('--profiles lists every profile, enabled or not', () => {
    expect(config(dir, { profiles: true }).stdout).toBe('debug\n');
  });

  it('refuses two list flags at once', () => {
    expect(() => config(dir, { services: true, volumes: true })).toThrow(InputError);
  });
});

describe('compose-lint config --variables', () => {
  const files = {
    'compose.yaml': `services:
  db:
    image: postgres:\${PG_TAG:-16}
    environment:
      POSTGRES_PASSWORD: \${DB_PASSWORD:-hunter2}
      POSTGRES_DB: \${DB_NAME:?set DB_NAME}
      REPLICA: \${REPLICA_HOST:+replica}
      HOME_DIR: \${HOME}
`,
    '.env': '# database\nDB_NAME=app\n',
  };

  it('prints a table: default, required, alternate value and where the value comes from', () => {
    const dir = makeProject(files);
    const run = config(dir, { variables: true });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'NAME                REQUIRED            DEFAULT VALUE       ALTERNATE VALUE     SOURCE',
        'DB_NAME             true                                                        .env:2',
        'DB_PASSWORD         false               hu****                                  default',
        'HOME                false                                                       environment',
        'PG_TAG              false               16                                      default',
        'REPLICA_HOST        false                                   replica             unset',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON keyed by name with compose’s fields', () => {
    const dir = makeProject(files);
    const run = config(dir, { variables: true, format: 'json' });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      DB_NAME: { Name: 'DB_NAME', DefaultValue: '', PresenceValue: '', Required: true, Source: 'env-file', File: '.env', Line: 2 },
      DB_PASSWORD: { Name: 'DB_PASSWORD', DefaultValue: 'hu****', PresenceValue: '', Required: false, Source: 'default' },
      HOME: { Name: 'HOME', DefaultValue: '', PresenceValue: '', Required: false, Source: 'environment' },
      PG_TAG: { Name: 'PG_TAG', DefaultValue: '16', PresenceValue: '', Required: false, Source: 'default' },
      REPLICA_HOST: { Name: 'REPLICA_HOST', DefaultValue: '', PresenceValue: 'replica', Required: false, Source: 'unset' },
    });
    expect(run.stdout).not.toContain('hunter2');
  });
});

describe('compose-lint config: `__proto__` is an ordinary key, as in compose', () => {
  // A service, an environment variable (written, and from an env file), a label and a variable named `__proto__`.
  const files = {
    'compose.yaml': `services:
  __proto__:
    image: nginx:1.27
    environment:
      __proto__: env-value
    labels:
      __proto__: label-value
  web:
    image: nginx:1.27
    depends_on: [__proto__]
    env_file: web.env
    labels:
      - __proto__=\${__proto__:-default}
`,
    'web.env': '__proto__=from-file\nFILE_ONLY=1\n',
  };

  it('keeps them in the YAML document', () => {
    const dir = makeProject(files);
    const run = config(dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      expected(
        dir,
        `name: $NAME
services:
  __proto__:
    environment:
      __proto__: env-value
    image: nginx:1.27
    labels:
      __proto__: label-value
    networks:
      default: null
  web:
    depends_on:
      __proto__:
        condition: service_started
        required: true
    environment:
      FILE_ONLY: "1"
      __proto__: from-file
    image: nginx:1.27
    labels:
      __proto__: default
    networks:
      default: null
networks:
  default:
    name: $NAME_default
`,
      ),
    );
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('keeps them in the JSON document', () => {
    const dir = makeProject(files);
    const run = config(dir, { format: 'json' });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      expected(
        dir,
        `{
  "name": "$NAME",
  "services": {
    "__proto__": {
      "command": null,
      "entrypoint": null,
      "environment": {
        "__proto__": "env-value"
      },
      "image": "nginx:1.27",
      "labels": {
        "__proto__": "label-value"
      },
      "networks": {
        "default": null
      }
    },
    "web": {
      "command": null,
      "depends_on": {
        "__proto__": {
          "condition": "service_started",
          "required": true
        }
      },
      "entrypoint": null,
      "environment": {
        "FILE_ONLY": "1",
        "__proto__": "from-file"
      },
      "image": "nginx:1.27",
      "labels": {
        "__proto__": "default"
      },
      "networks": {
        "default": null
      }
    }
  },
  "networks": {
    "default": {
      "name": "$NAME_default"
    }
  }
}
`,
      ),
    );
  });

  it('keeps them uninterpolated, unnormalised, and in the lists', () => {
    const dir = makeProject(files);
    const raw = config(dir, { interpolate: false });
    expect(raw.stdout).toContain('  __proto__:\n    environment:\n      __proto__: env-value\n');
    expect(raw.stdout).toContain('    labels:\n      __proto__: ${__proto__:-default}\n');
    expect(config(dir, { normalize: false, format: 'json' }).stdout).toContain('"__proto__": {\n      "image": "nginx:1.27",\n      "environment": {\n        "__proto__": "env-value"');
    expect(config(dir, { services: true }).stdout).toBe('__proto__\nweb\n');
    expect(JSON.parse(config(dir, { variables: true, format: 'json' }).stdout)).toEqual(
      JSON.parse('{"__proto__": {"Name": "__proto__", "DefaultValue": "default", "PresenceValue": "", "Required": false, "Source": "default"}}'),
    );
  });
});

describe('compose-lint config: projects compose refuses', () => {
  it('prints the findings check would print, exit 1, and no document', () => {
    const dir = makeProject({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    depend_on: [db]\n' });
    const run = config(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'compose.yaml',
        "  4:5     error   services.web: additional property 'depend_on' is not allowed (did you mean 'depends_on'?)  schema",
        '    4 |     depend_on: [db]',
        '      |     ^^^^^^^^^',
        '',
        '1 problem (1 error, 0 warnings, 0 info) in 1 project.',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['YAML syntax', { 'compose.yaml': 'services:\n  web:\n    image: "nginx\n' }, 'yaml-syntax'],
    ['a duplicate key', { 'compose.yaml': 'services:\n  web:\n    image: a\n    image: b\n' }, 'duplicate-key'],
    ['a missing env_file', { 'compose.yaml': 'services:\n  web:\n    image: a\n    env_file: missing.env\n' }, 'missing-file'],
    ['an unset required variable', { 'compose.yaml': 'services:\n  web:\n    image: ${IMAGE:?IMAGE is required}\n' }, 'undefined-variable'],
    ['invalid interpolation', { 'compose.yaml': 'services:\n  web:\n    image: ${IMAGE\n' }, 'invalid-interpolation'],
    ['a broken env_file', { 'compose.yaml': 'services:\n  web:\n    image: a\n    env_file: web.env\n', 'web.env': 'GOOD=1\nBAD="unterminated\n' }, 'env-file-syntax'],
    ['an undefined dependency', { 'compose.yaml': 'services:\n  web:\n    image: a\n    depends_on: [db]\n' }, 'undefined-reference'],
    ['a dependency cycle', { 'compose.yaml': 'services:\n  a:\n    image: a\n    depends_on: [b]\n  b:\n    image: b\n    depends_on: [a]\n' }, 'depends-on-cycle'],
  ])('%s', (_name, files, ruleId) => {
    const run = config(makeProject(files));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`  ${ruleId}\n`);
    expect(run.stdout).not.toContain('name:');
  });

  it('ignores what compose accepts: warnings, and a build context that does not exist yet', () => {
    const dir = makeProject({ 'compose.yaml': 'services:\n  web:\n    build: ./not-there\n    image: nginx:${UNSET_TAG}\n    privileged: true\n' });
    const run = config(dir);
    expect(run.code).toBe(0);
    // yaml.v3 cannot write `nginx:` plain (a colon at its end), so it single-quotes it.
    expect(run.stdout).toContain("    image: 'nginx:'\n");
  });

  it('a reference in an inactive profile is not a problem, an uninterpolated name is not checked', () => {
    const dir = makeProject({ 'compose.yaml': 'services:\n  web:\n    image: a\n    volumes:\n      - ${DATA:-data}:/data\n  job:\n    image: b\n    profiles: [jobs]\n    depends_on: [nothing]\n' });
    expect(config(dir, { interpolate: false }).code).toBe(0);
  });
});

describe('compose-lint config: the built CLI', () => {
  it('node dist/cli.cjs config works on a fixture, and -o writes the file', () => {
    expect(existsSync(CLI), 'run npm run build first').toBe(true);
    const run = runCli(['config', 'fixtures/guide-examples/section-4-2.yaml'], REPO_ROOT);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('name: guide-examples\nservices:\n')).toBe(true);
    const out = mkdtempSync(join(tmpdir(), 'compose-lint-config-'));
    try {
      const written = runCli(['config', '--format', 'json', '-o', join(out, 'c.json'), 'fixtures/guide-examples/section-4-2.yaml'], REPO_ROOT);
      expect(written).toMatchObject({ code: 0, stdout: '' });
      expect(JSON.parse(readFileSync(join(out, 'c.json'), 'utf8')).name).toBe('guide-examples');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('exits 2 on a usage error', () => {
    const run = runCli(['config', '--format', 'toml'], REPO_ROOT);
    expect(run.code).toBe(2);
  });
});

if (!HAVE_CORPUS) console.warn(SKIP_CORPUS_MESSAGE);

describe.skipIf(!HAVE_CORPUS)('compose-lint config over the corpus', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'compose-lint-config-corpus-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('every awesome-compose file prints a document that validates and reads back to itself', () => {
    const files = corpusFiles('awesome-compose');
    expect(files.length).toBeGreaterThan(30);
    const problems: string[] = [];
    files.forEach((path, index) => {
      const name = corpusName(path);
      const first = config(dirname(path), { file: [path] });
      if (first.code !== 0) return void problems.push(`${name}: refused\n${first.stdout}`);
      const schema = validateCompose(parse(first.stdout));
      if (schema.length > 0) problems.push(`${name}: ${schema.map((problem) => problem.message).join('; ')}`);
      // Idempotence: the printed document, read back from anywhere, prints the same.
      const copy = join(scratch, `${index}.yaml`);
      writeFileSync(copy, first.stdout);
      const second = config(scratch, { file: [copy] });
      if (second.stdout !== first.stdout) problems.push(`${name}: not idempotent`);
    });
    expect(problems).toEqual([]);
  });
});
