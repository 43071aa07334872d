/** The archive registry (档案): items, their places in the room, their files. */
import type {
  ArchiveItemCreateBody,
  ArchiveItemResponse,
  ArchiveItemUpdateBody,
  ArchiveListQuery,
  ArchiveListResponse,
  ArchivePlacesResponse,
} from '@ningxin/shared';
import { and, eq, like, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor, Tx } from '../../db/client';
import { archiveItems as items, archiveLoans as loans } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { isUniqueViolation } from '../../lib/db-errors';
import { assertVersion, notFound, versionConflict } from '../../lib/errors';
import { type Actor, assertHolds, can, coversOrgPath } from '../../policy/policy';
import { inPathSubtree } from '../../policy/scope';
import { audited } from '../audit/audit.service';
import { memberTarget } from '../members/record/members.scope';
import { type ArchivesDeps, itemScope, mapItem, today } from './archives.access';
import { cannotDeleteOnLoan, codeTaken, memberNotUsable, orgNotUsable } from './archives.errors';
import { type ArchiveItemRow, overdueOn, archivesRepository as repo } from './archives.repository';

const CURSOR = z.tuple([z.string().min(1).max(40)]);

/** Text matching `%words%` with LIKE's wildcards escaped. */
const likeWords = (words: string) => `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type Content = Omit<ArchiveItemCreateBody, never>;

const auditView = (r: Partial<ArchiveItemRow> | Partial<Content>) => ({
  code: r.code,
  title: r.title,
  category: r.category,
  orgId: r.orgId,
  memberId: r.memberId ?? null,
  year: r.year,
  retention: r.retention,
  place: [r.room, r.cabinet, r.shelf, r.box].join(' / '),
  pages: r.pages ?? null,
});

export function createItemsService(deps: ArchivesDeps) {
  const { db, orgs, members } = deps;

  /** The item's org (open, in the write scope) and member (in the actor's member scope), checked. */
  async function content(tx: Tx, actor: Actor, body: Content) {
    const org = await orgs.lookup(tx, body.orgId);
    if (!org || org.closedAt || !coversOrgPath(actor, 'archive.write', org.path)) throw orgNotUsable();
    if (body.memberId != null) {
      const [m] = await members.placements(tx, [body.memberId]);
      if (!m || !can(actor, 'member.read', memberTarget(m))) throw memberNotUsable();
    }
    return {
      code: body.code,
      title: body.title,
      category: body.category,
      orgId: org.id,
      orgPath: org.path,
      memberId: body.memberId ?? null,
      year: body.year,
      retention: body.retention,
      room: body.room,
      cabinet: body.cabinet,
      shelf: body.shelf,
      box: body.box,
      pages: body.pages ?? null,
      note: body.note ?? null,
    };
  }

  async function writable(tx: Tx, actor: Actor, id: number) {
    assertHolds(actor, 'archive.write');
    const row = await repo.findById(tx, id, itemScope(actor, 'archive.write'), true);
    if (!row) throw notFound('档案');
    return row;
  }

  /** A unique violation of the archive number is the user's 409, never a 500. */
  async function guardCode<T>(code: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (isUniqueViolation(err, 'archive_items_code_idx')) throw codeTaken(code);
      throw err;
    }
  }

  async function filters(q: Omit<ArchiveListQuery, 'limit' | 'cursor'>, day: string) {
    const orgPath = q.orgId ? ((await orgs.lookup(db, q.orgId))?.path ?? '-') : null;
    const words = q.q?.trim();
    return and(
      q.category ? eq(items.category, q.category) : undefined,
      q.year ? eq(items.year, q.year) : undefined,
      orgPath ? inPathSubtree(items.orgPath, orgPath) : undefined,
      q.room ? eq(items.room, q.room) : undefined,
      q.cabinet ? eq(items.cabinet, q.cabinet) : undefined,
      q.shelf ? eq(items.shelf, q.shelf) : undefined,
      q.box ? eq(items.box, q.box) : undefined,
      q.onLoan ? sql`${loans.id} is not null` : undefined,
      q.overdue ? overdueOn(day) : undefined,
      words ? or(like(items.title, likeWords(words)), like(items.code, likeWords(words))) : undefined,
    );
  }

  return {
    async list(actor: Actor, q: ArchiveListQuery): Promise<ArchiveListResponse> {
      const day = today();
      const where = and(itemScope(actor, 'archive.read'), await filters(q, day));
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR)[0] : undefined;
      const [rows, totals] = await Promise.all([
        repo.list(db, where, after, q.limit + 1),
        repo.totals(db, where, day),
      ]);
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => mapItem(actor, r, day)),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.code]) : null,
        totals,
      };
    },

    async get(actor: Actor, id: number): Promise<ArchiveItemResponse> {
      const row = await repo.findById(db, id, itemScope(actor, 'archive.read'));
      if (!row) throw notFound('档案');
      return mapItem(actor, row, today());
    },

    async create(actor: Actor, body: ArchiveItemCreateBody): Promise<ArchiveItemResponse> {
      const id = await guardCode(body.code, () =>
        audited(db, actor, async (tx, audit) => {
          assertHolds(actor, 'archive.write');
          const values = await content(tx, actor, body);
          const id = await repo.insert(tx, { ...values, createdBy: actor.userId });
          audit({
            action: 'archive.item_created',
            targetType: 'archive_item',
            targetId: id,
            targetLabel: `${values.code} ${values.title}`,
            after: auditView(values),
          });
          return id;
        }),
      );
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, body: ArchiveItemUpdateBody): Promise<ArchiveItemResponse> {
      await guardCode(body.code, () =>
        audited(db, actor, async (tx, audit) => {
          const before = await writable(tx, actor, id);
          assertVersion(before, body.version);
          const { version, ...rest } = body;
          const values = await content(tx, actor, rest);
          if (!(await repo.update(tx, id, version, values))) throw versionConflict();
          audit({
            action: 'archive.item_updated',
            targetType: 'archive_item',
            targetId: id,
            targetLabel: `${values.code} ${values.title}`,
            before: auditView(before),
            after: auditView(values),
          });
        }),
      );
      return this.get(actor, id);
    },

    /** Deletes an item in the room (409 while it is lent out): its loan history goes with it. */
    async remove(actor: Actor, id: number): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        const before = await writable(tx, actor, id);
        if (before.loanId !== null) throw cannotDeleteOnLoan();
        await repo.remove(tx, id);
        audit({
          action: 'archive.item_deleted',
          targetType: 'archive_item',
          targetId: id,
          targetLabel: `${before.code} ${before.title}`,
          before: auditView(before),
        });
      });
    },

    /** Rooms → cabinets → shelves → boxes with their items and loans out, in the read scope. */
    async places(actor: Actor): Promise<ArchivePlacesResponse> {
      const rows = await repo.places(db, itemScope(actor, 'archive.read'));
      const rooms: ArchivePlacesResponse['rooms'] = [];
      for (const r of rows) {
        let room = rooms.at(-1);
        if (room?.name !== r.room) {
          room = { name: r.room, items: 0, onLoan: 0, cabinets: [] };
          rooms.push(room);
        }
        let cabinet = room.cabinets.at(-1);
        if (cabinet?.name !== r.cabinet) {
          cabinet = { name: r.cabinet, items: 0, onLoan: 0, shelves: [] };
          room.cabinets.push(cabinet);
        }
        let shelf = cabinet.shelves.at(-1);
        if (shelf?.name !== r.shelf) {
          shelf = { name: r.shelf, items: 0, onLoan: 0, boxes: [] };
          cabinet.shelves.push(shelf);
        }
        shelf.boxes.push({ name: r.box, items: r.items, onLoan: r.onLoan });
        for (const node of [room, cabinet, shelf]) {
          node.items += r.items;
          node.onLoan += r.onLoan;
        }
      }
      return { rooms };
    },

    /** Files of an item (scans, photos): read in the read scope, written in the write scope. */
    async authorizeFiles(executor: Executor, actor: Actor, id: number, access: 'read' | 'write') {
      const action = access === 'write' ? 'archive.write' : 'archive.read';
      assertHolds(actor, action);
      const row = await repo.findById(executor, id, itemScope(actor, action));
      if (!row) throw notFound('档案');
      return { label: `${row.code} ${row.title}` };
    },
  };
}

export type ItemsService = ReturnType<typeof createItemsService>;
