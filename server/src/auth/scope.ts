import { DomainError, ErrorCode } from '../common/errors.js';

export interface ScopeRoot {
  id: number;
  code: string;
  name: string;
}

/**
 * The regions a caller may read and, with a reporting role, write: the whole country, or one
 * region with its regencies and cities. Services ask it about every region an argument names,
 * so a code in a query is never a way around it.
 */
export class Scope {
  private readonly ids: ReadonlySet<number> | null;
  private readonly above: ReadonlySet<number>;

  private constructor(readonly root: ScopeRoot | null, areaIds: readonly number[] | null, ancestorIds: readonly number[] = []) {
    this.ids = areaIds === null ? null : new Set(areaIds);
    this.above = new Set(ancestorIds);
  }

  static national(): Scope {
    return new Scope(null, null);
  }

  /** An anonymous request's: no region at all (its fields are refused before they get here). */
  static nothing(): Scope {
    return new Scope(null, []);
  }

  /** `ancestorIds`: the regions above the root (a city's province), whose areas' totals the scope may compare itself with. */
  static area(root: ScopeRoot, areaIds: readonly number[], ancestorIds: readonly number[] = []): Scope {
    return new Scope(root, areaIds, ancestorIds);
  }

  get isNational(): boolean {
    return this.ids === null;
  }

  /** The scope's region ids, or null for the whole country: what a list narrows to. */
  get areaIds(): number[] | null {
    return this.ids === null ? null : [...this.ids];
  }

  includes(regionId: number): boolean {
    return this.ids === null || this.ids.has(regionId);
  }

  /** Refuses a region outside the scope, naming the argument that asked for it. */
  check(region: { id: number; code: string }, argument: string): void {
    if (!this.includes(region.id)) throw forbidden(`${argument}: region ${region.code} is outside your scope (${this.describe()})`, argument);
  }

  /**
   * Refuses an aggregate over an area that is neither inside the scope nor around it. A caller limited
   * to a region may read one figure over the area of a region above its own (its province), to compare
   * itself with; never that area broken down into regions (see `breakdownRefused`).
   */
  checkAggregate(region: { id: number; code: string }, argument: string): void {
    if (!this.includes(region.id) && !this.above.has(region.id)) {
      throw forbidden(`${argument}: region ${region.code} is outside your scope (${this.describe()}); of the areas around it only their totals may be read`, argument);
    }
  }

  /** The refusal of a breakdown into regions of an area beyond the scope (the province around it, or the country). */
  breakdownRefused(argument: string, breakdown: string): DomainError {
    return forbidden(`${argument}: ${breakdown} would show regions outside your scope (${this.describe()}); an area around your scope gives only its total`, argument);
  }

  /** Refuses a figure over the whole country to a caller limited to one region, rather than narrowing it silently. */
  checkNational(argument: string): void {
    if (!this.isNational) throw forbidden(`${argument}: national figures are outside your scope (${this.describe()}); name a region inside it`, argument);
  }

  describe(): string {
    if (this.root) return `${this.root.code} ${this.root.name}`;
    return this.isNational ? 'the whole country' : 'no region: not signed in';
  }
}

export function forbidden(message: string, argument?: string): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, message, argument ? { argument } : {});
}
