import type { Wordlist } from './detectMnemonics.js';
import { toWordlist } from './detectMnemonics.js';

const prepared = new WeakMap<readonly string[], Wordlist>();
let english: Promise<readonly string[]> | undefined;

/**
 * The prepared list for `words`, or for the English list, which is fetched with `import()` the
 * first time: a separate chunk of about 13 KB that most messages never need.
 */
export async function loadWordlist(words?: readonly string[]): Promise<Wordlist> {
  const source = words ?? (await loadEnglish());
  let list = prepared.get(source);
  if (!list) {
    list = toWordlist(source);
    prepared.set(source, list);
  }
  return list;
}

function loadEnglish(): Promise<readonly string[]> {
  english ??= import('./bip39English.js').then(
    (m) => m.bip39English,
    (error: unknown) => {
      // A chunk that failed to load (offline, a deploy in between) is tried again next time.
      english = undefined;
      throw error;
    },
  );
  return english;
}
