/** Small helpers on URIs and randomness that work in both extension hosts (no Node API). */
import type * as vscode from 'vscode';

/** The last segment of a URI's path: `gaps.hire.yaml` of `…/samples/gaps.hire.yaml`. */
export function baseName(uri: vscode.Uri): string {
  const path = uri.path.replace(/\/+$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A nonce for a webview's Content Security Policy: 16 random bytes from the platform's `crypto`, in base64. */
export function makeNonce(): string {
  let binary = '';
  for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(16))) binary += String.fromCharCode(byte);
  return btoa(binary);
}
