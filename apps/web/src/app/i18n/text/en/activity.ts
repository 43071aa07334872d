/** The `activity` texts in English, loaded only when English is chosen. */
import type { activityText } from '../activity';

export const activityTextEn: typeof activityText = {
  title: 'Record of activity',
  recent: 'Recent',
  yearOption: '{{year}}',
  yearLabel: 'Choose a year',
  totals: 'Totals for {{year}}',
  totalsEmpty: 'Nothing recorded in {{year}}',
  entries: '{{count}} entries',
  empty: 'Nothing recorded yet',
  statusEvent: '{{from}} → {{to}}',
  statusInitial: 'Registered as {{to}}',
  by: 'by {{name}} at {{time}}',
};
