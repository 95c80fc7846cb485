import { child, type MapNode, type Pair } from './nodes.ts';

/**
 * Drop the services whose `profiles` list names none of the active profiles,
 * as compose does. `undefined` means every profile is active.
 */
export function applyProfiles(root: MapNode, active: string[] | undefined): MapNode {
  if (!active) return root;
  const services = child(root, 'services');
  if (services?.kind !== 'map') return root;
  const enabled = new Set(active);
  const kept = new Map<string, Pair>();
  for (const [name, pair] of services.pairs) {
    const profiles = child(pair.value, 'profiles');
    const names = profiles?.kind === 'seq' ? profiles.items.map((item) => (item.kind === 'scalar' ? String(item.value) : '')) : [];
    if (names.length === 0 || enabled.has('*') || names.some((profile) => enabled.has(profile))) kept.set(name, pair);
  }
  if (kept.size === services.pairs.size) return root;
  const pairs = new Map(root.pairs);
  pairs.set('services', { key: root.pairs.get('services')!.key, value: { ...services, pairs: kept } });
  return { ...root, pairs };
}
