/**
 * Splits text into chunks of a few words each, keeping every character (spaces and line breaks
 * stay with the word before them), so the chunks always join back into exactly `text`.
 *
 * @example
 * splitIntoChunks('one two three four', 3); // ['one two three ', 'four']
 */
export function splitIntoChunks(text: string, wordsPerChunk: number): string[] {
  const words = text.match(/^\s+|\S+\s*/g) ?? [];
  const chunks: string[] = [];
  for (let index = 0; index < words.length; index += wordsPerChunk) {
    chunks.push(words.slice(index, index + wordsPerChunk).join(''));
  }
  return chunks;
}
