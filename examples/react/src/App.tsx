import { useEffect, useState } from 'react';
import type { ClientOptions, WidgetOptions } from 'parley-chat';
import { endpoint } from './endpoint.js';
import { HeadlessChat } from './HeadlessChat.js';
import { useParleyClient } from './useParleyClient.js';
import { useParleyWidget } from './useParleyWidget.js';

// Module constants: stable identities, so the hooks start each exactly once per mount.
const widgetOptions: WidgetOptions = { endpoint, id: 'react-widget', context: { app: 'react-example' } };
// The default storage is memory: pass `storage: createWebStorage(…)` to keep the chat across reloads.
const clientOptions: ClientOptions = { endpoint, widgetId: 'react-headless' };

export function App() {
  const widget = useParleyWidget(widgetOptions);
  const client = useParleyClient(clientOptions);
  const [unread, setUnread] = useState(0);

  // `on` returns its unsubscribe function: a ready-made effect cleanup.
  useEffect(() => widget?.on('unread', setUnread), [widget]);

  return (
    <main className="page">
      <h1>Parley + React</h1>
      <p className="lead">
        Backend: <code>{endpoint}</code>
      </p>
      <section className="card" aria-labelledby="widget-title">
        <header className="card-header">
          <h2 id="widget-title">The widget</h2>
        </header>
        <p>
          Started by <code>useParleyWidget()</code>: <code>init()</code> in an effect, <code>destroy()</code> in its
          cleanup. Its launcher sits in the corner; this button drives it through the handle.
        </p>
        <button type="button" onClick={() => widget?.open()} disabled={!widget}>
          Chat with us{unread > 0 ? ` (${unread} new)` : ''}
        </button>
      </section>
      {client ? <HeadlessChat client={client} /> : null}
    </main>
  );
}
