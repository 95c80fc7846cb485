import { childAt, type Loc, type Node } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { serviceMounts, type Mount } from '../src/lint/model/mounts.ts';
import { valueSpan } from '../src/lint/model/value-span.ts';
import { defineRule } from '../src/lint/rule-types.ts';

const MESSAGE_BY_PROPAGATION: Record<string, string> = { shared: 'shared', rshared: 'shared', slave: 'slave', rslave: 'slave' };

/** Where the propagation was written: the option inside `src:dst:ro,rshared`, or `bind.propagation`. */
function propagationLoc(mount: Mount, propagation: string): Node | Loc {
  if (!mount.short) return childAt(mount.node, 'bind', 'propagation') ?? mount.node;
  const node = mount.node;
  if (node.kind !== 'scalar' || typeof node.value !== 'string') return mount.modeLoc;
  const text = node.value;
  const modeStart = text.lastIndexOf(':') + 1;
  let offset = modeStart;
  for (const option of text.slice(modeStart).split(',')) {
    if (option === propagation) return valueSpan(node, offset, offset + option.length);
    offset += option.length + 1;
  }
  return mount.modeLoc;
}

export default defineRule({
  meta: {
    id: 'shared-mount-propagation',
    description: 'Bind mounts with shared, rshared, slave or rslave propagation',
    severity: 'warning',
    tags: ['security'],
    securitySeverity: '5.5',
    messages: {
      shared:
        'Bind propagation "{{propagation}}" makes mounts created inside the container appear on the host as well; remove it to keep the default private propagation.',
      slave:
        'Bind propagation "{{propagation}}" carries mounts made on the host into the container; remove it to keep the default private propagation unless the service must see later host mounts.',
    },
    docs: docsUrl('shared-mount-propagation'),
  },
  create(context) {
    return {
      service(service) {
        for (const mount of serviceMounts(service.node)) {
          if (mount.type !== 'bind' || mount.propagation === undefined) continue;
          const propagation = mount.propagation.trim();
          const messageId = MESSAGE_BY_PROPAGATION[propagation.toLowerCase()];
          if (messageId) context.report({ node: propagationLoc(mount, mount.propagation), messageId, data: { propagation } });
        }
      },
    };
  },
});
