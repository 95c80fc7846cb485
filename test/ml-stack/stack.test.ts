// End to end, without a Docker engine: the fixture's PostgreSQL schema and
// init scripts, the redis command from compose.yaml, the real inference API
// under gunicorn with a ResNet-18 of random weights, and nginx with the
// shipped nginx.conf in front of it. Everything listens on 127.0.0.1 only and
// is stopped in afterAll.

import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACK_DIR, TEST_DIR, environmentOf, findPython, interpolate, loadCompose, loadYaml, replaceOnce, run, which } from './helpers.ts';
import {
  apiEnvironment,
  containerShell,
  http,
  httpGet,
  initDbScripts,
  makeTempDir,
  postFile,
  postgresRequirements,
  startApi,
  startNginx,
  startPostgres,
  startRedis,
  type Api,
  type Nginx,
  type Postgres,
  type Redis,
} from './services.ts';

const pyProbe = findPython();
const pgReq = postgresRequirements();
const missing = [
  ...pgReq.missing,
  ...(['redis-server', 'redis-cli'].filter((b) => !which(b))),
  ...(which('nginx', ['/usr/sbin', '/sbin']) ? [] : ['nginx']),
  ...pyProbe.missing,
];
const skipReason = missing.length
  ? ` [SKIPPED: not installed: ${missing.join(', ')}; install the packages in test/ml-stack/apt-packages.txt]`
  : '';
if (skipReason) console.warn(`ml-stack end-to-end tests${skipReason}`);

// The values a real .env would give the required variables.
const VARS: Record<string, string> = {
  POSTGRES_DB: 'mlapp',
  POSTGRES_USER: 'mlapp',
  POSTGRES_EXPORTER_USER: 'postgres_exporter',
  CACHE_TTL_SECONDS: '600',
  LOG_LEVEL: 'INFO',
};

type PredictResponse = {
  prediction_id: number | null;
  image_sha256: string;
  model: string;
  model_version: string;
  device: string;
  predictions: { rank: number; class_id: number; label: string | null; confidence: number }[];
  inference_ms: number;
  cached: boolean;
};

describe.skipIf(missing.length > 0)(`ml-stack end to end (PostgreSQL, Redis, API, nginx)${skipReason}`, () => {
  let work: string;
  let secretsDir: string;
  let modelsDir: string;
  let imagePath: string;
  let image: Buffer;
  let pg: Postgres | undefined;
  let redis: Redis | undefined;
  let api: Api | undefined;
  let nginx: Nginx | undefined;
  let first: PredictResponse;

  const secret = (name: string) => join(secretsDir, name);

  const predict = (baseUrl: string, body: Buffer, filename = 'test.png') => postFile(`${baseUrl}/predict`, body, { filename });

  beforeAll(async () => {
    work = makeTempDir('e2e');
    secretsDir = join(work, 'secrets');
    modelsDir = join(work, 'models');
    mkdirSync(secretsDir, { mode: 0o700 });
    // Random hex values, like the ones secrets/README.md tells operators to generate.
    const rand = () => randomBytes(32).toString('hex');
    writeFileSync(secret('postgres_password'), `${rand()}\n`);
    writeFileSync(secret('postgres_exporter_password'), `${rand()}\n`);
    writeFileSync(secret('redis_password'), `${rand()}\n`);

    imagePath = join(work, 'test.png');
    const assets = run(pyProbe.python!, [join(TEST_DIR, 'make_test_assets.py'), modelsDir, imagePath], {
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
      timeoutMs: 90_000,
    });
    expect(JSON.parse(assets.stdout.trim().split('\n').pop()!).model).toBe(join(modelsDir, 'resnet18.pt'));
    image = readFileSync(imagePath);

    const pgPassword = readFileSync(secret('postgres_password'), 'utf8').trim();
    // Both at once; whichever started is kept for afterAll even if the other failed.
    const [pgStart, redisStart] = await Promise.allSettled([
      startPostgres({ db: VARS.POSTGRES_DB, user: VARS.POSTGRES_USER, password: pgPassword }),
      startRedis(secret('redis_password')),
    ]);
    if (pgStart.status === 'fulfilled') pg = pgStart.value;
    if (redisStart.status === 'fulfilled') redis = redisStart.value;
    for (const r of [pgStart, redisStart]) if (r.status === 'rejected') throw r.reason;
    applyInitScripts(pg!);

    const env = apiEnvironment(VARS, { modelsDir, secretsDir, dbPort: pg!.port, redisPort: redis!.port });
    api = await startApi(pyProbe.python!, env);
    nginx = await startNginx(api.port);
  }, 150_000);

  afterAll(async () => {
    // Reverse start order; each stop is bounded and never throws.
    for (const stop of [nginx?.stop, api?.stop, redis?.stop, pg?.stop]) {
      if (stop) await stop().catch(() => undefined);
    }
    if (work) rmSync(work, { recursive: true, force: true });
  }, 60_000);

  function applyInitScripts(db: Postgres) {
    const env = {
      ...process.env,
      PGHOST: db.host,
      PGPORT: String(db.port),
      PGPASSWORD: db.password,
      POSTGRES_USER: VARS.POSTGRES_USER,
      POSTGRES_DB: VARS.POSTGRES_DB,
      POSTGRES_EXPORTER_USER: VARS.POSTGRES_EXPORTER_USER,
      POSTGRES_EXPORTER_PASSWORD_FILE: secret('postgres_exporter_password'),
    };
    const psqlBin = pgReq.psql!;
    for (const script of initDbScripts()) {
      if (script.endsWith('.sql')) {
        run(psqlBin, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', db.host, '-p', String(db.port), '-U', db.user, '-d', db.db, '-f', script], { env });
      } else {
        // Executable scripts are executed by the entrypoint (here: /bin/sh) ...
        run('sh', [script], { env });
        // ... and non-executable ones sourced by its bash; both must work, and re-running must be harmless.
        if (which('bash')) run('bash', ['-c', `. "${script}"`], { env });
      }
    }
  }

  it('applies init-db: the predictions table, its indexes and the recent_predictions view', () => {
    const tables = pg!.psql("SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r','v','i')").stdout;
    expect(tables.split(',')).toEqual(
      expect.arrayContaining(['predictions', 'recent_predictions', 'predictions_image_sha256_idx', 'predictions_created_at_idx', 'predictions_top_class_idx']),
    );
    // The CHECK constraint rejects anything but a lowercase SHA-256.
    const bad = pg!.psql(
      "INSERT INTO predictions (image_sha256, model_name, model_version, device, top_class, confidence, predictions, inference_ms) VALUES ('nothex', 'm', 'v', 'cpu', 1, 0.5, '[]', 1)",
      { allowFailure: true },
    );
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/check constraint/);
  });

  it('creates the exporter role: pg_monitor member, password from its secret file, no access to application data', () => {
    const pw = readFileSync(secret('postgres_exporter_password'), 'utf8').trim();
    const asExporter = (sql: string) => pg!.psql(sql, { user: VARS.POSTGRES_EXPORTER_USER, password: pw, allowFailure: true });
    const member = asExporter("SELECT pg_has_role(current_user, 'pg_monitor', 'member')");
    expect(member.status, member.stderr).toBe(0);
    expect(member.stdout).toBe('t');
    expect(asExporter('SELECT count(*) FROM pg_stat_activity').status).toBe(0);
    const denied = asExporter('SELECT count(*) FROM public.predictions');
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toMatch(/permission denied/);
    // A wrong password is refused (scram-sha-256, as in the container).
    expect(pg!.psql('SELECT 1', { user: VARS.POSTGRES_EXPORTER_USER, password: 'wrong', allowFailure: true }).status).not.toBe(0);
  });

  it("passes compose.yaml's db health check (pg_isready over TCP)", () => {
    const test = loadCompose().services.db.healthcheck.test as string[];
    expect(test[0]).toBe('CMD-SHELL');
    const cmd = replaceOnce(containerShell(test[1]), '-p 5432', `-p ${pg!.port}`);
    const isready = pgReq.pgIsready!;
    const env = { ...process.env, POSTGRES_USER: VARS.POSTGRES_USER, POSTGRES_DB: VARS.POSTGRES_DB, PATH: `${isready.replace(/\/pg_isready$/, '')}:${process.env.PATH}` };
    expect(run('sh', ['-c', cmd], { env, allowFailure: true }).status).toBe(0);
  });

  it("runs redis with compose.yaml's settings and the password from the secret file only", () => {
    expect(redis!.cli(['config', 'get', 'maxmemory-policy']).split('\n')).toEqual(['maxmemory-policy', 'allkeys-lru']);
    expect(redis!.cli(['config', 'get', 'appendonly']).split('\n')).toEqual(['appendonly', 'yes']);
    expect(redis!.cli(['config', 'get', 'maxmemory']).split('\n')).toEqual(['maxmemory', String(512 * 1024 * 1024)]);
    expect(redis!.cli(['ping'], { auth: false })).toMatch(/NOAUTH/);
    // The password never reaches redis-server's command line.
    const cmdline = readFileSync(`/proc/${redis!.process.child.pid}/cmdline`, 'utf8');
    expect(cmdline).not.toContain(redis!.password);
    // compose.yaml's health check: healthy with the right secret, unhealthy with a wrong one.
    expect(redis!.healthcheck(secret('redis_password'))).toBe(0);
    const wrong = join(work, 'wrong_password');
    writeFileSync(wrong, 'not-the-password\n');
    expect(redis!.healthcheck(wrong)).not.toBe(0);
  });

  it('takes its configuration from compose.yaml, passwords only through *_FILE paths', () => {
    const raw = environmentOf(loadCompose().services.api);
    for (const [key, value] of Object.entries(raw)) {
      if (/PASSWORD/.test(key)) {
        expect(key).toMatch(/_FILE$/);
        expect(value).toMatch(/^\/run\/secrets\//);
      }
    }
    expect(api!.env.DB_PASSWORD_FILE).toBe(secret('postgres_password'));
    expect(api!.env.REDIS_PASSWORD_FILE).toBe(secret('redis_password'));
    expect(api!.env.MODEL_PATH).toBe(join(modelsDir, 'resnet18.pt'));
    expect(api!.env.DB_NAME).toBe(interpolate('${POSTGRES_DB:?x}', VARS));
    expect(Object.values(api!.env).join('\n')).not.toContain(pg!.password);
  });

  it('GET /health reports the loaded model', async () => {
    const res = await httpGet(`${api!.baseUrl}/health`);
    expect(res.status).toBe(200);
    const body = res.json();
    const weights = readFileSync(join(modelsDir, 'resnet18.pt'));
    expect(body).toMatchObject({ status: 'ok', model: 'resnet18' });
    expect(['cpu', 'cuda']).toContain(body.device);
    expect(body.model_version).toBe(createHash('sha256').update(weights).digest('hex').slice(0, 12));
  });

  it('GET /ready checks the database and the cache', async () => {
    const res = await httpGet(`${api!.baseUrl}/ready`);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', checks: { database: 'ok', cache: 'ok' } });
  });

  it('POST /predict returns the top-5 classes and logs the prediction to PostgreSQL', async () => {
    const res = await predict(api!.baseUrl, image);
    expect(res.status).toBe(200);
    first = res.json() as PredictResponse;
    expect(first.cached).toBe(false);
    expect(first.model).toBe('resnet18');
    expect(first.image_sha256).toBe(createHash('sha256').update(image).digest('hex'));
    expect(first.predictions).toHaveLength(5);
    expect(first.predictions.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5]);
    const confidences = first.predictions.map((p) => p.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    for (const p of first.predictions) {
      expect(p.class_id).toBeGreaterThanOrEqual(0);
      expect(p.class_id).toBeLessThan(1000);
      expect(p.label).toBe(`class_${String(p.class_id).padStart(3, '0')}`);
      expect(p.confidence).toBeGreaterThan(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
    }
    expect(confidences.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-6);
    expect(new Set(first.predictions.map((p) => p.class_id)).size).toBe(5);
    expect(Number.isInteger(first.prediction_id)).toBe(true);

    const row = pg!.psql(
      `SELECT json_build_object('id', id, 'top_class', top_class, 'top_label', top_label, 'model_version', model_version, 'device', device, 'predictions', predictions, 'confidence', confidence) FROM predictions WHERE image_sha256 = '${first.image_sha256}'`,
    ).stdout;
    const logged = JSON.parse(row);
    expect(logged.id).toBe(first.prediction_id);
    expect(logged.top_class).toBe(first.predictions[0].class_id);
    expect(logged.top_label).toBe(first.predictions[0].label);
    expect(logged.model_version).toBe(first.model_version);
    expect(logged.device).toBe(first.device);
    expect(logged.predictions).toEqual(first.predictions);
    expect(logged.confidence).toBeCloseTo(first.predictions[0].confidence, 5);
  });

  it('serves the same image from the Redis cache, keyed by its SHA-256, without a second log row', async () => {
    const res = await predict(api!.baseUrl, image, 'renamed.png');
    expect(res.status).toBe(200);
    const second = res.json() as PredictResponse;
    expect(second.cached).toBe(true);
    expect(second.prediction_id).toBe(first.prediction_id);
    expect(second.predictions).toEqual(first.predictions);

    const key = `prediction:v1:${first.model_version}:${first.image_sha256}`;
    expect(redis!.cli(['exists', key])).toBe('1');
    const ttl = Number(redis!.cli(['ttl', key]));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(Number(VARS.CACHE_TTL_SECONDS));
    expect(pg!.psql(`SELECT count(*) FROM predictions WHERE image_sha256 = '${first.image_sha256}'`).stdout).toBe('1');
  });

  it('rejects requests without a file or with something that is not an image', async () => {
    const none = await http('POST', `${api!.baseUrl}/predict`, { headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: Buffer.from('--x--\r\n') });
    expect(none.status).toBe(400);
    const notImage = await predict(api!.baseUrl, Buffer.from('this is not an image'), 'x.png');
    expect(notImage.status).toBe(400);
    expect(notImage.json().error).toMatch(/not a readable image/);
  });

  it('GET /stats combines PostgreSQL and the cache counters', async () => {
    const res = await httpGet(`${api!.baseUrl}/stats`);
    expect(res.status).toBe(200);
    const stats = res.json();
    expect(stats.total_predictions).toBe(1);
    expect(stats.predictions_last_hour).toBe(1);
    expect(stats.average_confidence).toBeCloseTo(first.predictions[0].confidence, 5);
    expect(stats.cache_hits).toBe(1);
    // The undecodable upload was a cache miss too.
    expect(stats.cache_misses).toBe(2);
    expect(stats.cache_hit_rate).toBeCloseTo(1 / 3, 6);
  });

  it('GET /metrics exposes the Prometheus metrics the dashboard and the alerts query', async () => {
    const res = await httpGet(`${api!.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=\d/);
    const text = res.body;
    const sample = (line: string) => expect(text.split('\n')).toContain(line);
    sample('prediction_requests_total{outcome="computed"} 1.0');
    sample('prediction_requests_total{outcome="cached"} 1.0');
    sample('prediction_requests_total{outcome="bad_request"} 2.0');
    sample('cache_hits_total 1.0');
    sample('cache_misses_total 2.0');
    sample('prediction_duration_seconds_count 2.0');
    sample('model_inference_duration_seconds_count 1.0');
    sample('prediction_requests_total{outcome="error"} 0.0');
    sample('dependency_errors_total{dependency="postgres"} 0.0');
    sample('dependency_errors_total{dependency="redis"} 0.0');
    expect(text).toMatch(new RegExp(`^model_info\\{device="(cpu|cuda)",model="resnet18",version="${first.model_version}"\\} 1\\.0$`, 'm'));

    // Every API metric named in the Grafana dashboard and the Prometheus alerts exists.
    const exposed = new Set([...text.matchAll(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{| )/gm)].map((m) => m[1]));
    const dashboard = JSON.parse(readFileSync(join(STACK_DIR, 'grafana/provisioning/dashboards/ml-inference-api.json'), 'utf8'));
    const exprs: string[] = dashboard.panels.flatMap((p: any) => p.targets.map((t: any) => t.expr));
    const alerts = loadYaml(join(STACK_DIR, 'prometheus/alerts.yml'));
    exprs.push(...alerts.groups.flatMap((g: any) => g.rules.map((r: any) => String(r.expr))));
    const apiMetric = /\b((?:prediction|model|cache|dependency)_[a-z_]+)\b/g;
    const referenced = new Set(exprs.flatMap((e) => [...e.matchAll(apiMetric)].map((m) => m[1])));
    expect(referenced.size).toBeGreaterThanOrEqual(6);
    for (const name of referenced) expect(exposed, `dashboard/alert metric ${name}`).toContain(name);
  });

  it("passes the API container's health check script", () => {
    const script = join(STACK_DIR, 'api', 'healthcheck.py');
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
    expect(run(pyProbe.python!, [script, `${api!.baseUrl}/health`], { env, allowFailure: true }).status).toBe(0);
    expect(run(pyProbe.python!, [script, `http://127.0.0.1:1/health`], { env, allowFailure: true }).status).toBe(1);
  });

  it('answers through nginx with the shipped nginx.conf, which keeps /metrics private', async () => {
    const base = nginx!.baseUrl;
    expect((await httpGet(`${base}/nginx-health`)).body).toBe('ok\n');
    const health = await httpGet(`${base}/health`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body).model).toBe('resnet18');
    expect((await httpGet(`${base}/ready`)).status).toBe(200);
    expect((await httpGet(`${base}/stats`)).status).toBe(200);
    const metrics = await httpGet(`${base}/metrics`);
    expect(metrics.status).toBe(404);
    expect(metrics.body).not.toContain('prediction_requests_total');
    const unknown = await httpGet(`${base}/nope`);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ error: 'not found' });
    expect(unknown.headers.server).toBe('nginx');
    // The upload (~230 KB) is larger than nginx's in-memory body buffer: it goes through client_body_temp_path.
    const viaProxy = await predict(base, image);
    expect(viaProxy.status).toBe(200);
    expect((viaProxy.json() as PredictResponse).cached).toBe(true);
    // Only POST reaches /predict.
    expect((await httpGet(`${base}/predict`)).status).toBe(403);
  });

  it('reports not ready, and keeps serving /health, when Redis goes away', async () => {
    await redis!.stop();
    const res = await httpGet(`${api!.baseUrl}/ready`);
    expect(res.status).toBe(503);
    expect(res.json().checks).toEqual({ database: 'ok', cache: 'error: ConnectionError' });
    expect((await httpGet(`${api!.baseUrl}/health`)).status).toBe(200);
    // Predictions still work without the cache: computed again and logged again.
    const res2 = await predict(api!.baseUrl, image);
    expect(res2.status).toBe(200);
    expect((res2.json() as PredictResponse).cached).toBe(false);
    expect(Number(pg!.psql('SELECT count(*) FROM predictions').stdout)).toBe(2);
  });
});
