/**
 * The "Hiring Briefs" view: every brief of the workspace, grouped by profile,
 * each with what it still lacks and its errors. The server answers from its
 * index (`hire/workspaceBriefs`); the view reloads when findings change.
 */
import * as vscode from 'vscode';
import { COMMANDS, type WorkspaceBriefsResult } from '../../server/src/protocol';
import type { BriefOverview } from '../../server/src/service/overview';
import { baseName } from './uris';

/** The view's id, contributed in package.json. */
export const BRIEFS_VIEW_ID = 'hire.briefs';

/** The context key that is true when the workspace has briefs (the view's `when`). */
export const HAS_BRIEFS_CONTEXT = 'hire.hasBriefs';

/** The `contextValue` of a brief's item: its inline preview button is keyed on it. */
export const BRIEF_ITEM_CONTEXT = 'hire.brief';

/** A profile's group, or one brief. */
export type BriefsNode =
  | { readonly kind: 'profile'; readonly profile: string | undefined; readonly briefs: readonly BriefOverview[] }
  | { readonly kind: 'brief'; readonly brief: BriefOverview };

/** What a brief lacks and its errors, in a few words: `2 questions, 1 section missing · 1 error`; `complete` when nothing. */
export function describeBrief(brief: BriefOverview): string {
  const count = (n: number, one: string) => (n === 0 ? undefined : `${n} ${one}${n === 1 ? '' : 's'}`);
  const missing = [count(brief.missing.questions, 'question'), count(brief.missing.skills, 'skill'), count(brief.missing.sections, 'section')].filter(Boolean);
  const parts = [missing.length > 0 ? `${missing.join(', ')} missing` : undefined, count(brief.errors, 'error')].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'complete';
}

/** Whether a brief lacks anything or has errors. */
function needsWork(brief: BriefOverview): boolean {
  return brief.errors > 0 || brief.missing.questions + brief.missing.skills + brief.missing.sections > 0;
}

/** The tree of the view, its badge, and its reloading. */
export class BriefsView implements vscode.TreeDataProvider<BriefsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<BriefsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private groups: BriefsNode[] = [];
  private readonly view: vscode.TreeView<BriefsNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly request: () => Promise<WorkspaceBriefsResult>) {
    this.view = vscode.window.createTreeView(BRIEFS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(this.view, this.changed, vscode.languages.onDidChangeDiagnostics(() => this.scheduleRefresh()));
  }

  /** Reloads the briefs from the server. */
  async refresh(): Promise<void> {
    const briefs = await this.request();
    const byProfile = new Map<string | undefined, BriefOverview[]>();
    for (const brief of briefs) byProfile.set(brief.profile, [...(byProfile.get(brief.profile) ?? []), brief]);
    this.groups = [...byProfile]
      .sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b)))
      .map(([profile, group]) => ({ kind: 'profile', profile, briefs: group }));
    const open = briefs.filter(needsWork).length;
    this.view.badge = open > 0 ? { value: open, tooltip: `${open} brief${open === 1 ? '' : 's'} lack something or have errors` } : undefined;
    await vscode.commands.executeCommand('setContext', HAS_BRIEFS_CONTEXT, briefs.length > 0);
    this.changed.fire(undefined);
  }

  /** Reloads after a burst of changes settles. */
  private scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh().catch(() => undefined), 300);
  }

  getChildren(node?: BriefsNode): BriefsNode[] {
    if (!node) return this.groups;
    return node.kind === 'profile' ? node.briefs.map((brief) => ({ kind: 'brief', brief })) : [];
  }

  getTreeItem(node: BriefsNode): vscode.TreeItem {
    if (node.kind === 'profile') {
      const item = new vscode.TreeItem(node.profile ?? 'No profile', vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.briefs.length} brief${node.briefs.length === 1 ? '' : 's'}`;
      item.iconPath = new vscode.ThemeIcon('organization');
      return item;
    }
    const { brief } = node;
    const uri = vscode.Uri.parse(brief.uri);
    const item = new vscode.TreeItem(baseName(uri), vscode.TreeItemCollapsibleState.None);
    item.resourceUri = uri;
    item.description = describeBrief(brief);
    item.tooltip = `${brief.role ?? 'No role'}: ${describeBrief(brief)}${brief.warnings > 0 ? ` (${brief.warnings} warning${brief.warnings === 1 ? '' : 's'})` : ''}`;
    item.iconPath = new vscode.ThemeIcon(brief.errors > 0 ? 'error' : needsWork(brief) ? 'warning' : 'pass');
    item.contextValue = BRIEF_ITEM_CONTEXT;
    item.command = { command: 'vscode.open', title: 'Open Brief', arguments: [uri] };
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Opens the preview of a brief of the view beside the editor. */
export function previewBrief(node: BriefsNode | undefined): Thenable<unknown> | undefined {
  return node?.kind === 'brief' ? vscode.commands.executeCommand(COMMANDS.openPreviewToSide, vscode.Uri.parse(node.brief.uri)) : undefined;
}
