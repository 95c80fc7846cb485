import type * as Sarif from 'sarif';
import type { RuleModule, Severity } from '../lint/rule-types.ts';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';
import type { ReportInput } from './report-input.ts';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };
const INFORMATION_URI = 'https://github.com/compose-lint/compose-lint';

/** SARIF 2.1.0 for GitHub code scanning: every enabled rule described, suppressed findings left out. */
export function formatSarif(input: ReportInput): string {
  const rules = input.enabledRules.map((entry) => describeRule(entry.rule, entry.severity));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results: Sarif.Result[] = input.findings.map((finding) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUri(finding.file), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
          },
        },
      },
    ],
    ...(finding.service !== undefined ? { properties: { service: finding.service } } : {}),
  }));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${encodeUri(input.cwd.split('\\').join('/'))}/`.replace(/^\/?/, 'file:///') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function describeRule(rule: RuleModule, severity: Severity): Sarif.ReportingDescriptor {
  const { meta } = rule;
  const help = `${meta.description}. See ${meta.docs}`;
  const properties: Record<string, unknown> = { tags: meta.tags };
  if (meta.securitySeverity !== undefined) properties['security-severity'] = meta.securitySeverity;
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description}.` },
    help: { text: help, markdown: `${meta.description}.\n\n[Documentation](${meta.docs})` },
    helpUri: meta.docs,
    defaultConfiguration: { level: LEVEL[severity] },
    properties,
  };
}

function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
