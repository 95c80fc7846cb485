// The stack's configuration files, checked by the tools that will read them:
// nginx -t, promtool, and Grafana's provisioning format.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK_DIR, environmentOf, isRoot, loadCompose, loadYaml, run, which } from './helpers.ts';
import { makeTempDir, nginxConfForTest } from './services.ts';

const nginx = which('nginx', ['/usr/sbin', '/sbin']);
const promtool = which('promtool');
const unshare = which('unshare');
const nginxConf = join(STACK_DIR, 'nginx', 'nginx.conf');

/** Can this process make a private mount namespace (root, and a kernel/sandbox that allows it)? */
function canUnshareMounts(): boolean {
  if (!unshare || !isRoot()) return false;
  const r = spawnSync(unshare, ['--mount', '--fork', 'true'], { timeout: 10_000 });
  return r.status === 0;
}

describe.skipIf(!nginx)(`nginx.conf${nginx ? '' : ' [SKIPPED: nginx is not installed; apt-get install nginx]'}`, () => {
  it('passes nginx -t unchanged, with the compose service names resolvable as in the container', () => {
    const dir = makeTempDir('nginx-t');
    const log = join(dir, 'nginx-t.log');
    const readLog = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
    try {
      if (canUnshareMounts()) {
        // The file byte for byte. Only the environment is container-like: "api"
        // resolves (Docker's DNS does that in the stack) and /tmp is a private
        // tmpfs, so nothing is written to the host's /tmp.
        const hosts = join(dir, 'hosts');
        writeFileSync(hosts, '127.0.0.1 localhost\n127.0.0.1 api\n127.0.0.1 grafana\n');
        // Output goes to a file: the config logs to /dev/stderr, which nginx re-opens,
        // and that works on a file or pipe (as in a container) but not on Node's socket.
        // (The log and the config are opened before the tmpfs hides the temp dir, and with it
        // a checkout that lives under /tmp: nginx reads the config through that descriptor.)
        const script = `exec 3>"${log}" 4<"${nginxConf}" && mount --bind "${hosts}" /etc/hosts && mount -t tmpfs -o size=16m tmpfs /tmp && exec "${nginx}" -t -q -c /dev/fd/4 >&3 2>&3`;
        const r = run(unshare!, ['--mount', '--fork', 'sh', '-c', script], { allowFailure: true, timeoutMs: 30_000 });
        expect(r.status, `${r.stderr}${readLog()}`).toBe(0);
      } else {
        // No private mount namespace: test a copy in which only the container
        // specifics (listen port, "api" upstream, /tmp) are swapped, each exactly once.
        const conf = join(dir, 'nginx.conf');
        writeFileSync(conf, nginxConfForTest({ listenPort: 18080, apiPort: 18000, tmp: dir }));
        const script = `exec "${nginx}" -t -q -p "${dir}" -c "${conf}" >"${log}" 2>&1`;
        const r = run('sh', ['-c', script], { allowFailure: true, timeoutMs: 30_000 });
        expect(r.status, `${r.stderr}${readLog()}`).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps every writable path on the /tmp tmpfs that compose mounts, and listens on the published container port', () => {
    const conf = readFileSync(nginxConf, 'utf8');
    const compose = loadCompose();
    const svc = compose.services.nginx;
    expect(svc.read_only).toBe(true);
    expect((svc.tmpfs as string[]).some((t) => t.split(':')[0] === '/tmp')).toBe(true);
    for (const m of conf.matchAll(/^\s*(pid|client_body_temp_path|proxy_temp_path|fastcgi_temp_path|uwsgi_temp_path|scgi_temp_path)\s+(\S+);/gm)) {
      expect(m[2], m[1]).toMatch(/^\/tmp\//);
    }
    const listen = [...conf.matchAll(/^\s*listen\s+(\d+);/gm)].map((m) => m[1]);
    expect(listen).toEqual(['8080']);
    const published = (svc.ports as string[]).map((p) => p.split(':').pop());
    expect(published).toEqual(['8080']);
    // The upstream names a service on nginx's own network.
    const upstreams = [...conf.matchAll(/^\s*server\s+([a-z0-9-]+):(\d+)/gm)].map((m) => [m[1], m[2]]);
    expect(upstreams).toEqual([['api', '8000']]);
    expect(compose.services.api.expose).toContain('8000');
    for (const [name] of upstreams) {
      const shared = (compose.services[name].networks as string[]).filter((n) => (svc.networks as string[]).includes(n));
      expect(shared, `${name} shares a network with nginx`).not.toHaveLength(0);
    }
  });
});

describe.skipIf(!promtool)(`prometheus${promtool ? '' : ' [SKIPPED: promtool is not installed; apt-get install prometheus]'}`, () => {
  it('prometheus.yml passes promtool check config (rule files included)', () => {
    const r = run(promtool!, ['check', 'config', join(STACK_DIR, 'prometheus', 'prometheus.yml')], { allowFailure: true });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/SUCCESS/);
  });

  it('alerts.yml passes promtool check rules', () => {
    const r = run(promtool!, ['check', 'rules', join(STACK_DIR, 'prometheus', 'alerts.yml')], { allowFailure: true });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  });
});

describe('prometheus scrape targets match the compose services', () => {
  it('scrapes every API replica, both exporters and Grafana on networks Prometheus shares with them', () => {
    const compose = loadCompose();
    const prom = loadYaml(join(STACK_DIR, 'prometheus', 'prometheus.yml'));
    const promNets = compose.services.prometheus.networks as string[];
    const targets: { job: string; host: string; port: string }[] = [];
    for (const job of prom.scrape_configs) {
      for (const sc of job.static_configs ?? []) {
        for (const t of sc.targets as string[]) {
          const [host, port] = t.split(':');
          targets.push({ job: job.job_name, host, port });
        }
      }
      for (const dns of job.dns_sd_configs ?? []) for (const host of dns.names as string[]) targets.push({ job: job.job_name, host, port: String(dns.port) });
    }
    const byJob = Object.fromEntries(targets.map((t) => [t.job, `${t.host}:${t.port}`]));
    expect(byJob).toMatchObject({ 'ml-api': 'api:8000', postgres: 'postgres-exporter:9187', redis: 'redis-exporter:9121', grafana: 'grafana:3000' });
    for (const { job, host } of targets) {
      if (host === 'localhost') continue;
      const svc = compose.services[host];
      expect(svc, `${job}: service ${host}`).toBeDefined();
      const shared = (svc.networks as string[]).filter((n) => promNets.includes(n));
      expect(shared, `${job}: prometheus shares a network with ${host}`).not.toHaveLength(0);
    }
    // The API is discovered by DNS so that each replica is its own target.
    expect(prom.scrape_configs.find((j: any) => j.job_name === 'ml-api').dns_sd_configs[0]).toMatchObject({ names: ['api'], type: 'A', port: 8000 });
  });
});

describe('grafana provisioning', () => {
  const root = join(STACK_DIR, 'grafana', 'provisioning');

  it('provisions the Prometheus datasource at the compose service address', () => {
    const ds = loadYaml(join(root, 'datasources', 'prometheus.yaml'));
    expect(ds.apiVersion).toBe(1);
    expect(ds.datasources).toHaveLength(1);
    expect(ds.datasources[0]).toMatchObject({ uid: 'prometheus', type: 'prometheus', url: 'http://prometheus:9090', isDefault: true });
    const compose = loadCompose();
    const shared = (compose.services.grafana.networks as string[]).filter((n) => (compose.services.prometheus.networks as string[]).includes(n));
    expect(shared).toContain('monitoring');
  });

  it('has a dashboard provider pointing at the folder compose mounts', () => {
    const provider = loadYaml(join(root, 'dashboards', 'provider.yaml'));
    expect(provider.apiVersion).toBe(1);
    const path: string = provider.providers[0].options.path;
    const mount = (loadCompose().services.grafana.volumes as string[]).find((v) => v.startsWith('./grafana/provisioning:'));
    expect(mount).toBe('./grafana/provisioning:/etc/grafana/provisioning:ro');
    expect(path).toBe('/etc/grafana/provisioning/dashboards');
    // No provisioning file may contain "$": Grafana expands environment variables in them.
    for (const sub of ['datasources', 'dashboards']) {
      for (const f of readdirSync(join(root, sub)).filter((n) => n.endsWith('.yaml'))) {
        expect(readFileSync(join(root, sub, f), 'utf8'), f).not.toContain('$');
      }
    }
  });

  it('ships a dashboard JSON for the API metrics that only uses the provisioned datasource', () => {
    const files = readdirSync(join(root, 'dashboards')).filter((n) => n.endsWith('.json'));
    expect(files).toEqual(['ml-inference-api.json']);
    const dashboard = JSON.parse(readFileSync(join(root, 'dashboards', files[0]), 'utf8'));
    expect(dashboard.uid).toBe('ml-inference-api');
    expect(typeof dashboard.title).toBe('string');
    expect(dashboard.panels.length).toBeGreaterThan(5);
    const ids = dashboard.panels.map((p: any) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) {
      expect(panel.datasource, panel.title).toEqual({ type: 'prometheus', uid: 'prometheus' });
      expect(panel.gridPos, panel.title).toMatchObject({ w: expect.any(Number), h: expect.any(Number) });
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
      for (const t of panel.targets) {
        expect(t.expr, panel.title).toMatch(/\S/);
        expect(t.datasource?.uid ?? 'prometheus').toBe('prometheus');
      }
    }
    const exprs = dashboard.panels.flatMap((p: any) => p.targets.map((t: any) => t.expr)).join('\n');
    for (const metric of ['prediction_requests_total', 'prediction_duration_seconds_bucket', 'cache_hits_total', 'cache_misses_total', 'pg_up', 'redis_up']) {
      expect(exprs).toContain(metric);
    }
    // Job label used in the dashboard exists in prometheus.yml.
    const jobs = loadYaml(join(STACK_DIR, 'prometheus', 'prometheus.yml')).scrape_configs.map((j: any) => j.job_name);
    for (const m of exprs.matchAll(/job="([^"]+)"/g)) expect(jobs).toContain(m[1]);
  });
});

describe('exporter credentials', () => {
  it("redis-exporter's password map is keyed by the exact REDIS_ADDR it scrapes", () => {
    const env = environmentOf(loadCompose().services['redis-exporter']);
    const example = JSON.parse(readFileSync(join(STACK_DIR, 'secrets', 'redis_exporter_passwords.json.example'), 'utf8'));
    expect(Object.keys(example)).toEqual([env.REDIS_ADDR]);
    expect(env.REDIS_PASSWORD_FILE).toBe('/run/secrets/redis_exporter_password_map');
  });

  it('postgres-exporter logs in as the role init-db creates, with the same secret', () => {
    const compose = loadCompose();
    const exporter = environmentOf(compose.services['postgres-exporter']);
    const db = environmentOf(compose.services.db);
    expect(exporter.DATA_SOURCE_USER).toBe(db.POSTGRES_EXPORTER_USER);
    expect(exporter.DATA_SOURCE_PASS_FILE).toBe(db.POSTGRES_EXPORTER_PASSWORD_FILE);
    expect(existsSync(join(STACK_DIR, 'init-db', '02-monitoring-role.sh'))).toBe(true);
  });
});
