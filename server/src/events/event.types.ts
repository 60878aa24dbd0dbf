import { ConnectionType } from '../common/connection.js';
import { Attendance } from './attendance.entity.js';
import { Event } from './event.entity.js';

export const EventConnection = ConnectionType(Event, 'Event', 'A page of events, latest first (by start, then id), with the total count.');
export const AttendanceConnection = ConnectionType(Attendance, 'Attendance', 'A page of attendance rows of a session, by region code, with the total count.');
