import { onBeforeUnmount, onMounted, shallowRef, type ShallowRef } from 'vue';
import { createClient, type ClientOptions, type ParleyClient } from 'parley-chat';

/**
 * A headless Parley client that lives as long as the calling component: created and started on
 * mount (so never on the server) and destroyed before unmount. The ref is `null` until mounted.
 * `shallowRef`, because the client holds stores, not data for Vue to make deeply reactive.
 */
export function useParleyClient(options: ClientOptions): ShallowRef<ParleyClient | null> {
  const client = shallowRef<ParleyClient | null>(null);
  onMounted(() => {
    const created = createClient(options);
    client.value = created;
    // Start failures also land in $connection and $error, which the UI shows.
    created.start().catch((error: unknown) => console.warn('Parley: the chat could not start', error));
  });
  onBeforeUnmount(() => {
    client.value?.destroy();
    client.value = null;
  });
  return client;
}
