import { writeSync } from 'node:fs';
import { InputError } from '../load/input-error.ts';
import { terminalSafe } from '../report/terminal-safe.ts';

/** Say on stderr why a run failed and return its exit code (2: bad input, or a bug of ours). */
export function reportFailure(error: unknown): number {
  if (error instanceof InputError) {
    process.stderr.write(`compose-lint: ${oneLine(error.message)}\n`);
  } else {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`compose-lint: internal error: ${oneLine(reason)} (please report it)\n`);
  }
  return 2;
}

/** The first line, with control characters escaped: messages quote file names and config keys. */
function oneLine(text: string): string {
  return terminalSafe(text.split('\n')[0]);
}

/**
 * Write the whole report to standard output. Straight to fd 1: creating `process.stdout`
 * costs a cold run several milliseconds. A non-blocking pipe that is full (EAGAIN) gets the
 * rest through `process.stdout`; a reader that went away (`| head`) is not our failure.
 */
export function flushStdout(text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  const bytes = Buffer.from(text);
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
    return Promise.resolve();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (code !== 'EAGAIN') return Promise.resolve();
  }
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  return new Promise((resolve) => {
    process.stdout.write(bytes.subarray(written), () => resolve());
  });
}
