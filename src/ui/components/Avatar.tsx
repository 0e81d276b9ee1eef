import { useEffect, useState } from 'preact/hooks';
import { initials } from '../model/initials.js';

/**
 * A round avatar. A missing or broken image (404, blocked by CSP, offline) falls back to
 * initials. Decorative: the name is always shown as text next to it.
 */
export function Avatar({ name, src, size }: { name?: string | undefined; src?: string | null | undefined; size?: number }) {
  const [broken, setBroken] = useState(false);
  useEffect(() => setBroken(false), [src]);
  return (
    <span class="avatar" aria-hidden="true" style={size ? { '--size': `${size}px` } : undefined}>
      {src && !broken ? <img src={src} alt="" referrerpolicy="no-referrer" onError={() => setBroken(true)} /> : initials(name)}
    </span>
  );
}
