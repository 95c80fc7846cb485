import { child, type Node, type ScalarNode } from '../../load/nodes.ts';

/** One entry of a service's `security_opt`, e.g. `seccomp:unconfined` or `no-new-privileges=true`. */
export interface SecurityOpt {
  node: ScalarNode;
  /** The option name, lower-cased (`seccomp`, `apparmor`, `label`, `no-new-privileges`, ...). */
  name: string;
  /** Everything after the first `:` or `=`; undefined for a bare name. */
  value?: string;
}

/** The entries of `security_opt`; non-string items are skipped (the schema reports them). */
export function serviceSecurityOpts(service: Node): SecurityOpt[] {
  const list = child(service, 'security_opt');
  if (list?.kind !== 'seq') return [];
  const out: SecurityOpt[] = [];
  for (const item of list.items) {
    if (item.kind !== 'scalar' || item.value === null) continue;
    const text = String(item.value).trim();
    const match = /[:=]/.exec(text);
    out.push(
      match
        ? { node: item, name: text.slice(0, match.index).trim().toLowerCase(), value: text.slice(match.index + 1).trim() }
        : { node: item, name: text.toLowerCase() },
    );
  }
  return out;
}
