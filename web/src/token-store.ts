// Where the sign-in's tokens are kept: IndexedDB, one record. Not localStorage: Chromium keeps a copy of
// localStorage in each tab's process and brings the others up to date asynchronously, so a tab could take the
// refresh lock right after another tab refreshed and still read the spent refresh token. IndexedDB transactions are
// ordered by the browser itself: a read that starts after another tab's write has completed sees that write.
// Without IndexedDB (some private modes), tokens live in this tab's memory only.

const DATABASE = 'membership';
const STORE = 'session';
const KEY = 'current';

let opening: Promise<IDBDatabase | null> | undefined;
let memory: unknown = null;

function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

export async function load<T>(): Promise<T | null> {
  const db = await open();
  if (!db) return memory as T | null;
  return new Promise((resolve, reject) => {
    const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
    request.onsuccess = () => resolve((request.result as T | undefined) ?? null);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves once the write has committed, so whoever reads next, in any tab, sees it. */
export async function save<T>(value: T | null): Promise<void> {
  const db = await open();
  if (!db) {
    memory = value;
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(STORE, 'readwrite');
    const store = transaction.objectStore(STORE);
    if (value === null) store.delete(KEY);
    else store.put(value, KEY);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}
