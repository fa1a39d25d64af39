/**
 * `hire/changes` over stdio: the Changes view's content for the version the
 * server has against a base text (or between two texts), with the user's
 * severities, and null for a document it does not have.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ChangesRequest, type ChangesRequestParams } from '../../server/src/protocol';
import { ROOT } from '../support/documents';
import { startServer, type TestServer } from '../support/lspClient';

const complete = readFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), 'utf8');

describe('hire/changes', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({}, { diagnostics: { severity: { 'unassessed-skill': 'off' } } });
  });
  after(async () => {
    await server.stop();
  });

  const changes = (params: ChangesRequestParams) => server.connection.sendRequest(ChangesRequest.type, params);
  const uri = 'file:///work/night-market.hire.yaml';

  it('compares the version the server has with the base, as it changes', async () => {
    const published = server.nextDiagnostics(uri);
    server.open(uri, complete, 1);
    await published;
    const same = await changes({ uri, base: { text: complete, label: 'HEAD (1234567)' } });
    assert.equal(same?.version, 1);
    assert.deepEqual(same?.changes, []);
    assert.match(same?.content ?? '', /Changes by meaning since HEAD \(1234567\)/);
    assert.match(same?.content ?? '', /No changes by meaning/);

    server.change(uri, complete.replace('max: 400', 'max: 450').replace('  - id: conflict\n', '  - id: conflicts\n'), 2);
    const edited = await changes({ uri, base: { text: complete, label: 'HEAD (1234567)' } });
    assert.equal(edited?.version, 2);
    assert.deepEqual(edited?.changes.map((change) => [change.kind, change.path]), [['changed', 'rate.max'], ['changed', 'questions.conflict.id']]);
    assert.match(edited?.content ?? '', /<li class="hire-change hire-change-changed" data-path="rate\.max"><span class="hire-change-mark" aria-label="changed">~<\/span> The rate ceiling rises from 400 to 450 USD a day\.<\/li>/);
    // The user turned unassessed-skill off: it neither appears nor disappears.
    assert.deepEqual(edited?.findings.appeared.map((finding) => finding.code), ['missing-question']);
  });

  it('compares two texts instead of the document\'s, and escapes what they say', async () => {
    const result = await changes({
      uri,
      base: { text: complete, label: 'a1b2c3d (<first>)' },
      current: { text: complete.replace('reports_to: Production Manager', 'reports_to: "<img src=x onerror=alert(1)>"'), label: 'e4f5a6b (second)' },
    });
    assert.match(result?.content ?? '', /from a1b2c3d \(&lt;first&gt;\) to e4f5a6b \(second\)/);
    assert.match(result?.content ?? '', /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.doesNotMatch(result?.content ?? '', /<img/);
  });

  it('says why when a side does not parse; null for a document it does not have', async () => {
    const broken = await changes({ uri, base: { text: 'role: [unclosed\n', label: 'HEAD (1234567)' } });
    assert.match(broken?.error ?? '', /^Cannot compare: HEAD \(1234567\) does not parse \(line 1, column \d+\): /);
    assert.deepEqual(broken?.changes, []);
    assert.equal(await changes({ uri: 'file:///work/unknown.hire.yaml', base: { text: '', label: 'HEAD' } }), null);
  });
});
