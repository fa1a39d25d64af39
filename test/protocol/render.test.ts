/**
 * `hire/render` over stdio: the server renders the version it has, with the
 * user's severities, and answers null for what it cannot render.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RenderRequest, type RenderParams } from '../../server/src/protocol';
import { ROOT } from '../support/documents';
import { startServer, type TestServer } from '../support/lspClient';

const gaps = readFileSync(path.join(ROOT, 'samples/gaps.hire.yaml'), 'utf8');

describe('hire/render', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({}, { diagnostics: { severity: { 'missing-question': 'off' } } });
  });
  after(async () => {
    await server.stop();
  });

  const render = (params: RenderParams) => server.connection.sendRequest(RenderRequest.type, params);

  it('renders the version the server has, as the golden says', async () => {
    const uri = 'file:///work/gaps.hire.yaml';
    const published = server.nextDiagnostics(uri);
    server.open(uri, gaps, 3);
    await published;
    const posting = await render({ uri, format: 'html', view: 'posting' });
    assert.equal(posting?.version, 3);
    assert.equal(posting?.title, 'Production Coordinator — Harbour Lights');
    assert.equal(`${posting?.content}\n`, readFileSync(path.join(ROOT, 'test/golden/gaps.posting.html'), 'utf8'));

    server.change(uri, gaps.replace('Harbour Lights', 'Harbour Nights'), 4);
    const changed = await render({ uri, format: 'md', view: 'posting', showRate: true });
    assert.equal(changed?.version, 4);
    assert.match(changed?.content ?? '', /Harbour Nights/);
    assert.match(changed?.content ?? '', /\*\*Rate:\*\* 320 CAD per day/);
  });

  it('lists the findings in the kit when asked (the preview panel), with the user\'s severities, and never in an export', async () => {
    const kit = await render({ uri: 'file:///work/gaps.hire.yaml', format: 'md', view: 'kit', findings: true });
    assert.match(kit?.content ?? '', /`missing-skill`/);
    assert.doesNotMatch(kit?.content ?? '', /`missing-question`/);
    const exported = await render({ uri: 'file:///work/gaps.hire.yaml', format: 'html', view: 'kit', standalone: true });
    assert.doesNotMatch(exported?.content ?? '', /Open findings|`missing-skill`/);
  });

  it('answers null for a document it does not have or cannot read', async () => {
    assert.equal(await render({ uri: 'file:///work/unknown.hire.yaml', format: 'html' }), null);
    const uri = 'file:///work/list.hire.yaml';
    server.open(uri, '- a\n- list\n', 1);
    assert.equal(await render({ uri, format: 'html' }), null);
  });
});
