import { Check, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One ordered step of a region's rollout, from the circular socialised to evaluated. */
@Entity({ tableName: 'milestone' })
@Check({ name: 'milestone_position_positive', expression: 'position > 0' })
export class Milestone {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @Property({ type: 'smallint', unique: true })
  position!: number;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Property({ type: 'text' })
  description!: string;
}
