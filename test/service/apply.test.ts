/**
 * The optional `apply` section: how candidates apply (contact, deadline,
 * what to send), validated by the schema, completed and explained in the
 * editor, and shown at the end of the job posting.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service/languageService';
import { applyCompletion, labelsAt } from '../support/completion';
import { brief, withCursor } from '../support/documents';

const service = getLanguageService();
const HEAD = 'hire: 1\nrole: Key Grip\n';
const APPLY = `${HEAD}apply:\n  contact: jobs@night-market.example\n  deadline: 2027-01-08\n  send:\n    - A résumé\n    - Two references\n`;

/** The findings of a text as `code "text at the range"`. */
function findings(text: string): string[] {
  const document = brief(text);
  return service.validate(document).map((d) => `${d.code} ${JSON.stringify(document.getText(d.range))}`);
}

function render(text: string, format: 'md' | 'html'): string {
  return service.render(brief(text), { format, view: 'posting' })!.content;
}

describe('apply: the schema', () => {
  it('takes an email address or a web address, a date and a list of what to send', () => {
    assert.deepEqual(findings(APPLY), []);
    for (const contact of ['mailto:jobs@example.com', 'https://night-market.example/jobs', 'http://example.org/apply?role=poc']) {
      assert.deepEqual(findings(`${HEAD}apply:\n  contact: ${JSON.stringify(contact)}\n`), [], contact);
    }
  });

  it('rejects anything else on the value at fault, saying what is expected', () => {
    for (const contact of ['jobs at night market', 'jobs@localhost', 'https://nowhere', 'javascript:alert(1)', 'ftp://example.com/a']) {
      const document = brief(`${HEAD}apply:\n  contact: ${JSON.stringify(contact)}\n`);
      const found = service.validate(document);
      assert.deepEqual(found.map((d) => [d.code, document.getText(d.range)]), [['schema', JSON.stringify(contact)]], contact);
      assert.match(found[0].message as string, /neither an email address nor a web address/);
    }
    assert.deepEqual(findings(`${HEAD}apply:\n  contact: a@b.example\n  deadline: 2027-02-30\n`), ['schema "2027-02-30"']);
    assert.deepEqual(findings(`${HEAD}apply:\n  deadline: 2027-01-08\n`), ['schema "apply"']);
    assert.deepEqual(findings(`${HEAD}apply:\n  contact: a@b.example\n  sned: []\n`), ['schema "sned"']);
  });

  it('is a placeholder like any other value while it holds scaffold text', () => {
    assert.deepEqual(findings(`${HEAD}apply:\n  contact: a@b.example\n  send: [TBD]\n`), ['placeholder "TBD"']);
  });
});

describe('apply: editing', () => {
  it('is completed as a top-level key, and its keys inside it', () => {
    assert.ok(labelsAt(`${HEAD}|`).includes('apply'));
    assert.deepEqual(labelsAt(`${HEAD}apply:\n  |`).filter((label) => ['contact', 'deadline', 'send'].includes(label)), ['contact', 'deadline', 'send']);
    assert.equal(applyCompletion(`${HEAD}apply:\n  dead|`, 'deadline'), `${HEAD}apply:\n  deadline: `);
  });

  it('explains its keys on hover', () => {
    const { document, position } = withCursor(`${HEAD}apply:\n  con|tact: a@b.example\n`);
    const hover = service.doHover(document, position);
    assert.match((hover!.contents as MarkupContent).value, /email address/);
    const section = withCursor(`${HEAD}app|ly:\n  contact: a@b.example\n`);
    assert.match((service.doHover(section.document, section.position)!.contents as MarkupContent).value, /How to apply/);
  });
});

describe('apply: the posting', () => {
  it('ends the posting with where to apply as a link, the deadline and what to send', () => {
    const md = render(APPLY, 'md');
    assert.match(md, /## How to apply\n\nApply to \[jobs@night-market\.example\]\(mailto:jobs@night-market\.example\) by 8 January 2027\.\n\nPlease send:\n\n- A résumé\n- Two references\n$/);
    const html = render(APPLY, 'html');
    assert.match(html, /<section class="apply">\n<h2>How to apply<\/h2>\n<p>Apply to <a href="mailto:jobs@night-market\.example">jobs@night-market\.example<\/a> by 8 January 2027\.<\/p>/);
    assert.ok(html.lastIndexOf('<section') === html.indexOf('<section class="apply">'), 'the last section');
    assert.match(render(`${HEAD}apply:\n  contact: "https://example.com/jobs?a=1&b=(2)"\n`, 'md'), /Apply to \[https:\/\/example\.com\/jobs\?a=1&b=\(2\)\]\(https:\/\/example\.com\/jobs\?a=1&b=%282%29\)\./);
  });

  it('links nothing that is not an email or web address: the text is shown as it is, escaped', () => {
    const html = render(`${HEAD}apply:\n  contact: "javascript:alert('<b>')"\n`, 'html');
    assert.doesNotMatch(html, /<a /);
    assert.match(html, /Apply to javascript:alert\('&lt;b&gt;'\)\./);
    assert.doesNotMatch(render(`${HEAD}apply:\n  contact: "javascript:alert(1)"\n`, 'md'), /\]\(/);
  });

  it('is left out of a posting without it, and of the kit', () => {
    assert.doesNotMatch(render(HEAD, 'md'), /How to apply/);
    assert.doesNotMatch(service.render(brief(APPLY), { format: 'md', view: 'kit' })!.content, /How to apply/);
  });
});
