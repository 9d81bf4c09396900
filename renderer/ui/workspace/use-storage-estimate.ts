import { useCallback, useEffect, useState } from 'react';

export type StorageStatus = {
  /** Bytes used and allowed, when the browser reports them. */
  readonly usage: number | null;
  readonly quota: number | null;
  /** Whether the browser promised not to evict the data; null when it cannot say. */
  readonly persisted: boolean | null;
  /** Whether persistence can be requested at all here. */
  readonly canPersist: boolean;
};

const UNKNOWN: StorageStatus = { usage: null, quota: null, persisted: null, canPersist: false };

/** Reads navigator.storage (estimate, persisted) and offers persist(). */
export function useStorageStatus(refreshKey: unknown): {
  readonly status: StorageStatus;
  readonly requestPersist: () => Promise<boolean>;
} {
  const [status, setStatus] = useState<StorageStatus>(UNKNOWN);

  const read = useCallback(async (): Promise<StorageStatus> => {
    // navigator.storage is missing in old browsers and in insecure contexts.
    const storage =
      'storage' in navigator ? (navigator.storage as StorageManager | undefined) : undefined;
    if (!storage) return UNKNOWN;
    const estimate = await storage.estimate().catch(() => null);
    const persisted = await storage.persisted().catch(() => null);
    return {
      usage: estimate?.usage ?? null,
      quota: estimate?.quota ?? null,
      persisted,
      canPersist: typeof storage.persist === 'function',
    };
  }, []);

  useEffect(() => {
    let live = true;
    void read().then((s) => {
      if (live) setStatus(s);
    });
    return () => {
      live = false;
    };
  }, [read, refreshKey]);

  const requestPersist = useCallback(async (): Promise<boolean> => {
    const granted = await navigator.storage.persist().catch(() => false);
    setStatus(await read());
    return granted;
  }, [read]);

  return { status, requestPersist };
}
