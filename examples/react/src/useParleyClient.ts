import { useEffect, useState } from 'react';
import { createClient, type ClientOptions, type ParleyClient } from 'parley-chat';

/**
 * A headless Parley client that lives as long as the calling component: created and started in
 * an effect (never during render, which may run twice or on the server) and destroyed in the
 * cleanup. Returns `null` until it exists. Pass a stable options object, as for `useParleyWidget`.
 */
export function useParleyClient(options: ClientOptions): ParleyClient | null {
  const [client, setClient] = useState<ParleyClient | null>(null);
  useEffect(() => {
    const created = createClient(options);
    setClient(created);
    // Start failures also land in $connection and $error, which the UI shows.
    created.start().catch((error: unknown) => console.warn('Parley: the chat could not start', error));
    return () => {
      created.destroy();
      setClient(null);
    };
  }, [options]);
  return client;
}
