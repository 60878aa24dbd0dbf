/** A piece of SQL with its positional (`?`) parameters, composable without string-pasting values. */
export interface Part {
  text: string;
  params: unknown[];
}

function isPart(value: unknown): value is Part {
  return typeof value === 'object' && value !== null && typeof (value as Part).text === 'string' && Array.isArray((value as Part).params);
}

/** Values become parameters; nested parts are spliced in with their own parameters, in order. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Part {
  let text = strings[0]!;
  const params: unknown[] = [];
  values.forEach((value, index) => {
    if (isPart(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[index + 1]!;
  });
  return { text, params };
}

/** Trusted SQL text written in this code base, never user input. */
sql.raw = (text: string): Part => ({ text, params: [] });

sql.join = (parts: Part[], separator: string): Part => ({
  text: parts.map((part) => part.text).join(separator),
  params: parts.flatMap((part) => part.params),
});

/** A parameter per value, for `IN (...)`; an empty list matches nothing. */
sql.list = (values: unknown[]): Part => (values.length ? sql.join(values.map((value) => sql`${value}`), ', ') : sql.raw('NULL'));
