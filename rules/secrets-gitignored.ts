import { basename, relative, sep } from 'node:path';
import { child, type Loc, type Node, type ScalarNode } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { defineRule } from '../src/lint/rule-types.ts';

/** Env files meant to be committed: templates that document the variables. */
const TEMPLATE_NAME = /(?:^|[._-])(?:example|sample|template|dist|tpl)(?:$|[._-])/i;

/** A path written relative to the project: an absolute or `~` path is outside it by design. */
function isProjectRelative(path: string): boolean {
  return !(path.startsWith('/') || path.startsWith('~') || path.startsWith('\\') || /^[a-zA-Z]:[\\/]/.test(path));
}

/** `env_file: x`, `env_file: [x, y]`, `env_file: [{path: x, required: false}]`. */
function envFileEntries(node: Node | undefined): ScalarNode[] {
  if (!node) return [];
  const items = node.kind === 'seq' ? node.items : [node];
  const out: ScalarNode[] = [];
  for (const item of items) {
    const path = item.kind === 'map' ? child(item, 'path') : item;
    if (path?.kind === 'scalar' && path.value !== null && String(path.value) !== '') out.push(path);
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'secrets-gitignored',
    description: 'Secret files and env files that the project\'s .gitignore does not ignore',
    severity: 'warning',
    tags: ['guide', 'security'],
    securitySeverity: '6.0',
    messages: {
      secretFile:
        'The secret file "{{path}}" is not ignored by git, so it can be committed with the project; add it (or its folder) to .gitignore.',
      envFile:
        'The env file "{{path}}" is not ignored by git, so the values in it can be committed; add it to .gitignore and commit a .env.example without real values instead.',
    },
    docs: docsUrl('secrets-gitignored'),
  },
  create(context) {
    const { files, project } = context;
    const checked = new Set<string>();
    /** Report a file once, at its first reference. */
    const check = (absolute: string, at: Node | Loc, messageId: string, path: string, service?: null): void => {
      if (checked.has(absolute)) return;
      checked.add(absolute);
      if (files.isGitIgnored(absolute)) return;
      context.report({ node: at, messageId, data: { path }, ...(service === null ? { service } : {}) });
    };
    return {
      service(service) {
        for (const entry of envFileEntries(child(service.node, 'env_file'))) {
          const written = String(entry.value);
          if (!isProjectRelative(written) || TEMPLATE_NAME.test(basename(written))) continue;
          const absolute = files.resolve(entry, written);
          // A missing file is missing-file's finding (or optional with `required: false`).
          if (!files.exists(absolute) || files.isDirectory(absolute)) continue;
          check(absolute, entry, 'envFile', written);
        }
      },
      secret(secret) {
        const file = child(secret.node, 'file');
        if (file?.kind !== 'scalar' || file.value === null || String(file.value) === '') return;
        const written = String(file.value);
        if (!isProjectRelative(written)) return;
        check(files.resolve(file, written), file, 'secretFile', written, null);
      },
      end() {
        // The project's own env files (.env, or --env-file inside the project): there is no
        // place in the compose file that names them, so the finding goes on its first line.
        const first = project.root.loc.file;
        const text = first.text;
        const lineEnd = text.search(/\r|\n/);
        const at: Loc = { file: first, start: 0, end: lineEnd < 0 ? text.length : lineEnd };
        for (const absolute of project.envFiles) {
          const path = relative(project.workingDir, absolute);
          if (path.startsWith('..') || path === '' || TEMPLATE_NAME.test(basename(absolute))) continue;
          check(absolute, at, 'envFile', path.split(sep).join('/'), null);
        }
      },
    };
  },
});
