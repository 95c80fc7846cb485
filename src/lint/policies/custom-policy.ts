import type { ValidateFunction } from 'ajv';
import { toPlain, type Loc, type Node } from '../../load/nodes.ts';
import type { ProjectModel, ResourceModel } from '../model/project-model.ts';
import type { RuleContext, RuleModule, RuleVisitors } from '../rule-types.ts';
import { policyFailures, type PolicySubject } from './policy-failures.ts';
import type { PolicyDefinition } from './policy-definition.ts';

/** Where policies are documented, for policies that give no `help` of their own. */
export const POLICIES_DOCS = 'https://github.com/compose-lint/compose-lint/blob/main/docs/policies.md';

const DEFAULT_MESSAGE = "{{description}}: {{target}} '{{name}}' fails the policy ({{detail}}).";

export interface PolicyValidators {
  when?: ValidateFunction;
  require: ValidateFunction;
}

/** Plain values are the same for every policy: build each target's once. */
const plainCache = new WeakMap<Node, unknown>();

function plainOf(node: Node): unknown {
  let value = plainCache.get(node);
  if (value === undefined) {
    // `backend:` with no body is an empty definition to compose, so policies see {}.
    value = node.kind === 'scalar' && node.value === null ? {} : toPlain(node);
    plainCache.set(node, value);
  }
  return value;
}

/** Each policy rule's definition, for `explain` (which prints its schemas). */
const definitions = new WeakMap<RuleModule, PolicyDefinition>();

/** The definition a custom policy rule was made from; undefined for built-in rules. */
export function policyDefinition(rule: RuleModule): PolicyDefinition | undefined {
  return definitions.get(rule);
}

/** A policy from the config file as a rule: it runs, reports and is configured like a built-in one. */
export function createPolicyRule(definition: PolicyDefinition, validators: PolicyValidators): RuleModule {
  const description = definition.description ?? `Policy ${definition.id}`;
  const rule: RuleModule = {
    meta: {
      id: definition.id,
      description,
      severity: definition.severity,
      tags: ['policy'],
      messages: { failed: definition.message ?? DEFAULT_MESSAGE },
      docs: definition.help ?? POLICIES_DOCS,
    },
    create(context: RuleContext): RuleVisitors {
      const check = (target: string, name: string, subject: PolicySubject, service: (segments: string[]) => string | null | undefined) => {
        const data = plainOf(subject.node);
        if (validators.when && !validators.when(data)) return;
        if (validators.require(data)) return;
        for (const failure of policyFailures(subject, validators.require.errors ?? [])) {
          context.report({
            node: failure.at,
            messageId: 'failed',
            data: { name, target, path: failure.path, detail: failure.detail, id: definition.id, description: description.replace(/[.\s]+$/, '') },
            service: service(failure.segments),
          });
        }
      };
      const resource = (item: ResourceModel) => check(item.kind, item.name, { anchor: item.key, node: item.node }, () => null);
      switch (definition.target) {
        case 'service':
          // The engine attributes the finding to the service being visited.
          return { service: (item) => check('service', item.name, { anchor: item.key, node: item.node }, () => undefined) };
        case 'network':
          return { network: resource };
        case 'volume':
          return { volume: resource };
        case 'secret':
          return { secret: resource };
        case 'config':
          return { config: resource };
        case 'project':
          return {
            project: (project) =>
              check('project', project.name, { anchor: projectAnchor(project), node: project.root }, (segments) =>
                segments[0] === 'services' && segments[1] !== undefined ? segments[1] : null,
              ),
          };
      }
    },
  };
  definitions.set(rule, definition);
  return rule;
}

/** A project has no key of its own: its first top-level key stands for it. */
function projectAnchor(project: ProjectModel): Node | Loc {
  const first = project.root.pairs.values().next().value;
  return first ? first.key : { ...project.root.loc, end: project.root.loc.start };
}
