import { ResponseError } from '../errors/index.js';

/**
 * Parses the body of a reply that arrived in full. A body that is not JSON (a proxy's HTML page
 * answered with 200, a reply cut short by a broken backend) is an invalid reply, not an
 * unreachable backend: reporting it as offline would show the wrong state and retry forever.
 */
export function parseJsonReply(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ResponseError(what, [{ path: [], message: 'not valid JSON', code: 'invalid_json' }], { cause });
  }
}
