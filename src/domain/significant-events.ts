import type { SignificantEventType } from './deadlines.ts';

/** A significant event as recorded: what, when, and in words. */
export interface SignificantEventInput {
  type: SignificantEventType;
  occurredOn: string;
  description: string;
}

/**
 * The significant event a change to a person's record amounts to, if any (MAPPA.md §3 step 8): a
 * new home (the "Albert" case), a new partner or household member (the "Daryl" case), a changed
 * overall risk of serious harm. Corrections to an existing row are not events.
 */
export function eventForRecordChange(
  sectionName: string,
  values: Record<string, unknown>,
  previousRosh: string | null,
): SignificantEventInput | null {
  const on = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : null);
  if (sectionName === 'addresses' && values.type !== 'proposed_release' && !values.toDate) {
    return {
      type: 'change_of_address',
      occurredOn: on('fromDate')!,
      description: 'A new address was recorded.',
    };
  }
  if (
    sectionName === 'relationships' &&
    (values.type === 'partner' || values.type === 'household_member') &&
    !values.toDate
  ) {
    return {
      type: 'new_relationship',
      occurredOn: on('fromDate') ?? '',
      description: 'A new relationship was recorded.',
    };
  }
  if (sectionName === 'risk-assessments' && previousRosh !== null && values.roshOverall !== previousRosh) {
    return {
      type: 'risk_assessment_change',
      occurredOn: on('assessedOn')!,
      description: `Overall RoSH changed from ${String(previousRosh).toLowerCase().replace('_', ' ')} to ${String(values.roshOverall).toLowerCase().replace('_', ' ')}.`,
    };
  }
  return null;
}
