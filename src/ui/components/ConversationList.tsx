import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { CatalogKey, Conversation, ConversationStatus } from '../../core/index.js';
import { relativeTime } from '../model/relativeTime.js';
import { useNow } from '../hooks/useNow.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

const STATUS: Record<ConversationStatus, CatalogKey> = {
  open: 'conversations.statusOpen',
  pending: 'conversations.statusPending',
  resolved: 'conversations.statusResolved',
};

/**
 * The visitor's requests, like a ticket list: reference number to quote, status ("Waiting for
 * you" when the desk waits on them), last activity and the latest line. Status changes arrive
 * live through `$conversations`; the list is fetched each time it is shown.
 */
export function ConversationList() {
  const { client, view, warn } = useWidget();
  const t = useT();
  const conversations = useStore(client.$conversations);
  const current = useStore(client.$conversation);
  const config = useStore(client.$config);
  const now = useNow();
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  const load = () => {
    setState('loading');
    client.loadConversations().then(
      () => setState('ready'),
      (error: unknown) => {
        warn(`Parley: the conversation list could not be loaded (${String(error)})`);
        setState('failed');
      },
    );
  };
  useEffect(load, [client]);

  const open = (conversation: Conversation) => {
    client.openConversation(conversation.id).then(
      () => view.$screen.set('chat'),
      (error: unknown) => warn(`Parley: could not open conversation ${conversation.ref} (${String(error)})`),
    );
  };
  const startNew = () => {
    client.startNewConversation();
    view.$topic.set(null);
    view.$screen.set((config?.topics.length ?? 0) > 0 ? 'topics' : 'chat');
  };

  return (
    <div class="conversations">
      <h2 id="parley-conversations-title">{t('conversations.title')}</h2>
      {state === 'loading' && conversations.length === 0 && <p class="muted" role="status">{t('conversations.loading')}</p>}
      {state === 'failed' && (
        <p role="alert">
          {t('conversations.failed')}{' '}
          <button type="button" class="link-button" onClick={load}>
            {t('conversations.retry')}
          </button>
        </p>
      )}
      {state === 'ready' && conversations.length === 0 && <p class="muted">{t('conversations.empty')}</p>}
      {conversations.length > 0 && (
        <ul class="conversation-list" aria-labelledby="parley-conversations-title">
          {conversations.map((conversation, index) => (
            <li key={conversation.id}>
              <button
                type="button"
                class="conversation"
                aria-current={conversation.id === current?.id || undefined}
                data-autofocus={index === 0 || undefined}
                onClick={() => open(conversation)}
              >
                <span class="conversation-top">
                  <span class="conversation-ref">{t('conversations.ref', { ref: conversation.ref })}</span>
                  <span class="status-badge" data-status={conversation.status}>
                    {t(STATUS[conversation.status])}
                  </span>
                </span>
                <span class="conversation-preview" dir="auto">
                  {conversation.lastMessagePreview || t('conversations.noPreview')}
                </span>
                <span class="muted small">
                  {t('conversations.activity', { time: relativeTime(t, conversation.updatedAt, now) })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="button secondary" data-autofocus={conversations.length === 0 || undefined} onClick={startNew}>
        <Icon name="chat" />
        {t('conversations.new')}
      </button>
    </div>
  );
}
