/**
 * A Node built-in module, loaded when first needed: some cost a cold run milliseconds
 * (node:tty and node:v8 bring in streams), and even node:module and node:os cost a
 * fraction of one each. The CLI bundle is CommonJS and has `require`; the sources also run
 * as ES modules (the tests), which have process.getBuiltinModule instead (Node 20.16+).
 */
export function builtin<T>(id: `node:${string}`): T {
  return (typeof require === 'function' ? require(id) : process.getBuiltinModule(id)) as T;
}

/**
 * A package, for the sources run as ES modules, which have no `require`. Packages loaded on
 * first use call `require('name')` themselves when it exists, with the name written out, so
 * that esbuild bundles the package yet evaluates it only there; this is their fallback.
 */
export function requireFromSources<T>(id: string): T {
  return builtin<typeof import('node:module')>('node:module').createRequire(import.meta.url)(id) as T;
}
