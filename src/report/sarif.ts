import type * as Sarif from 'sarif';
import type { EnabledRule } from '../lint/engine.ts';
import type { Finding } from '../lint/finding.ts';
import type { Severity } from '../lint/rule-types.ts';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';
import { fileUri, folderUri, pathUnder, relativeUri, repoRoot } from './repo-path.ts';
import type { ReportInput } from './report-input.ts';
import { ruleHelp } from './sarif-help.ts';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };
const SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/compose-lint/compose-lint';
const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 for GitHub code scanning: every enabled rule described (with its documentation
 * as help, since GitHub shows help and not helpUri), one result per shown finding.
 * Suppressed findings never reach input.findings, so they are left out. Nothing from the
 * linted files is copied in (no snippets): messages are the only text, and they mask secrets.
 * partialFingerprints are left to GitHub: upload-sarif computes primaryLocationLineHash,
 * which survives lines moving, from the checked-out files.
 */
export function formatSarif(input: ReportInput): string {
  const root = repoRoot(input.cwd);
  const rules = input.enabledRules.map(describeRule);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = input.findings.map((finding): Sarif.Result => {
    let index = ruleIndex.get(finding.ruleId);
    if (index === undefined) {
      // A finding from a rule the list lacks still needs a descriptor for ruleIndex to point at.
      index = rules.push({ id: finding.ruleId, shortDescription: { text: finding.ruleId } }) - 1;
      ruleIndex.set(finding.ruleId, index);
    }
    return {
      ruleId: finding.ruleId,
      ruleIndex: index,
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(root, finding), region: region(finding) } }],
      ...(finding.service !== undefined ? { properties: { service: finding.service } } : {}),
    };
  });
  const log: Sarif.Log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION, informationUri: INFORMATION_URI, rules },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(root) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function describeRule({ rule, severity }: EnabledRule): Sarif.ReportingDescriptor {
  const { meta } = rule;
  const help = ruleHelp(meta);
  const tags = [...meta.tags];
  const properties: Sarif.PropertyBag = { tags };
  if (meta.securitySeverity !== undefined) {
    properties['security-severity'] = meta.securitySeverity;
    // GitHub only reads security-severity on rules tagged `security`.
    if (!tags.includes('security')) tags.push('security');
  }
  return {
    id: meta.id,
    name: meta.id.replace(/(?:^|-)([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: meta.description },
    fullDescription: { text: help.summary },
    help: { text: help.text, markdown: help.markdown },
    helpUri: meta.docs,
    defaultConfiguration: { level: LEVEL[severity] },
    properties,
  };
}

/** Repository-relative, as code scanning wants; a file outside the repository keeps its absolute URI. */
function artifactLocation(root: string, finding: Finding): Sarif.ArtifactLocation {
  const path = pathUnder(root, finding.absolutePath);
  if (path === undefined) return { uri: fileUri(finding.absolutePath) };
  return { uri: relativeUri(path), uriBaseId: SRCROOT };
}

function region(finding: Finding): Sarif.Region {
  const startLine = Math.max(finding.line, 1);
  const startColumn = Math.max(finding.column, 1);
  const endLine = Math.max(finding.endLine, startLine);
  const endColumn = Math.max(finding.endColumn, endLine === startLine ? startColumn : 1);
  return { startLine, startColumn, endLine, endColumn };
}
