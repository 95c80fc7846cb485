import { builtin } from '../lazy-builtin.ts';

let fallbackEnabled = false;

/**
 * A regular expression written by a user (an option's pattern, a policy schema's `pattern`).
 * One could backtrack for hours on a crafted value; with the V8 flag set here, past a
 * backtrack limit V8 finishes such a match with its linear-time engine. The flag applies to
 * regexes created after it is set, so it is set before the first of these is built, and only
 * then: loading node:v8 costs a cold run ~5 ms that runs without user regexes do not pay.
 * Globs never become regexes (src/lint/glob.ts matches them in linear time).
 */
export function userRegExp(source: string, flags?: string): RegExp {
  enableLinearRegExpFallback();
  return new RegExp(source, flags);
}

/** For code that builds user regexes itself: ajv compiling a policy schema's patterns. */
export function enableLinearRegExpFallback(): void {
  if (fallbackEnabled) return;
  fallbackEnabled = true;
  builtin<typeof import('node:v8')>('node:v8').setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
}
