/**
 * One preview panel: a webview that shows a brief as a job posting or an
 * interview kit. The page is built once; later content arrives by
 * `postMessage`, at most every THROTTLE_MS, keyed on the document version.
 */
import * as vscode from 'vscode';
import type { CandidatesParams, CandidatesResult, ChangesRequestParams, ChangesRequestResult, RenderParams, RenderResult } from '../../../server/src/protocol';
import { comparisonFor, onRepositoryChange } from '../git';
import { baseName, makeNonce } from '../uris';
import { VIEW_LABELS, type CompareState, type FromWebview, type PreviewState, type PreviewView, type ToWebview } from './messages';
import { buildPreviewPage } from './page';

/** The webview panel type, also named in package.json (`onWebviewPanel:`). */
export const PREVIEW_VIEW_TYPE = 'hire.preview';

/** The fewest milliseconds between two renders of a preview while the user types. */
export const THROTTLE_MS = 150;

/** What a preview needs from the extension. */
export interface PreviewHost {
  readonly extensionUri: vscode.Uri;
  /** Asks the language server to render a brief. */
  render(params: RenderParams): Promise<RenderResult>;
  /** Asks the language server for the Candidates view of a brief (its scorecards side by side). */
  candidates(params: CandidatesParams): Promise<CandidatesResult>;
  /** A number that grows whenever a scorecard is edited, opened, closed, created or deleted: the Candidates view renders again. */
  scorecardsGeneration(): number;
  /** Asks the language server what changed in a file, by meaning. */
  changes(params: ChangesRequestParams): Promise<ChangesRequestResult>;
  /** Lets the user pick two commits of a file's history; undefined when cancelled or there are none. */
  pickCommits(uri: vscode.Uri): Promise<CompareState | undefined>;
  /** Whether the posting shows the rate (`hire.preview.showRate`). */
  showRate(uri: vscode.Uri): boolean;
  /** Called when the panel becomes the active one. */
  onActive(preview: BriefPreview): void;
  /** Called when the panel is closed. */
  onDispose(preview: BriefPreview): void;
  readonly log: vscode.LogOutputChannel;
}

/** The folders the webview may load from: the stylesheet's and the built script's. */
export function previewResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')];
}

/** The options of every preview webview. */
export function previewWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, enableFindWidget: true, localResourceRoots: previewResourceRoots(extensionUri) };
}

/** A preview panel and the brief it shows. */
export class BriefPreview implements vscode.Disposable {
  private state: PreviewState;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRender = 0;
  /** What the webview shows: the key of the last render, and the message that carried it. */
  private shown: { key: string; message: ToWebview } | undefined;
  private pageBuilt = false;
  private disposed = false;
  /** Renders the Changes view again when the repository changes (a commit, a checkout); set at its first render. */
  private repositoryWatch: Promise<vscode.Disposable | undefined> | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    state: PreviewState,
    private readonly host: PreviewHost,
  ) {
    this.state = { uri: state.uri, view: state.view, locked: state.locked, ...(state.compare ? { compare: state.compare } : {}) };
    panel.webview.options = previewWebviewOptions(host.extensionUri);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message)),
      panel.onDidChangeViewState(() => {
        if (panel.active) host.onActive(this);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    this.updateTitle();
    this.scheduleUpdate();
  }

  /** The brief shown. */
  get uri(): vscode.Uri {
    return vscode.Uri.parse(this.state.uri);
  }

  get view(): PreviewView {
    return this.state.view;
  }

  /** The last content sent to the webview (what it shows once it has read it). */
  get shownMessage(): ToWebview | undefined {
    return this.shown?.message;
  }

  get locked(): boolean {
    return this.state.locked;
  }

  /** Shows another brief (an unlocked preview following the editor). */
  show(uri: vscode.Uri): void {
    if (uri.toString() === this.state.uri) return;
    this.state = { uri: uri.toString(), view: this.state.view, locked: this.state.locked }; // the commits compared were the other file's
    this.updateTitle();
    this.scheduleUpdate(true);
  }

  /** Switches between the job posting, the interview kit and the Changes view. */
  setView(view: PreviewView): void {
    if (view === this.state.view) return;
    this.state = { ...this.state, view };
    this.updateTitle();
    this.scheduleUpdate(true);
  }

  /** Shows the Changes view: between two commits, or (without `compare`) HEAD against the editor's text. */
  showChanges(compare?: CompareState): void {
    const { compare: _previous, ...rest } = this.state;
    this.state = { ...rest, view: 'changes', ...(compare ? { compare } : {}) };
    this.updateTitle();
    this.scheduleUpdate(true);
  }

  /** Locks the preview to its brief, or lets it follow the active editor. */
  setLocked(locked: boolean): void {
    this.state = { ...this.state, locked };
    this.updateTitle();
    this.scheduleUpdate(true);
  }

  /** Renders again soon: at most every THROTTLE_MS, or at once when `now`. */
  scheduleUpdate(now = false): void {
    if (this.disposed) return;
    if (now && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.timer) return;
    const wait = now ? 0 : Math.max(0, this.lastRender + THROTTLE_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastRender = Date.now();
      this.update().catch((error: Error) => this.host.log.error(`Preview: ${error.message}`));
    }, wait);
  }

  private async update(): Promise<void> {
    const state = this.state;
    const document = await vscode.workspace.openTextDocument(this.uri);
    if (state.view === 'changes') return this.updateChanges(state, document);
    if (state.view === 'candidates') return this.updateCandidates(state, document);
    const showRate = this.host.showRate(document.uri);
    const key = `${state.uri} ${state.view} ${state.locked} ${showRate} ${document.version}`;
    if (this.shown?.key === key) return;
    const result = await this.host.render({ uri: state.uri, format: 'html', view: state.view as Exclude<PreviewView, 'changes' | 'candidates'>, showRate, findings: true });
    // A newer request is on its way, or the panel closed, while this one ran.
    if (this.disposed || state !== this.state) return;
    const message: ToWebview = {
      type: 'update',
      uri: state.uri,
      view: state.view,
      locked: state.locked,
      version: result?.version ?? document.version,
      html: result ? result.content : null,
      errors: result?.errors ?? 0,
    };
    // The server has not seen the latest edit yet: show this, and render again.
    if (result && result.version < document.version) this.scheduleUpdate();
    else this.shown = { key, message };
    this.post(message);
  }

  /** The Candidates view: the brief's scorecards side by side, rendered again when the brief or a scorecard changes. */
  private async updateCandidates(state: PreviewState, document: vscode.TextDocument): Promise<void> {
    const key = `${state.uri} candidates ${state.locked} ${document.version} ${this.host.scorecardsGeneration()}`;
    if (this.shown?.key === key) return;
    const result = await this.host.candidates({ uri: state.uri, format: 'html' });
    if (this.disposed || state !== this.state) return;
    const message: ToWebview = { type: 'update', uri: state.uri, view: state.view, locked: state.locked, version: result?.version ?? document.version, html: result ? result.content : null, errors: 0 };
    if (result && result.version < document.version) this.scheduleUpdate();
    else this.shown = { key, message };
    this.post(message);
  }

  /** The Changes view: the versions from git, compared by the server; or what git says instead. */
  private async updateChanges(state: PreviewState, document: vscode.TextDocument): Promise<void> {
    this.repositoryWatch ??= onRepositoryChange(document.uri, () => this.scheduleUpdate());
    const comparison = await comparisonFor(document.uri, state.compare);
    // Between two commits, the editor's text plays no part.
    const key = `${state.uri} changes ${state.locked} ${comparison.key} ${state.compare?.to === undefined ? document.version : ''}`;
    if (this.disposed || state !== this.state || this.shown?.key === key) return;
    const base = { type: 'update', uri: state.uri, view: state.view, locked: state.locked, ...(state.compare ? { compare: state.compare } : {}), errors: 0 } as const;
    if ('notice' in comparison) {
      const message: ToWebview = { ...base, version: document.version, html: null, notice: comparison.notice };
      this.shown = { key, message };
      this.post(message);
      return;
    }
    const result = await this.host.changes({ uri: state.uri, base: comparison.base, ...(comparison.current ? { current: comparison.current } : {}) });
    if (this.disposed || state !== this.state) return;
    const message: ToWebview = result
      ? { ...base, version: result.version, html: result.content }
      : { ...base, version: document.version, html: null, notice: 'The language server does not have this file open: open it in an editor.' };
    if (result && comparison.current === undefined && result.version < document.version) this.scheduleUpdate();
    else this.shown = { key, message };
    this.post(message);
  }

  /** Sends content to the webview, building the page with it the first time. */
  private post(message: ToWebview): void {
    if (!this.pageBuilt) this.buildPage(message);
    else void this.panel.webview.postMessage(message);
  }

  /** Builds the page once, with its first content; later content comes by message. */
  private buildPage(message: ToWebview): void {
    const webview = this.panel.webview;
    const media = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.host.extensionUri, ...segments)).toString();
    webview.html = buildPreviewPage({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      styleUri: media('media', 'preview.css'),
      scriptUri: media('dist', 'webview', 'preview.js'),
      state: this.state,
      content: message.html,
      notice: message.notice,
    });
    this.pageBuilt = true;
  }

  private receive(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        // A new or reloaded page: it shows what it was built with, which may be stale.
        if (this.shown) void this.panel.webview.postMessage(this.shown.message);
        break;
      case 'setView':
        if (message.view in VIEW_LABELS) this.setView(message.view);
        break;
      case 'toggleLock':
        this.setLocked(!this.state.locked);
        break;
      case 'compareCommits':
        void this.host.pickCommits(this.uri).then((compare) => compare && this.showChanges(compare));
        break;
    }
  }

  private updateTitle(): void {
    const name = baseName(this.uri);
    this.panel.title = `${this.state.locked ? '[Locked] ' : ''}${VIEW_LABELS[this.state.view]}: ${name}`;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.host.onDispose(this);
    for (const disposable of this.disposables) disposable.dispose();
    void this.repositoryWatch?.then((watch) => watch?.dispose());
    this.panel.dispose();
  }
}
