import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AST_NODE_TYPES, parse, simpleTraverse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.ts';

/**
 * Static checks of every rule module, read with typescript-estree and never run:
 * the catalog's promises hold whatever a rule's code does at run time.
 */
const RULES_DIR = join(REPO_ROOT, 'rules');
const ruleFiles = readdirSync(RULES_DIR).filter((name) => name.endsWith('.ts'));

/** Rules whose messages another stage reports, and the file that does. */
const REPORTED_ELSEWHERE: Record<string, string> = {
  'unused-suppression': 'src/lint/suppressions.ts',
};
/** Shared `create` functions and the messageIds they report. */
const SHARED_CREATE: Record<string, string[]> = { reportLoadDiagnostics: ['problem'] };

interface RuleFacts {
  id?: string;
  description?: string;
  tags: string[];
  securitySeverity?: string;
  messages: string[];
  reportedIds: string[];
  stringLiterals: Set<string>;
  sharedCreate?: string;
}

function readRule(path: string): RuleFacts {
  const ast = parse(readFileSync(path, 'utf8'), { loc: false, range: false });
  const facts: RuleFacts = { tags: [], messages: [], reportedIds: [], stringLiterals: new Set() };
  simpleTraverse(ast, {
    enter(node: TSESTree.Node) {
      if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') facts.stringLiterals.add(node.value);
      if (node.type !== AST_NODE_TYPES.Property || node.key.type !== AST_NODE_TYPES.Identifier) return;
      const name = node.key.name;
      const value = node.value;
      if (name === 'meta' && value.type === AST_NODE_TYPES.ObjectExpression) readMeta(value, facts);
      if (name === 'messageId') facts.reportedIds.push(...resultStrings(value));
      if (name === 'create' && value.type === AST_NODE_TYPES.Identifier) facts.sharedCreate = value.name;
    },
  });
  return facts;
}

function readMeta(meta: TSESTree.ObjectExpression, facts: RuleFacts): void {
  for (const property of meta.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : '';
    const value = property.value;
    if (key === 'id' && value.type === AST_NODE_TYPES.Literal) facts.id = String(value.value);
    if (key === 'description') facts.description = value.type === AST_NODE_TYPES.Literal ? String(value.value) : value.type === AST_NODE_TYPES.TemplateLiteral ? value.quasis.map((q) => q.value.cooked).join('') : undefined;
    if (key === 'securitySeverity' && value.type === AST_NODE_TYPES.Literal) facts.securitySeverity = String(value.value);
    if (key === 'tags' && value.type === AST_NODE_TYPES.ArrayExpression) facts.tags = value.elements.flatMap((e) => (e && e.type === AST_NODE_TYPES.Literal ? [String(e.value)] : []));
    if (key === 'messages' && value.type === AST_NODE_TYPES.ObjectExpression) {
      for (const message of value.properties) {
        if (message.type !== AST_NODE_TYPES.Property) continue;
        if (message.key.type === AST_NODE_TYPES.Identifier) facts.messages.push(message.key.name);
        else if (message.key.type === AST_NODE_TYPES.Literal) facts.messages.push(String(message.key.value));
      }
    }
  }
}

/** The string values a messageId expression can evaluate to: literals, through conditionals. */
function resultStrings(node: TSESTree.Node): string[] {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return [node.value];
  if (node.type === AST_NODE_TYPES.ConditionalExpression) return [...resultStrings(node.consequent), ...resultStrings(node.alternate)];
  if (node.type === AST_NODE_TYPES.LogicalExpression) return [...resultStrings(node.left), ...resultStrings(node.right)];
  if (node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSSatisfiesExpression) return resultStrings(node.expression);
  return [];
}

/** Every string literal inside a node. */
function stringsIn(node: TSESTree.Node): string[] {
  const out: string[] = [];
  simpleTraverse(node, {
    enter(inner: TSESTree.Node) {
      if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string') out.push(inner.value);
    },
  });
  return out;
}

describe('rule modules (read statically)', () => {
  it('there is a rule for every id in the contract catalog', () => {
    const contract = join(REPO_ROOT, '../shared/CONTRACT.md');
    if (!existsSync(contract)) return;
    const catalog = readFileSync(contract, 'utf8').split('## Rule catalog')[1] ?? '';
    const ids = [...catalog.matchAll(/^\| `([a-z-]+)`/gm)].map((m) => m[1]);
    // Rows that list two ids: | `service-order`, `key-order` | ...
    const extra = [...catalog.matchAll(/^\| `([a-z-]+)`, `([a-z-]+)`/gm)].flatMap((m) => [m[1], m[2]]);
    const policy = ['allowed-registries', 'required-labels'];
    for (const id of new Set([...ids, ...extra, ...policy])) expect(ruleFiles, id).toContain(`${id}.ts`);
  });

  for (const file of ruleFiles) {
    const id = file.slice(0, -3);
    it(`${id}: meta is complete and consistent`, () => {
      const facts = readRule(join(RULES_DIR, file));
      expect(facts.id, 'meta.id equals the file name').toBe(id);
      expect(facts.description, 'description').toBeTruthy();
      expect(facts.tags.length, 'tags').toBeGreaterThan(0);
      if (facts.tags.includes('security')) expect(facts.securitySeverity, 'security-severity').toMatch(/^\d+(\.\d+)?$/);
      expect(facts.messages.length, 'messages').toBeGreaterThan(0);
      const elsewhere = REPORTED_ELSEWHERE[id];
      const used = new Set(
        elsewhere
          ? stringsIn(parse(readFileSync(join(REPO_ROOT, elsewhere), 'utf8')))
          : facts.sharedCreate
            ? (SHARED_CREATE[facts.sharedCreate] ?? [])
            : facts.reportedIds.length > 0
              ? facts.reportedIds
              : [],
      );
      // A messageId may be chosen through a lookup table: any string literal naming it counts as a use.
      for (const message of facts.messages) {
        expect(used.has(message) || (!elsewhere && !facts.sharedCreate && facts.stringLiterals.has(message) && countOccurrences(join(RULES_DIR, file), message) > 1), `message ${message} is used`).toBe(true);
      }
      for (const reported of facts.reportedIds) expect(facts.messages, `reported messageId ${reported} is declared`).toContain(reported);
      expect(existsSync(join(REPO_ROOT, 'docs/rules', `${id}.md`)), `docs/rules/${id}.md exists`).toBe(true);
    });
  }
});

function countOccurrences(path: string, word: string): number {
  return readFileSync(path, 'utf8').split(new RegExp(`\\b${word}\\b`)).length - 1;
}
