import type { BotOptions } from '../options.js';
import type { BotSettings } from './FirstLineBot.js';

const DEFAULT_NAME = 'Assistant';
const DEFAULT_HANDOFF_AFTER = 2;
/** About 25 chunks a second reads as typing without keeping the visitor waiting. */
const CHUNK_INTERVAL_MS = 40;
const WORDS_PER_CHUNK = 3;

/**
 * The bot's settings from the `bot` option, or null when it is off. Without the option, the
 * desk config's `features.bot` decides, so a config that advertises the bot also runs it.
 */
export function resolveBotSettings(option: boolean | BotOptions | undefined, configured: boolean): BotSettings | null {
  const enabled = option === undefined ? configured : option !== false;
  if (!enabled) return null;
  const given = typeof option === 'object' ? option : {};
  const handoffAfter = given.handoffAfter ?? DEFAULT_HANDOFF_AFTER;
  if (!Number.isInteger(handoffAfter) || handoffAfter < 0) {
    throw new Error(`Parley: option \`bot.handoffAfter\` must be a whole number ≥ 0 (0 never hands over), got ${handoffAfter}`);
  }
  return {
    name: given.name?.trim() || DEFAULT_NAME,
    handoffAfter,
    chunkIntervalMs: CHUNK_INTERVAL_MS,
    wordsPerChunk: WORDS_PER_CHUNK,
  };
}
