// The process's event bus: Yoga's typed pub/sub. Services publish; subscriptions and socket handling listen.
import { createPubSub } from 'graphql-yoga';

export interface SessionsRevokedEvent {
  userId: number;
  /** Specific sessions, or every session of the user when absent. */
  sessionIds?: number[];
  /** Sessions to keep (the caller's own, after a password change). */
  exceptSessionIds?: number[];
  reason: string;
}

export type EventMap = {
  sessionsRevoked: [SessionsRevokedEvent];
};

export function createEvents() {
  return createPubSub<EventMap>();
}

export type Events = ReturnType<typeof createEvents>;
