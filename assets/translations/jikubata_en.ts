<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="id_ID">
<context>
    <name>AdminHomeScreen</name>
    <message>
        <source>Dasbor</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Ekspor</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Batalkan transaksi</source>
        <translation>Void a sale</translation>
    </message>
    <message>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Pengecualian</source>
        <translation>Exemptions</translation>
    </message>
    <message>
        <source>Impor data</source>
        <translation>Import data</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Pembayaran UMKM</source>
        <translation>UMKM payouts</translation>
    </message>
    <message>
        <source>Titipan barang</source>
        <translation>Consigned goods</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Sinkronisasi pusat</source>
        <translation>Central sync</translation>
    </message>
    <message>
        <source>Menu admin</source>
        <translation>Admin menu</translation>
    </message>
    <message>
        <source>Kembali ke kasir</source>
        <translation>Back to the till</translation>
    </message>
    <message>
        <source>Bahasa layar:</source>
        <translation>Screen language:</translation>
    </message>
    <message>
        <source>Terjemahan tidak dapat dimuat; layar tetap seperti ini.</source>
        <translation>The translation could not be loaded; the screen stays as it is.</translation>
    </message>
    <message>
        <source>Tutup aplikasi kasir?</source>
        <translation>Close the till app?</translation>
    </message>
    <message>
        <source>Ya, tutup aplikasi</source>
        <translation>Yes, close the app</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Keluar aplikasi</source>
        <translation>Quit the app</translation>
    </message>
</context>
<context>
    <name>AdminLoginScreen</name>
    <message>
        <source>Masuk admin</source>
        <translation>Admin log in</translation>
    </message>
    <message>
        <source>‹ Kembali</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>Masukkan PIN admin (6–12 angka)</source>
        <translation>Enter the admin PIN (6–12 digits)</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Belum ada PIN admin di kiosk ini.</source>
        <translation>This kiosk has no admin PIN yet.</translation>
    </message>
    <message>
        <source>Atur dulu di komputer kiosk dengan perintah:
jikubata admin set-pin</source>
        <translation>Set one first on the kiosk computer with the command:
jikubata admin set-pin</translation>
    </message>
    <message>
        <source>Terkunci, coba lagi dalam {wait}</source>
        <translation>Locked. Try again in {wait}</translation>
    </message>
    <message>
        <source>Silakan coba lagi.</source>
        <translation>Please try again.</translation>
    </message>
    <message>
        <source>PIN salah. Sisa {left} kali sebelum terkunci.</source>
        <translation>Wrong PIN. Tries left before lock-out: {left}.</translation>
    </message>
    <message>
        <source>PIN salah.</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <source>PIN tidak dapat diperiksa. Coba lagi.</source>
        <translation>The PIN could not be checked. Try again.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>‹ Menu admin</source>
        <translation>‹ Admin menu</translation>
    </message>
</context>
<context>
    <name>AdminWords</name>
    <message>
        <source>Maaf, ada yang tidak berhasil. Coba sekali lagi; bila tetap gagal, hubungi petugas TI.</source>
        <translation>Sorry, something did not work. Try once more; if it still fails, contact IT staff.</translation>
    </message>
    <message>
        <source>isinya tidak dapat dipakai</source>
        <translation>this value cannot be used</translation>
    </message>
    <message>
        <source>baris judul tidak dapat dibaca</source>
        <translation>the header line cannot be read</translation>
    </message>
    <message>
        <source>baris judul harus &apos;{expected}&apos;</source>
        <translation>the header line must be &apos;{expected}&apos;</translation>
    </message>
    <message>
        <source>baris ini tidak dapat dibaca</source>
        <translation>this line cannot be read</translation>
    </message>
    <message>
        <source>ada {count} kolom, baris judul punya {expected} (apakah &apos;{delimiter}&apos; dipakai di dalam isian tanpa tanda kutip?)</source>
        <translation>has {count} fields, the header has {expected} (is &apos;{delimiter}&apos; used inside a value without quotes?)</translation>
    </message>
    <message>
        <source>lebih dari {limit} huruf</source>
        <translation>longer than {limit} characters</translation>
    </message>
    <message>
        <source>tidak boleh kosong</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan NIP yang valid (harus 18 angka)</source>
        <translation>&apos;{value}&apos; is not a valid NIP (it must be 18 digits)</translation>
    </message>
    <message>
        <source>NIP {nip} sudah ada di baris {line}</source>
        <translation>NIP {nip} is already on line {line}</translation>
    </message>
    <message>
        <source>tingkat &apos;{value}&apos; tidak dikenal</source>
        <translation>unknown tier &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>UMKM &apos;{value}&apos; belum terdaftar; impor data UMKM dulu</source>
        <translation>UMKM &apos;{value}&apos; is not registered; import the UMKM data first</translation>
    </message>
    <message>
        <source>{value} sudah ada di baris {line}</source>
        <translation>{value} is already on line {line}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan nomor telepon</source>
        <translation>&apos;{value}&apos; is not a phone number</translation>
    </message>
    <message>
        <source>harus lebih dari Rp0</source>
        <translation>must be more than Rp0</translation>
    </message>
    <message>
        <source>kode &apos;{value}&apos; hanya boleh huruf, angka, &apos;.&apos;, &apos;_&apos; atau &apos;-&apos;</source>
        <translation>code &apos;{value}&apos; may only have letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan jumlah rupiah</source>
        <translation>&apos;{value}&apos; is not a rupiah amount</translation>
    </message>
    <message>
        <source>UMKM &apos;{kode_umkm}&apos; belum terdaftar; impor data UMKM dulu.</source>
        <translation>UMKM &apos;{kode_umkm}&apos; is not registered; import the UMKM first.</translation>
    </message>
    <message>
        <source>Pembayaran {number} tidak ditemukan; periksa nomornya.</source>
        <translation>Payout {number} was not found; check the number.</translation>
    </message>
    <message>
        <source>Baris {line}, kolom {column}: {problem}</source>
        <translation>Line {line}, column {column}: {problem}</translation>
    </message>
    <message>
        <source>Baris {line}: {problem}</source>
        <translation>Line {line}: {problem}</translation>
    </message>
    <message>
        <source>Belum ada daftar ASN untuk bulan ini. Impor daftar ASN dulu (Impor data).</source>
        <translation>No ASN list for this month yet. Import the ASN list first (Import data).</translation>
    </message>
    <message>
        <source>File ditolak, tidak ada yang diimpor: {problem}</source>
        <translation>File refused, nothing was imported: {problem}</translation>
    </message>
    <message>
        <source>File bukan CSV UTF-8. Di Excel simpan sebagai &apos;CSV UTF-8&apos;. Tidak ada yang diimpor.</source>
        <translation>The file is not a UTF-8 CSV. In Excel, save it as &apos;CSV UTF-8&apos;. Nothing was imported.</translation>
    </message>
    <message>
        <source>File kosong. Tidak ada yang diimpor.</source>
        <translation>The file is empty. Nothing was imported.</translation>
    </message>
    <message>
        <source>Daftar ini menghapus terlalu banyak orang. Tidak ada yang diimpor.</source>
        <translation>This list removes too many people. Nothing was imported.</translation>
    </message>
    <message>
        <source>File ditolak, tidak ada yang diimpor. Periksa isinya lalu coba lagi.</source>
        <translation>File refused, nothing was imported. Check its contents and try again.</translation>
    </message>
    <message>
        <source>File ini sudah pernah diimpor. Tidak ada yang diubah.</source>
        <translation>This file was imported before. Nothing was changed.</translation>
    </message>
    <message>
        <source>{value} melebihi batas satu baris kasir ({limit})</source>
        <translation>{value} is more than a till line may hold ({limit})</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan waktu seperti 2026-11-07 09:15</source>
        <translation>&apos;{value}&apos; is not a time like 2026-11-07 09:15</translation>
    </message>
    <message>
        <source>{value} masih di masa depan</source>
        <translation>{value} is in the future</translation>
    </message>
    <message>
        <source>{value} sebelum program dimulai ({start})</source>
        <translation>{value} is before the programme started ({start})</translation>
    </message>
    <message>
        <source>pembelian yang sama sudah diimpor dari file &apos;{file}&apos;</source>
        <translation>the same purchase was already imported from the file &apos;{file}&apos;</translation>
    </message>
    <message>
        <source>pembelian yang sama sudah ada di baris {line}</source>
        <translation>the same purchase is already on line {line}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; memakai koma untuk ribuan; tulis 20000 atau 20.000</source>
        <translation>&apos;{value}&apos; uses a comma for thousands; write 20000 or 20.000</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan rupiah bulat (rupiah tidak memakai sen)</source>
        <translation>&apos;{value}&apos; is not whole rupiah (rupiah have no cents)</translation>
    </message>
    <message>
        <source>Pilih alasan pembatalan (3 sampai 500 huruf).</source>
        <translation>Choose a reason for the void (3 to 500 characters).</translation>
    </message>
    <message>
        <source>Pilih alasan pengecualian (3 sampai 500 huruf).</source>
        <translation>Choose a reason for the exemption (3 to 500 characters).</translation>
    </message>
    <message>
        <source>Nama petugas harus 1 sampai 64 huruf.</source>
        <translation>An operator&apos;s name must be 1 to 64 characters.</translation>
    </message>
    <message>
        <source>PIN petugas harus 4 sampai 8 angka.</source>
        <translation>An operator PIN must be 4 to 8 digits.</translation>
    </message>
    <message>
        <source>UMKM &apos;{value}&apos; belum terdaftar. Impor data UMKM dulu.</source>
        <translation>UMKM &apos;{value}&apos; is not registered. Import the UMKM data first.</translation>
    </message>
    <message>
        <source>PIN admin harus 6 sampai 12 angka.</source>
        <translation>The admin PIN must be 6 to 12 digits.</translation>
    </message>
    <message>
        <source>Pilih PIN yang bukan satu angka berulang atau urutan sederhana.</source>
        <translation>Choose a PIN that is not one repeated digit or a simple sequence.</translation>
    </message>
    <message>
        <source>Tidak ada orang di daftar ASN yang bekerja di OPD &apos;{opd}&apos;.</source>
        <translation>Nobody on the ASN list works in OPD &apos;{opd}&apos;.</translation>
    </message>
    <message>
        <source>NIP {nip} tidak ada di OPD &apos;{opd}&apos; (daftar ASN mencatatnya di &apos;{actual}&apos;).</source>
        <translation>NIP {nip} is not in OPD &apos;{opd}&apos; (the ASN list has it in &apos;{actual}&apos;).</translation>
    </message>
    <message>
        <source>NIP {nip} tidak ada di daftar ASN yang berlaku pada {day}.</source>
        <translation>NIP {nip} is not on the ASN list in force on {day}.</translation>
    </message>
    <message>
        <source>File {file} tidak ditemukan. Pasang ulang flashdisk lalu tekan Muat ulang.</source>
        <translation>File {file} not found. Plug the USB drive in again, then press Reload.</translation>
    </message>
    <message>
        <source>{file} adalah folder, bukan file CSV. Tidak ada yang diimpor.</source>
        <translation>{file} is a folder, not a CSV file. Nothing was imported.</translation>
    </message>
    <message>
        <source>File {file} lebih besar dari {limit}. Tidak ada yang diimpor.</source>
        <translation>File {file} is larger than {limit}. Nothing was imported.</translation>
    </message>
    <message>
        <source>File {file} bukan file CSV. Tidak ada yang diimpor.</source>
        <translation>File {file} is not a CSV file. Nothing was imported.</translation>
    </message>
    <message>
        <source>File hanya berisi baris judul. Tidak ada yang diimpor.</source>
        <translation>The file has only a header line. Nothing was imported.</translation>
    </message>
    <message>
        <source>{count} pembelian di file ini sudah diimpor dari file lain.</source>
        <translation>{count} purchases in this file were already imported from another file.</translation>
    </message>
    <message>
        <source>Struk {number} tidak ditemukan. Periksa nomornya.</source>
        <translation>Receipt {number} not found. Check the number.</translation>
    </message>
    <message>
        <source>Transaksi {number} sudah dibatalkan sebelumnya.</source>
        <translation>Sale {number} was already voided.</translation>
    </message>
    <message>
        <source>Pilih alasan pembatalan dulu.</source>
        <translation>Choose a reason for the void first.</translation>
    </message>
    <message>
        <source>Jumlah lembar Rp{denomination} tidak boleh di bawah nol.</source>
        <translation>The number of Rp{denomination} notes cannot be below zero.</translation>
    </message>
    <message>
        <source>Rp{denomination} bukan pecahan yang dihitung di laci.</source>
        <translation>Rp{denomination} is not a note the till counts.</translation>
    </message>
    <message>
        <source>Jumlah uang koin tidak boleh di bawah nol.</source>
        <translation>The coins cannot add up to less than zero.</translation>
    </message>
    <message>
        <source>Jumlah pembayaran harus rupiah bulat lebih dari Rp0.</source>
        <translation>A payout must be whole rupiah above Rp0.</translation>
    </message>
    <message>
        <source>Satu pembayaran paling banyak {maximum}; periksa jumlahnya.</source>
        <translation>One payout may be at most {maximum}; check the amount.</translation>
    </message>
    <message>
        <source>Jumlah ini melebihi saldo UMKM; catat sebagai panjar bila dibayar di muka.</source>
        <translation>This amount is more than the UMKM&apos;s balance; record it as an advance if it is paid ahead.</translation>
    </message>
    <message>
        <source>Pilih atau tulis catatan pembayaran dulu.</source>
        <translation>Choose or write a note for the payout first.</translation>
    </message>
    <message>
        <source>Catatan pembayaran paling banyak {limit} huruf.</source>
        <translation>A payout&apos;s note may be at most {limit} characters.</translation>
    </message>
    <message>
        <source>Pembayaran {number} sudah dibatalkan dengan {by}.</source>
        <translation>Payout {number} was already reversed by {by}.</translation>
    </message>
    <message>
        <source>{number} adalah pembatalan; catat pembayaran baru bila perlu.</source>
        <translation>{number} is a reversal; record a new payout if needed.</translation>
    </message>
    <message>
        <source>Sesi kasir sudah ditutup; keluar lalu masuk lagi untuk membuka sesi baru.</source>
        <translation>The till shift is closed; log out and log in again to open a new one.</translation>
    </message>
    <message>
        <source>Sesi {shift_no} milik {operator} masih terbuka.</source>
        <translation>Shift {shift_no} of {operator} is still open.</translation>
    </message>
    <message>
        <source>Sesi {shift_no} sudah ditutup sebelumnya; tidak ada yang dicatat.</source>
        <translation>Shift {shift_no} was already closed; nothing was recorded.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan rupiah bulat.</source>
        <translation>&apos;{value}&apos; is not whole rupiah.</translation>
    </message>
    <message>
        <source>Jumlah uang tidak boleh di bawah nol.</source>
        <translation>An amount cannot be below zero.</translation>
    </message>
    <message>
        <source>Uang selisih {difference}: pilih atau ketik alasannya dulu.</source>
        <translation>The cash is off by {difference}: choose or type the reason first.</translation>
    </message>
    <message>
        <source>Alasan paling panjang {limit} huruf.</source>
        <translation>A reason may be at most {limit} characters.</translation>
    </message>
    <message>
        <source>Nama petugas harus diisi.</source>
        <translation>The operator&apos;s name is missing.</translation>
    </message>
    <message>
        <source>Ada transaksi baru selama uang dihitung; periksa angka terbaru lalu tutup lagi.</source>
        <translation>A sale or void came in while the cash was counted; check the new figures and close again.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan jumlah barang yang bulat.</source>
        <translation>&apos;{value}&apos; is not a whole number of pieces.</translation>
    </message>
    <message>
        <source>Ketik jumlah barang lebih dari 0.</source>
        <translation>Type a number of pieces above 0.</translation>
    </message>
    <message>
        <source>Sekali catat paling banyak {most} barang; periksa jumlahnya.</source>
        <translation>At most {most} pieces at a time; check the number.</translation>
    </message>
    <message>
        <source>Petugas hanya bisa menambah titipan; minta admin untuk mengoreksi.</source>
        <translation>Operators can only add to a drop-off; ask the admin to correct it.</translation>
    </message>
    <message>
        <source>{product} sudah terjual {sold} hari ini, jadi titipan tidak bisa kurang dari itu.</source>
        <translation>{product} has sold {sold} today, so the drop-off cannot be less than that.</translation>
    </message>
    <message>
        <source>Produk {sku} milik {kode_umkm} tidak ditemukan.</source>
        <translation>Product {sku} of {kode_umkm} was not found.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan nomor struk (contoh: AMB-01-000123).</source>
        <translation>&apos;{value}&apos; is not a receipt number (like AMB-01-000123).</translation>
    </message>
    <message>
        <source>Transaksi harus berisi paling sedikit satu barang.</source>
        <translation>A sale needs at least one item.</translation>
    </message>
    <message>
        <source>Waktu transaksi tidak punya zona waktu.</source>
        <translation>The sale&apos;s time has no time zone.</translation>
    </message>
    <message>
        <source>Transaksi harus mencatat nama petugas.</source>
        <translation>A sale must record the operator&apos;s name.</translation>
    </message>
    <message>
        <source>Setiap barang harus punya UMKM penjualnya.</source>
        <translation>Every item needs the UMKM selling it.</translation>
    </message>
    <message>
        <source>Setiap barang harus punya keterangan.</source>
        <translation>Every item needs a description.</translation>
    </message>
    <message>
        <source>Harga harus rupiah bulat.</source>
        <translation>Prices must be whole rupiah.</translation>
    </message>
    <message>
        <source>Harga harus antara Rp1 dan {maximum}.</source>
        <translation>A price must be between Rp1 and {maximum}.</translation>
    </message>
    <message>
        <source>Jumlah barang harus antara 1 dan {maximum}.</source>
        <translation>The quantity must be between 1 and {maximum}.</translation>
    </message>
    <message>
        <source>Uang tunai harus rupiah bulat.</source>
        <translation>Cash given must be whole rupiah.</translation>
    </message>
    <message>
        <source>Uang yang diterima kurang dari total.</source>
        <translation>The cash given is less than the total.</translation>
    </message>
    <message>
        <source>Uang tunai hanya dicatat untuk pembayaran tunai.</source>
        <translation>Cash given only applies to cash payments.</translation>
    </message>
    <message>
        <source>UMKM {vendors} tidak aktif di kiosk ini.</source>
        <translation>UMKM {vendors} is not active at this kiosk.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; bukan bulan; tulis seperti 2026-11.</source>
        <translation>&apos;{value}&apos; is not a month; write it like 2026-11.</translation>
    </message>
    <message>
        <source>Bulan {month} tahun {year} tidak ada.</source>
        <translation>There is no month {month} in {year}.</translation>
    </message>
    <message>
        <source>Aturan belum punya periode. Periksa pengaturan kiosk.</source>
        <translation>The regulation has no period. Check the kiosk settings.</translation>
    </message>
    <message>
        <source>Dua periode aturan mulai pada bulan yang sama. Periksa pengaturan kiosk.</source>
        <translation>Two regulation periods start in the same month. Check the kiosk settings.</translation>
    </message>
    <message>
        <source>Periode mulai {start} memakai tingkat &apos;{tier}&apos; yang tidak ada. Periksa pengaturan kiosk.</source>
        <translation>The period from {start} uses tier &apos;{tier}&apos;, which does not exist. Check the kiosk settings.</translation>
    </message>
    <message>
        <source>Minimum untuk &apos;{tier}&apos; mulai {start} harus rupiah bulat, 0 atau lebih. Periksa pengaturan kiosk.</source>
        <translation>The minimum for &apos;{tier}&apos; from {start} must be whole rupiah, 0 or more. Check the kiosk settings.</translation>
    </message>
    <message>
        <source>Periode mulai {start} tidak menyebut tingkat {tiers}. Periksa pengaturan kiosk.</source>
        <translation>The period from {start} leaves out tier(s) {tiers}. Check the kiosk settings.</translation>
    </message>
    <message>
        <source>Belum ada aturan untuk {month}; aturan pertama mulai {first}.</source>
        <translation>No rule applies to {month}; the first rule starts {first}.</translation>
    </message>
    <message>
        <source>Tingkat &apos;{tier}&apos; tidak dikenal. Periksa pengaturan kiosk.</source>
        <translation>Unknown tier &apos;{tier}&apos;. Check the kiosk settings.</translation>
    </message>
    <message>
        <source>Daftar ASN memakai tingkat {tiers} yang tidak ada di pengaturan. Impor daftar ASN yang benar atau hubungi petugas TI.</source>
        <translation>The ASN list uses tier(s) {tiers} the settings do not define. Import a corrected ASN list or contact IT staff.</translation>
    </message>
    <message>
        <source>Daftar kartu hilang {file} baris {lines} bukan NIP dan dilewati; baris lain tetap memblokir kartunya.</source>
        <translation>Lost-cards list {file}: line {lines} is not a NIP and is skipped; the other lines still block their cards.</translation>
    </message>
    <message>
        <source>Daftar kartu hilang {file} tidak dapat dibaca (simpan sebagai teks UTF-8); kiosk tetap memblokir {count} NIP dari daftar terakhir yang terbaca.</source>
        <translation>Lost-cards list {file} cannot be read (save it as UTF-8 text); the kiosk still blocks the {count} NIP(s) of the last list it read.</translation>
    </message>
    <message>
        <source>Kode kunci kartu &apos;{key_id}&apos; tidak valid. Hubungi petugas TI.</source>
        <translation>Card key id &apos;{key_id}&apos; is not valid. Contact IT staff.</translation>
    </message>
    <message>
        <source>Kode ini bukan kode struk Jiku Bata.</source>
        <translation>This is not a Jiku Bata receipt code.</translation>
    </message>
    <message>
        <source>Kode struk rusak: ada {count} bagian, seharusnya 4.</source>
        <translation>Damaged receipt code: it has {count} parts instead of 4.</translation>
    </message>
    <message>
        <source>Kode struk rusak. Ketik nomor struknya.</source>
        <translation>Damaged receipt code. Type the receipt number.</translation>
    </message>
    <message>
        <source>Kode QRIS kosong.</source>
        <translation>The QRIS code is empty.</translation>
    </message>
    <message>
        <source>Kode QRIS berisi karakter kendali di posisi {position}.</source>
        <translation>The QRIS code has a control character at position {position}.</translation>
    </message>
    <message>
        <source>Kode QRIS terpotong (posisi {position}).</source>
        <translation>The QRIS code is cut short (position {position}).</translation>
    </message>
    <message>
        <source>Kode QRIS rusak: &apos;{tag}&apos; bukan tag 2 angka.</source>
        <translation>Damaged QRIS code: &apos;{tag}&apos; is not a 2-digit tag.</translation>
    </message>
    <message>
        <source>Kode QRIS rusak: panjang tag {tag} di posisi {position} bukan 2 angka.</source>
        <translation>Damaged QRIS code: the length of tag {tag} at position {position} is not 2 digits.</translation>
    </message>
    <message>
        <source>Isi tag QRIS {tag} terlalu panjang ({length} huruf, paling banyak {maximum}).</source>
        <translation>QRIS tag {tag} is too long ({length} characters, at most {maximum}).</translation>
    </message>
    <message>
        <source>Tag {tag} muncul dua kali dalam kode QRIS.</source>
        <translation>Tag {tag} appears twice in the QRIS code.</translation>
    </message>
    <message>
        <source>Ini bukan kode QRIS (harus dimulai dengan tag 00 bernilai 01).</source>
        <translation>This is not a QRIS code (it must start with tag 00 set to 01).</translation>
    </message>
    <message>
        <source>Kode QRIS tidak punya CRC (tag 63).</source>
        <translation>The QRIS code has no CRC (tag 63).</translation>
    </message>
    <message>
        <source>CRC QRIS (tag 63) harus di akhir, tetapi tag {tag} ada sesudahnya.</source>
        <translation>The QRIS CRC (tag 63) must come last, but tag {tag} follows it.</translation>
    </message>
    <message>
        <source>CRC QRIS &apos;{value}&apos; bukan 4 angka heksadesimal.</source>
        <translation>The QRIS CRC &apos;{value}&apos; is not 4 hex digits.</translation>
    </message>
    <message>
        <source>CRC QRIS tidak cocok (seharusnya {expected}, tertulis {found}); salah pindai?</source>
        <translation>The QRIS CRC does not match (expected {expected}, found {found}); was it misread?</translation>
    </message>
    <message>
        <source>Kode QRIS tidak punya tag {tag}.</source>
        <translation>The QRIS code has no tag {tag}.</translation>
    </message>
    <message>
        <source>Tag QRIS {tag} berisi &apos;{value}&apos;, yang tidak diterima.</source>
        <translation>QRIS tag {tag} holds &apos;{value}&apos;, which is not accepted.</translation>
    </message>
    <message>
        <source>Nominal QRIS &apos;{value}&apos; bukan rupiah bulat.</source>
        <translation>The QRIS amount &apos;{value}&apos; is not whole rupiah.</translation>
    </message>
    <message>
        <source>Nominal QRIS {amount} di luar batas ({minimum} sampai {maximum}).</source>
        <translation>The QRIS amount {amount} is out of range ({minimum} to {maximum}).</translation>
    </message>
    <message>
        <source>Tag QRIS {tag} tidak berisi sub-tag.</source>
        <translation>QRIS tag {tag} has no sub-fields.</translation>
    </message>
    <message>
        <source>CRC QRIS (tag {tag}) dihitung sendiri oleh kiosk; jangan diisi.</source>
        <translation>The kiosk adds the QRIS CRC (tag {tag}) itself; leave it out.</translation>
    </message>
    <message>
        <source>Folder tujuan tidak boleh ditulisi. Pilih folder atau flashdisk lain.</source>
        <translation>Cannot write to that folder. Choose another folder or USB drive.</translation>
    </message>
    <message>
        <source>Penyimpanan penuh. Pilih flashdisk lain atau kosongkan dulu.</source>
        <translation>Drive full. Choose another USB drive or free up space first.</translation>
    </message>
    <message>
        <source>Folder atau flashdisk tidak ditemukan. Pasang ulang lalu tekan Muat ulang.</source>
        <translation>Folder or USB drive not found. Plug it in again, then press Reload.</translation>
    </message>
    <message>
        <source>File tidak dapat dibaca atau ditulis. Periksa flashdisk lalu coba lagi.</source>
        <translation>The file could not be read or written. Check the USB drive and try again.</translation>
    </message>
    <message>
        <source>Orang ini sudah dikecualikan untuk bulan itu.</source>
        <translation>This person is already exempt for that month.</translation>
    </message>
    <message>
        <source>NIP tidak valid. Periksa kembali (18 angka).</source>
        <translation>Invalid NIP. Please check it (18 digits).</translation>
    </message>
</context>
<context>
    <name>BuyerPanel</name>
    <message>
        <source>PEMBELI</source>
        <translation>BUYER</translation>
    </message>
    <message>
        <source>Pindai kartu ASN</source>
        <translation>Scan ASN card</translation>
    </message>
    <message>
        <source>Ketik NIP</source>
        <translation>Type NIP</translation>
    </message>
    <message>
        <source>Pembeli umum</source>
        <translation>Public buyer</translation>
    </message>
    <message>
        <source>Pindai ulang</source>
        <translation>Scan again</translation>
    </message>
    <message>
        <source>Umum</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Pindai kartu</source>
        <translation>Scan card</translation>
    </message>
    <message>
        <source>Tanpa kartu ASN</source>
        <translation>No ASN card</translation>
    </message>
    <message>
        <source>Pembeli: {name}</source>
        <translation>Buyer: {name}</translation>
    </message>
</context>
<context>
    <name>CartView</name>
    <message>
        <source>Kurangi {item}</source>
        <translation>One less {item}</translation>
    </message>
    <message>
        <source>Tambah {item}</source>
        <translation>One more {item}</translation>
    </message>
    <message>
        <source>Keranjang masih kosong. Sentuh produk untuk menambah.</source>
        <translation>The cart is empty. Touch a product to add it.</translation>
    </message>
</context>
<context>
    <name>CentralScreen</name>
    <message>
        <source>Pengiriman ke pusat dihentikan, hubungi petugas TI: {alarm}</source>
        <translation>Sending to central is stopped, call IT staff: {alarm}</translation>
    </message>
    <message>
        <source>Belum pernah berhasil sinkron dengan pusat; {waiting} catatan menunggu dikirim.</source>
        <translation>Never synced with central yet; {waiting} entries waiting to be sent.</translation>
    </message>
    <message>
        <source>Terakhir berhasil sinkron {when}; {waiting} catatan menunggu dikirim.</source>
        <translation>Last synced successfully {when}; {waiting} entries waiting to be sent.</translation>
    </message>
    <message>
        <source>Belum pernah</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Sinkronisasi pusat</source>
        <translation>Central sync</translation>
    </message>
    <message>
        <source>Terakhir berhasil</source>
        <translation>Last successful</translation>
    </message>
    <message>
        <source>Menunggu dikirim</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>Gagal terakhir</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Periksa lagi</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>{waiting} catatan</source>
        <translation>{waiting} entries</translation>
    </message>
    <message>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Status sinkronisasi tidak dapat dibaca. Coba lagi.</source>
        <translation>The sync status could not be read. Try again.</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>{seconds} detik</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} menit</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{minutes} menit {seconds} detik</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <source>Dasbor</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>KEPATUHAN PER OPD</source>
        <translation>COMPLIANCE BY OPD</translation>
    </message>
    <message>
        <source>PENDAPATAN UMKM</source>
        <translation>UMKM REVENUE</translation>
    </message>
    <message>
        <source>PALING SEDIKIT TERJUAL</source>
        <translation>LEAST SOLD</translation>
    </message>
    <message>
        <source>NIP DIKETIK PER PETUGAS</source>
        <translation>NIPS TYPED PER OPERATOR</translation>
    </message>
    <message>
        <source>{met} dari {obliged} ASN memenuhi · {exempt} dikecualikan</source>
        <translation>{met} of {obliged} ASN met · {exempt} exempt</translation>
    </message>
    <message>
        <source>{met} dari {obliged} ASN memenuhi</source>
        <translation>{met} of {obliged} ASN met</translation>
    </message>
    <message>
        <source>{operator}: {typed} dari {asn} ASN diketik</source>
        <translation>{operator}: {typed} of {asn} ASN typed</translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <source>Layar ini tidak dapat dilanjutkan.</source>
        <translation>This screen cannot go on.</translation>
    </message>
    <message>
        <source>Maaf, terjadi kesalahan</source>
        <translation>Sorry, something went wrong</translation>
    </message>
    <message>
        <source>Transaksi yang sudah tersimpan tetap aman.</source>
        <translation>Sales already saved are safe.</translation>
    </message>
    <message>
        <source>Bila terjadi lagi, beri tahu admin Disperindag.</source>
        <translation>If it happens again, tell the Disperindag admin.</translation>
    </message>
    <message>
        <source>Kembali ke awal</source>
        <translation>Back to start</translation>
    </message>
</context>
<context>
    <name>ExemptionsScreen</name>
    <message>
        <source>Cuti</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>Sakit</source>
        <translation>Sick</translation>
    </message>
    <message>
        <source>Dinas luar</source>
        <translation>Duty travel</translation>
    </message>
    <message>
        <source>Tugas belajar</source>
        <translation>Study leave</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Pengecualian</source>
        <translation>Exemptions</translation>
    </message>
    <message>
        <source>NIP — ketik atau pindai kartu</source>
        <translation>NIP — type it or scan the card</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Kecualikan</source>
        <translation>Exempt</translation>
    </message>
    <message>
        <source>Kartu tidak dapat dibaca. Ketik NIP pada tombol angka.</source>
        <translation>Card not readable. Type the NIP on the number keys.</translation>
    </message>
    <message>
        <source>NIP tidak valid. Periksa kembali (18 angka).</source>
        <translation>Invalid NIP. Please check it (18 digits).</translation>
    </message>
    <message>
        <source>Belum ada NIP</source>
        <translation>No NIP yet</translation>
    </message>
    <message>
        <source>Mencari…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Tidak ada di daftar ASN</source>
        <translation>Not on the ASN list</translation>
    </message>
    <message>
        <source>NIP ini tidak terdaftar untuk {month}.</source>
        <translation>This NIP is not registered for {month}.</translation>
    </message>
    <message>
        <source>{person}
Sudah dikecualikan untuk {month}.</source>
        <translation>{person}
Already exempt for {month}.</translation>
    </message>
    <message>
        <source>{name} dikecualikan untuk {month}.</source>
        <translation>{name} is exempt for {month}.</translation>
    </message>
</context>
<context>
    <name>ExportsScreen</name>
    <message>
        <source>Kepatuhan ASN</source>
        <translation>ASN compliance</translation>
    </message>
    <message>
        <source>Ringkasan OPD</source>
        <translation>OPD summary</translation>
    </message>
    <message>
        <source>Pendapatan UMKM</source>
        <translation>UMKM revenue</translation>
    </message>
    <message>
        <source>Semua penjualan</source>
        <translation>All sales</translation>
    </message>
    <message>
        <source>Penjualan UMKM per hari</source>
        <translation>UMKM sales per day</translation>
    </message>
    <message>
        <source>Saldo UMKM</source>
        <translation>UMKM balances</translation>
    </message>
    <message>
        <source>Sesi kasir</source>
        <translation>Till shifts</translation>
    </message>
    <message>
        <source>, (koma)</source>
        <translation>, (comma)</translation>
    </message>
    <message>
        <source>; (titik koma, Excel Indonesia)</source>
        <translation>; (semicolon, Indonesian Excel)</translation>
    </message>
    <message>
        <source>Ekspor laporan bulanan</source>
        <translation>Export monthly reports</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Pemisah</source>
        <translation>Separator</translation>
    </message>
    <message>
        <source>Simpan ke</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Ekspor {count} file</source>
        <translation>Export {count} files</translation>
    </message>
    <message>
        <source>Mengekspor {step} dari {total}… ({name})</source>
        <translation>Exporting {step} of {total}… ({name})</translation>
    </message>
    <message>
        <source>Di {folder}:
{names}</source>
        <translation>In {folder}:
{names}</translation>
    </message>
    <message>
        <source>Selesai: {count} file tersimpan</source>
        <translation>Done: {count} files saved</translation>
    </message>
    <message>
        <source>Berhenti setelah {done} dari {total} file</source>
        <translation>Stopped after {done} of {total} files</translation>
    </message>
</context>
<context>
    <name>Folders</name>
    <message>
        <source>Flashdisk {name}</source>
        <translation>USB drive {name}</translation>
    </message>
    <message>
        <source>Folder ekspor kiosk</source>
        <translation>Kiosk export folder</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Keluar</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Tutup sesi</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <source>Petugas: {name}</source>
        <translation>Operator: {name}</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <source>Pindai kartu ASN atau sentuh untuk mulai</source>
        <translation>Scan ASN card or touch to start</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
</context>
<context>
    <name>ImportScreen</name>
    <message>
        <source>Daftar ASN</source>
        <translation>ASN list</translation>
    </message>
    <message>
        <source>UMKM</source>
        <translation>UMKM</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>{people} orang · baru {added} · keluar {removed} · berubah {changed}</source>
        <translation>{people} on the list · {added} new · {removed} left · {changed} changed</translation>
    </message>
    <message>
        <source>{count} UMKM</source>
        <translation>{count} UMKM</translation>
    </message>
    <message>
        <source>{count} produk</source>
        <translation>{count} product(s)</translation>
    </message>
    <message>
        <source>Impor data</source>
        <translation>Import data</translation>
    </message>
    <message>
        <source>File CSV</source>
        <translation>CSV file</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Tidak ada file CSV. Pasang flashdisk lalu tekan Muat ulang.</source>
        <translation>No CSV files. Plug in a USB drive, then press Reload.</translation>
    </message>
    <message>
        <source>Jenis data</source>
        <translation>Kind of data</translation>
    </message>
    <message>
        <source>Berlaku mulai tanggal 1</source>
        <translation>Valid from the 1st of</translation>
    </message>
    <message>
        <source>Periksa file</source>
        <translation>Check file</translation>
    </message>
    <message>
        <source>Pilih file dan jenis data, lalu tekan Periksa file.</source>
        <translation>Choose a file and its kind of data, then press Check file.</translation>
    </message>
    <message>
        <source>Ya, tetap impor</source>
        <translation>Yes, import anyway</translation>
    </message>
    <message>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>{name} (berlaku 1 {month})</source>
        <translation>{name} (valid from 1 {month})</translation>
    </message>
    <message>
        <source>{name} (berlaku 1 {month}): {summary}</source>
        <translation>{name} (valid from 1 {month}): {summary}</translation>
    </message>
    <message>
        <source>Ada {count} masalah. Perbaiki file dulu; belum ada yang diimpor.</source>
        <translation>Problems found: {count}. Fix the file first; nothing imported yet.</translation>
    </message>
    <message>
        <source>… dan {count} lagi</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <source>File baik. Tekan Impor untuk menyimpan.</source>
        <translation>The file is fine. Press Import to save it.</translation>
    </message>
    <message>
        <source>Daftar ini mengeluarkan {removed} dari {before} orang ({share}). Biasanya itu tanda file tidak lengkap. Tekan Ya, tetap impor hanya bila memang sebanyak itu yang keluar.</source>
        <translation>This list removes {removed} of {before} people ({share}). That usually means the file is incomplete. Press Yes, import anyway only if that many people really left.</translation>
    </message>
    <message>
        <source>Berhasil diimpor: {name} — {summary}.</source>
        <translation>Imported: {name} — {summary}.</translation>
    </message>
    <message>
        <source>Belum ada yang diimpor.</source>
        <translation>Nothing has been imported.</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Hapus satu angka</source>
        <translation>Delete one digit</translation>
    </message>
    <message>
        <source>Hapus semua</source>
        <translation>Clear all</translation>
    </message>
</context>
<context>
    <name>LetterKeys</name>
    <message>
        <source>Tanda hubung</source>
        <translation>Hyphen</translation>
    </message>
    <message>
        <source>Koma</source>
        <translation>Comma</translation>
    </message>
    <message>
        <source>Titik</source>
        <translation>Full stop</translation>
    </message>
    <message>
        <source>Hapus satu huruf</source>
        <translation>Delete one letter</translation>
    </message>
    <message>
        <source>Spasi</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Hapus semua</source>
        <translation>Clear all</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Masuk — pilih nama Petugas</source>
        <translation>Log in — choose your name</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>PIN untuk {name}</source>
        <translation>PIN for {name}</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Ketik PIN Anda</source>
        <translation>Type your PIN</translation>
    </message>
    <message>
        <source>Terlalu banyak PIN salah. Coba lagi dalam {wait}.</source>
        <translation>Too many wrong PINs. Try again in {wait}.</translation>
    </message>
    <message>
        <source>Silakan coba lagi.</source>
        <translation>Please try again.</translation>
    </message>
    <message>
        <source>PIN salah. Silakan coba lagi.</source>
        <translation>Wrong PIN. Please try again.</translation>
    </message>
    <message>
        <source>Sesi kasir tidak dapat dibaca. Silakan coba lagi.</source>
        <translation>The till shift could not be read. Please try again.</translation>
    </message>
    <message>
        <source>PIN tidak dapat diperiksa. Silakan coba lagi.</source>
        <translation>The PIN could not be checked. Please try again.</translation>
    </message>
</context>
<context>
    <name>MonthArrows</name>
    <message>
        <source>Bulan sebelumnya</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>Bulan berikutnya</source>
        <translation>Next month</translation>
    </message>
</context>
<context>
    <name>MonthPicker</name>
    <message>
        <source>Januari</source>
        <translation>January</translation>
    </message>
    <message>
        <source>Februari</source>
        <translation>February</translation>
    </message>
    <message>
        <source>Maret</source>
        <translation>March</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>Mei</source>
        <translation>May</translation>
    </message>
    <message>
        <source>Juni</source>
        <translation>June</translation>
    </message>
    <message>
        <source>Juli</source>
        <translation>July</translation>
    </message>
    <message>
        <source>Agustus</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>Oktober</source>
        <translation>October</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>Desember</source>
        <translation>December</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <translation>{month} {year}</translation>
    </message>
</context>
<context>
    <name>NipEntryScreen</name>
    <message>
        <source>Ketik NIP</source>
        <translation>Type NIP</translation>
    </message>
    <message>
        <source>18 angka, seperti tertulis di kartu ASN</source>
        <translation>18 digits, as written on the ASN card</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{count} dari 18 angka</source>
        <translation>{count} of 18 digits</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <source>Transaksi belum tersimpan. Keranjang masih ada — silakan coba lagi.</source>
        <translation>The sale was not saved. The cart is still here — please try again.</translation>
    </message>
    <message>
        <source>Bayar</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Tunai</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Uang diterima</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <source>Kembalian</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Konfirmasi</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Total {amount}</translation>
    </message>
    <message>
        <source>Pembeli: {name}</source>
        <translation>Buyer: {name}</translation>
    </message>
    <message>
        <source>Pembeli umum</source>
        <translation>Public buyer</translation>
    </message>
    <message>
        <source>Uang pas</source>
        <translation>Exact amount</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>PayoutsScreen</name>
    <message>
        <source>Tunai</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Transfer bank</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <source>Dompet digital</source>
        <translation>E-wallet</translation>
    </message>
    <message>
        <source>Salah nominal</source>
        <translation>Wrong amount</translation>
    </message>
    <message>
        <source>Salah UMKM</source>
        <translation>Wrong UMKM</translation>
    </message>
    <message>
        <source>Tercatat ganda</source>
        <translation>Recorded twice</translation>
    </message>
    <message>
        <source>Pembayaran</source>
        <translation>Payout</translation>
    </message>
    <message>
        <source>Panjar</source>
        <translation>Advance</translation>
    </message>
    <message>
        <source>Pembatalan</source>
        <translation>Reversal</translation>
    </message>
    <message>
        <source>Saldo dari bulan lalu</source>
        <translation>Balance from last month</translation>
    </message>
    <message>
        <source>Penjualan {month}</source>
        <translation>Sales {month}</translation>
    </message>
    <message>
        <source>Potongan kios {percent}%</source>
        <translation>Stall fee {percent}%</translation>
    </message>
    <message>
        <source>Hak UMKM</source>
        <translation>Owed to the UMKM</translation>
    </message>
    <message>
        <source>Sudah dibayar bulan ini</source>
        <translation>Paid this month</translation>
    </message>
    <message>
        <source>Saldo {amount}</source>
        <translation>Balance {amount}</translation>
    </message>
    <message>
        <source>Pembayaran UMKM</source>
        <translation>UMKM payouts</translation>
    </message>
    <message>
        <source>‹ Semua UMKM</source>
        <translation>‹ All UMKM</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Pilih UMKM untuk melihat saldonya dan membayarnya.</source>
        <translation>Choose a UMKM to see its balance and pay it.</translation>
    </message>
    <message>
        <source>Riwayat pembayaran</source>
        <translation>Payout history</translation>
    </message>
    <message>
        <source>Bayar UMKM ini</source>
        <translation>Pay this UMKM</translation>
    </message>
    <message>
        <source>{name}
Saldo {amount}</source>
        <translation>{name}
Balance {amount}</translation>
    </message>
    <message>
        <source>Saldo {month}</source>
        <translation>Balances {month}</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Diserahkan lewat</source>
        <translation>Handed over by</translation>
    </message>
    <message>
        <source>Catat pembayaran</source>
        <translation>Record the payout</translation>
    </message>
    <message>
        <source>Ya, catat sebagai panjar</source>
        <translation>Yes, record it as an advance</translation>
    </message>
    <message>
        <source>Saldo sekarang {amount}</source>
        <translation>Balance now {amount}</translation>
    </message>
    <message>
        <source>Panjar {number} {amount} untuk {name} tercatat.</source>
        <translation>Advance {number} of {amount} to {name} recorded.</translation>
    </message>
    <message>
        <source>Pembayaran {number} {amount} untuk {name} tercatat.</source>
        <translation>Payout {number} of {amount} to {name} recorded.</translation>
    </message>
    <message>
        <source>{amount} melebihi saldo {balance}: catat sebagai panjar (dibayar di muka)?</source>
        <translation>{amount} is more than the balance of {balance}: record it as an advance (paid ahead)?</translation>
    </message>
    <message>
        <source>Belum ada pembayaran untuk UMKM ini.</source>
        <translation>No payouts to this UMKM yet.</translation>
    </message>
    <message>
        <source>Pilih pembayaran untuk melihatnya atau membatalkannya.</source>
        <translation>Choose a payout to see it or reverse it.</translation>
    </message>
    <message>
        <source>Alasan pembatalan</source>
        <translation>Reason for the reversal</translation>
    </message>
    <message>
        <source>Batalkan pembayaran</source>
        <translation>Reverse the payout</translation>
    </message>
    <message>
        <source>{kind} {amount}
{day} · {number}</source>
        <translation>{kind} {amount}
{day} · {number}</translation>
    </message>
    <message>
        <source>Pembayaran untuk {name}</source>
        <translation>Payouts to {name}</translation>
    </message>
    <message>
        <source>{kind} {number}</source>
        <translation>{kind} {number}</translation>
    </message>
    <message>
        <source>{amount} · {note} · oleh {by}</source>
        <translation>{amount} · {note} · by {by}</translation>
    </message>
    <message>
        <source>Membatalkan {number}</source>
        <translation>Reverses {number}</translation>
    </message>
    <message>
        <source>Dibatalkan oleh {number}</source>
        <translation>Reversed by {number}</translation>
    </message>
    <message>
        <source>Pembayaran {number} dibatalkan dengan {reversal}.</source>
        <translation>Payout {number} reversed by {reversal}.</translation>
    </message>
</context>
<context>
    <name>PrinterBanner</name>
    <message>
        <source>Printer tidak terhubung — transaksi tetap tersimpan</source>
        <translation>Printer not connected — the sale is still saved</translation>
    </message>
    <message>
        <source>Kertas printer habis — transaksi tetap tersimpan</source>
        <translation>Printer out of paper — the sale is still saved</translation>
    </message>
    <message>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Struk belum pasti tercetak — transaksi tetap tersimpan · {count} struk menunggu</source>
        <translation>Receipt not confirmed — the sale is still saved · receipts waiting: {count}</translation>
    </message>
    <message>
        <source>Kertas printer habis — transaksi tetap tersimpan · {count} struk menunggu</source>
        <translation>Printer out of paper — the sale is still saved · receipts waiting: {count}</translation>
    </message>
    <message>
        <source>Printer tidak terhubung — transaksi tetap tersimpan · {count} struk menunggu</source>
        <translation>Printer not connected — the sale is still saved · receipts waiting: {count}</translation>
    </message>
</context>
<context>
    <name>PrinterScreen</name>
    <message>
        <source>Simpan ke folder (tanpa printer)</source>
        <translation>Save to a folder (no printer)</translation>
    </message>
    <message>
        <source>Jaringan (LAN)</source>
        <translation>Network (LAN)</translation>
    </message>
    <message>
        <source>Tidak ada printer</source>
        <translation>No printer</translation>
    </message>
    <message>
        <source>Ada</source>
        <translation>Loaded</translation>
    </message>
    <message>
        <source>Hampir habis</source>
        <translation>Running low</translation>
    </message>
    <message>
        <source>Habis</source>
        <translation>Out</translation>
    </message>
    <message>
        <source>Tidak dapat diketahui</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Tidak ada, semua tercetak</source>
        <translation>None, all printed</translation>
    </message>
    <message>
        <source>{count} struk</source>
        <translation>{count} waiting</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Sambungan</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Menyala</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Kertas</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Belum tercetak</source>
        <translation>Not yet printed</translation>
    </message>
    <message>
        <source>{profile} · {chars} huruf/baris</source>
        <translation>{profile} · {chars} characters/line</translation>
    </message>
    <message>
        <source>Periksa lagi</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Cetak halaman tes</source>
        <translation>Print test page</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Tidak terhubung</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak (tutup terbuka atau error)</source>
        <translation>No (cover open or error)</translation>
    </message>
    <message>
        <source>Printer tidak terhubung — transaksi tetap tersimpan. Periksa kabel dan daya.</source>
        <translation>Printer not connected — sales are still saved. Check the cable and power.</translation>
    </message>
    <message>
        <source>Status printer tidak dapat diperiksa. Coba lagi.</source>
        <translation>The printer status could not be checked. Try again.</translation>
    </message>
    <message>
        <source>Halaman tes dikirim ke printer.</source>
        <translation>Test page sent to the printer.</translation>
    </message>
    <message>
        <source>Halaman tes tidak dapat dikirim. Coba lagi.</source>
        <translation>The test page could not be sent. Try again.</translation>
    </message>
</context>
<context>
    <name>ProductTile</name>
    <message>
        <source>sisa {left}</source>
        <translation>{left} left</translation>
    </message>
</context>
<context>
    <name>QrisScreen</name>
    <message>
        <source>‹ Batal</source>
        <translation>‹ Cancel</translation>
    </message>
    <message>
        <source>Bayar dengan QRIS</source>
        <translation>Pay with QRIS</translation>
    </message>
    <message>
        <source>CONTOH — bukan pembayaran sungguhan</source>
        <translation>EXAMPLE — not a real payment</translation>
    </message>
    <message>
        <source>Pindai dengan aplikasi e-wallet atau m-banking</source>
        <translation>Scan with an e-wallet or mobile banking app</translation>
    </message>
    <message>
        <source>Petugas: tekan tombol di bawah hanya setelah uang terlihat masuk di aplikasi penjual.</source>
        <translation>Operator: press the button below only after the money shows in the seller&apos;s app.</translation>
    </message>
    <message>
        <source>Uang sudah masuk</source>
        <translation>Money received</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Total {amount}</translation>
    </message>
    <message>
        <source>QRIS belum
diatur</source>
        <translation>QRIS not
set up</translation>
    </message>
    <message>
        <source>QRIS belum diatur di kiosk ini. Silakan bayar tunai.</source>
        <translation>QRIS is not set up on this kiosk. Please pay cash.</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Transaksi belum tersimpan. Coba tekan lagi.</source>
        <translation>The sale was not saved. Try pressing again.</translation>
    </message>
</context>
<context>
    <name>ReceiptNotice</name>
    <message>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Penjualan terakhir (No. {number}, {amount}) sudah tersimpan, tapi struknya mungkin belum tercetak. Cetak ulang?</source>
        <translation>The last sale (No. {number}, {amount}) is saved, but its receipt may not have printed. Reprint it?</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Laporan X (sesi berjalan)</source>
        <translation>X-report (open shift)</translation>
    </message>
    <message>
        <source>Laporan Z (sesi ditutup)</source>
        <translation>Z-report (closed shift)</translation>
    </message>
    <message>
        <source>Slip UMKM</source>
        <translation>UMKM slips</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Hari sebelumnya</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <source>Hari berikutnya</source>
        <translation>Next day</translation>
    </message>
    <message>
        <source>Slip sebelumnya</source>
        <translation>Previous slip</translation>
    </message>
    <message>
        <source>Slip berikutnya</source>
        <translation>Next slip</translation>
    </message>
    <message>
        <source>Cetak semua slip</source>
        <translation>Print all slips</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Laporan tidak dapat dimuat. Coba lagi.</source>
        <translation>The report could not be loaded. Try again.</translation>
    </message>
    <message>
        <source>Sehari penuh</source>
        <translation>Whole day</translation>
    </message>
    <message>
        <source>Sesi {number}</source>
        <translation>Shift {number}</translation>
    </message>
    <message>
        <source>Slip {number} dari {count}</source>
        <translation>Slip {number} of {count}</translation>
    </message>
    <message>
        <source>Tidak ada slip</source>
        <translation>No slips</translation>
    </message>
    <message>
        <source>Cetak slip ini</source>
        <translation>Print this slip</translation>
    </message>
    <message>
        <source>Tidak ada sesi yang sedang buka.</source>
        <translation>No shift is open.</translation>
    </message>
    <message>
        <source>Belum ada sesi yang ditutup pada hari ini.</source>
        <translation>No shift has been closed on this day.</translation>
    </message>
    <message>
        <source>Tidak ada penjualan pada hari ini.</source>
        <translation>There were no sales on this day.</translation>
    </message>
    <message>
        <source>Slip UMKM {name}</source>
        <translation>UMKM slip: {name}</translation>
    </message>
    <message>
        <source>Sesi yang sedang berjalan: tidak ada yang ditutup.</source>
        <translation>The shift that is open now: nothing is closed.</translation>
    </message>
    <message>
        <source>Pilih hari, lalu sesi yang sudah ditutup.</source>
        <translation>Choose a day, then a closed shift.</translation>
    </message>
    <message>
        <source>Pilih hari, lalu sehari penuh atau satu sesi.</source>
        <translation>Choose a day, then the whole day or one shift.</translation>
    </message>
    <message>
        <source>{count} slip dikirim ke printer.</source>
        <translation>{count} slip(s) sent to the printer.</translation>
    </message>
    <message>
        <source>Laporan dikirim ke printer.</source>
        <translation>The report was sent to the printer.</translation>
    </message>
    <message>
        <source>Laporan tidak dapat dikirim ke printer. Coba lagi.</source>
        <translation>The report could not be sent to the printer. Try again.</translation>
    </message>
</context>
<context>
    <name>SaleView</name>
    <message>
        <source>Tunai</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Struk {number}</source>
        <translation>Receipt {number}</translation>
    </message>
    <message>
        <source>{when}
Petugas {operator} · {method}</source>
        <translation>{when}
Operator {operator} · {method}</translation>
    </message>
    <message>
        <source>… dan {count} barang lain</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Total {amount}</translation>
    </message>
    <message>
        <source>Transaksi ini sudah dibatalkan</source>
        <translation>This sale has been voided</translation>
    </message>
</context>
<context>
    <name>SellingScreen</name>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Semua UMKM</source>
        <translation>All UMKM</translation>
    </message>
    <message>
        <source>Makanan</source>
        <translation>Food</translation>
    </message>
    <message>
        <source>Minuman</source>
        <translation>Drinks</translation>
    </message>
    <message>
        <source>Kerajinan</source>
        <translation>Crafts</translation>
    </message>
    <message>
        <source>Pakaian</source>
        <translation>Clothing</translation>
    </message>
    <message>
        <source>Kesehatan</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>Pindai kartu ASN, ketik NIP, atau pilih Pembeli umum dulu.</source>
        <translation>Scan ASN card, type NIP, or choose Public buyer first.</translation>
    </message>
    <message>
        <source>Nominal bebas</source>
        <translation>Custom amount</translation>
    </message>
    <message>
        <source>Stok tercatat habis. Tetap jual?</source>
        <translation>The recorded stock is used up. Sell anyway?</translation>
    </message>
    <message>
        <source>Jangan</source>
        <translation>Don&apos;t</translation>
    </message>
    <message>
        <source>Tetap jual</source>
        <translation>Sell anyway</translation>
    </message>
    <message>
        <source>Daftar produk belum bisa dibuka. Sentuh Nominal bebas untuk tetap berjualan.</source>
        <translation>The product list cannot be opened yet. Touch Custom amount to keep selling.</translation>
    </message>
    <message>
        <source>Pilih UMKM</source>
        <translation>Choose UMKM</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Titipan barang</source>
        <translation>Consigned goods</translation>
    </message>
    <message>
        <source>Nominal bebas: pilih UMKM</source>
        <translation>Amount: choose UMKM</translation>
    </message>
    <message>
        <source>Nominal bebas — {vendor}</source>
        <translation>Custom amount — {vendor}</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Nominal terlalu besar</source>
        <translation>Amount too large</translation>
    </message>
    <message>
        <source>KERANJANG</source>
        <translation>CART</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>BAYAR</source>
        <translation>PAY</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Total {amount}</translation>
    </message>
</context>
<context>
    <name>ShiftCloseScreen</name>
    <message>
        <source>Kembalian salah</source>
        <translation>Wrong change</translation>
    </message>
    <message>
        <source>Penjualan belum dicatat</source>
        <translation>Sale not rung up</translation>
    </message>
    <message>
        <source>Uang keluar tanpa catatan</source>
        <translation>Cash out without a record</translation>
    </message>
    <message>
        <source>Salah hitung</source>
        <translation>Miscounted</translation>
    </message>
    <message>
        <source>Hitung uang di laci</source>
        <translation>Count the cash drawer</translation>
    </message>
    <message>
        <source>Sentuh satu pecahan, lalu ketik jumlah lembarnya.</source>
        <translation>Touch a note, then type how many there are.</translation>
    </message>
    <message>
        <source>Jumlah dihitung</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Jumlah uang koin</source>
        <translation>Coins, as an amount</translation>
    </message>
    <message>
        <source>Lembar {note}</source>
        <translation>{note} notes</translation>
    </message>
    <message>
        <source>Koin
{amount}</source>
        <translation>Coins
{amount}</translation>
    </message>
    <message>
        <source>Jumlah dihitung {amount}</source>
        <translation>Counted {amount}</translation>
    </message>
    <message>
        <source>Pilih alasan selisihnya:</source>
        <translation>Choose the reason for the difference:</translation>
    </message>
    <message>
        <source>Ketik alasan lain</source>
        <translation>Type another reason</translation>
    </message>
    <message>
        <source>Tutup sesi</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <source>Hitung ulang</source>
        <translation>Count again</translation>
    </message>
    <message>
        <source>Periksa sesi {number}</source>
        <translation>Check shift {number}</translation>
    </message>
    <message>
        <source>Alasan: {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <source>Ketik alasan selisih</source>
        <translation>Type the reason for the difference</translation>
    </message>
    <message>
        <source>Pakai alasan ini</source>
        <translation>Use this reason</translation>
    </message>
</context>
<context>
    <name>ShiftDoneScreen</name>
    <message>
        <source>Buka sesi baru</source>
        <translation>Open a new shift</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Cetak lagi</source>
        <translation>Print again</translation>
    </message>
    <message>
        <source>Sesi {number} ditutup</source>
        <translation>Shift {number} closed</translation>
    </message>
    <message>
        <source>dihitung {name}</source>
        <translation>counted by {name}</translation>
    </message>
    <message>
        <source>struk {first} sampai {last}</source>
        <translation>receipts {first} to {last}</translation>
    </message>
    <message>
        <source>tanpa transaksi</source>
        <translation>no sales</translation>
    </message>
    <message>
        <source>Uangnya tidak dihitung.</source>
        <translation>The cash was not counted.</translation>
    </message>
    <message>
        <source>Alasan selisih: {reason}</source>
        <translation>Reason for the difference: {reason}</translation>
    </message>
    <message>
        <source>Mencetak laporan Z…</source>
        <translation>Printing the Z-report…</translation>
    </message>
    <message>
        <source>Laporan Z dan {count} slip UMKM dikirim ke printer.</source>
        <translation>The Z-report and {count} UMKM slip(s) were sent to the printer.</translation>
    </message>
    <message>
        <source>Laporan Z tidak dapat dicetak; tekan Cetak lagi.</source>
        <translation>The Z-report could not be printed; press Print again.</translation>
    </message>
</context>
<context>
    <name>ShiftOpenScreen</name>
    <message>
        <source>Sesi {number} ({operator}, {day}) masih terbuka dan sudah ditutup otomatis; uangnya tidak dihitung.</source>
        <translation>Shift {number} ({operator}, {day}) was still open and has been closed automatically; its cash was not counted.</translation>
    </message>
    <message>
        <source>Buka sesi kasir</source>
        <translation>Open the till</translation>
    </message>
    <message>
        <source>Modal awal</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <source>Tidak ada modal? Biarkan Rp0.</source>
        <translation>No float? Leave it at Rp0.</translation>
    </message>
    <message>
        <source>Buka sesi</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Halo {name}, hitung uang modal di laci lalu ketik jumlahnya.</source>
        <translation>Hello {name}, count the float in the drawer, then type the amount.</translation>
    </message>
    <message>
        <source>Modal awal {amount}</source>
        <translation>Opening float {amount}</translation>
    </message>
</context>
<context>
    <name>ShiftTakeoverScreen</name>
    <message>
        <source>Sesi kasir masih terbuka</source>
        <translation>A till shift is still open</translation>
    </message>
    <message>
        <source>Lanjutkan tanpa menghitung laci, atau tutup sesi itu dulu dan hitung uangnya.</source>
        <translation>Go on without counting the drawer, or close that shift first and count its cash.</translation>
    </message>
    <message>
        <source>Tutup sesi dulu</source>
        <translation>Close it first</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sesi {number} dibuka {opener} pukul {time}.</source>
        <translation>Shift {number} was opened by {opener} at {time}.</translation>
    </message>
    <message>
        <source>Sesi {number} dibuka {opener} pukul {time} dan sekarang dipegang {holder}.</source>
        <translation>Shift {number} was opened by {opener} at {time} and is now held by {holder}.</translation>
    </message>
    <message>
        <source>Lanjutkan sesi {name}</source>
        <translation>Continue {name}&apos;s shift</translation>
    </message>
</context>
<context>
    <name>ShiftWords</name>
    <message>
        <source>Uang di laci pas.</source>
        <translation>The drawer holds exactly what it should.</translation>
    </message>
    <message>
        <source>Uang di laci kurang {amount}.</source>
        <translation>The drawer is {amount} short.</translation>
    </message>
    <message>
        <source>Uang di laci lebih {amount}.</source>
        <translation>The drawer holds {amount} too much.</translation>
    </message>
    <message>
        <source>Modal awal</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <source>Penjualan tunai</source>
        <translation>Cash sales</translation>
    </message>
    <message>
        <source>Pembatalan tunai</source>
        <translation>Cash voids</translation>
    </message>
    <message>
        <source>Uang keluar dari laci</source>
        <translation>Paid out of the drawer</translation>
    </message>
    <message>
        <source>Seharusnya ada</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Dihitung</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>QRIS (cek di aplikasi)</source>
        <translation>QRIS (check in the app)</translation>
    </message>
    <message>
        <source>tidak dihitung</source>
        <translation>not counted</translation>
    </message>
    <message>
        <source>{sales} transaksi, {voids} dibatalkan</source>
        <translation>{sales} sales, {voids} voided</translation>
    </message>
</context>
<context>
    <name>StockDropScreen</name>
    <message>
        <source>Titipan barang hari ini</source>
        <translation>Today&apos;s consigned goods</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>StockEntry</name>
    <message>
        <source>Belum dihitung</source>
        <translation>Not counted</translation>
    </message>
    <message>
        <source>Titip {dropped} · terjual {sold} · sisa {left}</source>
        <translation>Dropped {dropped} · sold {sold} · left {left}</translation>
    </message>
    <message>
        <source>‹ Semua UMKM</source>
        <translation>‹ All UMKM</translation>
    </message>
    <message>
        <source>Pilih UMKM</source>
        <translation>Choose UMKM</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Pilih barangnya dulu.</source>
        <translation>Choose the product first.</translation>
    </message>
    <message>
        <source>Tambah berapa barang</source>
        <translation>How many pieces to add</translation>
    </message>
    <message>
        <source>Titipan hari ini</source>
        <translation>Dropped off today</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>{name}: tambah berapa?</source>
        <translation>{name}: how many to add?</translation>
    </message>
    <message>
        <source>{name}: titipan hari ini</source>
        <translation>{name}: dropped off today</translation>
    </message>
    <message>
        <source>Tercatat: {name}, sisa {left}.</source>
        <translation>Recorded: {name}, {left} left.</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <source>Titipan barang hari ini</source>
        <translation>Today&apos;s consigned goods</translation>
    </message>
</context>
<context>
    <name>SuccessScreen</name>
    <message>
        <source>Struk sedang dicetak…</source>
        <translation>Printing the receipt…</translation>
    </message>
    <message>
        <source>Struk sudah dicetak.</source>
        <translation>Receipt printed.</translation>
    </message>
    <message>
        <source>Struk belum tercetak — sentuh Cetak ulang.</source>
        <translation>Receipt not printed yet — touch Reprint.</translation>
    </message>
    <message>
        <source>Terima kasih</source>
        <translation>Thank you</translation>
    </message>
    <message>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Belanja bulan ini {spent} dari {minimum}</source>
        <translation>Spent this month: {spent} of {minimum}</translation>
    </message>
    <message>
        <source>Kembalian {amount}</source>
        <translation>Change {amount}</translation>
    </message>
    <message>
        <source>No. struk {number}</source>
        <translation>Receipt no. {number}</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Sen</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Sel</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Rab</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Kam</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Jum</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sab</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <source>Mei</source>
        <translation>May</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <source>Agu</source>
        <translation>Aug</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <source>Okt</source>
        <translation>Oct</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <source>Des</source>
        <translation>Dec</translation>
    </message>
    <message>
        <source>{weekday}, {day} {month} {time} WIT</source>
        <translation>{weekday}, {day} {month} {time} WIT</translation>
    </message>
    <message>
        <source>Kode tidak terbaca. Silakan pindai ulang.</source>
        <translation>Code not readable. Please scan again.</translation>
    </message>
    <message>
        <source>Kartu tidak sah. Minta pembeli ketik NIP.</source>
        <translation>Invalid card. Ask the buyer to type their NIP.</translation>
    </message>
    <message>
        <source>Kartu ini bukan kartu Jiku Bata. Minta pembeli ketik NIP.</source>
        <translation>Not a Jiku Bata card. Ask the buyer to type their NIP.</translation>
    </message>
    <message>
        <source>Hanya kartu Jiku Bata yang diterima di sini.</source>
        <translation>Only Jiku Bata cards are accepted here.</translation>
    </message>
    <message>
        <source>Kode ini bukan kartu ASN. Pindai kartu ASN atau ketik NIP.</source>
        <translation>Not an ASN card. Scan an ASN card or type the NIP.</translation>
    </message>
    <message>
        <source>Kode ini berisi lebih dari satu NIP. Silakan ketik NIP.</source>
        <translation>This code holds more than one NIP. Please type the NIP.</translation>
    </message>
    <message>
        <source>Kode kartu rusak atau tidak lengkap. Pindai ulang atau ketik NIP.</source>
        <translation>Card code damaged or incomplete. Scan again or type the NIP.</translation>
    </message>
    <message>
        <source>Kartu tidak dapat dibaca. Pindai ulang atau ketik NIP.</source>
        <translation>Card not readable. Scan again or type the NIP.</translation>
    </message>
    <message>
        <source>NIP harus 18 angka.</source>
        <translation>NIP must be 18 digits.</translation>
    </message>
    <message>
        <source>Tanggal lahir pada NIP tidak valid.</source>
        <translation>Invalid birth date in the NIP.</translation>
    </message>
    <message>
        <source>NIP ini diblokir karena kartunya dilaporkan hilang; silakan hubungi admin.</source>
        <translation>This NIP is blocked because its card was reported lost; please ask the admin.</translation>
    </message>
    <message>
        <source>Angka ke-15 NIP harus 1 atau 2.</source>
        <translation>NIP digit 15 must be 1 or 2.</translation>
    </message>
    <message>
        <source>NIP tidak valid. Periksa kembali.</source>
        <translation>Invalid NIP. Please check it.</translation>
    </message>
    <message>
        <source>{weekday}, {day} {month} {year} {time} WIT</source>
        <translation>{weekday}, {day} {month} {year} {time} WIT</translation>
    </message>
    <message>
        <source>Tidak terdaftar — belanja tetap dicatat</source>
        <translation>Not registered — purchase still recorded</translation>
    </message>
    <message>
        <source>Dikecualikan bulan ini</source>
        <translation>Exempt this month</translation>
    </message>
    <message>
        <source>Bulan ini {spent} / {minimum} — memenuhi</source>
        <translation>This month {spent} / {minimum} — met</translation>
    </message>
    <message>
        <source>Bulan ini {spent} / {minimum} — kurang {shortfall}</source>
        <translation>This month {spent} / {minimum} — short {shortfall}</translation>
    </message>
    <message>
        <source>Setelah belanja ini: {spent} dari {minimum} — memenuhi</source>
        <translation>After this purchase: {spent} of {minimum} — met</translation>
    </message>
    <message>
        <source>Setelah belanja ini: {spent} dari {minimum} — kurang {shortfall}</source>
        <translation>After this purchase: {spent} of {minimum} — short {shortfall}</translation>
    </message>
    <message>
        <source>Terima kasih telah berbelanja produk UMKM Ambon.</source>
        <translation>Thank you for buying from Ambon&apos;s UMKM.</translation>
    </message>
    <message>
        <source>Kewajiban bulan ini sudah terpenuhi</source>
        <translation>This month&apos;s obligation is met</translation>
    </message>
    <message>
        <source>Bulan ini Anda dikecualikan</source>
        <translation>You are exempt this month</translation>
    </message>
    <message>
        <source>NIP tidak terdaftar — belanja tetap dicatat</source>
        <translation>NIP not registered — purchase still recorded</translation>
    </message>
    <message>
        <source>Kurang {shortfall} lagi</source>
        <translation>Still short by {shortfall}</translation>
    </message>
    <message>
        <source>NIP tidak terdaftar</source>
        <translation>NIP not registered</translation>
    </message>
    <message>
        <source>Tidak ada di daftar ASN</source>
        <translation>Not on the ASN list</translation>
    </message>
</context>
<context>
    <name>VoidScreen</name>
    <message>
        <source>Salah input</source>
        <translation>Wrong entry</translation>
    </message>
    <message>
        <source>Pembeli batal</source>
        <translation>Buyer cancelled</translation>
    </message>
    <message>
        <source>Pembayaran gagal</source>
        <translation>Payment failed</translation>
    </message>
    <message>
        <source>Barang habis</source>
        <translation>Out of stock</translation>
    </message>
    <message>
        <source>Transaksi ganda</source>
        <translation>Duplicate sale</translation>
    </message>
    <message>
        <source>Cetak ulang struk</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <source>Batalkan transaksi</source>
        <translation>Void a sale</translation>
    </message>
    <message>
        <source>Nomor struk</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>Cari struk</source>
        <translation>Find receipt</translation>
    </message>
    <message>
        <source>Ketik nomor pada struk, lalu tekan Cari struk.</source>
        <translation>Type the receipt number, then press Find receipt.</translation>
    </message>
    <message>
        <source>Alasan pembatalan</source>
        <translation>Reason for voiding</translation>
    </message>
    <message>
        <source>Batalkan transaksi ini</source>
        <translation>Void this sale</translation>
    </message>
    <message>
        <source>Struk {number} tidak ditemukan. Periksa nomornya.</source>
        <translation>Receipt {number} not found. Check the number.</translation>
    </message>
    <message>
        <source>Struk {number} sudah dibatalkan sebelumnya.</source>
        <translation>Receipt {number} was already voided.</translation>
    </message>
    <message>
        <source>Transaksi {number} dibatalkan. Slip pembatalan dicetak.</source>
        <translation>Sale {number} voided. The void slip is printing.</translation>
    </message>
    <message>
        <source>Salinan struk {number} dikirim ke printer.</source>
        <translation>Copy of receipt {number} sent to the printer.</translation>
    </message>
    <message>
        <source>Transaksi ini sudah dibatalkan sebelumnya.</source>
        <translation>This sale was already voided.</translation>
    </message>
</context>
</TS>
