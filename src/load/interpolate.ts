/**
 * Variable interpolation exactly as docker compose v2 does it (compose-go v2's
 * `template` package): `$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR-d}`, `${VAR:?e}`,
 * `${VAR?e}`, `${VAR:+a}`, `${VAR+a}` and `$$`, with defaults nested and
 * evaluated only when used.
 *
 * One deliberate difference: compose only notices a malformed `${` inside a
 * default when it evaluates that default; we report it whatever the
 * environment, since it breaks the file wherever the default is reached.
 *
 * One left-to-right pass with an explicit stack, so hostile input (`${` nested
 * 10,000 deep, 20 MB scalars) costs linear time and no call-stack depth.
 */

import { isSecretName } from '../lint/model/secret-names.ts';

export interface VariableUse {
  name: string;
  /** Offsets in the template of the whole `$NAME` / `${...}` expression (end exclusive). */
  start: number;
  end: number;
  operator: '' | ':-' | '-' | ':?' | '?' | ':+' | '+';
  /** Raw text after the operator (may itself contain `${...}`): the default, alternative or error message. */
  defaultText?: string;
  /** `:?` or `?`. */
  required: boolean;
}

export interface InterpolationIssue {
  kind: 'invalid' | 'undefined' | 'required';
  /** One sentence with compose's meaning; never a variable's value. */
  message: string;
  variable?: string;
  /** Offsets in the template (end exclusive). */
  start: number;
  end: number;
}

export interface InterpolationResult {
  value: string;
  issues: InterpolationIssue[];
  /** Every syntactically valid reference, outer before inner, including those in defaults that were not used. */
  uses: VariableUse[];
}

type Operator = VariableUse['operator'];

const DOLLAR = 0x24;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const COLON = 0x3a;
const NEWLINE = 0x0a;
const MINUS = 0x2d;
const PLUS = 0x2b;
const QUESTION = 0x3f;

const MAX_QUOTED = 60;

// compose matches names case-insensitively against [_a-z][_a-z0-9]*.
function isNameStart(c: number): boolean {
  return c === 0x5f || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39);
}

function isOperatorChar(c: number): boolean {
  return c === MINUS || c === PLUS || c === QUESTION;
}

/** An open `${NAME<op>...}` whose default/alternative/message is being scanned. */
interface Frame {
  use: VariableUse;
  operator: Operator;
  /** Offset of the `}` that ends the expression. */
  close: number;
  /** The variable's value; only looked up when the surrounding text is evaluated. */
  value: string | undefined;
  /** Whether the text around this expression is evaluated (false inside a default that is not used). */
  outerEvaluated: boolean;
  /** Whether the text after the operator is evaluated. */
  innerEvaluated: boolean;
  /** Output length when the inner text started, to drop an evaluated `:?` message. */
  mark: number;
}

export function interpolate(template: string, lookup: (name: string) => string | undefined): InterpolationResult {
  const issues: InterpolationIssue[] = [];
  const uses: VariableUse[] = [];
  if (!template.includes('$')) return { value: template, issues, uses };

  const n = template.length;
  const braces = new BraceIndex(template);
  const out: string[] = [];
  const stack: Frame[] = [];
  let evaluated = true;
  // Scan position, and start of the literal text not yet copied to `out`
  // (a literal `$` or an invalid expression just stays part of that run).
  let pos = 0;
  let runStart = 0;
  // Cached forward searches: pos only grows, so each is linear over the whole template.
  let nextDollar = -2;
  let nextNewline = -2;

  const flush = (to: number): void => {
    if (evaluated && to > runStart) out.push(template.slice(runStart, to));
  };

  const lineEndAfter = (offset: number): number => {
    if (nextNewline !== -1 && nextNewline < offset) nextNewline = template.indexOf('\n', offset);
    return nextNewline === -1 ? n : nextNewline;
  };

  /** Report `${...` at `start` as invalid; it stays as written, up to its matching `}` or else `bound`. */
  const invalid = (start: number, bound: number): number => {
    const match = braces.matchOf(start + 1);
    const end = match >= 0 && match < bound ? match + 1 : bound;
    issues.push({ kind: 'invalid', message: invalidMessage(template.slice(start, end)), start, end });
    return end;
  };

  /** Substitute a reference without operator. */
  const substitute = (use: VariableUse): void => {
    uses.push(use);
    flush(use.start);
    runStart = use.end;
    if (!evaluated) return;
    const value = lookup(use.name);
    if (value === undefined) {
      issues.push({
        kind: 'undefined',
        message: `The "${use.name}" variable is not set. Defaulting to a blank string.`,
        variable: use.name,
        start: use.start,
        end: use.end,
      });
    } else if (value !== '') {
      out.push(value);
    }
  };

  /** `${` at `start`; `bound` is where the enclosing text ends (line end or the enclosing `}`). Returns the next offset. */
  const openBraced = (start: number, bound: number): number => {
    let k = start + 2;
    if (k >= bound || !isNameStart(template.charCodeAt(k))) return invalid(start, bound);
    k++;
    while (k < bound && isNameChar(template.charCodeAt(k))) k++;
    const name = template.slice(start + 2, k);
    const c = k < bound ? template.charCodeAt(k) : -1;
    if (c === CLOSE) {
      substitute({ name, start, end: k + 1, operator: '', required: false });
      return k + 1;
    }
    let operator: Operator;
    let opEnd: number;
    if (c === COLON && k + 1 < bound && isOperatorChar(template.charCodeAt(k + 1))) {
      operator = template.slice(k, k + 2) as Operator;
      opEnd = k + 2;
    } else if (isOperatorChar(c)) {
      operator = template[k] as Operator;
      opEnd = k + 1;
    } else {
      return invalid(start, bound);
    }
    const close = braces.closeOf(start + 1, opEnd, bound);
    if (close < 0) return invalid(start, bound);

    const use: VariableUse = {
      name,
      start,
      end: close + 1,
      operator,
      defaultText: template.slice(opEnd, close),
      required: operator === ':?' || operator === '?',
    };
    uses.push(use);
    flush(start);
    runStart = opEnd;
    const value = evaluated ? lookup(name) : undefined;
    const innerEvaluated = evaluated && innerIsUsed(operator, value);
    stack.push({ use, operator, close, value, outerEvaluated: evaluated, innerEvaluated, mark: out.length });
    evaluated = innerEvaluated;
    return opEnd;
  };

  const closeFrame = (frame: Frame): void => {
    flush(frame.close);
    runStart = frame.close + 1;
    evaluated = frame.outerEvaluated;
    if (!evaluated) return;
    const { operator, value, use } = frame;
    if (operator === ':?' || operator === '?') {
      if (frame.innerEvaluated) {
        // compose fails here; we substitute '' and report it. The message is the raw text, never a value.
        out.length = frame.mark;
        const reason = use.defaultText ?? '';
        issues.push({
          kind: 'required',
          message: `required variable ${use.name} is missing a value${reason === '' ? '' : `: ${reason}`}`,
          variable: use.name,
          start: use.start,
          end: use.end,
        });
      } else if (value) {
        out.push(value);
      }
      return;
    }
    // Defaults and alternatives: when used, their evaluated text is already in `out`.
    if (!frame.innerEvaluated && value) out.push(value);
  };

  for (;;) {
    const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
    const segmentEnd = top ? top.close : n;
    if (nextDollar !== -1 && nextDollar < pos) nextDollar = template.indexOf('$', pos);
    const d = nextDollar;
    if (d === -1 || d >= segmentEnd) {
      if (!top) {
        flush(n);
        break;
      }
      stack.pop();
      closeFrame(top);
      pos = top.close + 1;
      continue;
    }
    const c = d + 1 < segmentEnd ? template.charCodeAt(d + 1) : -1;
    if (c === DOLLAR) {
      // `$$` is a literal `$`: keep the first, drop the second.
      flush(d + 1);
      runStart = d + 2;
      pos = d + 2;
    } else if (isNameStart(c)) {
      let k = d + 2;
      while (k < segmentEnd && isNameChar(template.charCodeAt(k))) k++;
      substitute({ name: template.slice(d + 1, k), start: d, end: k, operator: '', required: false });
      pos = k;
    } else if (c === OPEN) {
      // A `${...}` never spans lines in compose (its pattern's `.` stops at \n).
      pos = openBraced(d, top ? top.close : lineEndAfter(d));
    } else {
      // `$` not followed by a name, `{` or `$` is literal (`$ 5`, `cost$`, `$}`).
      pos = d + 1;
    }
  }

  issues.sort((a, b) => a.start - b.start);
  return { value: out.join(''), issues, uses };
}

/** Whether the text after the operator is evaluated, given the variable's value. */
function innerIsUsed(operator: Operator, value: string | undefined): boolean {
  switch (operator) {
    case ':-':
    case ':?':
      return value === undefined || value === '';
    case '-':
    case '?':
      return value === undefined;
    case ':+':
      return value !== undefined && value !== '';
    case '+':
      return value !== undefined;
    default:
      return false;
  }
}

function invalidMessage(expression: string): string {
  // The default of a secret-named variable is a secret (no-hardcoded-secrets reports it): quote only up to the operator.
  const operand = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?])./.exec(expression);
  if (operand && isSecretName(operand[1])) expression = `${operand[0].slice(0, -1)}****`;
  const shown = expression.length > MAX_QUOTED ? `${expression.slice(0, MAX_QUOTED - 3)}...` : expression;
  return `invalid interpolation format ${JSON.stringify(shown)}; write $$ for a literal $`;
}

/**
 * Where each `${` ends, by compose's rule: compose takes its pattern's match (up
 * to the last `}` on the line) and cuts it at the first `}` that balances the
 * braces counted from the `$`; with no balancing `}`, the whole match stands.
 * Its counter also skips the character after every `{` it counts, so the `}`
 * of an empty `{}` inside a default is not counted; we reproduce that, since
 * it decides where compose ends the expression.
 *
 * Matching is computed once for the whole template (one stack, reset at each
 * newline); counting from line start or from the `$` agrees because a `$`
 * never causes a skip.
 */
class BraceIndex {
  private openers: number[] | undefined;
  private matches: number[] = [];
  private readonly lastCloseMemo = new Map<number, number>();

  constructor(private readonly text: string) {}

  /** The `}` matching the `{` at `open` (which follows a `$`), or -1. */
  matchOf(open: number): number {
    const openers = this.openers ?? this.build();
    let lo = 0;
    let hi = openers.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = openers[mid];
      if (at === open) return this.matches[mid];
      if (at < open) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * The `}` that ends the expression whose `{` is at `open` and whose operator
   * ends at `opEnd`, within text ending at `bound` (exclusive); -1 when compose
   * finds none (invalid).
   */
  closeOf(open: number, opEnd: number, bound: number): number {
    const match = this.matchOf(open);
    if (match >= 0 && match < bound) return match;
    const last = this.lastCloseBefore(bound);
    return last >= opEnd ? last : -1;
  }

  /**
   * Last `}` before `bound` on its line, or -1. Bounds are line ends or `}`
   * offsets, so the backward scans of distinct bounds never overlap: linear in total.
   */
  private lastCloseBefore(bound: number): number {
    const cached = this.lastCloseMemo.get(bound);
    if (cached !== undefined) return cached;
    let i = bound - 1;
    for (; i >= 0; i--) {
      const c = this.text.charCodeAt(i);
      if (c === CLOSE) break;
      if (c === NEWLINE) {
        i = -1;
        break;
      }
    }
    this.lastCloseMemo.set(bound, i);
    return i;
  }

  private build(): number[] {
    const text = this.text;
    const openers: number[] = [];
    const matches: number[] = [];
    // Each entry is an index into openers, or -1 for a `{` not preceded by `$`.
    const stack: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) {
        stack.length = 0;
      } else if (c === OPEN) {
        if (i > 0 && text.charCodeAt(i - 1) === DOLLAR) {
          openers.push(i);
          matches.push(-1);
          stack.push(openers.length - 1);
        } else {
          stack.push(-1);
        }
        const next = text.charCodeAt(i + 1);
        if (next === OPEN || next === CLOSE) i++;
      } else if (c === CLOSE) {
        const entry = stack.pop();
        if (entry !== undefined && entry >= 0) matches[entry] = i;
      }
    }
    this.openers = openers;
    this.matches = matches;
    return openers;
  }
}
