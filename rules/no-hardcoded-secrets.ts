import type { VariableRef } from '../src/load/interpolate-tree.ts';
import { child, type Loc, type Node, type ScalarNode } from '../src/load/nodes.ts';
import { spanWithin } from '../src/load/scalar-span.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { maskSecret } from '../src/lint/messages.ts';
import { keyValues } from '../src/lint/model/key-values.ts';
import { isAuthOnlyName, isSecretName } from '../src/lint/model/secret-names.ts';
import { forEachScalar } from '../src/lint/model/walk-scalars.ts';
import { defineRule, type ReportDescriptor } from '../src/lint/rule-types.ts';

/**
 * Well-known credential formats, recognised wherever they are written. `hints` are literal
 * strings every match contains: a scalar holding
 * none of them skips that shape's regex, so the common scalar costs a few substring checks
 * instead of fifteen regex scans (and fifteen regex compilations in a cold run).
 */
const TOKEN_SHAPES: { kind: string; hints: string[]; regex: RegExp }[] = [
  { kind: 'AWS access key id', hints: ['AKIA', 'ASIA'], regex: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { kind: 'GitHub token', hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], regex: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g },
  { kind: 'GitHub token', hints: ['github_pat_'], regex: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g },
  { kind: 'GitLab token', hints: ['glpat-'], regex: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { kind: 'Slack token', hints: ['xoxa-', 'xoxb-', 'xoxp-', 'xoxo-', 'xoxs-', 'xoxr-'], regex: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: 'Slack webhook URL', hints: ['https://hooks.slack.com/services/'], regex: /https:\/\/hooks\.slack\.com\/services\/T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]+/g },
  { kind: 'private key', hints: ['-----BEGIN '], regex: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g },
  { kind: 'Stripe secret key', hints: ['k_live_'], regex: /\b[rs]k_live_[A-Za-z0-9]{16,}/g },
  { kind: 'Google API key', hints: ['AIza'], regex: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: 'Anthropic API key', hints: ['sk-ant-'], regex: /\bsk-ant-[A-Za-z0-9]+-[A-Za-z0-9_-]{20,}/g },
  { kind: 'OpenAI API key', hints: ['sk-'], regex: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}/g },
  { kind: 'Hugging Face token', hints: ['hf_'], regex: /\bhf_[A-Za-z0-9]{30,}\b/g },
  { kind: 'npm token', hints: ['npm_'], regex: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'SendGrid API key', hints: ['SG.'], regex: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g },
  { kind: 'JSON web token', hints: ['eyJ'], regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
];

/** `scheme://user:password@`, run on text whose `$` expressions are masked. */
const URL_CREDENTIALS = /\b[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s:@/]*:([^\s@/]+)@/g;

const MYSQL_CLIENTS = new Set(['mysql', 'mysqladmin', 'mysqldump', 'mysqlcheck', 'mysqlimport', 'mysqlshow', 'mariadb', 'mariadb-admin', 'mariadb-dump', 'mariadb-check', 'mariadb-import']);
const MONGO_CLIENTS = new Set(['mongo', 'mongosh', 'mongodump', 'mongorestore', 'mongoexport', 'mongoimport', 'mongostat', 'mongotop']);
const PROGRAMS = new Set([...MYSQL_CLIENTS, ...MONGO_CLIENTS, 'redis-cli', 'curl']);

/** Values that are switches or nothing, not credentials. */
const NOT_A_SECRET_VALUE = /^(?:true|false|yes|no|on|off|y|n|none|null|nil|disabled?|enabled?|\d{1,3})$/i;

/**
 * The written text with every `$` expression (`$$`, `$NAME`, `${...}`, nested)
 * replaced by filler of the same length, so patterns see literal text only and
 * offsets still match the written text.
 */
function maskVariables(text: string): string {
  if (!text.includes('$')) return text;
  let out = text.replace(/\$\$/g, '\u0002\u0002');
  let previous: string;
  do {
    previous = out;
    out = out.replace(/\$\{[^{}]*\}/g, (match) => '\u0001'.repeat(match.length));
  } while (out !== previous);
  return out.replace(/\$[A-Za-z_][A-Za-z0-9_]*/g, (match) => '\u0001'.repeat(match.length));
}

function isUrl(text: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(text);
}

/** A literal that could be a credential (not a switch, a path or a plain URL). */
function plausibleSecret(text: string, key: string): boolean {
  const value = text.trim();
  if (value === '' || NOT_A_SECRET_VALUE.test(value)) return false;
  if (/^(?:\/|\.{1,2}\/|~\/)\S*$/.test(value)) return false;
  // A path to a key or credentials file (`%kernel.project_dir%/config/jwt/private.pem`), not the key itself.
  if (/^\S*\/\S*\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|json|txt|asc|gpg)$/i.test(value)) return false;
  // A URL's own password is found by the URL check; a DSN is a credential as a whole.
  if (isUrl(value) && !/DSN/i.test(key)) return false;
  return true;
}

interface Token {
  node: ScalarNode;
  written: string;
  start: number;
  end: number;
  text: string;
}

export default defineRule({
  meta: {
    id: 'no-hardcoded-secrets',
    description: 'Literal secrets in environment, build args, labels, commands, URLs, and `${VAR:-literal}` defaults of secret-named variables',
    severity: 'error',
    tags: ['guide', 'security'],
    securitySeverity: '7.5',
    sensitive: true,
    messages: {
      secretValue:
        '"{{key}}" is set to a hardcoded secret ({{masked}}); take the value from the environment with ${VAR}, or use a compose secret.',
      secretDefault:
        'The variable "{{name}}" falls back to a hardcoded secret ({{masked}}); remove the default so the value must come from the environment or an untracked .env file.',
      urlPassword:
        'This URL embeds a hardcoded password ({{masked}}); build the URL from variables or give the service the password as a compose secret.',
      token:
        'A hardcoded {{kind}} ({{masked}}) is written here; revoke it, then pass the new one with a variable or a compose secret.',
      commandSecret:
        'The "{{flag}}" argument passes a hardcoded secret ({{masked}}) on the command line, where process listings also show it; read it from a variable or a secret file.',
    },
    docs: docsUrl('no-hardcoded-secrets'),
  },
  create(context) {
    // Variable references by file, sorted, to find those written inside a value.
    const refsByFile = new Map<string, VariableRef[]>();
    for (const ref of context.project.variables) {
      const list = refsByFile.get(ref.loc.file.path);
      if (list) list.push(ref);
      else refsByFile.set(ref.loc.file.path, [ref]);
    }
    for (const list of refsByFile.values()) list.sort((a, b) => a.loc.start - b.loc.start || a.loc.end - b.loc.end);
    const handledRefs = new Set<VariableRef>();

    const refsWithin = (loc: Loc): VariableRef[] => {
      const list = refsByFile.get(loc.file.path);
      if (!list) return [];
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].loc.start < loc.start) lo = mid + 1;
        else hi = mid;
      }
      const out: VariableRef[] = [];
      for (let i = lo; i < list.length && list[i].loc.start < loc.end; i++) if (list[i].loc.end <= loc.end) out.push(list[i]);
      return out;
    };

    /** `${VAR:-literal}` / `${VAR-literal}` with a literal default that could be a credential. */
    const literalDefault = (ref: VariableRef, key: string): string | undefined => {
      if (ref.operator !== ':-' && ref.operator !== '-') return undefined;
      const text = ref.defaultText ?? '';
      if (text.includes('$') || !plausibleSecret(text, key)) return undefined;
      return text;
    };

    /** The default's own range when the expression maps exactly onto the file, else the expression's. */
    const defaultLoc = (ref: VariableRef): Loc => {
      const { file, start, end } = ref.loc;
      const head = `\${${ref.name}${ref.operator}`;
      const text = file.text.slice(start, end);
      if (text === `${head}${ref.defaultText ?? ''}}`) return { file, start: start + head.length, end: end - 1 };
      return ref.loc;
    };

    // Ranges already reported, so one secret gives one finding (the most specific check wins).
    const reported = new Map<string, { start: number; end: number }[]>();
    const report = (loc: Loc, descriptor: Omit<ReportDescriptor, 'node'>): void => {
      let ranges = reported.get(loc.file.path);
      if (!ranges) reported.set(loc.file.path, (ranges = []));
      if (ranges.some((range) => range.start < Math.max(loc.end, loc.start + 1) && loc.start < Math.max(range.end, range.start + 1))) return;
      ranges.push({ start: loc.start, end: loc.end });
      context.report({ ...descriptor, node: loc });
    };

    /**
     * Report the secret held in written[from, to) of a scalar: the literal itself,
     * or the literal defaults of the variables it is built from.
     */
    const reportValue = (
      node: ScalarNode,
      written: string,
      from: number,
      to: number,
      key: string,
      literal: (loc: Loc, secret: string) => Omit<ReportDescriptor, 'node'>,
    ): void => {
      let start = from;
      let end = to;
      // Shell quotes around the value (`-p'pw'`, `--password="pw"`).
      while (start < end && (written[start] === '"' || written[start] === "'")) start++;
      while (end > start && (written[end - 1] === '"' || written[end - 1] === "'")) end--;
      const text = written.slice(start, end);
      if (node.written === null) {
        if (plausibleSecret(text, key)) report(node.loc, literal(node.loc, text));
        return;
      }
      const loc = spanWithin(node, start, end);
      if (!text.includes('$')) {
        if (plausibleSecret(text, key)) report(loc, literal(loc, text));
        return;
      }
      for (const ref of refsWithin(loc)) {
        const secret = literalDefault(ref, key);
        if (secret === undefined) continue;
        handledRefs.add(ref);
        report(defaultLoc(ref), { messageId: 'secretDefault', data: { name: ref.name, masked: maskSecret(secret) } });
      }
    };

    /** Token shapes, URL passwords and defaults of secret-named variables in one scalar. */
    const scanScalar = (node: ScalarNode, service: string | null | undefined): void => {
      const written = node.written;
      if (written === null || written === '') return;
      for (const { kind, hints, regex } of TOKEN_SHAPES) {
        if (!hints.some((hint) => written.includes(hint))) continue;
        for (const match of written.matchAll(regex)) {
          const loc = spanWithin(node, match.index, match.index + match[0].length);
          report(loc, { messageId: 'token', data: { kind, masked: maskSecret(match[0]) }, service });
        }
      }
      if (written.includes('://')) {
        const masked = maskVariables(written);
        for (const match of masked.matchAll(URL_CREDENTIALS)) {
          const end = match.index + match[0].length - 1;
          const start = end - match[1].length;
          reportValue(node, written, start, end, 'url', (_loc, secret) => ({
            messageId: 'urlPassword',
            data: { masked: maskSecret(secret) },
            service,
          }));
        }
      }
      if (written.includes('$')) {
        for (const ref of refsWithin(node.loc)) {
          if (!isSecretName(ref.name)) continue;
          const secret = literalDefault(ref, ref.name);
          if (secret === undefined) continue;
          handledRefs.add(ref);
          report(defaultLoc(ref), { messageId: 'secretDefault', data: { name: ref.name, masked: maskSecret(secret) }, service });
        }
      }
    };

    /** Secret-named keys of environment, args and labels. */
    const scanKeyValues = (container: Node | undefined, service: string | null | undefined): void => {
      for (const entry of keyValues(container)) {
        if (entry.value === null || entry.writtenValue === null || !isSecretName(entry.key)) continue;
        // kompose's `kompose.*secret` labels name a Kubernetes Secret; they do not hold one.
        if (/^kompose\..*secret$/i.test(entry.key)) continue;
        const written = entry.node.written ?? entry.writtenValue;
        const from = written.length - entry.writtenValue.length;
        reportValue(entry.node, written, from, written.length, entry.key, (_loc, secret) => ({
          messageId: 'secretValue',
          data: { key: entry.key, masked: maskSecret(secret) },
          service,
        }));
      }
    };

    /** Secrets passed as command-line arguments: `--password=x`, `--requirepass x`, `mysql -px`, `redis-cli -a x`, ... */
    const scanCommand = (node: Node | undefined): void => {
      const scalars = node?.kind === 'scalar' ? [node] : node?.kind === 'seq' ? node.items.filter((item): item is ScalarNode => item.kind === 'scalar') : [];
      const tokens: Token[] = [];
      for (const scalar of scalars) {
        if (scalar.value === null) continue;
        const written = scalar.written ?? String(scalar.value);
        const masked = maskVariables(written);
        for (const match of masked.matchAll(/\S+/g)) {
          let start = match.index;
          let end = start + match[0].length;
          // Quotes of a shell string around the word.
          while (start < end && /["'`(]/.test(written[start])) start++;
          while (end > start && /["'`);]/.test(written[end - 1])) end--;
          if (start < end) tokens.push({ node: scalar, written, start, end, text: written.slice(start, end) });
        }
      }
      /** Report the value of `flag`; false when there is none (the next word is another flag). */
      const secretArgument = (token: Token | undefined, flag: string, from = 0): boolean => {
        if (!token || (from === 0 && token.text.startsWith('-'))) return false;
        reportValue(token.node, token.written, token.start + from, token.end, flag, (_loc, secret) => ({
          messageId: 'commandSecret',
          data: { flag, masked: maskSecret(secret) },
        }));
        return true;
      };
      let program: string | undefined;
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        const text = token.text;
        if (/^(?:&&|\|\||;|\|)$/.test(text)) {
          program = undefined;
          continue;
        }
        const base = text.slice(text.lastIndexOf('/') + 1).toLowerCase();
        if (PROGRAMS.has(base)) {
          program = base;
          continue;
        }
        // --password=x, -Dapp.password=x, PGPASSWORD=x (an assignment in a shell command).
        const assignment = /^(-{0,2})([A-Za-z_][\w.-]*)=/.exec(text);
        if (assignment) {
          const name = assignment[2];
          if (program === 'curl' && name === 'user') {
            const colon = text.indexOf(':', assignment[0].length);
            if (colon >= 0) secretArgument(token, '--user', colon + 1);
          } else if (isSecretName(name, { flag: assignment[1] !== '' })) {
            secretArgument(token, `${assignment[1]}${name}`, assignment[0].length);
          }
          continue;
        }
        const longFlag = /^--([A-Za-z][\w.-]*)$/.exec(text);
        if (longFlag && isSecretName(longFlag[1], { flag: true }) && !isAuthOnlyName(longFlag[1])) {
          if (secretArgument(tokens[i + 1], text)) i++;
          continue;
        }
        if (program && MYSQL_CLIENTS.has(program) && /^-p./.test(text)) {
          secretArgument(token, '-p', 2);
        } else if (program && MONGO_CLIENTS.has(program) && text === '-p') {
          if (secretArgument(tokens[i + 1], '-p')) i++;
        } else if (program === 'redis-cli' && text === '-a') {
          if (secretArgument(tokens[i + 1], '-a')) i++;
        } else if (program === 'curl' && (text === '-u' || text === '--user' || /^-u./.test(text))) {
          const userToken = text.length > 2 && text.startsWith('-u') ? token : tokens[++i];
          if (!userToken) continue;
          const offset = userToken === token ? 2 : 0;
          const colon = userToken.text.indexOf(':', offset);
          if (colon >= 0 && colon + 1 < userToken.text.length) secretArgument(userToken, text.startsWith('--') ? '--user' : '-u', colon + 1);
        }
      }
    };

    const keyValueContainers = (node: Node): (Node | undefined)[] => {
      const build = child(node, 'build');
      return [child(node, 'environment'), child(node, 'labels'), child(build, 'args'), child(build, 'labels'), child(child(node, 'deploy'), 'labels')];
    };

    return {
      service(service) {
        const node = service.node;
        forEachScalar(node, (scalar) => scanScalar(scalar, undefined));
        for (const container of keyValueContainers(node)) scanKeyValues(container, undefined);
        scanCommand(child(node, 'command'));
        scanCommand(child(node, 'entrypoint'));
        scanCommand(child(child(node, 'healthcheck'), 'test'));
      },
      end() {
        // Everything outside services: extension blocks (`x-*`), inline config content, ...
        for (const [key, pair] of context.project.root.pairs) {
          if (key === 'services') continue;
          forEachScalar(pair.value, (scalar) => scanScalar(scalar, null));
          if (!key.startsWith('x-')) continue;
          // Environment-like blocks kept in extension fields for anchors.
          const stack: Node[] = [pair.value];
          const seen = new Set<Node>();
          while (stack.length > 0) {
            const current = stack.pop()!;
            if (seen.has(current) || current.kind !== 'map') continue;
            seen.add(current);
            for (const [name, entry] of current.pairs) {
              if (name === 'environment' || name === 'args' || name === 'labels') scanKeyValues(entry.value, null);
              else stack.push(entry.value);
            }
          }
        }
        // Secret-named variables with literal defaults anywhere else (included files, dropped profiles, ...).
        for (const ref of context.project.variables) {
          if (handledRefs.has(ref) || !isSecretName(ref.name)) continue;
          const secret = literalDefault(ref, ref.name);
          if (secret === undefined) continue;
          report(defaultLoc(ref), { messageId: 'secretDefault', data: { name: ref.name, masked: maskSecret(secret) }, service: null });
        }
      },
    };
  },
});
