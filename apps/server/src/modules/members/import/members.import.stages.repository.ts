/**
 * Every query of a staged import (db/schema/member-imports): the stage made and its prepared rows
 * sent by COPY while the file is validated, then at commit the stage locked, its rows checked
 * against the members once more and inserted into them by INSERT … SELECT, a range at a time.
 */
import type { MemberType } from '@ningxin/shared';
import { eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client';
import { queryRows } from '../../../db/client';
import { memberImportStages } from '../../../db/schema';
import { MEMBER_COPY_COLUMNS } from '../record/members.copy';
import { memberImportRepository } from './members.import.repository';

/** The stage rows' COPY: the members' columns, with the stage, the Excel row and `n` before them. */
const COPY_STAGE = `copy member_import_stage_rows (stage_id, row, n, ${MEMBER_COPY_COLUMNS.slice(1).join(', ')}) from stdin`;

/** The members columns the commit fills from a stage row; status_since (the commit's day) last. */
const FROM_STAGE = MEMBER_COPY_COLUMNS.filter((c) => c !== 'status_since');
const INSERT_COLUMNS = sql.raw([...FROM_STAGE, 'status_since'].join(', '));
const SELECT_LIST = sql.raw(
  FROM_STAGE.map((c) =>
    c === 'id' ? `nextval(pg_get_serial_sequence('members', 'id'))` : c === 'org_path' ? 'o.path' : `s.${c}`,
  ).join(', '),
);

export interface StageHead {
  id: string;
  userId: number;
  fileName: string;
  fileSha256: string;
  orgId: number | null;
  total: number;
  rows: number;
  ready: boolean;
  expired: boolean;
}

export const stageRepository = {
  /**
   * Removes the expired stages (anyone's) with their rows; with `orphans`, also rows left without
   * a stage (a user deleted). Returns how many stages.
   */
  async dropExpired(db: Db, orphans = false): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`with gone as (delete from member_import_stages where expires_at < now() returning id),
               rows as (delete from member_import_stage_rows r
                        where r.stage_id in (select id from gone) ${
                          orphans
                            ? sql`or not exists (select 1 from member_import_stages s where s.id = r.stage_id)`
                            : sql``
                        })
          select count(*)::int as n from gone`,
    );
    return row!.n;
  },

  /**
   * A new stage, not ready. Expired stages go first (anyone's), and so do earlier stages of the
   * same user and file: validating a file again replaces its stage.
   */
  async create(
    db: Db,
    s: { userId: number; fileSha256: string; fileName: string; orgId: number | null; minutes: number },
  ): Promise<{ id: string; expiresAt: Date }> {
    await this.dropExpired(db);
    await queryRows(
      db,
      sql`with gone as (delete from member_import_stages where user_id = ${s.userId}::int
                          and file_sha256 = ${s.fileSha256}::text returning id)
          delete from member_import_stage_rows where stage_id in (select id from gone)`,
    );
    const [row] = await db
      .insert(memberImportStages)
      .values({
        userId: s.userId,
        fileSha256: s.fileSha256,
        fileName: s.fileName,
        orgId: s.orgId,
        expiresAt: sql`now() + make_interval(mins => ${s.minutes}::int)`,
      })
      .returning({ id: memberImportStages.id, expiresAt: memberImportStages.expiresAt });
    return row!;
  },

  /** Adds prepared rows as COPY text (members.import.stage-text), in a short transaction of their own. */
  async addText(db: Db, lines: string): Promise<void> {
    if (lines === '') return;
    await db.transaction(async (tx) => {
      const copy = memberImportRepository.copyInto(tx, COPY_STAGE);
      try {
        await copy.write(lines);
        await copy.end();
      } catch (err) {
        await copy.abort(err as Error);
        throw err;
      }
    });
  },

  /** Marks the stage committable, with its counts. */
  async markReady(db: Db, id: string, counts: { total: number; rows: number }): Promise<void> {
    await db
      .update(memberImportStages)
      .set({ ...counts, ready: true })
      .where(eq(memberImportStages.id, id));
  },

  /** The staged rows by org (and member type), for the confirm step. */
  async summary(db: Db, id: string) {
    return queryRows<{ orgId: number; orgName: string; memberType: MemberType; count: number }>(
      db,
      sql`select s.org_id as "orgId", o.name as "orgName", s.member_type as "memberType", count(*)::int as count
          from member_import_stage_rows s join orgs o on o.id = s.org_id
          where s.stage_id = ${id}::uuid
          group by s.org_id, o.name, s.member_type
          order by count(*) desc, s.org_id, s.member_type`,
    );
  },

  /** Removes a stage and its rows. */
  async drop(db: Executor, id: string): Promise<void> {
    await queryRows(
      db,
      sql`with gone as (delete from member_import_stages where id = ${id}::uuid returning id)
          delete from member_import_stage_rows where stage_id = ${id}::uuid`,
    );
  },

  /** The stage, locked until the transaction ends (a second commit waits, then finds it gone). */
  async head(db: Executor, id: string, lock: boolean): Promise<StageHead | null> {
    const [row] = await queryRows<StageHead>(
      db,
      sql`select id, user_id as "userId", file_name as "fileName", file_sha256 as "fileSha256",
                 org_id as "orgId", total, rows, ready, expires_at <= now() as expired
          from member_import_stages where id = ${id}::uuid ${lock ? sql`for update` : sql``}`,
    );
    return row ?? null;
  },

  /** The orgs the stage's rows go to. */
  async orgIds(tx: Executor, id: string): Promise<number[]> {
    const rows = await queryRows<{ orgId: number }>(
      tx,
      sql`select distinct org_id as "orgId" from member_import_stage_rows where stage_id = ${id}::uuid`,
    );
    return rows.map((r) => r.orgId);
  },

  /** The Excel row of the first staged person whom a member now holds the ID number of, if any. */
  async firstTaken(tx: Executor, id: string): Promise<number | null> {
    const [row] = await queryRows<{ row: number }>(
      tx,
      sql`select s.row from member_import_stage_rows s
          where s.stage_id = ${id}::uuid and exists (select 1 from members m where m.id_hash = s.id_hash)
          order by s.row limit 1`,
    );
    return row?.row ?? null;
  },

  /** Inserts the staged rows numbered `from`..`to` as members (placed by their org's path now); returns their ids. */
  async insertRange(tx: Executor, id: string, from: number, to: number, today: string): Promise<number[]> {
    const rows = await queryRows<{ id: number }>(
      tx,
      sql`insert into members (${INSERT_COLUMNS})
          select ${SELECT_LIST}, ${today}::date
          from member_import_stage_rows s join orgs o on o.id = s.org_id
          where s.stage_id = ${id}::uuid and s.n between ${from}::int and ${to}::int
          order by s.n
          returning id`,
    );
    return rows.map((r) => r.id);
  },
};
