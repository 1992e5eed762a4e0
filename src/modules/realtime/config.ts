// The realtime module's variables: caps on long-lived connections, counted per instance (0: no cap); see caps.ts.
// Sized for a person with many tabs and devices, so an account or a host cannot hold enough of them to slow
// everyone else.
import { configFragment, intInRange } from '../../env.js';

export const realtimeConfig = configFragment(
  {
    WS_MAX_SOCKETS_PER_USER: intInRange(0, 100_000, 20),
    WS_MAX_SUBSCRIPTIONS_PER_SOCKET: intInRange(0, 100_000, 50),
    WS_MAX_OPERATIONS_PER_SECOND: intInRange(0, 100_000, 10),
    MAX_CONNECTIONS_PER_IP: intInRange(0, 1_000_000, 100),
    SSE_MAX_STREAMS_PER_USER: intInRange(0, 100_000, 50),
  },
  (env) => ({
    socketsPerUser: env.WS_MAX_SOCKETS_PER_USER,
    subscriptionsPerSocket: env.WS_MAX_SUBSCRIPTIONS_PER_SOCKET,
    operationsPerSecond: env.WS_MAX_OPERATIONS_PER_SECOND,
    /** graphql-ws sockets and HTTP subscription streams (SSE) together, per client address. */
    connectionsPerIp: env.MAX_CONNECTIONS_PER_IP,
    /** HTTP subscription streams (SSE) per user. */
    streamsPerUser: env.SSE_MAX_STREAMS_PER_USER,
  }),
);
