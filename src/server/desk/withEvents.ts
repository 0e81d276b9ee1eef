import type { ServerEvent } from '../../core/protocol/index.js';
import type { ServerContext } from '../ServerContext.js';
import type { HubEvent, PublishOptions } from '../sse/EventHub.js';

export type Emit = (data: ServerEvent, options: PublishOptions) => void;

/**
 * Runs `change` in an immediate transaction in which `emit` stores events together with the
 * data they describe; streams get them only after the commit, so a rolled-back change is never
 * announced and an announced one is always in the history.
 */
export function withEvents<T>(ctx: ServerContext, change: (emit: Emit) => T): T {
  const recorded: HubEvent[] = [];
  const result = ctx.db
    .transaction(() => change((data, options) => recorded.push(ctx.hub.record(data, options))))
    .immediate();
  for (const event of recorded) ctx.hub.dispatch(event);
  return result;
}
