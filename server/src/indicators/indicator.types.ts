import { ConnectionType } from '../common/connection.js';
import { Indicator } from './indicator.entity.js';
import { Observation } from './observation.entity.js';

export const IndicatorConnection = ConnectionType(Indicator, 'Indicator', 'A page of indicators ordered by code, with the total count.');
export const ObservationConnection = ConnectionType(Observation, 'Observation', 'A page of observations ordered by period, then id, with the total count.');
