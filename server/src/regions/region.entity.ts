import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  REGENCY = 'REGENCY',
  CITY = 'CITY',
}

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'Level of a region: a province (provinsi), a regency (kabupaten) or a city (kota).',
});

@ObjectType({ description: 'An administrative region (wilayah) with its official Kemendagri code.' })
@Entity({ tableName: 'region' })
@Check({ name: 'region_code_format', expression: "code ~ '^[0-9]{2}([.][0-9]{2})?$'" })
@Check({ name: 'region_parent_by_level', expression: "(level = 'PROVINCE') = (parent_id IS NULL)" })
@Check({ name: 'region_headcount_non_negative', expression: 'headcount >= 0' })
export class Region {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field({ description: 'Official Kemendagri code: `75` for a province, `75.71` for a regency or city.' })
  @Property({ type: 'string', length: 5, unique: true })
  code!: string;

  @Field({ description: 'Official name, e.g. `Kota Pariaman`.' })
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => RegionLevel, { description: 'Province, regency or city.' })
  @Enum({ items: () => RegionLevel, type: 'string' })
  @Index({ name: 'region_level_index' })
  level!: RegionLevel;

  @ManyToOne(() => Region, { nullable: true, deleteRule: 'restrict', ref: true, index: 'region_parent_index' })
  parent!: Ref<Region> | null;

  /** Civil servants of this regional government itself; GraphQL shows it as `ownHeadcount`. */
  @Property({ type: 'integer' })
  headcount!: number;
}
