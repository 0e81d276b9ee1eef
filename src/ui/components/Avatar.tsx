import { useState } from 'preact/hooks';
import { initials } from '../model/initials.js';

/**
 * A round avatar. A missing or broken image (404, blocked by CSP, offline) falls back to
 * initials. Decorative: the name is always shown as text next to it.
 */
export function Avatar({ name, src, size }: { name?: string | undefined; src?: string | null | undefined; size?: number }) {
  // Remember which URL failed rather than a flag reset by an effect: an effect runs after paint,
  // and an image that fails before then would be shown again with its error already spent.
  const [brokenSrc, setBrokenSrc] = useState<string | null>(null);
  return (
    <span class="avatar" aria-hidden="true" style={size ? { '--size': `${size}px` } : undefined}>
      {src && src !== brokenSrc ? <img src={src} alt="" referrerpolicy="no-referrer" onError={() => setBrokenSrc(src)} /> : initials(name)}
    </span>
  );
}
