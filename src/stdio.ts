import { writeSync } from 'node:fs';

let queued = 0;

/**
 * Write to standard output or error now, straight to the descriptor: creating
 * `process.stdout` costs a cold run several milliseconds, and a write that has reached the
 * OS cannot be lost when the process exits. Only what a full non-blocking pipe refuses
 * (EAGAIN) goes through the stream, asynchronously; the promise settles when it is written.
 * A reader that went away (`| head`) is not our failure: the run ends with its exit code.
 */
export function writeStd(fd: 1 | 2, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  const bytes = Buffer.from(text);
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(fd, bytes, written);
    return Promise.resolve();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE' && fd === 1) process.exit(process.exitCode ?? 0);
    if (code !== 'EAGAIN') return Promise.resolve();
  }
  const stream = fd === 1 ? process.stdout : process.stderr;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' && fd === 1) process.exit(process.exitCode ?? 0);
  });
  queued++;
  return new Promise((resolve) => {
    stream.write(bytes.subarray(written), () => {
      queued--;
      resolve();
    });
  });
}

/** Whether every writeStd so far has reached the OS, so that exiting at once loses nothing. */
export function allWritten(): boolean {
  return queued === 0;
}
