import type { LoadDiagnostic } from '../load/diagnostics.ts';
import type { Loc, Node } from '../load/nodes.ts';
import type { ProjectModel, ResourceModel, ServiceModel } from './model/project-model.ts';

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

/** A JSON Schema (draft-07) for a rule's options. */
export type OptionsSchema = Record<string, unknown>;

export interface RuleMeta {
  /** Stable id, equal to the module's file name: what users write in config and suppressions. */
  id: string;
  /** One line: what the rule flags. */
  description: string;
  /** Severity under `extends: recommended`. */
  severity: SeverityOrOff;
  /** e.g. correctness, security, reliability, guide, style, policy. */
  tags: string[];
  /** For security rules: GitHub code scanning's 0.0-10.0 score, as a numeric string. */
  securitySeverity?: string;
  /** messageId -> one-sentence message; `{{name}}` placeholders are filled from report data. */
  messages: Record<string, string>;
  /** JSON Schema of the options object. */
  options?: OptionsSchema;
  /** Option values used when the config gives none. */
  defaults?: Record<string, unknown>;
  /** Link to the rule's documentation. */
  docs: string;
  fixable?: boolean;
  /** Its findings point at secret values: outputs must never show the text in their range (code frames mask it). */
  sensitive?: boolean;
  /** Policy rules do nothing until configured: `strict` does not turn them on. */
  requiresOptions?: boolean;
}

export interface ReportDescriptor {
  /** The node (or exact range) the finding points at. */
  node: Node | Loc;
  messageId: string;
  data?: Record<string, string | number>;
  /** The service the finding belongs to; defaults to the service being visited. `null` for none. */
  service?: string | null;
}

/** What rules may learn about the disk; the engine answers, so rules never read files themselves. */
export interface FileFacts {
  /** Resolve a path written in a compose file the way compose does (against that file's project folder). */
  resolve(writtenIn: Node | Loc, path: string): string;
  exists(absolutePath: string): boolean;
  isDirectory(absolutePath: string): boolean;
  /** True when a .gitignore between the file and the repository root ignores it. */
  isGitIgnored(absolutePath: string): boolean;
  /** Text of a small file (Dockerfile, .env.example), or undefined when absent or unreadable. */
  readText(absolutePath: string): string | undefined;
}

export interface RuleContext<Options = Record<string, unknown>> {
  readonly id: string;
  readonly options: Options;
  readonly project: ProjectModel;
  readonly files: FileFacts;
  /** Problems the loader found that belong to this rule (yaml-syntax, schema, ...). */
  readonly loadDiagnostics: readonly LoadDiagnostic[];
  report(descriptor: ReportDescriptor): void;
}

/** Visitors the engine calls in one pass over the project. */
export interface RuleVisitors {
  project?(project: ProjectModel): void;
  service?(service: ServiceModel): void;
  network?(network: ResourceModel): void;
  volume?(volume: ResourceModel): void;
  secret?(secret: ResourceModel): void;
  config?(config: ResourceModel): void;
  /** After every other visitor: for rules that compare across services. */
  end?(): void;
}

export interface RuleModule<Options = any> {
  meta: RuleMeta;
  create(context: RuleContext<Options>): RuleVisitors;
}

/** Identity helper that gives rule modules their type without a cast. */
export function defineRule<Options = Record<string, unknown>>(rule: RuleModule<Options>): RuleModule<Options> {
  return rule;
}
