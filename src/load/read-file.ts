import { readFileSync, statSync, type Stats } from 'node:fs';
import { relative } from 'node:path';
import { InputError } from './input-error.ts';

/** No compose, env or config file comes near this; reading more only serves to exhaust memory. */
export const MAX_TEXT_BYTES = 256 * 1024 * 1024;

export interface ReadTextOptions {
  /** Keep invalid UTF-8 (as U+FFFD) instead of refusing the file: compose reads env files as bytes. */
  lenientUtf8?: boolean;
}

/** Read a text file the user named, or fail with a one-line reason naming it. */
export function readTextFile(path: string, what = 'file', options: ReadTextOptions = {}): string {
  return decodeText(readFileBytes(path, what), displayPath(path), !options.lenientUtf8);
}

/**
 * The bytes of a regular file. A FIFO or a device (say a committed symlink to
 * /dev/zero or /dev/stdin) would hang the run or exhaust memory, so it is
 * refused; the null device reads as empty, as `-c /dev/null` users expect.
 */
export function readFileBytes(path: string, what = 'file'): Buffer {
  const shown = displayPath(path);
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    throw new InputError(`${what} not found: ${shown}${reasonSuffix(error)}`);
  }
  if (stat.isDirectory()) throw new InputError(`${what} is a directory: ${shown}`);
  if (!stat.isFile()) {
    if (isNullDevice(stat)) return Buffer.alloc(0);
    throw new InputError(`${what} is not a regular file: ${shown}`);
  }
  if (stat.size > MAX_TEXT_BYTES) throw new InputError(`${what} is larger than ${MAX_TEXT_BYTES / 1024 / 1024} MB: ${shown}`);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new InputError(`cannot read ${what} ${shown}${reasonSuffix(error)}`);
  }
}

function isNullDevice(stat: Stats): boolean {
  if (!stat.isCharacterDevice()) return false;
  try {
    return statSync('/dev/null').rdev === stat.rdev;
  } catch {
    return false;
  }
}

/**
 * Decode UTF-8 (or UTF-16 with a BOM); files with NUL bytes are not text.
 * Invalid UTF-8 is refused (compose's YAML reader refuses it too) unless
 * `strictUtf8` is false.
 */
export function decodeText(bytes: Buffer, shown: string, strictUtf8 = false): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (bytes.includes(0)) throw new InputError(`not a text file (it contains NUL bytes): ${shown}`);
  if (strictUtf8) {
    try {
      return STRICT_UTF8.decode(bytes);
    } catch {
      const bad = firstInvalidUtf8(bytes);
      const { line, column } = textPosition(bytes.subarray(0, bad).toString('utf8'));
      throw new InputError(`not valid UTF-8 (first bad byte at line ${line}, column ${column}); save the file as UTF-8: ${shown}`);
    }
  }
  return bytes.toString('utf8');
}

// ignoreBOM keeps a leading BOM in the text, as Buffer#toString does; createSourceFile drops it.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let length: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let codePoint = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (c & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += length;
  }
  return bytes.length;
}

/** 1-based line and column just after `prefix`, counting lines the way source.ts does. */
function textPosition(prefix: string): { line: number; column: number } {
  const lines = prefix.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
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
