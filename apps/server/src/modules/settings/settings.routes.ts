import {
  SettingKeyParams,
  SettingListResponse,
  SettingResponse,
  SettingUpdateBody,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth';
import type { SettingsService } from './settings.service';

const tags = ['参数设置 settings'];

export const settingsRoutes: FastifyPluginAsyncZod<{ settings: SettingsService }> = async (
  app,
  { settings },
) => {
  app.get(
    '/',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '全部参数设置（含默认值、是否修改、版本、最后修改人和时间）',
        response: { 200: SettingListResponse, ...standardErrors },
      },
    },
    async (request) => ({ items: await settings.list(actorOf(request)) }),
  );

  app.get(
    '/:key',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '一项参数设置',
        params: SettingKeyParams,
        response: { 200: SettingResponse, ...standardErrors },
      },
    },
    async (request) => settings.show(actorOf(request), request.params.key),
  );

  app.put(
    '/:key',
    {
      config: { permission: 'settings.write' },
      schema: {
        tags,
        summary: '修改参数设置（先比较版本，再按该项规则检查取值）',
        params: SettingKeyParams,
        body: SettingUpdateBody,
        response: { 200: SettingResponse, ...standardErrors },
      },
    },
    async (request) =>
      settings.update(actorOf(request), request.params.key, request.body.value, request.body.version),
  );

  app.delete(
    '/:key',
    {
      config: { permission: 'settings.write' },
      schema: {
        tags,
        summary: '恢复默认值',
        params: SettingKeyParams,
        response: { 200: SettingResponse, ...standardErrors },
      },
    },
    async (request) => settings.reset(actorOf(request), request.params.key),
  );
};
