/** The `common` texts in English, loaded only when English is chosen. */
import type { commonText } from '../common';

export const commonTextEn: typeof commonText = {
  system: 'System',
  save: 'Save',
  cancel: 'Cancel',
  confirm: 'OK',
  edit: 'Edit',
  modify: 'Change',
  delete: 'Delete',
  create: 'Add',
  actions: 'Actions',
  search: 'Search',
  reset: 'Reset',
  yes: 'Yes',
  no: 'No',
  none: 'None',
  saved: 'Saved',
  deleted: 'Deleted',
  versionConflict:
    'Someone else changed this record. The latest version has been reloaded; please check it and try again.',
  required: 'Required',
  loadMore: 'Load more',
  noMore: 'All loaded',
  page: 'Page {{page}}',
  prev: 'Previous',
  next: 'Next',
  close: 'Close',
  year: '{{year}}',
};
