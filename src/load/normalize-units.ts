/**
 * Durations and byte sizes as `docker compose config` prints them: compose
 * reads them into Go values (time.Duration, int64 bytes) and prints those back,
 * so `90s` comes out as `1m30s` and `512m` as `"536870912"`. A value compose
 * could not read is returned unchanged (the schema reports it).
 */

const NS_PER_UNIT: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
  d: 86_400_000_000_000n,
  w: 604_800_000_000_000n,
};

const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h|d|w)/y;

/** compose's duration syntax (Go's, plus `d` and `w`) in nanoseconds, or undefined. */
export function parseDuration(text: string): bigint | undefined {
  let rest = text.trim();
  let sign = 1n;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest[0] === '-') sign = -1n;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0n;
  if (rest === '') return undefined;
  let total = 0n;
  DURATION_PART.lastIndex = 0;
  while (DURATION_PART.lastIndex < rest.length) {
    const at = DURATION_PART.lastIndex;
    const match = DURATION_PART.exec(rest);
    if (!match || match.index !== at) return undefined;
    const [whole, fraction = ''] = match[1].split('.');
    const unit = NS_PER_UNIT[match[2]];
    total += BigInt(whole || '0') * unit;
    if (fraction !== '') total += (BigInt(fraction) * unit) / 10n ** BigInt(fraction.length);
  }
  return sign * total;
}

/** Go's time.Duration.String(): `1h0m0s`, `1m30s`, `1.5s`, `500ms`, `0s`. */
export function formatGoDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const sign = ns < 0n ? '-' : '';
  const abs = ns < 0n ? -ns : ns;
  if (abs < 1_000n) return `${sign}${abs}ns`;
  if (abs < 1_000_000n) return `${sign}${decimal(abs, 1_000n, 3)}µs`;
  if (abs < 1_000_000_000n) return `${sign}${decimal(abs, 1_000_000n, 6)}ms`;
  const hours = abs / NS_PER_UNIT.h;
  const minutes = (abs % NS_PER_UNIT.h) / NS_PER_UNIT.m;
  const seconds = abs % NS_PER_UNIT.m;
  let out = sign;
  if (hours > 0n) out += `${hours}h`;
  if (hours > 0n || minutes > 0n) out += `${minutes}m`;
  return `${out}${decimal(seconds, NS_PER_UNIT.s, 9)}s`;
}

function decimal(value: bigint, scale: bigint, digits: number): string {
  const whole = value / scale;
  const fraction = value % scale;
  if (fraction === 0n) return String(whole);
  return `${whole}.${String(fraction).padStart(digits, '0').replace(/0+$/, '')}`;
}

/** A duration value as compose prints it. */
export function normalizeDuration(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const ns = parseDuration(value);
  return ns === undefined ? value : formatGoDuration(ns);
}

const BYTES = /^(\d+(?:\.\d+)?) ?([kKmMgGtTpP])?[iI]?[bB]?$/;
const MULTIPLIER: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** A byte size (`512m`, `1gb`, `1024`) as the decimal string of bytes compose prints. */
export function normalizeBytes(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value !== 'string') return value;
  const match = BYTES.exec(value);
  if (!match) return value;
  const size = Number.parseFloat(match[1]);
  const unit = match[2] ? MULTIPLIER[match[2].toLowerCase()] : 1;
  return String(Math.trunc(size * unit));
}
