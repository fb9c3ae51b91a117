import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Khôi phục cơ sở dữ liệu từ bản sao lưu (restore from a backup; the replaced file is kept aside).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Bản sao lưu (backup file)") var file: String
    @Flag(help: "Đồng ý thay thế dữ liệu hiện có, không hỏi (replace without asking)") var yes = false

    struct Done: JSONRow { let restoredFrom: String; let database: String; let keptAside: String? }

    func run() throws {
        try runReporting(global) { lang in
            let source = try healthyBackup()
            let target = try global.databasePath()
            guard URL(fileURLWithPath: file).standardizedFileURL != URL(fileURLWithPath: target).standardizedFileURL else {
                throw FieldError(field: "file", label: Localized(vi: "Bản sao lưu", en: "Backup"),
                                 problem: Localized(vi: "trùng với chính cơ sở dữ liệu", en: "is the database itself"))
            }
            var aside: String?
            if FileManager.default.fileExists(atPath: target) {
                let now = VietnamTime.local(try global.clock().now())
                let stamp = String(format: "%@-%02d%02d%02d", now.date.iso.replacingOccurrences(of: "-", with: ""), now.hour, now.minute, now.second)
                let keep = target + ".before-restore-" + stamp
                try confirm(target: target, aside: keep, lang: lang)
                try RestoreSteps.replace(target, with: source, keepingAside: keep)
                aside = keep
            } else {
                try source.backup(to: target)
            }
            if global.json {
                Output.print(Output.json(Done(restoredFrom: file, database: target, keptAside: aside)))
            } else {
                Output.print(lang == .vi ? "Đã khôi phục \(target) từ \(file)." : "Restored \(target) from \(file).")
                if let aside { Output.print(lang == .vi ? "Tệp cũ được giữ ở \(aside)." : "The replaced file is kept as \(aside).") }
            }
        }
    }

    /// The backup must open as a motcua database and pass the same check as `motcua check`.
    private func healthyBackup() throws -> AppDatabase {
        let refuse = { (why: Localized) in
            StoreError("Không khôi phục: bản sao lưu '\(file)' không dùng được: \(why.vi)",
                       "Not restored: the backup '\(file)' cannot be used: \(why.en)")
        }
        guard FileManager.default.fileExists(atPath: file) else {
            throw refuse(Localized(vi: "không có tệp này", en: "no such file"))
        }
        let source: AppDatabase
        let problems: [String]
        do {
            source = try AppDatabase(path: file, readOnly: true)
            problems = try source.check()
        } catch let e as StoreError where e.fault == .damaged {
            // The store's own advice ("restore a backup into it") is about a desk's file; here
            // the damaged file is the backup itself.
            throw refuse(Localized(vi: "bản sao lưu này bị hỏng; hãy chọn một bản sao lưu khác (motcua check --db TỆP cho biết bản nào dùng được)",
                                   en: "this backup is damaged; choose another backup (motcua check --db FILE tells which can be used)"))
        } catch let e as StoreError {
            // Not a motcua file, a missing one …: said of the backup, not of --db.
            throw refuse(Localized(vi: e.message.vi.replacingOccurrences(of: "--db: ", with: ""),
                                   en: e.message.en.replacingOccurrences(of: "--db: ", with: "")))
        }
        guard problems.isEmpty else { throw refuse(Localized(vi: problems.joined(separator: "; "), en: problems.joined(separator: "; "))) }
        return source
    }

    /// `--yes`, or a "có" typed at a terminal; a script without `--yes` is refused (exit 3).
    private func confirm(target: String, aside: String, lang: Language) throws {
        if yes { return }
        let question = Localized(
            vi: "Thay toàn bộ dữ liệu trong '\(target)' bằng bản sao lưu '\(file)'? Tệp hiện tại được giữ ở '\(aside)'.",
            en: "Replace all data in '\(target)' with the backup '\(file)'? The current file is kept as '\(aside)'.")
        guard isatty(STDIN_FILENO) == 1 else {
            fail(question.text(lang) + (lang == .vi ? " Thêm --yes để đồng ý." : " Add --yes to agree."), field: "yes",
                 options: global, code: ExitStatus.needsConfirmation)
        }
        FileHandle.standardError.write(Data((question.text(lang) + (lang == .vi ? " [c/K] " : " [y/N] ")).utf8))
        let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard ["c", "có", "co", "y", "yes"].contains(answer) else {
            // The clerk's own "no" is an answer, not an error: said plainly, exit 3 as unanswered.
            FileHandle.standardError.write(Data(((lang == .vi ? "Không khôi phục; dữ liệu giữ nguyên." : "Not restored; the data is unchanged.") + "\n").utf8))
            Foundation.exit(ExitStatus.needsConfirmation)
        }
    }
}

/// How the desk's file is replaced, by its state.
enum RestoreSteps {
    static func replace(_ target: String, with source: AppDatabase, keepingAside aside: String) throws {
        let current: AppDatabase
        do {
            current = try AppDatabase(path: target)
        } catch let e as StoreError where e.fault == .damaged {
            // A damaged file cannot be copied through SQLite: it is moved aside as it is (with
            // its WAL, which may hold the last changes), and the backup becomes the file.
            try moveAside(target, to: aside)
            try source.backup(to: target)
            return
        }
        // A healthy file stays open for the other desks: its copy is set aside through SQLite,
        // then its content is replaced in one transaction.
        try current.backup(to: aside)
        try current.replaceContents(with: source)
    }

    private static func moveAside(_ target: String, to aside: String) throws {
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: target + suffix) {
            guard rename(target + suffix, aside + suffix) == 0 else {
                throw StoreError("Không đổi tên được '\(target + suffix)'", "Cannot rename '\(target + suffix)'", databaseFailure: true)
            }
        }
        try? FileManager.default.removeItem(atPath: target + "-shm")
    }
}
