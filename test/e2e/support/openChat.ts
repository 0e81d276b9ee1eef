import type { Locator, Page } from 'playwright-core';

/**
 * Opens the widget to its composer the way a visitor does: the launcher, then either
 * "Continue the conversation" or "Start a conversation" and a topic.
 */
export async function openChat(page: Page, topic = /technical problem/i): Promise<Locator> {
  await page.getByRole('button', { name: /open support chat/i }).click();
  const composer = page.getByRole('textbox', { name: /message/i });
  const start = page.getByRole('button', { name: /start a conversation/i });
  const resume = page.getByRole('button', { name: /continue the conversation/i });
  await start.or(resume).or(composer).first().waitFor();
  if (await resume.isVisible()) await resume.click();
  else if (await start.isVisible()) {
    await start.click();
    await page.getByRole('button', { name: topic }).click();
  }
  await composer.waitFor();
  return composer;
}

/** Types a message and presses Enter, then waits until the visitor sees it in the list, sent. */
export async function sendFromWidget(page: Page, composer: Locator, text: string): Promise<void> {
  await composer.fill(text);
  await composer.press('Enter');
  await page.getByText(text, { exact: true }).first().waitFor();
  // Shown is not sent: the request leaves after the frame that shows the message, so a test that
  // asks the desk next waits for the server's confirmation.
  await page.locator('.message[data-state="sent"]', { hasText: text }).first().waitFor();
}
