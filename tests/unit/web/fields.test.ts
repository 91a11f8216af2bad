import { describe, expect, it } from 'vitest';
import { findSection } from '../../../src/modules/nominals/index.ts';
import { createViewEnvironment } from '../../../src/web/render.ts';

/** The form field macro: what a label promises matches what the record rules require. */
describe('form fields', () => {
  const env = createViewEnvironment();
  const render = (key: string) => {
    const field = findSection('addresses')!.fields.find((f) => f.key === key)!;
    return env.renderString('{% from "fields.njk" import formField %}{{ formField(field, {}, {}) }}', {
      field,
    });
  };

  it('does not call an address line or postcode optional: only no fixed abode may leave them blank', () => {
    for (const key of ['line1', 'postcode']) {
      const html = render(key);
      expect(html).not.toContain('(optional)');
      expect(html).toContain('Leave blank only for no fixed abode');
    }
    expect(render('line2')).toContain('Address line 2 (optional)');
  });
});
