import { useEffect, useState } from 'react';
import { getPlatform, type AppInfo } from '../../platform';

/** The app's name and versions from the platform; null while loading or if unavailable. */
export function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    getPlatform()
      .appInfo()
      .then(
        (i) => {
          if (live) setInfo(i);
        },
        (e: unknown) => {
          console.error(e);
        },
      );
    return () => {
      live = false;
    };
  }, []);
  return info;
}
