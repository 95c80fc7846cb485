import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { InputError } from './input-error.ts';

/** Read a text file the user named, or fail with a one-line reason naming it. */
export function readTextFile(path: string, what = 'file'): string {
  const shown = displayPath(path);
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    throw new InputError(`${what} not found: ${shown}${reasonSuffix(error)}`);
  }
  if (stat.isDirectory()) throw new InputError(`${what} is a directory: ${shown}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError(`cannot read ${what} ${shown}${reasonSuffix(error)}`);
  }
  return decodeText(bytes, shown);
}

/** Decode UTF-8 (or UTF-16 with a BOM); files with NUL bytes are not text. */
export function decodeText(bytes: Buffer, shown: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (bytes.includes(0)) throw new InputError(`not a text file (it contains NUL bytes): ${shown}`);
  return bytes.toString('utf8');
}

function reasonSuffix(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return '';
  if (code === 'EACCES') return ' (permission denied)';
  return code ? ` (${code})` : '';
}

/** Paths are shown relative to the working directory, with `/` separators. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path) || '.';
  return rel.split('\\').join('/');
}
