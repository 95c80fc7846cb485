import fc from 'fast-check';
import { stringify } from 'yaml';

/** Keys compose knows, keys that are traps for a JavaScript implementation, and odd ones. */
const KEYS = [
  'services', 'networks', 'volumes', 'secrets', 'configs', 'include', 'name', 'version', 'x-common', 'models',
  'image', 'build', 'context', 'dockerfile', 'args', 'command', 'entrypoint', 'environment', 'env_file', 'ports',
  'expose', 'volumes', 'depends_on', 'condition', 'healthcheck', 'test', 'interval', 'restart', 'deploy', 'resources',
  'limits', 'reservations', 'devices', 'capabilities', 'memory', 'cpus', 'replicas', 'labels', 'logging', 'driver',
  'options', 'user', 'privileged', 'cap_add', 'security_opt', 'network_mode', 'extends', 'service', 'file', 'profiles',
  'secrets', 'target', 'source', 'read_only', 'tmpfs', 'ulimits', 'external', 'internal', 'path', 'required',
  'x-compose-lint', 'ignore', '<<', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', ' ', '${X}', '$$', '#', '-',
] as const;

/** Scalars of every YAML type and the strings that trip parsers, interpolation and terminals. */
export const HOSTILE_SCALARS = [
  null, true, false, 0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER,
  '', ' ', '~', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', '0777', '0o17', '0x1F', '1_000', '.inf', '-.inf', '.nan',
  '2024-01-01', '2001-12-14t21:59:43.10-05:00', '22:22', '80:80', '127.0.0.1:8080:80/udp', '1.5g', '10s', '-1',
  '$', '$$', '${', '${}', '${A', '${A:-', '${A:-${B:-${C}}}', '${A:?required}', '$A$B', '${A-}', '${ A }', '$${A}', '}',
  'a\nb', '\t', '\r', '\u001b[31mred\u001b[0m', '\u0007', '\u007f', '\u0085', '\u2028', '\ufeff', '\ud800', '😀',
  '"', "'", '\\', '#', '&a', '*a', '!!str', '!reset', '- a', ': b', '[a', '{a', '|', '>', '%YAML', '---', '...',
  'nginx', 'nginx:latest', 'postgres:16', '/var/run/docker.sock:/var/run/docker.sock', '/:/host', 'ALL', 'SYS_ADMIN',
  'host', 'service:db', 'unconfined', 'no-new-privileges:true', 'postgres://user:pw@db/app', 'PASSWORD=hunter2',
  'a'.repeat(300),
];

export const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });

export const scalar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_SCALARS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
);

/** A JavaScript value shaped like a compose file (mostly mappings with compose keys at the top). */
export const document = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
  service: fc.dictionary(key, tie('value'), { maxKeys: 8 }),
  root: fc.record(
    {
      services: fc.dictionary(fc.oneof(fc.constantFrom('web', 'db', 'api', '__proto__'), fc.string({ maxLength: 6 })), tie('service'), { maxKeys: 3 }),
      networks: tie('value'),
      volumes: tie('value'),
      'x-extra': tie('value'),
    },
    { requiredKeys: ['services'] },
  ),
})).root;

/** How the value is written: YAML styles, then line ends and a byte order mark. */
export const rendering = fc.record({
  collectionStyle: fc.constantFrom('any', 'block', 'flow'),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
  lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  encoding: fc.constantFrom('utf8', 'utf8', 'utf8', 'utf16le', 'utf16be'),
});

export type Rendering = typeof rendering extends fc.Arbitrary<infer T> ? T : never;

export function render(value: unknown, how: Rendering): Buffer {
  let text = stringify(value, {
    collectionStyle: how.collectionStyle,
    defaultStringType: how.defaultStringType,
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
  }).replace(/\n/g, how.lineEnd);
  if (how.encoding === 'utf8') return Buffer.from(how.bom ? `\ufeff${text}` : text, 'utf8');
  text = `\ufeff${text}`;
  const bytes = Buffer.from(text, 'utf16le');
  if (how.encoding === 'utf16be') bytes.swap16();
  return bytes;
}

/** Env-file lines: valid ones, every quoting error, and noise. */
const ENV_LINES = [
  'A=1', 'export B=2', 'C="quoted"', "D='single'", 'E="unterminated', "F='unterminated", 'G="a\\"b"', 'H=${A}', 'I=${A:-x',
  'J="${UNCLOSED"', 'K L=1', '=novalue', 'M', '# comment', '', '   ', 'N=a #comment', 'O="multi', 'line"', 'P=\\', '€=1',
  'Q="\\0777"', 'R=\r', 'DB_PASSWORD=s3cr3t',
];

export const envFile = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ENV_LINES) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), {
    maxLength: 8,
  })
  .map((lines) => lines.join('\n'));
