import { child, scalarValue, type Node } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { dockerfileText, serviceBuild } from '../src/lint/model/build-context.ts';
import { serviceDependencies, type Dependency } from '../src/lint/model/depends-on.ts';
import { imageDeclaresHealthcheck } from '../src/lint/model/image-healthchecks.ts';
import type { ServiceModel } from '../src/lint/model/project-model.ts';
import { serviceImage } from '../src/lint/model/service-facts.ts';
import { defineRule } from '../src/lint/rule-types.ts';

type HealthcheckState = 'defined' | 'missing' | 'disabled';

export default defineRule({
  meta: {
    id: 'healthy-condition-needs-healthcheck',
    description: '`condition: service_healthy` on a dependency that has no healthcheck, or whose healthcheck is disabled',
    severity: 'error',
    tags: ['correctness'],
    messages: {
      missing:
        'This waits for "{{name}}" to be healthy, but "{{name}}" has no healthcheck in the compose file; if its image defines none, compose fails to start "{{service}}", so add a healthcheck to "{{name}}" or wait with condition service_started.',
      disabled:
        'This waits for "{{name}}" to be healthy, but the healthcheck of "{{name}}" is disabled, so compose fails to start "{{service}}"; enable the healthcheck or wait with condition service_started.',
    },
    docs: docsUrl('healthy-condition-needs-healthcheck'),
  },
  create(context) {
    const waits: { service: ServiceModel; dependency: Dependency }[] = [];
    const states = new Map<string, HealthcheckState>();

    const stateOf = (service: ServiceModel): HealthcheckState => {
      let state = states.get(service.name);
      if (state === undefined) {
        state = healthcheckState(service.node);
        if (state === 'missing' && (imageDeclaresHealthcheck(serviceImage(service.node)) || builtImageHasHealthcheck(service.node))) state = 'defined';
        states.set(service.name, state);
      }
      return state;
    };

    /** A HEALTHCHECK in the service's own Dockerfile is part of the image compose builds. */
    const builtImageHasHealthcheck = (node: Node): boolean => {
      const build = serviceBuild(node, context.files);
      const text = build && !build.remote ? dockerfileText(build, node, context.files) : undefined;
      return text !== undefined && /^[ \t]*HEALTHCHECK[ \t]+(?!NONE\b)\S/im.test(text);
    };

    return {
      service(service) {
        for (const dependency of serviceDependencies(service.node)) {
          // compose only warns when an optional (`required: false`) dependency never gets healthy.
          if (dependency.condition === 'service_healthy' && dependency.required) waits.push({ service, dependency });
        }
      },
      end() {
        for (const { service, dependency } of waits) {
          const target = context.project.serviceByName.get(dependency.name);
          // A missing service is undefined-reference's to report.
          if (!target) continue;
          const state = stateOf(target);
          if (state === 'defined') continue;
          context.report({
            node: dependency.conditionNode ?? dependency.nameNode,
            messageId: state,
            data: { service: service.name, name: dependency.name },
            service: service.name,
          });
        }
      },
    };
  },
});

/** Whether the compose file gives the service a healthcheck, turns it off, or says nothing. */
function healthcheckState(service: Node): HealthcheckState {
  const healthcheck = child(service, 'healthcheck');
  if (healthcheck === undefined || (healthcheck.kind === 'scalar' && healthcheck.value === null)) return 'missing';
  if (scalarValue(child(healthcheck, 'disable')) === true) return 'disabled';
  const test = child(healthcheck, 'test');
  if (test?.kind === 'seq' && scalarValue(test.items[0]) === 'NONE') return 'disabled';
  // A healthcheck with only timings keeps the image's test: compose cannot tell, nor can we.
  return 'defined';
}
