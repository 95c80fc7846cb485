import { isAbsolute, resolve } from 'node:path';
import { child, type Node, type ScalarNode } from '../../load/nodes.ts';
import type { FileFacts } from '../rule-types.ts';

/** A service's `build`, with the paths compose would read. */
export interface BuildContext {
  /** The context as written (`.` when only `build: {}` or a mapping without `context`). */
  context: string;
  /** The scalar that names the context (`build: ./api` or `context:`); undefined when defaulted. */
  contextNode?: ScalarNode;
  /** A URL or git reference: nothing local to check. */
  remote: boolean;
  /** Absolute path of a local context. */
  contextPath?: string;
  /** `dockerfile:` when written. */
  dockerfileNode?: ScalarNode;
  /** Absolute path of the Dockerfile of a local context (the default `Dockerfile` when none is written). */
  dockerfilePath?: string;
  /** `dockerfile_inline` is set: the Dockerfile lives in the compose file. */
  inline: boolean;
}

/** Remote build contexts as Docker reads them: URLs, git remotes and `github.com/` shorthands. */
export function isRemoteContext(context: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(context) || context.startsWith('git@') || context.startsWith('github.com/');
}

/** The service's build, or undefined when it has none (or one compose would reject). */
export function serviceBuild(service: Node, files: FileFacts): BuildContext | undefined {
  const build = child(service, 'build');
  if (!build) return undefined;
  let contextNode: ScalarNode | undefined;
  let dockerfileNode: ScalarNode | undefined;
  let inline = false;
  if (build.kind === 'scalar') {
    if (build.value === null || String(build.value) === '') return undefined;
    contextNode = build;
  } else if (build.kind === 'map') {
    const contextValue = child(build, 'context');
    if (contextValue?.kind === 'scalar' && contextValue.value !== null && String(contextValue.value) !== '') contextNode = contextValue;
    const dockerfile = child(build, 'dockerfile');
    if (dockerfile?.kind === 'scalar' && dockerfile.value !== null && String(dockerfile.value) !== '') dockerfileNode = dockerfile;
    const inlineNode = child(build, 'dockerfile_inline');
    inline = inlineNode?.kind === 'scalar' && inlineNode.value !== null;
  } else return undefined;

  const context = contextNode ? String(contextNode.value) : '.';
  const remote = isRemoteContext(context);
  if (remote) return { context, contextNode, remote, dockerfileNode, inline };
  // A defaulted context is the folder of the file that wrote `build:`.
  const contextPath = files.resolve(contextNode ?? build, context);
  const dockerfile = dockerfileNode ? String(dockerfileNode.value) : 'Dockerfile';
  const dockerfilePath = isAbsolute(dockerfile) ? dockerfile : resolve(contextPath, dockerfile);
  return { context, contextNode, remote, contextPath, dockerfileNode, dockerfilePath, inline };
}

/** Text of the service's Dockerfile (inline or on disk), when it can be read. */
export function dockerfileText(build: BuildContext, service: Node, files: FileFacts): string | undefined {
  if (build.inline) {
    const inline = child(child(service, 'build'), 'dockerfile_inline');
    return inline?.kind === 'scalar' && inline.value !== null ? String(inline.value) : undefined;
  }
  if (!build.dockerfilePath) return undefined;
  const text = files.readText(build.dockerfilePath);
  if (text !== undefined || build.dockerfileNode) return text;
  // BuildKit falls back to a lower-case `dockerfile` when `Dockerfile` is absent.
  return files.readText(resolve(build.dockerfilePath, '..', 'dockerfile'));
}
