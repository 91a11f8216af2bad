import { formatDateLong } from '../../domain/dates.ts';
import { DECISION_ROUTE_LABEL, REFERRAL_STATUS } from '../../domain/referrals.ts';
import { labelOf } from '../../domain/codes.ts';
import { LEVEL_CRITERION } from '../../domain/levels.ts';
import type { DocumentSection, VigilDocument } from '../../web/documents/document.ts';
import type { ReferralDetail } from './use-cases/reading.ts';

/**
 * MAPPA A, laid out like the national form: numbered sections, the record's parts first (as
 * assembled from Vigil, never retyped), then the referrer's own, then the screening decision.
 */

const yesNo = (v: boolean) => (v ? 'Yes' : 'No');
const dateTime = (value: string | null) =>
  value
    ? new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Europe/London',
      }).format(new Date(value))
    : '';
const longDate = (value: string | null) => (value ? formatDateLong(value.slice(0, 10)) : '');

export const REFERRAL_DOCUMENT_TITLE = 'MAPPA A: Referral to Level 2 or 3 management';

export function referralDocument(referral: ReferralDetail): VigilDocument {
  const r = referral.record;
  const d = referral.decision;
  const sections: DocumentSection[] = [
    {
      heading: '1. Personal details',
      rows: [
        { label: 'Name', value: r.name },
        { label: 'Vigil reference', value: r.vigilRef },
        ...r.personal.filter((row) => !['First name', 'Middle names', 'Last name'].includes(row.label)),
      ],
    },
    {
      heading: '2. Identifiers',
      table: {
        head: ['Identifier', 'Value'],
        rows: r.identifiers.map((i) => [i.label, i.value]),
        empty: 'None recorded.',
      },
    },
    {
      heading: '3. Addresses',
      rows: [
        { label: 'Current address', value: r.addresses.current ?? 'None recorded' },
        {
          label: 'Proposed release address',
          value:
            r.addresses.proposedRelease ??
            (referral.proposedReleaseAddress
              ? `${referral.proposedReleaseAddress} (given by the referrer)`
              : 'None recorded'),
        },
      ],
    },
    {
      heading: '4. Index offence and sentence',
      ...(r.indexOffence ? { rows: r.indexOffence.rows } : { paragraphs: ['No index offence is recorded.'] }),
      ...(r.otherConvictions.length
        ? { table: { head: ['Other offence', 'Conviction date', 'Outcome'], rows: r.otherConvictions } }
        : {}),
    },
    {
      heading: '5. Relevant dates',
      rows: [
        ...r.relevantDates,
        { label: 'Custody', value: r.mappa.inCustody ? 'In custody' : 'In the community' },
        ...(r.mappa.earliestReleaseOn
          ? [{ label: 'Earliest release', value: longDate(r.mappa.earliestReleaseOn) }]
          : []),
      ],
    },
    {
      heading: '6. MAPPA category and level',
      rows: [
        { label: 'Category', value: r.mappa.categoryLabel },
        ...(r.mappa.categoryReason ? [{ label: 'Why', value: r.mappa.categoryReason }] : []),
        { label: 'Current level', value: r.mappa.level ? `Level ${r.mappa.level}` : 'No level set' },
        {
          label: 'Level requested',
          value: referral.requestedLevel ? `Level ${referral.requestedLevel}` : 'Not given yet',
        },
        { label: 'Category 3 referral', value: yesNo(referral.category3) },
        { label: 'Emergency referral', value: yesNo(referral.emergency) },
        { label: 'Lead agency', value: r.mappa.leadAgency ?? 'Not recorded' },
        { label: 'MAPPA area', value: r.mappa.area },
      ],
    },
    {
      heading: '7. Risk assessment',
      ...(r.riskAssessment
        ? { rows: r.riskAssessment.rows }
        : { paragraphs: ['No risk assessment is recorded.'] }),
    },
    {
      heading: '8. Current risk management plan',
      ...(r.riskManagementPlan
        ? {
            rows: [
              ...r.riskManagementPlan.rows,
              {
                label: 'Version',
                value: `${r.riskManagementPlan.version}, ${longDate(r.riskManagementPlan.changedOn)} by ${r.riskManagementPlan.changedBy}`,
              },
            ],
            table: {
              head: ['Licence and order conditions'],
              rows: r.riskManagementPlan.conditions.map((c) => [c]),
              empty: 'No conditions recorded.',
            },
          }
        : { paragraphs: ['There is no risk management plan in Vigil yet.'] }),
    },
    {
      heading: '9. Markers',
      table: {
        head: ['Marker', 'Since', 'Notes'],
        rows: r.markers.map((m) => [m.label, longDate(m.startDate), m.notes]),
        empty: 'No current markers.',
      },
    },
    {
      heading: '10. Managers',
      table: {
        head: ['Role', 'Name', 'Agency'],
        rows: r.managers.map((m) => [m.role, m.name, m.agency]),
        empty: 'No current managers recorded.',
      },
    },
    { heading: '11. Reason for referral', paragraphs: [referral.reason ?? ''] },
    { heading: '12. What multi-agency management would add', paragraphs: [referral.valueAdded ?? ''] },
    {
      heading: '13. Agencies to invite',
      table: {
        head: ['Agency', 'Type'],
        rows: referral.invitedAgencies.map((a) => [a.name, a.type]),
        empty: 'None chosen.',
      },
    },
    {
      heading: '14. Screening decision',
      ...(d
        ? {
            rows: [
              {
                label: 'Decision',
                value: d.outcome === 'accepted' ? `Accepted at Level ${d.level}` : 'Rejected',
              },
              { label: 'Rationale', value: d.rationale },
              ...(d.criteria.length
                ? [
                    {
                      label: 'Level criteria',
                      value: d.criteria.map((c) => labelOf(LEVEL_CRITERION, c)).join('; '),
                    },
                  ]
                : []),
              { label: 'Route', value: DECISION_ROUTE_LABEL[d.route] },
              ...(d.panelMembers ? [{ label: 'Panel', value: d.panelMembers }] : []),
              ...(d.agreedBy ? [{ label: 'Agreed by (police)', value: d.agreedBy }] : []),
              { label: 'Decided by', value: d.decidedBy },
              { label: 'Decided at', value: dateTime(d.decidedAt) },
            ],
          }
        : { paragraphs: [`Not decided yet (${labelOf(REFERRAL_STATUS, referral.status).toLowerCase()}).`] }),
    },
  ];
  return {
    title: REFERRAL_DOCUMENT_TITLE,
    subtitle: `${r.name} (${r.vigilRef})`,
    marking: 'OFFICIAL-SENSITIVE',
    reference: [
      `Referred by ${referral.createdBy}, ${referral.createdByAgency}`,
      referral.submittedAt ? `submitted ${dateTime(referral.submittedAt)}` : 'draft, not yet submitted',
      referral.recordFrom === 'submission'
        ? `record as it stood on ${longDate(r.assembledOn)}`
        : `record as it stands on ${longDate(r.assembledOn)}`,
    ].join(' · '),
    sections,
  };
}
