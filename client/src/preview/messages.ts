/**
 * The messages between the extension and the preview webview, and the state
 * the webview keeps, defined once for both sides.
 */
import type { RenderView } from '../../../server/src/service/render';

/** What a preview panel shows: a view of the render, the Candidates view (the brief's scorecards side by side), or the Changes view (what changed since HEAD or between two commits). */
export type PreviewView = RenderView | 'candidates' | 'changes';

/** The views of the preview panel, in the toolbar's order. */
export const PREVIEW_VIEWS: readonly PreviewView[] = ['posting', 'kit', 'candidates', 'changes'];

/** The two commits the Changes view compares (`to` absent: the editor's text), with how it names them. */
export interface CompareState {
  readonly from: string;
  readonly fromLabel: string;
  readonly to?: string;
  readonly toLabel?: string;
}

/** What a preview shows. The webview keeps it (`setState`) so that a reloaded window restores the preview. */
export interface PreviewState {
  /** The brief, as a URI string. */
  readonly uri: string;
  readonly view: PreviewView;
  /** The Changes view's commits; absent: HEAD against the editor's text. */
  readonly compare?: CompareState;
  /** Whether the preview stays on its brief instead of following the active editor. */
  readonly locked: boolean;
  /** The webview's scroll position, in CSS pixels. */
  readonly scrollY?: number;
}

/** Extension → webview: new content for the preview. */
export interface UpdateMessage {
  readonly type: 'update';
  readonly uri: string;
  readonly view: PreviewView;
  readonly locked: boolean;
  /** The document version rendered; the webview ignores older ones. */
  readonly version: number;
  /** The rendered view, or null when nothing of the brief can be read. */
  readonly html: string | null;
  /** The brief's errors. */
  readonly errors: number;
  /** The Changes view's commits, kept with the webview's state. */
  readonly compare?: CompareState;
  /** Said instead of the content when there is none (the Changes view outside git, or of an untracked file). */
  readonly notice?: string;
}

/** Messages the extension sends to the webview. */
export type ToWebview = UpdateMessage;

/** Messages the webview sends to the extension. */
export type FromWebview =
  /** The page is loaded: send the latest content. */
  | { readonly type: 'ready' }
  /** The user picked a view in the toolbar. */
  | { readonly type: 'setView'; readonly view: PreviewView }
  /** The user toggled the lock in the toolbar. */
  | { readonly type: 'toggleLock' }
  /** The user asked, in the Changes view, to compare two commits of the file's history. */
  | { readonly type: 'compareCommits' };

/** What the preview says when nothing of the brief can be read. */
export const NOTHING_TO_PREVIEW = 'Nothing to preview: this file cannot be read as a brief yet. The Problems panel shows why.';

/** The toolbar's labels of the views. */
export const VIEW_LABELS: Readonly<Record<PreviewView, string>> = { posting: 'Job posting', kit: 'Interview kit', candidates: 'Candidates', changes: 'Changes' };
