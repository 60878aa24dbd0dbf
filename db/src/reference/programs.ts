export interface CoreValueRecord {
  code: string;
  name: string;
  nameEn: string;
  behaviours: readonly string[];
}

export interface ProgramRecord {
  code: string;
  name: string;
  description: string;
  launchedOn: string | null;
  coreValues: readonly CoreValueRecord[];
}

/** The seven values and their official behaviours (SE MenPANRB No. 20 Tahun 2021). */
const berakhlakValues: CoreValueRecord[] = [
  {
    code: 'BERORIENTASI_PELAYANAN', name: 'Berorientasi Pelayanan', nameEn: 'Service-oriented',
    behaviours: [
      'Memahami dan memenuhi kebutuhan masyarakat',
      'Ramah, cekatan, solutif, dan dapat diandalkan',
      'Melakukan perbaikan tiada henti',
    ],
  },
  {
    code: 'AKUNTABEL', name: 'Akuntabel', nameEn: 'Accountable',
    behaviours: [
      'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi',
      'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien',
      'Tidak menyalahgunakan kewenangan jabatan',
    ],
  },
  {
    code: 'KOMPETEN', name: 'Kompeten', nameEn: 'Competent',
    behaviours: [
      'Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah',
      'Membantu orang lain belajar',
      'Melaksanakan tugas dengan kualitas terbaik',
    ],
  },
  {
    code: 'HARMONIS', name: 'Harmonis', nameEn: 'Harmonious',
    behaviours: [
      'Menghargai setiap orang apapun latar belakangnya',
      'Suka menolong orang lain',
      'Membangun lingkungan kerja yang kondusif',
    ],
  },
  {
    code: 'LOYAL', name: 'Loyal', nameEn: 'Loyal',
    behaviours: [
      'Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada NKRI serta pemerintahan yang sah',
      'Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara',
      'Menjaga rahasia jabatan dan negara',
    ],
  },
  {
    code: 'ADAPTIF', name: 'Adaptif', nameEn: 'Adaptive',
    behaviours: [
      'Cepat menyesuaikan diri menghadapi perubahan',
      'Terus berinovasi dan mengembangkan kreativitas',
      'Bertindak proaktif',
    ],
  },
  {
    code: 'KOLABORATIF', name: 'Kolaboratif', nameEn: 'Collaborative',
    behaviours: [
      'Memberi kesempatan kepada berbagai pihak untuk berkontribusi',
      'Terbuka dalam bekerja sama untuk menghasilkan nilai tambah',
      'Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama',
    ],
  },
];

export const programRecords: readonly ProgramRecord[] = [
  {
    code: 'BERAKHLAK',
    name: 'BerAKHLAK',
    description:
      'Nilai dasar ASN: Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif. ' +
      'Diluncurkan 27 Juli 2021 dengan employer branding "Bangga Melayani Bangsa" (SE MenPANRB No. 20 Tahun 2021).',
    launchedOn: '2021-07-27',
    coreValues: berakhlakValues,
  },
  {
    code: 'GIM',
    name: 'Gerakan Indonesia Melayani',
    description: 'Gerakan peningkatan kualitas pelayanan publik: lebih cepat, lebih murah, lebih adil, berbasis teknologi informasi, dengan pengaduan yang cepat ditangani.',
    launchedOn: null,
    coreValues: [],
  },
];
