import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../common/context.js';
import { Region } from '../regions/region.entity.js';
import { Access, viewerOf } from './access.js';
import { ApiToken } from './api-token.entity.js';
import { AuthService } from './auth.service.js';
import { ApiTokenConnection, ApiTokenInput, ApiTokensArgs, CreatedApiToken, NewUserInput, UserChangesInput, UserConnection, UsersArgs, ViewerInfo } from './auth.types.js';
import { User } from './user.entity.js';
import { UserService } from './user.service.js';

const auth = (context: Context) => new AuthService(context.em, context.loaders);
const users = (context: Context) => new UserService(context.em, context.loaders);

@Resolver(() => ViewerInfo)
export class ViewerResolver {
  @Access('PUBLIC')
  @Query(() => ViewerInfo, { nullable: true, description: 'The signed-in caller, or null when not signed in.' })
  me(@Ctx() context: Context) {
    return context.viewer ? auth(context).info(context.viewer) : null;
  }

  @Access('PUBLIC')
  @Mutation(() => ViewerInfo, {
    description: 'Signs in with email and password and sets the HTTP-only session cookie. UNAUTHENTICATED on a wrong pair; TOO_MANY_REQUESTS (with `retryAfterSeconds`) after repeated failures.',
  })
  async login(@Arg('email', { description: 'Sign-in email.' }) email: string, @Arg('password', { description: 'Password.' }) password: string, @Ctx() context: Context) {
    context.viewer = await auth(context).login(email, password, context.http);
    return auth(context).info(context.viewer);
  }

  @Access('PUBLIC')
  @Mutation(() => Boolean, { description: 'Ends the session of the cookie on the server and clears the cookie.' })
  logout(@Ctx() context: Context) {
    return auth(context).logout(context.http);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region the caller is limited to (with its regencies and cities); null for the whole country.' })
  scopeRegion(@Root() info: ViewerInfo, @Ctx() context: Context) {
    return info.scopeRegionId === null ? null : context.loaders.regionById.load(info.scopeRegionId);
  }
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Access('SIGNED_IN')
  @Query(() => ApiTokenConnection, { description: 'API tokens of the caller (administrators: of any user), newest first.' })
  apiTokens(@Args() args: ApiTokensArgs, @Ctx() context: Context) {
    return auth(context).tokens(viewerOf(context), args);
  }

  @Access('SIGNED_IN')
  @Mutation(() => CreatedApiToken, { description: 'Creates an API token acting as its owner, optionally limited to a region; the secret is in this answer only.' })
  createApiToken(@Arg('input', () => ApiTokenInput, { description: 'The token.' }) input: ApiTokenInput, @Ctx() context: Context) {
    return auth(context).createToken(viewerOf(context), input);
  }

  @Access('SIGNED_IN')
  @Mutation(() => ApiToken, { description: 'Revokes a token at once: its next request is refused.' })
  revokeApiToken(@Arg('id', () => ID, { description: 'Token id.' }) id: string, @Ctx() context: Context) {
    return auth(context).revokeToken(viewerOf(context), id);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region the token is limited to; null keeps its owner’s scope.' })
  region(@Root() token: ApiToken, @Ctx() context: Context) {
    return token.region ? context.loaders.regionById.load(token.region.id) : null;
  }

  @FieldResolver(() => User, { description: 'The owner, as whom the token acts.' })
  user(@Root() token: ApiToken, @Ctx() context: Context) {
    return context.loaders.userById.load(token.user.id);
  }
}

@Resolver(() => User)
export class UserResolver {
  @Access('ADMINISTRATOR')
  @Query(() => UserConnection, { description: 'Users ordered by email. Administrators only.' })
  users(@Args() args: UsersArgs, @Ctx() context: Context) {
    return users(context).list(args);
  }

  @Access('ADMINISTRATOR')
  @Mutation(() => User, { description: 'Creates a user. Administrators only.' })
  createUser(@Arg('input', () => NewUserInput, { description: 'The user.' }) input: NewUserInput, @Ctx() context: Context) {
    return users(context).create(viewerOf(context), input);
  }

  @Access('ADMINISTRATOR')
  @Mutation(() => User, { description: 'Changes a user’s name, role, region, password or whether the account is active. Administrators only.' })
  updateUser(
    @Arg('id', () => ID, { description: 'User id.' }) id: string,
    @Arg('changes', () => UserChangesInput, { description: 'What changes.' }) changes: UserChangesInput,
    @Ctx() context: Context,
  ) {
    return users(context).update(viewerOf(context), id, changes);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region the user is limited to; null for the whole country.' })
  region(@Root() user: User, @Ctx() context: Context) {
    return user.region ? context.loaders.regionById.load(user.region.id) : null;
  }
}
