import { InputError } from '../load/input-error.ts';
import { terminalSafe } from '../report/terminal-safe.ts';
import { writeStd } from '../stdio.ts';

/** Say on stderr why a run failed and return its exit code (2: bad input, or a bug of ours). */
export function reportFailure(error: unknown): number {
  if (error instanceof InputError) {
    void writeStd(2, `compose-lint: ${oneLine(error.message)}\n`);
  } else {
    const reason = error instanceof Error ? error.message : String(error);
    void writeStd(2, `compose-lint: internal error: ${oneLine(reason)} (please report it)\n`);
  }
  return 2;
}

/** The first line, with control characters escaped: messages quote file names and config keys. */
function oneLine(text: string): string {
  return terminalSafe(text.split('\n')[0]);
}

/** Write the whole report to standard output (see writeStd). */
export function flushStdout(text: string): Promise<void> {
  return writeStd(1, text);
}
