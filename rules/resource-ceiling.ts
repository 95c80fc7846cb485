import { childAt, type Node } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { formatByteSize, parseByteSize } from '../src/lint/model/byte-size.ts';
import { defineRule } from '../src/lint/rule-types.ts';

interface Options {
  memory?: string | number;
  cpus?: number;
  replicas?: number;
}

/** Where compose reads a service's memory and CPU amounts (limits and reservations). */
const MEMORY_PATHS = [['mem_limit'], ['mem_reservation'], ['deploy', 'resources', 'limits', 'memory'], ['deploy', 'resources', 'reservations', 'memory']];
const CPU_PATHS = [['cpus'], ['deploy', 'resources', 'limits', 'cpus'], ['deploy', 'resources', 'reservations', 'cpus']];
const REPLICA_PATHS = [['deploy', 'replicas'], ['scale']];

export default defineRule<Options>({
  meta: {
    id: 'resource-ceiling',
    description: 'Memory, CPU or replica settings above the maximums the policy allows',
    severity: 'off',
    tags: ['policy'],
    messages: {
      memory: '`{{setting}}` of {{value}} is above the policy ceiling of {{max}} of memory; lower it to {{max}} or less.',
      cpus: '`{{setting}}` of {{value}} is above the policy ceiling of {{max}} CPUs; lower it to {{max}} or less.',
      replicas: '`{{setting}}` of {{value}} is above the policy ceiling of {{max}} replicas; lower it to {{max}} or less.',
    },
    options: {
      type: 'object',
      properties: {
        memory: {
          description: 'Most memory a service may set (`4g`, `512m`, or bytes), for mem_limit, mem_reservation and deploy.resources.',
          oneOf: [
            { type: 'string', pattern: '^\\s*[0-9]+(\\.[0-9]+)? ?([kKmMgGtTpP])?[iI]?[bB]?\\s*$' },
            { type: 'number', minimum: 0 },
          ],
        },
        cpus: { type: 'number', exclusiveMinimum: 0, description: 'Most CPUs a service may set (cpus, deploy.resources).' },
        replicas: { type: 'integer', minimum: 0, description: 'Most containers a service may run (deploy.replicas, scale).' },
      },
      minProperties: 1,
      additionalProperties: false,
    },
    docs: docsUrl('resource-ceiling'),
    requiresOptions: true,
  },
  create(context) {
    const { options } = context;
    const memoryMax = options.memory === undefined ? undefined : parseByteSize(options.memory);
    const cpuMax = typeof options.cpus === 'number' ? options.cpus : undefined;
    const replicaMax = typeof options.replicas === 'number' ? options.replicas : undefined;
    if (memoryMax === undefined && cpuMax === undefined && replicaMax === undefined) return {};
    const memoryShown = typeof options.memory === 'string' ? options.memory.trim() : memoryMax !== undefined ? formatByteSize(memoryMax) : '';
    return {
      service(service) {
        if (memoryMax !== undefined) {
          for (const path of MEMORY_PATHS) {
            const node = childAt(service.node, ...path);
            const bytes = node?.kind === 'scalar' ? parseByteSize(node.value) : undefined;
            // 0 means "no limit" to Docker: a missing limit is resource-limits' business.
            if (bytes === undefined || bytes === 0 || bytes <= memoryMax) continue;
            context.report({ node: node!, messageId: 'memory', data: { setting: path.join('.'), value: shownValue(node!), max: memoryShown } });
          }
        }
        if (cpuMax !== undefined) {
          for (const path of CPU_PATHS) {
            const node = childAt(service.node, ...path);
            const cpus = numberOf(node);
            if (cpus === undefined || cpus === 0 || cpus <= cpuMax) continue;
            context.report({ node: node!, messageId: 'cpus', data: { setting: path.join('.'), value: shownValue(node!), max: cpuMax } });
          }
        }
        if (replicaMax !== undefined) {
          // deploy.replicas wins over scale when both are written, as in compose.
          for (const path of REPLICA_PATHS) {
            const node = childAt(service.node, ...path);
            const replicas = numberOf(node);
            if (replicas === undefined) continue;
            if (replicas > replicaMax) {
              context.report({ node: node!, messageId: 'replicas', data: { setting: path.join('.'), value: shownValue(node!), max: replicaMax } });
            }
            break;
          }
        }
      },
    };
  },
});

function numberOf(node: Node | undefined): number | undefined {
  if (node?.kind !== 'scalar') return undefined;
  if (typeof node.value === 'number') return Number.isFinite(node.value) ? node.value : undefined;
  if (typeof node.value !== 'string' || node.value.trim() === '') return undefined;
  const value = Number(node.value.trim());
  return Number.isFinite(value) ? value : undefined;
}

function shownValue(node: Node): string {
  return node.kind === 'scalar' ? String(node.value).trim() : '';
}
