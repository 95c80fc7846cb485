import {
  child,
  isMap,
  isScalar,
  isSeq,
  makeMap,
  makeScalar,
  scalarString,
  toPlain,
  type MapNode,
  type Node,
  type Pair,
  type ScalarNode,
  type SeqNode,
} from './nodes.ts';

/**
 * Compose's merge rules (compose-go v2 `override` package: `Merge`, then
 * `EnforceUnicity` over the canonical form), applied to our node tree.
 *
 * Input nodes are never mutated (aliases share them): every changed container
 * is a new one that keeps the loc of the base container, while entries keep
 * their own nodes, so a finding still points at the file that wrote the text.
 *
 * Decisions, checked against compose-go:
 * - A null override value keeps the base value (`mergeYaml` returns the base for
 *   a nil override), except for the replace-only keys (command, entrypoint,
 *   healthcheck.test, ulimits.*), where compose takes the null as written.
 *   Inside key=value collections (environment, labels, ...) `KEY:` with no value
 *   is an entry of its own and replaces the base entry, as compose's list form does.
 * - `!reset` removes the key (dropped from the override and deleted from the base);
 *   on a sequence item it drops that item only. `!override` replaces without merging.
 *   `!reset` nodes are stripped from everything that reaches the result.
 * - A type clash (mapping vs sequence) is an error in compose; here the override wins
 *   and schema validation reports the shape.
 * - Unique sequences follow uncity.go: a later item with the key of an earlier one
 *   takes its place. Plain sequences compose does not index (security_opt, group_add,
 *   volumes_from, external_links, ...) are appended as compose does, duplicates kept.
 * - extra_hosts only drops exact duplicates (a host may map to several addresses).
 * - depends_on keeps compose's defaults `{condition: service_started, required: true}`
 *   for short entries when it has to turn a list into a mapping.
 */

export function mergeComposeFiles(base: MapNode, override: MapNode): MapNode {
  return mergeMaps(base, override, []);
}

export function mergeService(base: MapNode, override: MapNode): MapNode {
  return mergeMaps(base, override, SERVICE_PATH);
}

type Path = readonly string[];
type KeyOf = (item: Node) => string | undefined;

type Rule =
  | { kind: 'replace' }
  | { kind: 'logging' }
  | { kind: 'build' }
  | { kind: 'named'; fill: (item: ScalarNode) => Node }
  | { kind: 'keyValue' }
  | { kind: 'extraHosts' }
  | { kind: 'unique'; keyOf: KeyOf }
  | { kind: 'ipamConfig' };

const RESET = '!reset';
const OVERRIDE = '!override';
const SERVICE_PATH: Path = ['services', '*'];

function mergeValue(base: Node, over: Node, path: Path): Node | undefined {
  if (isReset(over)) return undefined;
  if (isReset(base) || over.tag === OVERRIDE) return clean(over);
  const rule = ruleFor(path);
  if (isNull(over)) return rule?.kind === 'replace' ? over : clean(base);
  if (isNull(base)) return clean(over);
  switch (rule?.kind) {
    case 'replace':
      return clean(over);
    case 'logging':
      return mergeLogging(base, over, path);
    case 'build':
      return mergeBuild(base, over, path);
    case 'named':
      return mergeNamed(base, over, path, rule.fill);
    case 'keyValue':
      return mergeKeyValue(base, over);
    case 'extraHosts':
      return mergeExtraHosts(base, over);
    case 'unique':
      return mergeUnique(base, over, rule.keyOf);
    case 'ipamConfig':
      return mergeIpamConfig(base, over, path);
    default:
      return mergeDefault(base, over, path);
  }
}

function mergeDefault(base: Node, over: Node, path: Path): Node {
  if (isMap(base) && isMap(over)) return mergeMaps(base, over, path);
  if (isSeq(base) && isSeq(over)) return listFrom(base, [...listItems(base), ...listItems(over)]);
  return clean(over);
}

function mergeMaps(base: MapNode, over: MapNode, path: Path): MapNode {
  const pairs = new Map<string, Pair>();
  for (const [name, pair] of base.pairs) {
    const theirs = over.pairs.get(name);
    if (isReset(pair.value)) {
      // A reset base entry is absent: the override's, if any, stands alone.
      if (theirs && !isReset(theirs.value)) pairs.set(name, keep(theirs));
      continue;
    }
    if (!theirs) {
      pairs.set(name, keep(pair));
      continue;
    }
    const merged = mergeValue(pair.value, theirs.value, [...path, name]);
    if (!merged) continue;
    // The key travels with its value: a merged container stays where base wrote it.
    pairs.set(name, { key: merged.loc === pair.value.loc ? pair.key : theirs.key, value: merged });
  }
  for (const [name, pair] of over.pairs) {
    if (!base.pairs.has(name) && !isReset(pair.value)) pairs.set(name, keep(pair));
  }
  return containerLike(base, { kind: 'map', pairs, loc: base.loc });
}

/** Logging options only merge when both files name the same driver (or one names none). */
function mergeLogging(base: Node, over: Node, path: Path): Node {
  if (!isMap(base) || !isMap(over)) return mergeDefault(base, over, path);
  const ours = base.pairs.get('driver');
  const theirs = over.pairs.get('driver');
  if (ours && theirs && toPlain(ours.value) !== toPlain(theirs.value)) return clean(over);
  return mergeMaps(base, over, path);
}

/** `build: ./dir` is short for `build: {context: ./dir}`. */
function mergeBuild(base: Node, over: Node, path: Path): Node {
  const ours = buildMap(base);
  const theirs = buildMap(over);
  return ours && theirs ? mergeMaps(ours, theirs, path) : clean(over);
}

function buildMap(node: Node): MapNode | undefined {
  if (isMap(node)) return node;
  if (!isScalar(node)) return undefined;
  return makeMap(node.loc, new Map([['context', { key: makeScalar('context', node.loc), value: node }]]));
}

/**
 * depends_on, networks and models: a list names entries that a mapping configures.
 * Two lists stay a list; otherwise the list becomes a mapping so entries merge by name.
 */
function mergeNamed(base: Node, over: Node, path: Path, fill: (item: ScalarNode) => Node): Node {
  if (isSeq(base) && isSeq(over)) return listFrom(base, unique([...listItems(base), ...listItems(over)], scalarKey));
  const ours = namedMap(base, fill);
  const theirs = namedMap(over, fill);
  return ours && theirs ? mergeMaps(ours, theirs, path) : clean(over);
}

function namedMap(node: Node, fill: (item: ScalarNode) => Node): MapNode | undefined {
  if (isMap(node)) return node;
  if (!isSeq(node)) return undefined;
  const pairs = new Map<string, Pair>();
  for (const item of node.items) {
    if (!isScalar(item) || item.value === null || isReset(item)) continue;
    const name = String(item.value);
    const key = typeof item.value === 'string' ? item : { ...item, value: name };
    pairs.set(name, { key, value: fill(item) });
  }
  return makeMap(node.loc, pairs);
}

function startedCondition(item: ScalarNode): Node {
  const entry = (name: string, value: string | boolean): [string, Pair] => [
    name,
    { key: makeScalar(name, item.loc), value: makeScalar(value, item.loc) },
  ];
  return makeMap(item.loc, new Map([entry('condition', 'service_started'), entry('required', true)]));
}

function nullEntry(item: ScalarNode): Node {
  return makeScalar(null, item.loc);
}

/**
 * environment, labels, args, ...: mappings merge by key; any list form makes the
 * result a list of `KEY=VALUE` items where a later key takes the earlier one's place.
 */
function mergeKeyValue(base: Node, over: Node): Node {
  if (isMap(base) && isMap(over)) return replaceByKey(base, over);
  return listFrom(base, unique([...keyValueItems(base), ...keyValueItems(over)], keyValueKey));
}

/** Mapping merge where each override entry replaces the base entry whole (null included). */
function replaceByKey(base: MapNode, over: MapNode): MapNode {
  const pairs = new Map<string, Pair>();
  for (const [name, pair] of base.pairs) if (!isReset(pair.value)) pairs.set(name, keep(pair));
  for (const [name, pair] of over.pairs) {
    if (isReset(pair.value)) pairs.delete(name);
    else pairs.set(name, keep(pair));
  }
  return containerLike(base, { kind: 'map', pairs, loc: base.loc });
}

function mergeExtraHosts(base: Node, over: Node): Node {
  // Two mappings can stay a mapping unless a host gets another address (compose then keeps both).
  if (isMap(base) && isMap(over) && sharedKeysAgree(base, over)) return replaceByKey(base, over);
  return listFrom(base, unique([...keyValueItems(base), ...keyValueItems(over)], hostKey));
}

function sharedKeysAgree(base: MapNode, over: MapNode): boolean {
  for (const [name, pair] of over.pairs) {
    const ours = base.pairs.get(name);
    if (ours && !isReset(pair.value) && JSON.stringify(toPlain(ours.value)) !== JSON.stringify(toPlain(pair.value))) {
      return false;
    }
  }
  return true;
}

function mergeUnique(base: Node, over: Node, keyOf: KeyOf): Node {
  if (isMap(base) || isMap(over)) return clean(over);
  return listFrom(base, unique([...listItems(base), ...listItems(over)], keyOf));
}

/** IPAM pools are identified by subnet: an override's pool refines the base pool with that subnet. */
function mergeIpamConfig(base: Node, over: Node, path: Path): Node {
  if (!isSeq(base) || !isSeq(over)) return mergeDefault(base, over, path);
  const items = listItems(base);
  const at = new Map<string, number>();
  items.forEach((item, index) => {
    const subnet = scalarString(child(item, 'subnet'));
    if (subnet !== undefined && !at.has(subnet)) at.set(subnet, index);
  });
  for (const item of listItems(over)) {
    const subnet = scalarString(child(item, 'subnet'));
    const index = subnet === undefined ? undefined : at.get(subnet);
    if (index === undefined) items.push(item);
    else items[index] = mergeValue(items[index], item, [...path, '*']) ?? item;
  }
  return listFrom(base, items);
}

// ---- collections as item lists ------------------------------------------------

/** Items of a sequence (or a lone scalar, which compose promotes to a one-item list). */
function listItems(node: Node): Node[] {
  if (isSeq(node)) return node.items.filter((item) => !isReset(item)).map(clean);
  if (isScalar(node)) return node.value === null ? [] : [node];
  return [];
}

/** Items of a key=value collection; a mapping's entries become `KEY=VALUE` scalars. */
function keyValueItems(node: Node): Node[] {
  if (!isMap(node)) return listItems(node);
  const items: Node[] = [];
  for (const pair of node.pairs.values()) {
    if (isReset(pair.value)) continue;
    if (isSeq(pair.value)) {
      // extra_hosts: `host: [ip1, ip2]` is one entry per address.
      for (const address of pair.value.items) if (!isReset(address)) items.push(entryItem(pair.key, address));
    } else items.push(entryItem(pair.key, pair.value));
  }
  return items;
}

/** `KEY: VALUE` written in a mapping, as the list item compose turns it into. */
function entryItem(key: ScalarNode, value: Node): ScalarNode {
  const name = String(key.value);
  const hasValue = isScalar(value) && value.value !== null;
  const text = hasValue ? `${name}=${formatScalar(value.value)}` : name;
  const written = hasValue ? `${name}=${value.written ?? formatScalar(value.value)}` : name;
  // The made-up item spans the entry's text, key through value.
  const loc = { file: key.loc.file, start: key.loc.start, end: Math.max(key.loc.end, value.loc.end) };
  return { kind: 'scalar', value: text, written, style: 'plain', loc, synthetic: true };
}

function formatScalar(value: ScalarNode['value']): string {
  return value === null ? '' : String(value);
}

/** A later item whose key matches an earlier one takes its place (compose's EnforceUnicity). */
function unique(items: Node[], keyOf: KeyOf): Node[] {
  const out: Node[] = [];
  const at = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    const index = key === undefined ? undefined : at.get(key);
    if (index !== undefined) {
      out[index] = item;
      continue;
    }
    if (key !== undefined) at.set(key, out.length);
    out.push(item);
  }
  return out;
}

function listFrom(base: Node, items: Node[]): SeqNode {
  const seq: SeqNode = { kind: 'seq', items, loc: base.loc };
  // A list built from a mapping or a scalar is not text anyone wrote.
  if (base.kind !== 'seq' || base.synthetic) seq.synthetic = true;
  return seq;
}

function containerLike<T extends MapNode | SeqNode>(base: Node, node: T): T {
  if (base.synthetic) node.synthetic = true;
  return node;
}

// ---- identity keys of unique sequences ------------------------------------------

function scalarKey(item: Node): string | undefined {
  return isScalar(item) && item.value !== null ? String(item.value) : undefined;
}

/** `KEY=VALUE` and `KEY` are both entry KEY. */
function keyValueKey(item: Node): string | undefined {
  const text = scalarKey(item);
  if (text === undefined) return undefined;
  const eq = text.indexOf('=');
  return eq >= 0 ? text.slice(0, eq) : text;
}

/** `host=ip`, `host:ip` (the address may hold colons) and the mapping form compare equal. */
function hostKey(item: Node): string | undefined {
  const text = scalarKey(item);
  if (text === undefined) return undefined;
  const eq = text.indexOf('=');
  const sep = eq >= 0 ? eq : text.indexOf(':');
  return sep >= 0 ? `${text.slice(0, sep).trim()}=${text.slice(sep + 1).trim()}` : text;
}

/** Ports are one binding per host ip, published port, target and protocol. */
function portKey(item: Node): string | undefined {
  if (isMap(item)) {
    const target = scalarString(child(item, 'target'));
    if (target === undefined) return undefined;
    const hostIp = scalarString(child(item, 'host_ip'));
    return portIdentity(hostIp, scalarString(child(item, 'published')), target, scalarString(child(item, 'protocol')));
  }
  const text = scalarKey(item);
  if (text === undefined) return undefined;
  let spec = text;
  let protocol: string | undefined;
  const slash = spec.lastIndexOf('/');
  if (slash >= 0) {
    protocol = spec.slice(slash + 1);
    spec = spec.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (spec.startsWith('[')) {
    const close = spec.indexOf(']');
    if (close > 0) {
      hostIp = spec.slice(1, close);
      spec = spec.slice(close + 1).replace(/^:/, '');
    }
  }
  const last = spec.lastIndexOf(':');
  if (last < 0) return portIdentity(hostIp, undefined, spec, protocol);
  const target = spec.slice(last + 1);
  const rest = spec.slice(0, last);
  const previous = rest.lastIndexOf(':');
  if (previous < 0 || hostIp !== undefined) return portIdentity(hostIp, rest, target, protocol);
  return portIdentity(rest.slice(0, previous), rest.slice(previous + 1), target, protocol);
}

function portIdentity(hostIp: string | undefined, published: string | undefined, target: string, protocol: string | undefined): string {
  // No host ip means all interfaces, as 0.0.0.0 does.
  return `${hostIp || '0.0.0.0'}|${published ?? ''}|${target}|${(protocol || 'tcp').toLowerCase()}`;
}

/** Mounts are identified by their path in the container. */
function volumeKey(item: Node): string | undefined {
  if (isMap(item)) return scalarString(child(item, 'target'));
  const text = scalarKey(item);
  return text === undefined ? undefined : shortVolumeTarget(text);
}

/** `[source:]target[:mode]`, where a Windows drive (`C:\data`) does not split. */
function shortVolumeTarget(spec: string): string {
  if (spec.length <= 2) return spec;
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < spec.length; i++) {
    if (spec[i] !== ':') continue;
    const drive = i - start === 1 && /[A-Za-z]/.test(spec[start]) && (spec[i + 1] === '\\' || spec[i + 1] === '/');
    if (drive) continue;
    parts.push(spec.slice(start, i));
    start = i + 1;
  }
  parts.push(spec.slice(start));
  return parts.length === 1 ? parts[0] : parts[1];
}

/** `host[:container[:perms]]`: the container path, which defaults to the host path. */
function deviceKey(item: Node): string | undefined {
  if (isMap(item)) return scalarString(child(item, 'target')) ?? scalarString(child(item, 'source'));
  const text = scalarKey(item);
  if (text === undefined) return undefined;
  const parts = text.split(':');
  return parts.length === 1 ? parts[0] : parts[1];
}

/**
 * Secrets and configs are identified by where they are mounted: a short entry
 * and a long one without target mount at `<dir>/<source>`. A relative target is
 * placed under the same folder (compose indexes it as written; the mount is the same).
 */
function mountKey(dir: string): KeyOf {
  return (item) => {
    const name = isMap(item) ? (scalarString(child(item, 'target')) ?? scalarString(child(item, 'source'))) : scalarKey(item);
    if (name === undefined) return undefined;
    return name.startsWith('/') ? name : `${dir}/${name}`;
  };
}

function envFileKey(item: Node): string | undefined {
  return isMap(item) ? scalarString(child(item, 'path')) : scalarKey(item);
}

function noKey(): undefined {
  return undefined;
}

// ---- which rule applies where ---------------------------------------------------

const REPLACE: Rule = { kind: 'replace' };
const KEY_VALUE: Rule = { kind: 'keyValue' };
const EXTRA_HOSTS: Rule = { kind: 'extraHosts' };
const BY_KEY_VALUE: Rule = { kind: 'unique', keyOf: keyValueKey };

const RULE_TABLE: Record<string, Rule> = {
  'services.*.command': REPLACE,
  'services.*.entrypoint': REPLACE,
  'services.*.healthcheck.test': REPLACE,
  // compose's mergeUlimit returns the override: each limit is replaced by name.
  'services.*.ulimits.*': REPLACE,
  'services.*.logging': { kind: 'logging' },
  'services.*.build': { kind: 'build' },
  'services.*.depends_on': { kind: 'named', fill: startedCondition },
  'services.*.networks': { kind: 'named', fill: nullEntry },
  'services.*.models': { kind: 'named', fill: nullEntry },
  'services.*.environment': KEY_VALUE,
  'services.*.labels': KEY_VALUE,
  'services.*.annotations': KEY_VALUE,
  'services.*.sysctls': KEY_VALUE,
  'services.*.build.args': KEY_VALUE,
  'services.*.build.labels': KEY_VALUE,
  'services.*.build.additional_contexts': KEY_VALUE,
  'services.*.deploy.labels': KEY_VALUE,
  'networks.*.labels': KEY_VALUE,
  'volumes.*.labels': KEY_VALUE,
  'services.*.extra_hosts': EXTRA_HOSTS,
  'services.*.build.extra_hosts': EXTRA_HOSTS,
  'services.*.ports': { kind: 'unique', keyOf: portKey },
  'services.*.volumes': { kind: 'unique', keyOf: volumeKey },
  'services.*.devices': { kind: 'unique', keyOf: deviceKey },
  'services.*.secrets': { kind: 'unique', keyOf: mountKey('/run/secrets') },
  'services.*.configs': { kind: 'unique', keyOf: mountKey('') },
  'services.*.env_file': { kind: 'unique', keyOf: envFileKey },
  'services.*.expose': { kind: 'unique', keyOf: scalarKey },
  'services.*.dns': BY_KEY_VALUE,
  'services.*.dns_opt': BY_KEY_VALUE,
  'services.*.dns_search': BY_KEY_VALUE,
  'services.*.cap_add': BY_KEY_VALUE,
  'services.*.cap_drop': BY_KEY_VALUE,
  'services.*.links': BY_KEY_VALUE,
  'services.*.profiles': BY_KEY_VALUE,
  'services.*.tmpfs': BY_KEY_VALUE,
  'services.*.build.tags': BY_KEY_VALUE,
  'services.*.build.platforms': BY_KEY_VALUE,
  'services.*.networks.*.aliases': BY_KEY_VALUE,
  'services.*.networks.*.link_local_ips': BY_KEY_VALUE,
  // A string or a list, appended (compose does not index label files).
  'services.*.label_file': { kind: 'unique', keyOf: noKey },
  'networks.*.ipam.config': { kind: 'ipamConfig' },
};

const RULES: Array<{ pattern: string[]; rule: Rule }> = Object.entries(RULE_TABLE).map(([pattern, rule]) => ({
  pattern: pattern.split('.'),
  rule,
}));

function ruleFor(path: Path): Rule | undefined {
  for (const { pattern, rule } of RULES) {
    if (pattern.length === path.length && pattern.every((segment, i) => segment === '*' || segment === path[i])) return rule;
  }
  return undefined;
}

// ---- tags and clean copies --------------------------------------------------------

function isReset(node: Node): boolean {
  return node.tag === RESET;
}

function isNull(node: Node): boolean {
  return isScalar(node) && node.value === null;
}

function keep(pair: Pair): Pair {
  const value = clean(pair.value);
  return value === pair.value ? pair : { key: pair.key, value };
}

const cleaned = new WeakMap<Node, Node>();

/** The node without `!reset` entries anywhere below it (compose drops them on reading). */
function clean(node: Node): Node {
  if (node.kind === 'scalar') return node;
  const known = cleaned.get(node);
  if (known) return known;
  let result: Node = node;
  if (node.kind === 'map') {
    let changed = false;
    const pairs = new Map<string, Pair>();
    for (const [name, pair] of node.pairs) {
      if (isReset(pair.value)) {
        changed = true;
        continue;
      }
      const kept = keep(pair);
      if (kept !== pair) changed = true;
      pairs.set(name, kept);
    }
    if (changed) result = { ...node, pairs };
  } else {
    const items = node.items.filter((item) => !isReset(item)).map(clean);
    if (items.length !== node.items.length || items.some((item, i) => item !== node.items[i])) result = { ...node, items };
  }
  cleaned.set(node, result);
  return result;
}
