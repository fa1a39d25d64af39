/**
 * The service level: each feature of the language service on generated
 * briefs, as a median and as a ratio to the floor, the bare `yaml` parse of
 * the same text measured in the same run.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as YAML from 'yaml';
import { readBrief } from '../server/src/service/model';
import { getLanguageService } from '../server/src/service/languageService';
import { parseText } from '../server/src/service/parse';
import { checkRules } from '../server/src/service/rules';
import { validateSchema } from '../server/src/service/validation';
import { generateBrief } from '../test/support/generate';
import { median, timeRuns } from './measure';
import { probes } from './protocol';

/** The medians of one generated brief, in milliseconds, by operation. */
export interface ServiceResult {
  questions: number;
  findings: boolean;
  lines: number;
  /** The floor: `YAML.parseDocument` of the text. */
  yamlMs: number;
  operations: Record<string, number>;
}

/** Measures the service on briefs of the given numbers of questions (fewer iterations on big ones). */
export function runService(sizes: readonly number[], maxIterations: number): ServiceResult[] {
  const results: ServiceResult[] = [];
  for (const questions of sizes) {
    for (const findings of [false, true]) {
      const text = generateBrief({ questions, findings });
      const iterations = Math.max(3, Math.min(maxIterations, Math.round((maxIterations * 200) / questions)));
      const uri = `file:///bench/generated-${questions}.hire.yaml`;
      const document = TextDocument.create(uri, 'hire-yaml', 1, text);
      const service = getLanguageService();
      const parsed = service.parse(document);
      const where = probes(text);
      const editOffset = document.offsetAt(where.edit);
      const edited = [text, `${text.slice(0, editOffset)}x${text.slice(editOffset)}`];
      let version = 2;

      const diagnostics = service.validate(document);
      // Code actions as an editor asks for them: at one finding (the middle one), or at the cursor.
      const finding = diagnostics[diagnostics.length >> 1];
      const actionRange = finding?.range ?? { start: where.edit, end: where.edit };
      const time = (run: (iteration: number) => unknown) => median(timeRuns(iterations, run));
      const operations: Record<string, number> = {
        parse: time(() => parseText(uri, 1, text)),
        validate: time(() => validateSchema(document, parsed)),
        rules: time(() => checkRules(document, text, readBrief(parsed)!, service.profiles)),
        'all diagnostics': time(() => getLanguageService({ profiles: service.profiles }).validate(document)),
        completion: time(() => service.doComplete(document, where.completion)),
        hover: time(() => service.doHover(document, where.hover)),
        symbols: time(() => service.findDocumentSymbols(document)),
        'code actions': time(() => service.getCodeActions(document, actionRange, { diagnostics: finding ? [finding] : [] }, diagnostics)),
        render: time(() => service.render(document, { format: 'html' })),
        'edit → diagnostics': time(() => {
          version++;
          service.validate(TextDocument.create(uri, 'hire-yaml', version, edited[version % 2]));
        }),
      };
      const yamlMs = median(timeRuns(iterations, () => YAML.parseDocument(text)));
      results.push({ questions, findings, lines: document.lineCount, yamlMs, operations });
    }
  }
  return results;
}
