import { ConnectionType } from '../common/connection.js';
import { Program } from './program.entity.js';

export const ProgramConnection = ConnectionType(Program, 'Program', 'A page of programs ordered by code, with the total count.');
