/** The `menuGroup` texts in English, loaded only when English is chosen. */
import type { menuGroupText } from '../menu-group';

export const menuGroupTextEn: typeof menuGroupText = {
  workbench: 'Workbench',
  members: 'Members',
  orgs: 'Organization',
  finding: 'Finding members',
  life: 'Party life',
  learning: 'Study',
  service: 'Volunteering',
  hometown: 'Hometown',
  care: 'Care',
  stats: 'Statistics',
  system: 'System',
};
