import { registerEnumType } from 'type-graphql';

export enum EventKind {
  SOCIALISATION = 'SOCIALISATION',
  INTERNALISATION = 'INTERNALISATION',
  WORKSHOP = 'WORKSHOP',
  VIDEO_CONFERENCE = 'VIDEO_CONFERENCE',
  CHANGE_AGENT_COACHING = 'CHANGE_AGENT_COACHING',
  CEREMONY = 'CEREMONY',
  EVALUATION = 'EVALUATION',
}

/** Luring = offline, daring = online. */
export enum EventMode {
  OFFLINE = 'OFFLINE',
  ONLINE = 'ONLINE',
  HYBRID = 'HYBRID',
}

export enum EventStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}

registerEnumType(EventKind, { name: 'EventKind', description: 'Kind of rollout activity (kegiatan).' });
registerEnumType(EventMode, { name: 'EventMode', description: 'OFFLINE = luring, ONLINE = daring, or HYBRID.' });
registerEnumType(EventStatus, { name: 'EventStatus', description: 'Whether the event is planned, was held or was cancelled.' });
