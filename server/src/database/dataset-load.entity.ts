import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Records that a data set was loaded, so the start command loads demo data on the first start only. */
@Entity({ tableName: 'dataset_load' })
export class DatasetLoad {
  @PrimaryKey({ type: 'string', length: 40 })
  name!: string;

  @Property({ type: 'integer' })
  seed!: number;

  @Property({ type: 'jsonb' })
  counts!: Record<string, number>;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  loadedAt!: Date;
}
