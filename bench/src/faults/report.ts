/** bench/results/faults.md from faults.json. */
import type { KillRun } from './checks';

export function toMarkdown(results: Record<string, unknown>): string {
  const lines = [
    '# Faults and load (故障与负载演练)',
    '',
    "`npm run bench:faults -w @ningxin/bench -- <drill> [pglite|postgres|both] [minutes]`; each PostgreSQL is a cluster of the drill's own (port 5499). See bench/src/faults.ts for what each drill checks.",
    '',
  ];
  for (const [key, value] of Object.entries(results)) {
    const r = value as {
      at: string;
      uptime: string;
      runs?: KillRun[];
      phases?: Record<string, unknown>[];
      perMinute?: Record<string, unknown>[];
    };
    lines.push(
      `## ${key}`,
      '',
      `Run ${r.at.slice(0, 16).replace('T', ' ')} UTC, load average at the end ${r.uptime.split(' ').slice(0, 3).join(' ')}.`,
      '',
    );
    if ((r as { note?: string }).note) lines.push((r as { note?: string }).note!, '');
    if (r.runs) {
      lines.push(
        '| run | killed after (ms) | what was acknowledged / found | rollups | chain | restart (s) | verify route | rollup job | faults |',
        '| ---: | ---: | --- | --- | --- | ---: | --- | --- | --- |',
      );
      for (const run of r.runs) {
        const { run: n, killedAfterMs, invariants: inv, server, ok, faults, ...rest } = run;
        lines.push(
          `| ${n} | ${killedAfterMs ?? 'not killed'} | ${Object.entries(rest)
            .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : v}`)
            .join(
              '; ',
            )} | ${inv.rollupGroups} groups, ${inv.rollupMismatches} differ | ${inv.chain} (${inv.auditRows}) | ${server.restartSeconds} | ${server.verify} | ${server.rollupJob} | ${ok ? 'none' : faults.join('; ')} |`,
        );
      }
    }
    if (r.phases) {
      lines.push(
        '| phase | requests | 2xx | other answers | no answer | max (ms) | p95 (ms) | recovered after (s) |',
        '| --- | ---: | ---: | --- | --- | ---: | ---: | ---: |',
      );
      for (const p of r.phases as Record<string, unknown>[]) {
        lines.push(
          `| ${p.phase} | ${p.requests} | ${p.ok} | ${JSON.stringify(p.answers)} | ${JSON.stringify(p.failures)} | ${p.maxMs} | ${p.p95Ms} | ${p.recoveredAfterSeconds ?? ''} |`,
        );
      }
      const messages = [...new Set(r.phases.flatMap((p) => (p.messages as string[]) ?? []))];
      if (messages.length) lines.push('', 'Messages:', ...messages.map((m) => `- ${m}`));
    }
    if (r.perMinute) {
      lines.push(
        '| minute | requests | errors | p50 (ms) | p95 (ms) | max (ms) | server RSS (MB) | load |',
        '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      );
      for (const m of r.perMinute)
        lines.push(
          `| ${m.minute} | ${m.requests} | ${m.errors} | ${m.p50Ms} | ${m.p95Ms} | ${m.maxMs} | ${m.rssMb} | ${m.load} |`,
        );
    }
    lines.push('');
  }
  return lines.join('\n');
}
