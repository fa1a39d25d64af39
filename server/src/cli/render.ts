/**
 * `hire render`: a brief as a job posting and/or interview kit, in HTML (a
 * standalone page) or Markdown. A brief with errors renders what can be read;
 * one that cannot be read at all (its root is not a mapping) renders nothing.
 * The team profiles beside the brief and in `--profiles` are loaded first.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BRIEF_LANGUAGE_ID } from '../service/names';
import type { LanguageService } from '../service/languageService';
import type { ProfileRegistry } from '../service/profiles';
import type { RenderedBrief, RenderFormat, RenderView } from '../service/render';
import { loadProfiles, profileFiles, siblingProfiles } from './profiles';

/** The options of `hire render`. */
export interface RenderCommandOptions {
  readonly format: RenderFormat;
  readonly view?: RenderView;
  readonly out?: string;
  /** Write over `out` if it exists (never if it is an input). */
  readonly force?: boolean;
  readonly showRate?: boolean;
  /** List the brief's findings in the kit. */
  readonly findings?: boolean;
  /** A folder of team profiles to load. */
  readonly profiles?: string;
}

/**
 * The profiles a brief renders against: the built-in ones, those in
 * `--profiles` and those beside the brief. Throws InputError for a file of
 * `--profiles` that is not a profile, as `hire new --profiles` does; one
 * beside the brief that is not (a profile half written) is left out, so that
 * it never stops the brief from rendering.
 */
export function renderProfiles(file: string, options: Pick<RenderCommandOptions, 'profiles'>): ProfileRegistry {
  return loadProfiles(options.profiles, siblingProfiles([file]));
}

/** Renders a brief's text; undefined when nothing of it can be read. */
export function renderText(service: LanguageService, path: string, text: string, options: RenderCommandOptions): RenderedBrief | undefined {
  const document = TextDocument.create(pathToFileURL(resolve(path)).href, BRIEF_LANGUAGE_ID, 1, text);
  const rendered = service.render(document, { format: options.format, view: options.view, showRate: options.showRate, findings: options.findings, standalone: true });
  service.close(document.uri);
  return rendered;
}

/** The files a render reads: the brief, and the profiles in `--profiles` and beside the brief. */
export function renderInputs(file: string, options: Pick<RenderCommandOptions, 'profiles'>): string[] {
  return [file, ...profileFiles(options.profiles), ...siblingProfiles([file])];
}
