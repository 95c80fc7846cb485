/** Where each rule's documentation lives (docs/rules/<id>.md in the repository). */
export const DOCS_BASE = 'https://github.com/compose-lint/compose-lint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
