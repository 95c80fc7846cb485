import rule from '../../rules/no-docker-socket.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  app:\n    image: x\n    volumes:\n      - ./data:/data\n      - cache:/cache\nvolumes:\n  cache:\n',
    { name: 'socket path only as container target of a named volume', code: 'services:\n  app:\n    image: x\n    volumes:\n      - sock:/var/run/docker.sock\nvolumes:\n  sock:\n' },
    { name: 'anonymous volume', code: 'services:\n  app:\n    image: x\n    volumes:\n      - /var/run/docker.sock\n' },
    { name: 'similar file name', code: 'services:\n  app:\n    image: x\n    volumes:\n      - /srv/docker.sock.bak:/x:ro\n' },
  ],
  invalid: [
    {
      code: 'services:\n  traefik:\n    image: traefik:v3\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
      errors: [{ messageId: 'socket', line: 5, column: 9, endLine: 5, endColumn: 29, data: { path: '/var/run/docker.sock' }, service: 'traefik' }],
    },
    {
      name: 'quoted short syntax, /run and podman',
      code: 'services:\n  a:\n    image: x\n    volumes:\n      - "/run/docker.sock:/var/run/docker.sock"\n      - /run/user/1000/podman/podman.sock:/run/podman.sock\n',
      errors: [
        { messageId: 'socket', line: 5, column: 10, endLine: 5, endColumn: 26, data: { path: '/run/docker.sock' } },
        { messageId: 'socket', line: 6, column: 9, endLine: 6, endColumn: 42 },
      ],
    },
    {
      name: 'long syntax',
      code: 'services:\n  a:\n    image: x\n    volumes:\n      - type: bind\n        source: /var/run//docker.sock\n        target: /var/run/docker.sock\n        read_only: true\n',
      errors: [{ messageId: 'socket', line: 6, column: 17, endLine: 6, endColumn: 38, data: { path: '/var/run/docker.sock' } }],
    },
    {
      name: 'interpolated source points at the whole scalar',
      code: 'services:\n  a:\n    image: x\n    volumes:\n      - ${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock\n',
      errors: [{ messageId: 'socket', line: 5, column: 9, endLine: 5, endColumn: 66, data: { path: '/var/run/docker.sock' } }],
    },
    {
      name: 'Windows named pipe',
      code: "services:\n  a:\n    image: x\n    volumes:\n      - type: bind\n        source: '\\\\.\\pipe\\docker_engine'\n        target: '\\\\.\\pipe\\docker_engine'\n",
      errors: [{ messageId: 'socket', line: 6, column: 17, endLine: 6, endColumn: 41 }],
    },
    {
      name: 'named volume binding the socket',
      code: 'services:\n  a:\n    image: x\n    volumes:\n      - sock:/var/run/docker.sock\nvolumes:\n  sock:\n    driver: local\n    driver_opts:\n      type: none\n      o: bind\n      device: /var/run/docker.sock\n',
      errors: [{ messageId: 'volumeSocket', line: 12, column: 15, endLine: 12, endColumn: 35, data: { path: '/var/run/docker.sock', volume: 'sock' } }],
    },
  ],
});
