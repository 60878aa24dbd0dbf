export interface MilestoneRecord {
  code: string;
  name: string;
  nameEn: string;
  description: string;
}

/** The ordered steps of a region's rollout; the array order is the official order. */
export const milestoneRecords: readonly MilestoneRecord[] = [
  { code: 'SE_DISOSIALISASIKAN', name: 'Surat edaran disosialisasikan', nameEn: 'Circular socialised', description: 'SE Mendagri tentang percepatan nilai dasar dan employer branding telah disosialisasikan di lingkungan pemerintah daerah.' },
  { code: 'AGEN_PERUBAHAN_DITETAPKAN', name: 'Agen perubahan ditetapkan', nameEn: 'Change agents appointed', description: 'Agen perubahan telah ditetapkan dengan keputusan kepala daerah.' },
  { code: 'RENCANA_AKSI_DITETAPKAN', name: 'Rencana aksi ditetapkan', nameEn: 'Action plan adopted', description: 'Rencana aksi internalisasi BerAKHLAK telah ditetapkan.' },
  { code: 'IMPLEMENTASI_BERJALAN', name: 'Implementasi berjalan', nameEn: 'Implementation under way', description: 'Rencana aksi sedang dilaksanakan di perangkat daerah.' },
  { code: 'DIEVALUASI', name: 'Dievaluasi', nameEn: 'Evaluated', description: 'Pelaksanaan telah dievaluasi dan hasilnya dilaporkan.' },
];
