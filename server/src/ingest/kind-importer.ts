import type { ImportKindName } from './import-kinds.js';

/**
 * The SQL of one kind of import, run by the engine inside one transaction over temporary tables:
 * `import_raw` (the file's cells as text, with `row`), `import_context` (one row: `scope` int[] or
 * null for national, `scope_name`, `today`, `lock_days`, `reporter`) and `import_crosswalk`.
 */
export interface KindImporter {
  kind: ImportKindName;
  /** A SELECT over import_raw with every reference resolved; it becomes the table import_rows. */
  resolve: string;
  /** Statements between resolving and judging, such as the locks the checks rely on. */
  prepare?: string[];
  /** A SELECT of (row, col, reason): every problem; any one means nothing is written. */
  problems: string;
  /** A SELECT of (row, col, reason): rows taken with a remark. */
  warnings?: string;
  /** A SELECT of (entity, inserted, updated, unchanged): what applying would do. */
  plan: string;
  /** The writes: upserts on the natural keys that leave equal rows untouched. */
  apply: string[];
}
