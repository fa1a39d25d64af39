/**
 * LSP snippet syntax (`${1:placeholder}`, `${1|a,b|}`, `$0`, `\$`): text
 * escaped for it, and a snippet as the plain text it inserts, for clients
 * that take no snippets and for edits that cannot hold them.
 */

/** Text with the characters snippet syntax gives a meaning (`\`, `$`, `}`) escaped. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/**
 * The text a snippet inserts before the user edits it: each placeholder's
 * text, each choice's first option, tab stops removed and escapes undone.
 */
export function snippetToText(snippet: string): string {
  let index = 0;
  /** Reads text up to the end of the snippet, or (`nested`) up to the `}` that closes a placeholder, which it consumes. */
  const read = (nested: boolean): string => {
    let text = '';
    while (index < snippet.length) {
      const char = snippet[index];
      if (char === '\\' && '\\$}'.includes(snippet[index + 1] ?? '')) {
        text += snippet[index + 1];
        index += 2;
      } else if (nested && char === '}') {
        index++;
        return text;
      } else if (char === '$') {
        text += tabStop();
      } else {
        text += char;
        index++;
      }
    }
    return text;
  };
  /** At a `$`: the text of the tab stop, placeholder or choice it starts (consumed); a `$` that starts none is text. */
  const tabStop = (): string => {
    const rest = snippet.slice(index);
    const bare = /^\$(?:\d+|\{\d+\})/.exec(rest);
    if (bare) {
      index += bare[0].length;
      return '';
    }
    const choice = /^\$\{\d+\|((?:\\.|[^\\,|])*)(?:,(?:\\.|[^\\,|])*)*\|\}/.exec(rest);
    if (choice) {
      index += choice[0].length;
      return choice[1].replace(/\\(.)/g, '$1');
    }
    const placeholder = /^\$\{\d+:/.exec(rest);
    if (placeholder) {
      index += placeholder[0].length;
      return read(true);
    }
    index++;
    return '$';
  };
  return read(false);
}
