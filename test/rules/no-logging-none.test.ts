import rule from '../../rules/no-logging-none.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  app:\n    image: x\n',
    'services:\n  app:\n    image: x\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n',
    { name: 'an option named none', code: 'services:\n  app:\n    image: x\n    logging:\n      driver: local\n      options: {mode: none}\n' },
  ],
  invalid: [
    {
      code: 'services:\n  app:\n    image: x\n    logging:\n      driver: none\n',
      errors: [{ messageId: 'none', line: 5, column: 15, endLine: 5, endColumn: 19, data: { service: 'app' }, service: 'app' }],
    },
    {
      name: 'flow mapping, quoted, via a variable',
      code: 'services:\n  a:\n    image: x\n    logging: {driver: "none"}\n  b:\n    image: y\n    logging:\n      driver: ${LOG_DRIVER:-none}\n',
      errors: [
        { messageId: 'none', line: 4, column: 23, endLine: 4, endColumn: 29, service: 'a' },
        { messageId: 'none', line: 8, column: 15, endLine: 8, endColumn: 34, service: 'b' },
      ],
    },
  ],
});
