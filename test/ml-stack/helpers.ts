// Helpers for the ml-stack tests: locating binaries, free loopback ports,
// bounded waits, child processes that are always stopped, and reading the
// fixture's compose files the way compose would interpolate them.

import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns, type StdioOptions } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const STACK_DIR = join(REPO_ROOT, 'fixtures', 'ml-stack');
export const GUIDE_EXAMPLES_DIR = join(REPO_ROOT, 'fixtures', 'guide-examples');
export const TEST_DIR = join(REPO_ROOT, 'test', 'ml-stack');

/** Absolute path of an executable found on PATH or in one of `extraDirs`, else undefined. */
export function which(name: string, extraDirs: string[] = []): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), ...extraDirs];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      const st = statSync(candidate);
      if (st.isFile() && (st.mode & 0o111) !== 0) return candidate;
    } catch {
      // not there
    }
  }
  return undefined;
}

/** PostgreSQL server binaries: PATH first, then Debian's /usr/lib/postgresql/<newest>/bin. */
export function postgresBinDirs(): string[] {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(base, v, 'bin'))
    .filter((d) => existsSync(join(d, 'initdb')));
}

export const PYTHON_MODULES = ['torch', 'torchvision', 'flask', 'redis', 'psycopg2', 'prometheus_client', 'PIL', 'gunicorn'];

/**
 * A Python interpreter that can import every module the API needs. Debian's
 * python3-* packages live in /usr/bin/python3, which a version manager's
 * `python3` on PATH may shadow, so that one is tried first.
 */
export function findPython(modules: string[] = PYTHON_MODULES): { python?: string; missing: string[] } {
  const candidates = ['/usr/bin/python3', which('python3')].filter((p): p is string => !!p && existsSync(p));
  let best: { python?: string; missing: string[] } = { missing: modules.map((m) => `python module ${m}`) };
  for (const python of [...new Set(candidates)]) {
    const script = `import importlib.util, json; print(json.dumps([m for m in ${JSON.stringify(modules)} if importlib.util.find_spec(m) is None]))`;
    const r = spawnSync(python, ['-c', script], { encoding: 'utf8', timeout: 20_000 });
    if (r.status !== 0) continue;
    const missing = (JSON.parse(r.stdout.trim()) as string[]).map((m) => `python module ${m}`);
    if (missing.length === 0) return { python, missing: [] };
    if (missing.length < best.missing.length) best = { python, missing };
  }
  return best;
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** uid/gid of a local account, from /etc/passwd. */
export function lookupUser(name: string): { uid: number; gid: number } | undefined {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const f = line.split(':');
      if (f[0] === name && f.length >= 4) return { uid: Number(f[2]), gid: Number(f[3]) };
    }
  } catch {
    // no passwd file
  }
  return undefined;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes; rethrows the last error on timeout. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await sleep(intervalMs);
  }
}

/** Runs a command to completion and throws, with its output, when it fails. */
export function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string; timeoutMs?: number; allowFailure?: boolean } = {}): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    env: opts.env ?? process.env,
    cwd: opts.cwd,
    input: opts.input,
    timeout: opts.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
  });
  if (!opts.allowFailure && (r.status !== 0 || r.error)) {
    const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
    throw new Error(`${cmd} ${args.join(' ')} failed (${why})\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  }
  return r;
}

// Last-resort cleanup if the test process exits without running afterAll
// (a crashed worker, an interrupted run): synchronous, by the ids we started.
const exitCleanups = new Set<() => void>();
let exitHookInstalled = false;

/** Registers a synchronous cleanup to run at process exit; returns its unregister function. */
export function onExitCleanup(fn: () => void): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const cleanup of exitCleanups) {
        try {
          cleanup();
        } catch {
          // best effort
        }
      }
    });
  }
  exitCleanups.add(fn);
  return () => exitCleanups.delete(fn);
}

/** A long-running child process in its own process group, with the tail of its output kept for diagnostics. */
export class ManagedProcess {
  readonly child: ChildProcess;
  private output = '';
  private exited = false;
  exitCode: number | null = null;

  private readonly logFile?: string;

  /**
   * `logFile` sends stdout and stderr to a file instead of pipes. Node's pipes
   * are sockets, and programs that open /dev/stdout or /dev/stderr themselves
   * (nginx) cannot open a socket that way; a file, like a container's pipe, works.
   */
  constructor(readonly name: string, cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; logFile?: string } = {}) {
    let stdio: StdioOptions = ['ignore', 'pipe', 'pipe'];
    if (opts.logFile) {
      this.logFile = opts.logFile;
      const fd = openSync(opts.logFile, 'a');
      stdio = ['ignore', fd, fd];
    }
    this.child = spawn(cmd, args, { env: opts.env ?? process.env, cwd: opts.cwd, detached: true, stdio });
    if (typeof stdio[1] === 'number') closeSync(stdio[1]);
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-20_000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    const pid = this.child.pid;
    const unregister = pid === undefined ? () => false : onExitCleanup(() => process.kill(-pid, 'SIGKILL'));
    this.child.on('exit', (code) => {
      this.exited = true;
      this.exitCode = code;
      unregister();
    });
    this.child.on('error', (error) => {
      this.exited = true;
      this.output += `\n[spawn error] ${error.message}`;
    });
  }

  get running(): boolean {
    return !this.exited;
  }

  get log(): string {
    if (this.logFile) {
      try {
        return readFileSync(this.logFile, 'utf8').slice(-20_000);
      } catch {
        return '';
      }
    }
    return this.output;
  }

  /** SIGTERM to the whole process group, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    const pid = this.child.pid;
    if (pid === undefined || this.exited) return;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-pid, signal);
      } catch {
        // already gone
      }
    };
    signalGroup('SIGTERM');
    const deadline = Date.now() + graceMs;
    while (!this.exited && Date.now() < deadline) await sleep(50);
    if (!this.exited) {
      signalGroup('SIGKILL');
      const killDeadline = Date.now() + 5_000;
      while (!this.exited && Date.now() < killDeadline) await sleep(50);
    }
  }
}

// ---------------------------------------------------------------------------
// Compose files

export type ComposeFile = {
  name?: string;
  version?: unknown;
  services: Record<string, Record<string, any>>;
  networks?: Record<string, Record<string, any> | null>;
  volumes?: Record<string, Record<string, any> | null>;
  secrets?: Record<string, Record<string, any>>;
  [key: string]: unknown;
};

export function loadYaml(path: string): any {
  return parseYaml(readFileSync(path, 'utf8'), { merge: true, maxAliasCount: -1 });
}

export function loadCompose(file = 'compose.yaml'): ComposeFile {
  return loadYaml(join(STACK_DIR, file)) as ComposeFile;
}

/** The names of the variables a string interpolates (`$$` escapes excluded). */
export function variablesIn(text: string): string[] {
  const names: string[] = [];
  const re = /\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  for (const m of text.matchAll(re)) {
    if (m[1] === '$') continue;
    names.push(m[2] ?? m[3]);
  }
  return names;
}

/**
 * Compose-style interpolation of one string: ${VAR}, ${VAR:-default}, ${VAR-default},
 * ${VAR:?message}, ${VAR?message}, $VAR, and $$ for a literal $.
 */
export function interpolate(text: string, vars: Record<string, string | undefined>): string {
  return text.replace(/\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_all, first, name, op, arg, bare) => {
    if (first === '$') return '$';
    if (bare) return vars[bare] ?? '';
    const value = vars[name];
    const unsetOrEmpty = value === undefined || value === '';
    switch (op) {
      case ':-':
        return unsetOrEmpty ? arg : value!;
      case '-':
        return value === undefined ? arg : value;
      case ':?':
        if (unsetOrEmpty) throw new Error(`required variable ${name}: ${arg}`);
        return value!;
      case '?':
        if (value === undefined) throw new Error(`required variable ${name}: ${arg}`);
        return value;
      default:
        return value ?? '';
    }
  });
}

/** `environment:` in list or mapping form, as a mapping of raw (uninterpolated) strings. */
export function environmentOf(service: Record<string, any>): Record<string, string> {
  const env = service.environment;
  const out: Record<string, string> = {};
  if (Array.isArray(env)) {
    for (const item of env) {
      const s = String(item);
      const eq = s.indexOf('=');
      if (eq < 0) out[s] = '';
      else out[s.slice(0, eq)] = s.slice(eq + 1);
    }
  } else if (env && typeof env === 'object') {
    for (const [k, v] of Object.entries(env)) out[k] = v === null ? '' : String(v);
  }
  return out;
}

/** Every string value anywhere in a parsed YAML document. */
export function allStrings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) node.forEach((n) => allStrings(n, out));
  else if (node && typeof node === 'object') Object.values(node).forEach((n) => allStrings(n, out));
  return out;
}

/** Replaces exactly one occurrence of `search` and fails loudly when there is none or several. */
export function replaceOnce(text: string, search: string, replacement: string, what = search): string {
  const first = text.indexOf(search);
  if (first < 0) throw new Error(`expected to find ${JSON.stringify(what)} exactly once, found none`);
  if (text.indexOf(search, first + search.length) >= 0) throw new Error(`expected to find ${JSON.stringify(what)} exactly once, found several`);
  return text.slice(0, first) + replacement + text.slice(first + search.length);
}
