import { atom } from 'nanostores';
import { afterEach, describe, expect, test } from 'vitest';
import type { Author } from '../../../src/core/index.js';
import { click, key, settle, setup } from './setup.js';

let env: Awaited<ReturnType<typeof setup>> | undefined;
afterEach(() => env?.cleanup());

const alex: Author = { role: 'agent', id: 'a1', name: 'Alex Morgan' };
const launcher = () => env!.$<HTMLButtonElement>('[part="launcher"]')!;
const panel = () => env!.$('[role="dialog"]')!;
const accessibleName = (el: Element) =>
  el.getAttribute('aria-label') ?? (el.getAttribute('aria-labelledby') ? 'labelled' : el.textContent?.trim());

describe('Launcher', () => {
  test('shows unread agent messages as a badge with an accessible count', async () => {
    env = await setup({ open: false, transport: { history: [{ author: alex, text: 'Hi' }, { author: alex, text: 'Still there?' }] } });
    expect(launcher().textContent).toContain('Open support chat');
    const badge = launcher().querySelector('.badge')!;
    expect(badge.querySelector('[aria-hidden="true"]')?.textContent).toBe('2');
    expect(badge.textContent).toContain('2 unread messages');
    env.desk.say('One more', { author: alex });
    await settle();
    expect(launcher().querySelector('.badge')?.textContent).toContain('3 unread messages');
  });

  test('has no badge when everything is read', async () => {
    env = await setup({ open: false });
    expect(launcher().querySelector('.badge')).toBeNull();
  });

  test('opens and closes the panel; the closed panel is hidden and cannot take focus', async () => {
    env = await setup({ open: false });
    expect(panel().hidden).toBe(true);
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
    await click(launcher());
    expect(panel().hidden).toBe(false);
    expect(launcher().getAttribute('aria-expanded')).toBe('true');
    expect(launcher().textContent).toContain('Close support chat');
    await click(launcher());
    expect(panel().hidden).toBe(true);
  });
});

describe('Panel', () => {
  test('is a labelled, non-modal dialog that takes focus when opened', async () => {
    env = await setup({ open: false });
    await click(launcher());
    expect(panel().getAttribute('aria-label')).toBe('Parley Support support chat');
    expect(panel().hasAttribute('aria-modal')).toBe(false);
    expect(env.root.activeElement?.getAttribute('aria-label')).toBe('Message');
  });

  test('Escape closes it and gives focus back to the launcher', async () => {
    env = await setup({ open: false });
    await click(launcher());
    await key(env.root.activeElement!, { key: 'Escape' });
    expect(panel().hidden).toBe(true);
    expect(env.root.activeElement).toBe(launcher());
  });

  test('every control has an accessible name', async () => {
    env = await setup({ transport: { history: [{ author: alex, text: 'Pick one', quickReplies: [{ id: 'a', label: 'Yes' }] }] } });
    for (const control of env.$$('button, textarea, input:not([type="file"]), [role="menuitemradio"]')) {
      expect(accessibleName(control), control.outerHTML.slice(0, 120)).toBeTruthy();
    }
  });

  test('the header shows the agent and the desk availability', async () => {
    env = await setup({ transport: { conversation: { assignee: { ...alex, avatarUrl: 'https://invalid.example/a.png' } } } });
    expect(env.$('.header-subtitle')?.textContent).toBe('Alex Morgan · Online');
    const img = env.$('.header .avatar img')!;
    img.dispatchEvent(new Event('error'));
    await settle();
    expect(env.$('.header .avatar')?.textContent).toBe('AM');
  });

  test('quick replies send their label and go away', async () => {
    env = await setup({
      transport: { history: [{ author: alex, text: 'Resolved?', quickReplies: [{ id: 'yes', label: 'Yes, thanks' }] }] },
    });
    await click(env.$$('.quick-reply').find((b) => b.textContent === 'Yes, thanks')!);
    await settle(5);
    expect(env.desk.messages.at(-1)?.text).toBe('Yes, thanks');
    expect(env.$('.quick-reply')).toBeNull();
  });

  test('home → topics → chat remembers the chosen topic', async () => {
    env = await setup({ screen: 'home' });
    await click(env.$$('button').find((b) => b.textContent?.includes('Start a conversation'))!);
    expect(env.view.$screen.get()).toBe('topics');
    await click(env.$$('.topic').find((b) => b.textContent?.includes('Technical problem'))!);
    expect(env.view.$screen.get()).toBe('chat');
    expect(env.view.$topic.get()).toBe('technical');
  });

  test('rating: pick a score, send it, get a thank-you', async () => {
    env = await setup({ transport: { conversation: { status: 'resolved', ratingRequested: true } } });
    const four = env.$$('.score').find((label) => label.textContent?.includes('4 of 5: Good'))!.querySelector('input')!;
    await click(four);
    await click(env.$$('button').find((b) => b.textContent === 'Send feedback')!);
    await settle(5);
    expect(env.desk.ratings).toEqual([{ score: 4 }]);
    expect(env.$('.thanks')?.textContent).toContain('Thank you for your feedback!');
  });

  test('away: says when the desk is back and saves an email', async () => {
    env = await setup({
      screen: 'home',
      transport: { config: { availability: { online: false, nextOpenAt: null } } },
    });
    expect(env.$('.away')?.textContent).toContain('We’ll be back soon');
    const input = env.$<HTMLInputElement>('#parley-away-email')!;
    input.value = 'not-an-email';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    await click(env.$$('.away button').find((b) => b.textContent === 'Notify me')!);
    expect(env.$('.away [role="alert"]')?.textContent).toContain('name@example.com');
    input.value = 'visitor@example.com';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    await click(env.$$('.away button').find((b) => b.textContent === 'Notify me')!);
    await settle(5);
    expect(env.desk.session.email).toBe('visitor@example.com');
    expect(env.$('.away')?.textContent).toContain('We will reply to visitor@example.com');
  });

  test('connection trouble shows text by error code, never the raw message', async () => {
    env = await setup();
    env.desk.setOnline(false);
    await settle(5);
    const banner = env.$('.connection')!.textContent!;
    expect(banner).toMatch(/Cannot reach support|Connection lost/);
    expect(banner).not.toContain('Parley:');
  });

  test('desk notices can be dismissed', async () => {
    env = await setup({
      transport: { config: { notices: [{ id: 'n1', level: 'warning', dismissible: true, text: { en: 'Withdrawals are slow today' } }] } },
    });
    expect(env.$('.notice')?.textContent).toContain('Warning: Withdrawals are slow today');
    await click(env.$('.notice button[aria-label="Dismiss notice"]'));
    expect(env.$('.notice')).toBeNull();
    expect(env.client.$dismissedNotices.get()).toEqual(['n1']);
  });
});

describe('Language menu', () => {
  test('is keyboard-operable and switches the whole widget to Russian', async () => {
    env = await setup();
    const button = env.$<HTMLButtonElement>('[aria-haspopup="menu"]')!;
    expect(button.getAttribute('aria-label')).toBe('Language: English, EN');
    await key(button, { key: 'ArrowDown' });
    const menu = env.$('[role="menu"]')!;
    expect(menu.hidden).toBe(false);
    expect(env.root.activeElement?.textContent).toBe('English');
    await key(env.root.activeElement!, { key: 'ArrowDown' });
    expect(env.root.activeElement?.textContent).toBe('Русский');
    await click(env.root.activeElement);
    await env.i18n.whenReady();
    await settle(5);
    expect(env.client.$locale.get()).toBe('ru');
    expect(menu.hidden).toBe(true);
    expect(env.$('textarea')?.getAttribute('placeholder')).toBe('Напишите сообщение…');
    expect(panel().getAttribute('lang')).toBe('ru');
  });

  test('Escape closes the menu but not the panel', async () => {
    env = await setup();
    await click(env.$('[aria-haspopup="menu"]'));
    await key(env.root.activeElement!, { key: 'Escape' });
    expect(env.$('[role="menu"]')!.hidden).toBe(true);
    expect(panel().hidden).toBe(false);
    expect(env.root.activeElement?.getAttribute('aria-haspopup')).toBe('menu');
  });
});

describe('renderWidget', () => {
  test('unmount removes everything it added', async () => {
    env = await setup();
    const listenersBefore = (env.client.$messages as unknown as { lc: number }).lc;
    expect(env.root.adoptedStyleSheets.length).toBe(2);
    expect(env.root.childNodes.length).toBeGreaterThan(0);
    env.unmount();
    expect(env.root.childNodes.length).toBe(0);
    expect(env.root.adoptedStyleSheets.length).toBe(0);
    expect((env.view.$open as unknown as { lc: number }).lc).toBe(0);
    expect((env.client.$messages as unknown as { lc: number }).lc).toBeLessThan(listenersBefore);
  });

  test('with a CSP nonce, styles go in <style nonce> elements that unmount removes', async () => {
    env = await setup({ widget: { nonce: 'abc123' } });
    const styles = Array.from(env.root.querySelectorAll('style'));
    expect(styles).toHaveLength(2);
    expect(styles.every((s) => s.getAttribute('nonce') === 'abc123')).toBe(true);
    expect(env.root.adoptedStyleSheets.length).toBe(0);
    env.unmount();
    expect(env.root.querySelectorAll('style')).toHaveLength(0);
  });

  test('warns about unknown theme keys and bad options, naming them', async () => {
    env = await setup({ widget: { theme: { colours: {} } as never, position: 'top' as never } });
    expect(env.warnings.some((w) => w.includes('`colours`'))).toBe(true);
    expect(env.warnings.some((w) => w.includes("`position` must be 'left' or 'right', got \"top\""))).toBe(true);
  });

  test('a live theme store re-applies on change', async () => {
    const $theme = atom({ colors: { primary: '#0b6e4f' } });
    env = await setup({ widget: { $theme } });
    const css = () => Array.from(env!.root.adoptedStyleSheets, (s) => Array.from(s.cssRules, (r) => r.cssText).join('')).join('');
    expect(css()).toContain('#0b6e4f');
    $theme.set({ colors: { primary: '#8a2be2' } });
    expect(css()).toContain('#8a2be2');
    expect(env.root.adoptedStyleSheets.length).toBe(2);
  });

  test('inline mode has no launcher and no close button, and Escape does not close', async () => {
    env = await setup({ widget: { inline: true } });
    expect(env.$('[part="launcher"]')).toBeNull();
    expect(env.$('button[aria-label="Close chat"]')).toBeNull();
    await key(env.$('textarea')!, { key: 'Escape' });
    expect(panel().hidden).toBe(false);
  });

  test('the host launcher option hides ours', async () => {
    env = await setup({ widget: { launcher: { hidden: true } } });
    expect(env.$('[part="launcher"]')).toBeNull();
    env.view.$launcherVisible.set(false);
    await settle();
    expect(env.$('.root')?.hasAttribute('data-launcher-hidden')).toBe(true);
  });
});
