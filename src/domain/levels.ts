import { labelOf, type CodeEntry, type CodeOf, type MappaCategory, type MappaLevel } from './codes.ts';
import { daysBetween, formatDateLong, type IsoDate } from './dates.ts';
import type { FieldErrors } from './errors.ts';

/**
 * MAPPA management levels (MAPPA.md §2 "Levels", §3 steps 2, 6). The level is the practitioner's
 * decision, recorded with the criteria it rests on and a rationale; these rules only refuse what
 * the guidance forbids and warn where inspections found harm.
 */

/**
 * The criteria on the MAPPA Q screening form, as codes. `levels` says which decisions each can
 * support. Level 2 criteria are alternatives (any one suffices); Level 3 is "as Level 2" plus a
 * reason only senior representation meets, so a Level 3 decision needs one of the last two.
 */
export const LEVEL_CRITERION = [
  {
    code: 'rosh_high_or_very_high',
    label: 'Assessed as posing a high or very high risk of serious harm',
    levels: [2, 3],
  },
  {
    code: 'multi_agency_meetings_add_value',
    label: 'Formal multi-agency meetings would add value to the lead agency’s management of the risk',
    levels: [2, 3],
  },
  {
    code: 'lower_risk_needs_active_coordination',
    label: 'Lower risk, but the plan needs other agencies to actively co-ordinate their work',
    levels: [2, 3],
  },
  {
    code: 'stepping_down_from_level_3',
    label: 'Stepping down from Level 3, and multi-agency management still adds value',
    levels: [2],
  },
  {
    code: 'senior_resources_at_short_notice',
    label: 'Senior representatives are needed to commit extra resources at short notice',
    levels: [3],
  },
  {
    code: 'high_public_or_media_interest',
    label: 'High likelihood of media scrutiny or public interest in the case',
    levels: [3],
  },
] as const satisfies readonly (CodeEntry & { levels: readonly MappaLevel[] })[];
export type LevelCriterion = CodeOf<typeof LEVEL_CRITERION>;

/** The criteria that can support a decision at `level` (none for Level 1). */
export function criteriaForLevel(level: MappaLevel): (typeof LEVEL_CRITERION)[number][] {
  return LEVEL_CRITERION.filter((c) => (c.levels as readonly number[]).includes(level));
}

const LEVEL_3_ONLY: readonly LevelCriterion[] = [
  'senior_resources_at_short_notice',
  'high_public_or_media_interest',
];

export const CATEGORY_3_LEVEL_MESSAGE = 'Category 3 cases can only be managed at Level 2 or 3';

export interface LevelDecisionInput {
  /** The person's category today (eligibility.ts); null when not eligible. */
  category: MappaCategory | null;
  level: MappaLevel;
  criteria: readonly string[];
  rationale?: string | null;
}

/**
 * Field errors for a level decision, empty when it may be recorded. Keys: level, criteria,
 * rationale; one message each, the first rule broken.
 */
export function validateLevelDecision(input: LevelDecisionInput): FieldErrors {
  const errors: FieldErrors = {};
  const { category, level, criteria } = input;

  if (category === null) {
    errors.level = 'Only a person eligible for MAPPA (Category 1 to 4) can be given a MAPPA level';
  } else if (category === 3 && level === 1) {
    // Category 3 exists only for active multi-agency management (MAPPA.md §2).
    errors.level = CATEGORY_3_LEVEL_MESSAGE;
  }

  const known = LEVEL_CRITERION.map((c) => c.code as string);
  const unknown = criteria.find((c) => !known.includes(c));
  if (unknown !== undefined) {
    errors.criteria = 'Select criteria from the list';
  } else if (level === 1) {
    if (criteria.length > 0)
      errors.criteria = 'Level 1 has no Level 2 or 3 criteria: remove them, or choose Level 2 or 3';
  } else if (criteria.length === 0) {
    errors.criteria = `Select at least one reason the case needs Level ${level}`;
  } else {
    const misplaced = criteria.find((c) => !criteriaForLevel(level).some((entry) => entry.code === c));
    if (misplaced !== undefined) {
      errors.criteria = `“${labelOf(LEVEL_CRITERION, misplaced)}” is not a criterion for Level ${level}`;
    } else if (level === 3 && !criteria.some((c) => (LEVEL_3_ONLY as readonly string[]).includes(c))) {
      errors.criteria =
        'Select why Level 3 is needed: senior representatives to commit resources at short notice, or high public or media interest';
    }
  }

  if (!input.rationale || input.rationale.trim() === '')
    errors.rationale = 'Enter the rationale for the level';
  return errors;
}

export type LevelDirection = 'initial' | 'escalation' | 'reduction' | 'unchanged';

/**
 * Reductions this close to a release are flagged. The Joseph McCann review found a reduction
 * 12 days after release "too soon" (2022 thematic inspection); 28 days is the product's margin.
 */
export const REDUCTION_NEAR_RELEASE_DAYS = 28;

export interface LevelChangeInput {
  from: MappaLevel | null;
  to: MappaLevel;
  decidedOn: IsoDate;
  /** The latest actual release, or the next expected one. */
  releaseDate?: IsoDate | null;
  /** Risk management plan actions still open. */
  openActions?: number;
}

export interface LevelChange {
  direction: LevelDirection;
  /** Things to confirm before recording; never a refusal. */
  warnings: string[];
  /** A reduction within 28 days either side of a release: flagged for the coordinator. */
  nearRelease: boolean;
}

/**
 * Whether a decision escalates, reduces or keeps the level, with warnings for reductions within
 * 28 days either side of a release (a reduction decided just before release takes effect just as
 * the risk changes) and for reductions with actions outstanding (the inspection's "Vik" case).
 * A Level 2 panel may escalate straight to Level 3: no warning, no re-referral (MAPPA.md §2).
 */
export function levelChange(input: LevelChangeInput): LevelChange {
  const { from, to } = input;
  const direction: LevelDirection =
    from === null ? 'initial' : to > from ? 'escalation' : to < from ? 'reduction' : 'unchanged';
  const warnings: string[] = [];
  let nearRelease = false;
  if (direction !== 'reduction') return { direction, warnings, nearRelease };

  if (input.releaseDate) {
    const sinceRelease = daysBetween(input.releaseDate, input.decidedOn);
    const when = formatDateLong(input.releaseDate);
    if (sinceRelease >= 0 && sinceRelease <= REDUCTION_NEAR_RELEASE_DAYS) {
      nearRelease = true;
      warnings.push(
        `This reduces the level ${sinceRelease} ${sinceRelease === 1 ? 'day' : 'days'} after release (${when}). ` +
          'Check that the purpose of the higher level has been achieved: reductions soon after release have been found too soon.',
      );
    } else if (sinceRelease < 0 && -sinceRelease <= REDUCTION_NEAR_RELEASE_DAYS) {
      nearRelease = true;
      warnings.push(
        `Release is due in ${-sinceRelease} ${sinceRelease === -1 ? 'day' : 'days'} (${when}). ` +
          'Check that the level should be reduced before the risks of release are known.',
      );
    }
  }
  const open = input.openActions ?? 0;
  if (open > 0) {
    warnings.push(
      `${open} risk management ${open === 1 ? 'action is' : 'actions are'} still open. ` +
        'Check they are complete or owned before reducing the level.',
    );
  }
  return { direction, warnings, nearRelease };
}

export interface OpenActions {
  total: number;
  /** Of those, the actions marked as safeguarding (e.g. children's safeguarding). */
  safeguarding: number;
}

export interface ReductionInput {
  direction: LevelDirection | 'deregistration';
  openActions: OpenActions;
  /** The actor may override (the meeting chair: `level.override`). */
  mayOverride: boolean;
  overrideReason: string;
  continuesAtLowerLevel: string;
}

export interface ReductionRuling {
  errors: FieldErrors;
  /** The decision goes ahead only because the chair overrode the open actions. */
  overridden: boolean;
}

/** "3 actions are open, 1 of them a safeguarding action". */
export function describeOpenActions({ total, safeguarding }: OpenActions): string {
  const actions = `${total} ${total === 1 ? 'action is' : 'actions are'} open`;
  if (safeguarding === 0) return actions;
  if (safeguarding === total)
    return `${actions}, ${total === 1 ? 'a safeguarding action' : `all ${total} of them safeguarding actions`}`;
  return `${actions}, ${safeguarding} of them ${safeguarding === 1 ? 'a safeguarding action' : 'safeguarding actions'}`;
}

/**
 * Reducing a level or ending MAPPA management only when its purpose is achieved (MAPPA.md §3 step
 * 6: the "Vik" case was reduced with child-safeguarding actions outstanding). While actions are
 * open the decision is refused unless the chair overrides with a reason; anyone else's reason is
 * not enough. Every reduction says what continues at the lower level, so momentum is not lost.
 * Escalations, reviews and first decisions are never refused here.
 */
export function ruleOnReduction(input: ReductionInput): ReductionRuling {
  const errors: FieldErrors = {};
  const lowering = input.direction === 'reduction' || input.direction === 'deregistration';
  if (!lowering) return { errors, overridden: false };
  if (input.direction === 'reduction' && !input.continuesAtLowerLevel.trim())
    errors.continuesAtLowerLevel =
      'Enter what continues at the lower level, for example the date of a professionals’ meeting';
  const open = input.openActions;
  if (open.total === 0) return { errors, overridden: false };
  const what = input.direction === 'reduction' ? 'reduce the level' : 'end MAPPA management';
  const reason = input.overrideReason.trim();
  if (!input.mayOverride) {
    errors.overrideReason = reason
      ? `Only the meeting chair can override open actions. You cannot ${what}: ${describeOpenActions(open)}`
      : `You cannot ${what} while actions are open: ${describeOpenActions(open)}. Complete them, or ask the meeting chair to record an override with a reason`;
    return { errors, overridden: false };
  }
  if (!reason) {
    errors.overrideReason = `${describeOpenActions(open)}. To ${what} anyway, enter your reason for overriding them as chair`;
    return { errors, overridden: false };
  }
  return { errors, overridden: Object.keys(errors).length === 0 };
}
