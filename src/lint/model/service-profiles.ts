import { child, type Node } from '../../load/nodes.ts';

/** The profiles a service belongs to; empty for a service that always runs. */
export function serviceProfiles(service: Node): string[] {
  const profiles = child(service, 'profiles');
  if (profiles?.kind !== 'seq') return [];
  const out: string[] = [];
  for (const item of profiles.items) if (item.kind === 'scalar' && item.value !== null) out.push(String(item.value));
  return out;
}

/**
 * Whether two services are meant to run at the same time. Services in disjoint
 * profiles (`cpu` and `gpu` variants of one server) are alternatives, so a clash
 * between them (one host port, one container name) is by design.
 */
export function profilesOverlap(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((profile) => b.includes(profile));
}
