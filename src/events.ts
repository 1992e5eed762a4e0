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

/** An administrator moved a user to another role (published after the change committed). */
export interface UserRoleChangedEvent {
  userId: number;
  actorId: number;
  fromRoleId: number;
  toRoleId: number;
  reason: string | null;
}

/** An administrator disabled or re-enabled a user (published after the change committed). */
export interface UserStatusChangedEvent {
  userId: number;
  actorId: number;
  active: boolean;
  reason: string | null;
}

export type EventMap = {
  sessionsRevoked: [SessionsRevokedEvent];
  userRoleChanged: [UserRoleChangedEvent];
  userStatusChanged: [UserStatusChangedEvent];
};

export function createEvents() {
  return createPubSub<EventMap>();
}

export type Events = ReturnType<typeof createEvents>;
