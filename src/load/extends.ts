import { basename, dirname, resolve } from 'node:path';
import type { LoadDiagnostic } from './diagnostics.ts';
import { mergeService } from './merge.ts';
import { child, isMap, isScalar, type MapNode, type Node, type Pair, type ScalarNode } from './nodes.ts';
import type { SourceFile } from './source.ts';

export interface ExtendsHost {
  /** Parse (and interpolate) another compose file, cached; undefined if it cannot be read (report a diagnostic yourself in that case via host.diagnostics). */
  loadFile(absPath: string): { root: Node | null; file: SourceFile } | undefined;
  diagnostics: LoadDiagnostic[];
}

/**
 * Applies `extends` to every service, as compose-go's loader does: the extending
 * service is merged over its (itself resolved) base with the ordinary merge rules,
 * everything inherited, depends_on and volumes_from included (compose 2.32.1 briefly
 * dropped those and reverted), and the `extends` key is gone from the result.
 * Inherited nodes keep their own file, so relative paths and findings stay
 * anchored to the file that wrote them.
 */
export function resolveExtends(root: MapNode, host: ExtendsHost): MapNode {
  const services = child(root, 'services');
  if (!isMap(services)) return root;
  const resolver = new ExtendsResolver(host);
  const scope: Scope = { path: root.loc.file.path, label: basename(root.loc.file.path), services };
  let changed = false;
  const resolved = new Map<string, Pair>();
  for (const [name, pair] of services.pairs) {
    const value = resolver.resolve(scope, name);
    if (value !== pair.value) changed = true;
    resolved.set(name, value === pair.value ? pair : { key: pair.key, value });
  }
  if (!changed) return root;
  const pairs = new Map(root.pairs);
  const servicesPair = root.pairs.get('services')!;
  pairs.set('services', { key: servicesPair.key, value: { ...services, pairs: resolved } });
  return { ...root, pairs };
}

/** Longer extends chains than this are hostile, not real: no compose file needs a thousand levels of inheritance. */
const MAX_CHAIN = 1000;

/** The services of one file, as extends sees them. */
interface Scope {
  /** Absolute path of the file; with a service name it identifies a link of an extends chain. */
  path: string;
  /** How messages name the file. */
  label: string;
  services: MapNode | undefined;
}

interface ExtendsRef {
  /** The service named, as written (the scalar `extends: name` or `service:`). */
  service: ScalarNode;
  /** `file:` as written, when the base lives in another file. */
  file?: ScalarNode;
}

interface Frame {
  scope: Scope;
  name: string;
}

class ExtendsResolver {
  /** Resolved services per file scope: each is resolved once, however many services extend it. */
  private readonly done = new Map<Scope, Map<string, Node>>();
  private readonly scopes = new Map<string, Scope | undefined>();
  private readonly chain: Frame[] = [];

  constructor(private readonly host: ExtendsHost) {}

  /** The service `name` of `scope` (which must hold it) with its extends applied. */
  resolve(scope: Scope, name: string): Node {
    let memo = this.done.get(scope);
    if (!memo) this.done.set(scope, (memo = new Map()));
    const known = memo.get(name);
    if (known) return known;
    const service = scope.services!.pairs.get(name)!.value;
    const result = this.extend(scope, name, service);
    memo.set(name, result);
    return result;
  }

  private extend(scope: Scope, name: string, service: Node): Node {
    const extendsNode = child(service, 'extends');
    const ref = extendsNode && parseRef(extendsNode);
    // A malformed extends is left in place for schema validation to report.
    if (!isMap(service) || !ref) return service;
    const own = withoutExtends(service);

    const target = ref.file ? this.fileScope(ref.file) : scope;
    if (!target) {
      this.report(name, ref.file!, `Service "${name}" extends "${ref.service.value}" from "${ref.file!.value}", which cannot be read; check the path.`);
      return own;
    }
    const baseName = String(ref.service.value);
    if (!target.services?.pairs.has(baseName)) {
      const where = ref.file ? String(ref.file.value) : target.label;
      this.report(name, ref.service, `Service "${name}" extends "${baseName}", which does not exist in ${where}; name a service defined there.`);
      return own;
    }

    this.chain.push({ scope, name });
    try {
      const loopStart = this.chain.findIndex((frame) => frame.scope.path === target.path && frame.name === baseName);
      if (loopStart >= 0) {
        this.reportCycle(scope, name, ref.service, loopStart);
        return own;
      }
      // Each link of the chain is a level of recursion: a hostile file's 20,000 links would overflow the stack.
      if (this.chain.length > MAX_CHAIN) {
        this.report(name, ref.service, `Service "${name}" ends a chain of more than ${MAX_CHAIN} extends; compose-lint follows it no further, so shorten it.`);
        return own;
      }
      const base = this.resolve(target, baseName);
      // A base with no body (`base:`) adds nothing; any other non-mapping is the schema's to report.
      return isMap(base) ? mergeService(base, own) : own;
    } finally {
      this.chain.pop();
    }
  }

  private fileScope(fileNode: ScalarNode): Scope | undefined {
    // Relative to the folder of the file where `file:` is written, which for an
    // inherited extends is the extended file, not the project's.
    const path = resolve(dirname(fileNode.loc.file.path), String(fileNode.value));
    if (this.scopes.has(path)) return this.scopes.get(path);
    const loaded = this.host.loadFile(path);
    const services = loaded ? child(loaded.root, 'services') : undefined;
    const scope = loaded && { path, label: String(fileNode.value), services: isMap(services) ? services : undefined };
    this.scopes.set(path, scope);
    return scope;
  }

  private reportCycle(scope: Scope, name: string, at: ScalarNode, loopStart: number): void {
    // Told from the service whose extends closes the loop: b -> a -> b.
    const members = this.chain.slice(loopStart, -1);
    if (members.length === 0) {
      this.report(name, at, `Service "${name}" extends itself; remove the extends or name another service.`);
      return;
    }
    const label = (frame: Frame) => (frame.scope.path === scope.path ? frame.name : `${frame.name} (${basename(frame.scope.path)})`);
    const loop = [name, ...members.map(label), name].join(' -> ');
    this.report(name, at, `Service "${name}" extends itself through ${loop}; remove one of these extends.`);
  }

  private report(service: string, at: Node, message: string): void {
    this.host.diagnostics.push({ ruleId: 'undefined-reference', message, loc: at.loc, service });
  }
}

/** `extends: name` or `extends: {service: name, file: path}`. */
function parseRef(node: Node): ExtendsRef | undefined {
  if (isScalar(node)) return typeof node.value === 'string' ? { service: node } : undefined;
  const service = child(node, 'service');
  if (!isScalar(service) || service.value === null) return undefined;
  const file = child(node, 'file');
  if (file !== undefined && (!isScalar(file) || file.value === null)) return undefined;
  return file ? { service, file: file as ScalarNode } : { service };
}

function withoutExtends(service: MapNode): MapNode {
  const pairs = new Map(service.pairs);
  pairs.delete('extends');
  return { ...service, pairs };
}
