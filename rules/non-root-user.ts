import { relative, sep } from 'node:path';
import { child, keyNode, scalarString, type Node } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { dockerfileText, serviceBuild } from '../src/lint/model/build-context.ts';
import { dockerfileStages, effectiveUser, targetStageIndex, type DockerfileStage } from '../src/lint/model/dockerfile-stages.ts';
import { parseImageRef } from '../src/lint/model/image-ref.ts';
import { defineRule } from '../src/lint/rule-types.ts';

/** `root`, `0`, `root:group`, `0:0`: the user part decides. */
function isRootUser(user: string): boolean {
  const name = user.trim().replace(/^["']|["']$/g, '').split(':')[0].trim().toLowerCase();
  return name === 'root' || name === '0';
}

/**
 * Official and well-known images whose own Dockerfile sets an unprivileged USER,
 * or whose entrypoint drops root before starting the server: a Dockerfile built
 * on them that sets no USER still runs the service unprivileged.
 */
const NON_ROOT_BASES = [
  'docker.io/library/postgres',
  'docker.io/library/mysql',
  'docker.io/library/mariadb',
  'docker.io/library/redis',
  'docker.io/library/mongo',
  'docker.io/library/rabbitmq',
  'docker.io/library/memcached',
  'docker.io/library/elasticsearch',
  'docker.elastic.co/',
  'docker.io/grafana/grafana',
  'docker.io/prom/',
  'docker.io/jenkins/jenkins',
  'docker.io/bitnami/',
  'docker.io/jupyter/',
  'quay.io/jupyter/',
  'docker.io/nginxinc/nginx-unprivileged',
];

function isKnownNonRootBase(base: string): boolean {
  if (base.includes('$')) return false;
  const ref = parseImageRef(base);
  if (!ref) return false;
  if (/nonroot|rootless|unprivileged/i.test(`${ref.fullName}:${ref.tag ?? ''}`)) return true;
  return NON_ROOT_BASES.some((prefix) => (prefix.endsWith('/') ? ref.fullName.startsWith(prefix) : ref.fullName === prefix));
}

export default defineRule({
  meta: {
    id: 'non-root-user',
    description: 'A service that runs as root: `user: root`/`0`, or an image built from a Dockerfile that never sets USER',
    severity: 'info',
    tags: ['guide', 'security'],
    securitySeverity: '5.0',
    messages: {
      rootUser:
        'The service runs as root (user "{{user}}"); run it as an unprivileged user, for example user: "1000:1000", and give that user only the files it needs.',
      noUser:
        'The Dockerfile {{dockerfile}} never sets USER, so the built image runs as root; add a USER instruction for an unprivileged user or set user: on the service.',
      rootDockerfileUser:
        'The Dockerfile {{dockerfile}} leaves the image running as root (USER {{user}}); switch to an unprivileged USER at the end of the final stage or set user: on the service.',
    },
    docs: docsUrl('non-root-user'),
  },
  create(context) {
    const stagesByPath = new Map<string, DockerfileStage[]>();
    return {
      service(service) {
        const userNode = child(service.node, 'user');
        if (userNode && userNode.kind === 'scalar' && userNode.value !== null) {
          const user = String(userNode.value);
          if (isRootUser(user)) context.report({ node: userNode, messageId: 'rootUser', data: { user } });
          // Any explicit user decides over the Dockerfile.
          return;
        }
        const build = serviceBuild(service.node, context.files);
        if (!build || build.remote) return;
        const text = dockerfileText(build, service.node, context.files);
        if (text === undefined) return; // missing-file reports a Dockerfile that is not there
        const cacheKey = build.inline ? undefined : build.dockerfilePath;
        let stages = cacheKey ? stagesByPath.get(cacheKey) : undefined;
        if (!stages) {
          stages = dockerfileStages(text);
          if (cacheKey) stagesByPath.set(cacheKey, stages);
        }
        if (stages.length === 0) return;
        const target = scalarString(child(child(service.node, 'build'), 'target'));
        const { user, root } = effectiveUser(stages, targetStageIndex(stages, target));
        const buildNode = child(service.node, 'build')!;
        const at: Node =
          (build.inline ? child(buildNode, 'dockerfile_inline') : undefined) ??
          build.dockerfileNode ??
          build.contextNode ??
          keyNode(service.node, 'build') ??
          service.key;
        const dockerfile = build.inline
          ? '(dockerfile_inline)'
          : `"${relative(context.project.workingDir, build.dockerfilePath!).split(sep).join('/')}"`;
        if (user === undefined) {
          if (!isKnownNonRootBase(root.base)) context.report({ node: at, messageId: 'noUser', data: { dockerfile } });
        } else if (isRootUser(user)) {
          context.report({ node: at, messageId: 'rootDockerfileUser', data: { dockerfile, user } });
        }
      },
    };
  },
});
