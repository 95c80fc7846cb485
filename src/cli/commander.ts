import { requireFromSources } from '../lazy-builtin.ts';

type CommanderModule = typeof import('commander');

let loaded: CommanderModule | undefined;

/** commander, evaluated on first use: `check PATH...` never needs it (see bin.ts). */
export function commander(): CommanderModule {
  loaded ??= typeof require === 'function' ? (require('commander') as CommanderModule) : requireFromSources<CommanderModule>('commander');
  return loaded;
}
