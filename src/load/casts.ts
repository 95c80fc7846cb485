import type { ScalarValue } from './nodes.ts';

/**
 * compose-go casts strings at these paths after interpolation, so `replicas: "${N:-2}"`
 * is the integer 2 and `privileged: "yes"` is true. `*` matches any key or index.
 */
export type Cast = (text: string) => ScalarValue | undefined;

const toInt: Cast = (text) => (/^[-+]?\d+$/.test(text.trim()) ? Number.parseInt(text, 10) : undefined);
const toFloat: Cast = (text) => {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : undefined;
};
const toBoolean: Cast = (text) => {
  const lower = text.trim().toLowerCase();
  if (['y', 'yes', 'true', 'on'].includes(lower)) return true;
  if (['n', 'no', 'false', 'off'].includes(lower)) return false;
  return undefined;
};

const SERVICE_CASTS: [string, Cast][] = [
  ['configs.*.mode', toInt],
  ['cpu_count', toInt],
  ['cpu_percent', toFloat],
  ['cpu_period', toInt],
  ['cpu_quota', toInt],
  ['cpu_rt_period', toInt],
  ['cpu_rt_runtime', toInt],
  ['cpus', toFloat],
  ['cpu_shares', toInt],
  ['init', toBoolean],
  ['deploy.replicas', toInt],
  ['deploy.update_config.parallelism', toInt],
  ['deploy.update_config.max_failure_ratio', toFloat],
  ['deploy.rollback_config.parallelism', toInt],
  ['deploy.rollback_config.max_failure_ratio', toFloat],
  ['deploy.restart_policy.max_attempts', toInt],
  ['deploy.placement.max_replicas_per_node', toInt],
  ['healthcheck.retries', toInt],
  ['healthcheck.disable', toBoolean],
  ['oom_kill_disable', toBoolean],
  ['oom_score_adj', toInt],
  ['pids_limit', toInt],
  ['ports.*.target', toInt],
  ['ports.*.published', (text) => text],
  ['privileged', toBoolean],
  ['read_only', toBoolean],
  ['scale', toInt],
  ['secrets.*.mode', toInt],
  ['stdin_open', toBoolean],
  ['tty', toBoolean],
  ['ulimits.*', toInt],
  ['ulimits.*.hard', toInt],
  ['ulimits.*.soft', toInt],
  ['volumes.*.read_only', toBoolean],
  ['volumes.*.bind.create_host_path', toBoolean],
  ['volumes.*.volume.nocopy', toBoolean],
];

const TOP_LEVEL_CASTS: [string, Cast][] = [
  ['networks.*.external', toBoolean],
  ['networks.*.internal', toBoolean],
  ['networks.*.attachable', toBoolean],
  ['networks.*.enable_ipv6', toBoolean],
  ['volumes.*.external', toBoolean],
  ['secrets.*.external', toBoolean],
  ['configs.*.external', toBoolean],
];

/**
 * The casts as a trie walked alongside the tree, so looking up a cast costs one
 * map access per level instead of matching every pattern at every value.
 */
export interface CastTrie {
  cast?: Cast;
  children: Map<string, CastTrie>;
}

function buildTrie(): CastTrie {
  const root: CastTrie = { children: new Map() };
  const add = (path: string, cast: Cast) => {
    let node = root;
    for (const segment of path.split('.')) {
      let next = node.children.get(segment);
      if (!next) node.children.set(segment, (next = { children: new Map() }));
      node = next;
    }
    node.cast = cast;
  };
  for (const [path, cast] of SERVICE_CASTS) add(`services.*.${path}`, cast);
  for (const [path, cast] of TOP_LEVEL_CASTS) add(path, cast);
  return root;
}

export const CAST_ROOT: CastTrie = buildTrie();

/** The trie below `key` (a mapping key, or `*` for a list item), if any cast lives there. */
export function castChild(trie: CastTrie | undefined, key: string): CastTrie | undefined {
  if (!trie) return undefined;
  return trie.children.get(key) ?? trie.children.get('*');
}

/** Apply a cast; a value compose could not cast stays a string so the schema reports it. */
export function applyCast(cast: Cast, text: string): ScalarValue {
  const value = cast(text);
  return value === undefined ? text : value;
}
