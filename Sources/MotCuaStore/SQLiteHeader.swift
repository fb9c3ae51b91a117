import Foundation

/// The first 100 bytes of an SQLite file (https://sqlite.org/fileformat.html#the_database_header):
/// enough to see that a copy was cut short before SQLite reads a page past its end.
struct SQLiteHeader {
    let pageSize: Int
    /// The size in pages the file had at its last commit, when the header vouches for it
    /// (its change counter equals its "version valid for" number).
    let pageCount: Int?

    init?(_ bytes: Data) {
        guard bytes.count >= 100 else { return nil }
        let b = [UInt8](bytes.prefix(100))
        func u32(_ at: Int) -> Int { Int(b[at]) << 24 | Int(b[at + 1]) << 16 | Int(b[at + 2]) << 8 | Int(b[at + 3]) }
        let raw = Int(b[16]) << 8 | Int(b[17])
        pageSize = raw == 1 ? 65536 : raw
        guard pageSize >= 512 else { return nil }
        pageCount = u32(24) == u32(92) && u32(28) > 0 ? u32(28) : nil
    }

    /// Shorter than its header says. Only judged with no `-wal` beside it: with one, a writer
    /// may be checkpointing right now (page 1 written before the pages that grow the file).
    func isTruncated(fileSize: Int, path: String) -> Bool {
        guard let pageCount, !FileManager.default.fileExists(atPath: path + "-wal") else { return false }
        return fileSize < pageCount * pageSize
    }
}
