import { Migration20261123000000_Functions } from './Migration20261123000000_Functions.js';
import { Migration20261123090323_Initial } from './Migration20261123090323_Initial.js';
import { Migration20261123090400_IntegrityTriggers } from './Migration20261123090400_IntegrityTriggers.js';
import { Migration20261123103921_AccessAndAudit } from './Migration20261123103921_AccessAndAudit.js';
import { Migration20261123115221_ImportKeys } from './Migration20261123115221_ImportKeys.js';
import { Migration20261123150000_Rollups } from './Migration20261123150000_Rollups.js';
import { Migration20261123180000_CallerNotices } from './Migration20261123180000_CallerNotices.js';
import { Migration20261123181000_AttendedEventIndexes } from './Migration20261123181000_AttendedEventIndexes.js';

export const migrations = [
  { name: 'Migration20261123000000_Functions', class: Migration20261123000000_Functions },
  { name: 'Migration20261123090323_Initial', class: Migration20261123090323_Initial },
  { name: 'Migration20261123090400_IntegrityTriggers', class: Migration20261123090400_IntegrityTriggers },
  { name: 'Migration20261123103921_AccessAndAudit', class: Migration20261123103921_AccessAndAudit },
  { name: 'Migration20261123115221_ImportKeys', class: Migration20261123115221_ImportKeys },
  { name: 'Migration20261123150000_Rollups', class: Migration20261123150000_Rollups },
  { name: 'Migration20261123180000_CallerNotices', class: Migration20261123180000_CallerNotices },
  { name: 'Migration20261123181000_AttendedEventIndexes', class: Migration20261123181000_AttendedEventIndexes },
];
