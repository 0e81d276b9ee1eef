/** What the first-line bot says, per language; the conversation's locale picks one. */
export interface BotCopy {
  oneArticle: string;
  alsoSee: string;
  stillStuck: string;
  noArticle: string;
  handingOff: string;
  talkToPerson: string;
  solved: string;
}

const COPY: Record<string, BotCopy> = {
  en: {
    oneArticle: 'This article may help:',
    alsoSee: 'Also see:',
    stillStuck: 'Did that answer your question? If not, a person from our team can take over.',
    noArticle:
      "I couldn't find an article that answers this. A person from our team can take over: tap “Talk to a person”.",
    handingOff: "I still couldn't find an answer, so I'm passing your question to our team. A specialist will reply here.",
    talkToPerson: 'Talk to a person',
    solved: 'That solved it',
  },
  ru: {
    oneArticle: 'Возможно, поможет эта статья:',
    alsoSee: 'Ещё по теме:',
    stillStuck: 'Это ответ на ваш вопрос? Если нет, подключим специалиста поддержки.',
    noArticle: 'Я не нашёл статьи с ответом на этот вопрос. Могу передать разговор специалисту — нажмите «Позвать оператора».',
    handingOff: 'Ответа пока не нашёл, поэтому передаю ваш вопрос специалисту. Он ответит здесь, в этом чате.',
    talkToPerson: 'Позвать оператора',
    solved: 'Вопрос решён',
  },
};

/** The copy for a locale tag such as `ru-RU`, falling back to English. */
export function botCopy(locale: string | null | undefined): BotCopy {
  const language = (locale ?? 'en').toLowerCase().split('-')[0] as string;
  return COPY[language] ?? (COPY.en as BotCopy);
}
