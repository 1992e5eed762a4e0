// The realtime module's per-request loaders, each made on first use (see createLoaders in ../../graphql/context.ts).
import DataLoader from 'dataloader';
import type { Runtime } from '../../runtime.js';
import { statusesOf } from './presence.js';

export const realtimeLoaders = {
  userStatus: (runtime: Runtime) => new DataLoader((ids: readonly number[]) => statusesOf(runtime, ids)),
};
