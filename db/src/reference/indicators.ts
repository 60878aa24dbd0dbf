export type Unit = 'PERCENT' | 'SCORE' | 'COUNT' | 'DAYS';
export type RegionAggregation = 'SUM' | 'WEIGHTED_AVERAGE' | 'AVERAGE';
export type TimeAggregation = 'SUM' | 'AVERAGE' | 'LAST';
export type PeriodType = 'MONTH' | 'QUARTER' | 'YEAR';

export interface IndicatorRecord {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  programCode: string | null;
  unit: Unit;
  regionAggregation: RegionAggregation;
  timeAggregation: TimeAggregation;
  periodType: PeriodType;
  higherIsBetter: boolean;
  byCoreValue: boolean;
  minValue: number | null;
  maxValue: number | null;
  /** National default target; a region may override it. */
  target: number | null;
}

const share = { unit: 'PERCENT', minValue: 0, maxValue: 100, regionAggregation: 'WEIGHTED_AVERAGE' } as const;

/** The five socio-emotional levels of a workforce, lowest to highest. */
export const socioEmotionalLevels = [
  { code: 'DEPENDENT', name: 'dependen', nameEn: 'dependent', higherIsBetter: false, target: 5 },
  { code: 'EGO_DEPENDENT', name: 'ego-dependen', nameEn: 'ego-dependent', higherIsBetter: false, target: 10 },
  { code: 'SOCIO_DEPENDENT', name: 'sosio-dependen', nameEn: 'socio-dependent', higherIsBetter: false, target: 30 },
  { code: 'INTRA_DEPENDENT', name: 'intra-dependen', nameEn: 'intra-dependent', higherIsBetter: true, target: 35 },
  { code: 'INTER_DEPENDENT', name: 'inter-dependen (noble purpose)', nameEn: 'inter-dependent (noble purpose)', higherIsBetter: true, target: 20 },
] as const;

export const indicatorRecords: readonly IndicatorRecord[] = [
  {
    code: 'INDEKS_BERAKHLAK', name: 'Indeks BerAKHLAK per nilai', nameEn: 'BerAKHLAK index per core value',
    description: 'Skor internalisasi nilai dasar dari survei Indeks BerAKHLAK (0-100). Kategori A "Sehat" 75-100, B "Cukup Sehat" 50-74,9, C "Tidak Sehat" 25-<50.',
    programCode: 'BERAKHLAK', unit: 'SCORE', minValue: 0, maxValue: 100, regionAggregation: 'WEIGHTED_AVERAGE',
    timeAggregation: 'LAST', periodType: 'YEAR', higherIsBetter: true, byCoreValue: true, target: 75,
  },
  ...socioEmotionalLevels.map((level): IndicatorRecord => ({
    code: `SOSIO_EMOSIONAL_${level.code}`,
    name: `ASN pada tingkat sosio-emosional ${level.name}`,
    nameEn: `Civil servants at the ${level.nameEn} socio-emotional level`,
    description: `Persentase ASN pada tingkat ${level.name}; kelima tingkat berjumlah 100 % untuk satu wilayah dan periode.`,
    programCode: 'BERAKHLAK', ...share, timeAggregation: 'LAST', periodType: 'YEAR',
    higherIsBetter: level.higherIsBetter, byCoreValue: false, target: level.target,
  })),
  {
    code: 'AGEN_PERUBAHAN', name: 'Agen perubahan yang ditetapkan', nameEn: 'Change agents appointed',
    description: 'Jumlah agen perubahan yang ditetapkan dengan keputusan kepala daerah (PermenPANRB 27/2014), kumulatif. Target berlaku per wilayah.',
    programCode: 'BERAKHLAK', unit: 'COUNT', minValue: 0, maxValue: null, regionAggregation: 'SUM',
    timeAggregation: 'LAST', periodType: 'QUARTER', higherIsBetter: true, byCoreValue: false, target: 30,
  },
  {
    code: 'PENGADUAN_TEPAT_WAKTU', name: 'Pengaduan diselesaikan sesuai standar pelayanan', nameEn: 'Complaints resolved within the service standard',
    description: 'Persentase pengaduan masyarakat yang diselesaikan dalam waktu standar pelayanan.',
    programCode: 'GIM', ...share, timeAggregation: 'AVERAGE', periodType: 'MONTH', higherIsBetter: true, byCoreValue: false, target: 90,
  },
  {
    code: 'LAYANAN_ELEKTRONIK', name: 'Layanan elektronik tersedia', nameEn: 'E-services available',
    description: 'Jumlah jenis layanan publik yang dapat diakses secara elektronik. Target berlaku per wilayah.',
    programCode: 'GIM', unit: 'COUNT', minValue: 0, maxValue: null, regionAggregation: 'SUM',
    timeAggregation: 'LAST', periodType: 'QUARTER', higherIsBetter: true, byCoreValue: false, target: 40,
  },
  {
    code: 'WAKTU_PENYELESAIAN_PENGADUAN', name: 'Rata-rata waktu penyelesaian pengaduan', nameEn: 'Average days to resolve a complaint',
    description: 'Rata-rata jumlah hari dari pengaduan diterima sampai selesai.',
    programCode: 'GIM', unit: 'DAYS', minValue: 0, maxValue: 365, regionAggregation: 'AVERAGE',
    timeAggregation: 'AVERAGE', periodType: 'MONTH', higherIsBetter: false, byCoreValue: false, target: 5,
  },
];
