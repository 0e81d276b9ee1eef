import { useEffect, useState } from 'preact/hooks';
import type { Attachment, ParleyClient } from '../../core/index.js';

const INLINE_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

/**
 * An object URL for an image attachment, fetched with the session token (attachment URLs are
 * never public). The blob is re-typed to a raster image type, so even a mislabelled file can
 * only ever be shown as an image; the URL is revoked on unmount.
 */
export function useAttachmentUrl(client: ParleyClient, attachment: Attachment, enabled: boolean) {
  const [state, setState] = useState<{ url: string | null; failed: boolean }>({ url: null, failed: false });
  useEffect(() => {
    if (!enabled) return;
    let url: string | null = null;
    let cancelled = false;
    client.fetchAttachment(attachment).then(
      (blob) => {
        if (cancelled) return;
        const type = INLINE_IMAGE_TYPES.has(attachment.type) ? attachment.type : 'application/octet-stream';
        url = URL.createObjectURL(new Blob([blob], { type }));
        setState({ url, failed: false });
      },
      () => {
        if (!cancelled) setState({ url: null, failed: true });
      },
    );
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [client, attachment.id, enabled]);
  return state;
}
