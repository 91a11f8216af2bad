import { z } from 'zod';
import { ACTION_STATUS, PILLAR } from '../../domain/codes.ts';
import { pathId, version } from '../../validation/parse.ts';

/**
 * One zod schema per input of the actions capability: the update form and the JSON body are the
 * same object, which Fastify enforces on the API and the OpenAPI document describes. The use cases
 * then apply the rules that need the record (owner agency exists, status may change, due date).
 */

const statusCodes = ACTION_STATUS.map((s) => s.code) as [string, ...string[]];
const pillarCodes = PILLAR.map((p) => p.code) as [string, ...string[]];
/** Forms send "" for an untouched field: that is "not given". */
const blank = (v: unknown) => (v === '' ? undefined : v);

export const ActionParams = z.object({ actionId: pathId });
export const NominalParams = z.object({ id: pathId });
/** The action page says an update was just recorded (`?updated=recorded`); anything else is ignored. */
export const ActionPageQuery = z.object({ updated: z.string().optional().catch(undefined) });

export const ActionUpdateInput = z.object({
  note: z.preprocess(
    blank,
    z
      .string({ error: 'Enter what has happened' })
      .max(4000, { error: 'Update must be 4000 characters or fewer' })
      .optional()
      .describe('Progress; required unless the status changes'),
  ),
  status: z.preprocess(
    blank,
    z
      .enum(statusCodes, { error: 'Select what happens to the action' })
      .optional()
      .describe('Open actions may be completed or cancelled; closed ones only reopened'),
  ),
  version,
});

export const NewActionInput = z.object({
  description: z.string({ error: 'Enter what needs to be done' }).max(2000),
  pillar: z.enum(pillarCodes, { error: 'Select the pillar of the risk management plan' }),
  safeguarding: z.boolean().optional(),
  ownerAgencyId: z.string({ error: 'Select the agency that owns the action' }).describe('An agency id'),
  ownerUserId: z.string().optional().describe('A user of the owner agency'),
  ownerName: z.string().max(200).optional().describe('A named person without a Vigil account'),
  dueOn: z.iso.date({ error: 'Enter the date it is due by' }).describe('Today or later'),
});

const ActionUpdateView = z.object({
  id: z.uuid(),
  note: z.string(),
  status: z.enum(statusCodes),
  meetingId: z.uuid().nullable().describe('Recorded at this meeting'),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  createdByAgency: z.string(),
});

export const ActionView = z.object({
  id: z.uuid(),
  nominalId: z.uuid(),
  nominalName: z.string(),
  vigilRef: z.string(),
  meetingId: z.uuid().nullable().describe('The meeting that agreed it'),
  description: z.string(),
  pillar: z.enum(pillarCodes),
  safeguarding: z.boolean(),
  ownerAgencyId: z.uuid(),
  ownerAgencyName: z.string(),
  ownerUserId: z.uuid().nullable(),
  ownerUserName: z.string().nullable(),
  ownerName: z.string().nullable().describe('A named person without a Vigil account'),
  dueOn: z.iso.date(),
  status: z.enum(statusCodes),
  overdue: z.boolean().describe('Open and due before today'),
  completedOn: z.iso.date().nullable(),
  distributedAt: z.iso.datetime().nullable().describe('When its owner was notified'),
  version: z.number().int().describe('Send it back with an update'),
  updates: z.array(ActionUpdateView),
});
