import type { ServerEvent } from '../../core/protocol/index.js';
import type { EventRepo } from '../db/EventRepo.js';
import type { Viewer, VisitorRepo } from '../db/VisitorRepo.js';

/** An event on its way to streams. `id` is null for transient events (typing), never stored. */
export interface HubEvent {
  id: number | null;
  /** The visitor owning the conversation. */
  visitorId: string;
  /** That visitor's host user id when the event was made, for same-user fan-out. */
  userId: string | null;
  /** False for events only the desk sees (visitor typing, visitor read, page context). */
  visitorVisible: boolean;
  data: ServerEvent;
}

export interface PublishOptions {
  visitorId: string;
  visitorVisible?: boolean;
  /** Send live only, without an event id or replay (typing indicators). */
  transient?: boolean;
}

export type Audience = { kind: 'operator' } | { kind: 'visitor'; sessionId: string; viewer: Viewer };

export interface Subscriber {
  audience: Audience;
  deliver(event: HubEvent): void;
  /** Ends the stream: the server is closing or the session ended. */
  close(): void;
}

export type HubErrorReporter = (error: unknown) => void;

/**
 * Fans events out to every open SSE stream that may see them: all streams (tabs) of the owning
 * visitor, streams of other visitors linked to the same user, and every operator stream.
 * Storing and dispatching are separate steps so the store can happen inside the transaction
 * that made the change and the dispatch right after it commits.
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();

  constructor(
    private readonly events: EventRepo,
    private readonly visitors: VisitorRepo,
    private readonly now: () => Date,
    private readonly reportError: HubErrorReporter,
  ) {}

  /** Stores the event (unless transient) and returns it ready for {@link dispatch}. */
  record(data: ServerEvent, options: PublishOptions): HubEvent {
    const visitorVisible = options.visitorVisible ?? true;
    const id = options.transient
      ? null
      : this.events.insert(options.visitorId, visitorVisible, data, this.now());
    const userId = this.visitors.get(options.visitorId)?.userId ?? null;
    return { id, visitorId: options.visitorId, userId, visitorVisible, data };
  }

  dispatch(event: HubEvent): void {
    for (const subscriber of this.subscribers) {
      if (!accepts(subscriber.audience, event)) continue;
      try {
        subscriber.deliver(event);
      } catch (error) {
        // One broken stream must not starve the others; it reconnects with Last-Event-ID.
        this.reportError(error);
        this.subscribers.delete(subscriber);
        subscriber.close();
      }
    }
  }

  /** Record and dispatch at once, for changes made outside a transaction. */
  publish(data: ServerEvent, options: PublishOptions): HubEvent {
    const event = this.record(data, options);
    this.dispatch(event);
    return event;
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  /** A visitor was linked to a host user: its open streams now also see that user's events. */
  relinkVisitor(visitorId: string, userId: string | null): void {
    for (const { audience } of this.subscribers) {
      if (audience.kind === 'visitor' && audience.viewer.visitorId === visitorId) {
        audience.viewer.userId = userId;
      }
    }
  }

  /** Ends the streams of a session whose token stopped working. */
  closeSession(sessionId: string): void {
    for (const subscriber of [...this.subscribers]) {
      if (subscriber.audience.kind === 'visitor' && subscriber.audience.sessionId === sessionId) {
        this.subscribers.delete(subscriber);
        subscriber.close();
      }
    }
  }

  closeAll(): void {
    for (const subscriber of [...this.subscribers]) {
      this.subscribers.delete(subscriber);
      subscriber.close();
    }
  }
}

function accepts(audience: Audience, event: HubEvent): boolean {
  if (audience.kind === 'operator') return true;
  if (!event.visitorVisible) return false;
  const { viewer } = audience;
  return event.visitorId === viewer.visitorId || (viewer.userId !== null && event.userId === viewer.userId);
}
