/**
 * A bound on YAML nesting checked before parsing. The `yaml` package recurses once per level and
 * runs out of stack at about 900 levels (and a later parse in the same process can then abort
 * Node), so text that nests deeper than {@link MAX_YAML_DEPTH} is refused before it is parsed.
 * Block levels are the open indentation levels plus the `- `/`? ` indicators that start a line;
 * flow levels are the open `[`/`{` that start a flow collection (after the start of a value, `:`,
 * `,`, `-`, `?`, a tag or an anchor, or inside another flow collection, outside quoted scalars
 * and comments).
 */

/** Most nesting levels a YAML file may have (the JSON reader's limit, `MAX_JSON_DEPTH`). */
export const MAX_YAML_DEPTH = 256;

/**
 * The first place where the nesting exceeds {@link MAX_YAML_DEPTH}.
 * @param text the file's text
 * @returns the 0-based offset, or undefined when the text is shallow enough
 */
export function yamlTooDeep(text: string): number | undefined {
  const indents: number[] = [];
  let block = 0;
  let flow = 0;
  let quote = '';
  for (const line of text.matchAll(/[^\r\n]*/g)) {
    const content = line[0];
    let i = 0;
    if (flow === 0) {
      i = /^ */.exec(content)![0].length;
      if (i === content.length || content[i] === '#') continue;
      while (indents.length > 0 && indents[indents.length - 1]! >= i) indents.pop();
      indents.push(i);
      block = indents.length;
      if (block > MAX_YAML_DEPTH) return line.index + i;
      while ((content[i] === '-' || content[i] === '?') && (content[i + 1] === ' ' || i + 1 === content.length)) {
        if (++block > MAX_YAML_DEPTH) return line.index + i;
        i = content.length - content.slice(i + 1).trimStart().length;
      }
    }
    let canOpen = true;
    for (; i < content.length; i++) {
      const c = content[i]!;
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote && quote === "'" && content[i + 1] === "'") i++;
        else if (c === quote) quote = '';
        continue;
      }
      if (c === '#' && (i === 0 || content[i - 1] === ' ')) break;
      if (flow > 0 && (c === '"' || c === "'")) quote = c;
      else if ((c === '[' || c === '{') && (flow > 0 || canOpen)) {
        flow++;
        if (block + flow > MAX_YAML_DEPTH) return line.index + i;
        canOpen = true;
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
      else if ((c === '!' || c === '&') && canOpen) i = content.indexOf(' ', i) < 0 ? content.length : content.indexOf(' ', i);
      else if (c !== ' ') canOpen = c === ':' || c === ',' || c === '-' || c === '?';
    }
  }
  return undefined;
}
