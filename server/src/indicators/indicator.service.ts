import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { type Connection, decodeKeyCursor, toConnection } from '../common/connection.js';
import { badInput, notFound } from '../common/errors.js';
import type { Loaders } from '../common/loaders.js';
import type { Scope } from '../auth/scope.js';
import { checkRange } from '../common/period.js';
import { CoreValue } from '../programs/core-value.entity.js';
import { Program } from '../programs/program.entity.js';
import { RegionService } from '../regions/region.service.js';
import type { IndicatorsArgs, ObservationFilter, ObservationsArgs } from './indicator.args.js';
import { Indicator } from './indicator.entity.js';
import { Observation } from './observation.entity.js';
import type { Target } from './target.entity.js';

export class IndicatorService {
  constructor(private readonly em: EntityManager, private readonly loaders: Loaders, private readonly scope: Scope) {}

  async byCode(code: string, argument = 'code'): Promise<Indicator> {
    const indicator = await this.em.findOne(Indicator, { code });
    if (!indicator) throw argument === 'code' ? notFound('indicator', code) : badInput(argument, `no indicator has code ${code}`);
    return indicator;
  }

  /**
   * The indicators of a list of codes, in its order; every indicator by code when there is no list.
   * An unknown code is bad input naming its place in the list (`indicatorCodes[1]`).
   */
  async byCodes(codes: readonly string[] | null | undefined, argument: string): Promise<Indicator[]> {
    if (!codes) return this.em.find(Indicator, {}, { orderBy: { code: 'asc' } });
    if (codes.length === 0) return [];
    const found = await this.em.find(Indicator, { code: { $in: [...new Set(codes)] } });
    const byCode = new Map(found.map((indicator) => [indicator.code, indicator]));
    return codes.map((code, index) => {
      const indicator = byCode.get(code);
      if (!indicator) throw badInput(`${argument}[${index}]`, `no indicator has code ${code}`);
      return indicator;
    });
  }

  async list(args: IndicatorsArgs): Promise<Connection<Indicator>> {
    const where: FilterQuery<Indicator> = {};
    if (args.programCode) where.program = { code: args.programCode };
    const after = decodeKeyCursor(args.after, ['text']);
    const [rows, totalCount] = await Promise.all([
      this.em.find(Indicator, after === null ? where : { $and: [where, { code: { $gt: after[0] } }] }, { orderBy: { code: 'asc' }, limit: args.first + 1 }),
      this.em.count(Indicator, where),
    ]);
    return toConnection(rows, args.first, totalCount, (row) => JSON.stringify([row.code]));
  }

  async observations(args: ObservationsArgs): Promise<Connection<Observation>> {
    const where = await this.observationWhere(args.filter ?? {});
    const after = decodeKeyCursor(args.after, ['date', 'bigint']);
    const page = after === null ? where : {
      $and: [where, { $or: [{ periodStart: { $gt: after[0] } }, { periodStart: after[0], id: { $gt: after[1] } }] }],
    };
    const [rows, totalCount] = await Promise.all([
      this.em.find(Observation, page, { orderBy: { periodStart: 'asc', id: 'asc' }, limit: args.first + 1 }),
      this.em.count(Observation, where),
    ]);
    return toConnection(rows, args.first, totalCount, (row) => JSON.stringify([row.periodStart, row.id]));
  }

  private async observationWhere(filter: ObservationFilter): Promise<FilterQuery<Observation>> {
    checkRange(filter.period, 'filter.period');
    const where: FilterQuery<Observation> & Record<string, unknown> = {};
    if (filter.indicatorCode) where.indicator = (await this.byCode(filter.indicatorCode, 'filter.indicatorCode')).id;
    const area = await new RegionService(this.em, this.loaders, this.scope).listedAreaIds(filter.regionCode, 'filter.regionCode');
    if (area) where.region = { $in: area };
    if (filter.coreValueCode) {
      const value = await this.em.findOne(CoreValue, { code: filter.coreValueCode });
      if (!value) throw badInput('filter.coreValueCode', `no core value has code ${filter.coreValueCode}`);
      where.coreValue = value.id;
    }
    if (filter.period?.from || filter.period?.to) {
      where.periodStart = { ...(filter.period.from ? { $gte: filter.period.from } : {}), ...(filter.period.to ? { $lte: filter.period.to } : {}) };
    }
    return where;
  }

  /** The national default and the overrides of regions in the caller's scope. */
  async targets(indicator: Indicator): Promise<Target[]> {
    const all = await this.loaders.targetsByIndicator.load(indicator.id);
    return all.filter((target) => target.region === null || this.scope.includes(target.region.id));
  }

  async nationalTarget(indicator: Indicator): Promise<number | null> {
    return (await this.targets(indicator)).find((target) => target.region === null)?.value ?? null;
  }

  /** The region's own target when it has one, else the national default. */
  async targetFor(indicator: Indicator, regionCode: string): Promise<number | null> {
    const region = await new RegionService(this.em, this.loaders, this.scope).byCodeAs(regionCode, 'regionCode');
    const targets = await this.targets(indicator);
    return (targets.find((target) => target.region?.id === region.id) ?? targets.find((target) => target.region === null))?.value ?? null;
  }

  program(indicator: Indicator): Promise<Program | null> {
    return indicator.program ? (indicator.program.load() as Promise<Program>) : Promise.resolve(null);
  }
}
