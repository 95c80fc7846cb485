// fixtures/ml-stack as a strict reviewer reads it: every requirement of the
// guide's best practices and of the rule catalog, checked on the files
// themselves (the schema with the compose-spec JSON schema).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, STACK_DIR, allStrings, environmentOf, interpolate, loadCompose, variablesIn, which, type ComposeFile } from './helpers.ts';

const FILES = ['compose.yaml', 'compose.override.yaml', 'compose.prod.yaml'] as const;
const base = loadCompose('compose.yaml');
const services = Object.entries(base.services);
const DATASTORES = ['db', 'redis'];

function bindMounts(service: Record<string, any>): string[] {
  return ((service.volumes ?? []) as unknown[])
    .map((v) => (typeof v === 'string' ? v : (v as any).type === 'bind' ? `${(v as any).source}:${(v as any).target}${(v as any).read_only ? ':ro' : ''}` : ''))
    .filter((v) => v.startsWith('./') || v.startsWith('/') || v.startsWith('../') || v.startsWith('.:'));
}

describe('ml-stack compose files: schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  const validate = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'compose-spec.json'), 'utf8')));

  it.each(FILES)('%s validates against the compose-spec JSON schema', (file) => {
    const doc = loadCompose(file);
    const ok = validate(doc);
    expect(ok, JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it.each(FILES)('%s has no `version:` key, only known top-level keys, and override services that exist in compose.yaml', (file) => {
    const doc = loadCompose(file);
    expect(doc).not.toHaveProperty('version');
    for (const key of Object.keys(doc)) expect(['name', 'services', 'networks', 'volumes', 'secrets', 'configs', 'include']).toContain(key.startsWith('x-') ? 'services' : key);
    for (const name of Object.keys(doc.services)) expect(base.services, `${file}: ${name}`).toHaveProperty(name);
  });
});

describe('ml-stack compose.yaml: every service', () => {
  it('has the expected services', () => {
    expect(Object.keys(base.services).sort()).toEqual(['api', 'db', 'grafana', 'nginx', 'postgres-exporter', 'prometheus', 'redis', 'redis-exporter']);
  });

  it.each(services)('%s: image pinned to an exact version tag (or built, with a versioned name)', (_name, svc) => {
    const image = String(svc.image);
    const tag = image.match(/:([^:/@]+)$/)?.[1];
    expect(tag, image).toBeDefined();
    expect(tag).not.toBe('latest');
    // An exact version: major.minor.patch, optionally v-prefixed and with a variant suffix.
    // PostgreSQL releases are numbered major.minor (16.6 is one exact release).
    const exact = image.startsWith('postgres:') ? /^\d+\.\d+(-[a-z0-9.-]+)?$/ : /^v?\d+\.\d+\.\d+(-[a-z0-9.-]+)?$/;
    expect(tag).toMatch(exact);
  });

  it.each(services)('%s: healthcheck, restart: unless-stopped, cpu and memory limits', (_name, svc) => {
    expect(Array.isArray(svc.healthcheck?.test)).toBe(true);
    expect(['CMD', 'CMD-SHELL']).toContain(svc.healthcheck.test[0]);
    expect(svc.healthcheck.disable).toBeUndefined();
    for (const k of ['interval', 'timeout', 'retries']) expect(svc.healthcheck, k).toHaveProperty(k);
    expect(svc.restart).toBe('unless-stopped');
    expect(svc.deploy?.resources?.limits?.cpus).toMatch(/^\d+(\.\d+)?$/);
    expect(svc.deploy?.resources?.limits?.memory).toMatch(/^\d+[MG]$/);
  });

  it.each(services)('%s: json-file logging with rotation', (_name, svc) => {
    expect(svc.logging?.driver).toBe('json-file');
    expect(svc.logging?.options?.['max-size']).toMatch(/^\d+m$/);
    expect(svc.logging?.options?.['max-file']).toMatch(/^\d+$/);
  });

  it.each(services)('%s: hardened (no-new-privileges, read-only root, all capabilities dropped, non-root user)', (_name, svc) => {
    expect(svc.security_opt).toEqual(['no-new-privileges:true']);
    expect(svc.read_only).toBe(true);
    expect(svc.cap_drop).toEqual(['ALL']);
    expect(svc.cap_add).toBeUndefined();
    expect(typeof svc.user).toBe('string');
    expect(String(svc.user).split(':')[0]).not.toMatch(/^(root|0)$/);
    for (const key of ['privileged', 'network_mode', 'pid', 'ipc', 'uts', 'userns_mode', 'devices', 'device_cgroup_rules', 'container_name', 'volumes_from', 'links']) {
      expect(svc, key).not.toHaveProperty(key);
    }
    const text = JSON.stringify(svc);
    expect(text).not.toContain('docker.sock');
    expect(text).not.toMatch(/unconfined|label:disable/);
  });

  it.each(services)('%s: depends_on only through condition: service_healthy on services that have a health check', (_name, svc) => {
    if (svc.depends_on === undefined) return;
    expect(Array.isArray(svc.depends_on)).toBe(false);
    for (const [dep, spec] of Object.entries(svc.depends_on as Record<string, any>)) {
      expect(spec.condition, dep).toBe('service_healthy');
      expect(base.services[dep]?.healthcheck, dep).toBeDefined();
    }
  });

  it.each(services)('%s: bind mounts are read-only and exist; secrets only through files', (_name, svc) => {
    for (const mount of bindMounts(svc)) {
      expect(mount, 'read-only bind mount').toMatch(/:ro$/);
      const source = mount.split(':')[0];
      expect(existsSync(join(STACK_DIR, source)), source).toBe(true);
      for (const sensitive of ['/var/run', '/etc', '/proc', '/sys', '/dev', '/root', '/boot']) expect(source.startsWith(sensitive)).toBe(false);
    }
    for (const [key, value] of Object.entries(environmentOf(svc))) {
      if (/PASS|SECRET|TOKEN|KEY|CREDENTIAL/i.test(key)) {
        expect(key, 'a secret-named variable must point at a secret file').toMatch(/_FILE$/);
        expect(value).toMatch(/^\/run\/secrets\/[a-z_]+$/);
        const secretName = value.slice('/run/secrets/'.length);
        expect(svc.secrets, `${key} needs the ${secretName} secret`).toContain(secretName);
      }
      expect(value, 'no credentials in URLs').not.toMatch(/:\/\/[^/\s:@]+:[^/\s@]+@/);
    }
  });

  it('publishes exactly one port, nginx\'s, quoted, with an explicit host address', () => {
    const published = services.filter(([, svc]) => svc.ports !== undefined).map(([name]) => name);
    expect(published).toEqual(['nginx']);
    const ports = base.services.nginx.ports as unknown[];
    expect(ports).toHaveLength(1);
    expect(typeof ports[0]).toBe('string');
    const [hostIp, hostPort, containerPort] = interpolate(String(ports[0]), {}).split(':');
    expect(hostIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(hostPort).toMatch(/^\d+$/);
    expect(containerPort).toBe('8080');
    const raw = readFileSync(join(STACK_DIR, 'compose.yaml'), 'utf8');
    expect(raw).toContain(`- "${ports[0]}"`);
    expect(base.services.api.expose).toEqual(['8000']);
  });

  it('gives the API two replicas, one GPU each, and the model weights read-only', () => {
    const api = base.services.api;
    expect(api.deploy.replicas).toBe(2);
    expect(api.deploy.resources.reservations.devices).toEqual([{ driver: 'nvidia', count: 1, capabilities: ['gpu'] }]);
    expect(api.volumes).toContain('./models:/models:ro');
    expect(api.networks).toEqual(['frontend', 'backend']);
    expect(api.build).toEqual({ context: './api', dockerfile: 'Dockerfile' });
    expect(environmentOf(api).MODEL_PATH).toBe('/models/resnet18.pt');
  });

  it('keeps PostgreSQL and Redis on the internal backend network only, with persistent named volumes', () => {
    const nets = base.networks!;
    expect(nets.backend).toMatchObject({ internal: true });
    expect(nets.monitoring).toMatchObject({ internal: true });
    expect(nets.frontend?.internal).not.toBe(true);
    for (const name of DATASTORES) {
      const svc = base.services[name];
      expect(svc.networks, name).toEqual(['backend']);
      for (const net of svc.networks as string[]) expect(nets[net]?.internal, `${name} on ${net}`).toBe(true);
    }
    expect(base.services.db.volumes).toEqual(['postgres_data:/var/lib/postgresql/data', './init-db:/docker-entrypoint-initdb.d:ro']);
    expect(base.services.redis.volumes).toEqual(['redis_data:/data']);
    expect(base.services.nginx.networks).toEqual(['frontend']);
    expect(Object.keys(base.volumes ?? {}).sort()).toEqual(['grafana_data', 'postgres_data', 'prometheus_data', 'redis_data']);
  });

  it('checks PostgreSQL with pg_isready and configures Redis for LRU eviction and AOF persistence', () => {
    expect(base.services.db.healthcheck.test[1]).toMatch(/^pg_isready /);
    const script = String(base.services.redis.command[2]);
    expect(script).toContain('--maxmemory-policy allkeys-lru --appendonly yes');
    expect(script).toContain('requirepass $$(cat /run/secrets/redis_password)');
    expect(base.services.redis.secrets).toEqual(['redis_password']);
  });

  it('declares every secret with a file under secrets/, a committed .example, and nothing literal', () => {
    const secrets = base.secrets!;
    const used = new Set(services.flatMap(([, svc]) => (svc.secrets ?? []) as string[]));
    expect(Object.keys(secrets).sort()).toEqual([...used].sort());
    for (const [name, spec] of Object.entries(secrets)) {
      expect(Object.keys(spec), name).toEqual(['file']);
      expect(spec.file).toMatch(/^\.\/secrets\/[a-z_]+\.(txt|json)$/);
      expect(existsSync(join(STACK_DIR, `${spec.file}.example`)), `${spec.file}.example`).toBe(true);
    }
  });
});

describe('ml-stack: variables, .env.example and .gitignore', () => {
  const documented = new Set(
    readFileSync(join(STACK_DIR, '.env.example'), 'utf8')
      .split('\n')
      .map((l) => l.match(/^([A-Z_][A-Z0-9_]*)=/)?.[1])
      .filter((v): v is string => !!v),
  );

  it.each(FILES)('%s: every variable has a default or is required with a message, and .env.example documents it', (file) => {
    const raw = readFileSync(join(STACK_DIR, file), 'utf8');
    const doc = loadCompose(file);
    for (const s of allStrings(doc)) {
      for (const m of s.replace(/\$\$/g, '').matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
        expect(m[3], `bare $${m[3]} in ${s}`).toBeUndefined();
        expect(m[2], `\${${m[1]}} needs :- or :?`).toMatch(/^(:-.*|:\?.+)$/);
      }
      for (const name of variablesIn(s)) expect(documented, `${file}: ${name}`).toContain(name);
    }
    expect(raw).not.toMatch(/^version:/m);
  });

  it('.env.example documents only variables that the compose files use', () => {
    const used = new Set(FILES.flatMap((f) => allStrings(loadCompose(f)).flatMap(variablesIn)));
    for (const name of documented) expect(used, name).toContain(name);
  });

  const git = which('git');
  const inGitRepo = !!git && spawnSync(git, ['-C', STACK_DIR, 'rev-parse', '--git-dir'], { timeout: 10_000 }).status === 0;
  it.skipIf(!inGitRepo)('.gitignore ignores the real secrets and .env, but not their templates', () => {
    const ignored = (path: string) => spawnSync(git!, ['-C', STACK_DIR, 'check-ignore', '-q', '--no-index', path], { timeout: 10_000 }).status === 0;
    for (const spec of Object.values(base.secrets!)) {
      const path = String(spec.file).replace(/^\.\//, '');
      expect(ignored(path), path).toBe(true);
      expect(ignored(`${path}.example`), `${path}.example`).toBe(false);
    }
    expect(ignored('.env')).toBe(true);
    expect(ignored('.env.example')).toBe(false);
    expect(ignored('models/resnet18.pt')).toBe(true);
    expect(ignored('models/README.md')).toBe(false);
  });
});

describe('ml-stack: override files', () => {
  const dev = loadCompose('compose.override.yaml');
  const prod = loadCompose('compose.prod.yaml');

  it('development mounts the API source read-only and turns on debug logging, without publishing ports', () => {
    expect(dev.services.api.volumes).toEqual(['./api:/app:ro']);
    expect(environmentOf(dev.services.api).LOG_LEVEL).toBe('DEBUG');
    expect(dev.services.api.command).toContain('--reload');
    for (const [name, svc] of Object.entries(dev.services)) expect(svc.ports, name).toBeUndefined();
  });

  it('production scales the API up and raises limits, changing nothing about security', () => {
    expect(prod.services.api.deploy.replicas).toBeGreaterThan(base.services.api.deploy.replicas);
    expect(prod.services.api.deploy.resources.limits).toMatchObject({ cpus: expect.any(String), memory: expect.any(String) });
    for (const [name, svc] of Object.entries(prod.services as ComposeFile['services'])) {
      for (const key of ['ports', 'privileged', 'user', 'security_opt', 'read_only', 'cap_add', 'network_mode', 'secrets', 'volumes', 'image']) {
        expect(svc, `${name}.${key}`).not.toHaveProperty(key);
      }
      if (svc.logging) expect(svc.logging.options['max-size'], name).toBeDefined();
    }
  });
});

describe('ml-stack: the API image', () => {
  const dockerfile = readFileSync(join(STACK_DIR, 'api', 'Dockerfile'), 'utf8');
  const lines = dockerfile.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));

  it('uses a pinned slim base, a non-root USER and a HEALTHCHECK', () => {
    const froms = lines.filter((l) => /^FROM /.test(l));
    expect(froms.length).toBeGreaterThan(0);
    for (const from of froms) expect(from).toMatch(/^FROM python:\d+\.\d+\.\d+-slim-[a-z]+( AS \w+)?$/);
    const users = lines.filter((l) => /^USER /.test(l));
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER (root|0)(:|$)/);
    expect(users.at(-1)).toBe(`USER ${base.services.api.user}`);
    expect(lines.some((l) => /^HEALTHCHECK /.test(l))).toBe(true);
    expect(lines.some((l) => /^CMD \["gunicorn"/.test(l))).toBe(true);
  });

  it('installs dependencies before copying the code, so code changes reuse the dependency layer', () => {
    const copyReqs = lines.findIndex((l) => /^COPY requirements\.txt /.test(l));
    const pip = lines.findIndex((l) => /pip install .*-r /.test(l));
    const copyCode = lines.findIndex((l) => /^COPY .*app\.py/.test(l));
    expect(copyReqs).toBeGreaterThanOrEqual(0);
    expect(pip).toBeGreaterThan(copyReqs);
    expect(copyCode).toBeGreaterThan(pip);
  });

  it('pins every requirement exactly', () => {
    const reqs = readFileSync(join(STACK_DIR, 'api', 'requirements.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(reqs.length).toBeGreaterThanOrEqual(8);
    for (const r of reqs) expect(r).toMatch(/^[a-z0-9-]+==\d+(\.\d+)+$/);
    for (const pkg of ['flask', 'gunicorn', 'torch', 'torchvision', 'pillow', 'redis', 'psycopg2-binary', 'prometheus-client']) {
      expect(reqs.some((r) => r.startsWith(`${pkg}==`)), pkg).toBe(true);
    }
  });

  it('never downloads weights: the API builds resnet18 without pretrained weights and loads MODEL_PATH', () => {
    const app = readFileSync(join(STACK_DIR, 'api', 'app.py'), 'utf8');
    expect(app).toContain('resnet18(weights=None)');
    expect(app).toContain('weights_only=True');
    expect(app).not.toMatch(/pretrained\s*=\s*True|IMAGENET1K|load_state_dict_from_url|hub\.load/);
  });
});
