import type { RuleMeta, SeverityOrOff } from './rule-types.ts';

export const PRESETS = ['recommended', 'strict', 'none'] as const;
export type Preset = (typeof PRESETS)[number];

/** `strict` raises every rule one level and turns on the ones `recommended` leaves off. */
const RAISED: Record<SeverityOrOff, SeverityOrOff> = { off: 'warning', info: 'warning', warning: 'error', error: 'error' };

export function presetSeverity(meta: RuleMeta, preset: Preset): SeverityOrOff {
  if (preset === 'none') return 'off';
  if (preset === 'strict') return meta.requiresOptions ? 'off' : RAISED[meta.severity];
  return meta.severity;
}
