import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { type Connection, decodeCursor, toConnection } from '../common/connection.js';
import { badInput, notFound } from '../common/errors.js';
import { Region, type RegionLevel } from './region.entity.js';
import type { ChildrenArgs, RegionsArgs } from './region.args.js';
import type { Loaders } from '../common/loaders.js';
import type { Scope } from '../auth/scope.js';

export class RegionService {
  constructor(private readonly em: EntityManager, private readonly loaders: Loaders, private readonly scope: Scope) {}

  async byCode(code: string): Promise<Region> {
    const region = await this.em.findOne(Region, { code });
    if (!region) throw notFound('region', code);
    this.scope.check(region, 'code');
    return region;
  }

  /** A region named by an argument of a list or aggregate: unknown is bad input of that argument. */
  async byCodeAs(code: string, argument: string): Promise<Region> {
    const region = await this.em.findOne(Region, { code });
    if (!region) throw badInput(argument, `no region has code ${code}`);
    this.scope.check(region, argument);
    return region;
  }

  /**
   * Ids of a region and all its descendants: what a filter on a region means everywhere in the API.
   * An unknown code is bad input of the named argument.
   */
  async areaIds(code: string, argument: string): Promise<number[]> {
    return this.area(code, argument, (root) => this.scope.check(root, argument));
  }

  private async area(code: string, argument: string, check: (root: { id: number; code: string }) => void): Promise<number[]> {
    const rows: { id: number; root: boolean }[] = await this.em.getConnection().execute(
      'SELECT r.id, r.id = a.id AS root FROM region r JOIN region a ON r.id = a.id OR r.parent_id = a.id WHERE a.code = ?',
      [code],
    );
    if (rows.length === 0) throw badInput(argument, `no region has code ${code}`);
    check({ id: rows.find((row) => row.root)!.id, code });
    return rows.map((row) => row.id);
  }

  /**
   * The area one aggregate figure is computed over: the named region's, or the whole country when it is
   * left out. Besides its own scope, a caller limited to a region may name the areas around it (its
   * province, the country); `beyondScope` then says the figure must stay one total, not broken down into regions.
   */
  async aggregateArea(code: string | null | undefined, argument: string): Promise<{ ids: number[] | null; beyondScope: boolean }> {
    if (!code) return { ids: null, beyondScope: !this.scope.isNational };
    let beyondScope = false;
    const ids = await this.area(code, argument, (root) => {
      this.scope.checkAggregate(root, argument);
      beyondScope = !this.scope.includes(root.id);
    });
    return { ids, beyondScope };
  }

  /**
   * The area an optional region argument means: the named region's, or the whole country when
   * it is left out, which a caller limited to one region may not ask for.
   */
  async optionalAreaIds(code: string | null | undefined, argument: string): Promise<number[] | null> {
    if (code) return this.areaIds(code, argument);
    this.scope.checkNational(argument);
    return null;
  }

  /** The regions a list shows: the named region's area, else the whole scope (null: no narrowing). */
  async listedAreaIds(code: string | null | undefined, argument: string): Promise<number[] | null> {
    return code ? this.areaIds(code, argument) : this.scope.areaIds;
  }

  /** Refuses a figure of a region outside the scope (a parent reached through `parent`, say). */
  checkReadable(region: Region, field: string): void {
    this.scope.check(region, field);
  }

  async list(args: RegionsArgs): Promise<Connection<Region>> {
    const where: FilterQuery<Region> = {};
    if (args.level) where.level = args.level;
    if (args.search) where.name = { $ilike: `%${args.search.replace(/[\\%_]/g, '\\$&')}%` };
    if (args.parentCode) {
      const parent = await this.em.findOne(Region, { code: args.parentCode });
      if (!parent) throw badInput('parentCode', `no province has code ${args.parentCode}`);
      this.scope.check(parent, 'parentCode');
      where.parent = parent.id;
    }
    // A list is narrowed to the scope; only a region named outside it is refused.
    if (!this.scope.isNational) where.id = { $in: this.scope.areaIds! };
    const after = decodeCursor(args.after);
    const page = after === null ? where : { $and: [where, { code: { $gt: after } }] };
    const [rows, totalCount] = await Promise.all([
      this.em.find(Region, page, { orderBy: { code: 'asc' }, limit: args.first + 1 }),
      this.em.count(Region, where),
    ]);
    return toConnection(rows, args.first, totalCount, (row) => row.code);
  }

  async children(region: Region, args: ChildrenArgs): Promise<Connection<Region>> {
    this.checkReadable(region, 'children');
    const all = await this.loaders.children.load({ parentId: region.id, level: args.level ?? null });
    const after = decodeCursor(args.after);
    const rest = after === null ? all : all.filter((row) => row.code > after);
    return toConnection(rest.slice(0, args.first + 1), args.first, all.length, (row) => row.code);
  }

  async parent(region: Region): Promise<Region | null> {
    return region.parent ? region.parent.load() : null;
  }

  async ancestors(region: Region): Promise<Region[]> {
    const parent = await this.parent(region);
    return parent ? [parent] : [];
  }

  /** Regencies and cities are the only descendants: the hierarchy has two levels. */
  async descendantCount(region: Region, level: RegionLevel | null): Promise<number> {
    this.checkReadable(region, 'descendantCount');
    return (await this.loaders.children.load({ parentId: region.id, level })).length;
  }

  /** The headcount of a region's area: a total, which a caller may also read of the province around its scope. */
  areaHeadcount(region: Region): Promise<number> {
    this.scope.checkAggregate(region, 'headcount');
    return this.loaders.areaHeadcount.load(region.id);
  }
}
