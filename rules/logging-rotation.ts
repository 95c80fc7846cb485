import { child, keyNode, scalarString, type Node } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { isOneShot } from '../src/lint/model/service-facts.ts';
import { defineRule } from '../src/lint/rule-types.ts';

type Unconfigured = 'always' | 'if-project-configures' | 'never';

interface Options {
  unconfigured: Unconfigured;
}

export default defineRule<Options>({
  meta: {
    id: 'logging-rotation',
    description: 'json-file/local logging with no max-size',
    severity: 'info',
    tags: ['guide', 'reliability'],
    messages: {
      unconfigured:
        "Service \"{{service}}\" has no logging settings, so it gets the daemon's default json-file driver, which keeps every log line until the disk fills unless daemon.json sets log-opts; add `logging.options.max-size` (and `max-file`).",
      noMaxSize:
        'The json-file logging driver here has no `max-size`, so the log file grows until the disk fills; set `max-size` (for example `10m`) and `max-file` under `logging.options`.',
      localDefault:
        'The local logging driver here has no `max-size`, so the daemon\'s built-in budget applies silently; set `max-size` and `max-file` under `logging.options` to make the limit explicit.',
      unlimited: '`max-size: -1` turns log rotation off, so the log file grows until the disk fills; set a size such as `10m`.',
    },
    options: {
      type: 'object',
      properties: {
        unconfigured: {
          enum: ['always', 'if-project-configures', 'never'],
          description:
            'When to report a long-running service with no `logging` section (it gets the daemon default: json-file without rotation unless daemon.json sets log-opts): always, only when another service of the project configures logging, or never.',
        },
      },
      additionalProperties: false,
    },
    defaults: { unconfigured: 'if-project-configures' },
    docs: docsUrl('logging-rotation'),
  },
  create(context) {
    const mode: Unconfigured = context.options.unconfigured ?? 'if-project-configures';
    let reportUnconfigured = mode === 'always';
    return {
      project(project) {
        // A project that sets logging on some services manages it in the compose file, so a service
        // without it is likely an oversight; one that never does probably relies on daemon.json.
        if (mode === 'if-project-configures') reportUnconfigured = project.services.some((s) => child(s.node, 'logging') !== undefined);
      },
      service(service) {
        const logging = child(service.node, 'logging');
        if (logging === undefined) {
          // One-shot jobs write a bounded amount of output and exit.
          if (reportUnconfigured && !isOneShot(context.project, service)) {
            context.report({ node: service.key, messageId: 'unconfigured', data: { service: service.name } });
          }
          return;
        }
        const driverNode = child(logging, 'driver');
        const driver = scalarString(driverNode)?.trim();
        // No driver: the daemon's default, json-file unless daemon.json says otherwise.
        if (driver !== undefined && driver !== '' && driver !== 'json-file' && driver !== 'local') return;
        const options = child(logging, 'options');
        const maxSize = child(options, 'max-size');
        if (maxSize?.kind === 'scalar' && maxSize.value !== null && String(maxSize.value).trim() !== '') {
          if (String(maxSize.value).trim() === '-1') context.report({ node: maxSize, messageId: 'unlimited' });
          return;
        }
        const at: Node = keyNode(logging, 'options') ?? (driver ? driverNode : undefined) ?? keyNode(service.node, 'logging') ?? service.key;
        context.report({ node: at, messageId: driver === 'local' ? 'localDefault' : 'noMaxSize' });
      },
    };
  },
});
