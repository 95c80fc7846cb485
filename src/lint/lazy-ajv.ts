import { requireFromSources } from '../lazy-builtin.ts';

type AjvModule = typeof import('ajv');

let loaded: AjvModule | undefined;

/**
 * ajv's compiler is a large share of the bundle's startup, and most runs compile no schema
 * at run time (rule options and policies are rare), so it is required on first use. A plain
 * `require('ajv')` lets esbuild bundle ajv yet evaluate it only here; outside the bundle
 * (tsx) an ES module has no `require`, hence the fallback.
 */
export function loadAjv(): AjvModule {
  if (loaded) return loaded;
  loaded = typeof require === 'function' ? (require('ajv') as AjvModule) : requireFromSources<AjvModule>('ajv');
  return loaded;
}
