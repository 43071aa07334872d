/** The members' yearly bases (收入基数): declared, computed by the rules in force, listed by org. */
import {
  categoryHasIncome,
  DUES_CATEGORY_LABELS,
  type DuesBaseCreateBody,
  type DuesBaseListQuery,
  type DuesBaseListResponse,
  type DuesBaseResponse,
  type DuesBaseUpdateBody,
  type DuesCategory,
  duesBasis,
  duesFor,
  RecordId,
} from '@ningxin/shared';
import { and, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../../db/client';
import { duesBases } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { isUniqueViolation } from '../../../lib/db-errors';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { type Actor, assertHolds } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { type DuesAccess, pathIn, toDay, toMonth } from '../dues.access';
import { baseExists, fromMonthOutsideYear, incomeNotAllowed, incomeRequired } from '../dues.errors';
import { type BaseRow, basesRepository as repo } from './bases.repository';

const CURSOR = z.tuple([RecordId()]);

export const mapBase = (r: BaseRow): DuesBaseResponse => ({
  id: r.id,
  memberId: r.memberId,
  memberName: r.memberName,
  year: r.year,
  category: r.category as DuesCategory,
  categoryLabel: DUES_CATEGORY_LABELS[r.category as DuesCategory],
  incomeFen: r.incomeFen,
  rateBp: r.rateBp,
  monthlyFen: r.monthlyFen,
  rulesVersion: r.rulesVersion,
  fromMonth: toMonth(r.fromMonth),
  declaredOn: r.declaredOn,
  org: { id: r.orgId, name: r.orgName },
  note: r.note,
  version: r.version,
});

const auditView = (r: Partial<BaseRow>) => ({
  year: r.year,
  category: r.category,
  incomeFen: r.incomeFen,
  monthlyFen: r.monthlyFen,
  rulesVersion: r.rulesVersion,
  fromMonth: r.fromMonth,
});

export function createBasesService(access: DuesAccess) {
  const { db } = access;

  /** The stored form of a declaration: the amount by the rules in force, with their version. */
  async function computed(
    tx: Tx,
    year: number,
    joinedAt: string,
    body: Omit<DuesBaseCreateBody, 'memberId' | 'year'>,
  ) {
    const hasIncome = categoryHasIncome(body.category);
    if (hasIncome && (body.incomeYuan === undefined || body.incomeYuan === null)) throw incomeRequired();
    if (!hasIncome && body.incomeYuan !== undefined && body.incomeYuan !== null) throw incomeNotAllowed();
    // From January, or from the month of admission for a member admitted during the year.
    const fromMonth = body.fromMonth ?? (joinedAt.startsWith(`${year}-`) ? toMonth(joinedAt) : `${year}-01`);
    if (!fromMonth.startsWith(`${year}-`)) throw fromMonthOutsideYear(year);
    const { value: rules, version } = await access.rules(tx);
    const incomeFen = hasIncome ? (body.incomeYuan as number) : null;
    const { rateBp, monthlyFen } = duesFor(rules, duesBasis(body.category, incomeFen));
    return {
      category: body.category,
      incomeFen,
      rateBp,
      monthlyFen,
      rulesVersion: version,
      fromMonth: toDay(fromMonth),
      declaredOn: body.declaredOn,
      note: body.note ?? null,
    };
  }

  const writeScope = (actor: Actor) => access.scope(actor, 'dues.write', sql`${duesBases.orgPath}`);
  const readScope = (actor: Actor) => access.scope(actor, 'dues.read', sql`${duesBases.orgPath}`);

  return {
    async get(actor: Actor, id: number): Promise<DuesBaseResponse> {
      const row = await repo.findById(db, id, readScope(actor));
      if (!row) throw notFound('党费基数');
      return mapBase(row);
    },

    async create(actor: Actor, body: DuesBaseCreateBody): Promise<DuesBaseResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'dues.write');
        const m = await access.member(tx, actor, body.memberId, 'dues.write');
        if (await repo.findFor(tx, m.id, body.year)) throw baseExists(body.year);
        const values = await computed(tx, body.year, m.joinedAt, body);
        const id = await repo
          .insert(tx, {
            ...values,
            memberId: m.id,
            year: body.year,
            orgId: m.orgId,
            orgPath: m.orgPath,
            createdBy: actor.userId,
          })
          .catch((err) => {
            throw isUniqueViolation(err, 'dues_bases_member_year_idx') ? baseExists(body.year) : err;
          });
        audit({
          action: 'dues.base_created',
          targetType: 'dues_base',
          targetId: id,
          targetLabel: `${m.name} ${body.year}`,
          after: auditView({ ...values, year: body.year }),
        });
        return id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, body: DuesBaseUpdateBody): Promise<DuesBaseResponse> {
      await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'dues.write');
        const before = await repo.findById(tx, id, writeScope(actor), true);
        if (!before) throw notFound('党费基数');
        assertVersion(before, body.version);
        const [m] = await access.members.placements(tx, [before.memberId]);
        const values = await computed(tx, before.year, m?.joinedAt ?? '1900-01-01', body);
        if (!(await repo.update(tx, id, body.version, values))) throw versionConflict();
        audit({
          action: 'dues.base_updated',
          targetType: 'dues_base',
          targetId: id,
          targetLabel: `${before.memberName} ${before.year}`,
          before: auditView(before),
          after: auditView({ ...values, year: before.year }),
        });
      });
      return this.get(actor, id);
    },

    /** Members on the rolls of the org's subtree in scope, each with the year's base or none. */
    async list(actor: Actor, q: DuesBaseListQuery): Promise<DuesBaseListResponse> {
      const orgPath = sql`r.org_path`;
      const scope = access.scope(actor, 'dues.read', orgPath);
      const org = q.orgId ? await access.orgs.lookup(db, q.orgId) : null;
      const where = and(sql`true`, scope, q.orgId ? pathIn(orgPath, org?.path ?? '-') : undefined)!;
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR)[0] : undefined;
      const [rows, totals] = await Promise.all([
        repo.roll(db, q.year, where, q.missing, after, q.limit),
        repo.rollTotals(db, q.year, where),
      ]);
      const found = new Map(
        (
          await repo.byIds(
            db,
            rows.flatMap((r) => (r.base_id ? [r.base_id] : [])),
          )
        ).map((b) => [b.id, b]),
      );
      const last = rows.at(-1);
      return {
        items: rows.map((r) => {
          const base = r.base_id ? found.get(r.base_id) : undefined;
          return {
            memberId: r.member_id,
            memberName: r.member_name,
            memberType: r.member_type,
            org: { id: r.org_id, name: r.org_name },
            base: base ? mapBase(base) : null,
          };
        }),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.member_id]) : null,
        totals,
      };
    },
  };
}

export type BasesService = ReturnType<typeof createBasesService>;
