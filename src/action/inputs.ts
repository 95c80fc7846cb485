import { InputError } from '../load/input-error.ts';
import { FORMATS } from '../report/formatters.ts';

/** The action's inputs (action.yml); defaults repeat action.yml's for runs outside the runner. */
export interface ActionInputs {
  /** Paths or globs, whitespace- or newline-separated; empty: discover like `compose-lint check`. */
  files: string;
  config?: string;
  /** Format printed to the log. */
  format: string;
  sarifFile: string;
  failOn?: string;
  annotations: boolean;
  workingDirectory: string;
}

/** The process environment as the runner sets it. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The runner passes input `sarif-file` as INPUT_SARIF-FILE: upper-cased, spaces turned into
 * underscores, dashes kept. Read directly so the bundle needs no @actions/core.
 */
export function getInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function readInputs(env: Env): ActionInputs {
  const format = getInput(env, 'format') || 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new InputError(`invalid input format: ${format} (expected ${FORMATS.join(', ')})`);
  }
  return {
    files: getInput(env, 'files'),
    config: getInput(env, 'config') || undefined,
    format,
    sarifFile: getInput(env, 'sarif-file') || 'compose-lint.sarif',
    failOn: getInput(env, 'fail-on') || undefined,
    annotations: readBoolean(env, 'annotations', true),
    workingDirectory: getInput(env, 'working-directory') || '.',
  };
}

// The YAML 1.2 core schema booleans, which is what GitHub's own boolean inputs accept.
function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const value = getInput(env, name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`invalid input ${name}: ${value} (expected true or false)`);
}
