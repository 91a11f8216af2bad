import type { UsersTx } from './tables.ts';

/** What can happen to a user; each is recorded with who did it and when (`user_changes`). */
export type UserChange =
  | 'created'
  | 'updated'
  | 'disabled'
  | 'enabled'
  | 'sessions-ended'
  | 'signed-out-everywhere'
  | 'two-factor-set-up'
  | 'two-factor-reset'
  | 'recovery-codes-replaced'
  | 'password-changed'
  | 'token-created'
  | 'token-revoked';

export const USER_CHANGE_LABELS: Record<UserChange, string> = {
  created: 'Account created',
  updated: 'Roles, vetting or training changed',
  disabled: 'Account disabled',
  enabled: 'Account enabled',
  'sessions-ended': 'Sessions ended by an administrator',
  'signed-out-everywhere': 'Signed out everywhere',
  'two-factor-set-up': 'Two-factor authentication set up',
  'two-factor-reset': 'Two-factor authentication reset',
  'recovery-codes-replaced': 'New recovery codes issued',
  'password-changed': 'Password changed',
  'token-created': 'API token issued',
  'token-revoked': 'API token revoked',
};

export async function recordUserChange(
  tx: UsersTx,
  change: {
    userId: string;
    changedBy: string | null;
    change: UserChange;
    at: Date;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await tx
    .insertInto('user_changes')
    .values({
      user_id: change.userId,
      changed_by: change.changedBy,
      changed_at: change.at,
      change: change.change,
      details: JSON.stringify(change.details ?? {}),
    })
    .execute();
}
