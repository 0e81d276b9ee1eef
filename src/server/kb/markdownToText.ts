/**
 * Plain text of an article's Markdown, for the search index and excerpts: an excerpt full of
 * `##` and `**` would read badly in a suggestion list, and markup must not match queries.
 */
export function markdownToText(markdown: string): string {
  const lines: string[] = [];
  let inFence = false;
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*```/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      lines.push(raw.trim());
      continue;
    }
    const heading = /^\s*#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw);
    if (heading) {
      // A heading runs into the next paragraph without markup, so it gets a full stop.
      const text = inline(heading[1] as string);
      lines.push(/[.!?:…]$/.test(text) ? text : `${text}.`);
      continue;
    }
    const line = raw
      .replace(/^\s*>\s?/, '')
      .replace(/^\s*(?:[-*+•]|\d{1,9}[.)])\s+/, '')
      .trim();
    if (line !== '' && !/^([-*_])\1{2,}$/.test(line)) lines.push(inline(line));
  }
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}

function inline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}])[*_]([^*_\n]+)[*_](?=$|[^\p{L}\p{N}])/gu, '$1$2')
    .replace(/\\([\\`*_[\]()#+\-.!~>])/g, '$1');
}
