import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../auth/access.js';
import { PageArgs } from '../common/connection.js';
import type { Context } from '../common/context.js';
import { Behaviour } from './behaviour.entity.js';
import { CoreValue } from './core-value.entity.js';
import { Program } from './program.entity.js';
import { ProgramService } from './program.service.js';
import { ProgramConnection } from './program.types.js';

const service = (context: Context) => new ProgramService(context.em, context.loaders);

@Resolver(() => Program)
export class ProgramResolver {
  @Access('SIGNED_IN')
  @Query(() => Program, { description: 'One program by code, e.g. `BERAKHLAK`; NOT_FOUND when none has it.' })
  program(@Arg('code', { description: 'Program code.' }) code: string, @Ctx() context: Context) {
    return service(context).byCode(code);
  }

  @Access('SIGNED_IN')
  @Query(() => ProgramConnection, { description: 'All programs, ordered by code.' })
  programs(@Args() args: PageArgs, @Ctx() context: Context) {
    return service(context).list(args);
  }

  @FieldResolver(() => [CoreValue], { description: 'The core values of the program, in official order.' })
  coreValues(@Root() program: Program, @Ctx() context: Context) {
    return service(context).coreValues(program);
  }
}

@Resolver(() => CoreValue)
export class CoreValueResolver {
  @FieldResolver(() => [Behaviour], { description: 'The official behaviours of the value, in official order.' })
  behaviours(@Root() value: CoreValue, @Ctx() context: Context) {
    return service(context).behaviours(value);
  }
}
