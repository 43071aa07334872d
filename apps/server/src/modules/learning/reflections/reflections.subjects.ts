/**
 * What a reflection is about: a course addressed to the member (read from the courses table: the
 * same domain), a meeting the member attended or was expected at, or a training class they joined
 * (through the life and trainings services). Their titles for a page of reflections, whether the
 * author may write about one, and the list the member picks from.
 */
import {
  localIsoDate,
  REFLECTION_SUBJECT_LABELS,
  type ReflectionSubjectsResponse,
  type ReflectionSubjectType,
} from '@ningxin/shared';
import type { Executor } from '../../../db/client';
import type { Actor } from '../../../policy/policy';
import { ownMemberId, placementOf, type ReflectionsDeps } from './reflections.access';
import { subjectNotVisible } from './reflections.errors';
import { courseVisibleTo, type ReflectionRow, reflectionsRepository as repo } from './reflections.repository';

export function createReflectionSubjects(deps: ReflectionsDeps) {
  const { db, meetings, attendance, trainings } = deps;

  /** The subjects' titles of a page of reflections, by `type:id`. */
  async function titles(executor: Executor, rows: readonly ReflectionRow[]) {
    const ids = (type: ReflectionSubjectType) =>
      rows.filter((r) => r.subjectType === type).map((r) => r.subjectId);
    const [c, m, t] = await Promise.all([
      repo.courseTitles(executor, ids('course')),
      meetings.topics(executor, ids('meeting')),
      trainings.titles(executor, ids('training')),
    ]);
    const out = new Map<string, string>();
    for (const [type, map] of [
      ['course', c],
      ['meeting', m],
      ['training', t],
    ] as const)
      for (const [id, title] of map) out.set(`${type}:${id}`, title);
    return out;
  }

  /** The subject's title if the actor may see it; 400 naming `subjectId` otherwise. */
  async function visible(
    executor: Executor,
    actor: Actor,
    memberId: number,
    type: ReflectionSubjectType,
    id: number,
  ) {
    let title: string | null = null;
    if (type === 'meeting') title = await meetings.visibleTopic(executor, actor, id);
    else if (type === 'training') title = await trainings.visibleTitle(executor, actor, id);
    else {
      const p = await placementOf(deps, executor, memberId);
      if (p)
        title =
          (await repo.visibleCourses(executor, courseVisibleTo(p.orgPath, p.titles, new Date()), id))[0]
            ?.title ?? null;
    }
    if (title === null) throw subjectNotVisible();
    return title;
  }

  /** What the member may write about: courses addressed to them, meetings attended or expected at, classes joined. */
  async function listFor(actor: Actor): Promise<ReflectionSubjectsResponse> {
    const memberId = ownMemberId(actor);
    const p = await placementOf(deps, db, memberId);
    const courseRows = p
      ? await repo.visibleCourses(db, courseVisibleTo(p.orgPath, p.titles, new Date()))
      : [];
    const items: ReflectionSubjectsResponse['items'] = courseRows.map((c) => ({
      type: 'course',
      typeLabel: REFLECTION_SUBJECT_LABELS.course,
      id: c.id,
      title: c.title,
      date: null,
    }));
    const day = (iso: string) => localIsoDate(new Date(iso));
    for (const m of (await attendance.mine(actor)).past)
      items.push({
        type: 'meeting',
        typeLabel: REFLECTION_SUBJECT_LABELS.meeting,
        id: m.id,
        title: m.topic,
        date: day(m.heldAt ?? m.plannedAt),
      });
    for (const c of (await trainings.mine(actor)).enrolments)
      if (c.mine && c.mine.status !== 'withdrawn')
        items.push({
          type: 'training',
          typeLabel: REFLECTION_SUBJECT_LABELS.training,
          id: c.id,
          title: c.title,
          date: c.startsOn,
        });
    return { items };
  }

  return { titles, visible, listFor };
}
