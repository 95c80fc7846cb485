import { basename, dirname, join } from 'node:path';
import type { VariableRef } from '../src/load/interpolate-tree.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { defineRule } from '../src/lint/rule-types.ts';

/** Example env files, looked for next to the first compose file, in this order. */
export const EXAMPLE_FILES = ['.env.example', '.env.sample', '.env.template', '.env.dist', 'example.env', 'sample.env', 'env.example'];

/** Variables the shell or compose provides: nobody documents these in a project's example file. */
const PROVIDED = ['HOME', 'PWD', 'OLDPWD', 'USER', 'USERNAME', 'LOGNAME', 'PATH', 'SHELL', 'HOSTNAME', 'TMPDIR', 'COMPOSE_PROJECT_NAME'];

/**
 * Names an example env file documents: `NAME=...`, `export NAME=...`, a bare
 * `NAME`, and commented-out assignments (`# NAME=value`, how optional settings
 * are usually shown).
 */
export function documentedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const assignment = /^\s*(?:#\s*)?(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?:=|:\s)/.exec(line);
    if (assignment) {
      names.add(assignment[1]);
      continue;
    }
    const bare = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(line);
    if (bare) names.add(bare[1]);
  }
  return names;
}

interface Options {
  'include-defaulted': boolean;
  ignore: string[];
}

export default defineRule<Options>({
  meta: {
    id: 'env-example-complete',
    description: 'Variables the compose files use that .env.example does not document',
    severity: 'info',
    tags: ['guide'],
    messages: {
      undocumented:
        'The variable "{{name}}" is used here but {{example}} does not document it; add a "{{name}}=" line (with a safe example value) so others know to set it.',
    },
    options: {
      type: 'object',
      properties: {
        'include-defaulted': {
          type: 'boolean',
          description: 'Also report variables that every use gives a default (`${VAR:-x}`, `${VAR-x}`) or an alternative (`${VAR:+x}`).',
        },
        ignore: { type: 'array', items: { type: 'string' }, description: 'Variable names that need no documentation.' },
      },
      additionalProperties: false,
    },
    defaults: { 'include-defaulted': false, ignore: [] },
    docs: docsUrl('env-example-complete'),
  },
  create(context) {
    return {
      project(project) {
        const first = project.configFiles[0];
        if (!first) return;
        const dir = dirname(first);
        let examplePath: string | undefined;
        let text: string | undefined;
        for (const name of EXAMPLE_FILES) {
          const path = join(dir, name);
          text = context.files.readText(path);
          if (text !== undefined) {
            examplePath = path;
            break;
          }
        }
        if (examplePath === undefined || text === undefined) return;
        const documented = documentedNames(text);
        const ignored = new Set([...PROVIDED, ...(context.options.ignore ?? [])]);
        const includeDefaulted = context.options['include-defaulted'] === true;

        // Uses by variable; a variable is optional when every use supplies a default or alternative.
        const uses = new Map<string, VariableRef[]>();
        for (const ref of project.variables) {
          if (documented.has(ref.name) || ignored.has(ref.name)) continue;
          const list = uses.get(ref.name);
          if (list) list.push(ref);
          else uses.set(ref.name, [ref]);
        }
        const fileOrder = new Map(project.configFiles.map((path, index) => [path, index]));
        const order = (ref: VariableRef): [number, string, number] => [
          fileOrder.get(ref.loc.file.path) ?? project.configFiles.length,
          ref.loc.file.path,
          ref.loc.start,
        ];
        const before = (a: VariableRef, b: VariableRef): boolean => {
          const [fa, pa, sa] = order(a);
          const [fb, pb, sb] = order(b);
          return fa !== fb ? fa < fb : pa !== pb ? pa < pb : sa < sb;
        };
        for (const [name, refs] of uses) {
          if (!includeDefaulted && refs.every((ref) => ref.operator !== '' && !ref.required)) continue;
          let firstUse = refs[0];
          for (const ref of refs) if (before(ref, firstUse)) firstUse = ref;
          context.report({ node: firstUse.loc, messageId: 'undocumented', data: { name, example: basename(examplePath) }, service: null });
        }
      },
    };
  },
});
