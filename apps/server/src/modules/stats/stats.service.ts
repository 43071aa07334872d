import type { Db } from '../../db/client';
import type { ServiceRegistry } from '../../lib/modules';
import { createStatsMembers } from './members/stats.members';
import { createStatsExport } from './stats.export';
import { createStatsTopics, type TopicDeps } from './topics/stats.topics';

export interface StatsDeps extends TopicDeps {
  db: Db;
  members: ServiceRegistry['members'];
}

/** The statistics: each topic's figures read from the owning module's service, in the actor's scope. */
export function createStatsService({ db, members, ...domains }: StatsDeps) {
  const memberFigures = createStatsMembers(members);
  return {
    members: memberFigures.members,
    flow: memberFigures.flow,
    topics: createStatsTopics(domains),
    prepareTable: createStatsExport(db),
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
