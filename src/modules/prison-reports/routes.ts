import type { Web } from '../../web/app.ts';

export function registerPrisonReports(web: Web): void {
  void web;
}
