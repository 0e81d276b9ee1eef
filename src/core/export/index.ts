export { escapeHtml } from './escapeHtml.js';
export { transcriptToHtml } from './transcriptToHtml.js';
export { transcriptToText } from './transcriptToText.js';
export type { TranscriptMessage, TranscriptOptions } from './TranscriptInput.js';
