import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPython, REPO_ROOT } from './helpers.ts';

/**
 * gpu/gpu_check.py is the device check run on a GPU host (`--expect cuda`; see
 * test/ml-stack/README.md for the recorded run). Here, without a GPU, the same
 * script must find the service on the CPU with the same answers.
 */
const { python, missing } = findPython(['torch', 'torchvision', 'PIL', 'prometheus_client']);

describe.skipIf(!python)(`gpu_check.py on a machine without a GPU${python ? '' : ` [SKIPPED: missing ${missing.join(', ')}]`}`, () => {
  it('selects the CPU with DEVICE=auto and matches the CPU reference', () => {
    const result = spawnSync(python!, [join(REPO_ROOT, 'test/ml-stack/gpu/gpu_check.py'), '--expect', 'cpu'], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', CUDA_VISIBLE_DEVICES: '' },
    });
    expect(result.stderr).not.toMatch(/Traceback/);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout.slice(0, result.stdout.lastIndexOf('}') + 1));
    expect(report).toMatchObject({ expected: 'cpu', service_device: 'cpu', parameters_on: 'cpu', top5_same_as_cpu: true });
    expect(result.stdout.trim().endsWith('PASS')).toBe(true);
  });
});
