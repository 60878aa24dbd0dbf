import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { type Connection, decodeKeyCursor, type PageArgs, toConnection } from '../common/connection.js';
import { badInput } from '../common/errors.js';
import type { Loaders } from '../common/loaders.js';
import type { Scope } from '../auth/scope.js';
import type { Region } from '../regions/region.entity.js';
import { RegionService } from '../regions/region.service.js';
import { Milestone } from './milestone.entity.js';
import type { StageRow } from './milestone.loaders.js';
import type { RegionMilestonesArgs } from './milestone.args.js';
import { RegionMilestone } from './region-milestone.entity.js';

export class MilestoneService {
  constructor(private readonly em: EntityManager, private readonly loaders: Loaders, private readonly scope: Scope) {}

  async list(args: PageArgs): Promise<Connection<Milestone>> {
    const after = decodeKeyCursor(args.after, ['int']);
    const [rows, totalCount] = await Promise.all([
      this.em.find(Milestone, after === null ? {} : { position: { $gt: after[0] } }, { orderBy: { position: 'asc' }, limit: args.first + 1 }),
      this.em.count(Milestone),
    ]);
    return toConnection(rows, args.first, totalCount, (row) => JSON.stringify([row.position]));
  }

  async reached(args: RegionMilestonesArgs): Promise<Connection<RegionMilestone>> {
    const where: FilterQuery<RegionMilestone> & Record<string, unknown> = {};
    const area = await this.regions().listedAreaIds(args.regionCode, 'regionCode');
    if (area) where.region = { $in: area };
    if (args.milestoneCode) {
      const milestone = await this.em.findOne(Milestone, { code: args.milestoneCode });
      if (!milestone) throw badInput('milestoneCode', `no milestone has code ${args.milestoneCode}`);
      where.milestone = milestone.id;
    }
    const after = decodeKeyCursor(args.after, ['text', 'int']);
    const page = after === null ? where : {
      $and: [where, { $or: [{ region: { code: { $gt: after[0] } } }, { region: { code: after[0] }, milestone: { position: { $gt: after[1] } } }] }],
    };
    const [rows, totalCount] = await Promise.all([
      this.em.find(RegionMilestone, page, { populate: ['region', 'milestone'], orderBy: { region: { code: 'asc' }, milestone: { position: 'asc' } }, limit: args.first + 1 }),
      this.em.count(RegionMilestone, where),
    ]);
    return toConnection(rows, args.first, totalCount, (row) => JSON.stringify([row.region.getEntity().code, row.milestone.getEntity().position]));
  }

  ofRegion(region: Region): Promise<RegionMilestone[]> {
    this.regions().checkReadable(region, 'milestones');
    return this.loaders.milestonesByRegion.load(region.id);
  }

  stage(region: Region): Promise<StageRow | null> {
    this.regions().checkReadable(region, 'stage');
    return this.loaders.stageByRegion.load(region.id);
  }

  private regions(): RegionService {
    return new RegionService(this.em, this.loaders, this.scope);
  }

  milestone(reached: RegionMilestone): Promise<Milestone> {
    return reached.milestone.load() as Promise<Milestone>;
  }

  region(reached: RegionMilestone): Promise<Region> {
    return reached.region.load() as Promise<Region>;
  }
}
