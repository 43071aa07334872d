import {
  type NoticeCreateBody,
  type NoticeListQuery,
  type NoticeListResponse,
  type NoticeResponse,
  type NoticeTarget,
  type NoticeUpdateBody,
  ROLE_LABELS,
  SYSTEM_ACTOR,
} from '@ningxin/shared';
import type { Db, Executor } from '../../db/client';
import { assertVersion, forbidden, versionConflict } from '../../lib/errors';
import type { Actor } from '../../policy/policy';
import { type AuditContext, audited } from '../audit/audit.service';
import type { MembersService } from '../members/record/members.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { UsersService } from '../users/users.service';
import { inboxRepository } from './inbox.repository';
import { accessNotice, mayFollowUp, type NoticeAccess } from './notices.access';
import { alreadyPublished, emptyBody, replyBeforePublish } from './notices.errors';
import { auditView, countsOf, mapListItem, noticeHead } from './notices.mapper';
import { nextRemindAt } from './notices.receipts';
import { type NoticeRow, noticesRepository } from './notices.repository';
import { hasVisibleText, sanitizeNoticeHtml } from './notices.sanitize';
import { checkTarget, resolveRecipients, sendingScope, type TargetDeps } from './notices.target';

export interface NoticesDeps {
  db: Db;
  orgs: OrgsService;
  users: UsersService;
  members: MembersService;
  inbox: { markNoticeRead(tx: Executor, noticeId: number, userId: number): Promise<unknown> };
}

/** The system acting on its own (a scheduled notice going out). */
const SYSTEM: AuditContext = { actorId: null, actorName: SYSTEM_ACTOR, ip: null };

/** Notices due at once are published this many to a transaction. */
const DUE_BATCH = 20;

/** The target as stored: each list without repeats, in order. */
const normalTarget = (t: NoticeTarget): NoticeTarget => ({
  orgIds: [...new Set(t.orgIds)].sort((a, b) => a - b),
  roles: [...new Set(t.roles)].sort(),
  memberIds: [...new Set(t.memberIds)].sort((a, b) => a - b),
});

function cleanBody(html: string): string {
  const clean = sanitizeNoticeHtml(html);
  if (!hasVisibleText(clean)) throw emptyBody();
  return clean;
}

export function createNoticesService({ db, orgs, users, members, inbox }: NoticesDeps) {
  const targetDeps: TargetDeps = { orgs, users, members };

  /** Turns the target into accounts now and puts the notice into each one's inbox. */
  async function publish(tx: Executor, row: NoticeRow, at: Date): Promise<NoticeRow> {
    const bound = row.senderOrgId ? ((await orgs.lookup(tx, row.senderOrgId))?.path ?? null) : null;
    const recipients = await resolveRecipients(
      tx,
      targetDeps,
      row.target as NoticeTarget,
      bound,
      row.senderId,
    );
    const added = await inboxRepository.insert(
      tx,
      recipients.map((userId) => ({ userId, kind: 'notice', noticeId: row.id, title: row.title })),
    );
    return noticesRepository.markPublished(tx, row.id, at, added.length);
  }

  async function targetView(row: NoticeRow) {
    const t = row.target as NoticeTarget;
    const [orgRows, memberRows] = await Promise.all([
      orgs.lookupMany(db, t.orgIds),
      members.placements(db, t.memberIds),
    ]);
    const named = <T extends { id: number; name: string }>(ids: number[], rows: T[]) =>
      ids.map((id) => ({ id, name: rows.find((r) => r.id === id)?.name ?? `#${id}` }));
    return {
      orgs: named(t.orgIds, orgRows),
      roles: t.roles.map((role) => ({ role, label: ROLE_LABELS[role] })),
      members: named(t.memberIds, memberRows),
    };
  }

  async function present(actor: Actor, access: NoticeAccess): Promise<NoticeResponse> {
    const { row, manages, item } = access;
    const followUp = mayFollowUp(actor, access);
    const [names, senderOrg, read, target, reminded] = await Promise.all([
      users.displayNames(db, [row.senderId]),
      row.senderOrgId ? orgs.lookup(db, row.senderOrgId) : null,
      manages ? inboxRepository.readCounts(db, [row.id]) : null,
      manages ? targetView(row) : null,
      manages ? inboxRepository.lastReminded(db, row.id) : null,
    ]);
    const counts = read ? countsOf(row.recipients, read.get(row.id) ?? 0) : null;
    const next = nextRemindAt(reminded, new Date());
    return {
      ...noticeHead(row),
      bodyHtml: row.bodyHtml,
      sender: { id: row.senderId, name: names.get(row.senderId) ?? '' },
      senderOrg: senderOrg ? { id: senderOrg.id, name: senderOrg.name } : null,
      target,
      counts,
      myReceipt: item ? { readAt: item.readAt ? item.readAt.toISOString() : null } : null,
      lastRemindedAt: reminded ? reminded.toISOString() : null,
      nextRemindAt: next ? next.toISOString() : null,
      policies: {
        update: row.senderId === actor.userId && row.state === 'scheduled',
        viewReceipts: followUp && row.state === 'published',
        remind: followUp && row.state === 'published' && (counts?.unread ?? 0) > 0 && next === null,
      },
      version: row.version,
    };
  }

  return {
    async list(actor: Actor, q: NoticeListQuery): Promise<NoticeListResponse> {
      const scope = sendingScope(actor);
      const orgIds = scope.all
        ? null
        : await orgs.idsInSubtrees(
            db,
            scope.orgs.map((o) => o.path),
          );
      const rows = await noticesRepository.list(db, { senderId: actor.userId, orgIds }, q);
      const [read, names, orgRows] = await Promise.all([
        inboxRepository.readCounts(
          db,
          rows.map((r) => r.id),
        ),
        users.displayNames(
          db,
          rows.map((r) => r.senderId),
        ),
        orgs.lookupMany(db, [...new Set(rows.flatMap((r) => (r.senderOrgId ? [r.senderOrgId] : [])))]),
      ]);
      const last = rows.at(-1);
      return {
        items: rows.map((r) => {
          const org = orgRows.find((o) => o.id === r.senderOrgId);
          return mapListItem(r, {
            sender: { id: r.senderId, name: names.get(r.senderId) ?? '' },
            senderOrg: org ? { id: org.id, name: org.name } : null,
            read: read.get(r.id) ?? 0,
          });
        }),
        nextCursor: rows.length === q.limit && last ? last.id : null,
      };
    },

    /** A notice for its managers or a recipient; a recipient opening it has read it. */
    async get(actor: Actor, id: number): Promise<NoticeResponse> {
      let access = await accessNotice(db, orgs, actor, id);
      if (access.item && !access.item.readAt) {
        await db.transaction((tx) => inbox.markNoticeRead(tx, id, actor.userId));
        access = await accessNotice(db, orgs, actor, id);
      }
      return present(actor, access);
    },

    /** Sends a notice now, or schedules it for `publishAt`. */
    async create(actor: Actor, body: NoticeCreateBody): Promise<NoticeResponse> {
      sendingScope(actor);
      const bodyHtml = cleanBody(body.bodyHtml);
      const now = new Date();
      const publishAt = body.publishAt ? new Date(body.publishAt) : now;
      const scheduled = publishAt > now;
      const id = await audited(db, actor, async (tx, audit) => {
        const target = normalTarget(body.target);
        const { senderOrgId } = await checkTarget(tx, targetDeps, actor, target);
        let row = await noticesRepository.insert(tx, {
          title: body.title,
          bodyHtml,
          senderId: actor.userId,
          senderOrgId,
          target,
          state: 'scheduled',
          publishAt,
          replyBy: body.replyBy ? new Date(body.replyBy) : null,
        });
        if (!scheduled) row = await publish(tx, row, now);
        audit({
          action: scheduled ? 'notice.scheduled' : 'notice.sent',
          targetType: 'notice',
          targetId: row.id,
          targetLabel: row.title,
          after: auditView(row),
        });
        return row.id;
      });
      return present(actor, await accessNotice(db, orgs, actor, id));
    },

    /** Changes a notice that has not gone out; its sender only. A time now or past sends it. */
    async update(actor: Actor, id: number, body: NoticeUpdateBody): Promise<NoticeResponse> {
      await audited(db, actor, async (tx, audit) => {
        const { row: before } = await accessNotice(tx, orgs, actor, id, true);
        if (before.senderId !== actor.userId) throw forbidden('只有发送人可以修改通知');
        assertVersion(before, body.version);
        if (before.state !== 'scheduled') throw alreadyPublished();
        const now = new Date();
        const target = normalTarget(body.target ?? (before.target as NoticeTarget));
        const { senderOrgId } = await checkTarget(tx, targetDeps, actor, target);
        const publishAt = body.publishAt ? new Date(body.publishAt) : (before.publishAt ?? now);
        const replyBy =
          body.replyBy === undefined ? before.replyBy : body.replyBy ? new Date(body.replyBy) : null;
        if (replyBy && replyBy <= publishAt) throw replyBeforePublish();
        let after = await noticesRepository.update(tx, id, body.version, {
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.bodyHtml !== undefined ? { bodyHtml: cleanBody(body.bodyHtml) } : {}),
          target,
          senderOrgId,
          publishAt,
          replyBy,
        });
        if (!after) throw versionConflict();
        if (publishAt <= now) after = await publish(tx, after, now);
        audit({
          action: 'notice.updated',
          targetType: 'notice',
          targetId: id,
          targetLabel: after.title,
          before: auditView(before),
          after: auditView(after),
        });
      });
      return present(actor, await accessNotice(db, orgs, actor, id));
    },

    /**
     * Publishes the scheduled notices whose time has come (the job runs it every minute). Several
     * instances may run it at once: each locks the notices it takes and skips those another holds.
     */
    async publishDue(now = new Date()): Promise<number> {
      let published = 0;
      for (;;) {
        const batch = await audited(db, SYSTEM, async (tx, audit) => {
          const due = await noticesRepository.lockDue(tx, now, DUE_BATCH);
          for (const row of due) {
            const after = await publish(tx, row, now);
            audit({
              action: 'notice.published',
              targetType: 'notice',
              targetId: row.id,
              targetLabel: row.title,
              after: auditView(after),
            });
          }
          return due.length;
        });
        published += batch;
        if (batch < DUE_BATCH) return published;
      }
    },

    /**
     * Who may use a notice's attachments (files owned by the notice): its managers and recipients
     * read them; its managers who may send notices add and remove them. 404 for anyone else.
     */
    async authorizeFiles(executor: Executor, actor: Actor, id: number, access: 'read' | 'write') {
      const found = await accessNotice(executor, orgs, actor, id);
      if (access === 'write' && !mayFollowUp(actor, found)) throw forbidden('只有发送人可以管理通知的附件');
      return { label: found.row.title };
    },

    present,
  };
}

export type NoticesService = ReturnType<typeof createNoticesService>;
