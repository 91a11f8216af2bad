import type { FastifyPluginAsync } from 'fastify';
import { formatDateLong } from '../../../domain/dates.ts';
import type { Web } from '../../../web/types.ts';
import type { StartPage } from '../schemas.ts';
import { startPage } from '../use-cases.ts';

/** The start page: MoJ dashboard panels, each number a link to the list it counts. */

const WHY_TEXT = {
  chair: 'You chair it',
  manager: 'Someone you manage is on the agenda',
  invited: 'Your agency is invited',
  area: 'Your area’s meeting',
} as const;

const REPORT_STATUS_TEXT = {
  draft: 'Draft to finish',
  returned: 'Returned to you',
  submitted: 'Awaiting approval',
} as const;

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The numbers across the top: what each counts, and the list it links to. */
function panels(start: StartPage) {
  const { obligations } = start;
  const items: { count: number; text: string; href: string; colour: string; hint?: string }[] = [
    {
      count: obligations.overdue,
      text: 'overdue on my caseload',
      href: '/worklists/mine?due=overdue',
      colour: obligations.overdue ? 'red' : 'grey',
    },
    {
      count: obligations.dueThisWeek,
      text: 'due in the next 7 days',
      href: '/worklists/mine?due=week',
      colour: obligations.dueThisWeek ? 'orange' : 'grey',
    },
  ];
  if (start.actions)
    items.push({
      count: start.actions.open,
      text: `open ${plural(start.actions.open, 'action', 'actions')}`,
      href: '/actions',
      colour: start.actions.overdue ? 'red' : 'blue',
      hint: `${start.actions.overdue} overdue`,
    });
  if (start.meetings)
    items.push({
      count: start.meetings.length,
      text: `${plural(start.meetings.length, 'meeting', 'meetings')} in the next 4 weeks`,
      href: '#meetings',
      colour: 'purple',
    });
  if (start.referrals?.awaitingScreening)
    items.push({
      count: start.referrals.awaitingScreening.count,
      text: `${plural(start.referrals.awaitingScreening.count, 'referral', 'referrals')} awaiting screening`,
      href: '/referrals',
      colour: start.referrals.awaitingScreening.count ? 'orange' : 'grey',
    });
  if (start.minutesToApprove)
    items.push({
      count: start.minutesToApprove.length,
      text: `${plural(start.minutesToApprove.length, 'person’s minutes', 'people’s minutes')} to approve`,
      href: '#minutes',
      colour: start.minutesToApprove.length ? 'orange' : 'grey',
    });
  items.push({
    count: start.inbox.unread,
    text: `unread in my inbox`,
    href: '/inbox',
    colour: start.inbox.unread ? 'blue' : 'grey',
  });
  return items;
}

export const startPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    app.get('/start', { config: { action: 'nominal.view' } }, async (request, reply) => {
      const ctx = web.context(request);
      const start = await startPage(database, ctx);
      return reply.render('start/views/start.njk', {
        title: 'Home',
        start,
        panels: panels(start),
        todayText: formatDateLong(start.today),
        whyText: WHY_TEXT,
        reportStatusText: REPORT_STATUS_TEXT,
        areaLists: start.area?.lists.map((l) => ({ ...l, href: `/worklists/area?list=${l.key}` })) ?? [],
      });
    });
  };
