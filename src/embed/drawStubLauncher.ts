export interface StubLauncher {
  element: HTMLElement;
  button: HTMLButtonElement;
}

const LABELS: Record<string, string> = {
  en: 'Open support chat',
  ru: 'Открыть чат поддержки',
  uk: 'Відкрити чат підтримки',
  de: 'Support-Chat öffnen',
  es: 'Abrir el chat de soporte',
  ar: 'فتح دردشة الدعم',
};

/**
 * Draws the launcher the moment the loader runs, with the geometry and colours of the real
 * one, so the page shows the chat button before the panel bundle is even requested. The widget
 * adopts this host element when it loads and replaces the button in the same frame.
 */
export function drawStubLauncher(
  doc: Document,
  options: { id: string; position?: unknown; primaryColor?: unknown; zIndex?: unknown; locale?: unknown; nonce?: unknown },
): StubLauncher {
  const element = doc.createElement('parley-widget-host');
  element.setAttribute('data-parley-id', options.id);
  const root = element.attachShadow({ mode: 'open' });
  const side = options.position === 'left' ? 'left' : 'right';
  const color = typeof options.primaryColor === 'string' && /^#[0-9a-f]{3,8}$/i.test(options.primaryColor) ? options.primaryColor : '#4338ca';
  const z = Number.isInteger(options.zIndex) ? String(options.zIndex) : '2147483000';
  // Only fixed, self-authored rules: no page data but a validated colour and integer reach it.
  const css = `:host{all:initial}button{all:initial;position:fixed;z-index:${z};bottom:20px;${side}:20px;width:60px;height:60px;border-radius:50%;display:grid;place-items:center;cursor:pointer;background:${color};color:#fff;box-shadow:0 6px 20px rgb(15 20 40/.24),0 1px 3px rgb(15 20 40/.12)}button:focus-visible{outline:3px solid ${color};outline-offset:3px}svg{width:28px;height:28px;fill:none;stroke:currentColor;stroke-width:2;stroke-linejoin:round}`;
  // Constructable sheets are not inline styles, so a strict `style-src 'self'` allows them.
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = doc.createElement('style');
    if (typeof options.nonce === 'string') style.nonce = options.nonce;
    style.textContent = css;
    root.appendChild(style);
  }
  const button = doc.createElement('button');
  button.type = 'button';
  const lang = String(options.locale ?? doc.documentElement.lang ?? 'en').slice(0, 2).toLowerCase();
  button.setAttribute('aria-label', LABELS[lang] ?? LABELS.en!);
  button.setAttribute('part', 'launcher');
  const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12Z');
  svg.appendChild(path);
  button.appendChild(svg);
  root.append(button);
  doc.body.appendChild(element);
  return { element, button };
}
