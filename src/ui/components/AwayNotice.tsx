import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { backText } from '../model/availabilityText.js';
import { useNow } from '../hooks/useNow.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { ChannelLinks } from './ChannelLinks.js';
import { Icon } from './Icon.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Shown while the desk is closed: when someone will be back (in the visitor's time), a form
 * to leave an email so the reply also reaches them there, and the desk's other channels.
 */
export function AwayNotice({ compact = false }: { compact?: boolean }) {
  const { client } = useWidget();
  const t = useT();
  const config = useStore(client.$config);
  const now = useNow();
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'invalid' | 'saving' | 'failed' | 'saved'>('idle');
  const availability = config?.availability;
  if (!config || !availability || availability.online) return null;
  const capture = config.features.emailCapture;
  const back = backText(t, availability.nextOpenAt, now);

  const submit = (event: Event) => {
    event.preventDefault();
    const value = email.trim();
    if (!EMAIL.test(value)) {
      setState('invalid');
      return;
    }
    setState('saving');
    // Until the client has a visitor-profile action, the session update goes straight to the transport.
    client.updateVisitor({ email: value }).then(
      () => setState('saved'),
      () => setState('failed'),
    );
  };

  return (
    <section class={`card away${compact ? ' chat-away' : ''}`} aria-labelledby="parley-away-title">
      <h3 class="away-title" id="parley-away-title">
        <Icon name="moon" />
        {t('away.title')}
      </h3>
      <p class="muted small">{t(capture ? 'away.body' : 'away.bodyNoEmail', { back })}</p>
      {capture && state === 'saved' && <p role="status">{t('away.saved', { email: email.trim() })}</p>}
      {capture && state !== 'saved' && (
        <form onSubmit={submit} noValidate>
          <div class="field">
            <label for="parley-away-email">{t('away.emailLabel')}</label>
            <div class="away-row">
              <input
                id="parley-away-email"
                type="email"
                autocomplete="email"
                inputMode="email"
                placeholder={t('away.emailPlaceholder')}
                value={email}
                aria-invalid={state === 'invalid'}
                aria-describedby={state === 'invalid' || state === 'failed' ? 'parley-away-error' : undefined}
                onInput={(event) => {
                  setEmail(event.currentTarget.value);
                  if (state === 'invalid') setState('idle');
                }}
              />
              <button type="submit" class="button" disabled={state === 'saving'}>
                {t('away.submit')}
              </button>
            </div>
            {(state === 'invalid' || state === 'failed') && (
              <p id="parley-away-error" class="form-error" role="alert">
                {t(state === 'invalid' ? 'away.invalid' : 'away.failed')}
              </p>
            )}
          </div>
        </form>
      )}
      <ChannelLinks />
    </section>
  );
}
