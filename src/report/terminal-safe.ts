/**
 * Escape terminal control characters so a crafted compose file (or file name)
 * cannot move the cursor, rewrite earlier lines or change colours.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
