import { yamlPackage } from '../load/yaml-package.ts';

/**
 * Print a compose document the way `docker compose config` does (Go's yaml.v3
 * encoder, indent 2): strings plain where YAML allows, double-quoted when they
 * would read back as another type (`"8080"`, `"yes"`, `"1:20"`), single-quoted
 * when plain is impossible for other reasons, multi-line strings as literal
 * blocks, no line folding, no anchors.
 */
export function formatComposeYaml(document: unknown): string {
  const { Document, Scalar, visit } = yamlPackage();
  const doc = new Document(document, { aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && readsAsOtherType(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, singleQuote: true, nullStr: 'null' });
}

/**
 * JSON as compose prints it (Go's json.MarshalIndent with two spaces), which
 * escapes `<`, `>` and `&` inside strings.
 */
export function formatComposeJson(document: unknown): string {
  const text = JSON.stringify(document, null, 2).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}

// yaml.v3 double-quotes a string that its resolver would read as null, a bool
// (YAML 1.1's yes/no/on/off included), a number (underscores, 0x/0o/0b and
// sexagesimal included) or a timestamp.
const NULL = /^(?:~|null|Null|NULL)?$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
const INT = /^[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)$/;
const FLOAT = /^[-+]?(?:\.[0-9_]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL_FLOAT = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const BASE_60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?$/;

function readsAsOtherType(value: string): boolean {
  if (NULL.test(value) || BOOL.test(value) || SPECIAL_FLOAT.test(value) || BASE_60.test(value) || TIMESTAMP.test(value)) return true;
  return /[0-9]/.test(value) && (INT.test(value) || FLOAT.test(value));
}
