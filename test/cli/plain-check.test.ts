import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import { plainCheckOptions, plainCheckPaths } from '../../src/cli/plain-check.ts';

// `check PATH...` skips commander (src/cli/bin.ts); it must see exactly what commander would give.
describe('plain check command lines', () => {
  it('are `check` followed by paths only', () => {
    expect(plainCheckPaths(['check'])).toEqual([]);
    expect(plainCheckPaths(['check', 'compose.yaml', 'dir/'])).toEqual(['compose.yaml', 'dir/']);
    for (const args of [[], ['rules'], ['check', '--quiet', 'a.yaml'], ['check', 'a.yaml', '-f', 'b.yaml'], ['check', '--', 'a.yaml'], ['check', '-'], ['check', '']]) {
      expect(plainCheckPaths(args), args.join(' ')).toBeUndefined();
    }
  });

  it("get commander's defaults for every check option", () => {
    const check = buildProgram(
      () => {},
      () => {},
    ).commands.find((command) => command.name() === 'check')!;
    const defaults = check.opts();
    const plain = plainCheckOptions({ NO_COLOR: '1' });
    // colour is decided after parsing, from NO_COLOR and the terminal, as the check action does
    expect({ ...plain, color: defaults.color }).toStrictEqual(defaults);
    expect(plain.color).toBe(false);
  });
});
