/** Pools for believable speaker (narasumber) names and roles. */
export const givenNames = [
  'Agus', 'Budi', 'Dewi', 'Eko', 'Fitri', 'Hendra', 'Indah', 'Joko', 'Kartika', 'Lestari', 'Made', 'Nur', 'Putu',
  'Rahmat', 'Sari', 'Taufik', 'Wahyu', 'Yuliana', 'Andi', 'Ratna', 'Ketut', 'Siti', 'Yohanes', 'Maria',
] as const;

export const familyNames = [
  'Santoso', 'Wijaya', 'Siregar', 'Nasution', 'Hidayat', 'Saputra', 'Lubis', 'Pratama', 'Rahayu', 'Setiawan',
  'Harahap', 'Sinaga', 'Wibowo', 'Kusuma', 'Tanjung', 'Lamba', 'Wenda', 'Kambu', 'Manurung', 'Hakim',
] as const;

export const speakerRoles = [
  'Sekretaris Daerah', 'Asisten Administrasi Umum', 'Kepala BKPSDM', 'Kepala Bagian Organisasi',
  'Widyaiswara LAN', 'Agen Perubahan', 'Asisten Deputi KemenPANRB', 'Analis SDM Aparatur', 'Inspektur Daerah',
  'Kepala Biro Organisasi dan Tata Laksana Kemendagri',
] as const;
