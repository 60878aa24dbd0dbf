import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMINISTRATOR = 'ADMINISTRATOR',
  ANALYST = 'ANALYST',
  SECRETARY = 'SECRETARY',
  DATA_TEAM = 'DATA_TEAM',
}

registerEnumType(Role, {
  name: 'Role',
  description:
    'ADMINISTRATOR: everything, manages users, indicators and targets. ANALYST: reads the whole country. SECRETARY: reads and reports for one region (a province with its regencies and cities). DATA_TEAM: reads through API tokens, nationally or for one region.',
});

/** Roles whose members may write their scope's figures; the rest only read. */
export const reportingRoles: ReadonlySet<Role> = new Set([Role.ADMINISTRATOR, Role.SECRETARY]);
