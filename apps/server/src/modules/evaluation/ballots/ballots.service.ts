/**
 * The secret vote (民主测评): online ballots of members with a login, and one-time paper codes
 * for those without. A ballot is a random id and the round, with a grade for each participant;
 * nothing links it to the voter: the voter's participation only says `voted`.
 */
import { createHmac, randomInt } from 'node:crypto';
import type {
  EvaluationBallotBody,
  EvaluationCodesResponse,
  EvaluationVotedResponse,
  PublicBallotBody,
  PublicBallotLookupResponse,
} from '@ningxin/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Content } from 'pdfmake/interfaces';
import { queryRows, type Tx } from '../../../db/client';
import {
  evaluationBallots as ballots,
  evaluationBallotCodes as codes,
  evaluationBallotMarks as marks,
  evaluationParticipants as participants,
  evaluationRounds as rounds,
} from '../../../db/schema';
import { note, paragraph, title } from '../../../lib/pdf/pdf-blocks';
import type { PdfRenderer } from '../../../lib/pdf/pdf-renderer';
import type { Actor } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { memberNameOf } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';
import type { EvaluationAccess } from '../evaluation.access';
import {
  alreadyVoted,
  badMarks,
  codeHolder,
  codesExhausted,
  codeUnknown,
  codeUsed,
  notVoting,
  noVote,
  slipCodeUnknown,
} from '../evaluation.errors';

/** Letters and digits that cannot be mistaken for one another on paper (no I, O, 0, 1). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

export const newCode = () =>
  Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
/** A code as printed: two groups of five. */
export const printedCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

type Marks = EvaluationBallotBody['marks'];

export function createBallotsService(access: EvaluationAccess & { pdf: PdfRenderer }) {
  const { db, crypto } = access;
  /** A code's keyed hash (HMAC-SHA256 with a key derived from the field-encryption master key). */
  const codeKey = crypto.deriveKey('evaluation ballot codes');
  const hashOf = (code: string) => createHmac('sha256', codeKey).update(code).digest('hex');

  /** The marks must grade every participant of the round exactly once (400 naming `marks`). */
  async function checkMarks(tx: Tx, roundId: number, given: Marks) {
    const rows = await tx
      .select({ memberId: participants.memberId })
      .from(participants)
      .where(eq(participants.roundId, roundId));
    const known = new Set(rows.map((r) => r.memberId));
    const seen = new Set<number>();
    for (const m of given) {
      if (!known.has(m.memberId)) throw badMarks('选票中有不是参评党员的人');
      if (seen.has(m.memberId)) throw badMarks('选票中同一党员出现了两次');
      seen.add(m.memberId);
    }
    if (seen.size !== known.size)
      throw badMarks(`请为每位参评党员选择等次（还差 ${known.size - seen.size} 人）`);
  }

  /** Stores a ballot: a random id, the round, and its marks; nothing else. */
  async function cast(tx: Tx, roundId: number, given: Marks) {
    const [ballot] = await tx.insert(ballots).values({ roundId }).returning({ id: ballots.id });
    await tx
      .insert(marks)
      .values(given.map((m) => ({ ballotId: ballot!.id, memberId: m.memberId, grade: m.grade })));
  }

  const ballotCount = async (roundId: number) =>
    (
      await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from ${ballots} where ${ballots.roundId} = ${roundId}`,
      )
    )[0]?.n ?? 0;

  /** The code's round, locked with the code (404 unknown, 409 used or the vote not open). */
  async function codeRound(tx: Tx, code: string, lock: boolean) {
    const q = tx
      .select({ round: rounds, used: codes.used, hash: codes.codeHash })
      .from(codes)
      .innerJoin(rounds, eq(rounds.id, codes.roundId))
      .where(eq(codes.codeHash, hashOf(code)))
      .limit(1);
    const [row] = lock ? await q.for('update') : await q;
    if (!row) throw codeUnknown();
    if (row.used) throw codeUsed();
    if (row.round.state !== 'voting') throw notVoting();
    return row;
  }

  return {
    /**
     * A member's online ballot, in one transaction: the participation row locked, refused when
     * already voted, the ballot and its marks stored, the participation marked voted. The audit
     * says who voted in which round, never which ballot.
     */
    async vote(actor: Actor, id: number, body: EvaluationBallotBody): Promise<EvaluationVotedResponse> {
      await audited(db, actor, async (tx, audit) => {
        const { round, participant } = await access.mine(tx, actor, id);
        if (round.state !== 'voting') throw notVoting();
        if (participant.ballotMode === 'none') throw noVote();
        if (participant.ballotMode === 'code') throw codeHolder();
        if (participant.voted) throw alreadyVoted();
        await checkMarks(tx, id, body.marks);
        await cast(tx, id, body.marks);
        await tx
          .update(participants)
          .set({ voted: true })
          .where(and(eq(participants.roundId, id), eq(participants.memberId, participant.memberId)));
        audit({
          action: 'evaluation.voted',
          targetType: 'evaluation_round',
          targetId: id,
          targetLabel: round.title,
          after: { memberId: participant.memberId },
        });
      });
      return { voted: true, ballots: await ballotCount(id) };
    },

    /** New one-time codes for the round, shown once (only their keyed hashes are stored). */
    async generate(actor: Actor, id: number, count: number): Promise<EvaluationCodesResponse> {
      const fresh = new Set<string>();
      while (fresh.size < count) fresh.add(newCode());
      const list = [...fresh];
      const issued = await audited(db, actor, async (tx, audit) => {
        const round = await access.managed(tx, actor, id);
        access.inState(round, 'draft', 'self', 'peer', 'voting');
        await tx
          .insert(codes)
          .values(list.map((c) => ({ roundId: id, codeHash: hashOf(c) })))
          .onConflictDoNothing();
        audit({
          action: 'evaluation.codes_generated',
          targetType: 'evaluation_round',
          targetId: id,
          targetLabel: round.title,
          after: { count },
        });
        const [n] = await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from ${codes} where ${codes.roundId} = ${id}`,
        );
        return n?.n ?? 0;
      });
      return { codes: list.map(printedCode), issued };
    },

    /** The slips to cut out (A4 PDF): the round, the code, how to vote. Unused codes of the round only. */
    async slips(actor: Actor, id: number, list: readonly string[], siteUrl: string) {
      const { round, committee } = await audited(db, actor, async (tx, audit) => {
        const round = await access.managed(tx, actor, id);
        const hashes = list.map(hashOf);
        const found = await tx
          .select({ hash: codes.codeHash })
          .from(codes)
          .where(and(eq(codes.roundId, id), eq(codes.used, false), inArray(codes.codeHash, hashes)));
        const ok = new Set(found.map((f) => f.hash));
        hashes.forEach((h, i) => {
          if (!ok.has(h)) throw slipCodeUnknown(`codes.${i}`);
        });
        audit({
          action: 'evaluation.slips_printed',
          targetType: 'evaluation_round',
          targetId: id,
          targetLabel: round.title,
          after: { count: list.length },
        });
        const top = await access.orgs.topCommittee(tx);
        return { round, committee: top?.name ?? '流动党委' };
      });
      const [orgName] = await db
        .select({ name: orgNameOf(rounds.orgId) })
        .from(rounds)
        .where(eq(rounds.id, round.id));
      const slip = (code: string): Content => ({
        margin: [0, 0, 0, 10],
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  { text: `${orgName?.name ?? ''} ${round.title}`, bold: true, fontSize: 11 },
                  {
                    text: `民主测评码：${printedCode(code)}`,
                    fontSize: 16,
                    bold: true,
                    margin: [0, 6, 0, 4],
                  },
                  {
                    text: `用手机打开 ${siteUrl}/ballot ，输入测评码，为每位党员选择等次后提交。测评码只能使用一次，不记名。`,
                    fontSize: 9,
                  },
                ],
                margin: [6, 6, 6, 6],
              },
            ],
          ],
        },
        layout: { hLineStyle: () => ({ dash: { length: 4 } }), vLineStyle: () => ({ dash: { length: 4 } }) },
      });
      const rendered = await access.pdf.render({
        committee,
        title: '民主测评码',
        records: [
          [
            title('民主测评码', round.title),
            paragraph('沿虚线剪开，每位领取测评码的党员一张。'),
            ...list.map(slip),
            note('测评码不记录领取人，投票后无法追溯投票人。'),
          ],
        ],
      });
      return { ...rendered, fileName: `${round.title}测评码.pdf`, asciiName: 'ballot-codes.pdf' };
    },

    /** Public: what a code opens (the round and the members to grade). */
    async lookup(code: string): Promise<PublicBallotLookupResponse> {
      return db.transaction(async (tx) => {
        const { round } = await codeRound(tx, code, false);
        const [org] = await tx
          .select({ name: orgNameOf(rounds.orgId) })
          .from(rounds)
          .where(eq(rounds.id, round.id));
        const members = await tx
          .select({ id: participants.memberId, name: memberNameOf(participants.memberId) })
          .from(participants)
          .where(eq(participants.roundId, round.id))
          .orderBy(memberNameOf(participants.memberId), participants.memberId);
        return { title: round.title, org: org?.name ?? '', members };
      });
    },

    /**
     * Public: a ballot cast with a code, in one transaction: the code and the round locked, the
     * code ballots kept within the number of members who received a code, the code marked used.
     */
    async castWithCode(body: PublicBallotBody): Promise<EvaluationVotedResponse> {
      const roundId = await db.transaction(async (tx) => {
        const { round, hash } = await codeRound(tx, body.code, true);
        await tx.select({ id: rounds.id }).from(rounds).where(eq(rounds.id, round.id)).for('update');
        const [room] = await queryRows<{ holders: number; used: number }>(
          tx,
          sql`select
            (select count(*)::int from ${participants} where ${participants.roundId} = ${round.id} and ${participants.ballotMode} = 'code') as holders,
            (select count(*)::int from ${codes} where ${codes.roundId} = ${round.id} and ${codes.used}) as used`,
        );
        if (!room || room.used >= room.holders) throw codesExhausted();
        await checkMarks(tx, round.id, body.marks);
        await cast(tx, round.id, body.marks);
        await tx
          .update(codes)
          .set({ used: true })
          .where(and(eq(codes.roundId, round.id), eq(codes.codeHash, hash)));
        return round.id;
      });
      return { voted: true, ballots: await ballotCount(roundId) };
    },
  };
}

export type BallotsService = ReturnType<typeof createBallotsService>;
