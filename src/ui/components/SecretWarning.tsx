import { useEffect, useRef } from 'preact/hooks';
import type { CatalogKey, SecretKind } from '../../core/index.js';
import { useT } from '../hooks/useT.js';
import { Icon } from './Icon.js';

export interface SecretWarningProps {
  /** `block`: the desk never lets it go; `warn`: the visitor may send it anyway. */
  action: 'warn' | 'block' | null;
  /** The kinds found that made the guard stop the message, strongest first. */
  kinds: readonly SecretKind[];
  onEdit: () => void;
  onSendAnyway: () => void;
}

const TITLES: Record<SecretKind, CatalogKey> = {
  mnemonic: 'secret.titleMnemonic',
  privateKey: 'secret.titleKey',
  wif: 'secret.titleKey',
  xprv: 'secret.titleKey',
  card: 'secret.titleCard',
  custom: 'secret.titleCustom',
};
const ORDER: readonly SecretKind[] = ['mnemonic', 'privateKey', 'wif', 'xprv', 'card', 'custom'];

/**
 * Shown instead of sending when the message looks like it holds a seed phrase, a key or a card
 * number. It says plainly that support never asks for these (phishing "support agents" do), and
 * makes editing the default: "Edit message" takes focus, so Enter or Space cannot send by habit.
 */
export function SecretWarning({ action, kinds, onEdit, onSendAnyway }: SecretWarningProps) {
  const t = useT();
  const edit = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (action) edit.current?.focus();
  }, [action]);
  if (!action) return null;
  const strongest = ORDER.find((kind) => kinds.includes(kind)) ?? 'custom';
  return (
    <div
      class="secret-warning"
      role="alertdialog"
      aria-labelledby="parley-secret-title"
      aria-describedby="parley-secret-body"
      data-action={action}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // Escape means "back to my message", not "close the chat".
        event.preventDefault();
        event.stopPropagation();
        onEdit();
      }}
    >
      <Icon name="shield" />
      <div class="secret-text">
        <p class="secret-title" id="parley-secret-title">
          {t(TITLES[strongest])}
        </p>
        <p id="parley-secret-body">
          {t('secret.body')} {t(action === 'block' ? 'secret.blocked' : 'secret.warned')}
        </p>
        <div class="secret-actions">
          <button ref={edit} type="button" class="button" onClick={onEdit}>
            {t('secret.edit')}
          </button>
          {action === 'warn' && (
            <button type="button" class="button secondary" onClick={onSendAnyway}>
              {t('secret.sendAnyway')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
