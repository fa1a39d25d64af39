/**
 * "Hiring Briefs: New Scorecard": asks who is interviewed and by whom, and
 * where to save, then writes the server's scaffold for the active brief (the
 * same text as `hire new --scorecard`) there and opens it.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { BRIEF_LANGUAGE_ID, NewScorecardRequest, type NewScorecardParams } from '../../server/src/protocol';

/** What the command may be given instead of asking (tests, other extensions). */
export interface NewScorecardArguments {
  readonly brief?: string;
  readonly scorecard?: string;
  readonly candidate?: string;
  readonly interviewer?: string;
  readonly stage?: string;
}

/** Writes and opens a new scorecard for a brief; returns its editor, or undefined when cancelled or impossible. */
export async function newScorecard(client: BaseLanguageClient, given: NewScorecardArguments = {}): Promise<vscode.TextEditor | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const brief = given.brief ? vscode.Uri.parse(given.brief) : active?.languageId === BRIEF_LANGUAGE_ID ? active.uri : undefined;
  if (!brief) {
    void vscode.window.showErrorMessage('Open a brief (*.hire.yaml) first: a scorecard rates the questions of a brief.');
    return undefined;
  }
  if (brief.scheme === 'untitled') {
    void vscode.window.showErrorMessage('Save the brief first: a scorecard names its brief by a path relative to itself.');
    return undefined;
  }
  const candidate = given.candidate ?? (await vscode.window.showInputBox({ title: 'New Scorecard', prompt: 'The candidate: a name or a code', validateInput: required }));
  if (!candidate) return undefined;
  const interviewer = given.interviewer ?? (await vscode.window.showInputBox({ title: 'New Scorecard', prompt: 'The interviewer', validateInput: required }));
  if (!interviewer) return undefined;
  const folder = vscode.Uri.joinPath(brief, '..', 'scores');
  const scorecard = given.scorecard
    ? vscode.Uri.parse(given.scorecard)
    : await vscode.window.showSaveDialog({
        title: 'Save the New Scorecard',
        defaultUri: vscode.Uri.joinPath(folder, `${slug(candidate)}-${slug(interviewer)}.hire-score.yaml`),
        filters: { Scorecards: ['hire-score.yaml', 'yaml'] },
      });
  if (!scorecard) return undefined;
  const params: NewScorecardParams = { brief: brief.toString(), scorecard: scorecard.toString(), candidate, interviewer, stage: given.stage };
  const result = await client.sendRequest(NewScorecardRequest.type, params);
  if (!result) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(brief)} cannot be read as a brief.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(scorecard, new TextEncoder().encode(result.text));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(scorecard));
}

function required(value: string): string | undefined {
  return value.trim() ? undefined : 'Required';
}

/** A file-name-safe form of a name. */
function slug(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'scorecard';
}
