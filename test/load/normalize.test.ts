import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeProject } from '../../src/load/normalize.ts';
import { splitCommand } from '../../src/load/normalize-command.ts';
import { parsePortSpec } from '../../src/load/normalize-ports.ts';
import { shapeProject } from '../../src/load/normalize-shape.ts';
import { formatGoDuration, normalizeBytes, normalizeDuration, parseDuration } from '../../src/load/normalize-units.ts';
import { parseVolumeSpec } from '../../src/load/normalize-volumes.ts';
import { applyProfiles } from '../../src/load/profiles.ts';
import { loadProject } from '../../src/load/project.ts';
import { formatComposeYaml } from '../../src/report/config-yaml.ts';

/**
 * Golden cases: each expected document is written by hand from what compose
 * documents (and compose-go's tests expect) for `docker compose config`.
 */

const root = mkdtempSync(join(tmpdir(), 'compose-lint-normalize-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let caseNumber = 0;

function project(files: Record<string, string>): string {
  const dir = join(root, `p${++caseNumber}`);
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

interface RenderOptions {
  files?: string[];
  env?: Record<string, string>;
  profiles?: string[];
}

/** The loader, compose's profile selection, normalisation and printing: `config` without the CLI. */
function render(files: Record<string, string>, options: RenderOptions = {}): { dir: string; text: string } {
  const dir = project(files);
  const names = options.files ?? ['compose.yaml'];
  const loaded = loadProject({ files: names.map((name) => join(dir, name)), workingDir: dir }, { profiles: ['*'], processEnv: options.env ?? {} });
  expect(loaded.diagnostics.filter((d) => d.ruleId !== 'undefined-variable')).toEqual([]);
  const rootNode = applyProfiles(loaded.root!, options.profiles ?? []);
  const normalized = normalizeProject(rootNode, { name: loaded.name, lookup: loaded.env.lookup, home: '/home/me' });
  expect(normalized.diagnostics).toEqual([]);
  return { dir, text: formatComposeYaml(shapeProject(normalized.document)) };
}

/** Expected output with `$DIR` standing for the project folder. */
function expectDocument(result: { dir: string; text: string }, expected: string): void {
  expect(result.text).toBe(expected.replaceAll('$DIR', result.dir).replaceAll('$NAME', basename(result.dir)));
}

describe('normalize: ports', () => {
  it('turns short forms into long entries with compose defaults', () => {
    const result = render({
      'compose.yaml': `services:
  web:
    image: nginx
    ports:
      - "8080:80"
      - 3000
      - "127.0.0.1:5000:5000/udp"
      - "[::1]:53:53/udp"
      - "9090-9091:8080"
      - "127.0.0.1::9229"
      - target: 443
        published: 8443
      - target: 8443
        published: "10443"
        protocol: udp
        mode: host
`,
    });
    expectDocument(
      result,
      `name: $NAME
services:
  web:
    image: nginx
    networks:
      default: null
    ports:
      - mode: ingress
        target: 80
        published: "8080"
        protocol: tcp
      - mode: ingress
        target: 3000
        protocol: tcp
      - mode: ingress
        host_ip: 127.0.0.1
        target: 5000
        published: "5000"
        protocol: udp
      - mode: ingress
        host_ip: ::1
        target: 53
        published: "53"
        protocol: udp
      - mode: ingress
        target: 8080
        published: 9090-9091
        protocol: tcp
      - mode: ingress
        host_ip: 127.0.0.1
        target: 9229
        protocol: tcp
      - mode: ingress
        target: 443
        published: "8443"
        protocol: tcp
      - mode: host
        target: 8443
        published: "10443"
        protocol: udp
networks:
  default:
    name: $NAME_default
`,
    );
  });

  it('expands ranges one entry per port, sorted as compose sorts them', () => {
    expect(parsePortSpec('8000-8001:80-81')).toEqual([
      { mode: 'ingress', target: 80, published: '8000', protocol: 'tcp' },
      { mode: 'ingress', target: 81, published: '8001', protocol: 'tcp' },
    ]);
    // compose sorts "10/tcp" before "9/tcp": as strings.
    expect(parsePortSpec('9-10')!.map((entry) => entry.target)).toEqual([10, 9]);
    expect(parsePortSpec('8000-8002:80-81')).toBeUndefined();
    expect(parsePortSpec('::1:80:80')).toEqual([{ mode: 'ingress', host_ip: '::1', target: 80, published: '80', protocol: 'tcp' }]);
    expect(parsePortSpec('${PORT}:80')).toBeUndefined();
  });
});

describe('normalize: volumes', () => {
  it('reads short forms as bind, named and anonymous mounts, binds absolute', () => {
    const result = render({
      'compose.yaml': `services:
  web:
    image: nginx
    volumes:
      - ./html:/usr/share/nginx/html:ro
      - /etc/localtime:/etc/localtime:ro,z
      - ~/cache:/cache
      - data:/data:nocopy
      - /scratch/
      - type: bind
        source: ./conf
        target: /etc/conf
      - type: bind
        source: ./logs
        target: /logs
        bind:
          propagation: rshared
      - type: tmpfs
        target: /tmp
        tmpfs:
          size: 1000
volumes:
  data: {}
`,
    });
    expectDocument(
      result,
      `name: $NAME
services:
  web:
    image: nginx
    networks:
      default: null
    volumes:
      - type: bind
        source: $DIR/html
        target: /usr/share/nginx/html
        read_only: true
        bind:
          create_host_path: true
      - type: bind
        source: /etc/localtime
        target: /etc/localtime
        read_only: true
        bind:
          selinux: z
          create_host_path: true
      - type: bind
        source: /home/me/cache
        target: /cache
        bind:
          create_host_path: true
      - type: volume
        source: data
        target: /data
        volume:
          nocopy: true
      - type: volume
        target: /scratch
        volume: {}
      - type: bind
        source: $DIR/conf
        target: /etc/conf
      - type: bind
        source: $DIR/logs
        target: /logs
        bind:
          propagation: rshared
          create_host_path: true
      - type: tmpfs
        target: /tmp
        tmpfs:
          size: 1000
networks:
  default:
    name: $NAME_default
volumes:
  data:
    name: $NAME_data
`,
    );
  });

  it('does not split on a colon inside ${...} or after a drive letter', () => {
    expect(parseVolumeSpec('${DATA:-./data}:/data')).toEqual({ type: 'volume', source: '${DATA:-./data}', target: '/data', volume: {} });
    expect(parseVolumeSpec('C:\\data:/data')).toMatchObject({ type: 'bind', source: 'C:\\data', target: '/data' });
    expect(parseVolumeSpec('./src:/dst:ro:extra')).toBeUndefined();
  });
});

describe('normalize: environment, build, command and friends', () => {
  it('folds env files into environment, resolves bare names, and makes build an object', () => {
    const result = render(
      {
        'compose.yaml': `services:
  api:
    build: ./api
    command: npm run start -- --port "8080" && echo never
    environment:
      - NODE_ENV=production
      - FROM_SHELL
      - NOT_SET
      - FROM_FILE=overridden
    env_file:
      - api.env
      - path: optional.env
        required: false
    healthcheck:
      test: curl -f http://localhost/health || exit 1
      interval: 90s
      timeout: 1m
      retries: 3
    mem_limit: 1g
    stop_grace_period: 1h30m
    labels:
      - com.example.team=web
      - com.example.flag
    extra_hosts:
      - "db.local:10.0.0.5"
      - "ipv6=[::1]"
`,
        'api.env': 'FROM_FILE=file\nONLY_FILE=1\n',
      },
      { env: { FROM_SHELL: 'shell' } },
    );
    expectDocument(
      result,
      `name: $NAME
services:
  api:
    build:
      context: $DIR/api
      dockerfile: Dockerfile
    command:
      - npm
      - run
      - start
      - --
      - --port
      - "8080"
    environment:
      FROM_FILE: overridden
      FROM_SHELL: shell
      NODE_ENV: production
      NOT_SET: null
      ONLY_FILE: "1"
    extra_hosts:
      - db.local=10.0.0.5
      - ipv6=::1
    healthcheck:
      test:
        - CMD-SHELL
        - curl -f http://localhost/health || exit 1
      timeout: 1m0s
      interval: 1m30s
      retries: 3
    labels:
      com.example.flag: ""
      com.example.team: web
    mem_limit: "1073741824"
    networks:
      default: null
    stop_grace_period: 1h30m0s
networks:
  default:
    name: $NAME_default
`,
    );
  });

  it('keeps build maps, resolving context and args and defaulting the Dockerfile', () => {
    const result = render(
      {
        'compose.yaml': `services:
  a:
    build:
      context: .
      args:
        - VERSION=1.2
        - TOKEN
      target: prod
  b:
    build:
      dockerfile_inline: |
        FROM alpine
  c:
    build: https://github.com/example/repo.git#main
`,
      },
      { env: { TOKEN: 't0k' } },
    );
    expectDocument(
      result,
      `name: $NAME
services:
  a:
    build:
      context: $DIR
      dockerfile: Dockerfile
      args:
        TOKEN: t0k
        VERSION: "1.2"
      target: prod
    networks:
      default: null
  b:
    build:
      context: $DIR
      dockerfile_inline: |
        FROM alpine
    networks:
      default: null
  c:
    build:
      context: https://github.com/example/repo.git#main
      dockerfile: Dockerfile
    networks:
      default: null
networks:
  default:
    name: $NAME_default
`,
    );
  });

  it('splits commands as compose does, stopping at an unquoted operator', () => {
    expect(splitCommand('sh -c "echo hi && sleep 1"')).toEqual(['sh', '-c', 'echo hi && sleep 1']);
    expect(splitCommand("echo 'a b' c\\ d")).toEqual(['echo', 'a b', 'c d']);
    expect(splitCommand('a && b')).toEqual(['a']);
    expect(splitCommand('echo ""')).toEqual(['echo', '']);
    expect(splitCommand('echo "unterminated')).toBeUndefined();
  });

  it('prints durations and sizes as compose reads them', () => {
    expect(formatGoDuration(parseDuration('90s')!)).toBe('1m30s');
    expect(formatGoDuration(parseDuration('1h')!)).toBe('1h0m0s');
    expect(formatGoDuration(parseDuration('1.5s')!)).toBe('1.5s');
    expect(formatGoDuration(parseDuration('500ms')!)).toBe('500ms');
    expect(formatGoDuration(parseDuration('2d')!)).toBe('48h0m0s');
    expect(normalizeDuration('0')).toBe('0s');
    expect(normalizeDuration('soon')).toBe('soon');
    expect(normalizeBytes('512m')).toBe('536870912');
    expect(normalizeBytes('1.5gb')).toBe('1610612736');
    expect(normalizeBytes(1024)).toBe('1024');
    expect(normalizeBytes('lots')).toBe('lots');
  });
});

describe('normalize: dependencies and networks', () => {
  it('gives depends_on its defaults and adds the dependencies links, volumes_from and service: modes imply', () => {
    const result = render({
      'compose.yaml': `services:
  web:
    image: web
    depends_on:
      db:
        condition: service_healthy
      cache:
        required: false
    links:
      - auth:login
    volumes_from:
      - data
      - container:legacy
  side:
    image: side
    network_mode: service:web
    depends_on: [web]
  db:
    image: postgres
  cache:
    image: redis
  auth:
    image: auth
  data:
    image: busybox
`,
    });
    expectDocument(
      result,
      `name: $NAME
services:
  auth:
    image: auth
    networks:
      default: null
  cache:
    image: redis
    networks:
      default: null
  data:
    image: busybox
    networks:
      default: null
  db:
    image: postgres
    networks:
      default: null
  side:
    depends_on:
      web:
        condition: service_started
        required: true
    image: side
    network_mode: service:web
  web:
    depends_on:
      auth:
        condition: service_started
        restart: true
        required: true
      cache:
        condition: service_started
        required: false
      data:
        condition: service_started
        required: true
      db:
        condition: service_healthy
        required: true
    image: web
    links:
      - auth:login
    networks:
      default: null
    volumes_from:
      - data
      - container:legacy
networks:
  default:
    name: $NAME_default
`,
    );
  });

  it('names resources after the project, keeps external names, and adds default only when used', () => {
    const result = render({
      'compose.yaml': `name: myapp
services:
  web:
    image: web
    networks:
      front:
        aliases: [www]
      back:
    secrets: [token]
    configs:
      - source: conf
        target: /etc/app.conf
networks:
  front:
  back:
    external: true
  legacy:
    external:
      name: shared-net
secrets:
  token:
    file: ./secrets/token.txt
configs:
  conf:
    content: hello
volumes:
  pinned:
    name: exact-name
`,
    });
    expectDocument(
      result,
      `name: myapp
services:
  web:
    configs:
      - source: conf
        target: /etc/app.conf
    image: web
    networks:
      back: null
      front:
        aliases:
          - www
    secrets:
      - source: token
        target: /run/secrets/token
networks:
  back:
    name: back
    external: true
  front:
    name: myapp_front
  legacy:
    name: shared-net
    external: true
volumes:
  pinned:
    name: exact-name
secrets:
  token:
    name: myapp_token
    file: $DIR/secrets/token.txt
configs:
  conf:
    name: myapp_conf
    content: hello
`,
    );
  });
});

describe('normalize: merged projects', () => {
  it('merges -f files: environment list and mapping, ports, !reset and !override', () => {
    const result = render(
      {
        'compose.yaml': `version: "3.9"
services:
  web:
    image: web:1
    environment:
      - A=1
      - B=2
    ports:
      - "80:80"
    dns: 8.8.8.8
    command: ["serve"]
`,
        'compose.prod.yaml': `services:
  web:
    image: web:2
    environment:
      B: "20"
      C: 3
    ports: !override
      - "443:443"
    dns: !reset []
    command: !reset null
`,
      },
      { files: ['compose.yaml', 'compose.prod.yaml'] },
    );
    expectDocument(
      result,
      `name: $NAME
services:
  web:
    environment:
      A: "1"
      B: "20"
      C: "3"
    image: web:2
    networks:
      default: null
    ports:
      - mode: ingress
        target: 443
        published: "443"
        protocol: tcp
networks:
  default:
    name: $NAME_default
`,
    );
  });

  it('resolves extends chains across files, paths against the file that wrote them', () => {
    const result = render({
      'compose.yaml': `services:
  web:
    extends:
      file: shared/base.yaml
      service: app
    environment:
      ROLE: web
`,
      'shared/base.yaml': `services:
  app:
    extends:
      file: ../common/root.yaml
      service: root
    build: ./app
    environment:
      ROLE: app
`,
      'common/root.yaml': `services:
  root:
    image: root
    volumes:
      - ./data:/data
    environment:
      LEVEL: root
`,
    });
    expectDocument(
      result,
      `name: $NAME
services:
  web:
    build:
      context: $DIR/shared/app
      dockerfile: Dockerfile
    environment:
      LEVEL: root
      ROLE: web
    image: root
    networks:
      default: null
    volumes:
      - type: bind
        source: $DIR/common/data
        target: /data
        bind:
          create_host_path: true
networks:
  default:
    name: $NAME_default
`,
    );
  });

  it('loads include with its own folder and .env', () => {
    const result = render({
      'compose.yaml': `include:
  - backend/compose.yaml
services:
  web:
    image: web
    depends_on: [api]
`,
      'backend/compose.yaml': `services:
  api:
    image: api:\${API_TAG}
    env_file: api.env
    volumes:
      - ./conf:/conf
`,
      'backend/.env': 'API_TAG=2.1\n',
      'backend/api.env': 'PORT=9000\n',
    });
    expectDocument(
      result,
      `name: $NAME
services:
  api:
    environment:
      PORT: "9000"
    image: api:2.1
    networks:
      default: null
    volumes:
      - type: bind
        source: $DIR/backend/conf
        target: /conf
        bind:
          create_host_path: true
  web:
    depends_on:
      api:
        condition: service_started
        required: true
    image: web
    networks:
      default: null
networks:
  default:
    name: $NAME_default
`,
    );
  });
});

describe('normalize: interpolation and profiles', () => {
  it('substitutes every interpolation form', () => {
    const result = render(
      {
        'compose.yaml': `services:
  web:
    image: \${REGISTRY:-docker.io}/app:\${TAG-latest}
    environment:
      SET: \${SET}
      EMPTY_DEFAULT: \${EMPTY:-fallback}
      EMPTY_DASH: \${EMPTY-kept-empty}
      ALT: \${SET:+alternate}
      ALT_UNSET: \${UNSET+alternate}
      PRICE: $$5
`,
      },
      { env: { SET: 'value', EMPTY: '' } },
    );
    expectDocument(
      result,
      `name: $NAME
services:
  web:
    environment:
      ALT: alternate
      ALT_UNSET: ""
      EMPTY_DASH: ""
      EMPTY_DEFAULT: fallback
      PRICE: $5
      SET: value
    image: docker.io/app:latest
    networks:
      default: null
networks:
  default:
    name: $NAME_default
`,
    );
  });

  it('drops services whose profiles are not active, and the default network with them', () => {
    const files = {
      'compose.yaml': `services:
  app:
    image: app
    network_mode: host
  debug:
    image: busybox
    profiles: [debug]
`,
    };
    const plain = render(files);
    expect(plain.text).toBe(`name: ${basename(plain.dir)}
services:
  app:
    image: app
    network_mode: host
`);
    expect(render(files, { profiles: ['debug'] }).text).toContain('  debug:\n    profiles:\n      - debug\n    image: busybox\n    networks:\n      default: null\n');
  });
});
