import GRDB
import Foundation
import MotCuaCore

/// Slips on disk, and sending them to the desk's printer.
///
/// Each slip is written to a `slips/` folder beside the database (`<code>-<form>.txt`, the
/// register as `.csv`), atomically, before anything is printed: the paper copy can fail, the
/// file stays. Printing runs the desk profile's `printCommand` as an argument list with the
/// file's path appended, never through a shell; its output is captured (kept off the desk's
/// ncurses screen) and it is stopped after a timeout.
public enum SlipFiles {
    /// `…/slips` beside the database file.
    public static func folder(databasePath: String) -> URL {
        URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("slips", isDirectory: true)
    }

    /// `XPH-261125-007-receipt.txt`; `-ascii` before the extension for the ASCII variant. Only
    /// letters, digits, `-` and `_` reach the name.
    public static func fileName(code: String, form: String, ascii: Bool = false, ext: String = "txt") -> String {
        let safe = String(String.UnicodeScalarView((code + "-" + form).unicodeScalars.map { s in
            (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_")) ? s : "_"
        }))
        return safe + (ascii ? "-ascii" : "") + "." + ext
    }

    /// Writes `text` (UTF-8) to `slips/<name>` beside the database, atomically (a temporary file
    /// renamed into place), creating the folder. Returns the file's path.
    @discardableResult
    public static func save(_ text: String, name: String, databasePath: String) throws -> String {
        let dir = folder(databasePath: databasePath)
        let url = dir.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw StoreError("Không ghi được tệp phiếu '\(url.path)': \(error.localizedDescription)",
                             "Cannot write the slip file '\(url.path)': \(error.localizedDescription)")
        }
        return url.path
    }
}

/// The desk's print command: parsed from what the supervisor types, and run on a slip file.
public enum PrintCommand {
    /// Splits on spaces; double quotes group an argument with spaces (`lp -d "Quầy 1"`), and
    /// `\"` inside quotes is a quote. An unclosed quote or an empty command is an error.
    public static func parse(_ raw: String) throws -> [String] {
        let label = Localized(vi: "Lệnh in", en: "Print command")
        var args: [String] = []
        var current = ""
        var inQuotes = false, started = false
        var chars = Array(raw)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\\", chars.first == "\"" { current.append("\""); chars.removeFirst() } else if c == "\"" { inQuotes = false } else { current.append(c) }
            } else if c == "\"" {
                inQuotes = true; started = true
            } else if c == " " || c == "\t" {
                if started { args.append(current); current = ""; started = false }
            } else {
                current.append(c); started = true
            }
        }
        if inQuotes {
            throw FieldError(field: "print_command", label: label,
                             problem: Localized(vi: "thiếu dấu ngoặc kép đóng trong '\(raw)'", en: "unclosed double quote in '\(raw)'"))
        }
        if started { args.append(current) }
        guard let first = args.first, !first.isEmpty else {
            throw FieldError(field: "print_command", label: label,
                             problem: Localized(vi: "trống; ví dụ: lp -d quay1", en: "is empty; e.g. lp -d quay1"))
        }
        if let bad = args.joined().unicodeScalars.first(where: VietnameseText.isForbidden) {
            throw FieldError(field: "print_command", label: label,
                             problem: Localized(vi: "có ký tự điều khiển (U+\(String(bad.value, radix: 16, uppercase: true)))",
                                                en: "contains a control character (U+\(String(bad.value, radix: 16, uppercase: true)))"))
        }
        return args
    }

    /// The command as a person would type it back (for messages).
    public static func display(_ args: [String]) -> String {
        args.map { $0.contains(" ") || $0.isEmpty ? "\"\($0)\"" : $0 }.joined(separator: " ")
    }

    /// What the printer program said.
    public struct Outcome: Sendable, Hashable {
        public var status: Int32
        public var output: String
    }

    /// Runs `command + [file]` and waits at most `timeout` seconds. Throws a `StoreError` naming
    /// the command when it is not found, cannot start, times out or exits non-zero (with what
    /// it wrote on stderr). `environment` defaults to this process's (its `PATH` finds the program).
    @discardableResult
    public static func run(_ command: [String], file: String, timeout: Double = 30,
                           environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Outcome {
        guard let program = command.first, !program.isEmpty else {
            throw StoreError("Chưa cài đặt lệnh in; dùng 'motcua setup --print-command \"lp -d quay1\"'. Tệp phiếu vẫn được lưu: \(file)",
                             "No print command is set; use 'motcua setup --print-command \"lp -d quay1\"'. The slip file is saved: \(file)")
        }
        let shown = display(command)
        guard let executable = resolve(program, path: environment["PATH"] ?? "/usr/bin:/bin") else {
            throw StoreError("Không tìm thấy lệnh in '\(program)' (lệnh: \(shown)); kiểm tra máy in đã cài chưa. Tệp phiếu vẫn được lưu: \(file)",
                             "Print command '\(program)' not found (command: \(shown)); check the printer is installed. The slip file is saved: \(file)")
        }
        // posix_spawn (ChildProcess), not Foundation's Process: a crash in Process.run would take
        // the clerk's desk down while printing.
        let p: ChildProcess
        do {
            p = try ChildProcess(executable, Array(command.dropFirst()) + [file], environment: environment, stdout: .pipe, stderr: .pipe)
        } catch {
            throw StoreError("Không chạy được lệnh in '\(shown)': \(error). Tệp phiếu vẫn được lưu: \(file)",
                             "Cannot run the print command '\(shown)': \(error). The slip file is saved: \(file)")
        }
        if !p.wait(seconds: timeout) {
            p.terminate()
            if !p.wait(seconds: 2) {
                kill(p.pid, SIGKILL)
                _ = p.wait(seconds: 2)
            }
            throw StoreError("Lệnh in '\(shown)' không xong sau \(Int(timeout)) giây và đã bị dừng. Tệp phiếu vẫn được lưu: \(file)",
                             "The print command '\(shown)' did not finish in \(Int(timeout)) s and was stopped. The slip file is saved: \(file)")
        }
        let output = [p.stdoutReader, p.stderrReader].compactMap { $0?.text(waiting: 2) }.joined(separator: "\n")
        let said = output.trimmingCharacters(in: .whitespacesAndNewlines)
        let tail = String(said.suffix(300))
        guard p.terminationStatus == 0 else {
            let detail = tail.isEmpty ? "" : ": \(tail)"
            throw StoreError("Lệnh in '\(shown)' báo lỗi (mã \(p.terminationStatus))\(detail). Tệp phiếu vẫn được lưu: \(file)",
                             "The print command '\(shown)' failed (exit \(p.terminationStatus))\(detail). The slip file is saved: \(file)")
        }
        return Outcome(status: 0, output: said)
    }

    /// `program` itself when it has a `/`, else the first executable of that name on `path`.
    static func resolve(_ program: String, path: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/" + program
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// What the slips are made from, read from the store.
extension DeskStore {
    /// The dossier `code` with its applicant, events, the desk profile and its due date (with the
    /// provisional mark), for a slip issued at `issuedAt`.
    public func slipContext(code: String, issuedAt: Date, calendar: WorkingCalendar, clerk: String? = nil) throws -> SlipContext {
        guard let d = try dossier(code: code) else {
            throw FieldError(field: "code", label: Localized(vi: "Mã hồ sơ", en: "Dossier code"),
                             problem: Localized(vi: "không có hồ sơ '\(code)'; xem lại mã trên giấy hẹn",
                                                en: "no dossier '\(code)'; check the code on the receipt"))
        }
        let p = try profile()
        let due = DueDateRule.due(of: d, procedure: try procedure(of: d), calendar: calendar, profile: p)
        return SlipContext(dossier: d, applicant: try d.applicantId.flatMap { try applicant(id: $0) }, profile: p,
                           events: try events(entity: "dossier", key: d.code), due: due, issuedAt: issuedAt, clerk: clerk)
    }
}

extension AppDatabase {
    /// The register's lines: dossiers received from `from` through `through` (Vietnam days), in
    /// order of receipt. Three reads whatever the count, each on an index: the period's dossiers
    /// (`dossiers_received`), their applicants, and their hand-overs to processing
    /// (`events_entity`) — never the years before, never one read per dossier.
    public func registerEntries(from: LocalDate, through: LocalDate) throws -> [RegisterCSV.Entry] {
        try read { db in
            let list = try Row.fetchAll(db, sql: """
                SELECT * FROM dossiers WHERE received_at >= ? AND received_at < ? ORDER BY received_at, code
                """, arguments: [Timestamp.startOf(from), Timestamp.startOf(through.adding(days: 1))]).map(DossierRow.decode)
            var applicants: [Int64: Applicant] = [:]
            var sends: [String: [AuditEvent]] = [:]
            // In chunks: SQLite limits the number of bound values in one statement.
            let ids = Array(Set(list.compactMap(\.applicantId)))
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for r in try Row.fetchAll(db, sql: "SELECT * FROM applicants WHERE id IN (\(marks))", arguments: StatementArguments(chunk)) {
                    let a = ApplicantRow.decode(r)
                    if let id = a.id { applicants[id] = a }
                }
            }
            let codes = list.map(\.code)
            for chunk in stride(from: 0, to: codes.count, by: 500).map({ Array(codes[$0..<min($0 + 500, codes.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for r in try Row.fetchAll(db, sql: """
                    SELECT * FROM events WHERE entity = 'dossier' AND entity_key IN (\(marks)) AND action IN ('send', 'process') AND undone_by IS NULL
                    ORDER BY id
                    """, arguments: StatementArguments(chunk)) {
                    let e = try EventRow.decode(r)
                    sends[e.entityKey, default: []].append(e)
                }
            }
            return list.map { d in
                RegisterCSV.Entry(dossier: d, applicant: d.applicantId.flatMap { applicants[$0] }, events: sends[d.code] ?? [])
            }
        }
    }
}
