import type { SignificantEventType } from './deadlines.ts';

/** A significant event as recorded: what, when, and in words. */
export interface SignificantEventInput {
  type: SignificantEventType;
  occurredOn: string;
  description: string;
}

/** What the record held before the change, and the day it is made. */
export interface RecordBefore {
  /** The overall RoSH of the latest assessment, when a new one is added. */
  previousRosh: string | null;
  /** The latest conviction date already on the record, when a conviction is added. */
  latestConvictionDate?: string | null;
  today: string;
}

/**
 * The significant event a change to a person's record amounts to, if any (MAPPA.md §3 step 8): a
 * new home (the "Albert" case), a new partner or household member (the "Daryl" case), a further
 * conviction, a changed overall risk of serious harm. Corrections to an existing row are not
 * events. An optional date left blank never silences the event: it is dated the day it is recorded.
 */
export function eventForRecordChange(
  sectionName: string,
  values: Record<string, unknown>,
  before: RecordBefore,
): SignificantEventInput | null {
  const on = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : null);
  const { previousRosh, today } = before;
  if (sectionName === 'addresses' && values.type !== 'proposed_release' && !values.toDate) {
    return {
      type: 'change_of_address',
      occurredOn: on('fromDate') ?? today,
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
      occurredOn: on('fromDate') ?? today,
      description: on('fromDate')
        ? 'A new relationship was recorded.'
        : 'A new relationship was recorded (start date not known).',
    };
  }
  // The first conviction on a record is why they are here, and an older one filled in later is
  // history; a conviction after every one already recorded is a further offence.
  const convicted = on('convictionDate');
  if (
    sectionName === 'convictions' &&
    convicted &&
    before.latestConvictionDate &&
    convicted > before.latestConvictionDate
  ) {
    return {
      type: 'further_offence',
      occurredOn: convicted,
      description: 'A further conviction was recorded.',
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
