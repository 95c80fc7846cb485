// Preloaded (node --require) into the CLI by read-only.test.ts: records every file
// write, process start and network use to the file named by COMPOSE_LINT_AUDIT_LOG,
// then lets the call through. CommonJS, so it runs before the CLI's modules load.
'use strict';
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const logPath = process.env.COMPOSE_LINT_AUDIT_LOG;
// The log is written with the originals, taken before anything is wrapped (appendFileSync itself calls fs.writeFileSync).
const { openSync, writeSync, closeSync } = fs;
let recording = false;
function record(kind, detail) {
  if (recording) return;
  recording = true;
  try {
    const fd = openSync(logPath, 'a');
    writeSync(fd, `${JSON.stringify({ kind, detail: String(detail) })}\n`);
    closeSync(fd);
  } finally {
    recording = false;
  }
}

const WRITE_FLAGS = /[wa+]/;
const { O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;
const writes = (flags) =>
  typeof flags === 'string' ? WRITE_FLAGS.test(flags) : typeof flags === 'number' && (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) !== 0;

function wrap(target, name, kind, shouldRecord = () => true) {
  const original = target[name];
  if (typeof original !== 'function') return;
  target[name] = function audited(...args) {
    if (shouldRecord(...args)) record(kind, args[0] && args[0].href ? args[0].href : args[0]);
    return original.apply(this, args);
  };
}

const WRITERS = ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'cp', 'symlink', 'link', 'truncate', 'chmod', 'chown', 'lchown', 'utimes', 'lutimes', 'createWriteStream'];
for (const name of WRITERS) {
  wrap(fs, name, 'write');
  wrap(fs, `${name}Sync`, 'write');
  wrap(fs.promises, name, 'write');
}
wrap(fs, 'open', 'write', (_, flags) => writes(flags));
wrap(fs, 'openSync', 'write', (_, flags) => writes(flags));
wrap(fs.promises, 'open', 'write', (_, flags) => writes(flags));

const childProcess = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) wrap(childProcess, name, 'exec');

for (const [module, names] of [
  ['node:net', ['connect', 'createConnection']],
  ['node:tls', ['connect']],
  ['node:http', ['request', 'get']],
  ['node:https', ['request', 'get']],
  ['node:dns', ['lookup', 'resolve', 'resolve4', 'resolve6']],
  ['node:dgram', ['createSocket']],
]) {
  const target = require(module);
  for (const name of names) wrap(target, name, 'network');
}
if (typeof globalThis.fetch === 'function') wrap(globalThis, 'fetch', 'network');
// eval-like entry points: nothing from a compose or config file is ever code.
wrap(require('node:vm'), 'runInNewContext', 'exec');
wrap(require('node:vm'), 'runInThisContext', 'exec');
wrap(require('node:vm'), 'compileFunction', 'exec');

syncBuiltinESMExports();
