import type { SecretFinding } from './SecretFinding.js';
import { sha256 } from './sha256.js';

/** Mnemonic lengths whose checksum BIP-39 defines: 128…256 bits of entropy. */
const CHECKSUM_LENGTHS = new Set([12, 15, 18, 21, 24]);
const MIN_WORDS = 12;
const MAX_PHRASE_WORDS = 24;

// A letter run. Unicode-aware, so "abandonя" is one token that is not a list word.
const TOKEN = /\p{L}+/gu;
// What may stand between two words of a pasted phrase: spaces, newlines, commas, semicolons,
// dashes, bars or quotes (a pasted JSON array), optionally with list numbering ("2.", "2)",
// "#2", "2:", "2 -"). A full stop is not a separator, so a run never crosses a sentence boundary.
const SEPARATOR = /^[\s,;|•·–—"'`-]+(?:#?\d{1,2}\s*[.):–—-]?[\s"'`]*)?$/u;

// Common English words that are also BIP-39 words. A run that fails the checksum and holds
// several of them is a sentence ("you can also make this work when…"), not a mistyped phrase.
const SENTENCE_WORDS = new Set(
  ('about above across after again all also among any around because before behind below ' +
    'between can come during either else enough even ever every few first have into just know ' +
    'like make more never next now off once one only other over own people same say since still ' +
    'such that then there they this two under until what when where will want way with you your').split(' '),
);
const SENTENCE_WORD_LIMIT = 3;
// List words next to a verified phrase that are left out of the finding ("… zoo please help").
const MAX_EXTRA_WORDS = 3;
// Checksums tried per run when looking for a phrase inside a longer run of list words.
const MAX_WINDOW_CHECKS = 512;

export interface Wordlist {
  /** Word → its index in the list. */
  indexOf: ReadonlyMap<string, number>;
  /** First four letters of each word: BIP-39 words are unique in their first four letters. */
  prefixes: ReadonlySet<string>;
  /** Each word with one letter left out, to recognise a word typed with a letter missing. */
  deletions: ReadonlySet<string>;
}

export function toWordlist(words: readonly string[]): Wordlist {
  const indexOf = new Map<string, number>();
  const prefixes = new Set<string>();
  const deletions = new Set<string>();
  words.forEach((word, index) => {
    indexOf.set(word, index);
    if (word.length >= 4) prefixes.add(word.slice(0, 4));
    for (let i = 0; i < word.length; i++) deletions.add(word.slice(0, i) + word.slice(i + 1));
  });
  return { indexOf, prefixes, deletions };
}

interface Token {
  word: string;
  start: number;
  end: number;
}

/**
 * True when the text holds a run of at least 12 tokens that could be list words or typos of
 * them (three to nine ASCII letters, joined by phrase separators). Cheap and list-free: only
 * then is the 2048-word list loaded.
 */
export function mayHoldMnemonic(text: string): boolean {
  let run = 0;
  let previous: Token | null = null;
  for (const token of tokens(text)) {
    const plausible = /^[a-z]{3,9}$/i.test(token.word);
    if (!plausible) {
      run = 0;
    } else if (previous && run > 0 && SEPARATOR.test(text.slice(previous.end, token.start))) {
      run += 1;
    } else {
      run = 1;
    }
    if (run >= MIN_WORDS) return true;
    previous = token;
  }
  return false;
}

/**
 * Finds BIP-39 mnemonics: runs of 12 or more consecutive list words with nothing but phrase
 * separators between them.
 * - A run, or a 12–24-word stretch of it, whose checksum holds is always reported.
 * - Any other run (a typo, a swapped word) is reported too unless it reads like a sentence:
 *   three or more common English words such as "you", "this", "when".
 * - One mistyped word inside a run (a token whose first four letters, or all letters but one,
 *   match a list word) does not break it: a phrase with one wrong word is still a stolen wallet.
 */
export async function detectMnemonics(text: string, list: Wordlist): Promise<SecretFinding[]> {
  const findings: SecretFinding[] = [];
  let run: Array<Token & { index: number | null }> = [];
  let misses = 0;
  let previous: Token | null = null;

  const flush = async () => {
    if (run.length >= MIN_WORDS) {
      const finding = await judgeRun(run);
      if (finding) findings.push(finding);
    }
    run = [];
    misses = 0;
  };

  for (const token of tokens(text)) {
    const word = token.word.toLowerCase();
    const index = list.indexOf.get(word);
    const joined = previous !== null && run.length > 0 && SEPARATOR.test(text.slice(previous.end, token.start));
    if (!joined) await flush();
    if (index !== undefined) {
      run.push({ ...token, index });
    } else if (isNearMiss(word, list)) {
      // A second typo ends the run; this one may begin the next.
      if (misses > 0) await flush();
      run.push({ ...token, index: null });
      misses = 1;
    } else {
      await flush();
    }
    previous = token;
  }
  await flush();
  return findings;
}

async function judgeRun(run: ReadonlyArray<Token & { index: number | null }>): Promise<SecretFinding | null> {
  const span = (from: number, to: number, label: string): SecretFinding => ({
    kind: 'mnemonic',
    start: (run[from] as Token).start,
    end: (run[to - 1] as Token).end,
    label,
  });
  if (await isVerified(run)) return span(0, run.length, 'bip39');
  const prose = run.filter((t) => SENTENCE_WORDS.has(t.word.toLowerCase())).length >= SENTENCE_WORD_LIMIT;
  // A long run that is not prose is reported whole whatever its stretches say; skipping the
  // search keeps a pasted wall of list words from costing thousands of digests.
  if (!prose && run.length > MAX_PHRASE_WORDS + MAX_EXTRA_WORDS) return span(0, run.length, 'bip39-unverified');

  // A verified phrase inside a longer run: the phrase plus "please help", or a word before it.
  // Every stretch that verifies is kept (a random one passes a 4-bit checksum 1 time in 16, so
  // choosing one could cut the real phrase short). With a few words around them only those
  // stretches are reported; with more, the whole run, since a sentence of list words around a
  // real phrase must not let the phrase through.
  const long = run.length > MAX_PHRASE_WORDS + MAX_EXTRA_WORDS;
  let first = Infinity;
  let last = -Infinity;
  let checks = 0;
  search: for (const length of CHECKSUM_LENGTHS) {
    for (let from = 0; from + length <= run.length; from++) {
      // Crafted input could make this search long; past the budget, fail closed.
      if (++checks > MAX_WINDOW_CHECKS) return span(0, run.length, 'bip39-unverified');
      if (!(await isVerified(run.slice(from, from + length)))) continue;
      first = Math.min(first, from);
      last = Math.max(last, from + length);
      // In a long run one verified stretch already means the whole run is reported.
      if (long) break search;
    }
  }
  if (last > first) {
    return run.length - (last - first) <= MAX_EXTRA_WORDS ? span(first, last, 'bip39') : span(0, run.length, 'bip39');
  }
  return prose ? null : span(0, run.length, 'bip39-unverified');
}

async function isVerified(run: ReadonlyArray<{ index: number | null }>): Promise<boolean> {
  if (!CHECKSUM_LENGTHS.has(run.length)) return false;
  const indices = run.map((t) => t.index);
  return indices.every((i): i is number => i !== null) && hasValidChecksum(indices);
}

/** A word one typo away from a list word: same first four letters, or one letter off. */
function isNearMiss(word: string, list: Wordlist): boolean {
  if (!/^[a-z]{4,9}$/.test(word)) return false;
  if (list.prefixes.has(word.slice(0, 4)) || list.deletions.has(word)) return true;
  for (let i = 0; i < word.length; i++) {
    const rest = word.slice(0, i) + word.slice(i + 1);
    // An extra letter typed in.
    if (list.indexOf.has(rest)) return true;
    // One letter changed.
    for (let code = 97; code <= 122; code++) {
      if (list.indexOf.has(word.slice(0, i) + String.fromCharCode(code) + word.slice(i + 1))) return true;
    }
  }
  return false;
}

/**
 * BIP-39: the words are 11-bit indices; the last `n / 3` bits are the first bits of SHA-256 of
 * the entropy that the other bits make up.
 */
export async function hasValidChecksum(indices: readonly number[]): Promise<boolean> {
  const totalBits = indices.length * 11;
  const checksumBits = totalBits / 33;
  if (!Number.isInteger(checksumBits)) return false;
  let value = 0n;
  for (const index of indices) value = (value << 11n) | BigInt(index);
  const checksum = Number(value & ((1n << BigInt(checksumBits)) - 1n));
  let entropyValue = value >> BigInt(checksumBits);
  const entropy = new Uint8Array((totalBits - checksumBits) / 8);
  for (let i = entropy.length - 1; i >= 0; i--) {
    entropy[i] = Number(entropyValue & 0xffn);
    entropyValue >>= 8n;
  }
  const digest = await sha256(entropy);
  return (digest[0] as number) >> (8 - checksumBits) === checksum;
}

function* tokens(text: string): Generator<Token> {
  for (const match of text.matchAll(TOKEN)) {
    yield { word: match[0], start: match.index, end: match.index + match[0].length };
  }
}
