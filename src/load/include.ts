import { dirname, isAbsolute, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { child, makeMap, type MapNode, type Node, type Pair, type ScalarNode } from './nodes.ts';
import { loadProjectTree, type LoadSession } from './project.ts';

const SECTIONS = ['services', 'networks', 'volumes', 'secrets', 'configs'];
/** Deeper include nesting than this is hostile: real projects nest a few levels. */
const MAX_INCLUDE_DEPTH = 100;

/**
 * `include:` loads each listed compose application as its own project (its own
 * folder and `.env`) and adds its resources to the including file; a resource
 * defined on both sides is a conflict compose refuses.
 */
export function resolveIncludes(root: MapNode, session: LoadSession): MapNode {
  const include = child(root, 'include');
  if (include?.kind !== 'seq') return root;
  let result = root;
  for (const entry of include.items) {
    const request = readEntry(entry);
    if (!request) continue;
    const baseDir = entry.loc.file.baseDir;
    const files: string[] = [];
    for (const pathNode of request.paths) {
      const path = absolute(baseDir, String(pathNode.value));
      // Every level is a level of recursion: thousands of chained files would overflow the stack.
      if (session.including.length >= MAX_INCLUDE_DEPTH) {
        session.diagnostics.push({
          ruleId: 'undefined-reference',
          message: `Including ${String(pathNode.value)} nests includes more than ${MAX_INCLUDE_DEPTH} levels deep; compose-lint reads no further, so flatten the chain.`,
          loc: pathNode.loc,
        });
        continue;
      }
      if (session.including.includes(path) || path === entry.loc.file.path) {
        session.diagnostics.push({
          ruleId: 'undefined-reference',
          message: `Including ${String(pathNode.value)} again creates an include cycle; compose refuses it.`,
          loc: pathNode.loc,
        });
        continue;
      }
      if (!existsSync(path)) {
        session.diagnostics.push({
          ruleId: 'missing-file',
          message: `Included compose file ${String(pathNode.value)} does not exist; compose refuses the project until it does.`,
          loc: pathNode.loc,
        });
        continue;
      }
      files.push(path);
    }
    if (files.length === 0) continue;
    const workingDir = request.projectDirectory ? absolute(baseDir, String(request.projectDirectory.value)) : dirname(files[0]);
    const envFiles = request.envFiles
      ?.filter((node) => {
        const exists = existsSync(absolute(baseDir, String(node.value)));
        if (!exists) {
          session.diagnostics.push({
            ruleId: 'missing-file',
            message: `Env file ${String(node.value)} of this include does not exist; compose refuses the project until it does.`,
            loc: node.loc,
          });
        }
        return exists;
      })
      .map((node) => absolute(baseDir, String(node.value)));
    session.including.push(entry.loc.file.path);
    try {
      const included = loadProjectTree({ files, workingDir }, envFiles, session, false);
      if (included.root) result = addResources(result, included.root, String(request.paths[0].value), session);
    } finally {
      session.including.pop();
    }
  }
  return result;
}

interface IncludeRequest {
  paths: ScalarNode[];
  projectDirectory?: ScalarNode;
  envFiles?: ScalarNode[];
}

function readEntry(entry: Node): IncludeRequest | undefined {
  if (entry.kind === 'scalar') return typeof entry.value === 'string' ? { paths: [entry] } : undefined;
  if (entry.kind !== 'map') return undefined;
  const paths = scalars(child(entry, 'path'));
  if (paths.length === 0) return undefined;
  const projectDirectory = child(entry, 'project_directory');
  const envFile = child(entry, 'env_file');
  return {
    paths,
    projectDirectory: projectDirectory?.kind === 'scalar' ? projectDirectory : undefined,
    envFiles: envFile ? scalars(envFile) : undefined,
  };
}

function scalars(node: Node | undefined): ScalarNode[] {
  if (node?.kind === 'scalar' && typeof node.value === 'string') return [node];
  if (node?.kind === 'seq') return node.items.filter((item): item is ScalarNode => item.kind === 'scalar' && typeof item.value === 'string');
  return [];
}

function absolute(baseDir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

function addResources(root: MapNode, included: MapNode, includedAs: string, session: LoadSession): MapNode {
  const pairs = new Map<string, Pair>(root.pairs);
  for (const section of SECTIONS) {
    const theirs = child(included, section);
    if (theirs?.kind !== 'map' || theirs.pairs.size === 0) continue;
    const ourPair = pairs.get(section);
    const ours = ourPair?.value.kind === 'map' ? ourPair.value : undefined;
    const merged = new Map<string, Pair>(ours?.pairs ?? []);
    for (const [name, pair] of theirs.pairs) {
      const existing = merged.get(name);
      if (existing) {
        session.diagnostics.push({
          ruleId: 'duplicate-key',
          message: `${section}.${name} is also defined by the included file ${includedAs}; compose refuses the conflict, so rename or remove one.`,
          loc: existing.key.loc,
        });
        continue;
      }
      merged.set(name, pair);
    }
    const container = makeMap(ours?.loc ?? theirs.loc, merged, false);
    pairs.set(section, { key: ourPair?.key ?? included.pairs.get(section)!.key, value: container });
  }
  return { ...root, pairs };
}
