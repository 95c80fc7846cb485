import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import type { Env } from './inputs.ts';

/**
 * Step outputs go to the file named by GITHUB_OUTPUT, in the heredoc form so that no value
 * can inject another output; outside the runner there is nowhere to put them.
 */
export function setOutput(env: Env, name: string, value: string): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

/** Markdown shown on the run's summary page (GITHUB_STEP_SUMMARY). */
export function appendStepSummary(env: Env, markdown: string): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown);
}
