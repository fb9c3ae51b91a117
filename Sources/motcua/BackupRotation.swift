import Foundation
import MotCuaCore

/// Daily backups in one folder, for cron: `<database name>-YYYY-MM-DD.sqlite`, the newest N
/// kept. Only files of that exact pattern are ever removed, so other files in the folder (and
/// another desk's backups, whose database has another name) are left alone.
struct BackupRotation {
    let folder: String
    /// The database file's name without `.sqlite`: `motcua` for `motcua.sqlite`.
    let stem: String

    init(folder: String, databasePath: String) {
        self.folder = folder
        stem = URL(fileURLWithPath: databasePath).deletingPathExtension().lastPathComponent
    }

    func fileName(on day: LocalDate) -> String { "\(stem)-\(day.iso).sqlite" }
    func path(on day: LocalDate) -> String { URL(fileURLWithPath: folder).appendingPathComponent(fileName(on: day)).path }

    /// The day a file name stands for, when it is one of ours.
    func day(of name: String) -> LocalDate? {
        let prefix = stem + "-", suffix = ".sqlite"
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let middle = name.dropFirst(prefix.count).dropLast(suffix.count)
        guard middle.count == 10 else { return nil }
        return LocalDate(iso: String(middle))
    }

    /// The backups beyond the newest `keep`, oldest last: the ones to remove.
    func surplus(in names: [String], keep: Int) -> [String] {
        let ours = names.compactMap { name in day(of: name).map { (name, $0) } }.sorted { $0.1 > $1.1 }
        return ours.dropFirst(keep).map(\.0)
    }
}
