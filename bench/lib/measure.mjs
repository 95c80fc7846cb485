// Runs one command and measures it: wall time in this process (hrtime around the child's
// whole life), peak memory from GNU `/usr/bin/time` when present, else from a preloaded
// hook that records the child's own process.resourceUsage().maxRSS at exit.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PEAK_HOOK = fileURLToPath(new URL('./peak-rss.cjs', import.meta.url));
const GNU_TIME = '/usr/bin/time';
/** Output kept for the report; the rest is only counted. */
const KEEP_BYTES = 64 * 1024;

/** Which peak-memory source this machine has. */
export const memorySource = (() => {
  if (!existsSync(GNU_TIME)) return 'resourceUsage';
  const probe = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+\s*$/m.test(probe.stderr) ? 'gnu-time' : 'resourceUsage';
})();

let counter = 0;

/**
 * @param {string[]} nodeArgs arguments to `node` (every benchmarked command is a Node program)
 * @param {{ cwd: string, env?: Record<string, string | undefined>, timeoutMs: number, scratch: string }} options
 * @returns {Promise<{ wallMs: number, peakMB: number | null, code: number | null, signal: string | null, timedOut: boolean, stdout: string, stdoutBytes: number, stderr: string }>}
 */
export function measure(nodeArgs, options) {
  const memFile = join(options.scratch, `peak-${process.pid}-${counter++}.txt`);
  const env = { ...process.env, ...options.env };
  let argv;
  if (memorySource === 'gnu-time') {
    argv = [GNU_TIME, '-f', '%M', '-o', memFile, process.execPath, ...nodeArgs];
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
      resolve({ wallMs, peakMB: readPeak(memFile), code, signal, timedOut, stdout: out.text, stdoutBytes: out.bytes, stderr: err.text });
    });
  });
}

/** GNU time writes KB as the last line (after a "Command exited..." note); the hook writes KB too. */
function readPeak(file) {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const kb = Number(lines[lines.length - 1]);
    return Number.isFinite(kb) && kb > 0 ? kb / 1024 : null;
  } catch {
    return null;
  } finally {
    rmSync(file, { force: true });
  }
}
