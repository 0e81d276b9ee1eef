/**
 * The container an inline widget renders into: the element itself, or the first match of a
 * selector. Null when nothing matches, including for a selector the browser cannot parse
 * (`querySelector` throws a SyntaxError for those, which must not reach the host page).
 */
export function findTarget(doc: Document, target: Element | string): Element | null {
  if (typeof target !== 'string') return target;
  try {
    return doc.querySelector(target);
  } catch {
    return null;
  }
}
