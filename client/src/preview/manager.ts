/**
 * The previews of briefs: opening them, following the active editor,
 * restoring them after a window reload, the view and lock toggles, and the
 * exports to HTML and Markdown.
 */
import * as vscode from 'vscode';
import {
  BRIEF_LANGUAGE_ID,
  PROFILE_LANGUAGE_ID,
  SCORECARD_LANGUAGE_ID,
  SETTINGS_SECTION,
  SHOW_RATE_SETTING,
  type CandidatesParams,
  type CandidatesResult,
  type ChangesRequestParams,
  type ChangesRequestResult,
  type RenderParams,
  type RenderResult,
} from '../../../server/src/protocol';
import type { RenderFormat, RenderView } from '../../../server/src/service/render';
import { commitLabel, historyOf, type GitCommit } from '../git';
import { baseName } from '../uris';
import { PREVIEW_VIEWS, type CompareState, type PreviewState } from './messages';
import { BriefPreview, PREVIEW_VIEW_TYPE, previewWebviewOptions, type PreviewHost } from './preview';

/** Opens, tracks and restores the preview panels. */
export class PreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer<PreviewState> {
  private readonly previews = new Set<BriefPreview>();
  private active: BriefPreview | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly host: PreviewHost;
  /** Grows with every change of a scorecard, for the Candidates view. */
  private scorecards = 0;

  constructor(
    extensionUri: vscode.Uri,
    render: (params: RenderParams) => Promise<RenderResult>,
    changes: (params: ChangesRequestParams) => Promise<ChangesRequestResult>,
    private readonly log: vscode.LogOutputChannel,
    candidates: (params: CandidatesParams) => Promise<CandidatesResult>,
  ) {
    this.host = {
      extensionUri,
      render,
      candidates,
      scorecardsGeneration: () => this.scorecards,
      changes,
      pickCommits: (uri) => pickCommits(uri),
      log,
      showRate: (uri) => vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).get<boolean>(SHOW_RATE_SETTING, false),
      onActive: (preview) => (this.active = preview),
      onDispose: (preview) => {
        this.previews.delete(preview);
        if (this.active === preview) this.active = undefined;
      },
    };
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isBrief(editor.document)) for (const preview of this.previews) if (!preview.locked) preview.show(editor.document.uri);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        if (event.document.languageId === SCORECARD_LANGUAGE_ID) this.scorecardsChanged();
        const uri = event.document.uri.toString();
        for (const preview of this.previews) if (preview.uri.toString() === uri) preview.scheduleUpdate();
      }),
      vscode.workspace.onDidOpenTextDocument((document) => document.languageId === SCORECARD_LANGUAGE_ID && this.scorecardsChanged()),
      vscode.workspace.onDidCloseTextDocument((document) => document.languageId === SCORECARD_LANGUAGE_ID && this.scorecardsChanged()),
      ...watchScorecards(() => this.scorecardsChanged()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SETTINGS_SECTION}.${SHOW_RATE_SETTING}`)) for (const preview of this.previews) preview.scheduleUpdate(true);
      }),
    );
  }

  /** Opens the preview of a brief (the active one by default), in the active column or beside it. */
  open(toSide: boolean, resource?: vscode.Uri): void {
    const uri = resource instanceof vscode.Uri ? resource : activeBrief()?.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a hiring brief (*.hire.yaml) to preview it.');
      return;
    }
    const column = toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
    const following = [...this.previews].find((preview) => !preview.locked);
    const existing = [...this.previews].find((preview) => preview.uri.toString() === uri.toString()) ?? following;
    if (existing) {
      existing.show(uri);
      existing.panel.reveal(existing.panel.viewColumn ?? column, toSide);
      this.active = existing;
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Preview', { viewColumn: column, preserveFocus: toSide }, previewWebviewOptions(this.host.extensionUri));
    this.track(new BriefPreview(panel, { uri: uri.toString(), view: 'posting', locked: false }, this.host));
  }

  /**
   * Opens the Changes view of a brief or profile (the active one by default)
   * beside the editor: HEAD against the editor's text, or two commits.
   */
  showChanges(resource?: vscode.Uri, compare?: CompareState): BriefPreview | undefined {
    const uri = resource instanceof vscode.Uri ? resource : activeBriefOrProfile()?.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a hiring brief (*.hire.yaml) or a role profile to see what changed in it.');
      return undefined;
    }
    let preview = [...this.previews].find((candidate) => candidate.uri.toString() === uri.toString()) ?? [...this.previews].find((candidate) => !candidate.locked);
    if (preview) {
      preview.show(uri);
      preview.panel.reveal(preview.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
    } else {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Changes', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, previewWebviewOptions(this.host.extensionUri));
      preview = new BriefPreview(panel, { uri: uri.toString(), view: 'changes', locked: false }, this.host);
      this.track(preview);
    }
    preview.showChanges(compare);
    this.active = preview;
    return preview;
  }

  /** Lets the user pick two commits of a file's history (the active one by default), then shows what changed between them. */
  async compareCommits(resource?: vscode.Uri): Promise<void> {
    const uri = resource instanceof vscode.Uri ? resource : this.current()?.uri ?? activeBriefOrProfile()?.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a hiring brief (*.hire.yaml) or a role profile to compare two of its commits.');
      return;
    }
    const compare = await pickCommits(uri);
    if (compare) this.showChanges(uri, compare);
  }

  /** The open previews (the tests read what each shows). */
  get all(): readonly BriefPreview[] {
    return [...this.previews];
  }

  /** Restores a preview after a window reload. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    if (!state || typeof state.uri !== 'string' || !PREVIEW_VIEWS.includes(state.view)) {
      panel.dispose();
      return;
    }
    this.track(new BriefPreview(panel, state, this.host));
  }

  /** Switches the current preview to its next view: job posting, interview kit, candidates, and round again (the Changes view goes to the posting). */
  toggleView(): void {
    const preview = this.current();
    if (!preview) return;
    const cycle = ['posting', 'kit', 'candidates'] as const;
    const at = cycle.indexOf(preview.view as (typeof cycle)[number]);
    preview.setView(cycle[(at + 1) % cycle.length]);
  }

  /** A scorecard changed (edited, opened, closed, or on disk): the Candidates views render again. */
  private scorecardsChanged(): void {
    this.scorecards++;
    for (const preview of this.previews) if (preview.view === 'candidates') preview.scheduleUpdate();
  }

  /** Locks the current preview to its brief, or lets it follow the active editor again. */
  toggleLock(): void {
    const preview = this.current();
    if (!preview) return;
    preview.setLocked(!preview.locked);
    const brief = activeBrief();
    if (!preview.locked && brief) preview.show(brief.uri);
  }

  /** Saves the current preview's view (or both views of the active brief) as a file. */
  async export(format: RenderFormat): Promise<void> {
    const preview = this.current();
    const uri = preview?.uri ?? activeBrief()?.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a hiring brief (*.hire.yaml) or its preview to export it.');
      return;
    }
    const candidates = preview?.view === 'candidates';
    const view: RenderView | undefined = preview?.view === 'changes' || preview?.view === 'candidates' ? undefined : preview?.view;
    const document = await vscode.workspace.openTextDocument(uri);
    const base = baseName(uri).replace(/\.hire\.yaml$|\.ya?ml$/, '');
    const extension = format === 'html' ? 'html' : 'md';
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(uri, '..', `${base}${candidates ? '.candidates' : view ? `.${view}` : ''}.${extension}`),
      filters: format === 'html' ? { HTML: ['html'] } : { Markdown: ['md'] },
      title: `Export ${candidates ? 'the candidates' : view === 'kit' ? 'the interview kit' : view === 'posting' ? 'the job posting' : 'the brief'} to ${format === 'html' ? 'HTML' : 'Markdown'}`,
    });
    if (!target) return;
    const result = candidates
      ? await this.host.candidates({ uri: document.uri.toString(), format, standalone: true })
      : await this.host.render({ uri: document.uri.toString(), format, view, showRate: this.host.showRate(uri), standalone: true });
    if (!result) {
      void vscode.window.showErrorMessage('Nothing to export: this file is not a brief yet. The Problems panel shows why.');
      return;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
    this.log.info(`Exported ${uri.toString()} to ${target.toString()}`);
    void vscode.window.showInformationMessage(`Saved ${baseName(target)}.`);
  }

  /** The preview the commands act on: the active panel, else the last one used. */
  private current(): BriefPreview | undefined {
    const active = [...this.previews].find((preview) => preview.panel.active);
    return active ?? this.active ?? [...this.previews][0];
  }

  private track(preview: BriefPreview): void {
    this.previews.add(preview);
    this.active = preview;
  }

  dispose(): void {
    for (const preview of [...this.previews]) preview.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Watches the scorecards on disk (created, saved elsewhere, deleted); nothing where there is no workspace folder. */
function watchScorecards(changed: () => void): vscode.Disposable[] {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.hire-score.yaml');
  return [watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed)];
}

function isBrief(document: vscode.TextDocument): boolean {
  return document.languageId === BRIEF_LANGUAGE_ID;
}

function activeBriefOrProfile(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && (isBrief(document) || document.languageId === PROFILE_LANGUAGE_ID) ? document : undefined;
}

/** A commit as a quick-pick item. */
function commitItem(commit: GitCommit): vscode.QuickPickItem & { readonly commit: GitCommit } {
  const date = commit.authorDate ? commit.authorDate.toISOString().slice(0, 10) : '';
  return { label: commit.message.split('\n')[0] || '(no message)', description: `${commit.hash.slice(0, 7)}${date ? ` · ${date}` : ''}${commit.authorName ? ` · ${commit.authorName}` : ''}`, commit };
}

/** Asks for two commits of a file's history: the older one, then a newer one or the editor's text. Undefined when cancelled. */
async function pickCommits(uri: vscode.Uri): Promise<CompareState | undefined> {
  const commits = await historyOf(uri);
  if ('notice' in commits) {
    void vscode.window.showInformationMessage(commits.notice);
    return undefined;
  }
  const from = await vscode.window.showQuickPick(commits.map(commitItem), { title: `Compare ${baseName(uri)}: from which commit?`, matchOnDescription: true });
  if (!from) return undefined;
  const newer = commits.slice(0, commits.indexOf(from.commit));
  const editor = { label: "The editor's text", description: 'your current edits', commit: undefined };
  const to = await vscode.window.showQuickPick([editor, ...newer.map(commitItem)], { title: `Compare ${baseName(uri)} from ${from.commit.hash.slice(0, 7)} to…`, matchOnDescription: true });
  if (!to) return undefined;
  return {
    from: from.commit.hash,
    fromLabel: commitLabel(from.commit),
    ...(to.commit ? { to: to.commit.hash, toLabel: commitLabel(to.commit) } : {}),
  };
}

function activeBrief(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && isBrief(document) ? document : undefined;
}
