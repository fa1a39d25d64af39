/**
 * The preview page in a real browser: the exact page the webview gets (same
 * builder, same CSP), with a plain origin in place of `webview.cspSource`,
 * opened in Debian's headless Chromium. No console errors, no CSP violations,
 * no request leaving the page; the content is visible, the script works, and
 * printing gives black on white. Screenshots go to test-output/ (build first:
 * the script is dist/webview/preview.js).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PreviewView } from '../../client/src/preview/messages';
import { buildPreviewPage } from '../../client/src/preview/page';
import type { RenderView } from '../../server/src/service/render';
import { getLanguageService } from '../../server/src/service/languageService';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { brief, ROOT, sample } from '../support/documents';

const CHROMIUM = '/usr/bin/chromium';
const ORIGIN = 'https://hire-preview.test';
const OUTPUT = path.join(ROOT, 'test-output');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser tests`;

/** What a loaded page reported. */
interface Loaded {
  readonly page: Page;
  readonly consoleErrors: string[];
  readonly outside: string[];
}

/** Stands in for VS Code: the webview API the script expects, and a record of CSP violations. */
const INIT_SCRIPT = `
  window.__posted = [];
  window.__violations = [];
  window.acquireVsCodeApi = () => {
    let state;
    return {
      postMessage: (message) => window.__posted.push(message),
      getState: () => state,
      setState: (next) => { state = next; },
    };
  };
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push(event.violatedDirective + ' ' + event.blockedURI);
  });
`;

/** Dark theme variables, as VS Code sets them on the webview's html element. */
const DARK_THEME = `(() => {
  const style = document.documentElement.style;
  for (const [name, value] of Object.entries({
    '--vscode-editor-background': '#1e1e1e',
    '--vscode-editor-foreground': '#d4d4d4',
    '--vscode-descriptionForeground': '#a0a0a0',
    '--vscode-editorWidget-border': '#454545',
    '--vscode-textBlockQuote-background': '#2a2d2e',
    '--vscode-textLink-foreground': '#3794ff',
  })) style.setProperty(name, value);
})()`;

describe('the preview page in Chromium', { skip }, () => {
  let browser: Browser;
  const service = getLanguageService();

  before(async () => {
    assert.ok(existsSync(path.join(ROOT, 'dist/webview/preview.js')), 'dist/webview/preview.js is built (npm run build)');
    mkdirSync(OUTPUT, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
  });

  /** Opens the preview page of a sample's view (or of a brief's text), serving only the page, the stylesheet and the script. */
  async function open(name: string, view: RenderView, text?: string): Promise<Loaded> {
    const rendered = service.render(text === undefined ? sample(`${name}.hire.yaml`) : brief(text, `file:///briefs/${name}.hire.yaml`), { format: 'html', view });
    assert.ok(rendered);
    return openPage(name, view, rendered.content);
  }

  /** Opens the preview page of a view with the given content. */
  async function openPage(name: string, view: PreviewView, content: string): Promise<Loaded> {
    const html = buildPreviewPage({
      cspSource: ORIGIN,
      nonce: randomBytes(16).toString('base64'),
      styleUri: `${ORIGIN}/media/preview.css`,
      scriptUri: `${ORIGIN}/dist/webview/preview.js`,
      state: { uri: `file:///briefs/${name}.hire.yaml`, view, locked: false },
      content,
    });
    const files: Record<string, { body: string; contentType: string }> = {
      [`${ORIGIN}/`]: { body: html, contentType: 'text/html' },
      [`${ORIGIN}/media/preview.css`]: { body: readFileSync(path.join(ROOT, 'media/preview.css'), 'utf8'), contentType: 'text/css' },
      [`${ORIGIN}/dist/webview/preview.js`]: { body: readFileSync(path.join(ROOT, 'dist/webview/preview.js'), 'utf8'), contentType: 'text/javascript' },
    };
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const outside: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning' || /Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await context.route('**/*', async (route) => {
      const file = files[route.request().url()];
      if (file) await route.fulfill({ status: 200, body: file.body, contentType: file.contentType });
      else {
        outside.push(route.request().url());
        await route.abort();
      }
    });
    await page.addInitScript(INIT_SCRIPT);
    await page.goto(`${ORIGIN}/`, { waitUntil: 'load' });
    await page.waitForFunction('window.__posted.length > 0');
    return { page, consoleErrors, outside };
  }

  async function assertClean(loaded: Loaded): Promise<void> {
    assert.deepEqual(await loaded.page.evaluate('window.__violations'), [], 'no CSP violations');
    assert.deepEqual(loaded.consoleErrors, [], 'no console errors');
    assert.deepEqual(loaded.outside, [], 'no request leaves the page');
  }

  it('the job posting: styled, visible, clean', async () => {
    const loaded = await open('complete', 'posting');
    const { page } = loaded;
    assert.equal(await page.locator('h1').textContent(), 'Production Coordinator');
    assert.ok(await page.getByRole('heading', { name: 'What you will do' }).isVisible());
    assert.ok(await page.getByText('Effective communication').isVisible());
    assert.equal(await page.evaluate('getComputedStyle(document.querySelector(".facts")).display'), 'grid', 'the stylesheet applies');
    assert.deepEqual(await page.evaluate('window.__posted'), [{ type: 'ready' }], 'the script ran under the CSP');
    await page.screenshot({ path: path.join(OUTPUT, 'preview-posting.png'), fullPage: true });
    await assertClean(loaded);
    await page.context().close();
  });

  it('the interview kit: a scorecard form with anchors beside the boxes, coverage matrix visible, clean; prints black on white, a question a page', async () => {
    const loaded = await open('complete', 'kit');
    const { page } = loaded;
    assert.equal(await page.locator('.question').count(), 8);
    assert.ok(await page.locator('.question').first().isVisible());
    assert.ok(await page.getByRole('heading', { name: 'Q3 How do you handle conflict?' }).isVisible());
    const matrix = page.locator('table.matrix');
    assert.ok(await matrix.isVisible());
    assert.equal(await matrix.locator('tbody tr').count(), 9);
    assert.equal(await matrix.locator('thead th').count(), 10, 'skill, Q1–Q8, evidence');
    // The scorecard form: each box with its anchor beside it, on the same line.
    const conflict = page.locator('.question').nth(2);
    const first = conflict.locator('.scale li').first();
    const box = await first.locator('.box').boundingBox();
    const anchor = await first.locator('.anchor').boundingBox();
    assert.ok(box && anchor && anchor.x > box.x + box.width && Math.abs(anchor.y - box.y) < box.height, 'the anchor sits beside its box');
    assert.match((await first.locator('.anchor').textContent()) ?? '', /conflict/);
    assert.equal(await conflict.locator('.scale li').count(), 5);
    assert.ok(await page.getByText('before the debrief').isVisible());
    const charges = page.locator('.question[data-question="charges"]');
    assert.ok(await charges.locator('.quote').getByText('Quoted rate').isVisible());
    assert.match((await charges.locator('.quote dd').first().textContent()) ?? '', /400 USD per day/);
    const scorecard = page.locator('.scorecard');
    assert.equal(await scorecard.locator('table.skill-ratings tbody tr').count(), 9);
    assert.deepEqual(await scorecard.locator('.recommendation .label').allTextContents(), ['Strong no', 'No', 'Yes', 'Strong yes']);
    await page.screenshot({ path: path.join(OUTPUT, 'preview-kit.png'), fullPage: true });
    await page.screenshot({ path: path.join(OUTPUT, 'preview-kit-top.png') });
    await conflict.screenshot({ path: path.join(OUTPUT, 'preview-kit-question.png') });
    await charges.screenshot({ path: path.join(OUTPUT, 'preview-kit-charges.png') });
    await scorecard.screenshot({ path: path.join(OUTPUT, 'preview-kit-scorecard.png') });

    await page.evaluate(DARK_THEME);
    assert.equal(await page.evaluate('getComputedStyle(document.body).backgroundColor'), 'rgb(30, 30, 30)', 'the theme\'s background');
    await page.screenshot({ path: path.join(OUTPUT, 'preview-kit-dark.png') });

    await page.emulateMedia({ media: 'print' });
    await page.evaluate('window.scrollTo(0, 0)');
    assert.equal(await page.evaluate('getComputedStyle(document.body).backgroundColor'), 'rgb(255, 255, 255)', 'paper is white');
    assert.equal(await page.evaluate('getComputedStyle(document.body).color'), 'rgb(0, 0, 0)', 'ink is black');
    assert.equal(await page.evaluate('getComputedStyle(document.querySelector(".hire-toolbar")).display'), 'none', 'no toolbar on paper');
    assert.equal(await page.evaluate('getComputedStyle(document.querySelectorAll(".question")[1]).breakBefore'), 'page', 'one question a page');
    assert.equal(await page.evaluate('getComputedStyle(document.querySelector(".scorecard")).breakBefore'), 'page', 'the scorecard on a page of its own');
    // One question a page: each fits the printable height of A4 (29.7 cm less the 1.6 cm margins, at 96 px a cm of 2.54).
    await page.setViewportSize({ width: Math.round(((21 - 3) / 2.54) * 96), height: 900 });
    const printable = ((29.7 - 3.2) / 2.54) * 96;
    const heights = (await page.locator('.question').evaluateAll((sections) => sections.map((section) => section.getBoundingClientRect().height))) as number[];
    for (const [index, height] of heights.entries()) assert.ok(height < printable, `Q${index + 1} is ${Math.round(height)} px, more than a page (${Math.round(printable)} px)`);
    await page.screenshot({ path: path.join(OUTPUT, 'preview-kit-print.png'), fullPage: true });
    await page.screenshot({ path: path.join(OUTPUT, 'preview-kit-print-top.png') });
    await page.pdf({ path: path.join(OUTPUT, 'preview-kit.pdf'), format: 'A4' });
    await assertClean(loaded);
    await page.context().close();
  });

  it('the script: shows posted content, keeps older versions out, and sends toolbar clicks', async () => {
    const loaded = await open('gaps', 'kit');
    const { page } = loaded;
    const uri = 'file:///briefs/gaps.hire.yaml';
    const post = (version: number, html: string | null, errors = 0) =>
      page.evaluate(`window.postMessage(${JSON.stringify({ type: 'update', uri, view: 'kit', locked: true, version, html, errors })}, '*')`);
    await post(5, '<p class="marker">version five</p>', 2);
    await page.locator('.marker').waitFor();
    assert.equal(await page.locator('#hire-status').textContent(), '2 errors: see the Problems panel');
    assert.equal(await page.locator('#hire-lock').getAttribute('aria-pressed'), 'true');
    await post(4, '<p class="marker">version four</p>');
    // Messages arrive in order: once a later one is seen, version 4 has been handled.
    await page.evaluate('new Promise((resolve) => { window.addEventListener("message", resolve, { once: true }); window.postMessage({ type: "flush" }, "*"); })');
    assert.equal(await page.locator('.marker').textContent(), 'version five', 'an older version is ignored');
    await post(6, null);
    await page.locator('.hire-empty').waitFor();
    assert.equal(await page.locator('.marker').count(), 0);
    assert.match(await page.locator('.hire-empty').textContent() ?? '', /Nothing to preview/);
    await page.getByRole('button', { name: 'Job posting' }).click();
    await page.locator('#hire-lock').click();
    assert.deepEqual(await page.evaluate('window.__posted'), [{ type: 'ready' }, { type: 'setView', view: 'posting' }, { type: 'toggleLock' }]);
    await assertClean(loaded);
    await page.context().close();
  });
  it('the Candidates view of the samples\' scorecards: the table, the quote over the ceiling, the spread; printable', async () => {
    const file = (name: string, languageId: string) => TextDocument.create(`file://${path.join(ROOT, 'samples', name)}`, languageId, 1, readFileSync(path.join(ROOT, 'samples', name), 'utf8'));
    const cards = readdirSync(path.join(ROOT, 'samples/scorecards')).map((name) => file(`scorecards/${name}`, 'hire-score-yaml'));
    const view = service.candidates(file('complete.hire.yaml', 'hire-yaml'), cards, { format: 'html' });
    assert.ok(view);
    const loaded = await openPage('complete', 'candidates', view.content);
    const { page } = loaded;
    assert.equal(await page.getByRole('button', { name: 'Candidates' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('h1').textContent(), 'Candidates for complete.hire.yaml');
    const table = page.locator('.hire-candidates table');
    assert.ok(await table.isVisible());
    assert.deepEqual(await table.locator('tbody th').allTextContents(), ['A. Rivera', 'K. Okafor']);
    const over = table.locator('td.over');
    assert.equal(await over.textContent(), '450 USD a day (ceiling 400 USD a day), over the ceiling');
    const style = (selector: string, property: string) => page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property}`);
    assert.notEqual(await style('.hire-candidates td.over', 'color'), await style('.hire-candidates tbody td', 'color'), 'the quote over the ceiling stands out');
    assert.equal(await style('.hire-candidates td.over', 'fontWeight'), '600');
    assert.equal(await style('.hire-candidates tbody td', 'borderTopStyle'), 'solid', 'the stylesheet applies');
    assert.ok(await page.getByText('A. Rivera: conflict (2 to 5)').isVisible());
    await page.screenshot({ path: path.join(OUTPUT, 'preview-candidates.png'), fullPage: true });
    // The page never scrolls sideways: a table wider than the panel scrolls in its own box.
    assert.equal(await page.evaluate('document.documentElement.scrollWidth'), 1000);
    await page.setViewportSize({ width: 600, height: 900 });
    assert.equal(await page.evaluate('document.documentElement.scrollWidth'), 600, 'a narrow panel: the page still fits');
    assert.ok(await page.evaluate('document.querySelector(".hire-table").scrollWidth > document.querySelector(".hire-table").clientWidth'), 'the table scrolls in its box');
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.evaluate('getComputedStyle(document.querySelector(".hire-toolbar")).display'), 'none', 'no toolbar on paper');
    assert.equal(await page.evaluate('getComputedStyle(document.body).color'), 'rgb(0, 0, 0)', 'ink is black');
    await page.screenshot({ path: path.join(OUTPUT, 'preview-candidates-print.png'), fullPage: true });
    await page.getByRole('button', { name: 'Job posting' }).click().catch(() => undefined);
    await assertClean(loaded);
    await page.context().close();

    const empty = await openPage('complete', 'candidates', service.candidates(file('complete.hire.yaml', 'hire-yaml'), [], { format: 'html' })!.content);
    assert.match((await empty.page.locator('.hire-empty').textContent()) ?? '', /No scorecards name this brief yet\. .*Hiring Briefs: New Scorecard/);
    await empty.page.screenshot({ path: path.join(OUTPUT, 'preview-candidates-empty.png') });
    await assertClean(empty);
    await empty.page.context().close();
  });

  it('the Changes view: its content, what it says outside git, and the compare button', async () => {
    const loaded = await open('complete', 'kit');
    const { page } = loaded;
    const uri = 'file:///briefs/complete.hire.yaml';
    assert.equal(await page.locator('#hire-compare').isVisible(), false, 'no compare button in the kit');
    const text = readFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), 'utf8');
    const changes = service.changes(brief(text.replace('max: 400', 'max: 450'), uri, 2), { base: { text, label: 'HEAD (1234567)' } });
    const post = (message: object) => page.evaluate(`window.postMessage(${JSON.stringify({ type: 'update', uri, view: 'changes', locked: false, errors: 0, ...message })}, '*')`);
    await post({ version: 2, html: changes.content });
    await page.locator('.hire-change-changed').waitFor();
    assert.equal(await page.locator('.hire-change-changed').textContent(), '~ The rate ceiling rises from 400 to 450 USD a day.');
    assert.equal(await page.getByRole('button', { name: 'Changes' }).getAttribute('aria-pressed'), 'true');
    await page.screenshot({ path: path.join(OUTPUT, 'preview-changes.png') });
    await page.locator('#hire-compare').click();
    await post({ version: 3, html: null, notice: 'This file is not in a Git repository: there is no history to compare it with.' });
    await page.locator('.hire-empty').waitFor();
    assert.equal(await page.locator('.hire-empty').textContent(), 'This file is not in a Git repository: there is no history to compare it with.');
    assert.deepEqual(await page.evaluate('window.__posted'), [{ type: 'ready' }, { type: 'compareCommits' }]);
    await assertClean(loaded);
    await page.context().close();
  });

  it('hostile briefs: no script from the brief runs, nothing loads from outside, no console errors; the markup shows as text', async () => {
    for (const [name, text] of Object.entries(HOSTILE)) {
      for (const view of ['posting', 'kit'] as const) {
        const loaded = await open(name, view, text);
        const { page } = loaded;
        // Give event handlers, refreshes and lazy loads a chance to fire before looking.
        await page.mouse.move(200, 200);
        await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)))');
        assert.equal(await page.evaluate('window.__pwned'), undefined, `${name} ${view}: a script from the brief ran`);
        assert.equal(await page.locator('script').count(), 1, `${name} ${view}: only the preview's own script`);
        assert.equal(await page.locator('#hire-content iframe, #hire-content img, #hire-content object, #hire-content embed, #hire-content svg, #hire-content form, #hire-content base, #hire-content meta, #hire-content link, #hire-content style').count(), 0);
        const hrefs = (await page.locator('#hire-content a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))) as string[];
        for (const href of hrefs) assert.match(href, /^(https?:|mailto:)/, `${name} ${view}: link ${href}`);
        assert.equal(page.url(), `${ORIGIN}/`, 'the page did not navigate');
        assert.deepEqual(await page.evaluate('window.__posted'), [{ type: 'ready' }]);
        await assertClean(loaded);
        await page.context().close();
      }
    }
    // The markup is shown, as text.
    const loaded = await open('markup', 'kit', HOSTILE.markup);
    assert.match((await loaded.page.locator('h1').textContent()) ?? '', /<script>window.__pwned = 1<\/script>/);
    await loaded.page.context().close();
  });
});

/** Briefs that try to run script or load from outside the page through every field the preview shows. */
const HOSTILE: Record<string, string> = {
  markup: [
    'hire: 1',
    'role: "<script>window.__pwned = 1</script><img src=x onerror=\'window.__pwned = 2\'>"',
    'profile: production-coordinator',
    'engagement: "<svg onload=\'window.__pwned = 3\'>"',
    'reports_to: "<iframe src=\'https://evil.example/\'></iframe>"',
    'project: {name: "<meta http-equiv=refresh content=\'0;url=https://evil.example/\'>", location: "<base href=\'https://evil.example/\'>"}',
    'summary: |',
    '  <style>@import url(https://evil.example/x.css); body { background: url(https://evil.example/b.png) }</style>',
    '  <a href="https://evil.example/" onmouseover="window.__pwned = 4">hover</a> <object data="https://evil.example/x"></object>',
    'duties:',
    '  - "<link rel=prefetch href=https://evil.example/p><form action=https://evil.example/><input autofocus onfocus=\'window.__pwned = 5\'></form>"',
    'questions:',
    '  - id: conflict',
    '    ask: "<img src=https://evil.example/q.png>How?"',
    '    listen_for: ["<video src=https://evil.example/v.mp4 autoplay onplay=\'window.__pwned = 6\'></video>"]',
    'waive:',
    '  superiors: "<embed src=https://evil.example/e>"',
    '',
  ].join('\n'),
  markdown: [
    'hire: 1',
    'role: Production Coordinator',
    'summary: |',
    '  [click](javascript:window.__pwned=1) [data](data:text/html,<script>window.__pwned=2</script>) [vb](vbscript:x)',
    '  ![tracker](https://evil.example/pixel.png) <https://evil.example/autolink> https://evil.example/linkify',
    '  [ref][r] [title](https://example.com/ "x\\" onmouseover=\\"window.__pwned=3")',
    '',
    '  [r]: javascript:window.__pwned=4',
    'duties:',
    '  - "**bold** `<script>window.__pwned=5</script>` [x](JaVaScRiPt:window.__pwned=6) [y](  javascript:alert(1))"',
    'questions:',
    '  - id: conflict',
    '    ask: How do you handle conflict?',
    '    why: "[file](file:///etc/passwd) [rel](../../secret) [proto](//evil.example/x)"',
    '',
  ].join('\n'),
};
