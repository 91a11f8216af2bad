import { ROLE } from '../domain/codes.ts';
import { POLICY, type Action } from './policy.ts';

/** What each action means, for the table people read in docs/security.md. */
export const ACTION_DESCRIPTIONS: Record<Action, string> = {
  'nominal.search': 'Search for people',
  'nominal.view': 'View a person’s record',
  'nominal.create': 'Create a record',
  'nominal.edit': 'Change a record',
  'nominal.justified-access': 'Open a record outside their scope, giving a reason',
  'section.victims': 'See victim details',
  'section.health': 'See health information',
  'section.intelligence': 'See police intelligence with a handling restriction',
  'aggregates.view': 'See counts (no personal data)',
  'accesslog.view': 'Read the access log',
  'accesslog.export': 'Export a person’s access history',
  'justified-access.review': 'Review justified accesses',
  'justified-access.view-area': 'See who opened their area’s records from outside',
  'retention.review': 'See the records due for review for deletion',
  'retention.erase': 'Erase a person’s personal data (with a reason)',
  'reference.view': 'Read reference data (areas, agencies)',
  'user.manage': 'Manage users',
  'level.decide': 'Record a screening and level decision',
  'worklist.area': 'See the area worklists',
  'category3.view': 'See Category 3 candidates',
  'category3.consider': 'Record a Category 3 consideration',
  'notification.record': 'Record a registered sex offender’s notification to the police',
  'area.settings': 'Change their area’s review intervals and countersignature rule',
  'level.countersign': 'Countersign a level decision',
  'level.override': 'Reduce a level or end MAPPA with actions still open, giving a reason',
  'referral.create': 'Refer a person to Level 2 or 3',
  'referral.view': 'See referrals and their decisions',
  'referral.screen': 'Screen referrals: accept or reject with a rationale',
  'meeting.view': 'See meetings, agendas and minutes',
  'meeting.manage': 'Schedule meetings, record attendance and minutes',
  'minutes.approve': 'Approve (lock) minutes as the chair',
  'action.update': 'Update actions they own',
  'rmp.view': 'See the risk management plan',
  'rmp.edit': 'Change the risk management plan',
  'prison-report.write': 'Write the prison report (MAPPA F)',
  'prison-report.approve': 'Approve a prison report before it is shared',
  'custody.view': 'See custody: establishment, sentence dates, allocation, handover, pre-release checks',
  'custody.edit':
    'Record custody: reception, moves, dates, allocation, handover, pre-release checks, release',
  'inbox.mark-read': 'Mark their own inbox items read',
  'monitoring.view': 'See communications monitoring (the security compartment)',
  'monitoring.manage': 'Record monitoring, call records and communications; deal with flags',
  'monitoring.release': 'Release a monitoring flag and a summary to the community managers',
  'monitoring.released':
    'See monitoring flags released to the community managers (and, with monitoring.view, the whole case)',
};

const CELL = { yes: '✔', area: 'area', involved: 'invited' } as const;

/** The access policy as a Markdown table: roles across, actions down. Generated from POLICY itself. */
export function policyTableMarkdown(): string {
  const header = `| action | ${ROLE.map((r) => r.label).join(' | ')} |`;
  const rule = `|---|${ROLE.map(() => ':-:').join('|')}|`;
  const rows = (Object.keys(POLICY) as Action[]).map(
    (action) =>
      `| ${ACTION_DESCRIPTIONS[action]} (\`${action}\`) | ${ROLE.map((r) => CELL[POLICY[action][r.code] as keyof typeof CELL] ?? '–').join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}
