import type { CST } from 'yaml';

/** A `# ...` comment as the YAML tokenizer saw it (never text inside a quoted string). */
export interface YamlComment {
  /** Offset of the `#`. */
  start: number;
  end: number;
  /** Comment text after the `#`, trimmed. */
  text: string;
  /** True when nothing but whitespace precedes the comment on its line. */
  ownLine: boolean;
}

/** Collect comment tokens from the parser's concrete syntax tree, in source order. */
export function collectComments(tokens: CST.Token[], text: string): YamlComment[] {
  // Every comment token starts with '#': a file without one has none, and no tree to walk.
  if (!text.includes('#')) return [];
  const out: YamlComment[] = [];
  // The walk order does not matter (the result is sorted), so children go on the stack as found.
  const stack: unknown[] = [...tokens];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || typeof item !== 'object') continue;
    if (Array.isArray(item)) {
      for (const element of item) stack.push(element);
      continue;
    }
    const token = item as { type?: string; offset?: number; source?: string };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      out.push({
        start: token.offset,
        end: token.offset + token.source.length,
        text: token.source.replace(/^#/, '').trim(),
        ownLine: isOwnLine(text, token.offset),
      });
      continue;
    }
    // Descend into every child structure of the token (start, sep, items, end, key, value, ...).
    for (const key in item) {
      const value = (item as Record<string, unknown>)[key];
      if (value && typeof value === 'object') stack.push(value);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function isOwnLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
