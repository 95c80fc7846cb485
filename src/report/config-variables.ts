import { setOwn } from '../load/nodes.ts';
import type { LoadedProject } from '../load/project.ts';
import { displayPath } from '../load/read-file.ts';
import { isSecretName } from '../lint/model/secret-names.ts';

/**
 * `config --variables`: every variable the project's files use, with its
 * default, whether it is required, and where its value comes from. Compose
 * prints NAME, REQUIRED, DEFAULT VALUE and ALTERNATE VALUE; SOURCE is ours.
 * Defaults of secret-named variables are masked, as everywhere we print.
 */

export interface VariableRow {
  name: string;
  required: boolean;
  defaultValue: string;
  /** The `${VAR:+alt}` text used when the variable is set. */
  alternateValue: string;
  source: 'environment' | 'env-file' | 'default' | 'unset';
  /** For env-file: the file (relative to the working directory) and line. */
  file?: string;
  line?: number;
}

export function collectVariables(project: LoadedProject, cwd: string): VariableRow[] {
  const rows = new Map<string, VariableRow>();
  for (const ref of project.variables) {
    let row = rows.get(ref.name);
    if (!row) rows.set(ref.name, (row = { name: ref.name, required: false, defaultValue: '', alternateValue: '', source: 'unset' }));
    if (ref.required) row.required = true;
    const text = ref.defaultText ?? '';
    if ((ref.operator === ':-' || ref.operator === '-') && row.defaultValue === '') row.defaultValue = text;
    if ((ref.operator === ':+' || ref.operator === '+') && row.alternateValue === '') row.alternateValue = text;
  }
  for (const row of rows.values()) {
    const source = project.env.sourceOf(row.name);
    if (source?.kind === 'environment') row.source = 'environment';
    else if (source?.kind === 'env-file') {
      row.source = 'env-file';
      row.file = displayPath(source.path, cwd);
      row.line = source.line;
    } else if (row.defaultValue !== '') row.source = 'default';
    if (isSecretName(row.name)) {
      row.defaultValue = mask(row.defaultValue);
      row.alternateValue = mask(row.alternateValue);
    }
  }
  return [...rows.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function mask(value: string): string {
  return value === '' ? '' : `${value.slice(0, 2)}****`;
}

function sourceText(row: VariableRow): string {
  return row.source === 'env-file' ? `${row.file}:${row.line}` : row.source;
}

/** Columns as compose's table writer sets them: at least 20 wide, 3 spaces of padding. */
export function formatVariablesTable(rows: VariableRow[]): string {
  const table = [
    ['NAME', 'REQUIRED', 'DEFAULT VALUE', 'ALTERNATE VALUE', 'SOURCE'],
    ...rows.map((row) => [row.name, String(row.required), row.defaultValue, row.alternateValue, sourceText(row)]),
  ];
  const widths = table[0].map((_, column) => Math.max(20, ...table.map((cells) => cells[column].length + 3)));
  return table.map((cells) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('').trimEnd()).join('\n') + '\n';
}

/** JSON keyed by name with compose's fields (Name, DefaultValue, PresenceValue, Required) plus where the value comes from. */
export function formatVariablesJson(rows: VariableRow[]): string {
  const out: Record<string, unknown> = {};
  for (const row of rows) {
    setOwn(out, row.name, {
      Name: row.name,
      DefaultValue: row.defaultValue,
      PresenceValue: row.alternateValue,
      Required: row.required,
      Source: row.source,
      ...(row.source === 'env-file' ? { File: row.file, Line: row.line } : {}),
    });
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}
