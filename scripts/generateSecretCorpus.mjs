#!/usr/bin/env node
// Builds test/fixtures/secrets/ordinary-messages.json: ordinary support messages of a crypto
// exchange desk, half English and half Russian, that hold no secret. The secret guard's
// false-positive test runs over them. Templates × fillers with a seeded PRNG, so the file is
// reproducible: `node scripts/generateSecretCorpus.mjs` (the unit test checks it is current).
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 0x5eed;
const PER_LANGUAGE = 620;

/** mulberry32: small, fast and good enough for test data. */
function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildCorpus(seed = SEED) {
  const random = createRandom(seed);
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const pick = (items) => items[Math.floor(random() * items.length)];
  const chars = (alphabet, length) => Array.from({ length }, () => pick(alphabet)).join('');

  const HEX = '0123456789abcdef';
  const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
  const digits = (length) => String(int(1, 9)) + chars('0123456789', length - 1);

  const fill = {
    amount: () => pick([String(int(1, 999)), `${int(1, 99)}.${int(10, 99)}`, `0.${chars('0123456789', int(3, 6))}`, `${int(1, 9)} ${int(100, 999)}`, `${int(10, 99)},${int(100, 999)}.${int(10, 99)}`]),
    coin: () => pick(['BTC', 'ETH', 'USDT', 'USDC', 'TRX', 'SOL', 'TON', 'BNB', 'XRP', 'LTC', 'DOGE']),
    network: () => pick(['TRC20', 'ERC20', 'BEP20', 'Arbitrum', 'Optimism', 'Polygon', 'Solana', 'TON', 'Bitcoin', 'Lightning']),
    fiat: () => pick(['USD', 'EUR', 'RUB', 'KZT', 'UAH', 'TRY', 'AED']),
    btcAddress: () =>
      pick([
        () => `bc1q${chars(BECH32, 38)}`,
        () => `bc1p${chars(BECH32, 58)}`,
        () => `1${chars(B58, int(25, 33))}`,
        () => `3${chars(B58, 33)}`,
      ])(),
    ethAddress: () => `0x${chars('0123456789abcdefABCDEF', 40)}`,
    tronAddress: () => `T${chars(B58, 33)}`,
    solAddress: () => chars(B58, int(32, 44)),
    tonAddress: () => `UQ${chars(B58 + '-_', 46)}`,
    txHash: () => `0x${chars(HEX, 64)}`,
    txid: () => chars(HEX, 64),
    solSignature: () => chars(B58, int(86, 88)),
    explorer: () =>
      pick([
        () => `https://etherscan.io/tx/0x${chars(HEX, 64)}`,
        () => `https://bscscan.com/tx/0x${chars(HEX, 64)}`,
        () => `https://tronscan.org/#/transaction/${chars(HEX, 64)}`,
        () => `https://www.blockchain.com/explorer/transactions/btc/${chars(HEX, 64)}`,
        () => `https://blockchair.com/bitcoin/transaction/${chars(HEX, 64)}`,
        () => `https://mempool.space/tx/${chars(HEX, 64)}`,
        () => `https://arbiscan.io/tx/0x${chars(HEX, 64)}`,
        () => `https://polygonscan.com/tx/0x${chars(HEX, 64)}`,
        () => `https://solscan.io/tx/${chars(B58, 88)}`,
      ])(),
    xpub: () => `xpub6${chars(B58, 106)}`,
    order: () => pick([`A-${int(1000, 9999)}`, `#${int(100000, 9999999)}`, `${int(10000000000, 99999999999)}`, `ORD-${int(2023, 2025)}-${int(10000, 99999)}`, `P2P-${digits(9)}`]),
    ticket: () => pick([`PR-${int(1000, 9999)}`, `#${int(10000, 999999)}`, `T${int(100000, 999999)}`]),
    uid: () => digits(int(8, 10)),
    phone: () =>
      pick([
        `+7 (9${int(10, 99)}) ${int(100, 999)}-${int(10, 99)}-${int(10, 99)}`,
        `+7 9${int(10, 99)} ${int(100, 999)} ${int(10, 99)} ${int(10, 99)}`,
        `8 800 ${int(100, 999)} ${int(10, 99)} ${int(10, 99)}`,
        `+44 20 ${int(1000, 9999)} ${int(1000, 9999)}`,
        `+1 (${int(200, 999)}) ${int(200, 999)}-${int(1000, 9999)}`,
        `+49 30 ${int(100000, 999999)}`,
        `+7${digits(10)}`,
        `+380 ${int(50, 99)} ${int(100, 999)} ${int(10, 99)} ${int(10, 99)}`,
      ]),
    date: () => pick([`${int(1, 28)}.${String(int(1, 12)).padStart(2, '0')}.${int(2023, 2025)}`, `${int(2023, 2025)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`, `${int(1, 28)}/${int(1, 12)}`, pick(['yesterday', 'today', 'last Friday', 'on Monday'])]),
    time: () => `${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}`,
    iban: () => pick([`DE${int(10, 99)} ${digits(4)} ${digits(4)} ${digits(4)} ${digits(4)} ${int(10, 99)}`, `GB${int(10, 99)} NWBK ${digits(4)} ${digits(4)} ${digits(4)} ${int(10, 99)}`, `KZ${int(10, 99)}${digits(16)}`, `TR${int(10, 99)} ${digits(4)} ${digits(4)} ${digits(4)} ${digits(4)} ${digits(4)} ${int(10, 99)}`]),
    account: () => `40817810${digits(12)}`,
    bik: () => `04${digits(7)}`,
    inn: () => digits(pick([10, 12])),
    maskedCard: () => pick([`${int(2200, 2204)} **** **** ${int(1000, 9999)}`, `*${int(1000, 9999)}`, `4${digits(3)} ${digits(2)}** **** ${digits(4)}`, `•••• ${int(1000, 9999)}`]),
    wallet: () => pick(['MetaMask', 'Trust Wallet', 'Ledger Nano X', 'Trezor', 'Exodus', 'Electrum', 'Tonkeeper', 'Phantom', 'TronLink', 'Rabby', 'Coinbase Wallet', 'SafePal']),
    code: () => digits(6),
    percent: () => `${int(0, 9)}.${int(1, 99)}%`,
    sbp: () => `A${digits(4)}${chars('0123456789ABCDEF', 27)}`,
    email: () => `${pick(['ivan', 'anna', 'alex', 'maria', 'john', 'kate', 'oleg'])}.${pick(['petrov', 'smith', 'ivanova', 'lee'])}${int(1, 99)}@${pick(['gmail.com', 'mail.ru', 'yandex.ru', 'proton.me'])}`,
    memo: () => digits(int(6, 10)),
    ip: () => `${int(1, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`,
    version: () => `${int(1, 9)}.${int(0, 30)}.${int(0, 9)}`,
    count: () => pick(['12', '24', '12-word', '24-word']),
  };

  const en = [
    (f) => `Hi, I sent ${f.amount()} ${f.coin()} to my deposit address ${f.ethAddress()} ${f.date()} but it is still not credited. Tx hash: ${f.txHash()}`,
    (f) => `Deposit of ${f.amount()} USDT via ${f.network()} not showing up. txid ${f.txid()}`,
    (f) => `My withdrawal to ${f.btcAddress()} has been pending for ${int(2, 9)} hours, order ${f.order()}`,
    (f) => `Here is the transaction: ${f.explorer()}`,
    (f) => `Can you check this one? ${f.explorer()} It says success on the explorer but my balance is the same.`,
    (f) => `The hash of the transaction is ${f.txid()}, it has ${int(1, 6)} confirmations already`,
    (f) => `TXID:\n${f.txid()}\nAmount: ${f.amount()} BTC`,
    (f) => `I withdrew ${f.amount()} TRX to ${f.tronAddress()} and the transaction id is ${f.txid()}`,
    (f) => `transaction hash ${f.txHash()} — funds went to the wrong network (${f.network()} instead of ${f.network()})`,
    (f) => `Sent from ${f.wallet()}, tx ${f.txHash()}, to address ${f.ethAddress()}. What happened?`,
    (f) => `Solana tx signature ${f.solSignature()} to ${f.solAddress()}`,
    (f) => `I wrote down my ${f.count()} words on paper when I created the wallet, do I need them to log in here?`,
    (f) => `Someone on Telegram asked for my seed phrase pretending to be support. Is that you? I did not give it.`,
    (f) => `Do you ever ask for the recovery phrase? A "manager" wrote to me from ${f.phone()}`,
    (f) => `I lost my ${f.count()} seed words, can I still recover my exchange account? My UID is ${f.uid()}`,
    (f) => `Where do I find my private key in ${f.wallet()}? I don't want to share it, just want to know how to back it up.`,
    (f) => `My order ${f.order()} for ${f.amount()} ${f.coin()} was cancelled automatically, why?`,
    (f) => `Order A-${int(1000, 9999)} is stuck in "processing" since ${f.time()}`,
    (f) => `P2P deal ${f.order()}: the seller has not released the coins, I paid ${f.amount()} ${f.fiat()} from card ${f.maskedCard()}`,
    (f) => `I paid with my card ending ${int(1000, 9999)} and was charged ${f.amount()} ${f.fiat()} twice`,
    (f) => `Please call me back at ${f.phone()}, it's urgent`,
    (f) => `My phone number changed, the new one is ${f.phone()}. How do I update it for 2FA?`,
    (f) => `2FA code ${f.code()} is not accepted, I synced the time on my phone already`,
    (f) => `I lost access to Google Authenticator. Can you reset 2FA for account ${f.email()}?`,
    (f) => `KYC level 2 was rejected ${f.date()}, the reason says "document unreadable". I uploaded my passport twice.`,
    (f) => `How long does verification usually take? I submitted it ${f.date()} at ${f.time()}`,
    (f) => `What is the withdrawal fee for ${f.coin()} on ${f.network()}? The app shows ${f.amount()} but the website shows ${f.percent()}`,
    (f) => `Why is the maker fee ${f.percent()}? I have VIP ${int(1, 5)}`,
    (f) => `I want to withdraw to my bank account ${f.iban()}`,
    (f) => `SEPA transfer of ${f.amount()} EUR from ${f.iban()} on ${f.date()} still not credited`,
    (f) => `My xpub is ${f.xpub()} — can you tell if the deposit reached it?`,
    (f) => `I forgot the memo for my TON deposit to ${f.tonAddress()}, the memo should have been ${f.memo()}`,
    (f) => `XRP deposit without destination tag, tag should be ${f.memo()}, ticket ${f.ticket()}`,
    (f) => `Ticket ${f.ticket()}: any update? It has been ${int(2, 10)} days`,
    (f) => `The app crashes on version ${f.version()} when I open the futures tab`,
    (f) => `I cannot log in from IP ${f.ip()}, it says suspicious activity`,
    (f) => `Please close my account, email ${f.email()}, UID ${f.uid()}`,
    (f) => `Is staking ${f.coin()} still available? APR was ${f.percent()} last month`,
    (f) => `Thanks, all good now!`,
    (f) => `Hello, I have a question about the referral program`,
    (f) => `I also want to know when the new listing will be available, the one you announced ${f.date()}`,
    (f) => `You can see that the amount is wrong, I only received ${f.amount()} instead of ${f.amount()}`,
    (f) => `Can you tell me what happened to my funds? They were there this morning and now the balance is zero`,
    (f) => `I have been waiting for an answer about this for a long time, please help me`,
    (f) => `Just want to say thank you, the issue is solved`,
    (f) => `Is there any way to change the network after I have sent it? I used ${f.network()} by mistake.`,
    (f) => `My account was frozen after I sent funds from ${f.wallet()}. Order ${f.order()}`,
    (f) => `Address: ${f.ethAddress()}\nNetwork: ${f.network()}\nAmount: ${f.amount()} USDT\nTx: ${f.txHash()}`,
    (f) => `Block explorer shows the transfer in block ${int(18000000, 20000000)}, hash ${f.txHash()}`,
    (f) => `the contract address ${f.ethAddress()} is it the official one for the token?`,
    (f) => `Sui address 0x${chars(HEX, 64)} — can I withdraw SUI there directly?`,
    (f) => `Payment reference ${f.sbp()} (SBP), ${f.amount()} RUB`,
    (f) => `Bank account ${f.account()}, BIK ${f.bik()}, still waiting for the payout`,
    (f) => `Order number ${f.order()} placed ${f.date()} ${f.time()}`,
    (f) => `My wallet ${f.wallet()} says "insufficient gas", I have ${f.amount()} ${f.coin()} there`,
    (f) => `Hardware wallet ${f.wallet()} shows a different address than the one you gave me: ${f.btcAddress()}`,
    (f) => `When will the upgrade of the ${f.network()} network finish? Deposits are paused since ${f.date()}`,
    (f) => `Alert: someone tried to log in from ${f.ip()} at ${f.time()}, it was not me`,
    (f) => `I have a problem with my order, the price was ${f.amount()} but it filled at ${f.amount()}`,
    (f) => `Can you please explain the difference between spot and margin wallets?`,
    (f) => `Can you also check whether my other order was filled? Same pair, ${f.coin()}/${f.fiat()}`,
    (f) => `All of my friends had the same issue today, you should check the system`,
    (f) => `What about the bonus? You said that after the first deposit there would be one`,
    (f) => `I want to buy ${f.coin()} with ${f.fiat()}, which payment methods are available in my country?`,
    (f) => `Good morning, any news about ticket ${f.ticket()}?`,
    (f) => `I only have ${f.amount()} left, the rest disappeared after the update to ${f.version()}`,
    (f) => `I recorded a video of the problem, can I attach it here?`,
    (f) => `Never mind, found it in the history tab`,
    (f) => `Final answer please: will you refund the fee or not?`,
    (f) => `Hash ${f.txid()} status unconfirmed for ${int(2, 30)} hours, fee was too low I guess`,
    (f) => `The exchange rate moved while I was paying, order ${f.order()}, can you honor the original price?`,
    (f) => `pubkey 0x${chars(HEX, 64)} is my validator, how do I stake through you?`,
    (f) => `Reference number ${digits(12)}, amount ${f.amount()} ${f.fiat()}, date ${f.date()}`,
    (f) => `Card payment declined, error code ${int(10, 99)}, card ${f.maskedCard()}`,
    // Sentences built mostly from words that are also on the BIP-39 list.
    (f) => `you can also make this work if you just want to know when the order will arrive`,
    (f) => `what about the other account, have you had time to check it, because people say the same thing`,
    (f) => `I have been trying all day, the code does not work, please help, my phone is new and the app is old`,
    (f) => `Hello, I want to know about the deposit limit and the transfer fee for each network and coin`,
    (f) => `Please verify my account, I have sent the photo of my face and the document, what else do you need?`,
    (f) => `there was a problem with the update, now I can only see the price chart, not the balance or the history`,
    (f) => `my little brother used my phone and tried to buy a token, can you cancel the order before it is filled`,
    (f) => `I just want to say that the mobile app is really good, but the web version is slow in the evening`,
    (f) => `Wait, you said that the fee is zero, but now it shows a different amount, which one is correct?`,
    (f) => `I will wait, but please tell me how long it usually takes, one day or more than that`,
    (f) => `Can I use the same address again for the next deposit or do I need a new one every time?`,
    (f) => `After the upgrade the chart shows a wrong price for ${f.coin()}, also the volume is zero`,
    (f) => `Our company wants to open a corporate account, who should we talk to about the process and the fees?`,
    (f) => `describe the process: first verify, then deposit, then trade, then withdraw; is that right?`,
  ];

  const ru = [
    (f) => `Здравствуйте, отправил ${f.amount()} ${f.coin()} на адрес ${f.ethAddress()} ${f.date()}, до сих пор не зачислено. Хэш транзакции: ${f.txHash()}`,
    (f) => `Депозит ${f.amount()} USDT в сети ${f.network()} не пришёл. txid ${f.txid()}`,
    (f) => `Вывод на ${f.btcAddress()} висит уже ${int(2, 9)} часа, заявка №${digits(7)}`,
    (f) => `Вот транзакция: ${f.explorer()}`,
    (f) => `Посмотрите, пожалуйста: ${f.explorer()} В обозревателе успешно, а на балансе ничего`,
    (f) => `Хеш ${f.txid()}, подтверждений уже ${int(1, 6)}`,
    (f) => `хэш транзакции:\n${f.txid()}\nсумма ${f.amount()} BTC`,
    (f) => `Вывел ${f.amount()} TRX на ${f.tronAddress()}, ID транзакции ${f.txid()}`,
    (f) => `Хэш ${f.txHash()} — отправил не в той сети (${f.network()} вместо ${f.network()}), можно вернуть?`,
    (f) => `Отправлял из ${f.wallet()}, транзакция ${f.txHash()}, на адрес ${f.ethAddress()}. Что случилось?`,
    (f) => `Подпись транзакции Solana ${f.solSignature()}, получатель ${f.solAddress()}`,
    (f) => `Я записал свои ${f.count()} слов на бумажку, когда создавал кошелёк. Они нужны для входа на биржу?`,
    (f) => `Мне в Телеграме написали от имени поддержки и попросили сид-фразу. Это вы? Я ничего не отправлял.`,
    (f) => `Вы когда-нибудь просите фразу восстановления? Звонили с номера ${f.phone()}`,
    (f) => `Потерял свои ${f.count()} слова, смогу восстановить аккаунт на бирже? Мой UID ${f.uid()}`,
    (f) => `Где найти приватный ключ в ${f.wallet()}? Отправлять не буду, хочу сделать резервную копию.`,
    (f) => `Заявка №${digits(7)} на ${f.amount()} ${f.coin()} отменилась автоматически, почему?`,
    (f) => `Заказ ${f.order()} завис в статусе «в обработке» с ${f.time()}`,
    (f) => `P2P сделка ${f.order()}: продавец не отпускает монеты, я оплатил ${f.amount()} ${f.fiat()} с карты ${f.maskedCard()}`,
    (f) => `Оплатил картой, последние цифры ${int(1000, 9999)}, списали ${f.amount()} ₽ два раза`,
    (f) => `Перезвоните мне, пожалуйста, ${f.phone()}, срочно`,
    (f) => `Сменил номер телефона, новый ${f.phone()}. Как обновить его для 2FA?`,
    (f) => `Код 2FA ${f.code()} не принимается, время на телефоне синхронизировал`,
    (f) => `Потерял доступ к Google Authenticator. Можно сбросить 2FA для ${f.email()}?`,
    (f) => `Верификацию второго уровня отклонили ${f.date()}, причина «документ нечитаем». Паспорт загружал дважды.`,
    (f) => `Сколько обычно идёт проверка KYC? Отправил ${f.date()} в ${f.time()}`,
    (f) => `Какая комиссия за вывод ${f.coin()} в сети ${f.network()}? В приложении ${f.amount()}, а на сайте ${f.percent()}`,
    (f) => `Почему комиссия мейкера ${f.percent()}? У меня VIP ${int(1, 5)}`,
    (f) => `Хочу вывести на свой счёт ${f.account()}, БИК ${f.bik()}`,
    (f) => `Перевод ${f.amount()} EUR со счёта ${f.iban()} от ${f.date()} не зачислен`,
    (f) => `Мой xpub ${f.xpub()} — можете проверить, дошёл ли депозит?`,
    (f) => `Забыл мемо при депозите TON на ${f.tonAddress()}, мемо должен был быть ${f.memo()}`,
    (f) => `Депозит XRP без тега, тег ${f.memo()}, обращение ${f.ticket()}`,
    (f) => `Обращение ${f.ticket()}: есть новости? Прошло уже ${int(2, 10)} дней`,
    (f) => `Приложение вылетает на версии ${f.version()}, когда открываю фьючерсы`,
    (f) => `Не могу войти с IP ${f.ip()}, пишет «подозрительная активность»`,
    (f) => `Прошу закрыть аккаунт, почта ${f.email()}, UID ${f.uid()}`,
    (f) => `Стейкинг ${f.coin()} ещё доступен? В прошлом месяце доходность была ${f.percent()}`,
    (f) => `Спасибо, всё работает!`,
    (f) => `Добрый день, у меня вопрос по реферальной программе`,
    (f) => `Аккаунт заблокирован после пополнения из ${f.wallet()}, заявка №${digits(7)}`,
    (f) => `Адрес: ${f.ethAddress()}\nСеть: ${f.network()}\nСумма: ${f.amount()} USDT\nХэш: ${f.txHash()}`,
    (f) => `В обозревателе перевод в блоке ${int(18000000, 20000000)}, хэш ${f.txHash()}`,
    (f) => `адрес контракта ${f.ethAddress()} — это официальный токен?`,
    (f) => `Адрес Sui 0x${chars(HEX, 64)} — можно выводить туда SUI напрямую?`,
    (f) => `Оплатил по СБП, ID операции ${f.sbp()}, ${f.amount()} ₽`,
    (f) => `Номер счёта ${f.account()}, ИНН ${f.inn()}, выплата не пришла`,
    (f) => `Заказ ${f.order()} от ${f.date()} ${f.time()}`,
    (f) => `Кошелёк ${f.wallet()} пишет «недостаточно газа», там ${f.amount()} ${f.coin()}`,
    (f) => `Аппаратный кошелёк ${f.wallet()} показывает другой адрес, не тот что вы дали: ${f.btcAddress()}`,
    (f) => `Когда закончится обновление сети ${f.network()}? Депозиты приостановлены с ${f.date()}`,
    (f) => `Кто-то пытался войти с ${f.ip()} в ${f.time()}, это был не я`,
    (f) => `Цена в ордере была ${f.amount()}, а исполнилось по ${f.amount()}, почему?`,
    (f) => `Объясните, пожалуйста, разницу между спотовым и маржинальным кошельком`,
    (f) => `У всех друзей сегодня та же проблема, проверьте систему`,
    (f) => `А что с бонусом? Обещали после первого депозита`,
    (f) => `Хочу купить ${f.coin()} за ${f.fiat()}, какие способы оплаты есть в моей стране?`,
    (f) => `Доброе утро, есть новости по обращению ${f.ticket()}?`,
    (f) => `Осталось только ${f.amount()}, остальное пропало после обновления ${f.version()}`,
    (f) => `Записал видео с проблемой, можно прикрепить сюда?`,
    (f) => `Всё, нашёл в истории, вопрос снят`,
    (f) => `Так вы вернёте комиссию или нет?`,
    (f) => `Хэш ${f.txid()} не подтверждается уже ${int(2, 30)} часов, видимо комиссия маленькая`,
    (f) => `Курс изменился, пока я платил, заявка №${digits(7)}, можно по старой цене?`,
    (f) => `Номер платежа ${digits(12)}, сумма ${f.amount()} ${f.fiat()}, дата ${f.date()}`,
    (f) => `Оплата картой отклонена, код ошибки ${int(10, 99)}, карта ${f.maskedCard()}`,
    (f) => `Телефон для связи ${f.phone()}, звонить после ${f.time()}`,
    (f) => `заявка №${digits(7)}, сумма ${f.amount()} ₽, карта ${f.maskedCard()}, телефон ${f.phone()}`,
    (f) => `Подключение кошелька ${f.wallet()} не работает, транзакция ${f.txHash()} зависла`,
    (f) => `Перевод между счетами, номер перевода ${digits(10)}, ${f.date()}`,
    (f) => `Подскажите, как включить вывод только на белый список адресов?`,
    (f) => `Я не понимаю, почему мне пришло письмо про вход с нового устройства в ${f.time()}`,
    (f) => `Отправил ${f.amount()} ${f.coin()} с биржи на биржу, txid:\n${f.txid()}`,
    (f) => `Публичный ключ валидатора 0x${chars(HEX, 64)}, как застейкать через вас?`,
    (f) => `Мошенники просят «подтвердить кошелёк», вводя 12 слов на сайте, это фишинг?`,
    (f) => `Паспорт РФ, серия ${int(10, 99)} ${int(10, 99)}, номер уже загрузил на верификацию — зачем ещё раз?`,
    (f) => `Please help, ошибка при выводе на ${f.tronAddress()}, сеть TRC20, сумма ${f.amount()} USDT`,
    (f) => `Сделка ${f.order()}, продавец просит написать ему в Телеграм ${f.phone()}, это нормально?`,
    (f) => `Добрый вечер! Пополнение через ${f.network()}, хэш ${f.txHash()}, ссылка ${f.explorer()}`,
  ];

  const messages = new Set();
  const build = (templates, count) => {
    let made = 0;
    let attempts = 0;
    while (made < count && attempts < count * 20) {
      attempts += 1;
      const text = pick(templates)(fill);
      if (messages.has(text)) continue;
      messages.add(text);
      made += 1;
    }
  };
  build(en, PER_LANGUAGE);
  build(ru, PER_LANGUAGE);
  return [...messages];
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const target = join(root, 'test/fixtures/secrets/ordinary-messages.json');
  const messages = buildCorpus();
  const file = {
    generatedBy: 'scripts/generateSecretCorpus.mjs',
    note: 'Ordinary support messages with no secret in them; the secret guard must flag at most 0.5%.',
    messages,
  };
  writeFileSync(target, `${JSON.stringify(file, null, 2)}\n`);
  console.info(`wrote ${target} (${messages.length} messages)`);
}
