import { IsEmail, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs } from '../common/connection.js';
import { ApiToken } from './api-token.entity.js';
import { Role } from './role.js';
import { User } from './user.entity.js';

@ObjectType('Viewer', { description: 'The signed-in caller: who they are and what they may see and do.' })
export class ViewerInfo {
  @Field(() => User, { description: 'The user (for a token, its owner).' })
  user!: User;

  /** Region id of the scope, or null for the whole country; GraphQL shows the region. */
  scopeRegionId!: number | null;

  @Field({ description: 'Whether the caller may report figures, milestones and events for the scope.' })
  canReport!: boolean;

  @Field({ description: 'Whether the caller manages users, indicators, targets and period locks.' })
  isAdministrator!: boolean;
}

@ObjectType({ description: 'A new API token with its secret: the only time the secret is shown.' })
export class CreatedApiToken {
  @Field({ description: 'The secret to send as `Authorization: Bearer <token>`; store it now, it is never shown again.' })
  token!: string;

  @Field(() => ApiToken, { description: 'The token’s record.' })
  apiToken!: ApiToken;
}

export const ApiTokenConnection = ConnectionType(ApiToken, 'ApiToken', 'A page of API tokens, newest first.');
export const UserConnection = ConnectionType(User, 'User', 'A page of users, ordered by email.');

@InputType({ description: 'A new API token.' })
export class ApiTokenInput {
  @Field({ description: 'What the token is for (1-100 characters).' })
  @Length(1, 100)
  name!: string;

  @Field(() => Int, { defaultValue: 90, description: 'Days until the token expires (1-366).' })
  @Min(1)
  @Max(366)
  expiresInDays: number = 90;

  @Field(() => String, { nullable: true, description: 'Limit the token to this region (with its regencies and cities), inside the owner’s scope.' })
  regionCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Owner of the token; administrators only, others always create their own.' })
  userId?: string | null;
}

@ArgsType()
export class ApiTokensArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Whose tokens; administrators only, others always see their own.' })
  userId?: string | null;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => Role, { nullable: true, description: 'Only users with this role.' })
  role?: Role | null;

  @Field(() => String, { nullable: true, description: 'Only users whose scope is this region.' })
  regionCode?: string | null;
}

@InputType({ description: 'A new user.' })
export class NewUserInput {
  @Field({ description: 'Sign-in email (unique, case-insensitive).' })
  @IsEmail()
  email!: string;

  @Field({ description: 'Full name (1-200 characters).' })
  @Length(1, 200)
  name!: string;

  @Field(() => Role, { description: 'Role of the user.' })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'Region of the scope: required for a SECRETARY, optional for ANALYST and DATA_TEAM, none for an ADMINISTRATOR.' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Initial password (at least 12 characters); none for a user who only uses tokens.' })
  @Length(12, 200)
  password?: string | null;
}

@InputType({ description: 'Changes to a user; what is left out stays as it is.' })
export class UserChangesInput {
  @Field(() => String, { nullable: true, description: 'New full name.' })
  @Length(1, 200)
  name?: string | null;

  @Field(() => Role, { nullable: true, description: 'New role.' })
  role?: Role | null;

  @Field(() => String, { nullable: true, description: 'New region of the scope; an empty string makes it national.' })
  regionCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False disables the account and ends its sessions.' })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: 'New password (at least 12 characters); ends the user’s sessions.' })
  @Length(12, 200)
  password?: string | null;
}
