/**
 * Payments (交纳党费): a member's month or range of months, the amount the server works out from
 * the bases and approved reliefs, one dues_payment_months row per month so none is paid twice.
 * A payment is booked in the ledger of the month of its paid day, which must be open.
 */
import {
  DUES_METHOD_LABELS,
  type DuesMethod,
  type DuesPaymentCreateBody,
  type DuesPaymentListQuery,
  type DuesPaymentResponse,
  monthLabel,
  monthsBetween,
  RecordId,
} from '@ningxin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { duesPayments } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { isUniqueViolation } from '../../../lib/db-errors';
import { notFound } from '../../../lib/errors';
import { type Actor, assertHolds, coversOrgPath } from '../../../policy/policy';
import { inPathSubtree } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import { type DuesAccess, SOURCE, toDay, toMonth } from '../dues.access';
import {
  monthClosed,
  monthNotOpen,
  monthPaid,
  monthWaived,
  noBase,
  paymentReversed,
  rangeReversed,
  rangeTooLong,
} from '../dues.errors';
import { monthsRepository } from '../months/months.repository';
import { type PaymentRow, paymentsRepository as repo } from './payments.repository';

const CURSOR = z.tuple([RecordId()]);
/** The most months one payment may cover (a year's back-payment or advance). */
export const MAX_PAYMENT_MONTHS = 24;

const rangeTitle = (from: string, to: string) =>
  from === to ? monthLabel(from) : `${monthLabel(from)}至${monthLabel(to)}`;

export function createPaymentsService(access: DuesAccess) {
  const { db, activity } = access;
  const readScope = (actor: Actor) => access.scope(actor, 'dues.read', sql`${duesPayments.orgPath}`);
  const writeScope = (actor: Actor) => access.scope(actor, 'dues.write', sql`${duesPayments.orgPath}`);

  async function present(actor: Actor, rows: readonly PaymentRow[]): Promise<DuesPaymentResponse[]> {
    const [months, name] = await Promise.all([
      repo.monthsOf(
        db,
        rows.map((r) => r.id),
      ),
      access.names(
        db,
        rows.map((r) => r.collectedBy),
      ),
    ]);
    return rows.map((r) => ({
      id: r.id,
      memberId: r.memberId,
      memberName: r.memberName,
      org: { id: r.orgId, name: r.orgName },
      fromMonth: toMonth(r.fromMonth),
      toMonth: toMonth(r.toMonth),
      months: months
        .filter((m) => m.paymentId === r.id)
        .map((m) => ({ month: toMonth(m.month), amountFen: m.amountFen })),
      amountFen: r.amountFen,
      method: r.method as DuesMethod,
      methodLabel: DUES_METHOD_LABELS[r.method as DuesMethod],
      paidOn: r.paidOn,
      collectedBy: name(r.collectedBy),
      payerName: r.payerName,
      note: r.note,
      reversedAt: r.reversedAt?.toISOString() ?? null,
      policies: { reverse: r.reversedAt === null && coversOrgPath(actor, 'dues.write', r.orgPath) },
    }));
  }

  /** The branch's ledger of the paid day's month: opened and not closed (409 otherwise). */
  async function bookingMonth(
    tx: Parameters<typeof monthsRepository.covering>[0],
    orgPath: string,
    paidOn: string,
  ) {
    const month = paidOn.slice(0, 7);
    const ledger = await monthsRepository.covering(tx, orgPath, toDay(month), true);
    if (!ledger) throw monthNotOpen(month);
    if (ledger.state === 'closed') throw monthClosed(month);
    return ledger;
  }

  return {
    async list(actor: Actor, q: DuesPaymentListQuery) {
      const org = q.orgId ? await access.orgs.lookup(db, q.orgId) : null;
      const where = and(
        readScope(actor),
        q.memberId ? eq(duesPayments.memberId, q.memberId) : undefined,
        q.orgId ? inPathSubtree(duesPayments.orgPath, org?.path ?? '-') : undefined,
        q.year
          ? sql`${duesPayments.paidOn} between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}`
          : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR)[0] : undefined;
      const rows = await repo.list(db, where, after, q.limit);
      const last = rows.at(-1);
      return {
        items: await present(actor, rows),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.id]) : null,
      };
    },

    async get(actor: Actor, id: number): Promise<DuesPaymentResponse> {
      const row = await repo.findById(db, id, readScope(actor));
      if (!row) throw notFound('党费交纳记录');
      return (await present(actor, [row]))[0]!;
    },

    async create(actor: Actor, body: DuesPaymentCreateBody): Promise<DuesPaymentResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'dues.write');
        const m = await access.member(tx, actor, body.memberId, 'dues.write');
        const months = monthsBetween(body.fromMonth, body.toMonth);
        if (months.length === 0) throw rangeReversed();
        if (months.length > MAX_PAYMENT_MONTHS) throw rangeTooLong(MAX_PAYMENT_MONTHS);
        const facts = await repo.monthFacts(tx, m.id, months.map(toDay));
        const rows = facts.map((f) => {
          const month = toMonth(f.day);
          if (!f.base) throw noBase(month);
          if (f.paid) throw monthPaid(month);
          if (f.relief?.kind === 'waived') throw monthWaived(month);
          return { month: f.day, amountFen: f.relief ? f.relief.monthlyFen : f.base.monthlyFen };
        });
        await bookingMonth(tx, m.orgPath, body.paidOn);
        const amountFen = rows.reduce((s, r) => s + r.amountFen, 0);
        const id = await repo.insert(tx, {
          memberId: m.id,
          orgId: m.orgId,
          orgPath: m.orgPath,
          fromMonth: toDay(body.fromMonth),
          toMonth: toDay(body.toMonth),
          amountFen,
          method: body.method,
          paidOn: body.paidOn,
          collectedBy: actor.userId,
          payerName: body.payerName ?? null,
          note: body.note ?? null,
        });
        await repo
          .insertMonths(
            tx,
            rows.map((r) => ({ ...r, memberId: m.id, paymentId: id })),
          )
          .catch((err) => {
            // Paid at the same moment by another request: the first month is named.
            throw isUniqueViolation(err) ? monthPaid(body.fromMonth) : err;
          });
        await activity.record(tx, {
          memberId: m.id,
          kind: 'dues_paid',
          occurredOn: body.paidOn,
          quantity: amountFen,
          sourceModule: SOURCE,
          sourceId: `payment:${id}`,
          title: `交纳党费：${rangeTitle(body.fromMonth, body.toMonth)}`,
        });
        audit({
          action: 'dues.payment_recorded',
          targetType: 'dues_payment',
          targetId: id,
          targetLabel: `${m.name} ${rangeTitle(body.fromMonth, body.toMonth)}`,
          after: {
            memberId: m.id,
            fromMonth: body.fromMonth,
            toMonth: body.toMonth,
            amountFen,
            method: body.method,
            paidOn: body.paidOn,
            payerName: body.payerName ?? null,
          },
        });
        return id;
      });
      return this.get(actor, id);
    },

    /** Reverses a payment entered by mistake: its months become unpaid, its ledger entry goes. */
    async reverse(actor: Actor, id: number, reason: string): Promise<DuesPaymentResponse> {
      await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'dues.write');
        const row = await repo.findById(tx, id, writeScope(actor), true);
        if (!row) throw notFound('党费交纳记录');
        if (row.reversedAt) throw paymentReversed();
        await bookingMonth(tx, row.orgPath, row.paidOn);
        if (!(await repo.reverse(tx, id, actor.userId))) throw paymentReversed();
        await activity.reverse(tx, SOURCE, `payment:${id}`, 'dues_paid');
        audit({
          action: 'dues.payment_reversed',
          targetType: 'dues_payment',
          targetId: id,
          targetLabel: `${row.memberName} ${rangeTitle(toMonth(row.fromMonth), toMonth(row.toMonth))}`,
          before: { amountFen: row.amountFen, paidOn: row.paidOn },
          after: { reason },
        });
      });
      return this.get(actor, id);
    },
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
