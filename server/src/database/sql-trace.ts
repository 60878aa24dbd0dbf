import { appendFileSync } from 'node:fs';
import { DefaultLogger, type LoggerOptions, type Options } from '@mikro-orm/core';

/**
 * SQL_TRACE_FILE: every statement the ORM sends, with its values in place, as JSON lines. The
 * benchmark replays a page's statements through plain `pg` to measure the floor under the API.
 * A diagnostic for benchmark databases: the statements carry the values they query with.
 */
export function sqlTraceOptions(file: string | undefined): Pick<Options, 'debug' | 'loggerFactory'> {
  if (!file) return {};
  return {
    debug: ['query', 'query-params'],
    loggerFactory: (options: LoggerOptions) => new SqlTraceLogger(options, file),
  };
}

class SqlTraceLogger extends DefaultLogger {
  constructor(options: LoggerOptions, private readonly file: string) {
    super(options);
  }

  override logQuery(context: Parameters<DefaultLogger['logQuery']>[0]): void {
    appendFileSync(this.file, `${JSON.stringify({ sql: context.query, ms: context.took ?? null })}\n`);
  }
}
