// The incident room's changes, by part of the room (see change-context.ts for how they run).
export { entry, type Actx } from './change-context';
export { assignRole, setField, setKeyTime, setSeverity, setStatus } from './changes-header';
export { addTask, applyRunEvents, runEvents, startPlaybook, toggleTask } from './changes-run';
export { dismissClock, startClock } from './changes-clocks';
export {
  addCorrection,
  addNote,
  markNotificationSent,
  saveNotification,
  type RedactedNote,
} from './changes-notes';
export { saveReview } from './changes-review';
