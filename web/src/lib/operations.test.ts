import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EVENT_ATTENDANCE_QUERY, EVENT_PROGRAMS_QUERY, EVENT_QUERY, EVENTS_QUERY } from './events/events';
import { HIGHLIGHT_SERIES_QUERY, INDICATOR_EXPLORER_QUERY, INDICATOR_OPTIONS_QUERY } from './indicators/queries';
import { NATIONAL_OVERVIEW_QUERY, OVERVIEW_OPTIONS_QUERY } from './overview/queries';
import { PROVINCE_SELECTION_QUERY } from './overview/selection';
import { areaFiguresQuery, PROVINCE_QUERY, REGION_ACTIVITY_QUERY, REGION_QUERY } from './regions/queries';
import { RECORD_MILESTONE_MUTATION, REPORT_OBSERVATIONS_MUTATION, REPORTING_STATUS_QUERY } from './reporting/reporting';
import { LOGIN_MUTATION, LOGOUT_MUTATION, ME_QUERY } from './server/session';
import { API_TOKENS_QUERY, CREATE_API_TOKEN_MUTATION, REVOKE_API_TOKEN_MUTATION } from './tokens/tokens';

// The committed schema of the API: the dashboard's operations must stay valid against it.
const schema = buildSchema(readFileSync(new URL('../../../server/schema.graphql', import.meta.url), 'utf8'));

const operations = {
	NATIONAL_OVERVIEW_QUERY,
	OVERVIEW_OPTIONS_QUERY,
	PROVINCE_SELECTION_QUERY,
	INDICATOR_OPTIONS_QUERY,
	INDICATOR_EXPLORER_QUERY,
	HIGHLIGHT_SERIES_QUERY,
	ME_QUERY,
	LOGIN_MUTATION,
	LOGOUT_MUTATION,
	REPORTING_STATUS_QUERY,
	REPORT_OBSERVATIONS_MUTATION,
	RECORD_MILESTONE_MUTATION,
	API_TOKENS_QUERY,
	CREATE_API_TOKEN_MUTATION,
	REVOKE_API_TOKEN_MUTATION,
	EVENTS_QUERY,
	EVENT_PROGRAMS_QUERY,
	EVENT_QUERY,
	EVENT_ATTENDANCE_QUERY,
	REGION_QUERY,
	REGION_ACTIVITY_QUERY,
	PROVINCE_QUERY,
	AREA_FIGURES_QUERY: areaFiguresQuery(),
	AREA_TOTALS_QUERY: areaFiguresQuery({ events: false })
};

describe('the GraphQL operations of the dashboard', () => {
	it.each(Object.entries(operations))('%s is valid against server/schema.graphql', (_name, operation) => {
		expect(validate(schema, parse(operation)).map((error) => error.message)).toEqual([]);
	});
});
