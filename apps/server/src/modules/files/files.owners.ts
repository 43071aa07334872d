import type { FileOwnerType } from '@ningxin/shared';
import type { Executor } from '../../db/client';
import type { Actor } from '../../policy/policy';

/** Who may read or change the record a file belongs to. */
export type FileAccess = 'read' | 'write';

/**
 * A kind of record that files belong to, contributed by the module that owns such records
 * (`member` by the members module). A file is as visible as its record: whoever may read the
 * record may list and download its files; whoever may write it may upload and delete them.
 */
export interface FileOwner {
  type: FileOwnerType;
  /**
   * The record if the actor may `access` it, with the label the audit log names it by (the
   * member's name). Otherwise throws the owner's own refusal: 403 for an actor who may never
   * do so, 404 for a record that is missing or out of the actor's scope.
   */
  authorize(
    executor: Executor,
    actor: Actor,
    ownerId: number,
    access: FileAccess,
  ): Promise<{ label: string }>;
  /**
   * Whether each download is audited too (uploads and deletions always are): yes for records
   * holding personal data.
   */
  auditDownloads: boolean;
}

declare module '../../lib/modules' {
  interface ExtensionPoints {
    /** The kinds of record files belong to, and who may read or write each one's files. */
    'files.owners': FileOwner;
  }
}
