/**
 * The Hiring Briefs language service: every feature as a function over a
 * `TextDocument`, returning LSP types. No connection, no editor: the server
 * and the CLI both call it.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CodeAction, type CodeActionContext, type CodeLens, type CompletionList, type Diagnostic, type DocumentSymbol, type Hover, type Location, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import { getAddMissingEdit, getCodeActions, type AddMissingScope } from './codeActions';
import { getCodeLenses } from './codeLens';
import { applySeverities, capFindings, createDiagnostic, type SeverityOverrides } from './codes';
import { doComplete, doProfileCompletion, type CompletionOptions } from './completion';
import { changesError, changesHtml, describeDiffFailure, diffFindings, diffSides, isSideError, readParsedSide, type ChangesParams, type ChangesResult, type DiffSide, type DiffSideError } from './diff';
import { isProfileDocument, isScorecardDocument } from './documents';
import { checkHiddenText } from './hiddenText';
import { doHover, doProfileHover } from './hover';
import { tooLargeMessage } from './limits';
import { forgetBrief, readBrief } from './model';
import { doRename, findDefinition, findReferences, prepareRename, type RenameTarget, type WorkspaceDocuments } from './navigation';
import { overviewOf, type BriefOverview } from './overview';
import { firstLine, hasSyntaxErrors, nodeSpan, toRange, type ParsedDocument } from './parse';
import { ParseCache } from './parseCache';
import { ProfileRegistry, readProfile } from './profiles';
import { validateProfile } from './profileValidation';
import { buildBriefView, renderView, type RenderedBrief, type RenderOptions } from './render';
import { checkRules } from './rules';
import { briefForScoring, forgetScorecard, readScorecard, relativeBriefPath, resolveBriefUri, type BriefForScoring } from './model/scorecard';
import { compareScorecards, comparisonFragment, comparisonHtml, comparisonMarkdown, type ScorecardInput } from './scorecard/compare';
import { scaffoldScorecard, type ScorecardScaffoldOptions } from './scorecard/scaffold';
import { scorecardContext, type BriefReader, type ScorecardContext } from './scorecard/context';
import { getScorecardCodeActions } from './scorecard/codeActions';
import { doScorecardComplete } from './scorecard/completion';
import { doScorecardHover } from './scorecard/hover';
import { findScorecardDefinition } from './scorecard/navigation';
import { findScorecardSymbols } from './scorecard/symbols';
import { validateScorecard } from './scorecard/validation';
import { checkSubstance } from './substance';
import { findDocumentSymbols, findProfileSymbols } from './symbols';
import { checkWording } from './wording';
import { syntaxDiagnostics, validateSchema } from './validation';

/** What the service needs from its host. */
export interface LanguageServiceOptions {
  /** The profiles briefs may name; the built-in ones by default. */
  readonly profiles?: ProfileRegistry;
  /** Whether the client takes snippets in completions (LSP `completionItem.snippetSupport`); true by default. Without, items are plain text. */
  readonly snippetSupport?: boolean;
  /** Reads the brief a scorecard names (an open document, else its file); without it, every scorecard's brief is unknown. */
  readonly readBrief?: BriefReader;
}

/** Options of one validation. */
export interface ValidationSettings {
  /** Per-code severity overrides (`hire.diagnostics.severity`). */
  readonly severity?: SeverityOverrides;
}

/** The features of the language service. */
export interface LanguageService {
  /** The profiles this service checks against. */
  readonly profiles: ProfileRegistry;
  /** The parse of a document version (cached: one parse per version). */
  parse(document: TextDocument): ParsedDocument;
  /** Forgets a closed document. */
  close(uri: string): void;
  /** Every finding for a brief or a profile document, with the user's severities applied. */
  validate(document: TextDocument, settings?: ValidationSettings): Diagnostic[];
  /** Puts a profile document's current text into `profiles` (under its URI); returns the profile's id, if it has one. */
  updateProfile(document: TextDocument): string | undefined;
  /** A brief's role, profile, and counts of what it lacks and of its errors. */
  overview(document: TextDocument, settings?: ValidationSettings): BriefOverview;
  /** Where the profile, skill or question id at a position is declared; `workspace`: every brief and profile document. */
  findDefinition(document: TextDocument, position: Position, workspace: readonly TextDocument[]): Location[];
  /** Every place across the workspace the id at a position is written. */
  findReferences(document: TextDocument, position: Position, workspace: readonly TextDocument[], includeDeclaration: boolean): Location[];
  /** The range and text of the id a rename at a position would change, or why it cannot; undefined where there is no id. */
  prepareRename(document: TextDocument, position: Position, workspace: readonly TextDocument[]): RenameTarget | undefined;
  /** The edit renaming the id at a position in every profile and brief, or why it cannot. */
  doRename(document: TextDocument, position: Position, newName: string, workspace: readonly TextDocument[]): WorkspaceEdit | { readonly reason: string } | undefined;
  /**
   * Quick fixes for the diagnostics in `context`, and the source action that
   * adds everything the profile recommends. `diagnostics` are the document's
   * current findings (those the client shows); validated here when not given.
   */
  getCodeActions(document: TextDocument, range: Range, context: CodeActionContext, diagnostics?: readonly Diagnostic[]): CodeAction[];
  /** The edit that adds the missing questions, skills or (`all`) everything; undefined when nothing is missing. */
  getAddMissingEdit(document: TextDocument, scope: AddMissingScope, diagnostics?: readonly Diagnostic[]): WorkspaceEdit | undefined;
  /** Coverage lenses above `questions:` and `skills:`, counted from `diagnostics` (validated here when not given). */
  getCodeLenses(document: TextDocument, diagnostics?: readonly Diagnostic[]): CodeLens[];
  /** Completions at a position of a brief or a profile: keys, values, ids and snippets. */
  doComplete(document: TextDocument, position: Position): CompletionList;
  /** What the key, value, profile, skill or question at a position of a brief or a profile means; null where there is nothing to say. */
  doHover(document: TextDocument, position: Position): Hover | null;
  /** The outline of a brief or a profile: its keys, skills and questions. */
  findDocumentSymbols(document: TextDocument): DocumentSymbol[];
  /** The URI of the brief a scorecard names; undefined for other documents, or when it names none that can be resolved. */
  scorecardBrief(document: TextDocument): string | undefined;
  /** What a scorecard reads of a brief (its questions, skills, waived ids and rate); undefined when it is no brief. */
  briefForScoring(brief: TextDocument): BriefForScoring | undefined;
  /** The text of a new scorecard for a brief; undefined when it is no brief. */
  newScorecard(brief: TextDocument, options: ScorecardScaffoldOptions): string | undefined;
  /** The brief as a job posting and/or interview kit; undefined when nothing of it can be read. */
  render(document: TextDocument, options: RenderOptions, settings?: ValidationSettings): RenderedBrief | undefined;
  /**
   * The Candidates view of a brief: its candidates side by side (the
   * comparison of `hire compare`), from those of `scorecards` that name it.
   * HTML as a fragment (the preview) or, `standalone`, the page of
   * `hire compare --format html`; or Markdown. Undefined when it is no brief.
   */
  candidates(brief: TextDocument, scorecards: readonly TextDocument[], options: CandidatesOptions): CandidatesView | undefined;
  /** What changed, by meaning, from a base text to the document's text (or to `params.current`), with the findings that appear or disappear. */
  changes(document: TextDocument, params: ChangesParams, settings?: ValidationSettings): ChangesResult;
}

/** What to render of the Candidates view. */
export interface CandidatesOptions {
  readonly format: 'html' | 'md';
  /** For `html`: the complete page of `hire compare --format html` instead of a fragment. */
  readonly standalone?: boolean;
}

/** The Candidates view of a brief. */
export interface CandidatesView {
  /** The brief's version it was rendered from. */
  readonly version: number;
  readonly title: string;
  readonly content: string;
  /** How many scorecards name the brief. */
  readonly scorecards: number;
}

/** Creates a language service. */
export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const profiles = options.profiles ?? ProfileRegistry.withBuiltins();
  const completion: CompletionOptions = { snippetSupport: options.snippetSupport ?? true };
  const cache = new ParseCache();
  /** Per document, the base text the Changes view last compared with: read and checked once, not at every keystroke. */
  const bases = new Map<string, { readonly text: string; readonly suffix: string; readonly generation: number; readonly languageId: string; readonly side: DiffSide | DiffSideError; readonly findings: Diagnostic[] }>();
  /** The default-severity findings of each parse with the profiles' generation they were found at: one validation per version. */
  const findings = new WeakMap<ParsedDocument, { readonly generation: number; readonly diagnostics: readonly Diagnostic[] }>();
  const findingsOf = (document: TextDocument): Diagnostic[] => {
    const parsed = cache.get(document);
    let found = findings.get(parsed);
    // A scorecard's findings depend on its brief as well: found again each time (they are few).
    if (isScorecardDocument(document)) return validateScorecard(scorecard(document));
    if (found?.generation !== profiles.generation) {
      const diagnostics = isProfileDocument(document) ? validateProfile(document, parsed, profiles) : validateBrief(document, parsed, profiles);
      findings.set(parsed, (found = { generation: profiles.generation, diagnostics }));
    }
    return [...found.diagnostics];
  };
  const scorecard = (document: TextDocument): ScorecardContext => scorecardContext(document, (each) => cache.get(each), options.readBrief, profiles);
  const across = (documents: readonly TextDocument[]): WorkspaceDocuments => ({ documents, parse: (document) => cache.get(document), profiles });
  /** Features of briefs only: a profile or scorecard document gets the empty answer. */
  const briefOnly = <T>(document: TextDocument, empty: T, run: () => T): T => (isProfileDocument(document) || isScorecardDocument(document) ? empty : run());
  /** Features with a brief's, a profile's and a scorecard's variant: the one for the document's kind. */
  const byKind = <T>(document: TextDocument, forBrief: (parsed: ParsedDocument) => T, forProfile: (parsed: ParsedDocument) => T, forScorecard: (context: ScorecardContext) => T): T =>
    isScorecardDocument(document) ? forScorecard(scorecard(document)) : (isProfileDocument(document) ? forProfile : forBrief)(cache.get(document));
  return {
    profiles,
    parse: (document) => cache.get(document),
    close: (uri) => {
      bases.delete(uri);
      const parsed = cache.delete(uri);
      // Dropped now, not when a full collection finds the parse unreachable (see forgetBrief).
      if (parsed) {
        findings.delete(parsed);
        forgetBrief(parsed);
        forgetScorecard(parsed);
      }
    },
    validate: (document, settings = {}) => capFindings(applySeverities(findingsOf(document), settings.severity)),
    updateProfile: (document) => {
      const profile = readProfile(cache.get(document).value, document.uri);
      profiles.set(document.uri, profile);
      return profile?.id;
    },
    overview: (document, settings = {}) => overviewOf(cache.get(document), applySeverities(findingsOf(document), settings.severity)),
    findDefinition: (document, position, workspace) =>
      isScorecardDocument(document) ? findScorecardDefinition(scorecard(document), position) : findDefinition(document, position, across(workspace)),
    findReferences: (document, position, workspace, includeDeclaration) => findReferences(document, position, across(workspace), includeDeclaration),
    prepareRename: (document, position, workspace) => prepareRename(document, position, across(workspace)),
    doRename: (document, position, newName, workspace) => doRename(document, position, newName, across(workspace)),
    getCodeActions: (document, range, context, diagnostics = findingsOf(document)) =>
      isScorecardDocument(document)
        ? getScorecardCodeActions(scorecard(document), range, context, diagnostics)
        : briefOnly(document, [], () => getCodeActions(document, cache.get(document), range, context, profiles, diagnostics)),
    getAddMissingEdit: (document, scope, diagnostics = findingsOf(document)) =>
      briefOnly(document, undefined, () => getAddMissingEdit(document, cache.get(document), scope, profiles, diagnostics)),
    getCodeLenses: (document, diagnostics = findingsOf(document)) =>
      briefOnly(document, [], () => getCodeLenses(document, cache.get(document), profiles, diagnostics)),
    doComplete: (document, position) =>
      byKind(
        document,
        (parsed) => doComplete(document, position, parsed, profiles, completion),
        (parsed) => doProfileCompletion(document, position, parsed, profiles, completion),
        (context) => doScorecardComplete(context, position),
      ),
    doHover: (document, position) =>
      byKind(document, (parsed) => doHover(document, position, parsed, profiles), (parsed) => doProfileHover(document, position, parsed, profiles), (context) => doScorecardHover(context, position)),
    findDocumentSymbols: (document) =>
      byKind(document, (parsed) => findDocumentSymbols(document, parsed, profiles), (parsed) => findProfileSymbols(document, parsed, profiles), findScorecardSymbols),
    briefForScoring: (brief) => briefForScoring(cache.get(brief), profiles),
    newScorecard: (brief, scaffold) => {
      const facts = briefForScoring(cache.get(brief), profiles);
      return facts && scaffoldScorecard(facts, scaffold);
    },
    scorecardBrief: (document) => {
      const card = isScorecardDocument(document) ? readScorecard(cache.get(document)) : undefined;
      return card?.brief && resolveBriefUri(document.uri, card.brief.path);
    },
    render: (document, options, settings = {}) => {
      const parsed = briefOnly(document, undefined, () => cache.get(document));
      if (!parsed) return undefined;
      const diagnostics = applySeverities(findingsOf(document), settings.severity);
      const view = buildBriefView(parsed, profiles, diagnostics);
      if (!view) return undefined;
      const errors = diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length;
      return { version: document.version, title: view.title, content: renderView(view, options), errors };
    },
    candidates: (brief, scorecards, options) => {
      const facts = briefOnly(brief, undefined, () => briefForScoring(cache.get(brief), profiles));
      if (!facts) return undefined;
      const inputs: ScorecardInput[] = [];
      for (const document of scorecards) {
        if (!isScorecardDocument(document)) continue;
        const card = readScorecard(cache.get(document));
        if (card?.brief && resolveBriefUri(document.uri, card.brief.path) === brief.uri) inputs.push({ path: relativeBriefPath(brief.uri, document.uri), card });
      }
      const name = decodeURIComponent(brief.uri.replace(/[?#].*$/, '').split('/').at(-1) ?? brief.uri);
      const comparison = compareScorecards(name, facts, inputs);
      const content = options.format === 'md' ? comparisonMarkdown(comparison, facts) : options.standalone ? comparisonHtml(comparison, facts) : comparisonFragment(comparison, facts);
      return { version: brief.version, title: `Candidates for ${name}`, content, scorecards: inputs.length };
    },
    changes: (document, params, settings = {}) => {
      // The base is read and checked once while the user types against it; the document's own parse and findings are the cached ones.
      const read = (text: string, suffix: string): { side: DiffSide | DiffSideError; findings: Diagnostic[] } => {
        const cached = bases.get(document.uri);
        if (cached && cached.text === text && cached.suffix === suffix && cached.generation === profiles.generation && cached.languageId === document.languageId) return cached;
        const other = TextDocument.create(`${document.uri}#${suffix}`, document.languageId, 1, text);
        const side = readParsedSide(cache.get(other), document.uri);
        const findings = text.trim() === '' || isSideError(side) ? [] : findingsOf(other);
        const parsed = cache.delete(other.uri);
        if (parsed) forgetBrief(parsed);
        if (suffix === 'base') bases.set(document.uri, { text, suffix, generation: profiles.generation, languageId: document.languageId, side, findings });
        return { side, findings };
      };
      const base = read(params.base.text, 'base');
      const current = params.current ? read(params.current.text, 'current') : { side: readParsedSide(cache.get(document), document.uri), findings: findingsOf(document) };
      const outcome = diffSides(base.side, document.uri, current.side, document.uri, profiles);
      if (!('changes' in outcome)) return changesError(document.version, describeDiffFailure(outcome, { old: params.base.label, new: params.current?.label ?? 'the editor\'s text' }));
      const findings = diffFindings(applySeverities(base.findings, settings.severity), applySeverities(current.findings, settings.severity));
      return { version: document.version, changes: outcome.changes, findings, content: changesHtml(outcome.changes, findings, params.current ? `from ${params.base.label} to ${params.current.label}` : `since ${params.base.label}`) };
    },
  };
}

/**
 * The findings of a file too large to read (`size` bytes, or at least that
 * many when not `exact`): the one `yaml-syntax` finding a text over the limit
 * gets, at the start of the file, with the user's severities applied.
 */
export function tooLargeDiagnostics(size: number, settings: ValidationSettings = {}, exact = true): Diagnostic[] {
  const start = { line: 0, character: 0 };
  return applySeverities([createDiagnostic({ start, end: start }, 'yaml-syntax', tooLargeMessage(size, exact))], settings.severity);
}

/** The findings of a brief at their default severities. */
export function validateBrief(document: TextDocument, parsed: ParsedDocument, profiles: ProfileRegistry): Diagnostic[] {
  const diagnostics = syntaxDiagnostics(document, parsed, 'brief');
  if (hasSyntaxErrors(parsed)) return diagnostics;

  const brief = readBrief(parsed);
  if (!brief) {
    const root = parsed.yaml?.contents;
    const span = nodeSpan(root);
    const what = !root ? 'empty' : 'not a mapping';
    diagnostics.push(
      createDiagnostic(
        toRange(document, span && span.end > span.start ? firstLine(parsed.text, span) : { start: 0, end: 0 }),
        'not-a-brief',
        `This brief is ${what}: a brief is a YAML mapping of keys such as \`hire: 1\`, \`role\`, \`profile\` and \`questions\`.`,
      ),
    );
    return diagnostics;
  }
  // Concatenated, never spread into a call: a file may have hundreds of thousands of findings.
  return diagnostics
    .concat(validateSchema(document, parsed), checkRules(document, parsed.text, brief, profiles), checkSubstance(document, parsed, brief, profiles), checkWording(document, parsed.text, brief), checkHiddenText(document, parsed))
    .sort(byPosition);
}

/** Orders diagnostics by where they start, keeping the order of findings at one place. */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
