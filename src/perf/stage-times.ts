/**
 * Hidden switch for bench/: COMPOSE_LINT_STAGE_TIMES=1 makes `check` print the time each
 * pipeline stage took to stderr, as one JSON line. Off, `stageTimes` is undefined and each
 * instrumented point costs one check of it.
 */
export type Stage = 'read' | 'parse' | 'load' | 'validate' | 'rules' | 'format';

export class StageTimes {
  readonly ms: Record<Stage, number> = { read: 0, parse: 0, load: 0, validate: 0, rules: 0, format: 0 };
  /** Milliseconds from process start to the first stage: module loading and argument parsing. */
  startup = 0;

  /** Add the time since `since` (a performance.now() value) to a stage; returns now, to start the next. */
  add(stage: Stage, since: number): number {
    const now = performance.now();
    this.ms[stage] += now - since;
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
    return `${JSON.stringify({ stageTimesMs: out, files, totalMs: round(performance.now()) })}\n`;
  }
}

export const stageTimes: StageTimes | undefined = process.env.COMPOSE_LINT_STAGE_TIMES === '1' ? new StageTimes() : undefined;
