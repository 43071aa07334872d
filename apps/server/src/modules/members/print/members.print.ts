/**
 * Printing member forms (党员信息采集表): one member's, or a selection's, one member a page.
 * Only members the actor may export (a scope within what the actor may read) print; any other id,
 * and one that does not exist, answers 404 for the whole request. The forms are laid out first;
 * the print is audited (count and ids) before a byte is sent.
 */
import { localIsoDate } from '@ningxin/shared';
import type { Db } from '../../../db/client';
import { notFound } from '../../../lib/errors';
import type { PdfRenderer } from '../../../lib/pdf/pdf-renderer';
import { type Actor, assertCan, assertHolds } from '../../../policy/policy';
import { recordAudit } from '../../audit/audit.service';
import type { OrgsService } from '../../orgs/orgs.service';
import { membersRepository } from '../record/members.repository';
import { memberTarget } from '../record/members.scope';
import { FORM_TITLE, memberFormBlocks } from './members.print.form';

export interface MemberPrintDeps {
  db: Db;
  orgs: OrgsService;
  pdf: PdfRenderer;
}

export function createMemberPrint({ db, orgs, pdf }: MemberPrintDeps) {
  /** The members, in the order asked, if the actor may export every one (404 otherwise). */
  async function printable(actor: Actor, ids: readonly number[]) {
    assertHolds(actor, 'member.export');
    const rows = await membersRepository.findManyWithOrg(db, [...ids]);
    if (rows.length !== ids.length) throw notFound('党员');
    for (const row of rows) assertCan(actor, 'member.export', memberTarget(row), '党员');
    return rows;
  }

  /** Names along each distinct org path, read once per path. */
  async function pathNames(paths: Iterable<string>) {
    const names = new Map<string, string[]>();
    for (const path of new Set(paths)) names.set(path, await orgs.namesAlong(db, path));
    return names;
  }

  async function print(actor: Actor, ids: readonly number[]) {
    const rows = await printable(actor, ids);
    const names = await pathNames(rows.map((r) => r.orgPath));
    const now = new Date();
    const printedOn = localIsoDate(now);
    const first = rows[0]!;
    const rendered = await pdf.render({
      // The committee is the root of the tree the members are placed in.
      committee: names.get(first.orgPath)?.[0] ?? first.orgName,
      title: rows.length === 1 ? `${FORM_TITLE}（${first.name}）` : FORM_TITLE,
      records: rows.map((r) => memberFormBlocks(r, names.get(r.orgPath) ?? [r.orgName], printedOn)),
    });
    try {
      await recordAudit(db, actor, {
        action: 'member.form_printed',
        targetType: 'member',
        ...(rows.length === 1 ? { targetId: first.id, targetLabel: first.name } : {}),
        after: { count: rows.length, ids: rows.map((r) => r.id) },
      });
    } catch (err) {
      rendered.stream.destroy();
      throw err;
    }
    const day = printedOn.replaceAll('-', '');
    return {
      pages: rendered.pages,
      stream: rendered.stream,
      fileName:
        rows.length === 1 ? `${FORM_TITLE}_${first.name}.pdf` : `${FORM_TITLE}_${rows.length}人_${day}.pdf`,
      asciiName: rows.length === 1 ? `member-form-${first.id}.pdf` : `member-forms-${day}.pdf`,
    };
  }

  return {
    /** One member's form. */
    form: (actor: Actor, id: number) => print(actor, [id]),
    /** The forms of a selection, one member a page, in the order given (each member once). */
    forms: (actor: Actor, ids: readonly number[]) => print(actor, [...new Set(ids)]),
  };
}

export type MemberPrint = ReturnType<typeof createMemberPrint>;
