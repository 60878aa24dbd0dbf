/** One column of an import file: its header, whether every row needs it, and what goes in it. */
export interface ImportColumn {
  name: string;
  required: boolean;
  description: string;
  example: string;
}

export type ImportKindName = 'observations' | 'attendance' | 'events' | 'milestones';

export interface ImportKind {
  name: ImportKindName;
  /** What one row of the file is. */
  row: string;
  columns: readonly ImportColumn[];
}

const column = (name: string, required: boolean, description: string, example: string): ImportColumn => ({ name, required, description, example });

const regionCode = column(
  'region_code', true,
  'Kemendagri code of the province (`75`) or regency/city (`75.71`). Codes from before the 2022 Papua split are read through the crosswalk, with a warning.',
  '75.71',
);

export const importKinds: Record<ImportKindName, ImportKind> = {
  observations: {
    name: 'observations',
    row: 'the value of one indicator for one region and period (and core value, for indicators reported per value)',
    columns: [
      column('indicator_code', true, 'Indicator code, e.g. `PENGADUAN_TEPAT_WAKTU`.', 'PENGADUAN_TEPAT_WAKTU'),
      regionCode,
      column('period_start', true, 'First day of the period (YYYY-MM-DD): of a month, a quarter or a year, as the indicator is reported.', '2025-01-01'),
      column('core_value_code', false, 'Core value code, only for indicators reported per core value (e.g. `AKUNTABEL`).', ''),
      column('value', true, 'The figure: a number within the indicator’s range, a whole number for counts; `87.5` or `87,5`.', '72.4'),
    ],
  },
  attendance: {
    name: 'attendance',
    row: 'the participants one region sent to one session',
    columns: [
      column('event_code', true, 'Kode kegiatan of the event.', 'KEG-000001'),
      column('session_number', true, 'Number of the session in its event, from 1.', '1'),
      regionCode,
      column('participants', true, 'Civil servants of the region who took part: a whole number, at most the region’s headcount.', '120'),
    ],
  },
  events: {
    name: 'events',
    row: 'one session of an event, with the event’s fields repeated on each of its rows (one row with the session columns empty for an event without sessions)',
    columns: [
      column('event_code', true, 'Kode kegiatan: letters, digits, `.`, `_`, `/` or `-`, at most 40; an existing code updates that event. New codes may not start with `KEG-`.', 'SETDA-75-2025-01'),
      column('program_code', true, 'Program code, e.g. `BERAKHLAK`.', 'BERAKHLAK'),
      column('title', true, 'Title (at most 300 characters).', 'Internalisasi BerAKHLAK Pemprov Gorontalo'),
      column('kind', true, 'SOCIALISATION, INTERNALISATION, WORKSHOP, VIDEO_CONFERENCE, CHANGE_AGENT_COACHING, CEREMONY or EVALUATION.', 'INTERNALISATION'),
      column('mode', true, 'OFFLINE (luring), ONLINE (daring) or HYBRID.', 'HYBRID'),
      column('organiser', true, 'Organising institution (at most 200 characters).', 'BKPSDM Provinsi Gorontalo'),
      column('host_region_code', false, 'Host region; empty for a national event (national importers only).', '75'),
      column('starts_at', true, 'Start: `YYYY-MM-DD HH:MM`, read as WIB unless a zone follows (`+08:00` WITA, `+09:00` WIT).', '2025-03-10 08:00'),
      column('ends_at', true, 'End, not before the start, in the same form.', '2025-03-11 16:00'),
      column('venue', false, 'Venue (at most 300 characters).', 'Aula Kantor Gubernur'),
      column('status', false, 'PLANNED (the default), HELD or CANCELLED.', 'HELD'),
      column('source_url', false, 'Link (http or https) to a report of the event.', ''),
      column('core_values', false, 'Codes of the core values in focus, separated by `|`; when given, they replace the event’s.', 'AKUNTABEL|HARMONIS'),
      column('session_number', false, 'Number of the session in the event, from 1; empty for an event row without a session.', '1'),
      column('session_topic', false, 'Topic of the session (at most 300 characters).', 'Panduan perilaku BerAKHLAK'),
      column('session_mode', false, 'Mode of the session; the event’s when empty.', ''),
      column('session_starts_at', false, 'Start of the session, inside the event.', '2025-03-10 09:00'),
      column('session_ends_at', false, 'End of the session, inside the event.', '2025-03-10 12:00'),
      column('speakers', false, 'Speakers in order, `Name (Role)`, separated by `|`; when given, they replace the session’s.', 'Dr. Rahmat (Kepala BKPSDM)|Siti Aminah (Agen Perubahan)'),
    ],
  },
  milestones: {
    name: 'milestones',
    row: 'the day a region reached a milestone',
    columns: [
      regionCode,
      column('milestone_code', true, 'Milestone code, e.g. `AGEN_PERUBAHAN_DITETAPKAN`.', 'SE_DISOSIALISASIKAN'),
      column('reached_on', true, 'Day it was reached (YYYY-MM-DD): not in the future, in the milestones’ order.', '2023-02-14'),
    ],
  },
};

export const isImportKind = (name: string): name is ImportKindName => Object.hasOwn(importKinds, name);
