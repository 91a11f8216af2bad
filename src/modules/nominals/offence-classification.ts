import { offenceByName } from '../reference/index.ts';

/** What the reference list says of a recorded offence, shown under it on the form and the record. */
export interface OffenceClassification {
  /** False: not on the list, so a person must classify it (never read as "not eligible"). */
  listed: boolean;
  /** The list's flags that bear on MAPPA: Schedule 3 (SOA 2003), Schedule 15 (CJA 2003), terrorism. */
  flags: string[];
  text: string;
}

export function offenceClassification(offence: string): OffenceClassification {
  const entry = offenceByName(offence);
  if (!entry) return { listed: false, flags: [], text: 'Not on the offence list: it needs classifying' };
  const flags = [
    entry.schedule3 ? 'Schedule 3' : null,
    entry.schedule15 ? 'Schedule 15' : null,
    entry.terrorism ? 'terrorism' : null,
  ].filter((f): f is string => f !== null);
  return {
    listed: true,
    flags,
    text: `On the offence list (${entry.act}): ${flags.length ? flags.join(', ') : 'no Schedule 3, Schedule 15 or terrorism flag'}`,
  };
}
