import rule from '../../rules/sensitive-host-mount.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

const service = (volumes: string) => `services:\n  app:\n    image: x\n    volumes:\n${volumes}`;

testRule(rule, {
  valid: [
    service('      - ./data:/data\n      - models:/models\n'),
    {
      name: 'time zone and certificate mounts',
      code: service(
        '      - /etc/localtime:/etc/localtime:ro\n      - /etc/timezone:/etc/timezone:ro\n      - /etc/ssl/certs:/etc/ssl/certs:ro\n      - /usr/share/zoneinfo:/usr/share/zoneinfo:ro\n',
      ),
    },
    { name: 'ordinary paths under /var, /home, /run and /dev', code: service('      - /var/log/app:/logs\n      - /home/me/data:/data\n      - /run/udev:/run/udev:ro\n      - /dev/dri:/dev/dri\n') },
    { name: 'the docker socket is no-docker-socket\'s', code: service('      - /var/run/docker.sock:/var/run/docker.sock\n') },
    { name: 'system library read-only', code: service('      - /lib/modules:/lib/modules:ro\n      - /usr/lib:/host/usr/lib:ro\n') },
    { name: 'data directories under /usr', code: service('      - /usr/share/appdata/wireguard/config:/config\n      - /usr/src:/usr/src\n') },
    { name: 'allowed path', code: service('      - /proc:/host/proc:ro\n      - /sys/fs/cgroup:/sys/fs/cgroup:ro\n'), options: { allow: ['/proc', '/sys/'] } },
    { name: 'allow-read-only', code: service('      - /:/rootfs:ro\n'), options: { 'allow-read-only': true } },
    { name: 'named volume binding a project path', code: 'services:\n  a:\n    image: x\n    volumes: [data:/data]\nvolumes:\n  data:\n    driver_opts: {type: none, o: bind, device: /srv/data}\n' },
  ],
  invalid: [
    {
      name: 'host root read-only',
      code: service('      - /:/rootfs:ro\n'),
      errors: [{ messageId: 'readOnly', line: 5, column: 9, endLine: 5, endColumn: 10, data: { path: '/', what: 'the entire host filesystem' }, service: 'app' }],
    },
    {
      name: 'writable /etc and read-only /proc and /sys',
      code: service('      - /etc:/host/etc\n      - /proc:/host/proc:ro\n      - "/sys/:/host/sys:ro"\n'),
      errors: [
        { messageId: 'writable', line: 5, column: 9, endLine: 5, endColumn: 13, data: { path: '/etc', what: 'host system configuration' } },
        { messageId: 'readOnly', line: 6, column: 9, endLine: 6, endColumn: 14 },
        { messageId: 'readOnly', line: 7, column: 10, endLine: 7, endColumn: 15, data: { path: '/sys', what: 'host kernel interfaces' } },
      ],
    },
    {
      name: 'secret files under /etc, and writable /etc/passwd',
      code: service('      - /etc/shadow:/etc/shadow:ro\n      - /etc/ssh:/etc/ssh:ro\n      - /etc/passwd:/etc/passwd\n      - /etc/group:/etc/group:ro\n'),
      errors: [
        { messageId: 'readOnly', line: 5, column: 9, endLine: 5, endColumn: 20, data: { path: '/etc/shadow', what: 'host password hashes' } },
        { messageId: 'readOnly', line: 6, column: 9, endLine: 6, endColumn: 17 },
        { messageId: 'writable', line: 7, column: 9, endLine: 7, endColumn: 20, data: { path: '/etc/passwd', what: 'host user accounts' } },
      ],
    },
    {
      name: 'long syntax, docker data, writable system library path',
      code: service(
        '      - type: bind\n        source: /var/lib/docker/containers\n        target: /containers\n        read_only: true\n      - /usr/local/bin:/host-bin\n',
      ),
      errors: [
        { messageId: 'readOnly', line: 6, column: 17, endLine: 6, endColumn: 43 },
        { messageId: 'writable', line: 9, column: 9, endLine: 9, endColumn: 23, data: { path: '/usr/local/bin', what: 'host system programs and libraries' } },
      ],
    },
    {
      name: 'writable kernel modules',
      code: service('      - /lib/modules:/lib/modules\n'),
      errors: [{ messageId: 'writable', line: 5, column: 9, endLine: 5, endColumn: 21, data: { path: '/lib/modules', what: 'the host kernel modules' } }],
    },
    {
      name: '/dev, raw disk, /run, /root, /boot, home',
      code: service('      - /dev:/dev\n      - /dev/sda:/dev/sda\n      - /var/run:/var/run\n      - /root/.ssh:/keys:ro\n      - /boot:/boot:ro\n      - ~:/home/me\n'),
      errors: [
        { messageId: 'writable', line: 5, column: 9, endLine: 5, endColumn: 13, data: { path: '/dev', what: 'every host device' } },
        { messageId: 'writable', line: 6, column: 9, endLine: 6, endColumn: 17, data: { path: '/dev/sda', what: 'a raw host disk' } },
        { messageId: 'writable', line: 7, column: 9, endLine: 7, endColumn: 17 },
        { messageId: 'readOnly', line: 8, column: 9, endLine: 8, endColumn: 19 },
        { messageId: 'readOnly', line: 9, column: 9, endLine: 9, endColumn: 14 },
        { messageId: 'writable', line: 10, column: 9, endLine: 10, endColumn: 10 },
      ],
    },
    {
      name: 'allow covers other paths only',
      code: service('      - /proc:/host/proc:ro\n      - /sys:/host/sys:ro\n'),
      options: { allow: ['/proc'] },
      errors: [{ messageId: 'readOnly', line: 6, column: 9, endLine: 6, endColumn: 13 }],
    },
    {
      name: 'named volume binding /etc',
      code: 'services:\n  a:\n    image: x\n    volumes: [etc:/host/etc]\nvolumes:\n  etc:\n    driver: local\n    driver_opts:\n      type: none\n      o: bind\n      device: /etc\n',
      errors: [{ messageId: 'volume', line: 11, column: 15, endLine: 11, endColumn: 19, data: { volume: 'etc', path: '/etc', what: 'host system configuration' } }],
    },
  ],
});
