import type { Messages } from './id';

export const en: Messages = {
	'app.title': 'BerAKHLAK rollout monitor',
	'app.skipToContent': 'Skip to main content',
	'nav.label': 'Main navigation',
	'nav.overview': 'National overview',
	'lang.label': 'Language',
	'footer.regionData': 'Region data',

	'overview.title': 'National overview',
	'overview.intro':
		'The provinces, regencies and cities where the BerAKHLAK program is being rolled out, with the number of civil servants (ASN) in each province.',
	'overview.empty': 'No province data is available yet.',

	'headline.label': 'Key figures',
	'headline.provinces': 'Provinces',
	'headline.regenciesAndCities': 'Regencies and cities',
	'headline.headcount': 'Civil servants (ASN)',

	'table.caption': 'Regencies, cities and civil servants per province',
	'table.code': 'Code',
	'table.province': 'Province',
	'table.regencies': 'Regencies',
	'table.cities': 'Cities',
	'table.headcount': 'Civil servants',
	'table.total': 'Total',

	'error.title': 'Something went wrong',
	'error.status': 'Error code {status}',
	'error.notFound': 'Page not found.',
	'error.apiUnavailable': 'The data could not be loaded from the API. Please try again in a moment.',
	'error.unexpected': 'An unexpected error occurred. Please try again in a moment.',
	'error.backHome': 'Back to the national overview'
};
