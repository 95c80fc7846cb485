import { requireFromSources } from '../lazy-builtin.ts';

type YamlPackage = typeof import('yaml');

let loaded: YamlPackage | undefined;

/**
 * The yaml package, evaluated on first use: most compose files take the fast path
 * (fast-parse.ts) and never need it, and evaluating it costs a cold run ~3 ms.
 */
export function yamlPackage(): YamlPackage {
  loaded ??= typeof require === 'function' ? (require('yaml') as YamlPackage) : requireFromSources<YamlPackage>('yaml');
  return loaded;
}
