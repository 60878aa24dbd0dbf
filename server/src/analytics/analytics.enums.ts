import { registerEnumType } from 'type-graphql';

export enum IndicatorGroupBy {
  REGION = 'REGION',
  PARENT = 'PARENT',
  LEVEL = 'LEVEL',
  PERIOD = 'PERIOD',
  CORE_VALUE = 'CORE_VALUE',
}

export enum EventGroupBy {
  KIND = 'KIND',
  MODE = 'MODE',
}

registerEnumType(IndicatorGroupBy, {
  name: 'IndicatorGroupBy',
  description:
    'Dimensions of an indicator aggregate. REGION: each region alone. PARENT: each province with its regencies and cities as one area. ' +
    'LEVEL: provinces, regencies and cities apart. PERIOD: each period of the chosen length. CORE_VALUE: each core value.',
});
registerEnumType(EventGroupBy, { name: 'EventGroupBy', description: 'Dimensions of event trends besides the period.' });
