import { join } from 'node:path';
import { child, scalarValue, type Node, type ScalarNode } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { serviceBuild } from '../src/lint/model/build-context.ts';
import type { ResourceModel } from '../src/lint/model/project-model.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'missing-file',
    description: 'An env_file, secret or config `file`, build context or Dockerfile that does not exist',
    severity: 'error',
    tags: ['correctness'],
    messages: {
      envFile:
        'env_file "{{path}}" does not exist, so compose refuses to start the service; create it, fix the path, or mark it `required: false`.',
      resourceFile: '{{kind}} "{{name}}" reads "{{path}}", which does not exist, so compose refuses to start; create the file or fix the path.',
      context: 'Build context "{{path}}" does not exist, so the build fails; fix the path or create the folder.',
      contextNotFolder: 'Build context "{{path}}" is a file, not a folder, so the build fails; point context at the folder that holds the sources.',
      dockerfile: 'Dockerfile "{{path}}" does not exist in build context "{{context}}", so the build fails; fix the path (it is relative to the context) or create it.',
      problem: '{{message}}',
    },
    docs: docsUrl('missing-file'),
  },
  create(context) {
    const files = context.files;
    // A path the project's .gitignore ignores is kept out of the repository on purpose
    // (secrets, local .env files, build outputs): each host provisions it before `up`.
    const absent = (absolute: string) => !files.exists(absolute) && !files.isGitIgnored(absolute);
    const missing = (node: Node, path: string) => absent(files.resolve(node, path));

    const checkResource = (resource: ResourceModel, kind: string) => {
      const file = child(resource.node, 'file');
      if (file?.kind !== 'scalar' || file.value === null) return;
      const path = String(file.value);
      if (path !== '' && missing(file, path)) context.report({ node: file, messageId: 'resourceFile', data: { kind, name: resource.name, path } });
    };

    return {
      project() {
        // Included compose files are read while loading.
        for (const diagnostic of context.loadDiagnostics) {
          context.report({ node: diagnostic.loc, messageId: 'problem', data: { message: diagnostic.message }, service: diagnostic.service ?? null });
        }
      },
      service(service) {
        for (const entry of envFiles(child(service.node, 'env_file'))) {
          const path = String(entry.value);
          if (missing(entry, path)) context.report({ node: entry, messageId: 'envFile', data: { path } });
        }

        const build = serviceBuild(service.node, files);
        if (!build || build.remote || !build.contextPath) return;
        const at = build.contextNode ?? service.node.pairs.get('build')!.key;
        if (!files.exists(build.contextPath)) {
          if (absent(build.contextPath)) context.report({ node: at, messageId: 'context', data: { path: build.context } });
          return;
        }
        if (!files.isDirectory(build.contextPath)) {
          context.report({ node: at, messageId: 'contextNotFolder', data: { path: build.context } });
          return;
        }
        if (build.inline || !build.dockerfilePath || !absent(build.dockerfilePath)) return;
        if (build.dockerfileNode) {
          context.report({ node: build.dockerfileNode, messageId: 'dockerfile', data: { path: String(build.dockerfileNode.value), context: build.context } });
        } else if (absent(join(build.contextPath, 'dockerfile'))) {
          // With no `dockerfile:`, BuildKit also accepts a lower-case `dockerfile`.
          context.report({ node: at, messageId: 'dockerfile', data: { path: 'Dockerfile', context: build.context } });
        }
      },
      secret(secret) {
        checkResource(secret, 'Secret');
      },
      config(config) {
        checkResource(config, 'Config');
      },
    };
  },
});

/** The paths of `env_file` that must exist: a string, a list of strings, or `{path, required}` entries. */
function envFiles(node: Node | undefined): ScalarNode[] {
  const items = node?.kind === 'seq' ? node.items : node ? [node] : [];
  const out: ScalarNode[] = [];
  for (const item of items) {
    const path = item.kind === 'map' ? child(item, 'path') : item;
    if (path?.kind !== 'scalar' || path.value === null || String(path.value) === '') continue;
    if (item.kind === 'map') {
      const required = scalarValue(child(item, 'required'));
      if (required === false || required === 'false') continue;
    }
    out.push(path);
  }
  return out;
}
