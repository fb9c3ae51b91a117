import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Sao lưu cơ sở dữ liệu khi các quầy vẫn làm việc (online backup; the copy is checked).",
        discussion: "motcua backup FILE · motcua backup --dir DIR --keep N (daily, for cron: DIR/<name>-YYYY-MM-DD.sqlite)")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Tệp sao lưu (backup file)") var file: String?
    @Option(help: "Thư mục sao lưu hằng ngày (daily backups folder)") var dir: String?
    @Option(help: "Số bản mới nhất giữ lại trong --dir (keep the newest N), 1–3650") var keep: Int = 7
    @Flag(help: "Ghi đè FILE nếu đã có (overwrite an existing FILE)") var force = false

    struct Done: JSONRow { let file: String; let bytes: Int; let removed: [String] }

    func run() throws {
        try runReporting(global) { lang in
            let target = try destination()
            // Read-only: a backup writes nothing to the desk's file, and works from a read-only place.
            let db = try global.openExistingSQLite(readOnly: true)
            guard URL(fileURLWithPath: target.path).standardizedFileURL != URL(fileURLWithPath: db.path).standardizedFileURL else {
                throw FieldError(field: "file", label: Localized(vi: "Tệp sao lưu", en: "Backup file"),
                                 problem: Localized(vi: "trùng với chính cơ sở dữ liệu", en: "is the database itself"))
            }
            try db.backup(to: target.path)
            var removed: [String] = []
            if let rotation = target.rotation {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: rotation.folder)) ?? []
                // The copy just made is never removed, even when the PC's clock is behind and it
                // sorts oldest (a trial: a dead CMOS battery would delete each night's backup).
                let made = URL(fileURLWithPath: target.path).lastPathComponent
                for name in rotation.surplus(in: names.filter { $0 != made }, keep: max(0, keep - 1)) {
                    let old = URL(fileURLWithPath: rotation.folder).appendingPathComponent(name).path
                    if (try? FileManager.default.removeItem(atPath: old)) != nil {
                        removed.append(old)
                        // SQLite's companions of a copy someone opened (check, restore) go with it.
                        for suffix in ["-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: old + suffix) }
                    }
                }
            }
            let bytes = ((try? FileManager.default.attributesOfItem(atPath: target.path))?[.size] as? NSNumber)?.intValue ?? 0
            if global.json {
                Output.print(Output.json(Done(file: target.path, bytes: bytes, removed: removed)))
            } else {
                Output.print(lang == .vi ? "Đã sao lưu vào \(target.path) (\(bytes / 1024) KB, đã kiểm tra)."
                                         : "Backed up to \(target.path) (\(bytes / 1024) KB, checked).")
                for old in removed { Output.print(lang == .vi ? "Đã xóa bản cũ: \(old)" : "Removed old backup: \(old)") }
            }
        }
    }

    /// FILE, or today's name in --dir (a second run the same day replaces that day's copy).
    private func destination() throws -> (path: String, rotation: BackupRotation?) {
        let label = Localized(vi: "Sao lưu", en: "Backup")
        switch (file, dir) {
        case (let file?, nil):
            guard !file.isEmpty else {
                throw FieldError(field: "file", label: label, problem: Localized(vi: "cần tên tệp sao lưu", en: "needs a backup file name"))
            }
            // A folder that is not there (an unmounted USB stick) is said as such, not as read-only.
            let parent = URL(fileURLWithPath: file).deletingLastPathComponent().path
            var parentIsDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: parent, isDirectory: &parentIsDir), parentIsDir.boolValue else {
                throw FieldError(field: "file", label: label,
                                 problem: Localized(vi: "thư mục '\(parent)' không tồn tại (chưa cắm USB?)", en: "folder '\(parent)' does not exist (USB stick not mounted?)"))
            }
            if FileManager.default.fileExists(atPath: file) && !force {
                throw FieldError(field: "file", label: label,
                                 problem: Localized(vi: "'\(file)' đã có; thêm --force để ghi đè", en: "'\(file)' exists; add --force to overwrite it"))
            }
            return (file, nil)
        case (nil, let dir?):
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                throw FieldError(field: "dir", label: label,
                                 problem: Localized(vi: "thư mục '\(dir)' không tồn tại", en: "folder '\(dir)' does not exist"))
            }
            guard (1...3650).contains(keep) else {
                throw FieldError(field: "keep", label: Localized(vi: "--keep", en: "--keep"),
                                 problem: Localized(vi: "\(keep) không hợp lệ; từ 1 đến 3650", en: "\(keep) is not valid; 1 to 3650"))
            }
            let rotation = BackupRotation(folder: dir, databasePath: try global.databasePath())
            let today = VietnamTime.local(try global.clock().now()).date
            return (rotation.path(on: today), rotation)
        case (nil, nil):
            throw FieldError(field: "file", label: label,
                             problem: Localized(vi: "cần nơi ghi: một tệp (motcua backup TỆP) hoặc một thư mục (--dir THƯ-MỤC --keep N)",
                                                en: "needs where to write: a file (motcua backup FILE) or a folder (--dir DIR --keep N)"))
        default:
            throw FieldError(field: "file", label: label,
                             problem: Localized(vi: "cho một tệp (motcua backup TỆP) hoặc một thư mục (--dir THƯ-MỤC), không cả hai",
                                                en: "give a file (motcua backup FILE) or a folder (--dir DIR), not both"))
        }
    }
}
