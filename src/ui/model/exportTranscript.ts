import type { ClientMessage, Conversation, Translator } from '../../core/index.js';
// The builders from their folder, not the core barrel, so they stay in this lazy chunk (see
// secretGuardChunk.ts).
import { transcriptToHtml, transcriptToText, type TranscriptOptions } from '../../core/export/index.js';
import { downloadBlob } from './downloadBlob.js';
import { formatFileSize } from './formatFileSize.js';
import { authorName, systemText } from './messageText.js';

export interface TranscriptSource {
  messages: readonly ClientMessage[];
  conversation: Conversation | null;
  brand: string;
}

/**
 * Saves the conversation as a `.txt` or a self-contained `.html` file, worded in the visitor's
 * language. Its own chunk: only loaded when the visitor asks for a transcript.
 */
export function exportTranscript(doc: Document, t: Translator, source: TranscriptSource, format: 'txt' | 'html'): void {
  const ref = source.conversation?.ref;
  const now = new Date();
  const options: TranscriptOptions = {
    title: ref ? t('export.title', { brand: source.brand, ref }) : t('export.titleNoRef', { brand: source.brand }),
    details: [t('export.exported', { date: t.formatDate(now, { dateStyle: 'long', timeStyle: 'short' }) })],
    lang: t.language,
    dir: t.dir,
    authorName: (message) => authorName(t, message.author),
    formatTime: (iso) => t.formatDate(iso, { dateStyle: 'short', timeStyle: 'short' }),
    systemText: (message) => systemText(t, message),
    attachmentText: (attachment) => `${attachment.name} (${formatFileSize(t, attachment.size)})`,
  };
  const body = format === 'html' ? transcriptToHtml(source.messages, options) : transcriptToText(source.messages, options);
  const day = now.toISOString().slice(0, 10);
  const name = `transcript-${(ref ?? 'chat').replace(/[^\w-]+/g, '')}-${day}.${format}`;
  // A BOM, so Windows Notepad and Excel read the UTF-8 text as UTF-8.
  downloadBlob(doc, format === 'txt' ? ['\uFEFF', body] : [body], name);
}
