import type { Loc, Node } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { dangerousDevice } from '../src/lint/model/host-devices.ts';
import { engineSocketPath, isPathOrUnder, namedVolumeBindDevice, normalizeHostPath } from '../src/lint/model/host-paths.ts';
import { serviceMounts } from '../src/lint/model/mounts.ts';
import { defineRule } from '../src/lint/rule-types.ts';

/**
 * How paths below a sensitive directory are treated: `all` are sensitive too,
 * `writable` only when mounted read-write, `none` are fine (only the directory
 * itself is sensitive), `devices` only dangerous device nodes.
 */
type Below = 'all' | 'writable' | 'none' | 'devices';

interface SensitivePath {
  what: string;
  /** The directory itself, however mounted (`writable`: only read-write). */
  self: 'always' | 'writable';
  below: Below;
}

const entry = (what: string, below: Below, self: SensitivePath['self'] = 'always'): SensitivePath => ({ what, self, below });

const SYSTEM_BINARIES = entry('host system programs and libraries', 'writable');
const KERNEL_MODULES = entry('the host kernel modules', 'writable', 'writable');
const USR_BINARIES = entry('host system programs and libraries', 'writable', 'writable');
const PASSWORDS = entry('host password hashes', 'all');
const SUDO = entry('host sudo rules', 'all');
const TLS_KEYS = entry('host TLS private keys', 'all');
const ACCOUNTS = entry('host user accounts', 'all', 'writable');
const CRON = entry('host scheduled jobs', 'all', 'writable');
const SERVICES = entry('host service definitions', 'all', 'writable');
const AUTH = entry('host login and authentication settings', 'all', 'writable');
const LINKER = entry('the host dynamic linker configuration', 'all', 'writable');
const KERNEL_SETTINGS = entry('host kernel settings', 'all', 'writable');
const ENGINE_STATE = entry('the container engine state, with every container filesystem and secret', 'all');
const RUNTIME = entry('host runtime sockets, including the container engine socket', 'none');

/** Sensitive host paths; the most specific one that contains a mounted path decides. */
const SENSITIVE = new Map<string, SensitivePath>([
  ['/', entry('the entire host filesystem', 'none')],
  ['/etc', entry('host system configuration', 'none')],
  ['/etc/shadow', PASSWORDS],
  ['/etc/shadow-', PASSWORDS],
  ['/etc/gshadow', PASSWORDS],
  ['/etc/gshadow-', PASSWORDS],
  ['/etc/sudoers', SUDO],
  ['/etc/sudoers.d', SUDO],
  ['/etc/ssh', entry('host SSH keys and server settings', 'all')],
  ['/etc/ssl/private', TLS_KEYS],
  ['/etc/pki/tls/private', TLS_KEYS],
  ['/etc/kubernetes', entry('Kubernetes cluster credentials', 'all')],
  ['/etc/docker', entry('the Docker daemon configuration', 'all')],
  ['/etc/passwd', ACCOUNTS],
  ['/etc/group', ACCOUNTS],
  ['/etc/crontab', CRON],
  ['/etc/cron.d', CRON],
  ['/etc/cron.hourly', CRON],
  ['/etc/cron.daily', CRON],
  ['/etc/cron.weekly', CRON],
  ['/etc/cron.monthly', CRON],
  ['/etc/systemd', SERVICES],
  ['/etc/init.d', SERVICES],
  ['/etc/rc.local', SERVICES],
  ['/etc/pam.d', AUTH],
  ['/etc/security', AUTH],
  ['/etc/profile', AUTH],
  ['/etc/profile.d', AUTH],
  ['/etc/environment', AUTH],
  ['/etc/ld.so.preload', LINKER],
  ['/etc/ld.so.conf', LINKER],
  ['/etc/ld.so.conf.d', LINKER],
  ['/etc/sysctl.conf', KERNEL_SETTINGS],
  ['/etc/sysctl.d', KERNEL_SETTINGS],
  ['/etc/modprobe.d', KERNEL_SETTINGS],
  ['/etc/modules-load.d', KERNEL_SETTINGS],
  ['/proc', entry('host kernel and process information', 'all')],
  ['/sys', entry('host kernel interfaces', 'all')],
  ['/boot', entry('the host kernel and boot loader', 'all')],
  ['/root', entry("the host root user's home directory", 'all')],
  ['/home', entry('every user home directory on the host', 'none')],
  ['~', entry('the home directory of the user running compose', 'none')],
  ['/dev', entry('every host device', 'devices')],
  ['/usr', entry('host system programs and libraries', 'none')],
  ['/usr/bin', USR_BINARIES],
  ['/usr/sbin', USR_BINARIES],
  ['/usr/lib', USR_BINARIES],
  ['/usr/lib32', USR_BINARIES],
  ['/usr/lib64', USR_BINARIES],
  ['/usr/libexec', USR_BINARIES],
  ['/usr/local/bin', USR_BINARIES],
  ['/usr/local/sbin', USR_BINARIES],
  ['/usr/local/lib', USR_BINARIES],
  ['/bin', SYSTEM_BINARIES],
  ['/sbin', SYSTEM_BINARIES],
  ['/lib', SYSTEM_BINARIES],
  ['/lib/modules', KERNEL_MODULES],
  ['/usr/lib/modules', KERNEL_MODULES],
  ['/lib32', SYSTEM_BINARIES],
  ['/lib64', SYSTEM_BINARIES],
  ['/libx32', SYSTEM_BINARIES],
  ['/var', entry('host variable data, including the container engine state', 'none')],
  ['/var/lib', entry('host application state, including the container engine state', 'none')],
  ['/var/lib/docker', ENGINE_STATE],
  ['/var/lib/containerd', ENGINE_STATE],
  ['/var/lib/containers', ENGINE_STATE],
  ['/var/lib/kubelet', ENGINE_STATE],
  ['/var/run', RUNTIME],
  ['/run', RUNTIME],
]);

/** Longest first, so the most specific entry decides. */
const BASES = [...SENSITIVE.keys()].sort((a, b) => b.length - a.length);

/**
 * What a bind of `path` exposes when it is sensitive; `writable` undefined means
 * the access mode is not known here (a named volume's bind), where only paths that
 * are sensitive however mounted are reported.
 */
function classify(path: string, writable: boolean | undefined): string | undefined {
  for (const base of BASES) {
    if (!isPathOrUnder(path, base)) continue;
    const rule = SENSITIVE.get(base)!;
    if (path === base) return rule.self === 'writable' && writable !== true ? undefined : rule.what;
    switch (rule.below) {
      case 'all':
        return rule.what;
      case 'writable':
        return writable === true ? rule.what : undefined;
      case 'devices':
        return dangerousDevice(path);
      case 'none':
        return undefined;
    }
  }
  return undefined;
}

interface Options {
  allow: string[];
  'allow-read-only': boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'sensitive-host-mount',
    description: 'Bind mounts of sensitive host paths: /, /etc, /proc, /sys, /boot, /root, /var/lib/docker, /dev and the like',
    severity: 'error',
    tags: ['security'],
    securitySeverity: '8.0',
    messages: {
      writable:
        'The host path "{{path}}" ({{what}}) is bind-mounted read-write, so the container can change the host; mount only the files the service needs, read-only.',
      readOnly:
        'The host path "{{path}}" ({{what}}) is bind-mounted into the container, which exposes it even read-only; mount only the specific files the service needs.',
      volume:
        'Volume "{{volume}}" binds the host path "{{path}}" ({{what}}); bind only the specific directory the services need.',
    },
    options: {
      type: 'object',
      properties: {
        allow: {
          type: 'array',
          items: { type: 'string' },
          description: 'Host paths (and everything below them) that may be mounted, e.g. ["/proc", "/sys"] for a monitoring agent.',
        },
        'allow-read-only': { type: 'boolean', description: 'Accept read-only mounts of sensitive paths.' },
      },
      additionalProperties: false,
    },
    defaults: { allow: [], 'allow-read-only': false },
    docs: docsUrl('sensitive-host-mount'),
  },
  create(context) {
    const allowed = (context.options.allow ?? []).map(normalizeHostPath).filter((path) => path !== '');
    const allowReadOnly = context.options['allow-read-only'] === true;
    const candidate = (source: string): string | undefined => {
      const path = normalizeHostPath(source);
      if (!path.startsWith('/') && path !== '~') return undefined;
      if (engineSocketPath(path)) return undefined; // no-docker-socket reports those
      if (allowed.some((base) => isPathOrUnder(path, base))) return undefined;
      return path;
    };
    const report = (node: Node | Loc, messageId: string, data: Record<string, string>) => context.report({ node, messageId, data });
    return {
      service(service) {
        for (const mount of serviceMounts(service.node)) {
          if (mount.type !== 'bind' || mount.source === undefined) continue;
          const path = candidate(mount.source);
          if (!path) continue;
          if (mount.readOnly && allowReadOnly) continue;
          const what = classify(path, !mount.readOnly);
          if (what) report(mount.sourceLoc, mount.readOnly ? 'readOnly' : 'writable', { path, what });
        }
      },
      volume(volume) {
        const device = namedVolumeBindDevice(volume.node);
        if (!device) return;
        const path = candidate(String(device.value));
        const what = path && classify(path, undefined);
        if (path && what) report(device, 'volume', { path, what, volume: volume.name });
      },
    };
  },
});
