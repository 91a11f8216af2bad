import path from 'node:path';
import nunjucks from 'nunjucks';
import { projectRoot } from '../config.ts';
import { formatDateLong } from '../domain/dates.ts';
import * as codes from '../domain/codes.ts';

/** One Nunjucks environment: layouts and macros in web/views, each module's own views, and the design systems' templates. */
export function createViewEnvironment(options: { development?: boolean } = {}): nunjucks.Environment {
  const env = nunjucks.configure(
    [
      path.join(projectRoot, 'src/web/views'),
      path.join(projectRoot, 'src/modules'),
      path.join(projectRoot, 'node_modules/govuk-frontend/dist'),
      path.join(projectRoot, 'node_modules/@ministryofjustice/frontend'),
    ],
    { autoescape: true, throwOnUndefined: false, noCache: options.development ?? false },
  );
  env.addFilter('longDate', (value: unknown) =>
    typeof value === 'string' && value ? formatDateLong(value.slice(0, 10)) : '',
  );
  env.addFilter('dateTime', (value: unknown) =>
    value
      ? new Intl.DateTimeFormat('en-GB', {
          dateStyle: 'long',
          timeStyle: 'short',
          timeZone: 'Europe/London',
        }).format(new Date(String(value)))
      : '',
  );
  env.addFilter('label', (value: unknown, listName: string) => {
    const list = (codes as unknown as Record<string, codes.CodeList>)[listName];
    return value === null || value === undefined || value === ''
      ? ''
      : list
        ? codes.labelOf(list, String(value))
        : String(value);
  });
  env.addFilter('yesNo', (value: unknown) => (value === true ? 'Yes' : value === false ? 'No' : ''));
  env.addGlobal('serviceName', 'Vigil');
  return env;
}
