import { useId } from 'react';
import { getPlatform } from '../../platform';
import { Dialog } from '../components/Dialog';
import { ShieldMark } from '../components/ShieldMark';
import { useAppInfo } from '../lib/use-app-info';
import { AppInfoList } from '../workspace/AppInfoList';

/** Help › About: what Bulwark is and which build is running. */
export function AboutDialog({ onClose }: { readonly onClose: () => void }) {
  const titleId = useId();
  const info = useAppInfo();
  return (
    <Dialog labelledBy={titleId} onClose={onClose} closeOnBackdrop>
      <div className="about">
        <ShieldMark size={48} />
        <div>
          <h2 id={titleId} className="dialog__title">
            About Bulwark
          </h2>
          <p className="dialog__text">
            An offline-first API security workbench. Everything you enter stays on this device.
          </p>
        </div>
      </div>
      <AppInfoList info={info} kind={getPlatform().kind} />
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--primary"
          data-initial-focus
          onClick={onClose}
        >
          Close
        </button>
      </div>
    </Dialog>
  );
}
