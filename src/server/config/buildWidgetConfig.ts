import type { WidgetConfig } from '../../core/protocol/index.js';
import type { DeskConfig } from '../defaultConfig.js';
import { computeAvailability } from './computeAvailability.js';

/** The config as served: the desk's settings with availability computed for `now`. */
export function buildWidgetConfig(config: DeskConfig, now: Date): WidgetConfig {
  return { ...config, availability: computeAvailability(config.availability, now) };
}
