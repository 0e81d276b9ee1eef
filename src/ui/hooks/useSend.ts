import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { Redaction, UploadQueue } from '../../core/index.js';
import type { TextCheck } from '../model/createSecretCheck.js';
import { useWidget } from '../WidgetContext.js';

/**
 * Sending from the composer: the draft is checked by the secret guard first. A `send` verdict
 * goes out at once (with redacted kinds replaced, and a note saying so); `warn` and `block`
 * hold the message back and return the check for the warning. A send while files are still
 * uploading waits for them, so "attach, type, Enter" works; uploaded files go with the text,
 * failed ones stay behind in the tray and never block it.
 */
export function useSend(textarea: RefObject<HTMLTextAreaElement>) {
  const { client, view, uploads, secrets, warn } = useWidget();
  const [held, setHeld] = useState<TextCheck | null>(null);
  const [checking, setChecking] = useState(false);
  // The state above is for rendering; this guards against a second Enter before it re-renders.
  const inFlight = useRef(false);
  const heldText = useRef('');

  // Any edit answers the warning: the held check no longer describes the draft.
  useEffect(() => client.$draft.listen(() => setHeld(null)), [client]);

  const deliver = (text: string, redactions: Redaction[] = []) => {
    const topic = view.$topic.get();
    const about = view.$askAbout.get();
    client.send(text, {
      attachments: uploads.take(),
      ...(topic ? { topic } : {}),
      ...(about ? { articleId: about.id } : {}),
      ...(redactions.length ? { redactions } : {}),
    });
    view.$askAbout.set(null);
    client.setTyping(false);
    setHeld(null);
    textarea.current?.focus();
  };

  const send = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setChecking(true);
    let check: TextCheck | null = null;
    let text = '';
    try {
      await uploadsSettled(uploads);
      text = client.$draft.get().trim();
      if (!text) {
        if (uploads.$items.get().some((item) => item.state === 'done')) deliver('');
        return;
      }
      check = await secrets.check(text);
    } catch (error) {
      // The guard's chunk did not load: the server still redacts every secret the desk blocks.
      warn(`Parley: the secret check could not run (${String(error)}); the server redacts secrets itself`);
    } finally {
      inFlight.current = false;
      setChecking(false);
    }
    // The visitor kept typing while the check ran: this verdict is about an older text.
    if (client.$draft.get().trim() !== text) return;
    if (!check) return deliver(text);
    if (check.action === 'send') return deliver(check.redactedText, check.redactions);
    heldText.current = text;
    setHeld(check);
  };

  return {
    send,
    /** True from Send until the message left or was held: uploads finishing, the guard checking. */
    checking,
    held,
    /** Back to the message, with the first secret selected so it is easy to delete. */
    edit() {
      const el = textarea.current;
      const first = held?.findings.find((f) => held.flagged.includes(f.kind));
      setHeld(null);
      if (!el) return;
      el.focus();
      if (first) {
        const offset = Math.max(0, el.value.indexOf(heldText.current));
        el.setSelectionRange(offset + first.start, offset + first.end);
      }
    },
    sendAnyway() {
      if (held?.action === 'warn') deliver(held.redactedText, held.redactions);
    },
  };
}

/** Resolves once no file is uploading or being checked (at once when none is). */
function uploadsSettled(uploads: UploadQueue): Promise<void> {
  const busy = () => uploads.$items.get().some((item) => item.state === 'uploading' || item.state === 'checking' || item.state === 'waiting');
  if (!busy()) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = uploads.$items.listen(() => {
      if (busy()) return;
      stop();
      resolve();
    });
  });
}
