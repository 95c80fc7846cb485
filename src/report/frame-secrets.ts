import { isSecretName } from '../lint/model/secret-names.ts';

/**
 * Defence in depth for code frames. The sensitive rules mark the secrets they
 * find, but a frame can show a line no rule understood: a YAML syntax error, an
 * env file, a rule switched off. So every shown line also gets the value of a
 * secret-named key, URL credentials and well-known token shapes masked, and in
 * an env file every value. Masks keep the length, so the caret still lines up.
 */
export function maskSecretsInLine(line: string, envFile: boolean): string {
  let out = line;
  if (envFile) out = out.replace(ENV_ASSIGNMENT, (_, name: string, value: string) => name + stars(value));
  out = out.replace(SECRET_ASSIGNMENT, (whole, name: string, separator: string, value: string) =>
    isSecretName(name, { flag: true }) ? name + separator + stars(value) : whole,
  );
  // A flow collection under a secret-named key: its scalars, not its brackets (compose's own `secrets:` lists names).
  out = out.replace(SECRET_COLLECTION, (whole, name: string, separator: string, value: string) =>
    name !== 'secrets' && isSecretName(name, { flag: true }) ? name + separator + value.replace(/[^\s[\]{},:]/g, '*') : whole,
  );
  out = out.replace(SECRET_FLAG, (whole, flag: string, separator: string, value: string) =>
    isSecretName(flag.replace(/^-+/, ''), { flag: true }) ? flag + separator + stars(value) : whole,
  );
  out = out.replace(URL_CREDENTIALS, (_, scheme: string, password: string) => `${scheme}${stars(password)}@`);
  return out.replace(TOKEN_SHAPES, stars);
}

function stars(text: string): string {
  return '*'.repeat(text.length);
}

/** `NAME=value` (or `NAME: value`, `export NAME=value`) on an env-file line that is not a comment. */
const ENV_ASSIGNMENT = /^(\s*(?:export\s+)?[^\s#=:][^=:]*[=:]\s*)(\S.*)$/;

/** `name: value`, `name=value`, `--name=value`, quoted or not, anywhere on the line (not a YAML collection or alias). */
const SECRET_ASSIGNMENT = /([A-Za-z_][\w.-]*)(["']?\s*[:=]\s*)(?![[{&*|>!])("[^"]*"?|'[^']*'?|[^\s,}\]#"']+)/g;

const SECRET_COLLECTION = /([A-Za-z_][\w.-]*)(["']?\s*[:=]\s*)([[{].*)$/;

/** `--password value`, and `--password", "value` as a command list writes it. */
const SECRET_FLAG = /(--?[A-Za-z][\w-]*)(["']?\s*,\s*["']?|\s+)([^\s,\]"'#-][^\s,\]"'#]*)/g;

const URL_CREDENTIALS = /(\b[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s:@/]*:)([^\s@/]+)@/g;

const TOKEN_SHAPES =
  /\b(?:(?:AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|glpat-[\w-]{20,}|xox[abposr]-[\w-]{10,}|[rs]k_live_[A-Za-z0-9]{16,}|sk-[\w-]{20,}|hf_[A-Za-z0-9]{30,}|npm_[A-Za-z0-9]{36}|AIza[\w-]{35}|eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,})/g;
