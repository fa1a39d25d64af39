/**
 * The preview's page: one function builds it, for the webview and for the
 * browser tests alike. Styles and the script come from the extension's own
 * files; the CSP allows nothing else, and scripts only with the page's nonce.
 * No vscode import: the tests call it with a plain origin.
 */
import { escapeHtml } from '../../../server/src/service/html';
import { NOTHING_TO_PREVIEW, PREVIEW_VIEWS, VIEW_LABELS, type PreviewState } from './messages';

/** What the page is built from. */
export interface PreviewPage {
  /** The origin the webview loads its resources from (`webview.cspSource`). */
  readonly cspSource: string;
  /** A fresh random nonce for the script. */
  readonly nonce: string;
  /** The URI of `media/preview.css`, as the webview sees it. */
  readonly styleUri: string;
  /** The URI of the webview script (`dist/webview/preview.js`), as the webview sees it. */
  readonly scriptUri: string;
  readonly state: PreviewState;
  /** The rendered view (an HTML fragment from the renderer); null when nothing can be read, undefined before the first render. */
  readonly content: string | null | undefined;
  /** Said instead of the content when it is null (the Changes view outside git); else NOTHING_TO_PREVIEW. */
  readonly notice?: string;
}

/** The Content-Security-Policy of the preview. */
export function previewCsp(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource}`;
}

/** Builds the preview's HTML page. */
export function buildPreviewPage(page: PreviewPage): string {
  const { state } = page;
  const views = PREVIEW_VIEWS.map(
    (view) => `<button type="button" data-view="${view}" aria-pressed="${view === state.view}">${escapeHtml(VIEW_LABELS[view])}</button>`,
  ).join('\n');
  const content =
    page.content === undefined ? '' : page.content === null ? `<p class="hire-empty">${escapeHtml(page.notice ?? NOTHING_TO_PREVIEW)}</p>` : page.content;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(previewCsp(page.cspSource, page.nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta id="hire-preview-state" data-state="${escapeHtml(JSON.stringify(state))}">`,
    `<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">`,
    '<title>Hiring brief preview</title>',
    '</head>',
    '<body class="hire-preview">',
    '<nav class="hire-toolbar" aria-label="Preview">',
    views,
    `<button type="button" id="hire-lock" aria-pressed="${state.locked}">${state.locked ? 'Locked' : 'Lock'}</button>`,
    `<button type="button" id="hire-compare"${state.view === 'changes' ? '' : ' hidden'} title="Compare two commits of this file's history">Compare commits…</button>`,
    '<span class="status" id="hire-status" role="status"></span>',
    '</nav>',
    `<main class="hire-content" id="hire-content">\n${content}\n</main>`,
    `<script nonce="${escapeHtml(page.nonce)}" src="${escapeHtml(page.scriptUri)}"></script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
