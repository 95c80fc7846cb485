import { child, type Loc, type Node } from '../load/nodes.ts';
import type { LoadedProject } from '../load/project.ts';
import { displayPath } from '../load/read-file.ts';
import { positionAt, type SourceFile } from '../load/source.ts';
import type { EnabledRule, LintOptions, LintResult } from './engine.ts';
import { compareFindings, type Finding, type SuppressedFinding } from './finding.ts';
import { formatMessage } from './messages.ts';

const UNUSED_ID = 'unused-suppression';
const DIRECTIVE = /^compose-lint\s+(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)(.*)$/;

/** A suppression written by the user, with the lines and rules it covers. */
interface Suppression {
  kind: 'inline' | 'x-compose-lint';
  /** The file whose findings it covers. */
  file: SourceFile;
  /** Where the suppression itself was written (for unused-suppression). */
  written: Loc;
  /** Rule ids, or undefined for every rule. */
  rules?: string[];
  firstLine: number;
  lastLine: number;
  /** Only findings of this service (x-compose-lint on a service). */
  service?: string;
  reason?: string;
  used: Set<string>;
}

/** Apply inline and `x-compose-lint` suppressions; report those that suppress nothing. */
export function applySuppressions(project: LoadedProject, findings: Finding[], enabled: EnabledRule[], options: LintOptions): LintResult {
  const suppressions = [...(options.inlineSuppressions ? inlineSuppressions(project) : []), ...extensionSuppressions(project)];
  const byFile = new Map<string, Suppression[]>();
  for (const suppression of suppressions) {
    const list = byFile.get(suppression.file.path);
    if (list) list.push(suppression);
    else byFile.set(suppression.file.path, [suppression]);
  }
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const serviceSuppressions = suppressions.filter((s) => s.service !== undefined);
  for (const finding of findings) {
    const match = findMatch(finding, byFile.get(finding.absolutePath), serviceSuppressions);
    if (match) {
      match.used.add(finding.ruleId);
      suppressed.push({ ...finding, suppression: { kind: match.kind, reason: match.reason } });
    } else kept.push(finding);
  }
  const unusedRule = enabled.find((entry) => entry.rule.meta.id === UNUSED_ID);
  if (unusedRule) {
    const enabledIds = new Set(enabled.map((entry) => entry.rule.meta.id));
    for (const suppression of suppressions) kept.push(...unusedFindings(suppression, unusedRule, enabledIds, options));
    kept.sort(compareFindings);
  }
  return { project, findings: kept, suppressed };
}

function findMatch(finding: Finding, inFile: Suppression[] | undefined, byService: Suppression[]): Suppression | undefined {
  const covers = (s: Suppression) => !s.rules || s.rules.includes(finding.ruleId);
  for (const s of inFile ?? []) {
    if (s.service !== undefined) continue;
    if (finding.line >= s.firstLine && finding.line <= s.lastLine && covers(s)) return s;
  }
  if (finding.service === undefined) return undefined;
  return byService.find((s) => s.service === finding.service && covers(s));
}

function unusedFindings(s: Suppression, entry: EnabledRule, enabledIds: Set<string>, options: LintOptions): Finding[] {
  const report = (messageId: string, rule: string): Finding => {
    const start = positionAt(s.written.file, s.written.start);
    const end = positionAt(s.written.file, s.written.end);
    return {
      ruleId: UNUSED_ID,
      severity: entry.severity,
      message: formatMessage(entry.rule.meta.messages[messageId], { rule }),
      file: displayPath(s.written.file.path, options.cwd),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      fixable: entry.rule.meta.fixable === true,
      absolutePath: s.written.file.path,
      ...(s.service !== undefined ? { service: s.service } : {}),
    };
  };
  if (!s.rules) return s.used.size === 0 ? [report('unusedAll', 'every rule')] : [];
  const out: Finding[] = [];
  for (const rule of s.rules) {
    if (!options.knownRuleIds.has(rule)) out.push(report('unknownRule', rule));
    // A switched-off rule reports nothing, so its suppression cannot be judged unused.
    else if (enabledIds.has(rule) && !s.used.has(rule)) out.push(report('unused', rule));
  }
  return out;
}

/** Directives read from YAML comment tokens, never from raw text. */
function inlineSuppressions(project: LoadedProject): Suppression[] {
  const out: Suppression[] = [];
  for (const parsed of project.sources.values()) {
    const file = parsed.file;
    const open: Suppression[] = [];
    for (const comment of parsed.comments) {
      const match = DIRECTIVE.exec(comment.text);
      if (!match) continue;
      const [, kind, rest] = match;
      const { rules, reason } = parseRuleList(rest);
      const line = positionAt(file, comment.start).line;
      const written = { file, start: comment.start, end: comment.end };
      const base = { kind: 'inline' as const, file, written, rules, reason, used: new Set<string>() };
      switch (kind) {
        case 'disable-line':
          out.push({ ...base, firstLine: line, lastLine: line });
          break;
        case 'disable-next-line':
          out.push({ ...base, firstLine: line + 1, lastLine: line + 1 });
          break;
        case 'disable-file':
          out.push({ ...base, rules: undefined, firstLine: 1, lastLine: Number.MAX_SAFE_INTEGER });
          break;
        case 'disable': {
          const block = { ...base, firstLine: line, lastLine: Number.MAX_SAFE_INTEGER };
          open.push(block);
          out.push(block);
          break;
        }
        case 'enable':
          closeBlocks(open, rules, line);
          break;
      }
    }
  }
  return out;
}

/** `enable` ends the open `disable` blocks it names (all of them when it names none). */
function closeBlocks(open: Suppression[], rules: string[] | undefined, line: number): void {
  for (let i = open.length - 1; i >= 0; i--) {
    const block = open[i];
    if (!rules) {
      block.lastLine = line;
      open.splice(i, 1);
      continue;
    }
    if (!block.rules) continue;
    const ending = block.rules.filter((rule) => rules.includes(rule));
    if (ending.length === 0) continue;
    block.lastLine = line;
    open.splice(i, 1);
    const still = block.rules.filter((rule) => !rules.includes(rule));
    if (still.length > 0) {
      // The rules not re-enabled stay disabled from here on.
      const rest = { ...block, rules: still, firstLine: line + 1, lastLine: Number.MAX_SAFE_INTEGER, used: block.used };
      block.rules = ending;
      open.push(rest);
    }
  }
}

function parseRuleList(text: string): { rules?: string[]; reason?: string } {
  const separator = text.indexOf('--');
  const list = (separator >= 0 ? text.slice(0, separator) : text).trim();
  const reason = separator >= 0 ? text.slice(separator + 2).trim() || undefined : undefined;
  const rules = list.split(/[\s,]+/).filter(Boolean);
  return { rules: rules.length > 0 ? rules : undefined, reason };
}

/** `x-compose-lint: { ignore: { RULE: reason } }` on services, networks and volumes. */
function extensionSuppressions(project: LoadedProject): Suppression[] {
  const out: Suppression[] = [];
  const root = project.root;
  if (!root) return out;
  for (const section of ['services', 'networks', 'volumes']) {
    const container = child(root, section);
    if (container?.kind !== 'map') continue;
    for (const [name, pair] of container.pairs) {
      const ignore = child(child(pair.value, 'x-compose-lint'), 'ignore');
      if (ignore?.kind !== 'map') continue;
      for (const [rule, rulePair] of ignore.pairs) {
        const reason = rulePair.value.kind === 'scalar' && rulePair.value.value !== null ? String(rulePair.value.value) : undefined;
        const definition = lineSpan(pair.value);
        out.push({
          kind: 'x-compose-lint',
          file: pair.value.loc.file,
          written: rulePair.key.loc,
          rules: [rule],
          reason,
          // A service's findings are matched by service name (they may sit in other files);
          // a network's or volume's by the lines of its definition.
          service: section === 'services' ? name : undefined,
          firstLine: section === 'services' ? 0 : definition.first,
          lastLine: section === 'services' ? 0 : definition.last,
          used: new Set<string>(),
        });
      }
    }
  }
  return out;
}

function lineSpan(node: Node): { first: number; last: number } {
  return { first: positionAt(node.loc.file, node.loc.start).line, last: positionAt(node.loc.file, node.loc.end).line };
}
