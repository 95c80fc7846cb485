import { child, type ScalarNode } from '../src/load/nodes.ts';
import type { SourceFile } from '../src/load/source.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { firstOutOfOrder } from '../src/lint/model/name-order.ts';
import type { ServiceModel } from '../src/lint/model/project-model.ts';
import { defineRule } from '../src/lint/rule-types.ts';

interface Options {
  order?: string[];
}

/**
 * The conventional order: what runs (image, build), then how it starts, its
 * environment, storage and network, lifecycle, resources, security, and last
 * metadata and logging. Keys not listed (and `x-` extensions) go last.
 */
export const DEFAULT_KEY_ORDER: readonly string[] = [
  'extends', 'image', 'build', 'platform', 'pull_policy', 'pull_refresh_after', 'provider',
  'container_name', 'hostname', 'domainname', 'profiles',
  'init', 'command', 'entrypoint', 'working_dir', 'user', 'group_add', 'stdin_open', 'tty', 'attach',
  'environment', 'env_file', 'secrets', 'configs', 'models',
  'ports', 'expose', 'volumes', 'volumes_from', 'tmpfs',
  'networks', 'network_mode', 'mac_address', 'dns', 'dns_opt', 'dns_search', 'extra_hosts', 'links', 'external_links',
  'depends_on', 'healthcheck', 'restart', 'stop_signal', 'stop_grace_period', 'post_start', 'pre_stop',
  'deploy', 'scale', 'gpus', 'runtime',
  'mem_limit', 'mem_reservation', 'memswap_limit', 'mem_swappiness', 'shm_size',
  'cpus', 'cpu_count', 'cpu_percent', 'cpu_shares', 'cpu_quota', 'cpu_period', 'cpu_rt_period', 'cpu_rt_runtime', 'cpuset',
  'pids_limit', 'ulimits', 'oom_kill_disable', 'oom_score_adj', 'blkio_config', 'storage_opt', 'sysctls',
  'devices', 'device_cgroup_rules',
  'privileged', 'read_only', 'cap_add', 'cap_drop', 'security_opt', 'use_api_socket',
  'ipc', 'pid', 'uts', 'userns_mode', 'cgroup', 'cgroup_parent', 'isolation', 'credential_spec',
  'labels', 'label_file', 'annotations', 'logging', 'develop',
];

export default defineRule<Options>({
  meta: {
    id: 'key-order',
    description: 'Keys inside a service out of the configured order',
    severity: 'off',
    tags: ['style'],
    messages: {
      outOfOrder: "Key \"{{key}}\" should come before \"{{before}}\" in {{order}}; move it up.",
    },
    options: {
      type: 'object',
      properties: {
        order: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Service keys in the wanted order; keys not listed go after the listed ones, in any order.',
        },
      },
      additionalProperties: false,
    },
    docs: docsUrl('key-order'),
    fixable: true,
  },
  create(context) {
    const configured = Array.isArray(context.options.order) ? context.options.order : undefined;
    const order = configured ?? DEFAULT_KEY_ORDER;
    const described = configured ? 'the configured order' : 'the conventional order';
    // Where each service's own body was written: from its key to the next service key
    // in the same file (the merged body's range may be another service's, after `extends`).
    const bodyEnd = new Map<ServiceModel, number>();
    return {
      project(project) {
        const servicesNode = child(project.root, 'services');
        const byFile = new Map<SourceFile, ServiceModel[]>();
        for (const service of project.services) {
          const list = byFile.get(service.key.loc.file);
          if (list) list.push(service);
          else byFile.set(service.key.loc.file, [service]);
        }
        for (const [file, services] of byFile) {
          services.sort((a, b) => a.key.loc.start - b.key.loc.start);
          const last = servicesNode?.loc.file === file ? servicesNode.loc.end : file.text.length;
          services.forEach((service, i) => bodyEnd.set(service, services[i + 1]?.key.loc.start ?? last));
        }
      },
      service(service) {
        const end = bodyEnd.get(service);
        if (end === undefined || service.key.synthetic) return;
        const { file, end: start } = service.key.loc;
        // Only the keys written in this service's body: keys merged in from an anchor (`<<:`),
        // an override file or `extends` were written elsewhere, in their own order.
        const keys: ScalarNode[] = [];
        for (const pair of service.node.pairs.values()) {
          const loc = pair.key.loc;
          if (pair.key.synthetic || loc.file !== file || loc.start < start || loc.end > end) continue;
          keys.push(pair.key);
        }
        keys.sort((a, b) => a.loc.start - b.loc.start);
        const names = keys.map((key) => String(key.value));
        const found = firstOutOfOrder(names, order);
        if (!found) return;
        context.report({
          node: keys[found.index],
          messageId: 'outOfOrder',
          data: { key: names[found.index], before: names[found.before], order: described },
        });
      },
    };
  },
});
