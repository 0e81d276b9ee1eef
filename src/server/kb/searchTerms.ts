/**
 * Query terms for the FTS5 index. The `unicode61` tokenizer does not stem, so words are cut to
 * a rough stem here and searched as prefixes: "withdrawals" finds "withdrawal", and a Russian
 * "вывода" or "депозиты" finds "вывод" and "депозит". Every query is also a prefix query, which
 * is what search-as-you-type needs ("depo" finds "deposit").
 */

const STOPWORDS = new Set(
  [
    // English
    'a an the and or but if of to in on at by for with from into onto about as is are was were be been being',
    'am do does did done have has had having i me my mine we our us you your he she it its they them their',
    'this that these those there here what which who whom whose when where why how can could would should',
    'will shall may might must not no yes so too very just also still yet again please hi hello hey thanks',
    'thank any some all get got help need want know tell',
    // Russian
    'и в во на не но а или что как это то так же ли бы по к ко с со у о об от до из за для при без над под',
    'я мы ты вы он она оно они мне меня мой моя моё мое мои нас наш ваш вас вам вам его её ее их им',
    'есть был была было были будет уже ещё еще только очень здравствуйте привет спасибо пожалуйста',
    'можно нужно надо почему когда где какой какая какие кто чем мой',
  ]
    .join(' ')
    .split(' '),
);

const RU_ENDINGS = [
  'иями', 'ями', 'ами', 'иях', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ешь', 'ить', 'ать', 'ять', 'еть',
  'ют', 'ут', 'ет', 'ит', 'ат', 'ят', 'ем', 'им', 'ом', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ей', 'ой',
  'ый', 'ий', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ых', 'их', 'ую', 'юю', 'ла', 'ло', 'ли',
  'а', 'я', 'ы', 'и', 'у', 'ю', 'е', 'о', 'ь', 'й',
];
const EN_ENDINGS = ['ings', 'ing', 'ied', 'ies', 'ed', 'es', 's'];
/** Stems shorter than this match too many words as prefixes. */
const MIN_STEM = { ru: 4, en: 3 };
const RU_VOWELS = 'аяыиуюеоь';

/** Lower-cased words of `text`, `ё` folded to `е` as the index does. */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** A rough stem: an inflectional ending removed when enough of the word is left. */
export function stem(word: string): string {
  const russian = /[а-я]/.test(word);
  if (!russian && !/^[a-z]+$/.test(word)) return word;
  const min = russian ? MIN_STEM.ru : MIN_STEM.en;
  // Reflexive verbs end in -ся/-сь after their own ending ("зачисляется" → "зачисляет" → "зачисл").
  const base = russian && /(ся|сь)$/.test(word) && word.length - 2 >= min ? word.slice(0, -2) : word;
  const ending = (russian ? RU_ENDINGS : EN_ENDINGS).find((e) => base.endsWith(e) && base.length - e.length >= min);
  if (ending === undefined) return base;
  const cut = base.slice(0, -ending.length);
  // Russian nouns in -ия/-ие keep a vowel after the first cut ("комиссия" → "комисси" → "комисс").
  const last = cut[cut.length - 1];
  return russian && last !== undefined && RU_VOWELS.includes(last) && cut.length - 1 >= min ? cut.slice(0, -1) : cut;
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/**
 * Distinct stems of the words that carry meaning. When every word is a stopword, all of them
 * (someone typing "how" wants results), unless `meaningfulOnly` (the bot: "hello there" is not
 * a question about anything).
 */
export function searchStems(text: string, options: { maxTerms?: number; meaningfulOnly?: boolean } = {}): string[] {
  const words = tokenize(text);
  const meaningful = words.filter((word) => !isStopword(word));
  const chosen = meaningful.length > 0 || options.meaningfulOnly ? meaningful : words;
  const maxTerms = options.maxTerms ?? 12;
  return [...new Set(chosen.map(stem))].slice(0, maxTerms);
}

/** An FTS5 MATCH expression: every stem as a quoted prefix, joined by AND or OR. */
export function matchExpression(stems: readonly string[], join: 'AND' | 'OR'): string {
  return stems.map((s) => `"${s.replace(/"/g, '""')}"*`).join(` ${join} `);
}
