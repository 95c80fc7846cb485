/**
 * A compose (or env) file as read from disk, with the line table needed to turn
 * offsets into the 1-based line/column positions that every finding carries.
 */
export interface SourceFile {
  /** Absolute path. */
  readonly path: string;
  /** Text as parsed: a leading BOM removed so columns match what editors show. */
  readonly text: string;
  /** Folder that relative paths written in this file resolve against (compose's rule, not always dirname). */
  readonly baseDir: string;
  /** Offsets at which each line starts; CRLF, LF and lone CR all end a line. */
  readonly lineStarts: number[];
}

export interface Position {
  line: number;
  column: number;
}

export function createSourceFile(path: string, rawText: string, baseDir: string): SourceFile {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  return { path, text, baseDir, lineStarts: computeLineStarts(text) };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(file: SourceFile, offset: number): Position {
  const line = lineNumberAt(file.lineStarts, offset);
  return { line, column: offset - file.lineStarts[line - 1] + 1 };
}

/** 1-based line holding `offset`, by binary search over a table of line starts. */
export function lineNumberAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Text of one line, without its line break (for code frames). */
export function lineText(file: SourceFile, line: number): string {
  const start = file.lineStarts[line - 1];
  if (start === undefined) return '';
  const next = file.lineStarts[line];
  let end = next === undefined ? file.text.length : next;
  while (end > start && (file.text.charCodeAt(end - 1) === 10 || file.text.charCodeAt(end - 1) === 13)) end--;
  return file.text.slice(start, end);
}
