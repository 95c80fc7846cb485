import type { DotenvIssue } from './dotenv.ts';
import { parseDotenv } from './dotenv.ts';

/** Where a variable's value came from, for `config --variables` and messages. */
export type VariableSource = { kind: 'environment' } | { kind: 'env-file'; path: string; line: number };

/**
 * The variables a project interpolates with: the process environment wins over
 * the env files (`.env` in the project folder, or every `--env-file` in order,
 * later ones winning), as in docker compose.
 */
export class Environment {
  private readonly fileValues = new Map<string, { value: string; source: VariableSource }>();

  constructor(private readonly processEnv: Readonly<Record<string, string | undefined>>) {}

  lookup = (name: string): string | undefined => {
    const fromProcess = this.fromProcess(name);
    if (fromProcess !== undefined) return fromProcess;
    return this.fileValues.get(name)?.value;
  };

  sourceOf(name: string): VariableSource | undefined {
    if (this.fromProcess(name) !== undefined) return { kind: 'environment' };
    return this.fileValues.get(name)?.source;
  }

  /** Own keys only: `${constructor}` or `${__proto__}` is a variable, not Object.prototype's. */
  private fromProcess(name: string): string | undefined {
    return Object.hasOwn(this.processEnv, name) ? this.processEnv[name] : undefined;
  }

  /** Add an env file's variables; returns the parse issues (never values). */
  addEnvFile(path: string, text: string): DotenvIssue[] {
    const result = parseDotenv(text, this.lookup);
    for (const entry of result.entries) {
      this.fileValues.set(entry.name, { value: entry.value, source: { kind: 'env-file', path, line: entry.line } });
    }
    return result.issues;
  }

  /** Names set by env files, for the rules that compare them with what the compose files use. */
  fileVariableNames(): string[] {
    return [...this.fileValues.keys()];
  }
}
