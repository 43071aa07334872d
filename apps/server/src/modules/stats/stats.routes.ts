import {
  StatsDuesQuery,
  StatsFindingQuery,
  StatsFlowQuery,
  StatsFlowResponse,
  StatsHonoursQuery,
  StatsMembersQuery,
  StatsMembersResponse,
  StatsTopicResponse,
  StatsVolunteerQuery,
  StatsYearQuery,
  standardErrors,
} from '@ningxin/shared';
import type { FastifySchema } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { sendXlsx, Xlsx } from '../../lib/downloads';
import { actorOf } from '../../plugins/auth';
import type { Actor } from '../../policy/policy';
import type { StatsTable } from './stats.export';
import type { StatsService } from './stats.service';
import { flowTable, membersTable, topicTable } from './stats.tables';

const tags = ['统计 stats'];

/**
 * The statistics (统计): one route per topic answering its rows and total in the actor's scope,
 * and beside it `<topic>.xlsx`, the same table as a spreadsheet (audited as an export).
 */
export const statsRoutes: FastifyPluginAsyncZod<{ stats: StatsService }> = async (app, { stats }) => {
  /** A topic's JSON route and its .xlsx route, with one query schema and one service call. */
  function topic<Q extends z.ZodType, R extends z.ZodType>(
    path: string,
    summary: string,
    querystring: Q,
    response: R,
    answer: (actor: Actor, q: z.infer<Q>) => Promise<z.infer<R>>,
    table: (answer: z.infer<R>) => StatsTable,
  ) {
    app.get(
      path,
      {
        config: { permission: 'stats.read' },
        // Typed loosely here: the generic answer is checked against `response` at each call of `topic`.
        schema: {
          tags,
          summary,
          querystring,
          response: { 200: response, ...standardErrors },
        } as FastifySchema,
      },
      async (request) => answer(actorOf(request), request.query as z.infer<Q>),
    );
    app.get(
      `${path}.xlsx`,
      {
        config: { permission: 'stats.read' },
        schema: {
          tags,
          summary: `${summary}：导出表格（.xlsx），记入审计`,
          querystring,
          response: { 200: Xlsx, ...standardErrors },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const q = request.query as z.infer<Q>;
        const result = await answer(actor, q);
        return sendXlsx(
          request,
          reply,
          await stats.prepareTable(actor, table(result), q as Record<string, unknown>),
        );
      },
    );
  }

  topic(
    '/members',
    '党员人数统计（按二级党委、流出地、流入地、年龄段、党龄、学历、类别、状态、来源、标签、性别）',
    StatsMembersQuery,
    StatsMembersResponse,
    (actor, q) => stats.members(actor, q),
    membersTable,
  );
  topic(
    '/members/flow',
    '党员变动（按月：建档、其中组织寻找、转出、失联、恢复在册）',
    StatsFlowQuery,
    StatsFlowResponse,
    (actor, q) => stats.flow(actor, q),
    flowTable,
  );
  topic(
    '/finding',
    '党员寻找进度（最近一次或指定的寻找活动，按日累计）',
    StatsFindingQuery,
    StatsTopicResponse,
    (actor, q) => stats.topics.finding(actor, q),
    topicTable,
  );
  topic(
    '/meetings',
    '三会一课落实情况（按二级流动党委）',
    StatsYearQuery,
    StatsTopicResponse,
    (actor, q) => stats.topics.meetings(actor, q),
    topicTable,
  );
  topic(
    '/study',
    '学时达标情况（按二级流动党委）',
    StatsYearQuery,
    StatsTopicResponse,
    (actor, q) => stats.topics.study(actor, q),
    topicTable,
  );
  topic(
    '/volunteer',
    '志愿服务（按活动或主办二级流动党委：志愿者、班次、时长、服务人次）',
    StatsVolunteerQuery,
    StatsTopicResponse,
    (actor, q) => stats.topics.volunteer(actor, q),
    topicTable,
  );
  topic(
    '/hometown',
    '服务家乡（按县区）',
    StatsYearQuery,
    StatsTopicResponse,
    (actor, q) => stats.topics.hometown(actor, q),
    topicTable,
  );
  topic(
    '/honours',
    '表彰（按级别，或按二级流动党委分级别）',
    StatsHonoursQuery,
    StatsTopicResponse,
    (actor, q) => stats.topics.honours(actor, q),
    topicTable,
  );
  topic(
    '/dues',
    '党费收缴率（某月，按支部：应缴与已缴）',
    StatsDuesQuery,
    StatsTopicResponse,
    (actor, q) => stats.topics.dues(actor, q),
    topicTable,
  );
};
