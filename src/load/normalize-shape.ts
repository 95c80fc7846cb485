/**
 * The key order and empty-value rules of `docker compose config` output.
 * compose prints its Go model: struct fields in declaration order, maps sorted
 * by key, extension (`x-*`) fields last, and `omitempty` fields dropped when
 * zero (false, 0, "", empty list or map) unless they are pointers compose keeps
 * (`init: false`, `replicas: 0`, `volume: {}`). These tables are those structs,
 * taken from compose-go's types.
 */

import { setOwn } from './nodes.ts';

type Shape = Struct | { map: Shape } | { list: Shape } | 'any';

interface Struct {
  fields: [string, Shape][];
  /** Fields printed even when zero. */
  keep?: string[];
}

const struct = (fields: (string | [string, Shape])[], keep: string[] = []): Struct => ({
  fields: fields.map((field) => (typeof field === 'string' ? [field, 'any'] : field)),
  keep,
});

const DEVICE_REQUEST = struct(['capabilities', 'driver', 'count', 'device_ids', 'options']);
const RESOURCE = struct(['cpus', 'memory', 'pids', ['devices', { list: DEVICE_REQUEST }], 'generic_resources']);
const UPDATE_CONFIG = struct(['parallelism', 'delay', 'failure_action', 'monitor', 'max_failure_ratio', 'order'], ['parallelism']);
const DEPLOY = struct(
  [
    'mode',
    'replicas',
    'labels',
    ['update_config', UPDATE_CONFIG],
    ['rollback_config', UPDATE_CONFIG],
    ['resources', struct([['limits', RESOURCE], ['reservations', RESOURCE]], ['limits', 'reservations'])],
    ['restart_policy', struct(['condition', 'delay', 'max_attempts', 'window'], ['delay', 'max_attempts', 'window'])],
    ['placement', struct(['constraints', 'preferences', 'max_replicas_per_node'])],
    'endpoint_mode',
  ],
  ['replicas', 'update_config', 'rollback_config', 'restart_policy'],
);
const FILE_REFERENCE = struct(['source', 'target', 'uid', 'gid', 'mode'], ['mode']);
const ULIMIT = struct(['soft', 'hard'], ['soft', 'hard']);
const BUILD = struct([
  'context',
  'dockerfile',
  'dockerfile_inline',
  'entitlements',
  'args',
  'provenance',
  'sbom',
  'ssh',
  'labels',
  'cache_from',
  'cache_to',
  'no_cache',
  'no_cache_filter',
  'additional_contexts',
  'pull',
  'extra_hosts',
  'isolation',
  'network',
  'target',
  ['secrets', { list: FILE_REFERENCE }],
  'shm_size',
  'tags',
  ['ulimits', { map: ULIMIT }],
  'platforms',
  'privileged',
]);
const HEALTHCHECK = struct(
  ['test', 'timeout', 'interval', 'retries', 'start_period', 'start_interval', 'disable'],
  ['timeout', 'interval', 'retries', 'start_period', 'start_interval'],
);
const PORT = struct(['name', 'mode', 'host_ip', 'target', 'published', 'protocol', 'app_protocol']);
const VOLUME_MOUNT = struct(
  [
    'type',
    'source',
    'target',
    'read_only',
    'consistency',
    ['bind', struct(['selinux', 'propagation', 'create_host_path', 'recursive'])],
    ['volume', struct(['labels', 'nocopy', 'subpath'])],
    ['tmpfs', struct(['size', 'mode'])],
    ['image', struct(['subpath'])],
  ],
  ['bind', 'volume', 'tmpfs', 'image'],
);
const SERVICE_NETWORK = struct([
  'aliases',
  'driver_opts',
  'gw_priority',
  'interface_name',
  'ipv4_address',
  'ipv6_address',
  'link_local_ips',
  'mac_address',
  'priority',
]);
const DEPENDENCY = struct(['condition', 'restart', 'required'], ['required']);
const WATCH = struct(['path', 'action', 'target', 'exec', 'include', 'ignore', 'initial_sync']);

/** Pointer fields of a service: printed when set, even to a zero value. */
const SERVICE_KEEP = [
  'attach',
  'build',
  'develop',
  'blkio_config',
  'credential_spec',
  'deploy',
  'healthcheck',
  'init',
  'logging',
  'provider',
  'scale',
  'stop_grace_period',
  'command',
  'entrypoint',
];

const SERVICE = struct(
  [
    'profiles',
    'annotations',
    'attach',
    ['build', BUILD],
    ['develop', struct([['watch', { list: WATCH }]])],
    'blkio_config',
    'cap_add',
    'cap_drop',
    'cgroup_parent',
    'cgroup',
    'cpu_count',
    'cpu_percent',
    'cpu_period',
    'cpu_quota',
    'cpu_rt_period',
    'cpu_rt_runtime',
    'cpus',
    'cpuset',
    'cpu_shares',
    'command',
    ['configs', { list: FILE_REFERENCE }],
    'container_name',
    'credential_spec',
    ['depends_on', { map: DEPENDENCY }],
    ['deploy', DEPLOY],
    'device_cgroup_rules',
    ['devices', { list: struct(['source', 'target', 'permissions']) }],
    'dns',
    'dns_opt',
    'dns_search',
    'dockerfile',
    'domainname',
    'entrypoint',
    'provider',
    'environment',
    ['env_file', { list: struct(['path', 'required', 'format'], ['required']) }],
    'expose',
    'extends',
    'external_links',
    'extra_hosts',
    'group_add',
    ['gpus', { list: DEVICE_REQUEST }],
    'hostname',
    ['healthcheck', HEALTHCHECK],
    'image',
    'init',
    'ipc',
    'isolation',
    'labels',
    'label_file',
    'links',
    ['logging', struct(['driver', 'options'])],
    'log_driver',
    'log_opt',
    'mem_limit',
    'mem_reservation',
    'memswap_limit',
    'mem_swappiness',
    'mac_address',
    'models',
    'net',
    'network_mode',
    ['networks', { map: SERVICE_NETWORK }],
    'oom_kill_disable',
    'oom_score_adj',
    'pid',
    'pids_limit',
    'platform',
    ['ports', { list: PORT }],
    'privileged',
    'pull_policy',
    'read_only',
    'restart',
    'runtime',
    'scale',
    ['secrets', { list: FILE_REFERENCE }],
    'security_opt',
    'shm_size',
    'stdin_open',
    'stop_grace_period',
    'stop_signal',
    'storage_opt',
    'sysctls',
    'tmpfs',
    'tty',
    ['ulimits', { map: ULIMIT }],
    'use_api_socket',
    'user',
    'userns_mode',
    'uts',
    'volume_driver',
    ['volumes', { list: VOLUME_MOUNT }],
    'volumes_from',
    'working_dir',
    'post_start',
    'pre_stop',
  ],
  SERVICE_KEEP,
);

const NETWORK = struct([
  'name',
  'driver',
  'driver_opts',
  ['ipam', struct(['driver', ['config', { list: struct(['subnet', 'gateway', 'ip_range', 'aux_addresses']) }]])],
  'external',
  'internal',
  'attachable',
  'labels',
  'enable_ipv4',
  'enable_ipv6',
]);
const VOLUME = struct(['name', 'driver', 'driver_opts', 'external', 'labels']);
const FILE_OBJECT = struct(['name', 'file', 'environment', 'content', 'external', 'labels', 'driver', 'driver_opts', 'template_driver']);

const PROJECT = struct(
  [
    'name',
    ['services', { map: SERVICE }],
    ['networks', { map: NETWORK }],
    ['volumes', { map: VOLUME }],
    ['secrets', { map: FILE_OBJECT }],
    ['configs', { map: FILE_OBJECT }],
  ],
  ['services'],
);

export interface ShapeOptions {
  /** JSON output: compose always writes a service's command and entrypoint there, as null when unset. */
  json?: boolean;
}

/** The normalised project with compose's key order and zero values dropped. */
export function shapeProject(document: Record<string, unknown>, options: ShapeOptions = {}): Record<string, unknown> {
  const shaped = applyShape(document, PROJECT) as Record<string, unknown>;
  if (options.json && isObject(shaped.services)) {
    for (const [name, service] of Object.entries(shaped.services)) {
      if (isObject(service)) (shaped.services as Record<string, unknown>)[name] = withNullCommand(service);
    }
  }
  return shaped;
}

function withNullCommand(service: Record<string, unknown>): Record<string, unknown> {
  const order = SERVICE.fields.map(([key]) => key);
  const out: Record<string, unknown> = {};
  const pending = ['command', 'entrypoint'].filter((key) => !(key in service));
  for (const [key, value] of Object.entries(service)) {
    // Put each missing field back at its struct position.
    while (pending.length > 0 && (isExtension(key) || order.indexOf(pending[0]) < order.indexOf(key) || !order.includes(key))) {
      out[pending.shift()!] = null;
    }
    setOwn(out, key, value);
  }
  for (const key of pending) out[key] = null;
  return out;
}

function applyShape(value: unknown, shape: Shape): unknown {
  if (shape === 'any') return sortKeysDeep(value);
  if ('list' in shape) return Array.isArray(value) ? value.map((item) => applyShape(item, shape.list)) : sortKeysDeep(value);
  if ('map' in shape) {
    if (!isObject(value)) return sortKeysDeep(value);
    const out: Record<string, unknown> = {};
    for (const key of sortedKeys(value)) setOwn(out, key, value[key] === null ? null : applyShape(value[key], shape.map));
    return out;
  }
  if (!isObject(value)) return sortKeysDeep(value);
  const out: Record<string, unknown> = {};
  const known = new Set<string>();
  for (const [key, sub] of shape.fields) {
    known.add(key);
    if (!(key in value)) continue;
    const shaped = applyShape(value[key], sub);
    if (isZero(shaped) && !(shape.keep?.includes(key) && shaped !== null && shaped !== undefined)) continue;
    out[key] = shaped;
  }
  // Keys compose does not know (a newer spec) keep their place after the known ones; extensions come last.
  for (const key of Object.keys(value)) if (!known.has(key) && !isExtension(key)) setOwn(out, key, sortKeysDeep(value[key]));
  for (const key of sortedKeys(value)) if (isExtension(key)) setOwn(out, key, sortKeysDeep(value[key]));
  return out;
}

/** Go prints every map with its keys sorted. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of sortedKeys(value)) setOwn(out, key, sortKeysDeep(value[key]));
  return out;
}

function sortedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function isZero(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && Object.keys(value).length === 0;
}

function isExtension(key: string): boolean {
  return key.startsWith('x-');
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
