import { InputError } from '../load/input-error.ts';
import type { Formatter } from './report-input.ts';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

/** Formatters load on demand: a text run never loads the SARIF code. */
export async function formatterFor(format: string): Promise<Formatter> {
  switch (format) {
    case 'text':
      return (await import('./text.ts')).formatText;
    case 'json':
      return (await import('./json.ts')).formatJson;
    case 'sarif':
      return (await import('./sarif.ts')).formatSarif;
    case 'github':
      return (await import('./github.ts')).formatGithub;
    default:
      throw new InputError(`invalid --format ${format}: expected ${FORMATS.join(', ')}`);
  }
}
