import type { ScalarValue } from './nodes.ts';

/**
 * Plain (unquoted) scalars typed the way compose reads them: compose-go decodes
 * with go-yaml v3, whose rules differ from YAML 1.1 (`yes`/`on` stay strings) and
 * from YAML 1.2 core (`0755` is octal, `1_000` is an int: Go integer literals).
 */
export function resolvePlainScalar(text: string): ScalarValue {
  switch (text) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
    case '.nan':
    case '.NaN':
    case '.NAN':
      return Number.NaN;
    case '.inf':
    case '.Inf':
    case '.INF':
    case '+.inf':
    case '+.Inf':
    case '+.INF':
      return Number.POSITIVE_INFINITY;
    case '-.inf':
    case '-.Inf':
    case '-.INF':
      return Number.NEGATIVE_INFINITY;
  }
  const first = text.charCodeAt(0);
  // Only text starting like a number can be one (go-yaml's hint table).
  const numeric = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46;
  if (!numeric) return text;
  const int = parseGoInteger(text);
  if (int !== undefined) return int;
  if (YAML_FLOAT.test(text)) return Number(text);
  return text;
}

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DECIMAL = /^(0|[1-9](_?[0-9])*)$/;
const BINARY = /^0[bB](_?[01])+$/;
const OCTAL = /^0[oO]?(_?[0-7])+$/;
const HEX = /^0[xX](_?[0-9a-fA-F])+$/;

/** strconv.ParseInt(text, 0, 64) semantics, falling back to ParseUint range. */
export function parseGoInteger(text: string): number | undefined {
  let sign = 1;
  let body = text;
  if (body[0] === '+' || body[0] === '-') {
    if (body[0] === '-') sign = -1;
    body = body.slice(1);
  }
  let digits: string;
  let radix: number;
  if (DECIMAL.test(body)) {
    digits = body;
    radix = 10;
  } else if (BINARY.test(body)) {
    digits = body.slice(2);
    radix = 2;
  } else if (HEX.test(body)) {
    digits = body.slice(2);
    radix = 16;
  } else if (OCTAL.test(body)) {
    digits = body[1] === 'o' || body[1] === 'O' ? body.slice(2) : body.slice(1);
    radix = 8;
  } else {
    return undefined;
  }
  const big = parseBig(digits.replaceAll('_', ''), radix);
  const value = sign < 0 ? -big : big;
  // Beyond uint64 go-yaml no longer reads an integer.
  if (value > 18446744073709551615n || value < -9223372036854775808n) return undefined;
  return Number(value);
}

function parseBig(digits: string, radix: number): bigint {
  let out = 0n;
  const base = BigInt(radix);
  for (const ch of digits) out = out * base + BigInt(parseInt(ch, radix));
  return out;
}

/** Unquoted values that YAML 1.1 tools (docker-compose v1, PyYAML) read differently from compose v2. */
export function ambiguousPlainScalar(text: string): 'boolean' | 'octal' | 'sexagesimal' | 'date' | undefined {
  if (/^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/.test(text)) return 'boolean';
  if (/^[-+]?0[0-7_]+$/.test(text)) return 'octal';
  if (/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(text)) return 'sexagesimal';
  if (/^\d{4}-\d\d?-\d\d?([Tt ]|$)/.test(text)) return 'date';
  return undefined;
}
