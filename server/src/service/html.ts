/**
 * Escaping text for HTML, with no dependency: the renderer and the preview
 * page (in the client) share it.
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for HTML element content and double-quoted attributes (`&`, `<`, `>`, `"`), as markdown-it does. */
export function escapeHtml(text: string): string {
  return /[&<>"]/.test(text) ? text.replace(/[&<>"]/g, (character) => ESCAPES[character]!) : text;
}
