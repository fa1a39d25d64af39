/**
 * The messages between the extension and the preview webview, and the state
 * the webview keeps, defined once for both sides.
 */
import type { RenderView } from '../../../server/src/service/render';

/** What a preview shows. The webview keeps it (`setState`) so that a reloaded window restores the preview. */
export interface PreviewState {
  /** The brief, as a URI string. */
  readonly uri: string;
  readonly view: RenderView;
  /** Whether the preview stays on its brief instead of following the active editor. */
  readonly locked: boolean;
  /** The webview's scroll position, in CSS pixels. */
  readonly scrollY?: number;
}

/** Extension → webview: new content for the preview. */
export interface UpdateMessage {
  readonly type: 'update';
  readonly uri: string;
  readonly view: RenderView;
  readonly locked: boolean;
  /** The document version rendered; the webview ignores older ones. */
  readonly version: number;
  /** The rendered view, or null when nothing of the brief can be read. */
  readonly html: string | null;
  /** The brief's errors. */
  readonly errors: number;
}

/** Messages the extension sends to the webview. */
export type ToWebview = UpdateMessage;

/** Messages the webview sends to the extension. */
export type FromWebview =
  /** The page is loaded: send the latest content. */
  | { readonly type: 'ready' }
  /** The user picked a view in the toolbar. */
  | { readonly type: 'setView'; readonly view: RenderView }
  /** The user toggled the lock in the toolbar. */
  | { readonly type: 'toggleLock' };

/** What the preview says when nothing of the brief can be read. */
export const NOTHING_TO_PREVIEW = 'Nothing to preview: this file cannot be read as a brief yet. The Problems panel shows why.';

/** The toolbar's labels of the views. */
export const VIEW_LABELS: Readonly<Record<RenderView, string>> = { posting: 'Job posting', kit: 'Interview kit' };
