import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { type Connection, decodeCursor, toConnection } from '../common/connection.js';
import { badInput, notFound } from '../common/errors.js';
import { Region, type RegionLevel } from './region.entity.js';
import type { ChildrenArgs, RegionsArgs } from './region.args.js';
import type { Loaders } from '../common/loaders.js';

export class RegionService {
  constructor(private readonly em: EntityManager, private readonly loaders: Loaders) {}

  async byCode(code: string): Promise<Region> {
    const region = await this.em.findOne(Region, { code });
    if (!region) throw notFound('region', code);
    return region;
  }

  /** A region named by an argument of a list or aggregate: unknown is bad input of that argument. */
  async byCodeAs(code: string, argument: string): Promise<Region> {
    const region = await this.em.findOne(Region, { code });
    if (!region) throw badInput(argument, `no region has code ${code}`);
    return region;
  }

  /**
   * Ids of a region and all its descendants: what a filter on a region means everywhere in the API.
   * An unknown code is bad input of the named argument.
   */
  async areaIds(code: string, argument: string): Promise<number[]> {
    const rows: { id: number }[] = await this.em.getConnection().execute(
      'SELECT r.id FROM region r JOIN region a ON r.id = a.id OR r.parent_id = a.id WHERE a.code = ?',
      [code],
    );
    if (rows.length === 0) throw badInput(argument, `no region has code ${code}`);
    return rows.map((row) => row.id);
  }

  async list(args: RegionsArgs): Promise<Connection<Region>> {
    const where: FilterQuery<Region> = {};
    if (args.level) where.level = args.level;
    if (args.search) where.name = { $ilike: `%${args.search.replace(/[\\%_]/g, '\\$&')}%` };
    if (args.parentCode) {
      const parent = await this.em.findOne(Region, { code: args.parentCode });
      if (!parent) throw badInput('parentCode', `no province has code ${args.parentCode}`);
      where.parent = parent.id;
    }
    const after = decodeCursor(args.after);
    const page = after === null ? where : { $and: [where, { code: { $gt: after } }] };
    const [rows, totalCount] = await Promise.all([
      this.em.find(Region, page, { orderBy: { code: 'asc' }, limit: args.first + 1 }),
      this.em.count(Region, where),
    ]);
    return toConnection(rows, args.first, totalCount, (row) => row.code);
  }

  async children(region: Region, args: ChildrenArgs): Promise<Connection<Region>> {
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
    return (await this.loaders.children.load({ parentId: region.id, level })).length;
  }

  areaHeadcount(region: Region): Promise<number> {
    return this.loaders.areaHeadcount.load(region.id);
  }
}
