import type { EventMode, EventKind } from './events.js';

export interface NewsEvent {
  programCode: string;
  title: string;
  kind: EventKind;
  organiser: string;
  hostRegionCode: string | null;
  mode: EventMode;
  startsAt: string;
  endsAt: string;
  venue: string | null;
  coreValues: 'all' | string[];
  speakers: { name: string; role: string }[];
  /** Regions reported as taking part; national video conferences add many more. */
  attendingRegionCodes: string[];
  videoConference: boolean;
}

/** The events reported in the news that started this product, with their source dates (times in WIB, UTC+7). */
export const newsEvents: readonly NewsEvent[] = [
  {
    programCode: 'GIM', title: 'Kuliah Umum Gerakan Indonesia Melayani', kind: 'VIDEO_CONFERENCE',
    organiser: 'Kementerian Dalam Negeri', hostRegionCode: null, mode: 'ONLINE',
    startsAt: '2020-09-03T09:00:00+07:00', endsAt: '2020-09-03T12:00:00+07:00', venue: 'Daring (virtual)',
    coreValues: [], speakers: [], attendingRegionCodes: [], videoConference: true,
  },
  {
    programCode: 'BERAKHLAK', title: 'BerAKHLAK: Transformasi Budaya Kerja di Era 4.0', kind: 'SOCIALISATION',
    organiser: 'Kementerian Dalam Negeri', hostRegionCode: null, mode: 'HYBRID',
    startsAt: '2022-02-23T09:00:00+07:00', endsAt: '2022-02-23T12:00:00+07:00', venue: 'Kementerian Dalam Negeri, Jakarta',
    coreValues: 'all', speakers: [], attendingRegionCodes: ['13.77'], videoConference: true,
  },
  {
    programCode: 'BERAKHLAK', title: 'Workshop Penguatan Budaya Kerja BerAKHLAK', kind: 'WORKSHOP',
    organiser: 'Pemerintah Provinsi Gorontalo', hostRegionCode: '75', mode: 'ONLINE',
    startsAt: '2022-03-17T09:00:00+07:00', endsAt: '2022-03-17T13:00:00+07:00', venue: 'Daring (virtual)',
    coreValues: 'all',
    speakers: [
      { name: 'Sekretaris Jenderal Kementerian Dalam Negeri', role: 'Sekretaris Jenderal Kemendagri' },
      { name: 'Pendiri ESQ Leadership Center', role: 'Founder ESQ Leadership Center' },
    ],
    attendingRegionCodes: ['75', '75.01', '75.02', '75.03', '75.04', '75.05', '75.71'], videoConference: false,
  },
  {
    programCode: 'BERAKHLAK', title: 'OBSSESIF Eps. II', kind: 'INTERNALISATION',
    organiser: 'Biro Organisasi dan Tata Laksana, Kementerian Dalam Negeri', hostRegionCode: null, mode: 'OFFLINE',
    startsAt: '2022-07-28T09:00:00+07:00', endsAt: '2022-07-28T12:00:00+07:00', venue: 'Kementerian Dalam Negeri, Jakarta',
    coreValues: 'all', speakers: [], attendingRegionCodes: [], videoConference: false,
  },
];
