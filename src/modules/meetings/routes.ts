import type { Web } from '../../web/app.ts';

export function registerMeetings(web: Web): void {
  void web;
}
