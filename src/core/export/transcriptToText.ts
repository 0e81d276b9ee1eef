import { exportable, type TranscriptMessage, type TranscriptOptions } from './TranscriptInput.js';

/**
 * The conversation as plain text: a title, then one block per message ("[14:05] Alex: …"),
 * with attachments listed under their message. Lines end with `\n`.
 *
 * @example
 * const text = transcriptToText(client.$messages.get(), options);
 * download(new Blob([text], { type: 'text/plain;charset=utf-8' }), 'transcript.txt');
 */
export function transcriptToText(messages: readonly TranscriptMessage[], options: TranscriptOptions): string {
  const lines = [options.title, ...(options.details ?? []), ''];
  for (const message of exportable(messages)) {
    const time = options.formatTime(message.createdAt);
    if (message.system || message.author.role === 'system') {
      lines.push(`[${time}] — ${options.systemText(message)} —`);
      continue;
    }
    const [first = '', ...rest] = message.text.split(/\r\n|\r|\n/);
    lines.push(`[${time}] ${options.authorName(message)}: ${first}`.trimEnd());
    // Continuation lines are indented, so a line in a message never looks like a new message.
    for (const line of rest) lines.push(`    ${line}`.trimEnd());
    for (const attachment of message.attachments) lines.push(`    📎 ${options.attachmentText(attachment)}`);
  }
  return `${lines.join('\n')}\n`;
}
