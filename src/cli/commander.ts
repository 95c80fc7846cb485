import { createRequire } from 'node:module';

type CommanderModule = typeof import('commander');

let loaded: CommanderModule | undefined;

/** commander, evaluated on first use: `check PATH...` never needs it (see bin.ts). */
export function commander(): CommanderModule {
  loaded ??= typeof require === 'function' ? (require('commander') as CommanderModule) : (createRequire(import.meta.url)('commander') as CommanderModule);
  return loaded;
}
