import { docsUrl } from '../src/lint/docs-url.ts';
import { engineSocketPath, namedVolumeBindDevice } from '../src/lint/model/host-paths.ts';
import { serviceMounts } from '../src/lint/model/mounts.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'no-docker-socket',
    description: 'The Docker (or another container engine) socket mounted into a container',
    severity: 'error',
    tags: ['security'],
    securitySeverity: '9.0',
    messages: {
      socket:
        'The container engine socket "{{path}}" is mounted into the container, which gives it root-equivalent control of the host (read-only does not help); remove the mount, or put a filtering socket proxy in front of the API.',
      volumeSocket:
        'Volume "{{volume}}" binds the container engine socket "{{path}}", which gives any container that mounts it root-equivalent control of the host; remove the bind.',
    },
    docs: docsUrl('no-docker-socket'),
  },
  create(context) {
    return {
      service(service) {
        for (const mount of serviceMounts(service.node)) {
          if (mount.type !== 'bind' || mount.source === undefined) continue;
          const path = engineSocketPath(mount.source);
          if (path) context.report({ node: mount.sourceLoc, messageId: 'socket', data: { path } });
        }
      },
      volume(volume) {
        const device = namedVolumeBindDevice(volume.node);
        if (!device) return;
        const path = engineSocketPath(String(device.value));
        if (path) context.report({ node: device, messageId: 'volumeSocket', data: { path, volume: volume.name } });
      },
    };
  },
});
