// Throwaway instances of the stack's services on 127.0.0.1, started from the
// fixture's own files (init-db scripts, the redis command from compose.yaml,
// the API code and its gunicorn config, nginx.conf).

import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ManagedProcess,
  STACK_DIR,
  environmentOf,
  freePort,
  interpolate,
  isRoot,
  loadCompose,
  lookupUser,
  onExitCleanup,
  postgresBinDirs,
  replaceOnce,
  run,
  waitFor,
  which,
} from './helpers.ts';

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `ml-stack-${prefix}-`));
}

// ---------------------------------------------------------------------------
// PostgreSQL

export type Postgres = {
  host: string;
  port: number;
  db: string;
  user: string;
  password: string;
  /** psql as the database owner; throws on error. */
  psql(sql: string, opts?: { user?: string; password?: string; allowFailure?: boolean }): { stdout: string; stderr: string; status: number | null };
  stop(): Promise<void>;
};

/** Which binaries the PostgreSQL part needs, and what is missing. */
export function postgresRequirements(): { missing: string[]; initdb?: string; pgCtl?: string; psql?: string; pgIsready?: string; runAs?: string } {
  const dirs = postgresBinDirs();
  const initdb = which('initdb', dirs);
  const pgCtl = which('pg_ctl', dirs);
  const psql = which('psql', dirs);
  const pgIsready = which('pg_isready', dirs);
  const missing: string[] = [];
  if (!initdb) missing.push('initdb');
  if (!pgCtl) missing.push('pg_ctl');
  if (!psql) missing.push('psql');
  if (!pgIsready) missing.push('pg_isready');
  let runAs: string | undefined;
  if (isRoot()) {
    // initdb and postgres refuse to run as root: use an unprivileged account.
    runAs = lookupUser('postgres') ? 'postgres' : lookupUser('nobody') ? 'nobody' : undefined;
    if (!runAs) missing.push('a non-root account (postgres or nobody) to run PostgreSQL');
    if (!which('runuser', ['/usr/sbin', '/sbin'])) missing.push('runuser');
  }
  return { missing, initdb, pgCtl, psql, pgIsready, runAs };
}

export async function startPostgres(opts: { db: string; user: string; password: string }): Promise<Postgres> {
  const req = postgresRequirements();
  if (req.missing.length) throw new Error(`cannot start PostgreSQL: missing ${req.missing.join(', ')}`);
  const dir = makeTempDir('pg');
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'sock');
  const pwFile = join(dir, 'pwfile');
  mkdirSync(socketDir);
  writeFileSync(pwFile, `${opts.password}\n`, { mode: 0o600 });
  const runuser = which('runuser', ['/usr/sbin', '/sbin']);
  const asServer = (cmd: string, args: string[]): [string, string[]] => (req.runAs && runuser ? [runuser, ['-u', req.runAs, '--', cmd, ...args]] : [cmd, args]);
  if (req.runAs) {
    const account = lookupUser(req.runAs)!;
    for (const p of [dir, socketDir, pwFile]) chownSync(p, account.uid, account.gid);
  }

  const port = await freePort();
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  const [initCmd, initArgs] = asServer(req.initdb!, [
    '-D', dataDir, '-U', opts.user, `--pwfile=${pwFile}`, '--auth-local=scram-sha-256', '--auth-host=scram-sha-256',
    '-E', 'UTF8', '--locale=C', '--no-sync',
  ]);
  run(initCmd, initArgs, { env, cwd: dir, timeoutMs: 60_000 });

  const serverOptions = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${socketDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const [ctlCmd, ctlStart] = asServer(req.pgCtl!, ['-D', dataDir, '-l', join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '30', 'start']);
  let started = false;
  const killPostmaster = () => {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 1) process.kill(pid, 'SIGQUIT');
  };
  let unregisterExit: () => unknown = () => undefined;
  const stop = async () => {
    if (!started) return;
    started = false;
    unregisterExit();
    const [cmd, args] = asServer(req.pgCtl!, ['-D', dataDir, '-m', 'fast', '-w', '-t', '20', 'stop']);
    const r = run(cmd, args, { env, cwd: dir, timeoutMs: 30_000, allowFailure: true });
    if (r.status !== 0) {
      // pg_ctl could not stop it: signal the postmaster we started, by its pid.
      try {
        killPostmaster();
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(ctlCmd, ctlStart, { env, cwd: dir, timeoutMs: 45_000 });
    started = true;
    unregisterExit = onExitCleanup(killPostmaster);
  } catch (error) {
    let log = '';
    try {
      log = readFileSync(join(dir, 'server.log'), 'utf8');
    } catch {
      // no log
    }
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n--- server.log\n${log}`);
  }

  const psql: Postgres['psql'] = (sql, o = {}) => {
    const r = run(
      req.psql!,
      ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-A', '-t', '-h', '127.0.0.1', '-p', String(port), '-U', o.user ?? opts.user, '-d', opts.db, '-c', sql],
      { env: { ...env, PGPASSWORD: o.password ?? opts.password, PGCONNECT_TIMEOUT: '5' }, allowFailure: o.allowFailure, timeoutMs: 30_000 },
    );
    return { stdout: r.stdout.trim(), stderr: r.stderr, status: r.status };
  };

  try {
    // What the postgres image's entrypoint does on an empty volume: create
    // POSTGRES_DB, then run /docker-entrypoint-initdb.d/* in order.
    run(req.psql!, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', opts.user, '-d', 'postgres', '-c', `CREATE DATABASE "${opts.db}"`], {
      env: { ...env, PGPASSWORD: opts.password },
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { host: '127.0.0.1', port, db: opts.db, user: opts.user, password: opts.password, psql, stop };
}

/** The init-db scripts in the order the postgres entrypoint runs them. */
export function initDbScripts(): string[] {
  const dir = join(STACK_DIR, 'init-db');
  return readdirSync(dir)
    .filter((f) => /\.(sql|sh)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

// ---------------------------------------------------------------------------
// Redis, started with the command that compose.yaml gives the redis service

export type Redis = {
  port: number;
  password: string;
  cli(args: string[], opts?: { auth?: boolean }): string;
  /** compose.yaml's redis health check, pointed at this instance. */
  healthcheck(passwordFile: string): number | null;
  process: ManagedProcess;
  stop(): Promise<void>;
};

/** compose.yaml's redis command: ["sh", "-c", SCRIPT, "$0"]. */
export function composeRedisCommand(): { script: string; argv0: string } {
  const command = loadCompose().services.redis.command;
  if (!Array.isArray(command) || command.length !== 4 || command[0] !== 'sh' || command[1] !== '-c') {
    throw new Error(`unexpected redis command shape: ${JSON.stringify(command)}`);
  }
  return { script: String(command[2]), argv0: String(command[3]) };
}

/** A string from compose.yaml as the container sees it: compose turns `$$` into `$`; nothing else may be interpolated. */
export function containerShell(text: string): string {
  if (/\$\{|\$[A-Za-z_]/.test(text.replace(/\$\$/g, ''))) throw new Error(`expected no compose interpolation in: ${text}`);
  return text.replace(/\$\$/g, '$');
}

export async function startRedis(passwordFile: string): Promise<Redis> {
  const redisServer = which('redis-server');
  const redisCli = which('redis-cli');
  if (!redisServer || !redisCli) throw new Error('redis-server and redis-cli are needed');
  const { script, argv0 } = composeRedisCommand();
  const shellScript = replaceOnce(containerShell(script), '/run/secrets/redis_password', passwordFile, 'the redis password secret path');
  const password = readFileSync(passwordFile, 'utf8').replace(/[\r\n]+$/, '');
  const dir = makeTempDir('redis');
  const port = await freePort();
  // Extra arguments after the script reach redis-server through "$@" and, coming
  // last, override the container defaults: loopback only, a free port, a temp dir.
  const proc = new ManagedProcess('redis', 'sh', ['-c', shellScript, argv0, '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--daemonize', 'no', '--save', ''], { cwd: dir });
  const cli = (args: string[], o: { auth?: boolean } = {}) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (o.auth !== false) env.REDISCLI_AUTH = password;
    else delete env.REDISCLI_AUTH;
    return run(redisCli, ['-h', '127.0.0.1', '-p', String(port), ...args], { env, timeoutMs: 10_000 }).stdout.trim();
  };
  const healthcheck = (pwFile: string) => {
    const test = loadCompose().services.redis.healthcheck.test as string[];
    if (test[0] !== 'CMD-SHELL') throw new Error('expected a CMD-SHELL redis health check');
    let cmd = replaceOnce(containerShell(test[1]), '/run/secrets/redis_password', pwFile, 'the redis password secret path');
    cmd = replaceOnce(cmd, 'redis-cli -h 127.0.0.1', `redis-cli -h 127.0.0.1 -p ${port}`, 'redis-cli -h 127.0.0.1');
    const env = { ...process.env };
    delete env.REDISCLI_AUTH;
    return run('sh', ['-c', cmd], { env, allowFailure: true, timeoutMs: 10_000 }).status;
  };
  const stop = async () => {
    await proc.stop(5_000);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor('redis to answer PING', async () => proc.running && cli(['ping']) === 'PONG', 15_000, 100);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- redis output\n${proc.log}`);
  }
  return { port, password, cli, healthcheck, process: proc, stop };
}

// ---------------------------------------------------------------------------
// The inference API under gunicorn, configured from compose.yaml's environment

export type Api = { port: number; baseUrl: string; env: Record<string, string>; process: ManagedProcess; stop(): Promise<void> };

/**
 * The API service's environment from compose.yaml, interpolated with `vars`,
 * with container-only locations mapped onto this machine.
 */
export function apiEnvironment(vars: Record<string, string>, map: { modelsDir: string; secretsDir: string; dbPort: number; redisPort: number }): Record<string, string> {
  const raw = environmentOf(loadCompose().services.api);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    let v = interpolate(value, vars);
    if (v.startsWith('/models/')) v = join(map.modelsDir, v.slice('/models/'.length));
    if (v.startsWith('/run/secrets/')) v = join(map.secretsDir, v.slice('/run/secrets/'.length));
    env[key] = v;
  }
  env.DB_HOST = '127.0.0.1';
  env.DB_PORT = String(map.dbPort);
  env.REDIS_HOST = '127.0.0.1';
  env.REDIS_PORT = String(map.redisPort);
  return env;
}

export async function startApi(python: string, env: Record<string, string>): Promise<Api> {
  const port = await freePort();
  const apiDir = join(STACK_DIR, 'api');
  const proc = new ManagedProcess(
    'api',
    python,
    ['-m', 'gunicorn', '--config', join(apiDir, 'gunicorn.conf.py'), '--chdir', apiDir, '--bind', `127.0.0.1:${port}`, '--workers', '1', '--threads', '4', 'app:create_app()'],
    {
      cwd: apiDir,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/tmp',
        LANG: 'C.UTF-8',
        PYTHONDONTWRITEBYTECODE: '1',
        OMP_NUM_THREADS: '2',
        ...env,
      },
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor('the API to answer /health', async () => {
      if (!proc.running) throw new Error(`gunicorn exited with ${proc.exitCode}`);
      return (await http('GET', `${baseUrl}/health`)).status === 200;
    }, 60_000, 250);
  } catch (error) {
    await proc.stop(5_000);
    throw new Error(`${(error as Error).message}\n--- gunicorn output\n${proc.log}`);
  }
  return { port, baseUrl, env, process: proc, stop: () => proc.stop(15_000) };
}

// ---------------------------------------------------------------------------
// nginx with the shipped nginx.conf

/**
 * The shipped nginx.conf with only what ties it to the container changed: the
 * listen address (a free loopback port instead of 8080 on every interface),
 * the API upstream (the test's gunicorn instead of Docker's DNS name "api")
 * and /tmp (a private temp dir). Each substitution must match exactly once,
 * so any other change to the shipped file keeps its meaning in the test.
 */
export function nginxConfForTest(opts: { listenPort: number; apiPort: number; tmp: string }): string {
  let conf = readFileSync(join(STACK_DIR, 'nginx', 'nginx.conf'), 'utf8');
  conf = replaceOnce(conf, 'listen 8080;', `listen 127.0.0.1:${opts.listenPort};`);
  conf = replaceOnce(conf, 'server api:8000 ', `server 127.0.0.1:${opts.apiPort} `);
  conf = conf.split('/tmp/').join(`${opts.tmp}/`);
  return conf;
}

export type Nginx = { port: number; baseUrl: string; process: ManagedProcess; stop(): Promise<void> };

export async function startNginx(apiPort: number): Promise<Nginx> {
  const nginx = which('nginx', ['/usr/sbin', '/sbin']);
  if (!nginx) throw new Error('nginx is needed');
  const dir = makeTempDir('nginx');
  chmodSync(dir, 0o755);
  const port = await freePort();
  const confPath = join(dir, 'nginx.conf');
  writeFileSync(confPath, nginxConfForTest({ listenPort: port, apiPort, tmp: dir }));
  // Workers run as the invoking user so they can write the temp dirs; the master stays in the foreground.
  const globals = isRoot() ? 'daemon off; user root;' : 'daemon off;';
  const proc = new ManagedProcess('nginx', nginx, ['-p', dir, '-c', confPath, '-e', join(dir, 'error.log'), '-g', globals], { logFile: join(dir, 'output.log') });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await proc.stop(5_000);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor('nginx to answer /nginx-health', async () => {
      if (!proc.running) throw new Error(`nginx exited with ${proc.exitCode}`);
      return (await http('GET', `${baseUrl}/nginx-health`)).status === 200;
    }, 15_000, 100);
  } catch (error) {
    let log = proc.log;
    try {
      log += readFileSync(join(dir, 'error.log'), 'utf8');
    } catch {
      // none
    }
    await stop();
    throw new Error(`${(error as Error).message}\n--- nginx output\n${log}`);
  }
  return { port, baseUrl, process: proc, stop };
}

export type HttpResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string; json<T = any>(): T };

/**
 * One HTTP request on a fresh connection (no keep-alive pool, so no request
 * ever races a server closing an idle connection), with a bounded wait.
 */
export function http(method: string, url: string, opts: { headers?: Record<string, string>; body?: Buffer } = {}): Promise<HttpResponse> {
  return new Promise((resolveRequest, reject) => {
    const headers = { ...opts.headers, ...(opts.body ? { 'content-length': String(opts.body.length) } : {}) };
    const req = httpRequest(url, { method, headers, agent: false, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolveRequest({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

export const httpGet = (url: string) => http('GET', url);

/** POST a file as multipart/form-data field `field`, as `curl -F field=@file` would. */
export function postFile(url: string, data: Buffer, opts: { field?: string; filename?: string; contentType?: string } = {}): Promise<HttpResponse> {
  const boundary = `----ml-stack-test-${Date.now().toString(16)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${opts.filename ?? 'test.png'}"\r\n` +
      `Content-Type: ${opts.contentType ?? 'image/png'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return http('POST', url, { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: Buffer.concat([head, data, tail]) });
}
