import { setFlagsFromString } from 'node:v8';

/**
 * Patterns built from repository content (.gitignore globs, policy and option regexes) could
 * backtrack for hours on a crafted input; past a backtrack limit V8 then finishes the match with
 * its linear-time engine. Regexes compile on first use, so calling this at startup covers them.
 */
export function enableLinearRegExpFallback(): void {
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
}
