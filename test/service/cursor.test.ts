import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorContext, nodeAt, pathPattern } from '../../server/src/service/cursor';
import { schemaAt } from '../../server/src/service/schema';
import { parseText } from '../../server/src/service/parse';

/** The context at the `|` cursor, as `kind path [keys] word` (`~` marks flow, `:` a colon after the word). */
function contextAt(text: string): string | undefined {
  const offset = text.indexOf('|');
  const plain = text.slice(0, offset) + text.slice(offset + 1);
  const context = cursorContext(plain, offset);
  if (!context) return undefined;
  const keys = context.keys.length ? ` [${context.keys.join(',')}]` : '';
  return `${context.kind}${context.flow ? '~' : ''} ${JSON.stringify(context.path)}${keys} ${JSON.stringify(plain.slice(context.word.start, context.word.end))}${context.colonAfter ? ':' : ''}`;
}

describe('cursorContext', () => {
  it('finds a root key, the keys around it and the typed word', () => {
    assert.equal(contextAt('hire: 1\nro|\nprofile: x\n'), 'key [] [hire,profile] "ro"');
    assert.equal(contextAt('hire: 1\nro|le: x\n'), 'key [] [hire] "role":');
    assert.equal(contextAt('|'), 'key [] ""');
  });

  it('finds the mapping of an empty line from its indentation', () => {
    const text = 'project:\n  name: x\n  |\n  end: y\nrate:\n  amount: 1\n';
    assert.equal(contextAt(text), 'key ["project"] [name,end] ""');
    assert.equal(contextAt('project:\n  name: x\n|\nrate:\n  amount: 1\n'), 'key [] [project,rate] ""');
  });

  it('counts list items, with indented and with compact sequences', () => {
    const items = 'questions:\n  - id: a\n    ask: b\n  - id: c\n    |\n  - id: d\n';
    assert.equal(contextAt(items), 'key ["questions",1] [id] ""');
    assert.equal(contextAt('questions:\n- id: a\n- id: c\n  why: x\n  |'), 'key ["questions",1] [id,why] ""');
    assert.equal(contextAt('skills:\n  - a\n  # a comment\n\n  - b|'), 'item ["skills"] "b"');
  });

  it('tells values from keys and items', () => {
    assert.equal(contextAt('questions:\n  - id: a\n  - id: co|'), 'value ["questions",1,"id"] "co"');
    assert.equal(contextAt('rate:\n  per: |day  # unit\n'), 'value ["rate","per"] "day"');
    assert.equal(contextAt('skills:\n  - |'), 'item ["skills"] ""');
  });

  it('reads a key on the dash line of an existing item as a key of the item, with the keys below it', () => {
    const items = 'questions:\n  - id: a\n    ask: b\n  - |id: c\n    why: x\n  - id: d\n';
    assert.equal(contextAt(items), 'key ["questions",1] [why] "id":');
    assert.equal(contextAt('questions:\n  - |\n    ask: b\n'), 'key ["questions",0] [ask] ""');
    assert.equal(contextAt('questions:\n  - id: a\n  - |\n  - id: b\n'), 'item ["questions"] ""');
    assert.equal(contextAt('questions:\n  |- id: a\n'), undefined);
    assert.equal(contextAt('questions:\n  -| id: a\n'), undefined);
  });

  it('finds the list of a flow sequence', () => {
    assert.equal(contextAt('questions:\n  - id: a\n    assesses: [problem-solving, |]\n'), 'item~ ["questions",0,"assesses"] ""');
    assert.equal(contextAt('questions:\n  - id: a\n    assesses: [te|'), 'item~ ["questions",0,"assesses"] "te"');
  });

  it('finds the list of a flow sequence that spans lines, below its `[`', () => {
    const question = 'questions:\n  - id: conflict\n    ask: How do you handle conflict?\n';
    assert.equal(contextAt(`${question}    assesses: [\n      problem-solving,\n      |\n    ]\n`), 'item~ ["questions",0,"assesses"] ""');
    assert.equal(contextAt(`${question}    assesses: [problem-solving,\n      communic|`), 'item~ ["questions",0,"assesses"] "communic"');
    assert.equal(contextAt('skills: [\n  communication,\n  |\n]\n'), 'item~ ["skills"] ""');
    assert.equal(contextAt('assesses:\n  [\n    a,\n    |\n  ]\n'), 'item~ ["assesses"] ""');
    // Brackets in comments, in quotes and in a collection closed above are not the list's.
    assert.equal(contextAt('skills: [\n  # a [\n  a, "b [", \'c]\',\n  {d: [1,\n    2]},\n  |\n]\n'), 'item~ ["skills"] ""');
  });

  it('finds the keys and values of a flow mapping', () => {
    assert.equal(contextAt('hire: 1\nrate: {amount: 3, per: day, currency: |}'), 'value~ ["rate","currency"] ""');
    assert.equal(contextAt('hire: 1\nworkspace: {office: |}'), 'value~ ["workspace","office"] ""');
    assert.equal(contextAt('hire: 1\nworkspace: {tools: [Laptop], office: prov|}'), 'value~ ["workspace","office"] "prov"');
    assert.equal(contextAt('hire: 1\nrate: {amount: 3, |}'), 'key~ ["rate"] [amount] ""');
    assert.equal(contextAt('rate: {per:|}'), 'value~ ["rate","per"] ""');
    assert.equal(contextAt('waive: {experience: x, |}'), 'key~ ["waive"] [experience] ""');
    assert.equal(contextAt('waive:\n  {experience: x, |}'), 'key~ ["waive"] [experience] ""');
    assert.equal(contextAt('{hire: 1, |}'), 'key~ [] [hire] ""');
  });

  it('reads the keys of a flow mapping on both sides of the cursor, quoted or not, without the one being written', () => {
    assert.equal(contextAt('rate: {amount: 3, |, "per": day, \'max\': 1}'), 'key~ ["rate"] [amount,per,max] ""');
    assert.equal(contextAt('rate: {amount: 3, cu|r: USD, per: day}'), 'key~ ["rate"] [amount,per] "cur":');
    assert.equal(contextAt('rate: {amount: {a: 1, b: 2}, |, kit_fee: [1, 2], per: day}'), 'key~ ["rate"] [amount,kit_fee,per] ""');
    // Commas and colons in quotes separate nothing.
    assert.equal(contextAt('rate: {note: "a, b: c", |}'), 'key~ ["rate"] [note] ""');
  });

  it('finds the path through nested flow collections, counting the items before each', () => {
    const head = 'questions:\n  - {id: conflict, ask: "How, then?", ';
    assert.equal(contextAt(`${head}assesses: [problem-solving, comm|]}`), 'item~ ["questions",0,"assesses"] "comm"');
    assert.equal(contextAt('questions: [{id: |}]'), 'value~ ["questions",0,"id"] ""');
    assert.equal(contextAt('questions: [{id: a}, {id: b, ask: "x, [y"}, {id: |}]'), 'value~ ["questions",2,"id"] ""');
    assert.equal(contextAt('questions: [{id: a}, {id: b, |}]'), 'key~ ["questions",1] [id] ""');
    assert.equal(contextAt('questions: [{id: a}, {assesses: [x, {a: [|'), 'item~ ["questions",1,"assesses",1,"a"] ""');
    assert.equal(contextAt('skills: [a, [\n  |\n'), 'item~ ["skills",1] ""');
  });

  it('finds a flow mapping that spans lines, with the keys on the lines above and below', () => {
    assert.equal(contextAt('rate: {\n  amount: 1,\n  |\n}\n'), 'key~ ["rate"] [amount] ""');
    assert.equal(contextAt('rate: {\n  amount: 1, # {a\n  |\n  per: day,\n}\nworkspace:\n  office: x\n'), 'key~ ["rate"] [amount,per] ""');
    assert.equal(contextAt('questions: [\n  {id: a},\n  {\n    id: |'), 'value~ ["questions",1,"id"] ""');
    assert.equal(contextAt('questions:\n  - id: a\n    ask: How [so\n    assesses: {a: |'), 'value~ ["questions",0,"assesses","a"] ""');
  });

  it('has no context in a flow mapping after a value, in quotes, or where a collection is a key', () => {
    assert.equal(contextAt('rate: {amount: 3 |}'), undefined);
    assert.equal(contextAt('rate: {amount: 3, note: "per |"}'), undefined);
    assert.equal(contextAt('rate: {amount: 3, note: \'a, |\'}'), undefined);
    assert.equal(contextAt('questions: [{id: a} |]'), undefined);
    assert.equal(contextAt('rate: {[a]: |}'), undefined);
    assert.equal(contextAt('rate: {a: 1}}, |'), undefined);
    assert.equal(contextAt('rate: {a: 1} # {b: |'), undefined);
  });

  it('reads the block context below a flow list closed on a line above, or after a `[` in text', () => {
    assert.equal(contextAt('questions:\n  - id: a\n    assesses: [\n      b,\n    ]\n    |\n'), 'key ["questions",0] [id,assesses] ""');
    assert.equal(contextAt('questions:\n  - id: a\n    ask: How do you [handle\n      conflict\n    |\n'), 'key ["questions",0] [id,ask] ""');
    assert.equal(contextAt('notes: >\n  see [the guide\nduties:\n  - |\n'), 'item ["duties"] ""');
  });

  it('has no context in comments, text and block scalars', () => {
    assert.equal(contextAt('hire: 1 # ro|'), undefined);
    assert.equal(contextAt('summary: Runs the of|fice\n'), undefined);
    assert.equal(contextAt('summary: >\n  Runs the office\n  |\n'), undefined);
    assert.equal(contextAt('summary: >\n  [Runs the office,\n  |\n'), undefined);
  });

  it('has no context in a comment after an apostrophe or an escaped quote, and finds the next item', () => {
    assert.equal(contextAt("duties:\n  - Don't miss calls # ro|"), undefined);
    assert.equal(contextAt("duties:\n  - 'Don''t # miss' # ro|"), undefined);
    assert.equal(contextAt("duties:\n  - Don't miss calls\n  - |"), 'item ["duties"] ""');
  });

  it('reads CRLF lines', () => {
    assert.equal(contextAt('rate:\r\n  amount: 1\r\n  |\r\n'), 'key ["rate"] [amount] ""');
  });
});

describe('nodeAt', () => {
  const text = 'hire: 1\nskills:\n  - communication\nquestions:\n  - id: conflict\n    assesses: [problem-solving, teamwork]\n';
  const parsed = parseText('file:///a.hire.yaml', 1, text);
  const at = (word: string, delta = 1) => {
    const found = nodeAt(parsed, text.indexOf(word) + delta);
    return found && `${found.isKey ? 'key' : 'value'} ${pathPattern(found.path)} ${JSON.stringify(found.path)}`;
  };

  it('finds keys and values with their paths', () => {
    assert.equal(at('hire'), 'key hire ["hire"]');
    assert.equal(at('communication'), 'value skills.* ["skills",0]');
    assert.equal(at('id: conflict'), 'key questions.*.id ["questions",0,"id"]');
    assert.equal(at('conflict'), 'value questions.*.id ["questions",0,"id"]');
    assert.equal(at('teamwork'), 'value questions.*.assesses.* ["questions",0,"assesses",1]');
  });

  it('finds nothing between nodes', () => {
    assert.equal(at('\nskills', 0), undefined);
    assert.equal(at('- communication', 0), undefined);
  });
});

describe('schemaAt', () => {
  it('follows properties, items, additional properties and references', () => {
    assert.deepEqual(schemaAt(['rate', 'per'])?.enum, ['hour', 'day', 'week', 'month', 'project']);
    assert.equal(schemaAt(['questions', 3, 'id'])?.pattern, '^[a-z][a-z0-9]*(-[a-z0-9]+)*$');
    assert.equal(schemaAt(['questions', 3, 'id'])?.description, 'Kebab-case id of the question, e.g. conflict.');
    assert.equal(schemaAt(['waive', 'conflict'])?.description, 'Why this item is left out.');
    assert.equal(schemaAt(['rate', 'bonus']), undefined);
  });
});
