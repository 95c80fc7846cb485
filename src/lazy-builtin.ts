import { createRequire } from 'node:module';

/**
 * A Node built-in module, loaded when first needed: some cost a cold run milliseconds
 * (node:tty and node:v8 bring in streams). The CLI bundle is CommonJS and has `require`;
 * the sources also run as ES modules (the tests), which do not.
 */
export function builtin<T>(id: `node:${string}`): T {
  return (typeof require === 'function' ? require(id) : createRequire(import.meta.url)(id)) as T;
}
