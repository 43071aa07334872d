/** The `me` texts in English, loaded only when English is chosen. */
import type { meText } from '../me';

export const meTextEn: typeof meText = {
  title: 'My record',
  record: 'My details',
  contact: 'Update contact details',
  edit: 'Edit',
  age: '{{count}}',
  note: 'Changes are recorded and visible to the secretary of your Party organization.',
  phonePlaceholder: 'Leave empty to keep ({{masked}})',
  saved: 'Saved',
  noRecord: 'This account is not linked to a member record. Please contact your Party organization.',
  nothingChanged: 'Nothing to save',
};
