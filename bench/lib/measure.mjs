// Runs one command and measures it: wall time in this process (hrtime around the child's
// whole life); peak memory and CPU time (user + system, every thread) from GNU `/usr/bin/time`
// when present, else from a preloaded hook that records the child's process.resourceUsage().
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PEAK_HOOK = fileURLToPath(new URL('./peak-rss.cjs', import.meta.url));
const GNU_TIME = '/usr/bin/time';
/** Output kept for the report; the rest is only counted. */
const KEEP_BYTES = 64 * 1024;
/** Peak RSS in KB, then user and system CPU seconds. */
const FORMAT = '%M %U %S';

/** Which peak-memory source this machine has. */
export const memorySource = (() => {
  // BENCH_NO_GNU_TIME=1 exercises the fallback on a machine that has GNU time.
  if (!existsSync(GNU_TIME) || process.env.BENCH_NO_GNU_TIME === '1') return 'resourceUsage';
  const probe = spawnSync(GNU_TIME, ['-f', FORMAT, 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+ [\d.]+ [\d.]+\s*$/m.test(probe.stderr) ? 'gnu-time' : 'resourceUsage';
})();

let counter = 0;

/**
 * @param {string[]} nodeArgs arguments to `node` (every benchmarked command is a Node program)
 * @param {{ cwd: string, env?: Record<string, string | undefined>, timeoutMs: number, scratch: string }} options
 * @returns {Promise<{ wallMs: number, cpuMs: number | null, peakMB: number | null, code: number | null, signal: string | null, timedOut: boolean, stdout: string, stdoutBytes: number, stderr: string }>}
 */
export function measure(nodeArgs, options) {
  const memFile = join(options.scratch, `peak-${process.pid}-${counter++}.txt`);
  const env = { ...process.env, ...options.env };
  let argv;
  if (memorySource === 'gnu-time') {
    argv = [GNU_TIME, '-f', FORMAT, '-o', memFile, process.execPath, ...nodeArgs];
  } else {
    argv = [process.execPath, '--require', PEAK_HOOK, ...nodeArgs];
    env.BENCH_PEAK_FILE = memFile;
  }
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    // Own process group, so a timeout kills node and not only /usr/bin/time.
    const child = spawn(argv[0], argv.slice(1), { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out = { text: '', bytes: 0 };
    const err = { text: '', bytes: 0 };
    const keep = (sink) => (chunk) => {
      sink.bytes += chunk.length;
      if (sink.text.length < KEEP_BYTES) sink.text += chunk.toString('utf8', 0, Math.min(chunk.length, KEEP_BYTES - sink.text.length));
    };
    child.stdout.on('data', keep(out));
    child.stderr.on('data', keep(err));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      resolve({ wallMs, ...readUsage(memFile), code, signal, timedOut, stdout: out.text, stdoutBytes: out.bytes, stderr: err.text });
    });
  });
}

/** Both sources write "KB user-seconds system-seconds" as the last line (GNU time may put a note before it). */
function readUsage(file) {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const [kb, user, system] = lines[lines.length - 1].split(' ').map(Number);
    return {
      peakMB: Number.isFinite(kb) && kb > 0 ? kb / 1024 : null,
      cpuMs: Number.isFinite(user) && Number.isFinite(system) ? (user + system) * 1000 : null,
    };
  } catch {
    return { peakMB: null, cpuMs: null };
  } finally {
    rmSync(file, { force: true });
  }
}
