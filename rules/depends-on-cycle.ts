import { docsUrl } from '../src/lint/docs-url.ts';
import { serviceReferences, type ServiceReference } from '../src/lint/model/service-references.ts';
import { defineRule } from '../src/lint/rule-types.ts';

const WHITE = 0;
const GREY = 1;
const BLACK = 2;

interface Frame {
  name: string;
  edges: ServiceReference[];
  next: number;
}

export default defineRule({
  meta: {
    id: 'depends-on-cycle',
    description: 'Services that depend on each other in a cycle (depends_on, links, volumes_from, `network_mode: service:`)',
    severity: 'error',
    tags: ['correctness'],
    messages: {
      cycle:
        'Services depend on each other in a cycle ({{path}}), so compose cannot decide which to start first and refuses the project; remove one of these dependencies.',
      self: 'Service "{{name}}" depends on itself, which compose refuses; remove this dependency.',
    },
    docs: docsUrl('depends-on-cycle'),
  },
  create(context) {
    const services = context.project.serviceByName;
    const edges = new Map<string, ServiceReference[]>();
    return {
      service(service) {
        // compose orders startup by depends_on plus the implicit dependencies of links,
        // volumes_from and network_mode; a missing service is undefined-reference's.
        edges.set(service.name, serviceReferences(service.node).filter((reference) => services.has(reference.name)));
      },
      end() {
        // Iterative depth-first search with colours: each edge back to a service still on
        // the stack closes one cycle, reported at that edge. Every edge is followed once.
        const colour = new Map<string, number>();
        // depends_on and links naming one service are one edge: one finding.
        const reported = new Set<string>();
        for (const start of edges.keys()) {
          if ((colour.get(start) ?? WHITE) !== WHITE) continue;
          const stack: Frame[] = [{ name: start, edges: edges.get(start) ?? [], next: 0 }];
          const onStack = new Map<string, number>([[start, 0]]);
          colour.set(start, GREY);
          while (stack.length > 0) {
            const frame = stack[stack.length - 1];
            if (frame.next >= frame.edges.length) {
              colour.set(frame.name, BLACK);
              onStack.delete(frame.name);
              stack.pop();
              continue;
            }
            const edge = frame.edges[frame.next++];
            const state = colour.get(edge.name) ?? WHITE;
            if (state === WHITE) {
              colour.set(edge.name, GREY);
              onStack.set(edge.name, stack.length);
              stack.push({ name: edge.name, edges: edges.get(edge.name) ?? [], next: 0 });
            } else if (state === GREY) {
              const from = onStack.get(edge.name)!;
              const pair = `${frame.name}\0${edge.name}`;
              if (reported.has(pair)) continue;
              reported.add(pair);
              if (frame.name === edge.name) {
                context.report({ node: edge.loc, messageId: 'self', data: { name: edge.name }, service: frame.name });
              } else {
                const path = [...stack.slice(from).map((f) => f.name), edge.name].join(' -> ');
                context.report({ node: edge.loc, messageId: 'cycle', data: { path }, service: frame.name });
              }
            }
          }
        }
      },
    };
  },
});
