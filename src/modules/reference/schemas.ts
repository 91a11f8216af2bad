import { z } from 'zod';

/** The reference data's one input (an area to narrow agencies to) and what its API answers. */

export const AgenciesQuery = z.object({
  area: z.string().optional().describe('MAPPA area code, e.g. AVS'),
});

export const AreaView = z.object({ code: z.string(), name: z.string() });

export const AgencyView = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.string().describe('Responsible Authority or Duty to Co-operate agency type'),
  areaCode: z.string(),
});

export const ActorView = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  agencyType: z.string(),
  areaCode: z.string(),
  roles: z.array(z.string()),
  serviceAccountId: z.uuid().optional().describe('Set for a service account token'),
  tokenScope: z
    .object({
      readOnly: z.boolean(),
      areaCodes: z.array(z.string()).nullable().describe('None: the user’s own scope'),
    })
    .optional(),
});
