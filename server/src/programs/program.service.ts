import type { EntityManager } from '@mikro-orm/postgresql';
import { type Connection, decodeCursor, type PageArgs, toConnection } from '../common/connection.js';
import { notFound } from '../common/errors.js';
import type { Loaders } from '../common/loaders.js';
import type { Behaviour } from './behaviour.entity.js';
import type { CoreValue } from './core-value.entity.js';
import { Program } from './program.entity.js';

export class ProgramService {
  constructor(private readonly em: EntityManager, private readonly loaders: Loaders) {}

  async byCode(code: string): Promise<Program> {
    const program = await this.em.findOne(Program, { code });
    if (!program) throw notFound('program', code);
    return program;
  }

  async list(args: PageArgs): Promise<Connection<Program>> {
    const after = decodeCursor(args.after);
    const [rows, totalCount] = await Promise.all([
      this.em.find(Program, after === null ? {} : { code: { $gt: after } }, { orderBy: { code: 'asc' }, limit: args.first + 1 }),
      this.em.count(Program),
    ]);
    return toConnection(rows, args.first, totalCount, (row) => row.code);
  }

  coreValues(program: Program): Promise<CoreValue[]> {
    return this.loaders.coreValuesByProgram.load(program.id);
  }

  behaviours(value: CoreValue): Promise<Behaviour[]> {
    return this.loaders.behavioursByCoreValue.load(value.id);
  }
}
