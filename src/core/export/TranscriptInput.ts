import type { Attachment, Author, SystemEvent } from '../protocol/index.js';

/** A message as the export needs it (a `ClientMessage` fits). */
export interface TranscriptMessage {
  author: Author;
  text: string;
  attachments: readonly Attachment[];
  createdAt: string;
  system?: SystemEvent;
  state?: 'pending' | 'sent' | 'failed';
}

/**
 * Everything worded comes in from the caller, already in the visitor's language, so the
 * builders stay free of i18n and of the DOM.
 */
export interface TranscriptOptions {
  /** E.g. "Parley Support — conversation PR-1042". */
  title: string;
  /** Lines under the title, e.g. "Exported 1 November 2026, 14:05". */
  details?: readonly string[];
  /** BCP 47 language of the wording, for `<html lang>`. */
  lang: string;
  dir: 'ltr' | 'rtl';
  authorName(message: TranscriptMessage): string;
  formatTime(iso: string): string;
  /** The line for a system event, e.g. "Alex joined the conversation". */
  systemText(message: TranscriptMessage): string;
  /** An attachment as text, e.g. "statement.pdf (120 KB)". */
  attachmentText(attachment: Attachment): string;
}

/** Messages worth exporting: delivered or still on their way, not ones that failed. */
export function exportable(messages: readonly TranscriptMessage[]): TranscriptMessage[] {
  return messages.filter((message) => message.state !== 'failed');
}
