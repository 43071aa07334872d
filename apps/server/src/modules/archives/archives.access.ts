/** What the archive services share: dependencies, scope, today, the item's shape in responses. */
import {
  type Action,
  ARCHIVE_CATEGORY_LABELS,
  ARCHIVE_RETENTION_LABELS,
  type ArchiveCategory,
  type ArchiveItemResponse,
  type ArchiveRetention,
} from '@ningxin/shared';
import type { Db } from '../../db/client';
import { archiveItems } from '../../db/schema';
import { type Actor, coversOrgPath } from '../../policy/policy';
import { inPathSubtree, scopeCondition } from '../../policy/scope';
import type { MembersService } from '../members/record/members.service';
import { committeeDay } from '../notices/anniversaries';
import type { InboxService } from '../notices/inbox.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { UsersService } from '../users/users.service';
import type { ArchiveItemRow } from './archives.repository';

export interface ArchivesDeps {
  db: Db;
  orgs: Pick<OrgsService, 'lookup'>;
  members: Pick<MembersService, 'placements'>;
  users: Pick<UsersService, 'cards' | 'roleHolders'>;
  inbox: Pick<InboxService, 'post'>;
}

/** The archive room's calendar day (Asia/Shanghai). */
export const today = (now = new Date()) => committeeDay(now);

/** Items of the orgs in the actor's subtree for the action (org-owned records: no member scope). */
export const itemScope = (actor: Actor, action: Action) =>
  scopeCondition(actor, action, {
    inOrgSubtree: (path) => inPathSubtree(archiveItems.orgPath, path),
    homeCounty: null,
    hostDistrict: null,
    memberId: null,
  });

export function mapItem(actor: Actor, r: ArchiveItemRow, day: string): ArchiveItemResponse {
  const write = coversOrgPath(actor, 'archive.write', r.orgPath);
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    category: r.category as ArchiveCategory,
    categoryLabel: ARCHIVE_CATEGORY_LABELS[r.category as ArchiveCategory],
    org: { id: r.orgId, name: r.orgName },
    member: r.memberId === null ? null : { id: r.memberId, name: r.memberName },
    year: r.year,
    retention: r.retention as ArchiveRetention,
    retentionLabel: ARCHIVE_RETENTION_LABELS[r.retention as ArchiveRetention],
    room: r.room,
    cabinet: r.cabinet,
    shelf: r.shelf,
    box: r.box,
    pages: r.pages,
    note: r.note,
    loan:
      r.loanId === null
        ? null
        : {
            id: r.loanId,
            borrowerName: r.loanBorrowerName!,
            borrowerUnit: r.loanBorrowerUnit,
            lentOn: r.loanLentOn!,
            dueOn: r.loanDueOn!,
            overdue: r.loanDueOn! < day,
          },
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    policies: { edit: write, delete: write && r.loanId === null, lend: write && r.loanId === null },
  };
}
