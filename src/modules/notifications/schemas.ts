import { z } from 'zod';
import { pathId } from '../../validation/parse.ts';
import { INBOX_SUBJECT_TYPES } from './inbox-items.ts';

/** The inbox's inputs (a notification's id in the address) and what its API answers. */

export const NotificationParams = z.object({ id: pathId });
export const InboxItemParams = z.object({ notificationId: pathId });

export const InboxView = z.object({
  unread: z.number().int(),
  notifications: z.array(
    z.object({
      id: z.uuid(),
      subject: z.string().describe('What changed, naming the person it is about'),
      body: z.string(),
      link: z.string().nullable().describe('Where in Vigil it is about'),
      createdAt: z.iso.datetime(),
      readAt: z.iso.datetime().nullable(),
      vigilRef: z.string().nullable().describe('The person it is about'),
      person: z
        .object({ name: z.string(), vigilRef: z.string(), link: z.string() })
        .nullable()
        .describe('The person it is about, and their record'),
      about: z
        .object({ type: z.enum(INBOX_SUBJECT_TYPES), label: z.string(), link: z.string().nullable() })
        .nullable()
        .describe('What it asks for work on: a referral, meeting, minutes, prison report or action'),
      createdBy: z.string().nullable().describe('Who caused it (none: Vigil itself)'),
      resolved: z
        .object({ at: z.iso.datetime(), by: z.string().nullable() })
        .nullable()
        .describe('The work it asked for is done (by anyone entitled to do it): when, and by whom'),
    }),
  ),
});

export const MarkedRead = z.object({
  id: z.uuid(),
  readAt: z.iso.datetime(),
  link: z.string().nullable().describe('Where in Vigil it is about'),
});
