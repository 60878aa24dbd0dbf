import { describe, expect, it } from 'vitest';
import { inputErrors, localErrors, parseArgument } from './input-errors';

describe('parseArgument', () => {
	it.each([
		['input[2].value', { index: 2, name: 'value' }],
		['input[12].periodStart', { index: 12, name: 'periodStart' }],
		['input.reachedOn', { name: 'reachedOn' }],
		['regionCode', { name: 'regionCode' }]
	])('%s -> %j', (argument, expected) => {
		expect(parseArgument(argument)).toEqual(expected);
	});
});

describe('inputErrors', () => {
	const keys = ['A|2025-01-01|', 'B|2025-01-01|AKUNTABEL'];
	const byRow = ({ index }: { index?: number }) => (index === undefined ? undefined : keys[index]);

	it('puts each reason next to the field of its row, without repeating the argument', () => {
		expect(
			inputErrors(
				[
					{ message: 'input[1].value: above the maximum 100', argument: 'input[1].value' },
					{ message: 'input[0].value: below the minimum 0', argument: 'input[0].value' }
				],
				byRow
			)
		).toEqual({ errors: { 'B|2025-01-01|AKUNTABEL': 'above the maximum 100', 'A|2025-01-01|': 'below the minimum 0' } });
	});

	it('joins two reasons for one field', () => {
		expect(
			inputErrors(
				[
					{ message: 'input[0].periodStart: the period is locked', argument: 'input[0].periodStart' },
					{ message: 'input[0].value: above the maximum 100', argument: 'input[0].value' }
				],
				byRow
			).errors
		).toEqual({ 'A|2025-01-01|': 'the period is locked above the maximum 100' });
	});

	it('keeps reasons without a field of the form for the whole form', () => {
		expect(
			inputErrors(
				[
					{ message: 'input: at most 500 rows', argument: 'input' },
					{ message: 'Something else' },
					{ message: 'input[9].value: too big', argument: 'input[9].value' }
				],
				byRow
			)
		).toEqual({ errors: {}, message: 'input: at most 500 rows Something else input[9].value: too big' });
	});
});

describe('localErrors', () => {
	it("shows the form's own reasons in the reader's language", () => {
		expect(localErrors('id', { name: 'form.required', expiresInDays: undefined })).toEqual({ name: 'Wajib diisi.' });
		expect(localErrors('en', { name: 'form.required' })).toEqual({ name: 'Required.' });
	});
});
