import type { ScreenResponse } from '@ningxin/shared';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The big screen's frame: the canvas's fit to the window, the clock, panels, the counters and the feed. */

export const WIDTH = 1920;
export const HEIGHT = 1080;

/** The canvas's scale and offset in a window of this size: as large as fits, centred. */
function fit() {
  const w = window.innerWidth;
  const h = window.innerHeight;
  const scale = Math.min(w / WIDTH, h / HEIGHT);
  return { scale, left: (w - WIDTH * scale) / 2, top: (h - HEIGHT * scale) / 2 };
}

export function useFit() {
  const [box, setBox] = useState(fit);
  useEffect(() => {
    const onResize = () => setBox(fit());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return box;
}

export const pad = (n: number) => String(n).padStart(2, '0');
const WEEKDAYS = '日一二三四五六';

/** The date and time, ticking each second (one timer for the page's life). */
export function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <div className="nx-screen-clock" data-testid="screen-clock">
      {`${now.getFullYear()}年${pad(now.getMonth() + 1)}月${pad(now.getDate())}日 星期${WEEKDAYS[now.getDay()]} ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`}
    </div>
  );
}

export const fmt = (n: number) => n.toLocaleString('zh-CN');
/** Fen as 亿元 (two decimals) or 万元 (whole). */
export const yi = (fen: number) => (fen / 1e10).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
export const wan = (fen: number) => (fen / 1e6).toLocaleString('zh-CN', { maximumFractionDigits: 0 });

export function Panel({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section className="nx-screen-panel" aria-label={title}>
      <div className="nx-screen-panel-title">
        {title}
        {extra ? <span>{extra}</span> : null}
      </div>
      <div className="nx-screen-panel-body">{children}</div>
    </section>
  );
}

export function Empty({ text }: { text: string }) {
  return <div className="nx-screen-empty">{text}</div>;
}

export function Counters({ o }: { o: ScreenResponse['overview'] }) {
  const { t } = useTranslation();
  const counters: [string, string, number | null, (n: number) => string, string][] = [
    ['members', t('screen.counters.members'), o.members, fmt, t('screen.unit.people')],
    ['committees', t('screen.counters.committees'), o.committees, fmt, t('screen.unit.committees')],
    ['found', t('screen.counters.found'), o.found, fmt, t('screen.unit.people')],
    ['volunteers', t('screen.counters.volunteers'), o.volunteers, fmt, t('screen.unit.people')],
    ['served', t('screen.counters.served'), o.servedPersonTimes, fmt, t('screen.unit.times')],
    ['projects', t('screen.counters.projects'), o.projects, fmt, t('screen.unit.projects')],
    ['investment', t('screen.counters.investment'), o.investmentFen, yi, t('screen.unit.yi')],
    ['donations', t('screen.counters.donations'), o.donationsFen, yi, t('screen.unit.yi')],
    ['labour', t('screen.counters.labour'), o.labourPersonTimes, fmt, t('screen.unit.times')],
    ['covid', t('screen.counters.covid'), o.covidFen, wan, t('screen.unit.wan')],
  ];
  return (
    <div className="nx-screen-counters">
      {counters.map(([key, label, value, show, unit]) => (
        <div key={key} className="nx-screen-counter" data-testid={`screen-counter-${key}`}>
          <div className="nx-screen-counter-value">
            <span data-testid={`screen-counter-${key}-value`}>{value === null ? '—' : show(value)}</span>
            {value !== null && unit ? <small>{unit}</small> : null}
          </div>
          <div className="nx-screen-counter-label">{label}</div>
        </div>
      ))}
    </div>
  );
}

/** The feed scrolls by a CSS animation over the list twice over (no timers); a short list stands still. */
export function Feed({ items }: { items: ScreenResponse['feed'] }) {
  const moving = items.length > 8;
  const rows = moving ? [...items, ...items] : items;
  return (
    <div className="nx-screen-feed" data-testid="screen-feed">
      <ul style={moving ? { animationDuration: `${items.length * 3}s` } : { animation: 'none' }}>
        {rows.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is shown twice over; the place is the identity.
          <li key={i} aria-hidden={i >= items.length ? true : undefined}>
            <b>{f.name}</b>
            <i>{f.kind}</i>
            <span>{f.title}</span>
            <time>{f.occurredOn.slice(5)}</time>
          </li>
        ))}
      </ul>
    </div>
  );
}
