/** Supervision rounds and incidents of a campaign. */
import {
  standardErrors,
  VolunteerCampaignIdParams,
  VolunteerIncidentBody,
  VolunteerIncidentListResponse,
  VolunteerIncidentResponse,
  VolunteerRoundBody,
  VolunteerRoundListResponse,
  VolunteerRoundResponse,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../plugins/auth';
import type { RoundsService } from './rounds.service';

const tags = ['志愿服务巡查与情况 volunteer rounds and incidents'];

export const roundsRoutes: FastifyPluginAsyncZod<{ rounds: RoundsService }> = async (app, { rounds }) => {
  app.get(
    '/:id/rounds',
    {
      config: { permission: 'volunteer.read' },
      schema: {
        tags,
        summary: '巡查督导记录',
        params: VolunteerCampaignIdParams,
        response: { 200: VolunteerRoundListResponse, ...standardErrors },
      },
    },
    async (request) => rounds.rounds(actorOf(request), request.params.id),
  );

  app.post(
    '/:id/rounds',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: '登记巡查督导（督导人、时间、点位、情况）',
        params: VolunteerCampaignIdParams,
        body: VolunteerRoundBody,
        response: { 201: VolunteerRoundResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rounds.addRound(actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/:id/incidents',
    {
      config: { permission: 'volunteer.read' },
      schema: {
        tags,
        summary: '受伤、隐患等情况记录',
        params: VolunteerCampaignIdParams,
        response: { 200: VolunteerIncidentListResponse, ...standardErrors },
      },
    },
    async (request) => rounds.incidents(actorOf(request), request.params.id),
  );

  app.post(
    '/:id/incidents',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '登记情况（活动管理者或该点位负责人）',
        params: VolunteerCampaignIdParams,
        body: VolunteerIncidentBody,
        response: { 201: VolunteerIncidentResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rounds.addIncident(actorOf(request), request.params.id, request.body)),
  );
};
