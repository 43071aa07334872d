/** The `workbench` texts in English, loaded only when English is chosen. */
import type { workbenchText } from '../workbench';

export const workbenchTextEn: typeof workbenchText = {
  hello: 'Hello, {{name}}',
  figures: { total: 'Members', active: 'Active', lost: 'Lost contact', newThisMonth: 'New this month' },
  todos: 'To do',
  noTodos: 'Nothing to do',
  handle: 'Open',
  recent: 'Recent activity',
  noRecent: 'Nothing recorded yet',
  shortcuts: 'Shortcuts',
};
