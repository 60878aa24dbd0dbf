// Indonesian is the product's first language and the source of truth for message keys.
export const id = {
	'app.title': 'Pemantauan BerAKHLAK',
	'app.skipToContent': 'Langsung ke konten utama',
	'nav.label': 'Navigasi utama',
	'nav.overview': 'Ikhtisar Nasional',
	'lang.label': 'Bahasa',
	'footer.regionData': 'Data wilayah',

	'overview.title': 'Ikhtisar Nasional',
	'overview.intro':
		'Provinsi, kabupaten, dan kota tempat program BerAKHLAK digulirkan, beserta jumlah Aparatur Sipil Negara (ASN) di setiap provinsi.',
	'overview.empty': 'Belum ada data provinsi yang tersedia.',

	'headline.label': 'Angka utama',
	'headline.provinces': 'Provinsi',
	'headline.regenciesAndCities': 'Kabupaten dan kota',
	'headline.headcount': 'Aparatur Sipil Negara (ASN)',

	'table.caption': 'Jumlah kabupaten, kota, dan ASN per provinsi',
	'table.code': 'Kode',
	'table.province': 'Provinsi',
	'table.regencies': 'Kabupaten',
	'table.cities': 'Kota',
	'table.headcount': 'ASN',
	'table.total': 'Jumlah',

	'error.title': 'Terjadi kesalahan',
	'error.status': 'Kode galat {status}',
	'error.notFound': 'Halaman tidak ditemukan.',
	'error.apiUnavailable': 'Data tidak dapat dimuat dari layanan API. Coba lagi beberapa saat lagi.',
	'error.unexpected': 'Terjadi kesalahan tak terduga. Coba lagi beberapa saat lagi.',
	'error.backHome': 'Kembali ke Ikhtisar Nasional'
} satisfies Record<string, string>;

export type MessageKey = keyof typeof id;

/** Every other language translates exactly these keys: a missing or an extra key is a type error. */
export type Messages = Record<MessageKey, string>;
