import { MemberResponse, MemberSelfUpdateBody, standardErrors } from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../plugins/auth';
import type { MemberActions } from '../record/members.actions';

const tags = ['党员自助 me'];

/** A member's own record: read it, change contact details. */
export const memberSelfRoutes: FastifyPluginAsyncZod<{ actions: MemberActions }> = async (
  app,
  { actions },
) => {
  app.get(
    '/member',
    {
      config: { permission: 'member.self' },
      schema: { tags, summary: '我的党员档案', response: { 200: MemberResponse, ...standardErrors } },
    },
    async (request) => actions.selfGet(actorOf(request)),
  );

  app.patch(
    '/member',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '修改我的手机号、居住地址、工作单位、职业',
        body: MemberSelfUpdateBody,
        response: { 200: MemberResponse, ...standardErrors },
      },
    },
    async (request) => actions.selfUpdate(actorOf(request), request.body),
  );
};
