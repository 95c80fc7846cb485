import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Hostile inputs that cannot live in the repository as plain text: encodings,
 * control bytes, symlinks, FIFOs and sizes. Each builds its case folder under `dir`.
 */
export type Build = (dir: string) => void;

const PRIVILEGED = 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n';

export function write(dir: string, name: string, content: string | Buffer): void {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  bytes.swap16();
  return bytes;
}

/** `count` services, each a plain nginx: no finding from the hostile rule set. */
export function manyServices(count: number): string {
  const parts = ['services:\n'];
  for (let i = 0; i < count; i++) parts.push(`  s${i}:\n    image: nginx:1.27\n`);
  return parts.join('');
}

/** A mapping nested `depth` levels by indentation (one space per level). */
function deepBlockMap(depth: number): string {
  const parts = ['x:\n'];
  for (let i = 1; i < depth; i++) parts.push(`${' '.repeat(i)}a:\n`);
  return parts.join('');
}

export const GENERATED: Record<string, Build> = {
  'utf8-bom': (dir) => write(dir, 'compose.yaml', `\ufeff${PRIVILEGED}`),
  'utf16le-bom': (dir) => write(dir, 'compose.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PRIVILEGED, 'utf16le')])),
  'utf16be-bom': (dir) => write(dir, 'compose.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(PRIVILEGED)])),
  'utf16-no-bom': (dir) => write(dir, 'compose.yaml', Buffer.from(PRIVILEGED, 'utf16le')),
  crlf: (dir) => write(dir, 'compose.yaml', `# crlf\n${PRIVILEGED}`.replace(/\n/g, '\r\n')),
  'cr-only': (dir) => write(dir, 'compose.yaml', `# old mac\n${PRIVILEGED}`.replace(/\n/g, '\r')),
  'mixed-line-ends': (dir) => write(dir, 'compose.yaml', 'services:\r\n  web:\r    image: nginx:1.27\n    privileged: true\r'),
  'invalid-utf8': (dir) => write(dir, 'compose.yaml', Buffer.concat([Buffer.from('services:\n  web:\n    image: ng'), Buffer.from([0xc3, 0x28]), Buffer.from('inx\n')])),
  'latin1-comment': (dir) => write(dir, 'compose.yaml', Buffer.concat([Buffer.from(`${PRIVILEGED}# caf`), Buffer.from([0xe9]), Buffer.from('\n')])),
  'nul-bytes': (dir) => write(dir, 'compose.yaml', 'services:\n  web:\n    image: nginx:1.27\u0000\n'),
  binary: (dir) => write(dir, 'compose.yaml', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))),
  'control-characters': (dir) => write(dir, 'compose.yaml', 'services:\n  web:\n    image: "nginx\u001b[2J:1.27"\n    privileged: true\n'),
  'deep-block-compact': (dir) => write(dir, 'compose.yaml', `x:\n${'- '.repeat(10_000)}1\n`),
  'deep-block-map': (dir) => write(dir, 'compose.yaml', deepBlockMap(1_500)),
  'deep-flow-seq': (dir) => write(dir, 'compose.yaml', `x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`),
  'deep-flow-map': (dir) => write(dir, 'compose.yaml', `x: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`),
  'deep-flow-unclosed': (dir) => write(dir, 'compose.yaml', `x: ${'['.repeat(10_000)}\n`),
  'many-services': (dir) => write(dir, 'compose.yaml', manyServices(100_000)),
  'huge-double-quoted': (dir) => write(dir, 'compose.yaml', `services:\n  web:\n    image: nginx:1.27\n    command: "${'a'.repeat(20 * 1024 * 1024)}"\n`),
  'huge-plain': (dir) => write(dir, 'compose.yaml', `services:\n  web:\n    image: ${'a'.repeat(20 * 1024 * 1024)}\n`),
  // The largest string a compose file under the 4 MB parse limit can hold, double-quoted (the slowest style to decode).
  'large-double-quoted': (dir) =>
    write(dir, 'compose.yaml', `services:\n  web:\n    image: nginx:1.27\n    command: "${'a'.repeat(4 * 1024 * 1024 - 100)}"\n`),
  'huge-env-values': (dir) => {
    write(dir, 'compose.yaml', 'services:\n  web:\n    image: nginx:${TAG}\n');
    write(dir, '.env', `TAG=1.27\nQUOTED="${'a'.repeat(20 * 1024 * 1024)}"\nPLAIN=${'b'.repeat(20 * 1024 * 1024)}\n`);
  },
  'interpolation-nested-10k': (dir) =>
    write(dir, 'compose.yaml', `services:\n  web:\n    image: "nginx:${'${A:-'.repeat(10_000)}1${'}'.repeat(10_000)}"\n`),
  'interpolation-open-10k': (dir) => write(dir, 'compose.yaml', `services:\n  web:\n    image: "nginx:${'${'.repeat(10_000)}"\n`),
  // Each link is a level of recursion in the loader: bounded, reported, never a stack overflow.
  'extends-chain': (dir) => {
    const parts = ['services:\n'];
    for (let i = 0; i < 5_000; i++) parts.push(`  s${i}:\n    image: nginx:1.27\n${i < 4_999 ? `    extends: s${i + 1}\n` : ''}`);
    write(dir, 'compose.yaml', parts.join(''));
  },
  'include-chain': (dir) => {
    for (let i = 0; i < 1_000; i++) {
      const include = i < 999 ? `include:\n  - c${i + 1}.yaml\n` : '';
      write(dir, i === 0 ? 'compose.yaml' : `c${i}.yaml`, `${include}services:\n  s${i}:\n    image: nginx:1.27\n`);
    }
  },
  'symlink-loops': (dir) => {
    write(dir, 'app/compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n');
    mkdirSync(join(dir, 'app/sub'), { recursive: true });
    symlinkSync('..', join(dir, 'app/sub/parent'));
    symlinkSync('.', join(dir, 'app/sub/self'));
    symlinkSync('loop-b', join(dir, 'app/loop-a'));
    symlinkSync('loop-a', join(dir, 'app/loop-b'));
  },
  'symlink-to-fifo': (dir) => {
    mkdirSync(dir, { recursive: true });
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    symlinkSync('pipe', join(dir, 'compose.yaml'));
  },
  'symlink-to-device': (dir) => {
    mkdirSync(dir, { recursive: true });
    symlinkSync('/dev/zero', join(dir, 'compose.yaml'));
  },
  'dangling-symlink': (dir) => {
    mkdirSync(dir, { recursive: true });
    symlinkSync('nowhere.yaml', join(dir, 'compose.yaml'));
  },
  // Root reads a chmod 000 folder, so an unreadable one is made another way: a path longer than
  // PATH_MAX makes readdir fail (ENAMETOOLONG). The project below it is skipped, the one above it linted.
  'unreadable-folder': (dir) => {
    write(dir, 'compose.yaml', PRIVILEGED);
    // chdir one level at a time: every call names a short relative path, though the whole one is too long.
    const script = `const fs = require('node:fs'); for (let i = 0; i < 25; i++) { fs.mkdirSync('${'d'.repeat(200)}'); process.chdir('${'d'.repeat(200)}'); } fs.writeFileSync('compose.yaml', 'services: {x: {privileged: true}}\\n');`;
    execFileSync(process.execPath, ['-e', script], { cwd: dir });
  },
  // Every file a rule reads besides the compose files is a FIFO: none may be opened.
  'side-files-fifo': (dir) => {
    write(dir, 'compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n    build: .\n    env_file: web.env\n');
    write(dir, '.env', 'TAG=1\n');
    write(dir, '.compose-lint.yaml', 'extends: none\nrules:\n  secrets-gitignored: warning\n  env-example-complete: info\n  non-root-user: info\n  missing-file: error\n');
    for (const name of ['.gitignore', '.env.example', 'Dockerfile', 'web.env']) execFileSync('mkfifo', [join(dir, name)]);
  },
  // A glob that backtracks exponentially as a regular expression, and a path that makes it.
  'gitignore-backtracking': (dir) => {
    const name = `${'a'.repeat(48)}.env`;
    write(dir, 'compose.yaml', `services:\n  web:\n    image: nginx:1.27\n    env_file: ${name}\n`);
    write(dir, name, 'A=1\n');
    write(dir, '.gitignore', `${'*a'.repeat(25)}*b\n`);
    write(dir, '.compose-lint.yaml', 'extends: none\nrules:\n  secrets-gitignored: warning\n');
  },
  'config-binary': (dir) => {
    write(dir, 'compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n');
    write(dir, '.compose-lint.yaml', Buffer.from([0x72, 0x75, 0x00, 0xff, 0x01]));
  },
  'env-file-binary': (dir) => {
    write(dir, 'compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n');
    write(dir, '.env', Buffer.from([0x41, 0x3d, 0x00, 0xff]));
  },
  'env-file-latin1': (dir) => {
    write(dir, 'compose.yaml', 'services:\n  web:\n    image: nginx:${TAG}\n');
    write(dir, '.env', Buffer.concat([Buffer.from('TAG=1.27\nNAME=caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
  },
};
