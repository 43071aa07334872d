import type {
  StatsFlowResponse,
  StatsHonoursQuery,
  StatsMemberDimension,
  StatsMembersResponse,
  StatsTopic,
  StatsTopicResponse,
  StatsVolunteerQuery,
} from '@ningxin/shared';
import { api, apiUrl } from '../../lib/api';

export const statsKeys = {
  members: (by: StatsMemberDimension) => ['stats', 'members', by] as const,
  flow: (year: number) => ['stats', 'flow', year] as const,
  topic: (topic: StatsTopic, year: number, by?: StatsTopicBy) => ['stats', topic, year, by] as const,
};

/** How a topic's rows may be grouped (the volunteer and honours topics: by committee too). */
export type StatsTopicBy = StatsVolunteerQuery['by'] | StatsHonoursQuery['by'];

/** The topic's query: a year (the finding curve is of a campaign), and the rows' grouping. */
const queryOf = (topic: StatsTopic, year: number, by?: StatsTopicBy) => ({
  ...(topic === 'finding' ? {} : { year }),
  ...(by ? { by } : {}),
});

export const statsApi = {
  members: (by: StatsMemberDimension) => api<StatsMembersResponse>('/stats/members', { query: { by } }),
  flow: (year: number) => api<StatsFlowResponse>('/stats/members/flow', { query: { year } }),
  topic: (topic: StatsTopic, year: number, by?: StatsTopicBy) =>
    api<StatsTopicResponse>(`/stats/${topic}`, { query: queryOf(topic, year, by) }),

  membersExportUrl: (by: StatsMemberDimension) => apiUrl('/stats/members.xlsx', { by }),
  flowExportUrl: (year: number) => apiUrl('/stats/members/flow.xlsx', { year }),
  topicExportUrl: (topic: StatsTopic, year: number, by?: StatsTopicBy) =>
    apiUrl(`/stats/${topic}.xlsx`, queryOf(topic, year, by)),
};

/** The member list's address showing the members behind a figure. */
export const memberListLink = (filter: Record<string, string>) => `/members?${new URLSearchParams(filter)}`;
