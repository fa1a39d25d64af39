/**
 * The built-in role profiles as read-only documents: `hire-builtin:` URIs
 * (where go to definition leads from `profile: production-coordinator`)
 * whose text the server sends (`hire/builtinProfile`, requested by the caller).
 */
import * as vscode from 'vscode';
import { BUILTIN_PROFILE_SCHEME, type BuiltinProfileParams, type BuiltinProfileResult } from '../../server/src/protocol';

/** Registers the content provider of the `hire-builtin:` scheme. */
export function registerBuiltinProfiles(request: (params: BuiltinProfileParams) => Promise<BuiltinProfileResult>): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(BUILTIN_PROFILE_SCHEME, {
    provideTextDocumentContent: async (uri) => (await request({ uri: uri.toString() })) ?? `# No built-in profile at ${uri.toString()}\n`,
  });
}
