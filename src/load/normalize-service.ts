import type { LoadDiagnostic } from './diagnostics.ts';
import { child, isMap, isScalar, isSeq, setOwn, toPlain, type MapNode, type Node } from './nodes.ts';
import { buildConfig } from './normalize-build.ts';
import { deployConfig } from './normalize-deploy.ts';
import { fileReferences } from './normalize-file-refs.ts';
import { hostsList } from './normalize-hosts.ts';
import { splitCommand } from './normalize-command.ts';
import { checkEnvFiles, envFileEntries, keyValues, serviceEnvironment } from './normalize-environment.ts';
import { completePortConfig, parsePortSpec } from './normalize-ports.ts';
import { isObject } from './normalize-shape.ts';
import { normalizeBytes, normalizeDuration } from './normalize-units.ts';
import { cleanTarget, completeVolumeConfig, parseVolumeSpec, resolveHostPath } from './normalize-volumes.ts';

/** What normalising a service needs from its project. */
export interface NormalizeContext {
  /** The project's variables (process environment over env files). */
  lookup: (name: string) => string | undefined;
  /** For `~` in host paths. */
  home: string;
  /** Missing env files and the like: compose refuses the project. */
  diagnostics: LoadDiagnostic[];
  /**
   * Fold env_file into environment and drop it, as `docker compose config` does;
   * false keeps the env_file list (the uninterpolated model compose prints).
   */
  foldEnvFiles: boolean;
}

type FieldNormalizer = (node: Node, ctx: NormalizeContext) => unknown;

const strings = (node: Node): unknown => (isSeq(node) ? node.items.map((item) => scalarText(item)) : toPlain(node));
/** compose's StringList: one string is a one-item list. */
const stringList = (node: Node): unknown => (isScalar(node) && node.value !== null ? [String(node.value)] : strings(node));
const labels = (node: Node): unknown => keyValues(node, () => '') ?? toPlain(node);
const bytes = (node: Node): unknown => normalizeBytes(toPlain(node));
const duration = (node: Node): unknown => normalizeDuration(toPlain(node));

const FIELDS: Record<string, FieldNormalizer> = {
  build: buildConfig,
  command: shellCommand,
  entrypoint: shellCommand,
  healthcheck,
  depends_on: dependsOn,
  deploy: deployConfig,
  devices,
  dns: stringList,
  dns_search: stringList,
  tmpfs: stringList,
  expose: strings,
  extra_hosts: hostsList,
  labels,
  annotations: labels,
  sysctls: labels,
  label_file: labelFiles,
  logging,
  mem_limit: bytes,
  mem_reservation: bytes,
  memswap_limit: bytes,
  mem_swappiness: bytes,
  shm_size: bytes,
  stop_grace_period: duration,
  networks: (node) => namedEntries(node, null),
  models: (node) => namedEntries(node, {}),
  ports,
  pull_policy: (node) => (isScalar(node) && node.value === 'if_not_present' ? 'missing' : toPlain(node)),
  secrets: (node) => fileReferences(node, '/run/secrets/'),
  configs: (node) => fileReferences(node, undefined),
  ulimits,
  volumes,
  develop,
};

/** One service in compose's canonical form (key order comes later, from normalize-shape). */
export function normalizeService(name: string, service: MapNode, ctx: NormalizeContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, pair] of service.pairs) {
    if (key === 'environment' || key === 'env_file') continue;
    const normalize = Object.hasOwn(FIELDS, key) ? FIELDS[key] : undefined;
    const value = normalize ? normalize(pair.value, ctx) : toPlain(pair.value);
    if (value !== undefined) setOwn(out, key, value);
  }

  const envFiles = envFileEntries(child(service, 'env_file'), ctx.home);
  checkEnvFiles(envFiles, name, ctx.diagnostics);
  const environment = ctx.foldEnvFiles
    ? serviceEnvironment({ environment: child(service, 'environment'), envFiles, lookup: ctx.lookup, diagnostics: ctx.diagnostics, service: name })
    : keyValues(child(service, 'environment'), (key) => ctx.lookup(key) ?? null);
  if (environment) out.environment = environment;
  if (!ctx.foldEnvFiles && envFiles.length > 0) {
    out.env_file = envFiles.map((entry) => ({ path: entry.path, required: entry.required, ...(entry.format ? { format: entry.format } : {}) }));
  }

  addImplicitDependencies(out);
  // A service attached to nothing is on the project's default network.
  if (!hasEntries(out.networks) && !out.network_mode && !out.provider) out.networks = { default: null };
  return out;
}

function scalarText(node: Node): unknown {
  return isScalar(node) && node.value !== null ? String(node.value) : toPlain(node);
}

function hasEntries(value: unknown): boolean {
  return isObject(value) && Object.keys(value).length > 0;
}

/** A string command is split into words as compose splits it; one compose cannot split stays as written. */
function shellCommand(node: Node): unknown {
  if (isScalar(node)) {
    if (node.value === null) return undefined;
    return splitCommand(String(node.value)) ?? String(node.value);
  }
  return strings(node);
}

function healthcheck(node: Node): unknown {
  const plain = toPlain(node);
  if (!isMap(node) || !isObject(plain)) return plain;
  const test = child(node, 'test');
  if (isScalar(test) && test.value !== null) plain.test = ['CMD-SHELL', String(test.value)];
  else if (test) plain.test = strings(test);
  for (const key of ['timeout', 'interval', 'start_period', 'start_interval']) {
    if (key in plain) plain[key] = normalizeDuration(plain[key]);
  }
  return plain;
}

const STARTED = { condition: 'service_started', required: true };

/** `depends_on: [db]` and entries without condition or required get compose's defaults. */
function dependsOn(node: Node): unknown {
  if (isSeq(node)) {
    const out: Record<string, unknown> = {};
    for (const item of node.items) if (isScalar(item) && item.value !== null) setOwn(out, String(item.value), { ...STARTED });
    return out;
  }
  const plain = toPlain(node);
  if (!isObject(plain)) return plain;
  for (const [name, value] of Object.entries(plain)) {
    const entry = isObject(value) ? value : {};
    plain[name] = { condition: entry.condition ?? 'service_started', ...entry, required: entry.required ?? true };
  }
  return plain;
}

/**
 * compose starts a service after those it names in links, `service:` namespaces
 * and volumes_from, and says so in depends_on.
 */
function addImplicitDependencies(service: Record<string, unknown>): void {
  const implied: [string, boolean][] = [];
  if (Array.isArray(service.links)) for (const link of service.links) implied.push([String(link).split(':')[0], true]);
  for (const key of ['network_mode', 'ipc', 'pid', 'uts', 'cgroup']) {
    const value = service[key];
    if (typeof value === 'string' && value.startsWith('service:')) implied.push([value.slice('service:'.length), true]);
  }
  if (Array.isArray(service.volumes_from)) {
    for (const entry of service.volumes_from) {
      const text = String(entry);
      if (!text.startsWith('container:')) implied.push([text.split(':')[0], false]);
    }
  }
  if (implied.length === 0) return;
  const dependencies = isObject(service.depends_on) ? service.depends_on : {};
  for (const [name, restart] of implied) {
    if (!Object.hasOwn(dependencies, name)) setOwn(dependencies, name, { condition: 'service_started', restart, required: true });
  }
  service.depends_on = dependencies;
}

/** `devices: ["/dev/x:/dev/y:r"]`: source, target (the source by default) and permissions (rwm by default). */
function devices(node: Node): unknown {
  if (!isSeq(node)) return toPlain(node);
  return node.items.map((item) => {
    if (!isScalar(item) || item.value === null) return toPlain(item);
    const parts = String(item.value).split(':');
    if (parts.length > 3) return String(item.value);
    return { source: parts[0], target: parts[1] ?? parts[0], permissions: parts[2] ?? 'rwm' };
  });
}

function labelFiles(node: Node, ctx: NormalizeContext): unknown {
  const items = isSeq(node) ? node.items : [node];
  return items.map((item) => (isScalar(item) && item.value !== null ? resolveHostPath(String(item.value), item.loc.file.baseDir, ctx.home) : toPlain(item)));
}

/** Logging options are strings in compose's model (`max-file: 3` prints as "3"). */
function logging(node: Node): unknown {
  const plain = toPlain(node);
  if (isObject(plain) && isObject(plain.options)) {
    plain.options = Object.fromEntries(Object.entries(plain.options).map(([key, value]) => [key, value === null ? null : String(value)]));
  }
  return plain;
}

/** networks and models: a list names entries that a mapping would configure (a network with null, a model with {}). */
function namedEntries(node: Node, empty: null | Record<string, never>): unknown {
  if (isSeq(node)) {
    const out: Record<string, unknown> = {};
    for (const item of node.items) if (isScalar(item) && item.value !== null) setOwn(out, String(item.value), empty === null ? null : {});
    return out;
  }
  return toPlain(node);
}

/** Ports in long syntax; a binding two specs both expand to (`3000` and `3000-3005`) is listed once. */
function ports(node: Node): unknown {
  if (!isSeq(node)) return toPlain(node);
  const out: unknown[] = [];
  const seen = new Set<string>();
  const add = (entry: unknown) => {
    const key = JSON.stringify(entry);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(entry);
  };
  for (const item of node.items) {
    if (isScalar(item) && item.value !== null) {
      // A spec compose cannot read (or an uninterpolated `${PORT}:80`) stays as written.
      for (const entry of parsePortSpec(String(item.value)) ?? [item.value]) add(entry);
    } else {
      const plain = toPlain(item);
      add(isObject(plain) ? completePortConfig(plain) : plain);
    }
  }
  return out;
}

function ulimits(node: Node): unknown {
  const plain = toPlain(node);
  if (!isObject(plain)) return plain;
  for (const [name, value] of Object.entries(plain)) {
    if (isObject(value)) plain[name] = { soft: value.soft ?? 0, hard: value.hard ?? 0 };
  }
  return plain;
}

/** Service volumes in long syntax, bind sources made absolute against the folder of the file that wrote them. */
function volumes(node: Node, ctx: NormalizeContext): unknown {
  if (!isSeq(node)) return toPlain(node);
  return node.items.map((item) => {
    let entry: Record<string, unknown> | undefined;
    let sourceDir = item.loc.file.baseDir;
    if (isScalar(item) && item.value !== null) {
      entry = parseVolumeSpec(String(item.value));
      if (!entry) return item.value;
    } else {
      const plain = toPlain(item);
      if (!isObject(plain)) return plain;
      entry = completeVolumeConfig(plain);
      const source = child(item, 'source');
      if (source) sourceDir = source.loc.file.baseDir;
    }
    if (typeof entry.target === 'string') entry.target = cleanTarget(entry.target);
    if (entry.type === 'bind' && typeof entry.source === 'string' && entry.source !== '') {
      entry.source = resolveHostPath(entry.source, sourceDir, ctx.home);
    }
    return entry;
  });
}

/** develop.watch paths are host paths. */
function develop(node: Node, ctx: NormalizeContext): unknown {
  const plain = toPlain(node);
  const watch = child(node, 'watch');
  if (!isObject(plain) || !isSeq(watch)) return plain;
  plain.watch = watch.items.map((item) => {
    const entry = toPlain(item);
    const path = child(item, 'path');
    if (isObject(entry) && isScalar(path) && path.value !== null) {
      entry.path = resolveHostPath(String(path.value), path.loc.file.baseDir, ctx.home);
    }
    return entry;
  });
  return plain;
}
