/**
 * Does a name (environment variable, build arg, label, command-line flag) say
 * that its value is a secret? The name is split into words (`_`, `-`, `.`,
 * camelCase); it is a secret when one word is a secret word and the last word
 * does not say the value is something else: a path, a length, a user name, a
 * switch (`POSTGRES_PASSWORD` yes; `POSTGRES_PASSWORD_FILE`, `PASSWORD_MIN_LENGTH`,
 * `AUTH_ENABLED`, `MAX_TOKENS` no).
 */
export function isSecretName(name: string, options: { flag?: boolean } = {}): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (NOT_A_SECRET_LAST.has(words[words.length - 1])) return false;
  if (words.some((word) => QUANTITY.has(word))) return false;
  const single = words.length === 1 && !options.flag;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (SECRET_WORD.test(word)) return true;
    if ((word === 'PASS' || word === 'PW' || word === 'PWD') && !single) return true;
    // Run together: `RCONPW`, `ADMINPWD`.
    if (word.length >= 5 && /PWD?$/.test(word)) return true;
    if (word === 'DSN' || word === 'CREDS' || word === 'SALT') return true;
    // `REDIS_AUTH`, `BASIC_AUTH`: the value is the credential. `AUTH_TYPE` is not (its last word decides).
    if (word === 'AUTH' && i === words.length - 1) return true;
    if ((word === 'KEY' || word === 'KEYS') && i > 0 && KEY_KINDS.has(words[i - 1])) return true;
  }
  return false;
}

/** Only the word `AUTH` makes this name a secret (a `--auth` flag is usually a switch). */
export function isAuthOnlyName(name: string): boolean {
  const words = nameWords(name);
  return words[words.length - 1] === 'AUTH' && !words.slice(0, -1).some((word) => isSecretName(word, { flag: true }));
}

export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

/** Words that are a secret, also run together with others (`DBPASSWORD`, `APITOKEN`). */
const SECRET_WORD =
  /(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|APIKEY|ACCESSKEY|SECRETKEY|PRIVATEKEY|CREDENTIAL|REQUIREPASS|MASTERAUTH|MASTERPASS)S?$/;

/** `<kind>_KEY` names that hold key material. */
const KEY_KINDS = new Set([
  'API', 'ACCESS', 'PRIVATE', 'SECRET', 'ENCRYPTION', 'ENCRYPT', 'DECRYPTION', 'SIGNING', 'SIGN', 'MASTER', 'LICENSE',
  'AUTH', 'CLIENT', 'APP', 'SERVICE', 'ACCOUNT', 'SESSION', 'JWT', 'HMAC', 'SHARED', 'CRYPTO', 'CIPHER', 'WEBHOOK',
  'SECURE', 'NONCE', 'LOGGED', 'IN', 'COOKIE', 'ADMIN', 'ROOT',
]);

/** A last word that says the value is not the secret itself. */
const NOT_A_SECRET_LAST = new Set([
  'FILE', 'FILES', 'PATH', 'DIR', 'DIRECTORY', 'FOLDER', 'LOCATION', 'MOUNT',
  'LENGTH', 'LEN', 'SIZE', 'BITS', 'MIN', 'MAX', 'COUNT', 'LIMIT', 'ATTEMPTS', 'RETRIES',
  'EXPIRY', 'EXPIRES', 'EXPIRE', 'EXPIRATION', 'TTL', 'TIMEOUT', 'LIFETIME', 'AGE', 'INTERVAL', 'ROTATION', 'IN',
  'SECONDS', 'SECS', 'SEC', 'MINUTES', 'MINS', 'HOURS', 'DAYS', 'MS',
  'HOST', 'HOSTNAME', 'PORT', 'ADDR', 'ADDRESS', 'URL', 'URI', 'ENDPOINT', 'SERVER', 'DOMAIN', 'REALM', 'ISSUER', 'AUDIENCE',
  'USER', 'USERNAME', 'USERS', 'LOGIN', 'NAME', 'ID', 'EMAIL', 'ROLE', 'ORG', 'GROUP', 'OWNER',
  'ENABLED', 'ENABLE', 'DISABLED', 'DISABLE', 'REQUIRED', 'ALLOWED', 'ALLOW', 'SKIP', 'RESET', 'CHANGE', 'STDIN', 'PROMPT', 'ONLY',
  'TYPE', 'TYPES', 'KIND', 'MODE', 'METHOD', 'METHODS', 'ALGORITHM', 'ALGORITHMS', 'ALG', 'ENCRYPTION', 'HASHING', 'CIPHERS', 'POLICY', 'STRATEGY',
  'PROVIDER', 'PROVIDERS', 'BACKEND', 'PLUGIN', 'PLUGINS', 'STORE', 'SOURCE', 'FORMAT', 'HEADER', 'PREFIX', 'SUFFIX', 'FIELD', 'PARAM',
  'LANGUAGE', 'LANG', 'LOCALE', 'TIMEZONE', 'TZ', 'THEME', 'COLOR',
  'SCOPE', 'SCOPES', 'LEVEL', 'VERSION', 'ENV', 'VAR', 'VARIABLE', 'COMMAND', 'CMD', 'SCRIPT', 'CHARS', 'CHARSET', 'COMPLEXITY', 'HISTORY',
]);

/** Words that make the value a number of things (`MAX_TOKENS`, `PASSWORD_MIN_LENGTH`). */
const QUANTITY = new Set(['MAX', 'MIN', 'NUM', 'COUNT', 'TOTAL', 'LIMIT', 'LENGTH', 'LEN', 'SIZE']);
