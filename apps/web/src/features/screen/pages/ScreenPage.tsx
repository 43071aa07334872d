import type { ScreenResponse } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FONT_FAMILY as fontFamily } from '../../../app/fontFamily';
import { EChart, type EChartOption } from '../../../components/EChart';
import { isApiError } from '../../../lib/api';
import { Clock, Counters, Empty, Feed, fmt, Panel, pad, useFit } from '../components/ScreenFrame';
import { screenApi, screenKeys, tokenFromHash } from '../screen.api';
import { registerScreenMaps } from '../screen.charts';
import { takeEarlyAnswer } from '../screen.early';
import './screen.css';
import { AXIS, mapOption, SPLIT } from '../screen.options';

function Screen({ data, maps }: { data: ScreenResponse; maps: boolean }) {
  const { t } = useTranslation();

  const beijing = useMemo(
    () => mapOption('beijing', data.byDistrict, fontFamily, t('screen.series.members')),
    [data.byDistrict, t],
  );
  const zhangjiakou = useMemo(
    () => mapOption('zhangjiakou', data.byCounty, fontFamily, t('screen.series.members')),
    [data.byCounty, t],
  );
  const finding = useMemo<EChartOption | null>(() => {
    const f = data.finding;
    if (!f) return null;
    return {
      textStyle: { fontFamily },
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 24, top: 24, bottom: 36 },
      xAxis: { type: 'category', data: f.daily.map((d) => d.day.slice(5)), axisLabel: AXIS },
      yAxis: { type: 'value', axisLabel: AXIS, splitLine: SPLIT },
      series: [
        {
          type: 'line',
          name: t('screen.series.cumulative'),
          data: f.daily.map((d) => d.cumulative),
          showSymbol: false,
          smooth: true,
          lineStyle: { color: '#ffd666', width: 3 },
          areaStyle: { color: 'rgba(255,214,102,0.18)' },
          markLine: {
            symbol: 'none',
            label: { color: '#ff7875', fontFamily, position: 'insideEndTop', formatter: '{c}' },
            lineStyle: { color: '#ff7875', type: 'dashed' },
            data: [{ yAxis: f.targetCount }],
          },
        },
      ],
    };
  }, [data.finding, t]);
  const volunteer = useMemo<EChartOption | null>(() => {
    const v = data.volunteer;
    if (!v) return null;
    const posts = [...v.byPost]
      .sort((a, b) => b.served - a.served)
      .slice(0, 6)
      .reverse();
    return {
      textStyle: { fontFamily },
      tooltip: { trigger: 'axis' },
      grid: { left: 150, right: 50, top: 10, bottom: 10 },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        data: posts.map((p) => p.name),
        axisLabel: { ...AXIS, width: 140, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('screen.series.served'),
          data: posts.map((p) => p.served),
          barWidth: 14,
          itemStyle: { color: '#40a9ff', borderRadius: 3 },
          label: { show: true, position: 'right', color: '#e6edf7', fontFamily },
        },
      ],
    };
  }, [data.volunteer, t]);
  const hometown = useMemo<EChartOption | null>(() => {
    const h = data.hometown;
    if (!h) return null;
    return {
      textStyle: { fontFamily },
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 20, top: 30, bottom: 70 },
      xAxis: {
        type: 'category',
        data: h.map((c) => c.name),
        axisLabel: { ...AXIS, rotate: 40, interval: 0, fontSize: 13 },
      },
      yAxis: {
        type: 'value',
        name: t('screen.unit.yi'),
        nameTextStyle: AXIS,
        axisLabel: AXIS,
        splitLine: SPLIT,
      },
      series: [
        {
          type: 'bar',
          name: t('screen.series.investment'),
          data: h.map((c) => Math.round(c.investmentFen / 1e8) / 100),
          barWidth: 16,
          itemStyle: { color: '#ff9c6e', borderRadius: [3, 3, 0, 0] },
        },
      ],
    };
  }, [data.hometown, t]);
  const life = useMemo<EChartOption | null>(() => {
    const l = data.life;
    if (!l) return null;
    const rows = l.byCommittee.slice(0, 6).reverse();
    const short = (name: string) => name.replace(/^驻北京/, '').replace(/流动党委$/, '');
    return {
      textStyle: { fontFamily },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, right: 10, textStyle: { color: '#a9bbd8', fontFamily }, itemHeight: 10 },
      grid: { left: 110, right: 40, top: 28, bottom: 8 },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        data: rows.map((r) => short(r.name)),
        axisLabel: { ...AXIS, width: 100, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('screen.series.planned'),
          data: rows.map((r) => r.planned),
          barWidth: 8,
          itemStyle: { color: '#597ef7' },
        },
        {
          type: 'bar',
          name: t('screen.series.held'),
          data: rows.map((r) => r.held),
          barWidth: 8,
          itemStyle: { color: '#73d13d' },
          label: { show: true, position: 'right', color: '#e6edf7', fontFamily, fontSize: 12 },
        },
      ],
    };
  }, [data.life, t]);

  const noAccess = t('screen.panels.noAccess');
  const none = t('screen.panels.none');
  const generated = new Date(data.generatedAt);
  return (
    <>
      <header className="nx-screen-header">
        <div className="nx-screen-updated">
          {t('screen.updatedAt', {
            time: `${pad(generated.getHours())}:${pad(generated.getMinutes())}:${pad(generated.getSeconds())}`,
          })}
        </div>
        <h1>{t('screen.title')}</h1>
        <Clock />
      </header>
      <Counters o={data.overview} />
      <div className="nx-screen-col" style={{ left: 20, width: 540 }}>
        <Panel
          title={t('screen.panels.finding')}
          extra={
            data.finding
              ? t('screen.panels.findingSummary', {
                  target: fmt(data.finding.targetCount),
                  found: fmt(data.finding.found),
                })
              : null
          }
        >
          {finding ? (
            <EChart option={finding} height={228} ariaLabel={t('screen.panels.finding')} />
          ) : (
            <Empty text={noAccess} />
          )}
        </Panel>
        <Panel
          title={t('screen.panels.volunteer')}
          extra={
            data.volunteer
              ? t('screen.panels.volunteerSummary', {
                  days: data.volunteer.days,
                  volunteers: fmt(data.volunteer.volunteers),
                  served: fmt(data.volunteer.served),
                })
              : null
          }
        >
          {volunteer ? (
            <EChart option={volunteer} height={228} ariaLabel={t('screen.panels.volunteer')} />
          ) : (
            <Empty text={data.volunteer === null ? noAccess : none} />
          )}
        </Panel>
        <Panel
          title={t('screen.panels.life')}
          extra={
            data.life
              ? t('screen.panels.lifeSummary', {
                  month: data.life.month,
                  held: data.life.held,
                  planned: data.life.planned,
                })
              : null
          }
        >
          {life && data.life && data.life.byCommittee.length > 0 ? (
            <EChart option={life} height={228} ariaLabel={t('screen.panels.life')} />
          ) : (
            <Empty text={life ? none : noAccess} />
          )}
        </Panel>
      </div>
      <div className="nx-screen-col" style={{ left: 580, width: 760 }}>
        <Panel title={t('screen.panels.beijing')}>
          {maps ? <EChart option={beijing} height={370} ariaLabel={t('screen.panels.beijing')} /> : null}
        </Panel>
        <Panel title={t('screen.panels.zhangjiakou')}>
          {maps ? (
            <EChart option={zhangjiakou} height={370} ariaLabel={t('screen.panels.zhangjiakou')} />
          ) : null}
        </Panel>
      </div>
      <div className="nx-screen-col" style={{ left: 1360, width: 540 }}>
        <Panel title={t('screen.panels.hometown')}>
          {hometown ? (
            <EChart option={hometown} height={370} ariaLabel={t('screen.panels.hometown')} />
          ) : (
            <Empty text={noAccess} />
          )}
        </Panel>
        <Panel title={t('screen.panels.feed')}>
          {data.feed.length > 0 ? <Feed items={data.feed} /> : <Empty text={none} />}
        </Panel>
      </div>
    </>
  );
}

/**
 * 数据大屏 (public route): with a kiosk token in the fragment (`#t=…`) the whole committee's
 * screen, else the signed-in user's scope; with neither a message and a link to sign in. Reads
 * again every refreshSeconds; the charts are updated in place.
 */
export function ScreenPage() {
  const { t } = useTranslation();
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const box = useFit();
  const maps = useQuery({
    queryKey: ['screen-maps'],
    queryFn: registerScreenMaps,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  const screen = useQuery({
    queryKey: screenKeys.screen(Boolean(token)),
    // The first read takes the answer asked for when the route opened (screen.early.ts).
    queryFn: ({ signal }) => takeEarlyAnswer(token) ?? screenApi.screen(token, signal),
    refetchInterval: (query) => (query.state.data?.refreshSeconds ?? 60) * 1000,
    refetchIntervalInBackground: true,
    retry: (count, error) => !(isApiError(error) && error.status === 401) && count < 2,
  });

  useEffect(() => {
    const before = document.title;
    document.title = t('screen.title');
    return () => {
      document.title = before;
    };
  }, [t]);

  const error = screen.error;
  if (isApiError(error) && error.status === 401) {
    return (
      <div className="nx-screen-message" style={{ fontFamily }} data-testid="screen-message">
        <div>{token ? error.message : t('screen.needSignIn')}</div>
        {token ? null : (
          <a className="nx-screen-button nx-screen-button-primary" href="/login?next=%2Fscreen">
            {t('screen.signIn')}
          </a>
        )}
      </div>
    );
  }
  if (!screen.data) {
    return (
      <div className="nx-screen-message" style={{ fontFamily }} data-testid="screen-message">
        <div>{error ? error.message : t('screen.loading')}</div>
        {error ? (
          <button type="button" className="nx-screen-button" onClick={() => void screen.refetch()}>
            {t('screen.retry')}
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <div className="nx-screen-frame" style={{ fontFamily }}>
      <div
        className="nx-screen"
        data-testid="screen"
        style={{ left: box.left, top: box.top, transform: `scale(${box.scale})` }}
      >
        <Screen data={screen.data} maps={maps.isSuccess} />
      </div>
    </div>
  );
}
