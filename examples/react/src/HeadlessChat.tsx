import { useStore } from '@nanostores/react';
import { useState, type FormEvent } from 'react';
import type { ClientMessage, ConnectionState, DeliveryState, ParleyClient } from 'parley-chat';

const CONNECTION_LABEL: Record<ConnectionState, string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  online: 'Online',
  offline: 'Offline, retrying…',
};

const DELIVERY_LABEL: Record<DeliveryState, string> = {
  pending: 'Sending…',
  sent: 'Sent',
  failed: 'Not sent',
};

/** A custom chat UI on the headless client: the stores are the whole state, actions change it. */
export function HeadlessChat({ client }: { client: ParleyClient }) {
  const messages = useStore(client.$messages);
  const connection = useStore(client.$connection);
  const [text, setText] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    // Shows at once as `pending` and is delivered exactly once, even across an outage.
    client.send(trimmed);
    setText('');
  };

  return (
    <section className="card headless" aria-labelledby="headless-title">
      <header className="card-header">
        <h2 id="headless-title">Headless chat</h2>
        <span className={`connection ${connection}`} data-testid="connection">
          {CONNECTION_LABEL[connection]}
        </span>
      </header>
      <ol className="messages" aria-live="polite" data-testid="messages">
        {messages.length === 0 && <li className="empty">No messages yet. Say hello!</li>}
        {messages.map((message) => (
          <MessageItem key={message.clientId} message={message} client={client} />
        ))}
      </ol>
      <form className="composer" onSubmit={submit}>
        <label htmlFor="headless-input" className="visually-hidden">
          Message
        </label>
        <input
          id="headless-input"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Write a message…"
          autoComplete="off"
        />
        <button type="submit" disabled={!text.trim()}>
          Send
        </button>
      </form>
    </section>
  );
}

function MessageItem({ message, client }: { message: ClientMessage; client: ParleyClient }) {
  const role = message.author.role;
  if (role === 'system') {
    return <li className="message system">{message.text || message.system?.kind}</li>;
  }
  const mine = role === 'visitor';
  return (
    <li className={`message ${mine ? 'mine' : 'theirs'}`} data-state={message.state}>
      {!mine && <span className="author">{message.author.name ?? (role === 'bot' ? 'Bot' : 'Support')}</span>}
      {/* Text is rendered as text, never as HTML. */}
      <p>{message.text}</p>
      {mine && (
        <span className={`delivery ${message.state}`} data-testid="delivery">
          {DELIVERY_LABEL[message.state]}
          {message.state === 'failed' && (
            <>
              {' '}
              <button type="button" className="link" onClick={() => client.retry(message.clientId)}>
                Retry
              </button>{' '}
              <button type="button" className="link" onClick={() => client.discard(message.clientId)}>
                Discard
              </button>
            </>
          )}
        </span>
      )}
    </li>
  );
}
