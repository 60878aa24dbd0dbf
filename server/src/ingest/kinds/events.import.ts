import { GENERATED_EVENT_CODE_PREFIX } from '@berakhlak/db';
import { EventKind, EventMode, EventStatus } from '../../events/event.enums.js';
import type { KindImporter } from '../kind-importer.js';
import { crosswalkWarnings, outsideScope, problemChecks, regionJoin, wholeNumber } from './shared.sql.js';

const oneOf = (values: object) => `ARRAY[${Object.values(values).map((value) => `'${value}'`).join(', ')}]`;
const list = (values: object) => Object.values(values).join(', ');

const tooLong = (cell: string, max: number) => `WHEN length(${cell}) > ${max} THEN 'is longer than ${max} characters'`;
const required = (cell: string, ...more: string[]) => `CASE WHEN ${cell} IS NULL THEN 'is empty' ${more.join(' ')} END`;
const enumProblem = (cell: string, values: object) =>
  required(cell, `WHEN NOT ${cell} = ANY(${oneOf(values)}) THEN format('%s is not one of ${list(values)}', ${cell})`);
const instantProblem = (text: string, value: string) =>
  required(text, `WHEN ${value} IS NULL THEN format('%s is not a date and time (YYYY-MM-DD HH:MM, optionally with a zone such as +08:00)', ${text})`);

/** The event's own fields, as the first row of the event gives them; every other row of it must agree. */
const eventFields = `jsonb_build_object('program_code', i.program_code, 'title', i.title, 'kind', i.kind, 'mode', i.mode, 'organiser', i.organiser,
  'host_region_code', i.host_region_code, 'starts_at', i.starts_at, 'ends_at', i.ends_at, 'venue', i.venue, 'status', i.status,
  'source_url', i.source_url, 'core_values', i.core_values)`;

/** Stored and imported event fields side by side, for "would it change?". */
const storedEvent = `(e.program_id, e.title, e.kind, e.organiser, e.host_region_id, e.mode, e.starts_at, e.ends_at, e.venue, e.status, e.source_url)`;
const importedEvent = `(ie.program_id, ie.title, ie.kind, ie.organiser, ie.host_id, ie.mode, ie.starts_at, ie.ends_at, ie.venue, ie.status, ie.source_url)`;
const storedCoreValues = `(SELECT coalesce(array_agg(ecv.core_value_id ORDER BY ecv.core_value_id), '{}') FROM event_core_value ecv WHERE ecv.event_id = e.id)`;
const storedSpeakers = `(SELECT coalesce(jsonb_agg(jsonb_build_object('name', sp.name, 'role', sp.role) ORDER BY sp.position), '[]') FROM speaker sp WHERE sp.session_id = s.id)`;

/**
 * Events keyed by code, their sessions by (event code, session number). One row per session, with
 * the event's fields repeated; core values and speakers, when given, replace the stored ones.
 * Sessions the file leaves out are kept.
 */
export const eventsImporter: KindImporter = {
  kind: 'events',
  resolve: `
    SELECT i.row, i.event_code, i.program_code, i.title, i.kind, i.mode, i.organiser, i.venue, coalesce(i.status, 'PLANNED') AS status, i.source_url,
           i.starts_at AS starts_text, import_instant(i.starts_at) AS starts_at, i.ends_at AS ends_text, import_instant(i.ends_at) AS ends_at,
           i.core_values, i.session_number AS session_number_text, ${wholeNumber('i.session_number')} AS session_number, i.session_topic,
           i.session_mode AS session_mode_text, coalesce(i.session_mode, i.mode) AS session_mode,
           i.session_starts_at AS session_starts_text, import_instant(i.session_starts_at) AS session_starts_at,
           i.session_ends_at AS session_ends_text, import_instant(i.session_ends_at) AS session_ends_at, i.speakers,
           coalesce(i.session_number, i.session_topic, i.session_mode, i.session_starts_at, i.session_ends_at, i.speakers) IS NOT NULL AS has_session,
           p.id AS program_id, e.id AS event_id, e.host_region_id AS stored_host_id, ${regionJoin.columns('i.host_region_code', 'host')},
           ${eventFields} AS fields, first_value(${eventFields}) OVER by_event AS first_fields, first_value(i.row) OVER by_event AS event_first_row,
           min(i.row) OVER (PARTITION BY i.event_code, ${wholeNumber('i.session_number')}) AS session_first_row
    FROM import_raw i
    LEFT JOIN program p ON p.code = i.program_code
    LEFT JOIN event e ON e.code = i.event_code
    ${regionJoin.joins('i.host_region_code', 'host')}
    WINDOW by_event AS (PARTITION BY i.event_code ORDER BY i.row)`,
  prepare: [
    `SELECT 1 FROM event WHERE id IN (SELECT event_id FROM import_rows) ORDER BY id FOR UPDATE`,
    `CREATE TEMP TABLE import_events ON COMMIT DROP AS
     SELECT DISTINCT ON (r.event_code) r.*,
            cv.ids AS core_value_ids, cv.unknown AS unknown_core_values
     FROM import_rows r
     LEFT JOIN LATERAL (
       SELECT array_agg(DISTINCT v.id ORDER BY v.id) FILTER (WHERE v.id IS NOT NULL) AS ids, string_agg(c.code, ', ') FILTER (WHERE v.id IS NULL) AS unknown
       FROM unnest(string_to_array(r.core_values, '|')) AS c0(raw), LATERAL (SELECT trim(c0.raw) AS code) c
       LEFT JOIN core_value v ON v.code = c.code AND v.program_id = r.program_id
     ) cv ON r.core_values IS NOT NULL
     WHERE r.event_code IS NOT NULL ORDER BY r.event_code, r.row`,
    `CREATE TEMP TABLE import_sessions ON COMMIT DROP AS
     SELECT r.*, sp.speakers AS speaker_list, sp.unreadable AS unreadable_speakers
     FROM import_rows r
     LEFT JOIN LATERAL (
       SELECT jsonb_agg(jsonb_build_object('name', m[1], 'role', m[2]) ORDER BY s.ord) FILTER (WHERE m IS NOT NULL) AS speakers,
              string_agg(trim(s.entry), ', ') FILTER (WHERE m IS NULL OR length(m[1]) > 200 OR length(m[2]) > 300) AS unreadable
       FROM unnest(string_to_array(r.speakers, '|')) WITH ORDINALITY AS s(entry, ord),
       LATERAL (SELECT regexp_match(trim(s.entry), '^([^()]+?)\\s*\\(([^()]+)\\)$') AS m) parsed
     ) sp ON r.speakers IS NOT NULL
     WHERE r.has_session AND r.event_code IS NOT NULL`,
  ],
  problems: `${problemChecks('import_events r CROSS JOIN import_context c', [
    ['event_code', `CASE
      WHEN r.event_code !~ '^[A-Za-z0-9._/-]+$' OR length(r.event_code) > 40 THEN format('%s is not a code of 1 to 40 letters, digits, ., _, / or -', r.event_code)
      WHEN r.event_id IS NULL AND r.event_code LIKE '${GENERATED_EVENT_CODE_PREFIX}%' THEN format('%s: codes starting with ${GENERATED_EVENT_CODE_PREFIX} are given by the product; choose another for a new event', r.event_code)
      WHEN r.event_id IS NOT NULL AND c.scope IS NOT NULL AND (r.stored_host_id IS NULL OR NOT r.stored_host_id = ANY(c.scope))
        THEN format('event %s is hosted outside your scope (%s)', r.event_code, c.scope_name) END`],
    ['program_code', required('r.program_code', "WHEN r.program_id IS NULL THEN format('no program has code %s', r.program_code)")],
    ['title', required('r.title', tooLong('r.title', 300))],
    ['kind', enumProblem('r.kind', EventKind)],
    ['mode', enumProblem('r.mode', EventMode)],
    ['organiser', required('r.organiser', tooLong('r.organiser', 200))],
    ['host_region_code', `CASE
      WHEN r.host_given IS NULL AND c.scope IS NOT NULL THEN format('is empty, which makes a national event; name a region of your scope (%s)', c.scope_name)
      WHEN r.host_given IS NOT NULL AND r.host_id IS NULL THEN format('no region has code %s', r.host_given) END`],
    ['host_region_code', outsideScope('host')],
    ['starts_at', instantProblem('r.starts_text', 'r.starts_at')],
    ['ends_at', instantProblem('r.ends_text', 'r.ends_at')],
    ['ends_at', `CASE WHEN r.ends_at < r.starts_at THEN 'is before starts_at' END`],
    ['starts_at', `(SELECT format('session %s (%s to %s), which this file leaves out, would lie outside the event', s.number, s.starts_at, s.ends_at)
      FROM session s WHERE s.event_id = r.event_id AND (s.starts_at < r.starts_at OR s.ends_at > r.ends_at)
        AND NOT EXISTS (SELECT 1 FROM import_sessions f WHERE f.event_code = r.event_code AND f.session_number = s.number) LIMIT 1)`],
    ['venue', `CASE ${tooLong('r.venue', 300)} END`],
    ['status', `CASE WHEN NOT r.status = ANY(${oneOf(EventStatus)}) THEN format('%s is not one of ${list(EventStatus)}', r.status) END`],
    ['source_url', `CASE WHEN r.source_url !~ '^https?://[^\\s]+$' OR length(r.source_url) > 500 THEN 'is not an http or https link of at most 500 characters' END`],
    ['core_values', `CASE WHEN r.unknown_core_values IS NOT NULL AND r.program_id IS NOT NULL THEN format('no core value %s in program %s', r.unknown_core_values, r.program_code) END`],
  ])}
    UNION ALL
    SELECT r.row, 'event_code', CASE WHEN r.event_code IS NULL THEN 'is empty' ELSE format('the event fields (%s) differ from row %s, which describes event %s',
      (SELECT string_agg(f.key, ', ') FROM jsonb_each(r.fields) f WHERE f.value IS DISTINCT FROM r.first_fields -> f.key), r.event_first_row, r.event_code) END
    FROM import_rows r WHERE r.event_code IS NULL OR r.fields IS DISTINCT FROM r.first_fields
    UNION ALL
    ${problemChecks('import_sessions r JOIN import_events e ON e.event_code = r.event_code', [
    ['session_number', required('r.session_number_text',
      "WHEN r.session_number NOT BETWEEN 1 AND 32767 OR r.session_number IS NULL THEN format('%s is not a session number from 1', r.session_number_text)",
      "WHEN r.session_first_row <> r.row THEN format('same event and session number as row %s', r.session_first_row)")],
    ['session_topic', required('r.session_topic', tooLong('r.session_topic', 300))],
    ['session_mode', `CASE WHEN r.session_mode_text IS NOT NULL AND NOT r.session_mode_text = ANY(${oneOf(EventMode)}) THEN format('%s is not one of ${list(EventMode)}', r.session_mode_text) END`],
    ['session_starts_at', instantProblem('r.session_starts_text', 'r.session_starts_at')],
    ['session_ends_at', instantProblem('r.session_ends_text', 'r.session_ends_at')],
    ['session_ends_at', `CASE WHEN r.session_ends_at < r.session_starts_at THEN 'is before session_starts_at' END`],
    ['session_starts_at', `CASE WHEN r.session_starts_at < e.starts_at OR r.session_starts_at > e.ends_at THEN format('lies outside the event (%s to %s)', e.starts_text, e.ends_text) END`],
    ['session_ends_at', `CASE WHEN r.session_ends_at > e.ends_at OR r.session_ends_at < e.starts_at THEN format('lies outside the event (%s to %s)', e.starts_text, e.ends_text) END`],
    ['speakers', `CASE WHEN r.unreadable_speakers IS NOT NULL THEN format('%s: write each speaker as Name (Role), separated by |, a name of at most 200 characters and a role of at most 300', r.unreadable_speakers) END`],
  ])}`,
  warnings: crosswalkWarnings('host', 'host_region_code'),
  plan: `
    SELECT 'event' AS entity, count(*) FILTER (WHERE e.id IS NULL) AS inserted,
           count(*) FILTER (WHERE e.id IS NOT NULL AND (${storedEvent} IS DISTINCT FROM ${importedEvent} OR (ie.core_value_ids IS NOT NULL AND ie.core_value_ids <> ${storedCoreValues}))) AS updated,
           count(*) FILTER (WHERE e.id IS NOT NULL AND NOT (${storedEvent} IS DISTINCT FROM ${importedEvent} OR (ie.core_value_ids IS NOT NULL AND ie.core_value_ids <> ${storedCoreValues}))) AS unchanged
    FROM import_events ie LEFT JOIN event e ON e.id = ie.event_id
    UNION ALL
    SELECT 'session', count(*) FILTER (WHERE s.id IS NULL),
           count(*) FILTER (WHERE s.id IS NOT NULL AND ((s.topic, s.mode, s.starts_at, s.ends_at) IS DISTINCT FROM (f.session_topic, f.session_mode, f.session_starts_at, f.session_ends_at)
             OR (f.speakers IS NOT NULL AND f.speaker_list <> ${storedSpeakers}))),
           count(*) FILTER (WHERE s.id IS NOT NULL AND NOT ((s.topic, s.mode, s.starts_at, s.ends_at) IS DISTINCT FROM (f.session_topic, f.session_mode, f.session_starts_at, f.session_ends_at)
             OR (f.speakers IS NOT NULL AND f.speaker_list <> ${storedSpeakers})))
    FROM import_sessions f LEFT JOIN session s ON s.event_id = f.event_id AND s.number = f.session_number`,
  apply: [
    // Stored events first stretch to cover both their old and new dates, so sessions can move before the dates narrow.
    `INSERT INTO event (code, program_id, title, kind, organiser, host_region_id, mode, starts_at, ends_at, venue, status, source_url)
     SELECT ie.event_code, ie.program_id, ie.title, ie.kind, ie.organiser, ie.host_id, ie.mode, ie.starts_at, ie.ends_at, ie.venue, ie.status, ie.source_url FROM import_events ie
     ON CONFLICT (code) DO UPDATE SET program_id = excluded.program_id, title = excluded.title, kind = excluded.kind, organiser = excluded.organiser,
       host_region_id = excluded.host_region_id, mode = excluded.mode, venue = excluded.venue, status = excluded.status, source_url = excluded.source_url,
       starts_at = least(event.starts_at, excluded.starts_at), ends_at = greatest(event.ends_at, excluded.ends_at)
     WHERE (event.program_id, event.title, event.kind, event.organiser, event.host_region_id, event.mode, event.starts_at, event.ends_at, event.venue, event.status, event.source_url)
       IS DISTINCT FROM (excluded.program_id, excluded.title, excluded.kind, excluded.organiser, excluded.host_region_id, excluded.mode, excluded.starts_at, excluded.ends_at, excluded.venue, excluded.status, excluded.source_url)`,
    `UPDATE import_sessions f SET event_id = e.id FROM event e WHERE e.code = f.event_code AND f.event_id IS NULL`,
    `INSERT INTO session (event_id, number, topic, mode, starts_at, ends_at)
     SELECT f.event_id, f.session_number, f.session_topic, f.session_mode, f.session_starts_at, f.session_ends_at FROM import_sessions f
     ON CONFLICT (event_id, number) DO UPDATE SET topic = excluded.topic, mode = excluded.mode, starts_at = excluded.starts_at, ends_at = excluded.ends_at
     WHERE (session.topic, session.mode, session.starts_at, session.ends_at) IS DISTINCT FROM (excluded.topic, excluded.mode, excluded.starts_at, excluded.ends_at)`,
    `UPDATE event e SET starts_at = ie.starts_at, ends_at = ie.ends_at FROM import_events ie
     WHERE e.code = ie.event_code AND (e.starts_at, e.ends_at) IS DISTINCT FROM (ie.starts_at, ie.ends_at)`,
    `DELETE FROM event_core_value ecv USING import_events ie JOIN event e ON e.code = ie.event_code
     WHERE ecv.event_id = e.id AND ie.core_value_ids IS NOT NULL AND NOT ecv.core_value_id = ANY(ie.core_value_ids)`,
    `INSERT INTO event_core_value (event_id, core_value_id)
     SELECT e.id, unnest(ie.core_value_ids) FROM import_events ie JOIN event e ON e.code = ie.event_code WHERE ie.core_value_ids IS NOT NULL
     ON CONFLICT DO NOTHING`,
    `CREATE TEMP TABLE import_speakers_changed ON COMMIT DROP AS
     SELECT s.id AS session_id, f.speaker_list FROM import_sessions f JOIN session s ON s.event_id = f.event_id AND s.number = f.session_number
     WHERE f.speakers IS NOT NULL AND f.speaker_list IS DISTINCT FROM ${storedSpeakers}`,
    `DELETE FROM speaker WHERE session_id IN (SELECT session_id FROM import_speakers_changed)`,
    `INSERT INTO speaker (session_id, position, name, role)
     SELECT c.session_id, sp.position, sp.value ->> 'name', sp.value ->> 'role'
     FROM import_speakers_changed c, jsonb_array_elements(c.speaker_list) WITH ORDINALITY AS sp(value, position)`,
  ],
};
