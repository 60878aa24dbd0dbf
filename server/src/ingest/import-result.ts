import type { ImportKindName } from './import-kinds.js';

/** A problem (or warning) of one row: the row, the column when one is at fault, and why. */
export interface RowProblem {
  row: number;
  column: string | null;
  reason: string;
}

/** What an import did, or in a dry run would do, to one kind of record. */
export interface ImportCount {
  entity: string;
  inserted: number;
  updated: number;
  unchanged: number;
}

export type ImportStatus = 'APPLIED' | 'DRY_RUN' | 'INVALID';

export interface ImportResult {
  kind: ImportKindName;
  status: ImportStatus;
  /** Data rows read from the file. */
  rows: number;
  /** Empty unless APPLIED or DRY_RUN. */
  counts: ImportCount[];
  /** The first problems, by row; nothing is written when there is any. */
  problems: RowProblem[];
  problemCount: number;
  /** Rows taken with a remark, such as a pre-2022 Papua code read through the crosswalk. */
  warnings: RowProblem[];
  warningCount: number;
}

export type RefusalCode = 'FILE_TOO_LARGE' | 'TOO_MANY_ROWS' | 'NOT_UTF8' | 'UNREADABLE_FILE' | 'BAD_HEADER' | 'EMPTY_FILE' | 'UNKNOWN_KIND' | 'UNSUPPORTED_FORMAT';

/** The whole file is refused before any row is judged: nothing is written. */
export class ImportRefusal extends Error {
  constructor(readonly code: RefusalCode, message: string) {
    super(message);
  }

  get status(): number {
    return this.code === 'FILE_TOO_LARGE' || this.code === 'TOO_MANY_ROWS' ? 413 : this.code === 'UNSUPPORTED_FORMAT' ? 415 : 400;
  }
}

/** Keeps every problem's count but only the first ones in memory, whatever the file's size. */
export class ProblemList {
  private readonly kept: RowProblem[] = [];
  count = 0;

  constructor(private readonly limit: number) {}

  add(problem: RowProblem): void {
    this.count += 1;
    if (this.kept.length < this.limit) this.kept.push(problem);
  }

  /** The kept problems merged with more found later (already limited), the first rows first. */
  first(more: RowProblem[] = []): RowProblem[] {
    return [...this.kept, ...more].sort((a, b) => a.row - b.row || byColumn(a, b)).slice(0, this.limit);
  }
}

/** Byte order, as PostgreSQL's C collation sorts the problems it finds. */
const byColumn = (a: RowProblem, b: RowProblem) => ((a.column ?? '') < (b.column ?? '') ? -1 : (a.column ?? '') > (b.column ?? '') ? 1 : 0);
