import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { deliverEmails, type Mailer } from '../modules/notifications/index.ts';

/**
 * Notifications are written in the same transaction as the change that caused them; their emails
 * go once the answer has been sent. One run at a time: a request during a run asks for another.
 */
export function setUpEmailDelivery(
  app: FastifyInstance,
  deps: { database: Database; clock: Clock; mailer: Mailer | undefined; baseUrl: string },
): void {
  const { database, clock, mailer, baseUrl } = deps;
  if (!mailer) return;
  let delivering = false;
  let deliverAgain = false;
  app.addHook('onResponse', async (request) => {
    if (request.method !== 'POST' && request.method !== 'PUT') return;
    if (delivering) {
      deliverAgain = true;
      return;
    }
    delivering = true;
    try {
      do {
        deliverAgain = false;
        await deliverEmails(database, mailer, baseUrl, clock);
      } while (deliverAgain);
    } catch (error) {
      request.log.error({ err: error }, 'email delivery failed');
    } finally {
      delivering = false;
    }
  });
}
