import type { WidgetViewOptions } from '../WidgetViewOptions.js';
import type { HostLayout } from './themeCss.js';

const DEFAULT_Z = 2147483000;

const isOffset = (v: unknown): v is { x: number; y: number } =>
  typeof v === 'object' && v !== null && [(v as { x: unknown }).x, (v as { y: unknown }).y].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0);

/** Position, offset and z-index from options; a bad value is replaced by the default with a warning naming it. */
export function readLayout(options: WidgetViewOptions, warn: (message: string) => void): HostLayout {
  let position = options.position ?? 'right';
  if (position !== 'left' && position !== 'right') {
    warn(`Parley: option \`position\` must be 'left' or 'right', got ${JSON.stringify(position)}; using 'right'`);
    position = 'right';
  }
  let offset = { x: 20, y: 20 };
  if (options.offset !== undefined) {
    if (isOffset(options.offset)) offset = { x: options.offset.x, y: options.offset.y };
    else warn(`Parley: option \`offset\` must be { x, y } in px (numbers ≥ 0), got ${JSON.stringify(options.offset)}; using { x: 20, y: 20 }`);
  }
  let zIndex = DEFAULT_Z;
  if (options.zIndex !== undefined) {
    if (Number.isInteger(options.zIndex)) zIndex = options.zIndex;
    else warn(`Parley: option \`zIndex\` must be an integer, got ${JSON.stringify(options.zIndex)}; using ${DEFAULT_Z}`);
  }
  return { position, offset, zIndex };
}
