import rule from '../../rules/env-file-syntax.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

const code = `services:
  web:
    image: nginx
`;

testRule(rule, {
  valid: [
    { code, files: { '.env': '# settings\nexport A=1\nB = 2\nC="x y"\nD=\'single\'\nE=\n' } },
    { name: 'no .env at all', code },
    { name: 'a multi-line quoted value', code, files: { '.env': 'KEY="line one\nline two"\nNEXT=1\n' } },
  ],
  invalid: [
    {
      name: 'a space in a name, and a stray quote',
      code,
      files: { '.env': 'TAG=1\nfoo bar\n"x=1\n' },
      errors: [
        { messageId: 'problem', line: 2, column: 4, endLine: 2, endColumn: 5 },
        { messageId: 'problem', line: 3, column: 1, endLine: 3, endColumn: 2 },
      ],
    },
    {
      name: 'an unterminated quoted value',
      code,
      files: { '.env': 'A="unterminated\n' },
      errors: [{ messageId: 'problem', line: 1, column: 3, endLine: 1, endColumn: 4 }],
    },
  ],
});
