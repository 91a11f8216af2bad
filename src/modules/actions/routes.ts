import type { Web } from '../../web/app.ts';

export function registerActions(web: Web): void {
  void web;
}
