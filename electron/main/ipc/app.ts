import { CHANNELS, appInfoRequest, type AppInfo } from '../../contract';
import { secureHandler, type IpcRegistrar, type TrustedContents } from './secure-handler';

/** Where app:info reads its facts (Electron's app and process.versions). */
export type AppInfoDeps = {
  readonly name: string;
  readonly version: string;
  readonly versions: {
    readonly electron?: string;
    readonly chrome?: string;
    readonly node?: string;
  };
  readonly platform: string;
};

/** app.info: names and versions for the About box; no paths, no environment. */
export function appInfo(deps: AppInfoDeps): AppInfo {
  return {
    name: deps.name,
    version: deps.version,
    electron: deps.versions.electron ?? 'unknown',
    chrome: deps.versions.chrome ?? 'unknown',
    node: deps.versions.node ?? 'unknown',
    platform: deps.platform,
  };
}

/** Registers app:info. */
export function registerAppHandlers(
  ipc: IpcRegistrar,
  deps: AppInfoDeps,
  trusted: TrustedContents,
  log?: (m: string, e: unknown) => void,
): void {
  ipc.handle(
    CHANNELS.appInfo,
    secureHandler(appInfoRequest, () => Promise.resolve(appInfo(deps)), trusted, log),
  );
}
