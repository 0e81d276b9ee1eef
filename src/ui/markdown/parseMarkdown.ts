import { parseInline, type Inline } from './parseInline.js';

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; children: Inline[] }
  | { type: 'code'; text: string; lang: string }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][] };

const FENCE = /^\s*```\s*([\w+-]*)\s*$/;
const BULLET = /^\s*[-*+•]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,9})[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

/**
 * Splits message text into blocks: paragraphs (single newlines become line breaks), fenced code,
 * bullet or numbered lists, and `#` headings (help articles use them). The small subset agents,
 * bots and articles actually use, nothing more.
 */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      endParagraph();
      const body: string[] = [];
      while (++i < lines.length && !FENCE.test(lines[i]!)) body.push(lines[i]!);
      blocks.push({ type: 'code', text: body.join('\n'), lang: fence[1] ?? '' });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endParagraph();
      blocks.push({ type: 'heading', children: parseInline(heading[1]!) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      endParagraph();
      const ordered = !!numbered;
      const items: string[] = [];
      let current = bullet ? bullet[1]! : numbered![2]!;
      const start = numbered ? Number(numbered[1]) : 1;
      for (; ; ) {
        const next = lines[i + 1];
        if (next === undefined || next.trim() === '') break;
        const item = ordered ? NUMBERED.exec(next) : BULLET.exec(next);
        if (item) {
          items.push(current);
          current = ordered ? item[2]! : item[1]!;
        } else if (/^\s+\S/.test(next) && !FENCE.test(next)) {
          current += `\n${next.trim()}`;
        } else break;
        i++;
      }
      items.push(current);
      blocks.push({ type: 'list', ordered, start, items: items.map((item) => parseInline(item)) });
      continue;
    }
    if (line.trim() === '') endParagraph();
    else paragraph.push(line);
  }
  endParagraph();
  return blocks;
}

/** The text a screen reader or a preview should get: markup removed, links as their text. */
export function toPlainText(source: string): string {
  const inline = (nodes: Inline[]): string =>
    nodes.map((n) => (n.type === 'break' ? ' ' : n.type === 'text' || n.type === 'code' ? n.text : inline(n.children))).join('');
  return parseMarkdown(source)
    .map((b) => (b.type === 'code' ? b.text : b.type === 'list' ? b.items.map(inline).join('; ') : inline(b.children)))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
