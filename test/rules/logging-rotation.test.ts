import rule from '../../rules/logging-rotation.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  api:\n    image: x:1\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: "3"\n',
    'services:\n  api:\n    image: x:1\n    logging:\n      driver: local\n      options:\n        max-size: 20m\n',
    // Drivers that ship logs elsewhere.
    'services:\n  api:\n    image: x:1\n    logging:\n      driver: syslog\n',
    'services:\n  api:\n    image: x:1\n    logging:\n      driver: fluentd\n      options:\n        fluentd-address: localhost:24224\n',
    // The daemon default driver with rotation options.
    'services:\n  api:\n    image: x:1\n    logging:\n      options:\n        max-size: 10m\n',
    // One-shot jobs with no logging section.
    'services:\n  migrate:\n    image: x:1\n    restart: "no"\n',
    // No service configures logging: the project presumably relies on daemon.json.
    'services:\n  api:\n    image: x:1\n  worker:\n    image: x:1\n',
    // Never report unconfigured services.
    {
      code: 'services:\n  api:\n    image: x:1\n  web:\n    image: x:1\n    logging:\n      driver: syslog\n',
      options: { unconfigured: 'never' },
    },
    // A shared anchor with rotation.
    'x-logging: &logging\n  driver: json-file\n  options:\n    max-size: 10m\nservices:\n  a:\n    image: x:1\n    logging: *logging\n  b:\n    image: x:1\n    logging: *logging\n',
  ],
  invalid: [
    {
      name: 'no logging section, with unconfigured: always',
      code: 'services:\n  api:\n    image: x:1\n',
      options: { unconfigured: 'always' },
      errors: [{ messageId: 'unconfigured', line: 2, column: 3, endLine: 2, endColumn: 6, data: { service: 'api' } }],
    },
    {
      name: 'no logging section while another service configures it',
      code: [
        'services:',
        '  api:',
        '    image: x:1',
        '    logging:',
        '      driver: json-file',
        '      options:',
        '        max-size: 10m',
        '  worker:',
        '    image: x:1',
        '  migrate:',
        '    image: x:1',
        '    restart: "no"',
        '',
      ].join('\n'),
      errors: [{ messageId: 'unconfigured', line: 8, column: 3, endLine: 8, endColumn: 9, data: { service: 'worker' } }],
    },
    {
      name: 'json-file with options but no max-size',
      code: 'services:\n  api:\n    image: x:1\n    logging:\n      driver: json-file\n      options:\n        max-file: "3"\n',
      errors: [{ messageId: 'noMaxSize', line: 6, column: 7, endLine: 6, endColumn: 14 }],
    },
    {
      name: 'json-file with no options, reported at the driver',
      code: 'services:\n  api:\n    image: x:1\n    logging:\n      driver: "json-file"\n',
      errors: [{ messageId: 'noMaxSize', line: 5, column: 15, endLine: 5, endColumn: 26 }],
    },
    {
      name: 'local driver without max-size',
      code: 'services:\n  api:\n    image: x:1\n    logging:\n      driver: local\n',
      errors: [{ messageId: 'localDefault', line: 5, column: 15, endLine: 5, endColumn: 20 }],
    },
    {
      name: 'max-size -1',
      code: 'services:\n  api:\n    image: x:1\n    logging:\n      options:\n        max-size: "-1"\n',
      errors: [{ messageId: 'unlimited', line: 6, column: 19, endLine: 6, endColumn: 23 }],
    },
    {
      name: 'a shared anchor without rotation is reported once',
      code: 'x-logging: &logging\n  driver: json-file\nservices:\n  a:\n    image: x:1\n    logging: *logging\n  b:\n    image: x:1\n    logging: *logging\n',
      errors: [{ messageId: 'noMaxSize', line: 2, column: 11, endLine: 2, endColumn: 20 }],
    },
    {
      name: 'empty logging section',
      code: 'services:\n  api:\n    image: x:1\n    logging:\n',
      errors: [{ messageId: 'noMaxSize', line: 4, column: 5, endLine: 4, endColumn: 12 }],
    },
  ],
});
