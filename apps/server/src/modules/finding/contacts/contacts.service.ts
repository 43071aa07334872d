import {
  CONTACT_METHOD_LABELS,
  type ContactCreateBody,
  type ContactListQuery,
  type ContactListResponse,
  type ContactSide,
  isIsoDate,
  ROLE_ACTIONS,
} from '@ningxin/shared';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { type Actor, assertCan, can, scopeCovers, type Target } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { memberTarget } from '../../members/record/members.scope';
import type { MembersService } from '../../members/record/members.service';
import { mapContact } from './contacts.mapper';
import { contactsRepository } from './contacts.repository';

export interface ContactsDeps {
  db: Db;
  members: Pick<MembersService, 'visibleMember' | 'recordContact'>;
}

/** A log cursor: the last entry's day and id. */
const ContactCursor = z.tuple([
  z.string().refine(isIsoDate),
  z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
]);

/** The flags a contact that reached the member settles: both rest on the member being out of reach. */
export const SETTLED_BY_CONTACT = ['no_contact', 'suspend'] as const;

/**
 * Which side writes an entry: the committee when an org or whole-tree scope covers the member,
 * else the home side (流出地) or the host side (流入地) by the scope that does.
 */
export function sideOf(actor: Actor, target: Target): ContactSide {
  const covering = actor.assignments.filter(
    (a) => ROLE_ACTIONS[a.role].includes('contact.write') && scopeCovers(a, 'contact.write', target),
  );
  if (covering.some((a) => a.scopeKind === 'all' || a.scopeKind === 'org')) return 'committee';
  return covering.some((a) => a.scopeKind === 'home') ? 'home' : 'host';
}

/** The contact log of a member (联系记录): read by whoever reads the member, written by both sides too. */
export function createContactsService({ db, members }: ContactsDeps) {
  return {
    async list(actor: Actor, memberId: number, q: ContactListQuery): Promise<ContactListResponse> {
      const member = await members.visibleMember(db, actor, memberId, 'member.read');
      const after = q.cursor
        ? (([on, id]) => ({ on, id }))(decodeCursor(q.cursor, ContactCursor))
        : undefined;
      const rows = await contactsRepository.page(db, memberId, { after, limit: q.limit + 1 });
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => mapContact(r.entry, r.byName)),
        nextCursor:
          rows.length > q.limit && last ? encodeCursor([last.entry.contactedOn, last.entry.id]) : null,
        lastContactAt: member.lastContactAt,
        canWrite: can(actor, 'contact.write', memberTarget(member)),
      };
    },

    /**
     * Adds an entry. A contact that reached the member moves the last contact date forward and
     * counts in the activity ledger (through the members service, in this transaction) and
     * settles the member's open 待核实 and 停止党籍审查 flags. Audited.
     */
    async create(actor: Actor, memberId: number, body: ContactCreateBody) {
      return audited(db, actor, async (tx, audit) => {
        const member = await members.visibleMember(tx, actor, memberId, 'member.read');
        const target = memberTarget(member);
        assertCan(actor, 'contact.write', target, '党员');
        const side = sideOf(actor, target);
        const row = await contactsRepository.insert(tx, {
          memberId,
          contactedOn: body.contactedOn,
          method: body.method,
          result: body.result,
          note: body.note ?? null,
          side,
          byUserId: actor.userId,
        });
        let settled = 0;
        if (body.result === 'reached') {
          await members.recordContact(tx, {
            memberId,
            on: body.contactedOn,
            sourceId: `contact:${row.id}`,
            title: `${CONTACT_METHOD_LABELS[body.method]}联系`,
          });
          settled = await contactsRepository.resolveOpen(
            tx,
            memberId,
            SETTLED_BY_CONTACT,
            actor.userId,
            `已联系上（${body.contactedOn} ${CONTACT_METHOD_LABELS[body.method]}）`,
          );
        }
        audit({
          action: 'contact.created',
          targetType: 'member',
          targetId: memberId,
          targetLabel: member.name,
          after: {
            id: row.id,
            contactedOn: row.contactedOn,
            method: row.method,
            result: row.result,
            side,
            note: row.note,
            ...(settled ? { flagsResolved: settled } : {}),
          },
        });
        return mapContact(row, actor.displayName);
      });
    },
  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
