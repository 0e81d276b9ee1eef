import { useEffect, useState } from 'preact/hooks';
import type { Translator } from '../../core/index.js';
import { useWidget } from '../WidgetContext.js';

/**
 * The current translator; re-renders when the language changes. Not `useStore`: it passes the
 * store value to `useState`, which would call a function value (the translator) as an initializer.
 */
export function useT(): Translator {
  const { $t } = useWidget().i18n;
  const [, setVersion] = useState(0);
  useEffect(() => $t.listen(() => setVersion((v) => v + 1)), [$t]);
  return $t.get();
}
