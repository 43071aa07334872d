/**
 * The queries of an import against the members: duplicates looked up a batch at a time, the
 * first event of every new member in one statement, and the COPY that stages prepared rows (a
 * stream of COPY FROM STDIN on PostgreSQL, COPY FROM '/dev/blob' on PGlite). COPY spares the
 * server parsing thousands of rows out of a JSON parameter.
 */
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { connectionOf, type Executor, queryRows } from '../../../db/client';

/** Writes lines into the transaction's store; `abort` gives the connection back usable. */
export interface RowCopy {
  write(lines: string): Promise<void>;
  end(): Promise<void>;
  abort(err: Error): Promise<void>;
}

function streamCopy(client: pg.ClientBase, statement: string): RowCopy {
  const stream = client.query(copyFrom(statement));
  let failure: Error | null = null;
  const closed = new Promise<void>((resolve, reject) => {
    stream.on('error', (err) => {
      failure ??= err;
      reject(err);
    });
    stream.on('finish', resolve);
    stream.on('close', () => (failure ? reject(failure) : resolve()));
  });
  closed.catch(() => undefined); // awaited by end() or abort()
  return {
    async write(lines) {
      if (failure) throw failure;
      if (stream.write(lines)) return;
      // Wait until the server has taken what is queued (or the COPY failed).
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('close', done);
          stream.off('error', done);
          if (failure) reject(failure);
          else resolve();
        };
        stream.on('drain', done);
        stream.on('close', done);
        stream.on('error', done);
      });
    },
    async end() {
      stream.end();
      await closed;
    },
    async abort(err) {
      // Ends the COPY with CopyFail, so that the transaction can roll back.
      stream.destroy(err);
      await closed.catch(() => undefined);
    },
  };
}

function blobCopy(client: PGlite, statement: string): RowCopy {
  const query = statement.replace('from stdin', `from '/dev/blob'`);
  return {
    async write(lines) {
      await client.query(query, [], { blob: new Blob([lines]) });
    },
    async end() {},
    async abort() {},
  };
}

/** A member holding an ID number an import also holds. */
export interface ExistingMember {
  id: number;
  name: string;
  orgPath: string;
  homeCounty: string;
  hostDistrict: string | null;
}

export const memberImportRepository = {
  /**
   * The members holding these ID hashes, by hash: one parameter for the whole batch (an IN list
   * of 1,000 parameters costs more to build and to plan than to run).
   */
  async findByIdHashes(db: Executor, hashes: readonly string[]): Promise<Map<string, ExistingMember>> {
    const found = new Map<string, ExistingMember>();
    if (hashes.length === 0) return found;
    if (hashes.some((h) => !/^[0-9a-f]+$/.test(h))) throw new Error('ID hashes are hex');
    const rows = await queryRows<ExistingMember & { idHash: string }>(
      db,
      sql`select id_hash as "idHash", id, name, org_path as "orgPath", home_county as "homeCounty",
                 host_district as "hostDistrict"
          from members where id_hash = any(${`{${hashes.join(',')}}`}::text[])`,
    );
    for (const { idHash, ...m } of rows) found.set(idHash, m);
    return found;
  },

  /** A COPY (`copy <table> (<columns>) from stdin`) into the transaction's store. */
  copyInto(tx: Executor, statement: string): RowCopy {
    const client = connectionOf(tx);
    return client instanceof pg.Client
      ? streamCopy(client, statement)
      : blobCopy(client as PGlite, statement);
  },

  /** The first event of each of the members, all alike. Returns the events written, with where each member is placed. */
  async insertFirstEvents(
    tx: Executor,
    memberIds: number[],
    event: {
      toStatus: string;
      effectiveDate: string;
      reason: string;
      actorId: number | null;
      actorName: string | null;
    },
  ): Promise<FirstEvent[]> {
    if (memberIds.length === 0) return [];
    return queryRows<FirstEvent>(
      tx,
      sql`with inserted as (
            insert into member_status_events
              (member_id, from_status, to_status, effective_date, reason, actor_id, actor_name)
            select id, null, ${event.toStatus}::text, ${event.effectiveDate}::date, ${event.reason}::text,
                   ${event.actorId}::int, ${event.actorName}::text
            from unnest(${`{${memberIds.join(',')}}`}::int[]) as id
            returning id, member_id, from_status, to_status, effective_date, reason
          )
          select i.id, i.member_id as "memberId", i.from_status as "fromStatus", i.to_status as "toStatus",
                 i.effective_date::text as "effectiveDate", i.reason,
                 m.org_id as "orgId", m.org_path as "orgPath"
          from inserted i join members m on m.id = i.member_id
          order by i.id`,
    );
  },
};

/** A new member's first status event, and where the member is placed. */
export interface FirstEvent {
  id: number;
  memberId: number;
  fromStatus: null;
  toStatus: string;
  effectiveDate: string;
  reason: string;
  orgId: number;
  orgPath: string;
}
