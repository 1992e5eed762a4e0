// Building blocks for the per-request DataLoaders each module contributes (see createLoaders in ./context.ts).
import DataLoader from 'dataloader';

/** A DataLoader over rows keyed by `id`, answering undefined for ids with no row. */
export function loaderById<T extends { id: number }>(load: (ids: number[]) => Promise<T[]>): DataLoader<number, T | undefined> {
  return new DataLoader(async (ids) => {
    const byId = new Map((await load([...ids])).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  });
}
