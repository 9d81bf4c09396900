import { useApiCount } from '../../storage';
import { useFirstRender } from '../lib/first-render';
import { AboutCard } from './AboutCard';
import { BackupCard } from './BackupCard';
import { RestoreCard } from './RestoreCard';
import { StorageCard } from './StorageCard';

/** Backup, restore, storage health and version: keeping the local workspace safe. */
export function WorkspaceScreen() {
  const count = useApiCount();
  useFirstRender(count !== undefined);
  return (
    <div className="workspace">
      <p className="workspace__intro">
        Your workspace lives only on this device, in the app&apos;s local storage. Back it up
        regularly and before upgrades; a backup restores the whole workspace here or on another
        machine.
      </p>
      <div className="workspace__grid">
        <BackupCard count={count} />
        <RestoreCard />
        <StorageCard count={count} />
        <AboutCard />
      </div>
    </div>
  );
}
