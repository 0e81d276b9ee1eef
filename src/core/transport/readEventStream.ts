import { createParser } from 'eventsource-parser';
import { ResponseError } from '../errors/index.js';
import { ServerEventSchema } from '../protocol/index.js';
import type { LiveHandlers } from './Transport.js';
import { parseReply } from './parseReply.js';

/**
 * Reads an SSE body with eventsource-parser. Each frame is parsed as JSON and checked against
 * the protocol; a bad frame is reported and skipped so one broken event never kills the stream.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  handlers: LiveHandlers,
  /** Called on every chunk (pings included), e.g. to reset an idle watchdog. */
  onChunk?: () => void,
): Promise<void> {
  const parser = createParser({
    onEvent(frame) {
      let data: unknown;
      try {
        data = JSON.parse(frame.data);
      } catch (cause) {
        handlers.onInvalid(
          new ResponseError('live event', [{ path: [], message: 'not valid JSON', code: 'invalid_json' }], { cause }),
        );
        return;
      }
      try {
        handlers.onEvent(parseReply(ServerEventSchema, data, 'live event'), frame.id ?? null);
      } catch (error) {
        handlers.onInvalid(error as ResponseError);
      }
    },
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onChunk?.();
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    reader.releaseLock();
  }
}
