/**
 * `command: npm start` is split into words the way compose-go splits it (the
 * go-shellwords parser, without variable or backtick expansion): quotes group,
 * a backslash escapes, and the words end at the first unquoted `;`, `&`, `|`,
 * `<` or `>` — so `command: a && b` runs `a` alone, which is worth seeing.
 * Returns undefined where compose refuses the string (unbalanced quotes, a bare
 * parenthesis).
 */
export function splitCommand(line: string): string[] | undefined {
  const args: string[] = [];
  let buf = '';
  // Whether the current word has started (an empty `""` is still a word).
  let started = false;
  let escaped = false;
  let single = false;
  let double = false;
  let backtick = false;
  let dollarParen = false;

  for (const ch of line) {
    if (escaped) {
      escaped = false;
      if (backtick || dollarParen) buf += `\\${ch}`;
      else buf += ch === 't' ? '\t' : ch === 'n' ? '\n' : ch;
      started = true;
      continue;
    }
    if (ch === '\\') {
      if (single) buf += ch;
      else escaped = true;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      if (single || double || backtick || dollarParen) buf += ch;
      else if (started) {
        args.push(buf);
        buf = '';
        started = false;
      }
      continue;
    }
    const bare = !single && !double && !backtick && !dollarParen;
    if (ch === '`' && !single && !double && !dollarParen) {
      backtick = !backtick;
    } else if (ch === ')' && !single && !double && !backtick) {
      if (!dollarParen) return undefined;
      dollarParen = false;
    } else if (ch === '(' && !single && !double && !backtick) {
      if (dollarParen || !buf.endsWith('$') || buf.endsWith('\\$')) return undefined;
      dollarParen = true;
    } else if (ch === '"' && !single && !dollarParen && !backtick) {
      if (double) started = true;
      double = !double;
      continue;
    } else if (ch === "'" && !double && !dollarParen && !backtick) {
      if (single) started = true;
      single = !single;
      continue;
    } else if (bare && ';&|<>'.includes(ch)) {
      // `2>file`: the descriptor number is not a word either.
      if (ch === '>' && /^\d+$/.test(buf)) started = false;
      break;
    }
    buf += ch;
    started = true;
  }
  if (started) args.push(buf);
  if (escaped || single || double || backtick || dollarParen) return undefined;
  return args;
}
