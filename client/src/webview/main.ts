/**
 * The preview webview's script (built to dist/webview/preview.js): shows the
 * content the extension posts, keeps the scroll position in the webview
 * state, and turns toolbar clicks into messages. It never builds HTML from
 * the brief itself: the fragments come escaped from the renderer.
 */
import { NOTHING_TO_PREVIEW, VIEW_LABELS, type FromWebview, type PreviewState, type ToWebview } from '../preview/messages';

/** The API VS Code gives a webview script. */
interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const content = document.getElementById('hire-content')!;
const status = document.getElementById('hire-status')!;
const lock = document.getElementById('hire-lock')!;
const compare = document.getElementById('hire-compare');
const viewButtons = [...document.querySelectorAll<HTMLButtonElement>('button[data-view]')];

const initial = JSON.parse(document.getElementById('hire-preview-state')?.dataset.state ?? '{}') as PreviewState;
const saved = vscode.getState();
let state: PreviewState = saved && saved.uri === initial.uri ? { ...initial, scrollY: saved.scrollY } : initial;
let shownVersion = -1;

function save(next: PreviewState): void {
  state = next;
  vscode.setState(state);
}

function showToolbar(): void {
  for (const button of viewButtons) button.setAttribute('aria-pressed', String(button.dataset.view === state.view));
  lock.setAttribute('aria-pressed', String(state.locked));
  lock.textContent = state.locked ? 'Locked' : 'Lock';
  lock.title = state.locked ? 'The preview stays on this brief. Click to follow the active editor.' : 'The preview follows the active editor. Click to keep it on this brief.';
  if (compare) compare.hidden = state.view !== 'changes';
}

function update(message: ToWebview): void {
  const sameBrief = message.uri === state.uri && message.view === state.view;
  if (sameBrief && message.version < shownVersion) return;
  if (message.html === null) {
    content.replaceChildren(Object.assign(document.createElement('p'), { className: 'hire-empty', textContent: message.notice ?? NOTHING_TO_PREVIEW }));
  } else {
    content.innerHTML = message.html;
  }
  shownVersion = message.version;
  status.textContent = message.errors > 0 ? `${message.errors} error${message.errors === 1 ? '' : 's'}: see the Problems panel` : '';
  save({ uri: message.uri, view: message.view, locked: message.locked, compare: message.compare, scrollY: sameBrief ? window.scrollY : 0 });
  if (!sameBrief) window.scrollTo(0, 0);
  showToolbar();
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (event.data?.type === 'update') update(event.data);
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  if (scrollTimer !== undefined) return;
  scrollTimer = setTimeout(() => {
    scrollTimer = undefined;
    save({ ...state, scrollY: window.scrollY });
  }, 100);
});

for (const button of viewButtons) {
  button.addEventListener('click', () => {
    const view = button.dataset.view;
    if (view && view in VIEW_LABELS && view !== state.view) vscode.postMessage({ type: 'setView', view: view as PreviewState['view'] });
  });
}
lock.addEventListener('click', () => vscode.postMessage({ type: 'toggleLock' }));
compare?.addEventListener('click', () => vscode.postMessage({ type: 'compareCommits' }));

showToolbar();
save(state);
if (state.scrollY) window.scrollTo(0, state.scrollY);
vscode.postMessage({ type: 'ready' });
