import type { ComponentChildren, VNode } from 'preact';
import type { Inline } from './parseInline.js';
import { parseMarkdown, type Block } from './parseMarkdown.js';

function renderInline(nodes: Inline[]): ComponentChildren[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'break':
        return <br key={i} />;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(node.children)}</em>;
      case 'link':
        return (
          <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">
            {renderInline(node.children)}
          </a>
        );
    }
  });
}

/**
 * Renders message text as Preact nodes: text always goes in as text, so markup in a message
 * can never become HTML (no innerHTML anywhere). Each block gets `dir="auto"`, so an Arabic
 * line in an English conversation still reads right to left.
 *
 * @example
 * ```tsx
 * <div class="rich">{renderMarkdown('**Hi!** See https://example.com')}</div>
 * ```
 */
export function renderMarkdown(source: string): VNode[] {
  return renderBlocks(parseMarkdown(source));
}

/**
 * Renders already parsed blocks. Components cache the blocks (plain data), never the nodes: a
 * cached Preact node keeps a link to the tree it was first rendered in, so caching nodes across
 * renders keeps every old tree alive (memory grew with the square of the message count).
 */
export function renderBlocks(blocks: readonly Block[]): VNode[] {
  return blocks.map((block, i) => {
    switch (block.type) {
      case 'paragraph':
        return <p key={i} dir="auto">{renderInline(block.children)}</p>;
      // One level for all: in a chat bubble or a help article a heading is a section title.
      case 'heading':
        return <h3 key={i} class="md-heading" dir="auto">{renderInline(block.children)}</h3>;
      case 'code':
        // Code reads left to right whatever the language around it.
        return (
          <pre key={i} dir="ltr">
            <code>{block.text}</code>
          </pre>
        );
      case 'list': {
        const items = block.items.map((item, j) => <li key={j}>{renderInline(item)}</li>);
        return block.ordered ? (
          <ol key={i} dir="auto" start={block.start}>
            {items}
          </ol>
        ) : (
          <ul key={i} dir="auto">
            {items}
          </ul>
        );
      }
    }
  });
}
