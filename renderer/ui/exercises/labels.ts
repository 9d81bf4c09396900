import type { ClockStatus } from '../../../core/exercises/clock';
import type { ActionStatus } from '../../../core/exercises/exercise';
import type { InjectStatus } from '../../../core/exercises/schedule';
import type { Channel } from '../../../core/exercises/types';

/** Words for inject states in the MSEL. */
export const INJECT_STATUS_LABELS: Readonly<Record<InjectStatus, string>> = {
  upcoming: 'Upcoming',
  due: 'Due',
  held: 'Held: waits for an answer',
  'not-taken': 'Branch not taken',
  delivered: 'Delivered',
  skipped: 'Skipped',
};

/** Words for clock states. */
export const CLOCK_STATUS_LABELS: Readonly<Record<ClockStatus, string>> = {
  ready: 'Not started',
  running: 'Running',
  paused: 'Paused',
  ended: 'Ended',
};

/** Words for channels. */
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  alert: 'Alert',
  email: 'Email',
  phone: 'Phone call',
  chat: 'Chat',
  ticket: 'Ticket',
  news: 'News',
  'social-media': 'Social media',
  'in-person': 'In person',
  'status-page': 'Status page',
  dashboard: 'Dashboard',
};

/** Words for expected-action results. */
export const ACTION_LABELS: Readonly<Record<ActionStatus | '', string>> = {
  '': 'Not assessed',
  performed: 'Performed',
  partial: 'Partially performed',
  'not-performed': 'Not performed',
};
