import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/cli.ts';

/** A place a value can be written: mapping keys, `0` for a list item, `k` for a name the user picks. */
export type Slot = (string | number)[];

interface Schema {
  $ref?: string;
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

const SPEC = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/compose-spec.json'), 'utf8')) as Schema & { definitions: Record<string, Schema> };

function deref(schema: Schema): Schema {
  return schema.$ref ? deref(SPEC.definitions[schema.$ref.replace('#/definitions/', '')]) : schema;
}

/** Every slot of the compose spec under `definition`, to `maxDepth` levels: the slots a compose file can fill. */
export function slotsOf(definition: string, maxDepth: number): Slot[] {
  const out = new Map<string, Slot>();
  const visit = (schema: Schema, path: Slot, depth: number): void => {
    const key = JSON.stringify(path);
    if (path.length > 0) out.set(key, path);
    if (depth >= maxDepth) return;
    const node = deref(schema);
    for (const branch of [node, ...(node.oneOf ?? []), ...(node.anyOf ?? []), ...(node.allOf ?? [])].map(deref)) {
      for (const [name, sub] of Object.entries(branch.properties ?? {})) visit(sub, [...path, name], depth + 1);
      const named = Object.values(branch.patternProperties ?? {})[0] ?? (typeof branch.additionalProperties === 'object' ? branch.additionalProperties : undefined);
      if (named && !Object.hasOwn(branch.properties ?? {}, 'k')) visit(named, [...path, 'k'], depth + 1);
      if (branch.items) visit(branch.items, [...path, 0], depth + 1);
    }
  };
  visit(SPEC.definitions[definition], [], 0);
  return [...out.values()];
}

/** The top-level keys of a compose file. */
export const TOP_LEVEL_KEYS = Object.keys(SPEC.properties ?? {});

/** `value` placed at `slot` inside a fresh object (lists for numeric steps). */
export function placed(slot: Slot, value: unknown): unknown {
  let out = value;
  for (let i = slot.length - 1; i >= 0; i--) {
    const step = slot[i];
    out = typeof step === 'number' ? [out] : { [step]: out };
  }
  return out;
}
