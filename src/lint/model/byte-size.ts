/**
 * Byte sizes as compose reads them for `mem_limit`, `shm_size` and
 * `deploy.resources.*.memory` (docker/go-units RAMInBytes): a number with an
 * optional binary unit, `b`, `k`/`kb`, `m`/`mb`, `g`/`gb`, `t`, `p`, any case,
 * each step 1024. A bare number is bytes.
 */
const SIZE = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i;
const UNIT_POWER: Record<string, number> = { k: 1, m: 2, g: 3, t: 4, p: 5 };

/** Bytes, or undefined when compose could not read the value (or it is not written yet: `${MEM}` unset). */
export function parseByteSize(value: string | number | boolean | null | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = SIZE.exec(value.trim());
  if (!match) return undefined;
  const power = match[2] ? UNIT_POWER[match[2].toLowerCase()] : 0;
  return Math.floor(Number(match[1]) * 1024 ** power);
}

/** A short human form: `4g`, `512m`, `1.5g`, or bytes. */
export function formatByteSize(bytes: number): string {
  const units = ['', 'k', 'm', 'g', 't', 'p'];
  let value = bytes;
  let unit = 0;
  while (unit < units.length - 1 && value >= 1024) {
    value /= 1024;
    unit++;
  }
  const text = Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
  return unit === 0 ? `${text}b` : `${text}${units[unit]}`;
}
