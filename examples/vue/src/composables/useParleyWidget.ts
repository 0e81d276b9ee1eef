import { onBeforeUnmount, onMounted, shallowRef, type ShallowRef } from 'vue';
import { init, type ParleyWidget, type WidgetOptions } from 'parley-chat';

/**
 * Starts the Parley widget when the calling component mounts and removes it (every node,
 * listener, timer and connection) before it unmounts. `onMounted` never runs during server
 * rendering, so this is safe in Nuxt and other SSR setups. The ref is `null` until mounted.
 */
export function useParleyWidget(options: WidgetOptions): ShallowRef<ParleyWidget | null> {
  const widget = shallowRef<ParleyWidget | null>(null);
  onMounted(() => {
    widget.value = init(options);
  });
  onBeforeUnmount(() => {
    widget.value?.destroy();
    widget.value = null;
  });
  return widget;
}
