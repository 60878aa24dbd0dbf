import { ConnectionType } from '../common/connection.js';
import { Region } from './region.entity.js';

export const RegionConnection = ConnectionType(Region, 'Region', 'A page of regions ordered by code, with the total count.');
