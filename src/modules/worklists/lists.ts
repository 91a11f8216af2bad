import type { ObligationListKey } from '../levels/index.ts';

/** The area's worklists, in the order they are shown: the obligations' lists, then overdue actions. */
export const AREA_LISTS = [
  { key: 'no-level', label: 'Eligible – level not set' },
  { key: 'release-no-level', label: 'Custody: release within 6 months, no level' },
  { key: 'rotl-no-level', label: 'On temporary licence (ROTL), no level' },
  { key: 'level1-review-overdue', label: 'Level 1 reviews overdue' },
  { key: 'level23-review-overdue', label: 'Level 2 and 3 reviews overdue' },
  { key: 'events-unreviewed', label: 'Significant events not yet reviewed' },
  { key: 'notification-due', label: 'Notifications to the police due in 30 days or overdue' },
  { key: 'eligibility-ending', label: 'Eligibility ending in the next 30 days' },
  { key: 'reduced-near-release', label: 'Levels reduced within 28 days of release' },
  // One row per action (not per person), so the coordinator can chase each owner.
  { key: 'overdue-actions', label: 'Overdue actions' },
] as const satisfies readonly { key: ObligationListKey | 'overdue-actions'; label: string }[];
export type AreaListKey = (typeof AREA_LISTS)[number]['key'];
