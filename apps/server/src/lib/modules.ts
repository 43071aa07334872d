/**
 * Modules that register themselves. A domain module exports one definition: its name, the
 * modules whose services it is built from, how it builds its services, its routes, its jobs,
 * its demo seed step and what it contributes to other modules' extension points. The app is a
 * list of such definitions (app.ts); adding a domain touches that list only.
 *
 * Dependencies stay explicit: a module names what it takes (`needs`) and receives exactly
 * those services, typed, never a bag of every repository. Work that must reach back the other
 * way (the org page showing member counts, the workbench listing every module's to-dos) goes
 * through extension points, read when a request needs them, or through domain events.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Config } from '../config';
import type { Db, Store } from '../db/client';
import type { EventBus } from './events';
import type { FieldCrypto } from './field-crypto';
import type { Metrics } from './metrics';
import type { CryptoWorkers } from './worker-pool';

/** Services by module name; each module adds its entry by declaration merging. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each module's `declare module`.
export interface ServiceRegistry {}
export type ModuleName = keyof ServiceRegistry;

/**
 * Extension points: what modules contribute to one another, by point name; the module that
 * owns a point declares its contribution type here by declaration merging.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules that own a point.
export interface ExtensionPoints {}
export type ExtensionName = keyof ExtensionPoints;

/** Reads the contributions to a point; available once every module is built. */
export interface Extensions {
  all<K extends ExtensionName>(point: K): readonly ExtensionPoints[K][];
}

/** What every module is built with. */
export interface PlatformContext {
  store: Store;
  db: Db;
  /**
   * For reads that may lag a few seconds (lists, search, dashboards, exports): a streaming
   * standby when one is configured and keeping up, else `db` (see `Store.reads`).
   */
  reads: Db;
  config: Config;
  crypto: FieldCrypto;
  /** Worker threads for costly per-row work, holding the master key (closed with the app). */
  workers: CryptoWorkers;
  events: EventBus;
  /** The app's measurements (served at /metrics when turned on). */
  metrics: Metrics;
  extensions: Extensions;
  /** Every module's jobs (the jobs module schedules them); available once every module is built. */
  jobs(): readonly JobDefinition[];
}

/** A routes plugin mounted under /api/v1 + prefix. */
export interface RouteMount {
  prefix: string;
  register(api: FastifyInstance): PromiseLike<unknown>;
}

/** Mounts a routes plugin with its options (the services it calls), type-checked. */
export function mount<O extends Record<string, unknown>>(
  prefix: string,
  plugin: FastifyPluginAsync<O>,
  options: O,
): RouteMount {
  return { prefix, register: (api) => api.register(plugin, { ...options, prefix }) };
}

/** A job a module runs on a schedule (see modules/jobs). */
export interface JobDefinition {
  /** Unique across modules: `<module>.<job>`. */
  name: string;
  /** Chinese name for the admin's list. */
  label: string;
  /** A cron expression (croner syntax, Asia/Shanghai). */
  schedule: string;
  /** Does the work; returns how many rows it touched. */
  run(): Promise<number>;
}

/** A module's part of the demo committee, run once on an empty store after the members exist. */
export type SeedStep = (ctx: PlatformContext) => Promise<void>;

export interface ModuleDefinition<N extends ModuleName, D extends ModuleName> {
  name: N;
  /** The modules whose services this one is built from. */
  needs: readonly D[];
  build(ctx: PlatformContext, deps: Pick<ServiceRegistry, D>): ServiceRegistry[N];
  routes?(services: ServiceRegistry[N], ctx: PlatformContext): RouteMount[];
  jobs?(services: ServiceRegistry[N], ctx: PlatformContext): JobDefinition[];
  /** The module's demo seed step, with its own services and those of the modules it needs. */
  seed?(services: ServiceRegistry[N], deps: Pick<ServiceRegistry, D>): SeedStep;
  /** Contributions to other modules' extension points. */
  contributes?(services: ServiceRegistry[N]): { [K in ExtensionName]?: ExtensionPoints[K][] };
  /** Subscriptions to domain events, run inside the publishing transaction. */
  subscribe?(services: ServiceRegistry[N], events: EventBus): void;
}

/** A module of any name and dependency set, as a list holds them. */
export type AnyModule = ModuleDefinition<ModuleName, ModuleName>;

export function defineModule<N extends ModuleName, D extends ModuleName = never>(
  definition: ModuleDefinition<N, D>,
): ModuleDefinition<N, D> {
  return definition;
}

/** The modules in an order where each comes after those it needs; throws on a cycle or a missing one. */
export function buildOrder(modules: readonly AnyModule[]): AnyModule[] {
  const byName = new Map(modules.map((m) => [m.name as string, m]));
  if (byName.size !== modules.length) throw new Error('two modules share a name');
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: AnyModule[] = [];
  const visit = (m: AnyModule, path: string[]) => {
    if (done.has(m.name)) return;
    if (visiting.has(m.name))
      throw new Error(`modules depend on each other: ${[...path, m.name].join(' → ')}`);
    visiting.add(m.name);
    for (const need of m.needs as readonly string[]) {
      const dep = byName.get(need);
      if (!dep) throw new Error(`module ${m.name} needs ${need}, which is not in the list`);
      visit(dep, [...path, m.name]);
    }
    visiting.delete(m.name);
    done.add(m.name);
    order.push(m);
  };
  for (const m of modules) visit(m, []);
  return order;
}

export interface Platform {
  ctx: PlatformContext;
  modules: readonly AnyModule[];
  services: ServiceRegistry;
  routes: RouteMount[];
  jobs: JobDefinition[];
  seeds: { module: string; step: SeedStep }[];
}

/**
 * Builds every module's services in dependency order, then collects routes, jobs, seed steps,
 * contributions and event subscriptions.
 */
export function buildPlatform(
  modules: readonly AnyModule[],
  base: Omit<PlatformContext, 'extensions' | 'jobs'>,
): Platform {
  const contributions = new Map<string, unknown[]>();
  let ready = false;
  const extensions: Extensions = {
    all(point) {
      if (!ready) throw new Error(`extension point ${String(point)} read before the modules were built`);
      return (contributions.get(point) ?? []) as never;
    },
  };
  let jobs: JobDefinition[] | null = null;
  const ctx: PlatformContext = {
    ...base,
    extensions,
    jobs() {
      if (!jobs) throw new Error('jobs read before the modules were built');
      return jobs;
    },
  };
  const services: Record<string, unknown> = {};
  const ordered = buildOrder(modules);
  const depsOf = (m: AnyModule) =>
    Object.fromEntries((m.needs as readonly string[]).map((n) => [n, services[n]])) as never;
  for (const m of ordered) services[m.name] = m.build(ctx, depsOf(m));
  const registry = services as unknown as ServiceRegistry;
  const at = (m: AnyModule) => registry[m.name as ModuleName] as never;
  for (const m of ordered) {
    for (const [point, list] of Object.entries(m.contributes?.(at(m)) ?? {})) {
      contributions.set(point, [...(contributions.get(point) ?? []), ...(list as unknown[])]);
    }
    m.subscribe?.(at(m), ctx.events);
  }
  ready = true;
  jobs = ordered.flatMap((m) => m.jobs?.(at(m), ctx) ?? []);
  const names = jobs.map((j) => j.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`two jobs are named ${twice}`);
  return {
    ctx,
    modules: ordered,
    services: registry,
    routes: ordered.flatMap((m) => m.routes?.(at(m), ctx) ?? []),
    jobs,
    seeds: ordered.flatMap((m) =>
      m.seed ? [{ module: m.name as string, step: m.seed(at(m), depsOf(m)) }] : [],
    ),
  };
}

/**
 * Runs the modules' demo seed steps in dependency order, once the demo committee and its members
 * exist (a fresh store only: the caller decides). `only`: the steps of those modules alone (a test).
 */
export async function runSeeds(
  platform: Platform,
  onStep: (module: string) => void = () => {},
  only?: readonly string[],
): Promise<void> {
  for (const { module, step } of platform.seeds) {
    if (only && !only.includes(module)) continue;
    onStep(module);
    await step(platform.ctx);
  }
}
