import { tokenize } from '../kb/searchTerms.js';

/** Words that ask for a human wherever they appear. */
const STRONG = ['human', 'operator', 'оператор', 'специалист', 'живой', 'живого', 'живым'];
/** Words that ask for a human in a short message only: "agent" or "человек" also occur in stories. */
const WEAK = ['agent', 'person', 'someone', 'representative', 'manager', 'человек', 'сотрудник', 'менеджер', 'консультант'];
const SHORT_MESSAGE_WORDS = 8;

/** Whether a visitor's message asks for a person ("talk to a person", "оператор", "agent"). */
export function wantsHuman(text: string): boolean {
  const words = tokenize(text);
  // English words match with an optional plural ("person" must not match "personal"); Russian
  // ones as prefixes, for their case endings.
  const matches = (word: string, stem: string) =>
    /[а-я]/.test(stem) ? word.startsWith(stem) : word === stem || word === `${stem}s`;
  const has = (stems: readonly string[]) => words.some((word) => stems.some((stem) => matches(word, stem)));
  return has(STRONG) || (words.length <= SHORT_MESSAGE_WORDS && has(WEAK));
}
