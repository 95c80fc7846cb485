import type { ScalarNode } from '../../load/nodes.ts';
import { ambiguousPlainScalar, parseGoInteger } from '../../load/yaml-scalars.ts';

/**
 * How an unquoted scalar's meaning differs between compose v2 (go-yaml v3) and
 * other YAML readers: YAML 1.1 tools (docker-compose v1, PyYAML, Ansible) and
 * YAML 1.2 core tools (most JavaScript and Rust parsers).
 */
export type PlainScalarAmbiguity =
  /** `yes`/`no`/`on`/`off`/`y`/`n`: a string to compose, a boolean to YAML 1.1. */
  | { kind: 'boolean'; yaml11: boolean }
  /** `0755`: octal to compose and YAML 1.1, decimal to YAML 1.2 core. */
  | { kind: 'octal'; compose: number; yaml12: number }
  /** `089`: the number 89 to compose (the zero is lost), a string to YAML 1.1. */
  | { kind: 'leading-zero'; compose: number }
  /** `1:20`: a string to compose, the base-60 number 80 to YAML 1.1. */
  | { kind: 'sexagesimal'; yaml11: number }
  /** `2024-01-01`: a string to compose, a date to YAML 1.1. */
  | { kind: 'date' };

const YAML11_DATE = /^\d{4}-\d\d-\d\d$/;
const YAML11_TIMESTAMP = /^\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?$/;

/** The scalar's text exactly as written in its file (typed scalars keep no `written` text). */
export function rawScalarText(node: ScalarNode): string {
  return node.loc.file.text.slice(node.loc.start, node.loc.end);
}

/** How tools disagree on an unquoted scalar written as `text`, if they do. */
export function plainScalarAmbiguity(text: string): PlainScalarAmbiguity | undefined {
  const kind = ambiguousPlainScalar(text);
  switch (kind) {
    case 'boolean':
      return { kind, yaml11: /^(y|yes|on)$/i.test(text) };
    case 'octal': {
      const compose = parseGoInteger(text);
      if (compose === undefined) return undefined;
      return { kind, compose, yaml12: Number(text.replaceAll('_', '')) };
    }
    case 'sexagesimal':
      // YAML 1.1's base-60 integers start with 1-9 (`0:30` is a string); its base-60 floats have a dot.
      if (!/^[-+]?[1-9]/.test(text) && !text.includes('.')) return undefined;
      return { kind, yaml11: sexagesimalValue(text) };
    case 'date':
      // The whole text must be a YAML 1.1 timestamp: `2024-01-01 release` is a string.
      return YAML11_DATE.test(text) || YAML11_TIMESTAMP.test(text) ? { kind } : undefined;
  }
  // A leading zero followed by 8 or 9 is no octal number: go-yaml reads it as a float.
  if (/^[-+]?0[0-9]*[89][0-9]*$/.test(text)) return { kind: 'leading-zero', compose: Number(text) };
  return undefined;
}

/** YAML 1.1's base-60 reading: `1:20` is 80, `1:02:03.5` is 3723.5. */
export function sexagesimalValue(text: string): number {
  let body = text.replaceAll('_', '');
  let sign = 1;
  if (body[0] === '-' || body[0] === '+') {
    if (body[0] === '-') sign = -1;
    body = body.slice(1);
  }
  let value = 0;
  for (const part of body.split(':')) value = value * 60 + Number(part);
  return sign * value;
}

/**
 * True when the scalar carries a tag (`!!str yes`, `! 0755`, `!!int 0755`): an
 * explicit tag fixes the type for every reader, so nothing is ambiguous. The
 * loader keeps only local tags on nodes, so core tags are found in the text
 * before the scalar on its line (past an anchor, if any).
 */
export function explicitlyTagged(node: ScalarNode): boolean {
  if (node.tag) return true;
  const { text } = node.loc.file;
  let end = node.loc.start;
  for (;;) {
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    let start = end;
    while (start > 0 && !/[\s[\]{},]/.test(text[start - 1])) start--;
    if (start === end) return false;
    const token = text.slice(start, end);
    if (token.startsWith('!')) return true;
    if (!token.startsWith('&')) return false;
    end = start;
  }
}
