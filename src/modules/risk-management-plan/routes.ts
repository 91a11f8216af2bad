import type { Web } from '../../web/app.ts';

export function registerRiskManagementPlan(web: Web): void {
  void web;
}
