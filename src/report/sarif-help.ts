import type { RuleMeta } from '../lint/rule-types.ts';
import { readRuleDoc } from './rule-docs.ts';

export interface RuleHelp {
  /** One or two sentences: the page's opening paragraph, or the description. */
  summary: string;
  text: string;
  markdown: string;
}

/**
 * Help for a SARIF rule descriptor, from the rule's documentation page when the package ships
 * one. GitHub shows `help.markdown` in the alert, so the page (why, bad and good examples)
 * is what users read there; the examples are the docs' own, never the linted files.
 */
export function ruleHelp(meta: Pick<RuleMeta, 'id' | 'description' | 'docs'>): RuleHelp {
  const fallbackSummary = `${meta.description}.`;
  const page = readRuleDoc(meta.id);
  if (page === undefined) {
    return {
      summary: fallbackSummary,
      text: `${fallbackSummary}\n\nDocumentation: ${meta.docs}\n`,
      markdown: `${fallbackSummary}\n\n[Rule documentation](${meta.docs})\n`,
    };
  }
  // The page's `# id` title repeats what the alert already shows.
  const body = absoluteLinks(page.replace(/^\s*# [^\n]*\n+/, ''), meta.docs).trim();
  const markdown = `${body}\n\n[Rule documentation](${meta.docs})\n`;
  return { summary: openingParagraph(body) ?? fallbackSummary, text: markdownToText(markdown), markdown };
}

/** Links relative to the docs page (`other-rule.md`) would break inside GitHub's alert view. */
function absoluteLinks(markdown: string, pageUrl: string): string {
  return markdown.replace(/\]\(([^)\s]+)\)/g, (match, target: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return match;
    return `](${new URL(target, pageUrl).href})`;
  });
}

function openingParagraph(markdown: string): string | undefined {
  const first = markdown.split(/\n\s*\n/)[0]?.trim();
  if (!first || /^(#|```|[-*] |\|)/.test(first)) return undefined;
  return markdownToText(first).replace(/\s*\n\s*/g, ' ').trim();
}

/** Plain text for `help.text`: fences and heading marks dropped, links spelled out. */
function markdownToText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^\s*```/.test(line))
    .map((line) =>
      line
        .replace(/^#{1,6}\s+/, '')
        .replace(/!?\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 ($2)')
        .replace(/\*\*([^*]+)\*\*/g, '$1'),
    )
    .join('\n');
}
