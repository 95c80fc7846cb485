import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeComposeFiles, mergeService } from '../../src/load/merge.ts';
import { childAt, isMap, keyNode, toPlain, type MapNode, type Node, type ScalarNode, type SeqNode } from '../../src/load/nodes.ts';
import { parseYamlFile } from '../../src/load/parse.ts';
import { createSourceFile } from '../../src/load/source.ts';

const BASE = '/proj/compose.yaml';
const OVER = '/proj/compose.override.yaml';

function load(path: string, text: string): MapNode {
  const parsed = parseYamlFile(createSourceFile(path, text, dirname(path)));
  expect(parsed.diagnostics).toEqual([]);
  if (!isMap(parsed.root)) throw new Error(`${path} is not a mapping`);
  return parsed.root;
}

/** A document holding one service `s` whose body is `body` (block YAML, unindented). */
function service(body: string): string {
  const indented = body
    .trim()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  return `services:\n  s:\n${indented}\n`;
}

function merge(base: string, over: string): MapNode {
  return mergeComposeFiles(load(BASE, base), load(OVER, over));
}

function mergedService(base: string, over: string): unknown {
  return (toPlain(merge(service(base), service(over))) as { services: Record<string, unknown> }).services.s;
}

/** The text a node's loc covers. */
function textOf(node: Node | undefined): string {
  if (!node) throw new Error('no node');
  return node.loc.file.text.slice(node.loc.start, node.loc.end);
}

describe('mergeComposeFiles: one case per rule', () => {
  const cases: Array<{ rule: string; base: string; over: string; expected: unknown }> = [
    {
      rule: 'mappings deep-merge and scalars replace',
      base: 'image: app:1\nrestart: always\nhealthcheck: {interval: 5s, retries: 3}',
      over: 'image: app:2\nhealthcheck: {retries: 5}\nuser: app',
      expected: { image: 'app:2', restart: 'always', healthcheck: { interval: '5s', retries: 5 }, user: 'app' },
    },
    {
      rule: 'plain sequences append, duplicates kept as compose keeps them',
      base: 'security_opt: [no-new-privileges:true]\nvolumes_from: [data]\ngroup_add: [audio]',
      over: 'security_opt: [no-new-privileges:true, seccomp:p.json]\nvolumes_from: [logs]\ngroup_add: [audio]',
      expected: {
        security_opt: ['no-new-privileges:true', 'no-new-privileges:true', 'seccomp:p.json'],
        volumes_from: ['data', 'logs'],
        group_add: ['audio', 'audio'],
      },
    },
    {
      rule: 'command and entrypoint replace',
      base: 'command: [npm, start]\nentrypoint: /init',
      over: 'command: node server.js\nentrypoint: [tini, --]',
      expected: { command: 'node server.js', entrypoint: ['tini', '--'] },
    },
    {
      rule: 'healthcheck.test replaces while the rest of healthcheck merges',
      base: 'healthcheck: {test: [CMD, curl, -f, localhost], interval: 5s}',
      over: 'healthcheck: {test: [CMD-SHELL, "true"], timeout: 2s}',
      expected: { healthcheck: { test: ['CMD-SHELL', 'true'], interval: '5s', timeout: '2s' } },
    },
    {
      rule: 'environment: two mappings merge by key, the override replacing in place',
      base: 'environment: {A: "1", B: "2"}',
      over: 'environment: {C: "4", B: "3"}',
      expected: { environment: { A: '1', B: '3', C: '4' } },
    },
    {
      rule: 'environment: list + mapping gives a list keyed by name',
      base: 'environment: [A=1, B=2, D]',
      over: 'environment: {B: "3", C: null, D: x}',
      expected: { environment: ['A=1', 'B=3', 'D=x', 'C'] },
    },
    {
      rule: 'environment: mapping + list gives a list keyed by name',
      base: 'environment: {A: 1, B: true}',
      over: 'environment: [A=2, E=5]',
      expected: { environment: ['A=2', 'B=true', 'E=5'] },
    },
    {
      rule: 'environment: a key with no value in the override replaces the base entry',
      base: 'environment: {TOKEN: abc}',
      over: 'environment: {TOKEN: null}',
      expected: { environment: { TOKEN: null } },
    },
    {
      rule: 'labels, annotations and sysctls merge by key',
      base: 'labels: [a=1, b=2]\nannotations: {x: "1"}\nsysctls: [net.core.somaxconn=1024]',
      over: 'labels: [a=3]\nannotations: [x=2, y=3]\nsysctls: {net.core.somaxconn: 2048, net.ipv4.tcp_syncookies: 0}',
      expected: {
        labels: ['a=3', 'b=2'],
        annotations: ['x=2', 'y=3'],
        sysctls: ['net.core.somaxconn=2048', 'net.ipv4.tcp_syncookies=0'],
      },
    },
    {
      rule: 'build.args merge by key',
      base: 'build: {context: ., args: {VERSION: "1", DEBUG: "0"}}',
      over: 'build: {args: [DEBUG=1, EXTRA]}',
      expected: { build: { context: '.', args: ['VERSION=1', 'DEBUG=1', 'EXTRA'] } },
    },
    {
      rule: 'extra_hosts drops only exact duplicates, whatever the form',
      base: 'extra_hosts: ["db:10.0.0.1", "cache=10.0.0.2"]',
      over: 'extra_hosts: {db: 10.0.0.1, cache: 10.0.0.3}',
      expected: { extra_hosts: ['db=10.0.0.1', 'cache=10.0.0.2', 'cache=10.0.0.3'] },
    },
    {
      rule: 'extra_hosts: two agreeing mappings stay a mapping',
      base: 'extra_hosts: {db: 10.0.0.1}',
      over: 'extra_hosts: {db: 10.0.0.1, api: "::1"}',
      expected: { extra_hosts: { db: '10.0.0.1', api: '::1' } },
    },
    {
      rule: 'ports are unique by host ip, published port, target and protocol',
      base: 'ports: ["8080:80", "127.0.0.1:9090:90", "53:53/udp", "[::1]:7000:7000"]',
      over: 'ports: [{target: 80, published: 8080}, "9090:90", "53:53/tcp", "[::1]:7000:7000/tcp"]',
      expected: {
        ports: [{ target: 80, published: 8080 }, '127.0.0.1:9090:90', '53:53/udp', '[::1]:7000:7000/tcp', '9090:90', '53:53/tcp'],
      },
    },
    {
      rule: 'volumes are unique by container path, short or long syntax',
      base: 'volumes: ["./data:/data", "cache:/cache:ro", "C:\\\\logs:/logs"]',
      over: 'volumes: ["./other:/data:ro", {type: bind, source: ./x, target: /cache}, /anon, "D:\\\\logs:/logs"]',
      expected: {
        volumes: ['./other:/data:ro', { type: 'bind', source: './x', target: '/cache' }, 'D:\\logs:/logs', '/anon'],
      },
    },
    {
      rule: 'devices are unique by container path',
      base: 'devices: ["/dev/sda:/dev/xvda:rwm", /dev/fuse]',
      over: 'devices: ["/dev/sdb:/dev/xvda", /dev/fuse, {source: /dev/dri, target: /dev/dri}]',
      expected: { devices: ['/dev/sdb:/dev/xvda', '/dev/fuse', { source: '/dev/dri', target: '/dev/dri' }] },
    },
    {
      rule: 'secrets are unique by mount target (short name = /run/secrets/name)',
      base: 'secrets: [db_pass, {source: api_key, target: /run/secrets/key}]',
      over: 'secrets: [{source: db_pass, uid: "1000"}, {source: other, target: key}, tls]',
      expected: { secrets: [{ source: 'db_pass', uid: '1000' }, { source: 'other', target: 'key' }, 'tls'] },
    },
    {
      rule: 'configs are unique by mount target (short name = /name)',
      base: 'configs: [nginx_conf, app_conf]',
      over: 'configs: [{source: nginx_v2, target: /nginx_conf}]',
      expected: { configs: [{ source: 'nginx_v2', target: '/nginx_conf' }, 'app_conf'] },
    },
    {
      rule: 'depends_on: a list becomes a mapping with compose defaults when merged with one',
      base: 'depends_on: [db, cache]',
      over: 'depends_on: {db: {condition: service_healthy}, queue: {condition: service_started}}',
      expected: {
        depends_on: {
          db: { condition: 'service_healthy', required: true },
          cache: { condition: 'service_started', required: true },
          queue: { condition: 'service_started' },
        },
      },
    },
    {
      rule: 'depends_on: two lists stay a list without duplicates',
      base: 'depends_on: [db, cache]',
      over: 'depends_on: [cache, queue]',
      expected: { depends_on: ['db', 'cache', 'queue'] },
    },
    {
      rule: 'networks: a list becomes a mapping of null entries when merged with one; aliases stay unique',
      base: 'networks: [front, back]',
      over: 'networks: {back: {aliases: [api]}, admin: null}',
      expected: { networks: { front: null, back: { aliases: ['api'] }, admin: null } },
    },
    {
      rule: 'networks: per-network aliases append without duplicates',
      base: 'networks: {front: {aliases: [a, b], priority: 1}}',
      over: 'networks: {front: {aliases: [b, c]}}',
      expected: { networks: { front: { aliases: ['a', 'b', 'c'], priority: 1 } } },
    },
    {
      rule: 'build: a string is the context',
      base: 'build: ./app',
      over: 'build: {dockerfile: Dockerfile.dev, args: {A: "1"}}',
      expected: { build: { context: './app', dockerfile: 'Dockerfile.dev', args: { A: '1' } } },
    },
    {
      rule: 'build: a string override replaces only the context',
      base: 'build: {context: ., dockerfile: Dockerfile.prod}',
      over: 'build: ./other',
      expected: { build: { context: './other', dockerfile: 'Dockerfile.prod' } },
    },
    {
      rule: 'dns, dns_search, tmpfs: a string joins a list, duplicates dropped',
      base: 'dns: 1.1.1.1\ndns_search: [corp.example]\ntmpfs: /run',
      over: 'dns: [8.8.8.8, 1.1.1.1]\ndns_search: corp.example\ntmpfs: [/run, /tmp]',
      expected: { dns: ['1.1.1.1', '8.8.8.8'], dns_search: ['corp.example'], tmpfs: ['/run', '/tmp'] },
    },
    {
      rule: 'env_file: unique by path, short or long',
      base: 'env_file: .env',
      over: 'env_file: [{path: .env, required: false}, extra.env]',
      expected: { env_file: [{ path: '.env', required: false }, 'extra.env'] },
    },
    {
      rule: 'cap_add, cap_drop, expose, profiles, links: append without duplicates',
      base: 'cap_add: [NET_ADMIN]\ncap_drop: [ALL]\nexpose: [80, "443"]\nprofiles: [dev]\nlinks: [db]',
      over: 'cap_add: [NET_ADMIN, SYS_TIME]\ncap_drop: [ALL]\nexpose: ["80", 8080]\nprofiles: [dev, debug]\nlinks: [db, "cache:c"]',
      expected: {
        cap_add: ['NET_ADMIN', 'SYS_TIME'],
        cap_drop: ['ALL'],
        expose: ['80', '443', 8080],
        profiles: ['dev', 'debug'],
        links: ['db', 'cache:c'],
      },
    },
    {
      rule: 'ulimits merge by name, each limit replaced whole',
      base: 'ulimits: {nofile: {soft: 1024, hard: 2048}, nproc: 64}',
      over: 'ulimits: {nofile: {soft: 4096}}',
      expected: { ulimits: { nofile: { soft: 4096 }, nproc: 64 } },
    },
    {
      rule: 'logging: the same driver merges options',
      base: 'logging: {driver: json-file, options: {max-size: 10m, max-file: "3"}}',
      over: 'logging: {driver: json-file, options: {max-size: 50m}}',
      expected: { logging: { driver: 'json-file', options: { 'max-size': '50m', 'max-file': '3' } } },
    },
    {
      rule: 'logging: another driver replaces the whole mapping',
      base: 'logging: {driver: json-file, options: {max-size: 10m}}',
      over: 'logging: {driver: syslog, options: {syslog-address: "udp://1.2.3.4:514"}}',
      expected: { logging: { driver: 'syslog', options: { 'syslog-address': 'udp://1.2.3.4:514' } } },
    },
    {
      rule: 'logging: an override without driver merges',
      base: 'logging: {driver: local, options: {max-size: 10m}}',
      over: 'logging: {options: {compress: "true"}}',
      expected: { logging: { driver: 'local', options: { 'max-size': '10m', compress: 'true' } } },
    },
    {
      rule: '!reset removes the key, or the one sequence item',
      base: 'image: app\nports: ["80:80"]\nenvironment: {A: "1", B: "2"}\ncap_add: [NET_ADMIN]',
      over: 'ports: !reset []\nenvironment: {A: !reset null}\ncap_add: [!reset SYS_TIME, CHOWN]\nuser: !reset root',
      expected: { image: 'app', environment: { B: '2' }, cap_add: ['NET_ADMIN', 'CHOWN'] },
    },
    {
      rule: '!override replaces without merging',
      base: 'ports: ["80:80", "443:443"]\nenvironment: {A: "1", B: "2"}\nlogging: {driver: local, options: {max-size: 1m}}',
      over: 'ports: !override ["8080:80"]\nenvironment: !override {B: "3"}\nlogging: !override {options: {compress: "true"}}',
      expected: { ports: ['8080:80'], environment: { B: '3' }, logging: { options: { compress: 'true' } } },
    },
    {
      rule: 'null in the override keeps the base value',
      base: 'image: app\nenvironment: {A: "1"}\nports: ["80:80"]\ndepends_on: [db]',
      over: 'image: null\nenvironment:\nports: ~\ndepends_on: null',
      expected: { image: 'app', environment: { A: '1' }, ports: ['80:80'], depends_on: ['db'] },
    },
    {
      rule: 'null replaces the replace-only keys (command, entrypoint), as compose does',
      base: 'command: [run]\nentrypoint: /init',
      over: 'command: null\nentrypoint: null',
      expected: { command: null, entrypoint: null },
    },
    {
      rule: 'a null base takes the override',
      base: 'environment:\nports:',
      over: 'environment: {A: "1"}\nports: ["80:80"]',
      expected: { environment: { A: '1' }, ports: ['80:80'] },
    },
    {
      rule: 'a type clash lets the override win (schema validation reports the shape)',
      base: 'healthcheck: {test: [CMD, "true"]}',
      over: 'healthcheck: [oops]',
      expected: { healthcheck: ['oops'] },
    },
  ];

  for (const { rule, base, over, expected } of cases) {
    it(rule, () => {
      expect(mergedService(base, over)).toEqual(expected);
    });
  }

  it('keeps base keys in order and appends the new ones', () => {
    const merged = mergedService('image: a\nrestart: always\nuser: x', 'user: y\nread_only: true\nimage: b') as object;
    expect(Object.keys(merged)).toEqual(['image', 'restart', 'user', 'read_only']);
  });

  it('deep-merges the top-level networks, volumes, secrets, configs and x-* by name', () => {
    const base = `
services: {a: {image: a}}
networks: {back: {internal: true}, front: {}}
volumes: {data: {driver: local}}
secrets: {pw: {file: ./pw.txt}}
configs: {conf: {file: ./a.conf}}
x-common: {restart: always, labels: {team: x}}
`;
    const over = `
services: {b: {image: b}}
networks: {back: {labels: {tier: db}}, admin: {external: true}}
volumes: {data: {driver_opts: {type: tmpfs}}, logs: null}
secrets: {pw: {file: ./pw-dev.txt}}
configs: {other: {content: hi}}
x-common: {labels: {env: dev}}
`;
    expect(toPlain(merge(base, over))).toEqual({
      services: { a: { image: 'a' }, b: { image: 'b' } },
      networks: { back: { internal: true, labels: { tier: 'db' } }, front: {}, admin: { external: true } },
      volumes: { data: { driver: 'local', driver_opts: { type: 'tmpfs' } }, logs: null },
      secrets: { pw: { file: './pw-dev.txt' } },
      configs: { conf: { file: './a.conf' }, other: { content: 'hi' } },
      'x-common': { restart: 'always', labels: { team: 'x', env: 'dev' } },
    });
  });

  it('merges network and volume labels by key', () => {
    const merged = merge('networks: {n: {labels: [a=1]}}\nvolumes: {v: {labels: {b: "1"}}}', 'networks: {n: {labels: {a: "2"}}}\nvolumes: {v: {labels: [c=3]}}');
    expect(toPlain(merged)).toEqual({ networks: { n: { labels: ['a=2'] } }, volumes: { v: { labels: ['b=1', 'c=3'] } } });
  });

  it('merges IPAM pools by subnet', () => {
    const merged = merge(
      'networks: {n: {ipam: {config: [{subnet: 10.0.0.0/24, gateway: 10.0.0.1}, {subnet: 10.1.0.0/24}]}}}',
      'networks: {n: {ipam: {config: [{subnet: 10.0.0.0/24, ip_range: 10.0.0.128/25}, {subnet: 10.2.0.0/24}]}}}',
    );
    expect(toPlain(childAt(merged, 'networks', 'n', 'ipam', 'config'))).toEqual([
      { subnet: '10.0.0.0/24', gateway: '10.0.0.1', ip_range: '10.0.0.128/25' },
      { subnet: '10.1.0.0/24' },
      { subnet: '10.2.0.0/24' },
    ]);
  });

  it('removes a whole service with !reset and strips !reset inside new content', () => {
    const merged = merge(
      'services: {a: {image: a}, b: {image: b}}',
      'services:\n  a: !reset null\n  c:\n    image: c\n    ports: !reset ["1:1"]\n    environment: {A: "1", B: !reset x}\n',
    );
    expect(toPlain(merged)).toEqual({ services: { b: { image: 'b' }, c: { image: 'c', environment: { A: '1' } } } });
  });

  it('drops !reset nodes of the base file too (compose never reads them)', () => {
    const merged = merge('services:\n  a:\n    image: a\n    user: !reset root\n    read_only: !reset true\n', 'services: {a: {restart: always, read_only: false}}');
    expect(toPlain(merged)).toEqual({ services: { a: { image: 'a', read_only: false, restart: 'always' } } });
  });

  it('never mutates its inputs, even nodes shared through anchors', () => {
    const baseText = `
x-env: &env {A: "1"}
services:
  a: {environment: *env, ports: ["80:80"]}
  b: {environment: *env}
`;
    const base = load(BASE, baseText);
    const over = load(OVER, 'services: {a: {environment: {A: "2", B: "3"}, ports: ["81:81"]}}');
    const before = JSON.stringify(toPlain(base));
    const overBefore = JSON.stringify(toPlain(over));
    const merged = mergeComposeFiles(base, over);
    expect(JSON.stringify(toPlain(base))).toBe(before);
    expect(JSON.stringify(toPlain(over))).toBe(overBefore);
    expect(toPlain(childAt(merged, 'services', 'a', 'environment'))).toEqual({ A: '2', B: '3' });
    expect(toPlain(childAt(merged, 'services', 'b', 'environment'))).toEqual({ A: '1' });
  });

  it('chains: a third file merges over the result of the first two', () => {
    const third = load('/proj/compose.prod.yaml', service('ports: ["8080:80/tcp"]\nenvironment: [C=3]'));
    const merged = mergeComposeFiles(merge(service('ports: ["8080:80"]\nenvironment: {A: "1"}'), service('environment: {B: "2"}')), third);
    expect(toPlain(childAt(merged, 'services', 's'))).toEqual({ ports: ['8080:80/tcp'], environment: ['A=1', 'B=2', 'C=3'] });
  });
});

describe('mergeService', () => {
  it('applies the service rules to one service', () => {
    const base = load(BASE, 'image: app\ncommand: [a]\nenvironment: [A=1]\nports: ["80:80"]\ndepends_on: [db]');
    const over = load(OVER, 'command: [b]\nenvironment: {A: "2"}\nports: ["80:80"]\ndepends_on: {cache: {condition: service_healthy}}');
    expect(toPlain(mergeService(base, over))).toEqual({
      image: 'app',
      command: ['b'],
      environment: ['A=2'],
      ports: ['80:80'],
      depends_on: {
        db: { condition: 'service_started', required: true },
        cache: { condition: 'service_healthy' },
      },
    });
  });
});

describe('locations after a merge', () => {
  const baseText = service(`
image: app:1
restart: always
environment:
  A: "1"
  B: base-b
ports:
  - "8080:80"
  - "9090:90"
depends_on: [db]
healthcheck:
  test: [CMD, "true"]
  interval: 5s
`);
  const overText = service(`
image: app:2
environment:
  B: over-b
  C: over-c
ports:
  - "127.0.0.1:9090:90"
  - target: 80
    published: 8080
depends_on:
  db: {condition: service_healthy}
healthcheck:
  interval: 9s
labels: [team=x]
`);
  const merged = merge(baseText, overText);
  const svc = childAt(merged, 'services', 's') as MapNode;

  it('a value from the override points into the override file', () => {
    const image = childAt(svc, 'image')!;
    expect(image.loc.file.path).toBe(OVER);
    expect(textOf(image)).toBe('app:2');
    expect(keyNode(svc, 'image')!.loc.file.path).toBe(OVER);
    expect(textOf(childAt(svc, 'healthcheck', 'interval'))).toBe('9s');
    expect(childAt(svc, 'healthcheck', 'interval')!.loc.file.path).toBe(OVER);
  });

  it('a value inherited from the base keeps the base file', () => {
    const restart = childAt(svc, 'restart')!;
    expect(restart.loc.file.path).toBe(BASE);
    expect(textOf(restart)).toBe('always');
    expect(childAt(svc, 'healthcheck', 'test')!.loc.file.path).toBe(BASE);
    expect(textOf(childAt(svc, 'environment', 'A'))).toBe('"1"');
  });

  it('merged containers take the base loc; their entries keep their own', () => {
    const environment = childAt(svc, 'environment')!;
    expect(environment.loc.file.path).toBe(BASE);
    expect(keyNode(svc, 'environment')!.loc.file.path).toBe(BASE);
    const b = childAt(environment, 'B')!;
    expect(b.loc.file.path).toBe(OVER);
    expect(textOf(b)).toBe('over-b');
    expect(keyNode(environment, 'B')!.loc.file.path).toBe(OVER);
    expect(textOf(childAt(environment, 'C'))).toBe('over-c');
    // A container only the override has keeps the override's loc.
    expect(childAt(svc, 'labels')!.loc.file.path).toBe(OVER);
  });

  it('a replaced sequence item points at the override text, kept ones at the base', () => {
    const ports = childAt(svc, 'ports') as SeqNode;
    expect(ports.loc.file.path).toBe(BASE);
    expect(ports.items.map((item) => item.loc.file.path)).toEqual([OVER, BASE, OVER]);
    expect(textOf(ports.items[0])).toContain('target: 80');
    expect(textOf(ports.items[1])).toBe('"9090:90"');
    expect(textOf(ports.items[2])).toBe('"127.0.0.1:9090:90"');
  });

  it('normalised short syntax is synthetic but points at the text it came from', () => {
    const merged = merge(service('depends_on: [db]\nnetworks: [front]\nbuild: ./app'), service('depends_on: {db: {restart: true}}\nnetworks: {front: {priority: 2}}\nbuild: {target: dev}'));
    const s = childAt(merged, 'services', 's');
    const required = childAt(s, 'depends_on', 'db', 'required') as ScalarNode;
    expect(required.synthetic).toBe(true);
    expect(required.loc.file.path).toBe(BASE);
    expect(textOf(required)).toBe('db');
    expect(textOf(keyNode(childAt(s, 'depends_on'), 'db'))).toBe('db');
    expect(childAt(s, 'depends_on', 'db', 'restart')!.loc.file.path).toBe(OVER);
    const context = childAt(s, 'build', 'context')!;
    expect(context.synthetic).toBeUndefined();
    expect(textOf(context)).toBe('./app');
    expect(keyNode(childAt(s, 'build'), 'context')!.synthetic).toBe(true);
    expect(childAt(s, 'build', 'target')!.loc.file.path).toBe(OVER);
  });

  it('a mapping entry turned into a list item spans its KEY: VALUE text', () => {
    const merged = merge(service('environment:\n  PASSWORD: ${DB_PASS:-secret}\n  B: "2"'), service('environment: [B=3]'));
    const items = (childAt(merged, 'services', 's', 'environment') as SeqNode).items as ScalarNode[];
    expect(items.map((item) => item.value)).toEqual(['PASSWORD=${DB_PASS:-secret}', 'B=3']);
    expect(items[0].synthetic).toBe(true);
    expect(items[0].written).toBe('PASSWORD=${DB_PASS:-secret}');
    expect(items[0].loc.file.path).toBe(BASE);
    expect(textOf(items[0])).toBe('PASSWORD: ${DB_PASS:-secret}');
    expect(items[1].loc.file.path).toBe(OVER);
    expect(textOf(items[1])).toBe('B=3');
  });

  it('a whole-value replacement keeps the override key with it', () => {
    const merged = merge(service('logging: {driver: json-file}'), service('logging: {driver: syslog}'));
    const s = childAt(merged, 'services', 's');
    expect(keyNode(s, 'logging')!.loc.file.path).toBe(OVER);
    expect(childAt(s, 'logging')!.loc.file.path).toBe(OVER);
  });
});
