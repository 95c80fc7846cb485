import type { LoadDiagnostic } from '../load/diagnostics.ts';
import type { Loc, MapNode, Node } from '../load/nodes.ts';
import type { LoadedProject } from '../load/project.ts';
import { displayPath } from '../load/read-file.ts';
import { positionAt } from '../load/source.ts';
import { createFileFacts } from './file-facts.ts';
import { compareFindings, type Finding, type SuppressedFinding } from './finding.ts';
import { formatMessage } from './messages.ts';
import { buildProjectModel, type ProjectModel, type ResourceModel, type ServiceModel } from './model/project-model.ts';
import type { FileFacts, ReportDescriptor, RuleModule, RuleVisitors, Severity } from './rule-types.ts';
import { applySuppressions } from './suppressions.ts';
import { terminalSafe } from '../report/terminal-safe.ts';
import { writeStd } from '../stdio.ts';

/** A rule switched on for this run, with its effective severity and options. */
export interface EnabledRule {
  rule: RuleModule;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface LintOptions {
  cwd: string;
  inlineSuppressions: boolean;
  /** Rule modules by id, for suppressions that name rules. */
  knownRuleIds: ReadonlySet<string>;
  files?: FileFacts;
}

export interface LintResult {
  project: LoadedProject;
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

/**
 * Run the enabled rules over one loaded project in a single pass: every rule's
 * service visitor is called while the engine walks the services once.
 */
export function lintProject(project: LoadedProject, enabled: EnabledRule[], options: LintOptions): LintResult {
  const root: MapNode = project.root ?? emptyRoot(project);
  const model = buildProjectModel(project, root);
  const files = options.files ?? createFileFacts();
  const diagnosticsByRule = groupByRule(project.diagnostics);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  let currentService: string | undefined;

  const active: { entry: EnabledRule; visitors: RuleVisitors }[] = [];
  for (const entry of enabled) {
    const { rule } = entry;
    const report = (descriptor: ReportDescriptor) => {
      const finding = toFinding(entry, descriptor, currentService, options.cwd);
      if (!finding) return;
      // Aliased nodes are shared by several services: report each place once.
      const key = `${finding.ruleId}\0${finding.absolutePath}\0${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}\0${finding.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      findings.push(finding);
    };
    const context = {
      id: rule.meta.id,
      options: entry.options,
      project: model,
      files,
      loadDiagnostics: diagnosticsByRule.get(rule.meta.id) ?? [],
      report,
    };
    const visitors = guard(rule.meta.id, () => rule.create(context));
    if (visitors) active.push({ entry, visitors });
  }

  const visitAll = <T>(hook: keyof RuleVisitors, value: T) => {
    for (const { entry, visitors } of active) {
      const visitor = visitors[hook] as ((arg: T) => void) | undefined;
      if (visitor) guard(entry.rule.meta.id, () => visitor.call(visitors, value));
    }
  };

  visitAll('project', model);
  for (const service of model.services) {
    currentService = service.name;
    visitAll<ServiceModel>('service', service);
  }
  currentService = undefined;
  visitResources(model, visitAll);
  for (const { entry, visitors } of active) if (visitors.end) guard(entry.rule.meta.id, () => visitors.end!());

  findings.sort(compareFindings);
  return applySuppressions(project, findings, enabled, options);
}

function visitResources(model: ProjectModel, visitAll: <T>(hook: keyof RuleVisitors, value: T) => void): void {
  for (const network of model.networks) visitAll<ResourceModel>('network', network);
  for (const volume of model.volumes) visitAll<ResourceModel>('volume', volume);
  for (const secret of model.secrets) visitAll<ResourceModel>('secret', secret);
  for (const config of model.configs) visitAll<ResourceModel>('config', config);
}

function toFinding(entry: EnabledRule, descriptor: ReportDescriptor, currentService: string | undefined, cwd: string): Finding | undefined {
  const { rule, severity } = entry;
  const template = rule.meta.messages[descriptor.messageId];
  if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown messageId ${descriptor.messageId}`);
  const loc: Loc = isLoc(descriptor.node) ? descriptor.node : descriptor.node.loc;
  const start = positionAt(loc.file, loc.start);
  const end = positionAt(loc.file, Math.max(loc.end, loc.start));
  const service = descriptor.service === null ? undefined : (descriptor.service ?? currentService);
  const finding: Finding = {
    ruleId: rule.meta.id,
    severity,
    message: formatMessage(template, descriptor.data),
    file: shownPath(loc.file.path, cwd),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    fixable: rule.meta.fixable === true,
    absolutePath: loc.file.path,
  };
  if (service !== undefined) finding.service = service;
  return finding;
}

// path.relative per finding is measurable with 100,000 services; a project has few files.
const SHOWN_PATHS = new Map<string, string>();

function shownPath(path: string, cwd: string): string {
  const key = `${cwd}\0${path}`;
  let shown = SHOWN_PATHS.get(key);
  if (shown === undefined) SHOWN_PATHS.set(key, (shown = displayPath(path, cwd)));
  return shown;
}

function isLoc(node: Node | Loc): node is Loc {
  return 'file' in node && 'start' in node && !('kind' in node);
}

function groupByRule(diagnostics: LoadDiagnostic[]): Map<string, LoadDiagnostic[]> {
  const out = new Map<string, LoadDiagnostic[]>();
  for (const diagnostic of diagnostics) {
    const list = out.get(diagnostic.ruleId);
    if (list) list.push(diagnostic);
    else out.set(diagnostic.ruleId, [diagnostic]);
  }
  return out;
}

/** A bug in one rule must not cost the user the other rules' findings. */
function guard<T>(ruleId: string, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void writeStd(2, `compose-lint: internal error in rule ${ruleId}: ${terminalSafe(reason.split('\n')[0])}\n`);
    return undefined;
  }
}

function emptyRoot(project: LoadedProject): MapNode {
  const file = project.configFiles[0] ?? [...project.sources.values()][0]?.file;
  return { kind: 'map', pairs: new Map(), loc: { file: file!, start: 0, end: 0 }, synthetic: true };
}
