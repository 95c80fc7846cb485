import { child, scalarString, type Node, type ScalarNode } from '../../load/nodes.ts';

/** One dependency of a service, from the short (list) or long (mapping) form. */
export interface Dependency {
  name: string;
  /** The list item or mapping key naming the dependency. */
  nameNode: ScalarNode;
  /** `service_started` when not written. */
  condition: string;
  /** The `condition:` value node, when written. */
  conditionNode?: Node;
  short: boolean;
  /** `required: false` makes compose ignore a missing dependency. */
  required: boolean;
}

export function serviceDependencies(service: Node): Dependency[] {
  const dependsOn = child(service, 'depends_on');
  if (dependsOn?.kind === 'seq') {
    return dependsOn.items
      .filter((item): item is ScalarNode => item.kind === 'scalar' && item.value !== null)
      .map((item) => ({ name: String(item.value), nameNode: item, condition: 'service_started', short: true, required: true }));
  }
  if (dependsOn?.kind !== 'map') return [];
  const out: Dependency[] = [];
  for (const [name, pair] of dependsOn.pairs) {
    const conditionNode = child(pair.value, 'condition');
    const written = conditionNode && !conditionNode.synthetic ? conditionNode : undefined;
    out.push({
      name,
      nameNode: pair.key,
      condition: scalarString(conditionNode) ?? 'service_started',
      conditionNode: written,
      // A merged short form carries a synthetic condition: still the short form as the user wrote it.
      short: conditionNode?.synthetic === true,
      required: child(pair.value, 'required')?.kind !== 'scalar' || scalarString(child(pair.value, 'required')) !== 'false',
    });
  }
  return out;
}
