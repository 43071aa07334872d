import { describe, expect, it } from 'vitest';
import { createMetrics, routeLabel } from './metrics';

describe('routeLabel', () => {
  it('is the route pattern under /api, never the address as asked', () => {
    expect(routeLabel('/api/v1/members/:id', '/api/v1/members/12?x=1')).toBe('/api/v1/members/:id');
    expect(routeLabel('/metrics', '/metrics')).toBe('/metrics');
  });

  it('groups what no /api route serves, and the web app', () => {
    expect(routeLabel(undefined, '/api/v1/members/130732199001019011')).toBe('unmatched');
    expect(routeLabel(undefined, '/members/12')).toBe('web');
    expect(routeLabel('/assets/index-abc123.js', '/assets/index-abc123.js')).toBe('web');
  });
});

describe('createMetrics', () => {
  it('reads the pool at each scrape, and leaves it out without one', async () => {
    let waiting = 0;
    const withPool = createMetrics({ poolStats: () => ({ total: 4, idle: 1, waiting }) });
    waiting = 2;
    const text = await withPool.registry.metrics();
    expect(text).toContain('ningxin_db_pool_in_use 3');
    expect(text).toContain('ningxin_db_pool_waiting 2');
    expect(await createMetrics().registry.metrics()).not.toContain('ningxin_db_pool');
  });

  it('counts a problem only when the answer had a code', async () => {
    const m = createMetrics();
    m.observeRequest({ method: 'GET', route: '/api/v1/orgs', status: 200, seconds: 0.01 });
    m.observeRequest({ method: 'GET', route: '/api/v1/orgs', status: 403, seconds: 0.01, code: 'FORBIDDEN' });
    const text = await m.registry.metrics();
    expect(text).toContain(
      'ningxin_http_problems_total{method="GET",route="/api/v1/orgs",status_code="403",code="FORBIDDEN"} 1',
    );
    expect(text).not.toContain('status_code="200",code');
  });
});
