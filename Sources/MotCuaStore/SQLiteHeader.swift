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

    /// Whether the file at `path` is shorter than its header says, judged the same way twice, a
    /// moment apart, each time reading the header before the size. Another desk checkpointing
    /// writes page 1 (the new page count) before the pages that grow the file, and removes its
    /// `-wal` when it closes: one look taken across that moment read a healthy file as cut short
    /// (two desk processes writing at once, in a test). A cut copy stays cut.
    static func looksTruncated(path: String) -> Bool {
        func once() -> Bool {
            // No -wal before and after the look: no writer was checkpointing across it.
            let wal = path + "-wal"
            guard !FileManager.default.fileExists(atPath: wal), let handle = FileHandle(forReadingAtPath: path) else { return false }
            let bytes = handle.readData(ofLength: 100)
            try? handle.close()
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            return SQLiteHeader(bytes)?.isTruncated(fileSize: size, path: path) == true && !FileManager.default.fileExists(atPath: wal)
        }
        guard once() else { return false }
        usleep(200_000)
        return once()
    }
}
