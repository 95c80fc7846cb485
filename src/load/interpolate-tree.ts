import type { LoadDiagnostic } from './diagnostics.ts';
import type { Environment } from './environment.ts';
import { interpolate } from './interpolate.ts';
import type { Loc, Node, ScalarNode } from './nodes.ts';
import { applyCast, CAST_ROOT, castChild, type CastTrie } from './casts.ts';
import { spanWithin } from './scalar-span.ts';

/** One use of a variable in a compose file: what `undefined-variable`, `env-example-complete` and `config --variables` read. */
export interface VariableRef {
  name: string;
  loc: Loc;
  /** The whole scalar the variable was written in (its string form before interpolation). */
  scalar: ScalarNode;
  operator: '' | ':-' | '-' | ':?' | '?' | ':+' | '+';
  defaultText?: string;
  required: boolean;
}

interface Frame {
  node: Node;
  trie: CastTrie | undefined;
  /** The service whose definition this node is in, for attributing findings. */
  service?: string;
}

/**
 * Interpolate every string value of one file's tree in place (keys never), then
 * apply compose's casts on the paths it casts. Aliased nodes are shared and so
 * visited once.
 */
export function interpolateTree(
  root: Node,
  env: Environment,
  diagnostics: LoadDiagnostic[],
  variables: VariableRef[],
  enabled = true,
): void {
  const seen = new WeakSet<Node>();
  // Explicit stack: compose files are shallow, hostile ones are not.
  const services = root.kind === 'map' ? root.pairs.get('services')?.value : undefined;
  const stack: Frame[] = [{ node: root, trie: CAST_ROOT }];
  while (stack.length > 0) {
    const { node, trie, service } = stack.pop()!;
    if (node.kind === 'scalar') {
      if (!seen.has(node)) {
        seen.add(node);
        const found = diagnostics.length;
        interpolateScalar(node, trie, env, diagnostics, variables, enabled);
        if (service !== undefined) for (let i = found; i < diagnostics.length; i++) diagnostics[i].service = service;
      }
      continue;
    }
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.kind === 'map') {
      for (const [key, pair] of node.pairs) {
        stack.push({ node: pair.value, trie: castChild(trie, key), service: node === services ? key : service });
      }
    } else {
      const itemTrie = castChild(trie, '*');
      for (const item of node.items) stack.push({ node: item, trie: itemTrie, service });
    }
  }
}

function interpolateScalar(
  node: ScalarNode,
  trie: CastTrie | undefined,
  env: Environment,
  diagnostics: LoadDiagnostic[],
  variables: VariableRef[],
  enabled: boolean,
): void {
  const written = node.written;
  if (written === null) return;
  let text = written;
  if (enabled && written.includes('$')) {
    const result = interpolate(written, env.lookup);
    text = result.value;
    for (const use of result.uses) {
      variables.push({
        name: use.name,
        loc: spanWithin(node, use.start, use.end),
        scalar: node,
        operator: use.operator,
        defaultText: use.defaultText,
        required: use.required,
      });
    }
    for (const issue of result.issues) {
      if (issue.kind === 'required') continue; // declared required at deploy time: never a lint failure
      const message =
        issue.kind === 'invalid'
          ? issue.message
          : `Variable "${issue.variable}" is not set in the environment or an env file, so compose substitutes an empty string; set it or write a default like \${${issue.variable}:-value}.`;
      diagnostics.push({
        ruleId: issue.kind === 'invalid' ? 'invalid-interpolation' : 'undefined-variable',
        message,
        loc: spanWithin(node, issue.start, issue.end),
      });
    }
  }
  node.value = trie?.cast ? applyCast(trie.cast, text) : text;
}
