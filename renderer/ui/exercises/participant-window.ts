import { getPlatform } from '../../platform';
import { participantHash } from './exercise-route';

/**
 * Opens the participant view for the projector: a second window in the desktop app (the
 * main process creates it with the same hardened settings), a new browser window
 * otherwise. Both show the same exercise, kept in step through IndexedDB.
 */
export async function openParticipantView(exerciseId: string): Promise<void> {
  const platform = getPlatform();
  if (platform.openParticipantWindow) {
    await platform.openParticipantWindow(exerciseId);
    return;
  }
  const url = `${window.location.pathname}${window.location.search}${participantHash(exerciseId)}`;
  window.open(url, `bulwark-participant-${exerciseId}`, 'noopener');
}
