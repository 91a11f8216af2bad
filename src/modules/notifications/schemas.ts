import { z } from 'zod';
import { pathId } from '../../validation/parse.ts';

/** The inbox's inputs (a notification's id in the address) and what its API answers. */

export const NotificationParams = z.object({ id: pathId });

export const InboxView = z.object({
  unread: z.number().int(),
  notifications: z.array(
    z.object({
      id: z.uuid(),
      subject: z.string(),
      body: z.string(),
      link: z.string().nullable().describe('Where in Vigil it is about'),
      createdAt: z.iso.datetime(),
      readAt: z.iso.datetime().nullable(),
      vigilRef: z.string().nullable().describe('The person it is about'),
      createdBy: z.string().nullable().describe('Who caused it (none: Vigil itself)'),
    }),
  ),
});
