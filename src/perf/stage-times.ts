/**
 * Hidden switch for bench/: COMPOSE_LINT_STAGE_TIMES=1 makes `check` print the time each
 * pipeline stage took to stderr, as one JSON line. Off, `stageTimes` is undefined and each
 * instrumented point costs one check of it.
 */
export type Stage = 'read' | 'parse' | 'load' | 'validate' | 'rules' | 'format';

export interface StageMark {
  ms: number;
  faults: number;
}

export class StageTimes {
  readonly ms: Record<Stage, number> = { read: 0, parse: 0, load: 0, validate: 0, rules: 0, format: 0 };
  /**
   * Minor page faults per stage: on virtual machines each costs microseconds, and first
   * touches of fresh memory are a large share of a cold run.
   */
  readonly faults: Record<Stage, number> = { read: 0, parse: 0, load: 0, validate: 0, rules: 0, format: 0 };
  /** Milliseconds from process start to the first stage: module loading and argument parsing. */
  startup = 0;
  startupFaults = 0;

  /** Mark the end of startup (the first stage begins). */
  started(): void {
    ({ ms: this.startup, faults: this.startupFaults } = this.now());
  }

  now(): StageMark {
    return { ms: performance.now(), faults: process.resourceUsage().minorPageFault };
  }

  /** Add what passed since `since` to a stage; returns now, to start the next. */
  add(stage: Stage, since: StageMark): StageMark {
    const now = this.now();
    this.ms[stage] += now.ms - since.ms;
    this.faults[stage] += now.faults - since.faults;
    return now;
  }

  /**
   * One JSON line. `load` includes `read` and `parse`; what is left of it is interpolation,
   * extends/include and merging, reported as `interpolate-merge`.
   */
  line(files: number): string {
    const { read, parse, load, validate, rules, format } = this.ms;
    const round = (value: number) => Math.round(value * 100) / 100;
    const stages = { startup: this.startup, read, parse, 'interpolate-merge': load - read - parse, validate, rules, format };
    const out = Object.fromEntries(Object.entries(stages).map(([key, value]) => [key, round(value)]));
    const f = this.faults;
    const faults = { startup: this.startupFaults, read: f.read, parse: f.parse, 'interpolate-merge': f.load - f.read - f.parse, validate: f.validate, rules: f.rules, format: f.format };
    return `${JSON.stringify({ stageTimesMs: out, minorFaults: faults, files, totalMs: round(performance.now()), totalMinorFaults: process.resourceUsage().minorPageFault })}\n`;
  }
}

export const stageTimes: StageTimes | undefined = process.env.COMPOSE_LINT_STAGE_TIMES === '1' ? new StageTimes() : undefined;
