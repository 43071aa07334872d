import { defineModule, mount } from '../../lib/modules';
import { filesRoutes } from './files.routes';
import { createFilesService, type FilesService } from './files.service';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    files: FilesService;
  }
}

/** Files of records (附件): photos, scans, documents, stored in the database in chunks. */
export const filesModule = defineModule({
  name: 'files',
  needs: ['users', 'settings'],
  build: ({ db, extensions }, { users, settings }) =>
    createFilesService({
      db,
      extensions,
      displayNames: users.displayNames,
      uploadLimit: () => settings.get('upload.maxBytes'),
    }),
  routes: (files) => [mount('/files', filesRoutes, { files })],
});
