import { describe, expect, it } from 'vitest';
import { lintFile } from '../helpers/lint-files.ts';
import { corpusFiles, corpusName, HAVE_CORPUS, SKIP_CORPUS_MESSAGE } from '../helpers/corpus.ts';
import type { LintResult } from '../../src/lint/engine.ts';

if (!HAVE_CORPUS) console.warn(SKIP_CORPUS_MESSAGE);

/** Files compose itself refuses, with the reason (checked by hand against compose's behaviour). */
const REFUSED_BY_COMPOSE: Record<string, string> = {
  'haxxnet-compose-examples/examples/kutt/docker-compose.yml': 'environment lists the same entry twice',
  'haxxnet-compose-examples/examples/upsnap/docker-compose.yml': 'environment lists the same entry twice',
};

function run(path: string): LintResult {
  return lintFile(path);
}

function ruleIds(result: LintResult): string[] {
  return result.findings.map((finding) => finding.ruleId);
}

describe.skipIf(!HAVE_CORPUS)('corpus', () => {
  it('every file goes through the whole pipeline without throwing, findings inside the file', () => {
    const counts = new Map<string, number>();
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(600);
    for (const path of files) {
      const result = run(path);
      for (const finding of result.findings) {
        counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
        expect(finding.line, `${corpusName(path)} ${finding.ruleId}`).toBeGreaterThanOrEqual(1);
        expect(finding.column).toBeGreaterThanOrEqual(1);
        expect(finding.endLine * 1e6 + finding.endColumn).toBeGreaterThanOrEqual(finding.line * 1e6 + finding.column);
      }
    }
    const table = [...counts].sort((a, b) => b[1] - a[1]).map(([rule, count]) => `  ${rule.padEnd(36)} ${count}`);
    console.log(`corpus: ${files.length} files, findings per rule (recommended):\n${table.join('\n')}`);
  });

  it('awesome-compose and haxxnet files that compose accepts give no schema or yaml-syntax finding', () => {
    const files = [...corpusFiles('awesome-compose'), ...corpusFiles('haxxnet-compose-examples')];
    const offenders: string[] = [];
    for (const path of files) {
      const name = corpusName(path);
      const bad = run(path).findings.filter((f) => f.ruleId === 'schema' || f.ruleId === 'yaml-syntax');
      if (name in REFUSED_BY_COMPOSE) {
        expect(bad.length, `${name}: ${REFUSED_BY_COMPOSE[name]}`).toBeGreaterThan(0);
        continue;
      }
      for (const finding of bad) offenders.push(`${name}:${finding.line} ${finding.message}`);
    }
    console.log(`accepted files checked: ${files.length}, refused by compose: ${Object.keys(REFUSED_BY_COMPOSE).length}`);
    expect(offenders).toEqual([]);
  });

  it('legacy v1-format files (services at the top level) give schema findings', () => {
    const legacy: string[] = [];
    for (const path of [...corpusFiles('docker-compose-v1-fixtures'), ...corpusFiles('kompose-fixtures')]) {
      const result = run(path);
      const root = result.project.root;
      if (!root || root.pairs.has('services') || root.pairs.has('version')) continue;
      const isV1 = [...root.pairs.values()].some((pair) => pair.value.kind === 'map' && (pair.value.pairs.has('image') || pair.value.pairs.has('build')));
      if (!isV1) continue;
      legacy.push(corpusName(path));
      expect(ruleIds(result), corpusName(path)).toContain('schema');
    }
    console.log(`legacy v1-format files: ${legacy.length}`);
    expect(legacy.length).toBeGreaterThan(10);
  });
});
