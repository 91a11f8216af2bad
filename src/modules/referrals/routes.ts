import type { Web } from '../../web/app.ts';

export function registerReferrals(web: Web): void {
  void web;
}
