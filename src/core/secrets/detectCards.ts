import type { SecretFinding } from './SecretFinding.js';

// Groups of digits split by single spaces or dashes. Matching is greedy from the left, so a run
// never starts at a later group of the same number.
const DIGIT_RUN = /\d+(?:[ -]\d+)*/g;
const WORD_CHAR = /[\p{L}_]/u;
const WORD_OR_DIGIT = /[\p{L}\p{N}_]/u;
const GROUP = /\d+/g;

interface Network {
  name: string;
  lengths: readonly number[];
  /** Prefix ranges, inclusive, compared on as many leading digits as the bounds have. */
  ranges: ReadonlyArray<readonly [string, string]>;
}

const SIXTEEN_TO_NINETEEN = [16, 17, 18, 19];

// Ordered from the narrowest ranges to the widest (Maestro), so a card gets its own name.
const NETWORKS: readonly Network[] = [
  { name: 'mir', lengths: SIXTEEN_TO_NINETEEN, ranges: [['2200', '2204']] },
  { name: 'mastercard', lengths: [16], ranges: [['51', '55'], ['2221', '2720']] },
  { name: 'amex', lengths: [15], ranges: [['34', '34'], ['37', '37']] },
  { name: 'discover', lengths: SIXTEEN_TO_NINETEEN, ranges: [['6011', '6011'], ['644', '649'], ['65', '65']] },
  { name: 'jcb', lengths: SIXTEEN_TO_NINETEEN, ranges: [['3528', '3589']] },
  { name: 'diners', lengths: [14, 15, 16, 17, 18, 19], ranges: [['300', '305'], ['36', '36'], ['38', '39']] },
  { name: 'unionpay', lengths: SIXTEEN_TO_NINETEEN, ranges: [['62', '62']] },
  { name: 'visa', lengths: [13, 16, 19], ranges: [['4', '4']] },
  { name: 'maestro', lengths: [13, 14, 15, 16, 17, 18, 19], ranges: [['50', '50'], ['56', '69']] },
];

/**
 * Finds payment card numbers. Order numbers, phone numbers and account numbers are digits too,
 * so a candidate must pass all of: 13–19 digits that are not part of a longer digit run (a
 * Russian account number has 20), the Luhn check, a known network prefix with that network's
 * length, and consistent grouping (one kind of separator, groups of 3–6 digits but the last).
 * Cards may open or close a longer run of groups: "4111 1111 1111 1111 12 27" (an expiry
 * follows), "заказ 5839201 4111111111111111", or several cards in a row.
 */
export function detectCards(text: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    // Glued to a word or an IBAN's country code ("DE89 3704 …", "A1 234"): not a card.
    if (WORD_OR_DIGIT.test(text.charAt(run.index - 1))) continue;
    const groups: Group[] = [...run[0].matchAll(GROUP)].map((g) => ({
      start: run.index + g.index,
      end: run.index + g.index + g[0].length,
      digits: g[0].length,
    }));
    // A last group glued to a word ("2nd", "100USD") is not part of a number.
    if (WORD_CHAR.test(text.charAt(run.index + run[0].length))) groups.pop();

    // Cards one after another from the start of the run, then from its end backwards.
    let first = 0;
    for (let card = cardAt(text, groups, first, 1); card; card = cardAt(text, groups, first, 1)) {
      findings.push(card.finding);
      first = card.next;
    }
    const tail: SecretFinding[] = [];
    let last = groups.length - 1;
    for (let card = cardAt(text, groups, last, -1, first); card; card = cardAt(text, groups, last, -1, first)) {
      tail.unshift(card.finding);
      last = card.next;
    }
    findings.push(...tail);
  }
  return findings;
}

interface Group {
  start: number;
  end: number;
  digits: number;
}

/**
 * The longest card made of whole groups that starts at group `at` (direction 1) or ends there
 * (direction -1), never reaching past group `limit` (the first free group when going back).
 * `next` is the group to continue from.
 */
function cardAt(
  text: string,
  groups: readonly Group[],
  at: number,
  direction: 1 | -1,
  limit = 0,
): { finding: SecretFinding; next: number } | null {
  const spans: number[] = [];
  let digits = 0;
  for (let i = at; i >= limit && i < groups.length; i += direction) {
    digits += (groups[i] as Group).digits;
    if (digits > 19) break;
    if (digits >= 13) spans.unshift(i);
  }
  for (const other of spans) {
    const start = (groups[Math.min(at, other)] as Group).start;
    const end = (groups[Math.max(at, other)] as Group).end;
    const raw = text.slice(start, end);
    if (!isGrouped(raw)) continue;
    const number = raw.replace(/\D/g, '');
    const network = networkOf(number);
    if (network && luhn(number)) return { finding: { kind: 'card', start, end, label: network }, next: other + direction };
  }
  return null;
}

function isGrouped(raw: string): boolean {
  const separators = new Set(raw.replace(/\d/g, ''));
  if (separators.size === 0) return true;
  if (separators.size > 1) return false;
  const groups = raw.split(/[ -]/);
  return groups.every((group, i) => (i === groups.length - 1 ? group.length >= 1 : group.length >= 3) && group.length <= 6);
}

function networkOf(digits: string): string | null {
  for (const network of NETWORKS) {
    if (!network.lengths.includes(digits.length)) continue;
    for (const [low, high] of network.ranges) {
      const prefix = digits.slice(0, low.length);
      if (prefix >= low && prefix <= high) return network.name;
    }
  }
  return null;
}

/** The Luhn mod-10 check that every card number carries in its last digit. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
