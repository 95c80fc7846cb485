import { describe, expect, it } from 'vitest';
import rule from '../../rules/non-root-user.ts';
import { dockerfileStages, effectiveUser, targetStageIndex } from '../../src/lint/model/dockerfile-stages.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

testRule(rule, {
  valid: [
    {
      name: 'registry images are not inspected; explicit unprivileged users',
      code: lines(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '  api:',
        '    image: x',
        '    user: "1000:1000"',
        '  worker:',
        '    image: x',
        '    user: app',
        '  ids:',
        '    image: x',
        '    user: "${APP_UID}:${APP_GID}"',
      ),
    },
    {
      name: 'a Dockerfile that ends as an unprivileged user',
      code: 'services:\n  api:\n    build: .\n',
      files: { Dockerfile: lines('FROM python:3.12-slim', 'RUN useradd -m -u 1000 app', 'USER app', 'CMD ["python", "app.py"]') },
    },
    {
      name: 'multi-stage: the final stage decides, and inherits from an earlier stage',
      code: lines(
        'services:',
        '  api:',
        '    build:',
        '      context: ./api',
        '      dockerfile: docker/Dockerfile.prod',
        '  worker:',
        '    build:',
        '      context: ./api',
        '      dockerfile: docker/Dockerfile.prod',
        '      target: runtime',
      ),
      files: {
        'api/docker/Dockerfile.prod': lines(
          '# syntax=docker/dockerfile:1',
          'FROM --platform=$BUILDPLATFORM node:20 AS build',
          'RUN npm ci',
          'FROM node:20-slim AS Runtime',
          'user node',
          'FROM runtime AS final',
          'COPY --from=build /app /app',
        ),
      },
    },
    {
      name: 'an explicit user wins over the Dockerfile',
      code: 'services:\n  api:\n    build: .\n    user: "10001"\n',
      files: { Dockerfile: 'FROM alpine\nCMD ["sh"]\n' },
    },
    {
      name: 'base images that run unprivileged or drop root themselves',
      code: lines(
        'services:',
        '  a:',
        '    build: ./a',
        '  b:',
        '    build: ./b',
        '  c:',
        '    build: ./c',
      ),
      files: {
        'a/Dockerfile': 'FROM gcr.io/distroless/python3-debian12:nonroot\nCOPY app /app\n',
        'b/Dockerfile': 'FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\n',
        'c/Dockerfile': 'FROM bitnami/python:3.12\nCOPY . /app\n',
      },
    },
    {
      name: 'remote contexts, missing Dockerfiles and inline Dockerfiles with USER',
      code: lines(
        'services:',
        '  remote:',
        '    build: https://github.com/example/app.git#main',
        '  missing:',
        '    build: ./nowhere',
        '  inline:',
        '    build:',
        '      context: .',
        '      dockerfile_inline: |',
        '        FROM alpine',
        '        USER 65534',
      ),
    },
    {
      name: 'line continuations and comments inside them',
      code: 'services:\n  api:\n    build: .\n',
      files: { Dockerfile: lines('FROM alpine', 'RUN adduser -D app && \\', '# a comment line', '    echo done', 'USER \\', '  app') },
    },
  ],
  invalid: [
    {
      name: 'user: root, 0 and 0:0',
      code: lines(
        'services:',
        '  a:',
        '    image: x',
        '    user: root',
        '  b:',
        '    image: x',
        '    user: 0',
        '  c:',
        '    image: x',
        '    user: "0:0"',
        '  d:',
        '    image: x',
        '    user: root:docker',
      ),
      errors: [
        { messageId: 'rootUser', line: 4, column: 11, endLine: 4, endColumn: 15, data: { user: 'root' }, service: 'a' },
        { messageId: 'rootUser', line: 7, column: 11, endLine: 7, endColumn: 12, data: { user: '0' }, service: 'b' },
        { messageId: 'rootUser', line: 10, column: 11, endLine: 10, endColumn: 16, data: { user: '0:0' }, service: 'c' },
        { messageId: 'rootUser', line: 13, column: 11, endLine: 13, endColumn: 22, data: { user: 'root:docker' }, service: 'd' },
      ],
    },
    {
      name: 'a Dockerfile without USER: reported at the build context',
      code: 'services:\n  api:\n    build: .\n  web:\n    build:\n      context: ./web\n',
      files: { Dockerfile: 'FROM python:3.12\nCMD ["python", "app.py"]\n', 'web/Dockerfile': 'FROM node:20\n' },
      errors: [
        { messageId: 'noUser', line: 3, column: 12, endLine: 3, endColumn: 13, data: { dockerfile: '"Dockerfile"' }, service: 'api' },
        { messageId: 'noUser', line: 6, column: 16, endLine: 6, endColumn: 21, data: { dockerfile: '"web/Dockerfile"' }, service: 'web' },
      ],
    },
    {
      name: 'the last USER is root: reported at the dockerfile value',
      code: 'services:\n  api:\n    build:\n      context: .\n      dockerfile: Dockerfile.prod\n',
      files: { 'Dockerfile.prod': 'FROM ubuntu:24.04\nUSER app\nRUN make\nUSER root\n' },
      errors: [
        {
          messageId: 'rootDockerfileUser',
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 34,
          data: { dockerfile: '"Dockerfile.prod"', user: 'root' },
        },
      ],
    },
    {
      name: 'USER only in a builder stage, or in a heredoc body, does not count',
      code: 'services:\n  api:\n    build: .\n',
      files: {
        Dockerfile: lines(
          'FROM golang:1.23 AS build',
          'USER builder',
          'RUN go build -o /app .',
          'FROM debian:12-slim',
          'COPY --from=build /app /app',
          'RUN <<EOF',
          'USER nobody',
          'EOF',
        ),
      },
      errors: [{ messageId: 'noUser', line: 3, column: 12, endLine: 3, endColumn: 13 }],
    },
    {
      name: 'a build target that stops before the USER',
      code: 'services:\n  dev:\n    build:\n      context: .\n      target: dev\n',
      files: { Dockerfile: 'FROM node:20 AS dev\nRUN npm i\nFROM dev AS prod\nUSER node\n' },
      errors: [{ messageId: 'noUser', line: 4, column: 16, endLine: 4, endColumn: 17 }],
    },
    {
      name: 'an inline Dockerfile without USER, and a defaulted context',
      code: lines(
        'services:',
        '  inline:',
        '    build:',
        '      dockerfile_inline: "FROM alpine\\nRUN apk add curl\\n"',
        '  defaulted:',
        '    build: {}',
      ),
      files: { Dockerfile: 'FROM alpine\n' },
      errors: [
        { messageId: 'noUser', line: 4, column: 26, endLine: 4, endColumn: 59, data: { dockerfile: '(dockerfile_inline)' } },
        { messageId: 'noUser', line: 6, column: 5, endLine: 6, endColumn: 10, data: { dockerfile: '"Dockerfile"' } },
      ],
    },
  ],
});

describe('dockerfileStages', () => {
  it('follows stages, names and the escape directive', () => {
    const stages = dockerfileStages(lines('# escape=`', 'FROM alpine AS base', 'USER `', '  app', 'FROM base', 'RUN echo \\'));
    expect(stages).toEqual([
      { base: 'alpine', name: 'base', users: ['app'] },
      { base: 'base', users: [] },
    ]);
    expect(effectiveUser(stages, targetStageIndex(stages, undefined)).user).toBe('app');
    expect(targetStageIndex(stages, 'BASE')).toBe(0);
    expect(targetStageIndex(stages, 'missing')).toBe(1);
  });
});
