import { builtin } from '../lazy-builtin.ts';

type YamlPackage = typeof import('yaml');

let loaded: YamlPackage | undefined;

/**
 * The yaml package, evaluated on first use: most compose files take the fast path
 * (fast-parse.ts) and never need it, and evaluating it costs a cold run ~3 ms. A plain
 * `require('yaml')` lets esbuild bundle it yet evaluate it only here; the sources, run as
 * ES modules (the tests), have no `require`.
 */
export function yamlPackage(): YamlPackage {
  loaded ??= typeof require === 'function' ? (require('yaml') as YamlPackage) : (builtin<typeof import('node:module')>('node:module').createRequire(import.meta.url)('yaml') as YamlPackage);
  return loaded;
}
