/** A front-matter value: a scalar or a flat list, the only shapes article metadata needs. */
export type FrontMatterValue = string | string[];

export interface FrontMatter {
  data: Record<string, FrontMatterValue>;
  /** The Markdown after the closing `---`. */
  body: string;
}

/** Thrown for front matter this parser does not understand; `line` is 1-based in the file. */
export class FrontMatterError extends Error {
  override name = 'FrontMatterError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const KEY_VALUE = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/;
const LIST_ITEM = /^\s*-\s+(.*)$/;

/**
 * Parses the tiny YAML subset used by knowledge-base articles: `key: value` scalars (optionally
 * quoted), inline lists `[a, "b"]` and block lists of `- item` lines. Anything else is an error
 * rather than a guess, so a typo in an article is reported instead of silently dropped.
 *
 * @example
 * parseFrontMatter('---\nid: fees\ntags: [fees, limits]\n---\n# Fees');
 * // { data: { id: 'fees', tags: ['fees', 'limits'] }, body: '# Fees' }
 */
export function parseFrontMatter(source: string): FrontMatter {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return { data: {}, body: text };
  const end = lines.findIndex((line, index) => index > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (end < 0) throw new FrontMatterError('front matter opened with --- is never closed with ---', 1);

  const data: Record<string, FrontMatterValue> = {};
  let listKey: string | null = null;
  for (let index = 1; index < end; index++) {
    const line = lines[index] as string;
    const lineNo = index + 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const item = LIST_ITEM.exec(line);
    if (item && listKey !== null) {
      (data[listKey] as string[]).push(unquote(stripComment(item[1] as string), lineNo));
      continue;
    }
    const pair = KEY_VALUE.exec(line);
    if (!pair) throw new FrontMatterError(`"${line.trim()}" is not "key: value"`, lineNo);
    const key = pair[1] as string;
    const raw = stripComment(pair[2] as string).trim();
    if (key in data) throw new FrontMatterError(`"${key}" is given twice`, lineNo);
    listKey = null;
    if (raw === '') {
      // `tags:` followed by `- item` lines.
      data[key] = [];
      listKey = key;
    } else if (raw.startsWith('[')) {
      if (!raw.endsWith(']')) throw new FrontMatterError(`the list of "${key}" must end with ]`, lineNo);
      data[key] = splitList(raw.slice(1, -1), lineNo);
    } else {
      data[key] = unquote(raw, lineNo);
    }
  }
  return { data, body: lines.slice(end + 1).join('\n') };
}

/** Drops a trailing ` # comment` that is outside quotes. */
function stripComment(value: string): string {
  let quote: string | null = null;
  for (let index = 0; index < value.length; index++) {
    const char = value[index] as string;
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '#' && (index === 0 || /\s/.test(value[index - 1] as string))) {
      return value.slice(0, index);
    }
  }
  return value;
}

/** Splits `a, "b, c", 'd'` on commas outside quotes. */
function splitList(inner: string, lineNo: number): string[] {
  const items: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const char of inner) {
    if (quote) {
      current += char;
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      current += char;
      quote = char;
    } else if (char === ',') {
      items.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (quote) throw new FrontMatterError(`a list item opened with ${quote} is never closed`, lineNo);
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== '').map((item) => unquote(item, lineNo));
}

function unquote(value: string, lineNo: number): string {
  const trimmed = value.trim();
  const first = trimmed[0];
  if (first !== '"' && first !== "'") return trimmed;
  if (trimmed.length < 2 || trimmed[trimmed.length - 1] !== first) {
    throw new FrontMatterError(`the value ${trimmed} opens a ${first} quote that is never closed`, lineNo);
  }
  const inner = trimmed.slice(1, -1);
  return first === '"' ? inner.replace(/\\(["\\])/g, '$1') : inner.replace(/''/g, "'");
}
