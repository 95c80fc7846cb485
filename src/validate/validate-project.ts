import type { LoadDiagnostic } from '../load/diagnostics.ts';
import { toPlain, type Loc, type Node } from '../load/nodes.ts';
import type { LoadedProject } from '../load/project.ts';
import { validateCompose, type SchemaProblem } from './schema.ts';

/**
 * Validate the merged, interpolated model against the compose spec (as compose
 * does) and point each problem back at the node where it was written.
 */
export function validateProject(project: LoadedProject): LoadDiagnostic[] {
  if (!project.root) return [];
  const problems = validateCompose(toPlain(project.root));
  return problems.map((problem) => toDiagnostic(project.root!, problem));
}

function toDiagnostic(root: Node, problem: SchemaProblem): LoadDiagnostic {
  const diagnostic: LoadDiagnostic = { ruleId: 'schema', message: problem.message, loc: locate(root, problem) };
  if (problem.path[0] === 'services' && typeof problem.path[1] === 'string') diagnostic.service = problem.path[1];
  return diagnostic;
}

/** The most specific written node for a problem: the value, or the key that names it. */
function locate(root: Node, problem: SchemaProblem): Loc {
  let node: Node = root;
  let keyLoc: Loc | undefined;
  for (const segment of problem.path) {
    if (node.kind === 'map') {
      const pair = node.pairs.get(String(segment));
      if (!pair) break;
      keyLoc = pair.key.loc;
      node = pair.value;
    } else if (node.kind === 'seq' && typeof segment === 'number' && node.items[segment]) {
      keyLoc = undefined;
      node = node.items[segment];
    } else break;
  }
  if (problem.at === 'key' && keyLoc) return keyLoc;
  // A value written as nothing (`key:`) has an empty range right after its key.
  if (node.loc.start === node.loc.end && keyLoc) return keyLoc;
  return node.loc;
}
