/** The `members` texts in English, loaded only when English is chosen. */
import type { membersText } from '../members';

export const membersTextEn: typeof membersText = {
  title: 'Member base',
  searchPlaceholder: 'Name, pinyin, last 4 of phone or ID',
  filters: 'Filters',
  filtersCount: 'Filters ({{count}})',
  anyValue: 'Any',
  joinYear: 'Year joined',
  ageRange: 'Age',
  yearFrom: 'From year',
  yearTo: 'To year',
  ageFrom: 'Min',
  ageTo: 'Max',
  rangeInvalid: 'The start cannot be after the end',
  total: '{{count}} members',
  empty: 'No members match',
  create: 'Add member',
  import: 'Import',
  export: 'Export',
  exportMasked: 'Export (masked)',
  exportFull: 'Export full details',
  exportFullTitle: 'Export full ID numbers and phones?',
  exportFullConfirm:
    'The file will contain the full ID numbers and phone numbers of the filtered list. This export is recorded in the audit log. Keep the file safe.',
  exportStarted: 'Preparing the file; the download starts by itself',
  columns: 'Columns',
  columnsReset: 'Reset',
  ageValue: '{{count}}',
};
