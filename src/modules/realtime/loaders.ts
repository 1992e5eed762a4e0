// The realtime module's per-request loaders.
import DataLoader from 'dataloader';
import type { Runtime } from '../../runtime.js';
import { statusesOf } from './presence.js';

export const realtimeLoaders = (runtime: Runtime) => ({
  userStatus: new DataLoader((ids: readonly number[]) => statusesOf(runtime, ids)),
});
