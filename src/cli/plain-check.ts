import { fstatSync } from 'node:fs';
import { builtin } from '../lazy-builtin.ts';
import type { CheckOptions } from './check.ts';

/**
 * The paths of `check PATH...` with no option: how hooks and CI call us. That command line
 * is run without commander (src/cli/bin.ts), since loading it and building every command
 * is a noticeable share of a cold run. Anything else (options, `--`, other commands) gives
 * undefined and goes to commander.
 */
export function plainCheckPaths(args: string[]): string[] | undefined {
  if (args[0] !== 'check') return undefined;
  const paths = args.slice(1);
  return paths.every((arg) => arg !== '' && !arg.startsWith('-')) ? paths : undefined;
}

/**
 * The options commander hands the `check` action when none is written
 * (test/cli/plain-check.test.ts keeps the two in step), with colour decided as that action does.
 */
export function plainCheckOptions(env: Readonly<Record<string, string | undefined>>): CheckOptions {
  const options = { file: [], envFile: [], profile: [], format: 'text', rule: [], inlineSuppressions: true, color: true } as unknown as CheckOptions;
  return { ...options, color: options.color && !env.NO_COLOR && isTerminal(1) };
}

/**
 * Whether the descriptor is a terminal. Loading node:tty costs a cold run ~6 ms (it brings in
 * net and streams), and only a character device can be a terminal, so hooks and CI, which
 * write to a pipe or a file, never load it.
 */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return builtin<typeof import('node:tty')>('node:tty').isatty(fd);
}
