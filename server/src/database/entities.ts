import { AuditEntry } from '../audit/audit-entry.entity.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { AuthSession } from '../auth/auth-session.entity.js';
import { LoginFailure } from '../auth/login-failure.entity.js';
import { User } from '../auth/user.entity.js';
import { DatasetLoad } from './dataset-load.entity.js';
import { Attendance } from '../events/attendance.entity.js';
import { Event } from '../events/event.entity.js';
import { Session } from '../events/session.entity.js';
import { Speaker } from '../events/speaker.entity.js';
import { Indicator } from '../indicators/indicator.entity.js';
import { Observation } from '../indicators/observation.entity.js';
import { PeriodReopening } from '../indicators/period-reopening.entity.js';
import { Target } from '../indicators/target.entity.js';
import { Milestone } from '../milestones/milestone.entity.js';
import { RegionMilestone } from '../milestones/region-milestone.entity.js';
import { Behaviour } from '../programs/behaviour.entity.js';
import { CoreValue } from '../programs/core-value.entity.js';
import { Program } from '../programs/program.entity.js';
import { Region } from '../regions/region.entity.js';

export const entities = [
  Region,
  Program,
  CoreValue,
  Behaviour,
  Event,
  Session,
  Speaker,
  Attendance,
  Indicator,
  Target,
  Observation,
  Milestone,
  RegionMilestone,
  DatasetLoad,
  User,
  AuthSession,
  ApiToken,
  LoginFailure,
  AuditEntry,
  PeriodReopening,
];
