/** Longest data value a message quotes: a 20 MB image name must not make a 20 MB message. */
const MAX_DATA_LENGTH = 1000;

/** Fill `{{name}}` placeholders; a placeholder with no data stays visible so the bug shows. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(data, name) ? bounded(String(data[name])) : whole));
}

function bounded(text: string): string {
  return text.length > MAX_DATA_LENGTH ? `${text.slice(0, MAX_DATA_LENGTH - 3)}...` : text;
}

/** Show a secret's shape without its value: the first two characters, then stars. */
export function maskSecret(value: string): string {
  if (value.length <= 4) return '****';
  return `${value.slice(0, 2)}****`;
}
