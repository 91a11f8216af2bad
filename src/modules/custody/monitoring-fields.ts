import { CONTACT_LINK, FLAG_OUTCOME, MONITORING_REASON } from '../../domain/communications-monitoring.ts';
import type { CodeList, FieldSpec } from '../../validation/fields.ts';

/**
 * The monitoring pages' forms, one list of fields each: how each input of monitoring-schemas.ts is
 * asked for on a page (labels, hints, the kind of control). The schemas alone decide what is valid.
 */

/** A form's field: a FieldSpec, or several codes chosen at once (checkboxes). */
export type MonitoringField =
  FieldSpec | { kind: 'codes'; key: string; label: string; hint?: string; single?: boolean; codes: CodeList };

/** A FieldSpec for a form only: nothing here is a column (the use cases write the rows). */
const field = (f: DistributiveOmit<FieldSpec, 'column'>): FieldSpec => ({ ...f, column: f.key }) as FieldSpec;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type MonitoringForm = 'start' | 'review' | 'contact' | 'communication' | 'acknowledge' | 'release';

export const MONITORING_FORMS: Record<MonitoringForm, { title: string; fields: readonly MonitoringField[] }> =
  {
    start: {
      title: 'Start communications monitoring',
      fields: [
        field({
          key: 'pinAccount',
          label: 'PIN account',
          kind: 'text',
          required: true,
          hint: 'The phone system account: imported call records are matched to the person by it',
        }),
        {
          kind: 'codes',
          key: 'reasons',
          label: 'Why the person is monitored',
          hint: 'Select all that apply',
          codes: MONITORING_REASON,
        },
        field({
          key: 'authorisedBy',
          label: 'Authorised by',
          kind: 'text',
          required: true,
          hint: 'Name and grade',
        }),
        field({ key: 'authorisedOn', label: 'Date authorised', kind: 'date', required: true }),
      ],
    },
    review: {
      title: 'Monthly review of monitoring',
      fields: [
        field({ key: 'reviewedOn', label: 'Date reviewed', kind: 'date', required: true }),
        {
          kind: 'codes',
          key: 'continue',
          label: 'Does monitoring continue?',
          single: true,
          codes: [
            { code: 'yes', label: 'Yes, it continues: the next review is a month on' },
            { code: 'no', label: 'No, monitoring ends' },
          ],
        },
        field({
          key: 'reason',
          label: 'Why monitoring ends',
          kind: 'longtext',
          hint: 'Needed when monitoring ends',
        }),
      ],
    },
    contact: {
      title: 'Add a linked number or address',
      fields: [
        field({
          key: 'counterpart',
          label: 'Number or address',
          kind: 'text',
          required: true,
          hint: 'A UK phone number in any form (07700 900123, +44 7700 900123) or a postal address',
        }),
        field({
          key: 'link',
          label: 'Whose number or address it is',
          kind: 'code',
          required: true,
          codes: CONTACT_LINK,
        }),
        field({
          key: 'source',
          label: 'Source',
          kind: 'text',
          required: true,
          hint: 'Where on the record it comes from, for example “Relationship: victim (Jane Doe)”',
        }),
      ],
    },
    communication: {
      title: 'Record a call, letter or visit',
      fields: [
        field({
          key: 'kind',
          label: 'Call, letter or visit',
          kind: 'code',
          required: true,
          codes: [
            { code: 'call', label: 'Call' },
            { code: 'mail', label: 'Letter' },
            { code: 'visit', label: 'Visit' },
          ],
        }),
        field({ key: 'occurredOn', label: 'Date', kind: 'date', required: true }),
        field({ key: 'counterpart', label: 'Number, address or visitor', kind: 'text', required: true }),
        field({ key: 'durationSeconds', label: 'Duration in seconds', kind: 'integer', hint: 'Calls only' }),
        field({
          key: 'listenedOn',
          label: 'Date listened to',
          kind: 'date',
          hint: 'Calls only: a call not listened to counts towards the listening backlog',
        }),
        field({ key: 'summary', label: 'Summary', kind: 'longtext' }),
        field({ key: 'language', label: 'Language', kind: 'text', hint: 'If not English' }),
        field({ key: 'translationRequestedOn', label: 'Date translation requested', kind: 'date' }),
        field({ key: 'translationDoneOn', label: 'Date translation done', kind: 'date' }),
        field({ key: 'concerns', label: 'Concerns', kind: 'longtext' }),
      ],
    },
    acknowledge: {
      title: 'Deal with a monitoring flag',
      fields: [
        field({ key: 'outcome', label: 'Outcome', kind: 'code', required: true, codes: FLAG_OUTCOME }),
        field({
          key: 'note',
          label: 'Note',
          kind: 'longtext',
          hint: 'For example, the intelligence report’s number',
        }),
      ],
    },
    release: {
      title: 'Release a flag to the community managers',
      fields: [
        field({
          key: 'summary',
          label: 'Summary for the community managers',
          kind: 'longtext',
          required: true,
          hint: 'They see this summary and the kind of flag only: nothing else of the monitoring',
        }),
      ],
    },
  };
