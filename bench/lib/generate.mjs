// Deterministic benchmark inputs: generated compose projects of a given size, override
// stacks, a huge file, deep nesting and an alias bomb. Nothing random, so runs compare.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const pad = (n) => String(n).padStart(5, '0');
const IMAGES = ['nginx:1.27.2', 'postgres:16.4', 'redis:7.4.1', 'registry.example.com/team/api:2.3.1', 'python:3.12-slim'];

/** One service of a typical shape: image, env, ports, volume, network, healthcheck, limits. */
function service(i) {
  const name = `svc-${pad(i)}`;
  const lines = [
    `  ${name}:`,
    `    image: ${IMAGES[i % IMAGES.length]}`,
    '    restart: unless-stopped',
    '    environment:',
    '      LOG_LEVEL: info',
    `      SERVICE_INDEX: "${i}"`,
    `      DATABASE_URL: postgres://app:\${DB_PASSWORD:-changeme}@db-${i % 10}:5432/app`,
    '    ports:',
    `      - "127.0.0.1:${10000 + (i % 50000)}:8080"`,
    '    volumes:',
    `      - data-${i % 100}:/var/lib/app`,
    '      - ./config/app.conf:/etc/app/app.conf:ro',
    '    networks: [backend]',
  ];
  // Short dependency chains (length 10), as real projects have, not one 2,000-deep chain.
  if (i % 10 !== 0) lines.push('    depends_on:', `      - svc-${pad(i - 1)}`);
  lines.push(
    '    healthcheck:',
    '      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]',
    '      interval: 30s',
    '    deploy:',
    '      resources:',
    '        limits: { cpus: "0.5", memory: 256M }',
    '    labels:',
    `      com.example.team: "team-${i % 7}"`,
  );
  return lines.join('\n');
}

/** A whole compose file with `count` services. */
export function composeText(count) {
  const volumes = Math.min(count, 100);
  const parts = ['name: bench', 'services:'];
  for (let i = 0; i < count; i++) parts.push(service(i));
  parts.push('networks:', '  backend:', '    internal: true', 'volumes:');
  for (let v = 0; v < volumes; v++) parts.push(`  data-${v}: {}`);
  return `${parts.join('\n')}\n`;
}

/** An override that touches every one of `count` services (env, labels, image tag). */
function overrideText(count, k) {
  const parts = ['services:'];
  for (let i = 0; i < count; i++) {
    parts.push(
      `  svc-${pad(i)}:`,
      '    environment:',
      `      OVERRIDE_${k}: "${k}"`,
      `      LOG_LEVEL: ${k % 2 ? 'debug' : 'info'}`,
      '    labels:',
      `      com.example.layer-${k}: "yes"`,
    );
  }
  return `${parts.join('\n')}\n`;
}

/** A project folder with one compose.yaml of `count` services; returns the file. */
export function writeProject(dir, count) {
  mkdirSync(join(dir, 'config'), { recursive: true });
  writeFileSync(join(dir, 'config', 'app.conf'), 'listen 8080\n');
  const file = join(dir, 'compose.yaml');
  writeFileSync(file, composeText(count));
  return file;
}

/** A base file of `count` services plus `layers` override files; returns them in merge order. */
export function writeOverrides(dir, count, layers) {
  const files = [writeProject(dir, count)];
  for (let k = 1; k <= layers; k++) {
    const file = join(dir, `compose.layer-${k}.yaml`);
    writeFileSync(file, overrideText(count, k));
    files.push(file);
  }
  return files;
}

/** A compose file of at least `bytes` bytes (services of the usual shape). */
export function writeHuge(dir, bytes) {
  const perService = service(1).length + 1;
  return writeProject(dir, Math.ceil(bytes / perService));
}

/** `depth` nested flow sequences under an extension field of an otherwise valid file. */
export function writeDeep(dir, depth) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'compose.yaml');
  writeFileSync(file, `services:\n  app:\n    image: nginx:1.27.2\nx-deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
  return file;
}

/** The "billion laughs": 9 levels of 9 aliases each, 9^9 nodes once expanded. */
export function writeAliasBomb(dir) {
  mkdirSync(dir, { recursive: true });
  const lines = ['x-a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level <= 8; level++) {
    lines.push(`x-a${level}: &a${level} [${Array(9).fill(`*a${level - 1}`).join(', ')}]`);
  }
  lines.push('services:', '  app:', '    image: nginx:1.27.2', '    command: *a8', '');
  const file = join(dir, 'compose.yaml');
  writeFileSync(file, lines.join('\n'));
  return file;
}
