// Needs the generated validator: `node scripts/build-schema.mjs` (npm test builds first).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import validate from '../../src/validate/generated/compose-schema.js';
import { describeSchemaErrors } from '../../src/validate/schema-messages.ts';
import { validateCompose } from '../../src/validate/schema.ts';

// YAML 1.2 core types plus `<<` merge keys: what go-yaml v3 (compose) reads. YAML 1.1
// types would turn `context: .` into a number and `restart: no` into false.
function load(text: string): unknown {
  const doc = parseDocument(text, { merge: true });
  if (doc.errors.length > 0) throw doc.errors[0];
  return doc.toJS({ maxAliasCount: -1 });
}

function check(text: string) {
  return validateCompose(load(text));
}

describe('valid files', () => {
  it.each([
    ['minimal', 'services:\n  web:\n    image: nginx\n'],
    [
      'a realistic stack',
      `name: shop
x-common: &common
  restart: unless-stopped
  logging: {driver: json-file, options: {max-size: 10m}}
services:
  api:
    <<: *common
    build: {context: ., dockerfile: Dockerfile, args: {NODE_ENV: production}}
    ports: ["8080:80", 9090, {target: 443, published: "8443", protocol: tcp}]
    environment: [A=1, B=2]
    env_file: [.env, {path: .env.local, required: false}]
    depends_on:
      db: {condition: service_healthy, restart: true}
    healthcheck: {test: [CMD, curl, -f, http://localhost], interval: 30s, retries: 3}
    deploy:
      replicas: 2
      resources:
        limits: {cpus: "0.5", memory: 512m}
        reservations:
          devices: [{driver: nvidia, count: all, capabilities: [gpu]}]
    networks:
      front:
      back: {aliases: [api]}
    volumes: [./src:/app:ro, {type: volume, source: data, target: /data}]
    x-team: payments
  db:
    image: postgres:16
    restart: "no"
    command: null
    scale: \${DB_SCALE:-1}
networks:
  front:
  back: {internal: true}
volumes:
  data:
secrets:
  token: {file: ./token.txt}
`,
    ],
    ['restart with a retry count', 'services:\n  a:\n    image: x\n    restart: on-failure:3\n'],
    ['an uninterpolated restart', 'services:\n  a:\n    image: x\n    restart: ${RESTART_POLICY:-always}\n'],
    ['the obsolete version key alone', 'version: "3.8"\n'],
    ['an unquoted version', 'version: 3.8\nservices:\n  a: {image: x}\n'],
  ])('%s', (_name, text) => {
    expect(check(text)).toEqual([]);
  });
});

describe('misspelled keys', () => {
  it.each([
    ['depend_on', 'depends_on'],
    ['enviroment', 'environment'],
    ['healtcheck', 'healthcheck'],
    ['restrat', 'restart'],
  ])('%s gives one problem suggesting %s', (typo, meant) => {
    const problems = check(`services:\n  api:\n    image: x\n    ${typo}: {}\n`);
    expect(problems).toEqual([
      {
        path: ['services', 'api', typo],
        at: 'key',
        message: `services.api: additional property '${typo}' is not allowed (did you mean '${meant}'?)`,
      },
    ]);
  });

  it('suggests inside nested and oneOf-wrapped mappings', () => {
    const problems = check(`services:
  api:
    image: x
    build: {context: ., dockrfile: Dockerfile}
    ports: [{target: 80, publishd: 8080}]
    deploy: {resources: {limits: {memroy: 1g}}}
`);
    expect(problems.map((p) => p.message)).toEqual([
      "services.api.build: additional property 'dockrfile' is not allowed (did you mean 'dockerfile'?)",
      "services.api.ports.0: additional property 'publishd' is not allowed (did you mean 'published'?)",
      "services.api.deploy.resources.limits: additional property 'memroy' is not allowed (did you mean 'memory'?)",
    ]);
    expect(problems[1].path).toEqual(['services', 'api', 'ports', 0, 'publishd']);
  });

  it('offers no far-fetched suggestion', () => {
    const [problem] = check('services:\n  api:\n    image: x\n    colour: red\n');
    expect(problem.message).toBe("services.api: additional property 'colour' is not allowed");
  });

  it('allows x- extensions everywhere the spec does', () => {
    expect(check('x-a: 1\nservices:\n  api:\n    image: x\n    x-b: 2\n    build: {context: ., x-c: 3}\n')).toEqual([]);
  });
});

describe('bad values', () => {
  it('reports an unknown restart policy', () => {
    expect(check('services:\n  api:\n    image: x\n    restart: sometimes\n')).toEqual([
      {
        path: ['services', 'api', 'restart'],
        at: 'value',
        message: "services.api.restart must be one of 'no', 'always', 'on-failure', 'on-failure:<max-retries>', 'unless-stopped'",
      },
    ]);
  });

  it('reports a value outside an enum of the spec', () => {
    expect(check('services:\n  api:\n    image: x\n    depends_on:\n      db: {condition: service_ready}\n')).toEqual([
      {
        path: ['services', 'api', 'depends_on', 'db', 'condition'],
        at: 'value',
        message: "services.api.depends_on.db.condition must be one of 'service_started', 'service_healthy', 'service_completed_successfully'",
      },
    ]);
  });

  it('reports ports given as a mapping', () => {
    expect(check('services:\n  api:\n    image: x\n    ports: {a: 1}\n')).toEqual([
      { path: ['services', 'api', 'ports'], at: 'value', message: 'services.api.ports must be a list' },
    ]);
  });

  it('names every allowed form when no alternative fits', () => {
    expect(check('services:\n  api:\n    image: x\n    ports: [true]\n    command: 5\n')).toEqual([
      { path: ['services', 'api', 'ports', 0], at: 'value', message: 'services.api.ports.0 must be a number, string or mapping' },
      { path: ['services', 'api', 'command'], at: 'value', message: 'services.api.command must be a string, list or null' },
    ]);
  });

  it('reports non-numeric replicas', () => {
    expect(check('services:\n  api:\n    image: x\n    deploy: {replicas: "x"}\n')).toEqual([
      { path: ['services', 'api', 'deploy', 'replicas'], at: 'value', message: 'services.api.deploy.replicas must be an integer' },
    ]);
    expect(check('services:\n  api:\n    image: x\n    deploy: {replicas: 1.5}\n')).toEqual([
      { path: ['services', 'api', 'deploy', 'replicas'], at: 'value', message: 'services.api.deploy.replicas must be an integer or string' },
    ]);
  });

  it('reports the deeper error of the alternative whose type matched', () => {
    expect(check('services:\n  api:\n    image: x\n    networks:\n      front: {aliases: api}\n')).toEqual([
      {
        path: ['services', 'api', 'networks', 'front', 'aliases'],
        at: 'value',
        message: 'services.api.networks.front.aliases must be a list',
      },
    ]);
    expect(check('services:\n  api:\n    image: x\n    cpu_count: -1\n')).toEqual([
      { path: ['services', 'api', 'cpu_count'], at: 'value', message: 'services.api.cpu_count must be greater than or equal to 0' },
    ]);
  });

  it('combines allowed values with the other allowed types', () => {
    expect(check('services:\n  api:\n    image: x\n    gpus: some\n')[0].message).toBe("services.api.gpus must be 'all' or a list");
  });

  it('points at the repeated item of a list that must be unique', () => {
    expect(check('services:\n  api:\n    image: x\n    environment: [A=1, B=2, A=1]\n')).toEqual([
      {
        path: ['services', 'api', 'environment', 2],
        at: 'value',
        message: 'services.api.environment must not contain duplicates (item 2 repeats item 0)',
      },
    ]);
  });

  it('reports a malformed service name', () => {
    expect(check('services:\n  "my api": {image: x}\n')).toEqual([
      {
        path: ['services', 'my api'],
        at: 'key',
        message: "services: 'my api' is not a valid name (only letters, digits, '.', '_' and '-' are allowed)",
      },
    ]);
  });

  it('reports a document that is not a mapping', () => {
    expect(check('- a\n- b\n')).toEqual([{ path: [], at: 'value', message: 'the top level must be a mapping' }]);
  });
});

describe('missing required properties', () => {
  it('reports a long-syntax volume without a type at the list item', () => {
    expect(check('services:\n  api:\n    image: x\n    volumes:\n      - source: data\n        target: /data\n')).toEqual([
      { path: ['services', 'api', 'volumes', 0], at: 'value', message: "services.api.volumes.0 is missing required property 'type'" },
    ]);
  });

  it('points at the key of a mapping that lacks a property', () => {
    expect(check('services:\n  api:\n    image: x\n    depends_on:\n      db: {restart: true}\n')).toEqual([
      { path: ['services', 'api', 'depends_on', 'db'], at: 'key', message: "services.api.depends_on.db is missing required property 'condition'" },
    ]);
  });
});

describe('legacy version 1 files', () => {
  it('reports each top-level service', () => {
    const problems = check('web: {image: nginx}\ndb:\n  image: postgres\n  links: [web]\n');
    expect(problems).toEqual([
      {
        path: ['web'],
        at: 'key',
        message: "additional property 'web' is not allowed at the top level (this looks like a version 1 file: services belong under 'services:')",
      },
      {
        path: ['db'],
        at: 'key',
        message: "additional property 'db' is not allowed at the top level (this looks like a version 1 file: services belong under 'services:')",
      },
    ]);
  });

  it('suggests services for a misspelled top-level key', () => {
    expect(check('service:\n  web: {image: nginx}\n')[0].message).toBe(
      "additional property 'service' is not allowed at the top level (did you mean 'services'?)",
    );
  });
});

describe('describeSchemaErrors', () => {
  it('keeps a service named like an index as a string segment', () => {
    const data = load('services:\n  "0": {image: x, enviroment: []}\n');
    expect(validate(data)).toBe(false);
    const [problem] = describeSchemaErrors(validate.errors ?? [], data);
    expect(problem.path).toEqual(['services', '0', 'enviroment']);
  });

  it('dedupes identical problems', () => {
    const data = load('services:\n  api: {image: x, colour: red}\n');
    validate(data);
    const errors = validate.errors ?? [];
    expect(describeSchemaErrors([...errors, ...errors], data)).toHaveLength(1);
  });
});

const corpus = '/work/shared/corpus/awesome-compose';

function composeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) return composeFiles(file);
    return /\.ya?ml$/.test(name) ? [file] : [];
  });
}

describe.skipIf(!existsSync(corpus))('awesome-compose corpus', () => {
  it('accepts every file docker compose accepts', () => {
    const report: string[] = [];
    let checked = 0;
    for (const file of composeFiles(corpus)) {
      let data: unknown;
      try {
        data = load(readFileSync(file, 'utf8'));
      } catch {
        continue;
      }
      checked++;
      for (const problem of validateCompose(data)) report.push(`${file.slice(corpus.length + 1)}: ${problem.message}`);
    }
    console.log(`awesome-compose: ${checked} files checked, ${report.length} problems${report.length ? `\n${report.join('\n')}` : ''}`);
    expect(checked).toBeGreaterThan(30);
    expect(report).toEqual([]);
  });
});

describe('generated module', () => {
  const generated = fileURLToPath(new URL('../../src/validate/generated/compose-schema.js', import.meta.url));

  // Copied to an empty folder, the module can resolve no package: this proves it is
  // self-contained, and a fresh node process measures the real startup cost.
  it('imports on its own, far faster than compiling the spec at runtime', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compose-schema-'));
    try {
      const copy = join(dir, 'compose-schema.mjs');
      copyFileSync(generated, copy);
      const script = `const t = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(copy).href)});
const ms = performance.now() - t; if (m.default({ services: { a: { image: 'x' } } }) !== true) process.exit(3); console.log(ms);`;
      const runs = [0, 1, 2].map(() => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir }).toString()));
      const median = runs.sort((a, b) => a - b)[1];
      console.log(`compose-schema.js import: ${median.toFixed(1)} ms (median of ${runs.map((r) => r.toFixed(1)).join(', ')})`);
      // runtime ajv compilation of the spec costs hundreds of ms; leave room for slow CI
      expect(median).toBeLessThan(150);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
