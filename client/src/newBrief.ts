/**
 * "Hiring Briefs: New Brief": an untitled `hire-yaml` document holding the
 * server's scaffold for a profile (the same text as `hire new`).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { BRIEF_LANGUAGE_ID, NewBriefRequest, type NewBriefParams } from '../../server/src/protocol';

/** Opens a new brief in an editor; returns it, or undefined when the server knows no such profile. */
export async function openNewBrief(client: BaseLanguageClient, params: NewBriefParams = {}): Promise<vscode.TextEditor | undefined> {
  const result = await client.sendRequest(NewBriefRequest.type, params);
  if (!result) {
    void vscode.window.showErrorMessage(`No role profile '${params.profile}' is known: a new brief needs one.`);
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument({ language: BRIEF_LANGUAGE_ID, content: result.text });
  return vscode.window.showTextDocument(document);
}
