import { useEffect, useState } from 'preact/hooks';

const PREVIEW_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

/**
 * A blob URL for a local raster image (a file about to be sent, a screenshot), revoked on
 * unmount. Other types get none: an SVG or HTML file is never rendered, not even as a preview.
 */
export function useObjectUrl(blob: Blob | undefined | null, type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob || !PREVIEW_TYPES.has(type) || typeof URL.createObjectURL !== 'function') return;
    // Re-typed, so the URL can only ever be read as the raster type that was checked.
    const next = URL.createObjectURL(new Blob([blob], { type }));
    setUrl(next);
    return () => {
      URL.revokeObjectURL(next);
      setUrl(null);
    };
  }, [blob, type]);
  return url;
}
