import { dirname } from 'node:path';
import { ALL_RULES } from '../../src/lint/generated/rule-index.ts';
import { resolveRules } from '../../src/lint/config.ts';
import { lintProject, type LintResult } from '../../src/lint/engine.ts';
import { loadProject } from '../../src/load/project.ts';
import { validateProject } from '../../src/validate/validate-project.ts';

/** The whole pipeline in-process on one file, with the recommended rules (or a given preset). */
export function lintFile(path: string, preset: 'recommended' | 'strict' = 'recommended'): LintResult {
  const enabled = resolveRules(ALL_RULES, { extends: preset }, {});
  const project = loadProject({ files: [path], workingDir: dirname(path) }, { processEnv: {} });
  project.diagnostics.push(...validateProject(project));
  return lintProject(project, enabled, {
    cwd: dirname(path),
    inlineSuppressions: true,
    knownRuleIds: new Set(ALL_RULES.map((rule) => rule.meta.id)),
  });
}
