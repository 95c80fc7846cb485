import { child, type ScalarNode } from '../../load/nodes.ts';
import { parseImageRef, type ImageRef } from './image-ref.ts';
import type { ServiceModel } from './project-model.ts';

export interface PulledImage {
  node: ScalarNode;
  /** The reference as compose sees it (after interpolation), trimmed. */
  text: string;
  ref: ImageRef;
}

/**
 * The image a service pulls from a registry, for image policies. None for a
 * service that builds its image (`image:` then names the local tag compose gives
 * the build), and none for a reference that is not complete yet, such as
 * `/app:` from unset `${REGISTRY}` and `${TAG}`: a policy cannot judge it.
 */
export function pulledImage(service: ServiceModel): PulledImage | undefined {
  if (child(service.node, 'build') !== undefined) return undefined;
  const node = child(service.node, 'image');
  if (node?.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  const text = node.value.trim();
  const ref = parseImageRef(text);
  if (!ref || ref.tag === '' || ref.digest === '' || ref.fullName.split('/').some((segment) => segment === '')) return undefined;
  return { node, text, ref };
}
