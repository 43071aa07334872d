import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** The archive room (档案): the registry, the room's cabinets, shelves and boxes, the loans. */
export const archivesFeature = defineFeature({
  name: 'archives',
  routes: [
    {
      path: 'archives',
      page: lazyNamed(() => import('./pages/ArchivesPage'), 'ArchivesPage'),
      permission: 'archive.read',
    },
    {
      path: 'archives/room',
      page: lazyNamed(() => import('./pages/ArchiveRoomPage'), 'ArchiveRoomPage'),
      permission: 'archive.read',
    },
    {
      path: 'archives/loans',
      page: lazyNamed(() => import('./pages/ArchiveLoansPage'), 'ArchiveLoansPage'),
      permission: 'archive.read',
    },
  ],
  menu: [
    {
      path: '/archives',
      labelKey: 'nav.archives',
      icon: 'FolderOpenOutlined',
      group: 'care',
      permission: 'archive.read',
    },
    {
      path: '/archives/room',
      labelKey: 'nav.archiveRoom',
      icon: 'ContainerOutlined',
      group: 'care',
      permission: 'archive.read',
    },
    {
      path: '/archives/loans',
      labelKey: 'nav.archiveLoans',
      icon: 'SwapOutlined',
      group: 'care',
      permission: 'archive.read',
    },
  ],
});
