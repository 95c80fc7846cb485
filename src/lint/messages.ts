/** Fill `{{name}}` placeholders; a placeholder with no data stays visible so the bug shows. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** Show a secret's shape without its value: the first two characters, then stars. */
export function maskSecret(value: string): string {
  if (value.length <= 4) return '****';
  return `${value.slice(0, 2)}****`;
}
