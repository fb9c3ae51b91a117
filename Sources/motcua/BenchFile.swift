import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTUI

/// `motcua bench --seed FILE --years 10 [--scale 0.1]` builds a file of years of history;
/// `motcua bench --db FILE` measures the desk on it. Figures are printed, never asserted.
enum BenchFile {
    /// The people of the seeded history: the demo's names, with a rare name now and then so a
    /// search for it ("ich khiem") has a handful of matches among a million rows.
    static func person(_ rng: inout SeededRandom) -> SeedPerson {
        var p = DemoData.name(&rng)
        if Int.random(in: 0..<200_000, using: &rng) == 0 { p.name = "Phan Ích Khiêm" }
        let phone: String? = Int.random(in: 0..<10, using: &rng) < 7 ? DemoData.phone(&rng) : nil
        return SeedPerson(name: p.name, idNumber: DemoData.cccd(&rng, female: p.female), phone: phone,
                          address: DemoData.address(&rng))
    }

    static func seed(path: String, years: Int, scale: Double, today: LocalDate) throws {
        if FileManager.default.fileExists(atPath: path) {
            throw StoreError("--seed: tệp '\(path)' đã có; chọn tên khác hoặc xoá nó trước",
                             "--seed: '\(path)' already exists; choose another name or remove it first")
        }
        let db = try AppDatabase(path: path)
        let started = DispatchTime.now().uptimeNanoseconds
        let counts = try db.seedHistory(years: years, scale: scale, today: today, calendar: WorkingCalendar(), person: person) { line in
            print("  " + line)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        print(String(format: "seeded %@ in %.0f s: %d dossiers (%d open, %d overdue), %d tickets, %d applicants, %d events; %.0f MiB",
                     path, seconds, counts.dossiers, counts.open, counts.overdue, counts.tickets, counts.applicants, counts.events,
                     Double(size) / 1_048_576))
    }

    // MARK: measuring

    struct Stats {
        var samples: [Double] = []   // milliseconds
        mutating func add(_ ms: Double) { samples.append(ms) }
        func percentile(_ p: Double) -> Double {
            guard !samples.isEmpty else { return 0 }
            let sorted = samples.sorted()
            let i = min(sorted.count - 1, Int((p * Double(sorted.count - 1)).rounded(.up)))
            return sorted[i]
        }
    }

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    /// Each prefix of `text` as the clerk types it, one search per key.
    static func keystrokes(_ text: String) -> [String] {
        (1...text.count).map { String(text.prefix($0)) }
    }

    static func line(_ label: String, _ s: Stats, floor: Double? = nil, note: String = "") {
        var out = CellWidth.pad(label, toCells: 44) + String(format: "p50 %9.2f ms  p99 %9.2f ms", s.percentile(0.5), s.percentile(0.99))
        if let floor { out += String(format: "  sqlite3 %8.2f ms  ×%.1f", floor, floor > 0 ? s.percentile(0.5) / floor : 0) }
        if !note.isEmpty { out += "  " + note }
        print(out)
    }

    /// The same SQL through the `sqlite3` program on the same file: the floor, as the median
    /// over `runs` of the CPU time (user + sys, µs resolution) `.timer on` reports per statement.
    static func sqliteFloor(_ path: String, _ sqls: [String], runs: Int = 15) -> Double? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = ["-readonly", path]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let body = sqls.map { $0.hasSuffix(";") ? $0 : $0 + ";" }.joined(separator: "\n")
        let script = ".timer on\n.output /dev/null\n" + String(repeating: body + "\n", count: runs)
        // Written from another thread: the rows and timings come back while the script goes in.
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async {
            writer.write(Data(script.utf8))
            try? writer.close()
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        // "Run Time: real 0.002 user 0.001234 sys 0.000100"
        let times: [Double] = text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("Run Time:") else { return nil }
            let f = line.split(separator: " ")
            guard let u = f.firstIndex(of: "user"), let sy = f.firstIndex(of: "sys"), u + 1 < f.count, sy + 1 < f.count,
                  let user = Double(f[u + 1]), let sys = Double(f[sy + 1]) else { return nil }
            return (user + sys) * 1000
        }
        guard times.count >= sqls.count * runs else { return nil }
        var perRun = Stats()
        for r in 0..<runs { perRun.add(times[(r * sqls.count)..<((r + 1) * sqls.count)].reduce(0, +)) }
        return perRun.percentile(0.5)
    }

    static func measure(path: String, today: LocalDate) throws {
        let calendar = WorkingCalendar()
        let now = VietnamTime.instant(LocalDateTime(date: today, hour: 9, minute: 30))
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        print(String(format: "motcua bench on %@ (%.0f MiB), today %@", path, Double(size) / 1_048_576, today.iso))

        // A file from an older version is brought up to date once (the search index is built
        // here): timed, then every figure below is read-only.
        let upgrade = try time { _ = try AppDatabase(path: path) }
        print(String(format: "open for writing (runs any pending migration) %10.0f ms", upgrade))

        // Start to the first full desk screen: open, read the queue, draw 80×24.
        var start = Stats()
        for _ in 0..<5 {
            start.add(try time {
                let db = try AppDatabase(path: path, readOnly: true)
                let session = DeskSession(db: db, clock: FixedClock(now), counter: 1, language: .vi, calendar: calendar,
                                          actor: Actor(user: "bench", counter: 1))
                let app = DeskApp.make(terminal: MemoryTerminal(rows: 24, cols: 80), session: session)
                _ = app.currentGrid()
            })
        }
        line("start → first desk screen (open+draw)", start)

        let db = try AppDatabase(path: path, readOnly: true)
        var found = 0
        // F3: applicants (when the text has a word), today's tickets, dossiers: as SearchScreen.
        func f3(_ q: String) throws {
            let hasWords = !VietnameseText.words(VietnameseText.fold(q)).isEmpty
            found = (hasWords ? try db.searchApplicants(q, limit: 30).count : 0)
                + (try db.searchTickets(q, day: today, limit: 30).count) + (try db.searchDossiers(q, limit: 30).count)
        }
        var lastDay = today.adding(days: -1)
        while !calendar.isWorkingDay(lastDay) { lastDay = lastDay.adding(days: -1) }
        let sampleCode = try db.dossiers(matching: DossierQuery(receivedOn: lastDay, limit: 3)).last?.code ?? "MC-000000-003"
        let partial = String(sampleCode.drop(while: { $0 != "-" }).dropFirst())   // 261127-003
        let seqOnly = String(sampleCode.suffix(3))
        let cccdPrefix = "0751980", phonePrefix = "0912"
        for (label, text) in [("ich khiem", "ich khiem"), ("nguyen van", "nguyen van"), ("CCCD prefix", cccdPrefix),
                              ("phone prefix", phonePrefix), ("dossier code", sampleCode), ("partial code", partial),
                              ("code sequence", seqOnly)] {
            var s = Stats()
            for _ in 0..<3 { for q in keystrokes(text) { s.add(try time { try f3(q) }) } }
            line("F3 per key: \(label)", s, note: "'\(text)' → \(found) shown")
        }
        for text in ["ich khiem", "nguyen van", cccdPrefix] {
            var s = Stats()
            for _ in 0..<3 { for q in keystrokes(text) { s.add(try time { found = try db.searchApplicants(q, limit: 20).count }) } }
            line("F4 find applicant per key: \(text)", s, floor: sqliteFloor(path, [db.searchSQL(applicants: text, limit: 20)]),
                 note: "\(found) shown")
        }
        // The register: the open dossiers loaded once, then `/` filters them per key.
        var open: [Dossier] = []
        let load = try time { open = try db.dossiers(matching: DossierQuery(statuses: DossierQuery.openStatuses)) }
        var model = DossierListModel()
        model.setLoaded(open, today: today)
        for text in ["nguyen van", partial] {
            var s = Stats()
            for _ in 0..<3 { for q in keystrokes(text) { s.add(time { model.setSearch(q) }) } }
            line("register / per key: \(text)", s, note: String(format: "%d open (loaded in %.1f ms) → %d", open.count, load, model.rows.count))
        }
        for text in ["ich khiem", "nguyen van", partial] {
            var s = Stats()
            for _ in 0..<5 { s.add(try time { found = try db.dossiers(matching: DossierQuery(search: text)).count }) }
            line("dossier list --search '\(text)'", s, floor: sqliteFloor(path, [db.searchSQL(dossiers: text, limit: 10_000)]),
                 note: "\(found) rows")
        }
        // Decoding: 10,000 finished dossiers in index order, beside the same SQL in sqlite3;
        // the difference over the rows is what decoding a row costs.
        var s = Stats()
        let decodeQuery = DossierQuery(statuses: [.returned], limit: 10_000)
        for _ in 0..<5 { s.add(try time { found = try db.dossiers(matching: decodeQuery).count }) }
        let decodeFloor = sqliteFloor(path, ["SELECT * FROM dossiers WHERE status = 'returned' ORDER BY due_date, code LIMIT 10000"], runs: 5)
        line("10,000 dossiers read and decoded", s, floor: decodeFloor,
             note: String(format: "%.1f µs per row above sqlite3", (s.percentile(0.5) - (decodeFloor ?? 0)) * 1000 / Double(max(1, found))))
        s = Stats()
        for _ in 0..<5 { s.add(try time { found = try db.dossiers(matching: .overdue(on: today)).count }) }
        line("overdue list", s, floor: sqliteFloor(path, [
            "SELECT * FROM dossiers WHERE status IN ('needs-supplement','processing','received') AND COALESCE(original_due_date, due_date) < '\(today.iso)' ORDER BY due_date, code"]),
             note: "\(found) rows")
        let period = try ReportPeriod.parseYear(String(today.year - 1))
        s = Stats()
        for _ in 0..<3 { s.add(try time { _ = Report.build(try db.reportRows(period: period), period: period, today: today, calendar: calendar) }) }
        line("report of \(today.year - 1)", s)
        s = Stats()
        for _ in 0..<5 { s.add(try time { _ = try db.board(now: now, calendar: calendar) }) }
        line("board data", s)
        s = Stats()
        var problems: [String] = []
        s.add(try time { problems = try db.check() })
        line("check (in process)", s, floor: sqliteFloor(path, ["PRAGMA integrity_check", "PRAGMA foreign_key_check"], runs: 1),
             note: "\(problems.count) problems")
        try busyDay(today: today, calendar: calendar)
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        print(String(format: "peak memory (max RSS) of this bench: %.1f MiB", Double(usage.ru_maxrss) / 1024))
    }

    /// A busy day of 300 waiting, in a file of its own (the queue reads one day whatever the
    /// history, and the seeded file stays untouched by the bench).
    static func busyDay(today: LocalDate, calendar: WorkingCalendar) throws {
        let dir = NSTemporaryDirectory() + "motcua-busy-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase(path: dir + "/busy.sqlite")
        let actor = Actor(user: "bench", counter: 1)
        var rng = SeededRandom(seed: 3)
        func at(_ minute: Int) -> Date { VietnamTime.instant(LocalDateTime(date: today, hour: 7 + minute / 60, minute: minute % 60)) }
        for i in 0..<300 {
            _ = try db.addWalkIn(WalkInRequest(name: DemoData.name(&rng).name, priority: i % 9 == 0 ? "elderly" : nil), now: at(i / 2), actor: actor)
        }
        var s = Stats()
        for i in 0..<30 { s.add(try time { _ = try db.callNext(counter: 1, now: at(200 + i), actor: actor) }) }
        line("call-next, 300 waiting", s)
        s = Stats()
        for _ in 0..<5 {
            s.add(time {
                let session = DeskSession(db: db, clock: FixedClock(at(240)), counter: 1, language: .vi, calendar: calendar, actor: actor)
                _ = DeskApp.make(terminal: MemoryTerminal(rows: 24, cols: 80), session: session).currentGrid()
            })
        }
        line("desk start, 270 waiting", s)
    }
}
