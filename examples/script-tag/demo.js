// Demo-only behaviour: SPA navigation with pushState (so Parley's context tracking shows in the
// console), host context, and buttons that drive the widget through the Parley() API.
const pages = {
  '/': ['Northwind Exchange', 'Trade crypto with 24/7 support in English and Russian.'],
  '/markets': ['Markets', 'BTC/USDT 67,120.50 · ETH/USDT 3,412.10 · TON/USDT 6.84'],
  '/deposit': ['Deposit', 'Send USDT (TRC-20) to the address below. Deposits arrive after 20 network confirmations.'],
  '/withdraw': ['Withdraw', 'Daily withdrawal limit for verified accounts: 100,000 USDT.'],
  '/orders/A-1042': ['Order A-1042', 'Buy 0.15 BTC at 67,000 USDT — partially filled.'],
};

function render(path) {
  const [title, text] = pages[path] ?? pages['/'];
  document.getElementById('page-title').textContent = title;
  document.getElementById('page-text').textContent = text;
  document.title = `Northwind Exchange — ${title}`;
  const orderId = path.startsWith('/orders/') ? path.split('/').pop() : null;
  window.Parley('setContext', orderId ? { orderId, accountTier: 'verified' } : { accountTier: 'verified' });
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-nav]');
  if (!link) return;
  event.preventDefault();
  history.pushState({}, '', link.getAttribute('href'));
  render(location.pathname);
});
window.addEventListener('popstate', () => render(location.pathname));
document.getElementById('open-chat').addEventListener('click', () => window.Parley('open'));
document.getElementById('lang-en').addEventListener('click', () => window.Parley('setLocale', 'en'));
document.getElementById('lang-ru').addEventListener('click', () => window.Parley('setLocale', 'ru'));
render(location.pathname);
