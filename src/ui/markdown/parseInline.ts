import { safeHref } from './safeHref.js';

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

const ESCAPABLE = '\\`*_[]()#+-.!~>';
const URL_START = /^(?:https?:\/\/|mailto:|www\.)[^\s<>"'`]+/i;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const LINK = /^\[([^\]\n]{1,500})\]\(([^\s()]{1,2048})\)/;
const MAX_DEPTH = 4;

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}_]/u.test(c);

/** Trailing punctuation is the sentence's, not the URL's; a `)` stays if the URL opened one. */
function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0) {
    const c = url[end - 1]!;
    if ('.,;:!?\'"'.includes(c)) end--;
    else if (c === ')' && (url.slice(0, end).match(/\(/g)?.length ?? 0) < (url.slice(0, end).match(/\)/g)?.length ?? 0)) end--;
    else break;
  }
  return url.slice(0, end);
}

/**
 * Parses the inline subset: `**bold**`, `*italic*`/`_italic_`, `` `code` ``, `[text](url)`,
 * bare URLs and emails, and newlines. Unsafe links stay plain text. Never produces HTML.
 */
export function parseInline(source: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  const push = (node: Inline) => {
    flush();
    out.push(node);
  };

  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const rest = source.slice(i);
    const prev = source[i - 1];

    if (c === '\\' && ESCAPABLE.includes(source[i + 1] ?? '')) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (c === '\n') {
      push({ type: 'break' });
      i++;
      continue;
    }
    if (c === '`') {
      const end = source.indexOf('`', i + 1);
      if (end > i + 1) {
        push({ type: 'code', text: source.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (depth < MAX_DEPTH && rest.startsWith('**')) {
      const end = source.indexOf('**', i + 2);
      const inner = source.slice(i + 2, end);
      if (end > i + 2 && !/^\s|\s$/.test(inner)) {
        push({ type: 'strong', children: parseInline(inner, depth + 1) });
        i = end + 2;
        continue;
      }
    }
    if (depth < MAX_DEPTH && (c === '*' || c === '_') && source[i + 1] !== c && !(c === '_' && isWordChar(prev))) {
      const end = source.indexOf(c, i + 1);
      const inner = source.slice(i + 1, end);
      const after = source[end + 1];
      if (end > i + 1 && !/^\s|\s$/.test(inner) && !(c === '_' && isWordChar(after))) {
        push({ type: 'em', children: parseInline(inner, depth + 1) });
        i = end + 1;
        continue;
      }
    }
    if (c === '[') {
      const match = LINK.exec(rest);
      const href = match ? safeHref(match[2]!) : null;
      if (match && href) {
        push({ type: 'link', href, children: parseInline(match[1]!, MAX_DEPTH) });
        i += match[0].length;
        continue;
      }
    }
    if (!isWordChar(prev) && prev !== '/' && prev !== '@') {
      const url = URL_START.exec(rest);
      if (url) {
        const shown = trimUrl(url[0]);
        const href = safeHref(shown.toLowerCase().startsWith('www.') ? `https://${shown}` : shown);
        if (href) {
          push({ type: 'link', href, children: [{ type: 'text', text: shown }] });
          i += shown.length;
          continue;
        }
      }
      const email = EMAIL.exec(rest);
      if (email) {
        const shown = trimUrl(email[0]);
        const href = safeHref(`mailto:${shown}`);
        if (href) {
          push({ type: 'link', href, children: [{ type: 'text', text: shown }] });
          i += shown.length;
          continue;
        }
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}
