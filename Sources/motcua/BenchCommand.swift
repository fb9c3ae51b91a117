import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTUI

/// Figures for the desk's speed on this machine: a busy year's data in a temp file, then the
/// operations a clerk waits for. Printed, never asserted (timed tests flake on a busy machine).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Đo tốc độ (benchmark figures on a temp database).")
    @Option(help: "Hồ sơ tạo sẵn (dossiers to create)") var dossiers: Int = 20_000
    @Option(help: "Số thứ tự hôm nay (walk-ins today)") var walkins: Int = 300
    @Option(help: "Lịch hẹn tạo sẵn trong năm (appointments over the year)") var appointments: Int = 10_000
    @Option(help: "Tạo tệp lịch sử nhiều năm (build a file of years of history), e.g. /tmp/motcua-10y.sqlite") var seed: String?
    @Option(help: "Số năm lịch sử (years of history for --seed)") var years: Int = 10
    @Option(help: "Tỉ lệ so với 1.000.000 hồ sơ / 10 năm (scale of --seed: 0.1 = a tenth)") var scale: Double = 1
    @Option(name: [.customLong("db"), .customLong("file")], help: "Đo trên tệp này (measure on this file, e.g. one made by --seed)")
    var file: String?
    @Option(help: "Hôm nay (today for --seed and --db), YYYY-MM-DD; default the system date") var today: String?

    func run() throws {
        let day = try today.map { text in
            guard let d = LocalDate(iso: text) else { throw ValidationError("--today: expected YYYY-MM-DD, got '\(text)'") }
            return d
        } ?? VietnamTime.local(Date()).date
        if seed != nil || file != nil {
            guard years > 0, scale > 0 else { throw ValidationError("--years and --scale must be positive") }
            if let seed { try BenchFile.seed(path: seed, years: years, scale: scale, today: day) }
            if let path = file ?? seed { try BenchFile.measure(path: path, today: day) }
            return
        }
        try runOnTempFile()
    }

    /// The original bench: a year of data made through the clerk actions, in a temp file.
    func runOnTempFile() throws {
        let dir = NSTemporaryDirectory() + "motcua-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase(path: dir + "/bench.sqlite")
        let calendar = WorkingCalendar()
        let actor = Actor(user: "bench", counter: 1)
        let procedures = try db.procedures()
        var rng = SeededRandom(seed: 1)
        let today = LocalDate(year: 2026, month: 11, day: 25) ?? LocalDate(julianDay: 2_461_370)
        func at(_ day: LocalDate, _ minute: Int) -> Date { VietnamTime.instant(LocalDateTime(date: day, hour: 7 + minute / 60, minute: minute % 60)) }

        func measure(_ label: String, count: Int = 1, _ body: () throws -> Void) throws {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            let per = count > 1 ? String(format: "  (%.3f ms each)", ms / Double(count)) : ""
            print(CellWidth.pad(label, toCells: 46) + String(format: "%10.1f ms", ms) + per)
        }

        print("motcua bench — \(dossiers) dossiers over a year, \(walkins) walk-ins today")
        try measure("receive dossiers (1 transaction each)", count: dossiers) {
            for i in 0..<dossiers {
                let day = today.adding(days: -(i * 365 / max(1, dossiers)))
                guard let p = procedures.randomElement(using: &rng) else { return }
                let person = DemoData.name(&rng)
                let delivery = p.deliveries.contains(.desk) ? "desk" : p.deliveries.first?.rawValue
                _ = try db.receiveDossier(ReceiveRequest(procedureCode: p.code, name: person.name,
                                                         idNumber: DemoData.cccd(&rng, female: person.female),
                                                         address: DemoData.address(&rng), delivery: delivery,
                                                         // Random CCCDs can repeat under another name: keep the record.
                                                         identity: .useRecordOnFile, allowDuplicate: true),
                                          now: at(day, i % 480), actor: actor, calendar: calendar)
            }
        }
        try measure("register walk-ins (1 transaction each)", count: walkins) {
            for i in 0..<walkins {
                _ = try db.addWalkIn(WalkInRequest(name: DemoData.name(&rng).name, priority: i % 9 == 0 ? "elderly" : nil),
                                     now: at(today, i), actor: actor)
            }
        }
        let now = at(today, 600)
        try measure("call next ×50", count: 50) { for _ in 0..<50 { _ = try db.callNext(counter: 1, now: now, actor: actor) } }
        // Undo looks only at today's events, however long the history (20,000+ events here).
        try measure("undo the last call ×20", count: 20) { for _ in 0..<20 { _ = try db.undoLast(now: now, actor: actor) } }
        let session = DeskSession(db: db, clock: FixedClock(now), counter: 1, language: .vi, calendar: calendar, actor: actor)
        try measure("desk snapshot (queue screen data) ×20", count: 20) { for _ in 0..<20 { _ = session.snapshot() } }
        try measure("change poll ×1000", count: 1000) { for _ in 0..<1000 { _ = try db.changeMark() } }
        var found = 0
        try measure("overdue dossiers ×20", count: 20) { for _ in 0..<20 { found = try db.dossiers(matching: .overdue(on: today)).count } }
        print("  (\(found) overdue rows: nothing was processed in this synthetic year)")
        try measure("applicant search 'ng van' ×20", count: 20) { for _ in 0..<20 { found = try db.searchApplicants("ng van").count } }
        print("  (\(found) applicants shown)")
        try measure("dossier search by name ×20", count: 20) { for _ in 0..<20 { found = try db.searchDossiers("tran thi").count } }
        print("  (\(found) dossiers)")
        // Issue 9 and 10: what the header, the register's u, form 07 and the reports read.
        try measure("header: due today / overdue counts ×100", count: 100) { for _ in 0..<100 { _ = try db.dueCounts(today: today) } }
        try measure("uncollected results ×20", count: 20) {
            for _ in 0..<20 { found = try db.uncollectedDossiers(today: today, days: 5, calendar: calendar).count }
        }
        print("  (\(found) to phone)")
        let monthStart = LocalDate(year: today.year, month: today.month, day: 1) ?? today
        try measure("register (form 07) of this month, as CSV") {
            found = try db.registerEntries(from: monthStart, through: today).count
            _ = RegisterCSV.render(try db.registerEntries(from: monthStart, through: today), today: today)
        }
        print("  (\(found) dossiers)")
        if let code = try db.dossiers(matching: DossierQuery(receivedOn: today, limit: 1)).first?.code
            ?? db.dossiers(matching: DossierQuery(limit: 1)).first?.code {
            try measure("form 01 and form 06 of one dossier ×20", count: 20) {
                for _ in 0..<20 {
                    let c = try db.slipContext(code: code, issuedAt: now, calendar: calendar)
                    _ = try DossierSlips.render(.receipt, c, calendar: calendar)
                    _ = try DossierSlips.render(.control, c, calendar: calendar)
                }
            }
        }
        for (name, period) in [("this month", ReportPeriod.month(containing: today)),
                               ("this year", try ReportPeriod.parseYear(String(today.year)))] {
            try measure("report of \(name)") {
                _ = Report.build(try db.reportRows(period: period), period: period, today: today, calendar: calendar)
            }
        }
        try measure("board data ×20", count: 20) { for _ in 0..<20 { _ = try db.board(now: now, calendar: calendar) } }
        try benchAppointments(db, today: today, calendar: calendar, actor: actor, measure: { try measure($0, count: $1, $2) })
        let term = MemoryTerminal(rows: 24, cols: 80)
        let app = DeskApp.make(terminal: term, session: session)
        try measure("render the 80×24 queue screen ×100", count: 100) { for _ in 0..<100 { _ = app.currentGrid() } }
        try measure("due date, 30 working days ×10000", count: 10_000) {
            for i in 0..<10_000 {
                _ = calendar.dueDate(receivedAt: LocalDateTime(date: today.adding(days: i % 700), hour: 9, minute: 0),
                                     workingDays: 30, cutoffMinuteOfDay: 900)
            }
        }
        try measure("integrity check") { _ = try db.check() }
        let size = (try? FileManager.default.attributesOfItem(atPath: dir + "/bench.sqlite")[.size] as? NSNumber)?.intValue ?? 0
        print(String(format: "database file: %.1f MiB", Double(size) / 1_048_576))
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        print(String(format: "peak memory (max RSS): %.1f MiB", Double(usage.ru_maxrss) / 1024))
    }

    /// A year of appointments (booked the day before, as a desk would), then what the
    /// appointments screen and a booking cost today: they read one day or one week, never the year.
    func benchAppointments(_ db: AppDatabase, today: LocalDate, calendar: WorkingCalendar, actor: Actor,
                           measure: (String, Int, () throws -> Void) throws -> Void) throws {
        var rng = SeededRandom(seed: 2)
        var booked = 0
        let schedule = try db.appointmentSchedule(calendar: calendar)
        try measure("book a year of appointments (1 tx each)", appointments) {
            var day = today.adding(days: -365)
            while booked < appointments && day < today {
                let slots = schedule.slots(on: day, kind: .guidance, existing: [])
                if !slots.isEmpty {
                    let perDay = max(1, appointments / 250)
                    for _ in 0..<perDay {
                        guard let slot = slots.randomElement(using: &rng) else { break }
                        let person = DemoData.name(&rng)
                        let r = BookingRequest(name: person.name, at: slot.start, kind: .guidance)
                        let before = VietnamTime.instant(LocalDateTime(date: day.adding(days: -1), hour: 8, minute: 0))
                        if (try? db.bookAppointment(r, waitlistIfFull: false, now: before, actor: actor, calendar: calendar)) != nil { booked += 1 }
                    }
                }
                day = day.adding(days: 1)
            }
        }
        print("  (\(booked) appointments booked)")
        var found = 0
        try measure("free slots of a day ×100", 100) {
            for _ in 0..<100 { found = try db.freeSlots(day: today, kind: .guidance, calendar: calendar).count }
        }
        try measure("a week's appointments (week grid) ×100", 100) {
            for _ in 0..<100 { found = try db.appointments(from: today.adding(days: -2), through: today.adding(days: 4)).count }
        }
        print("  (\(found) in the week)")
        let now = VietnamTime.instant(LocalDateTime(date: today, hour: 7, minute: 0))
        let nextDay = calendar.nextWorkingDay(onOrAfter: today.adding(days: 1))
        try measure("book + cancel an appointment ×50", 50) {
            for i in 0..<50 {
                let minute = 7 * 60 + (i % 18) * 15
                let r = BookingRequest(name: "Nguyễn Văn Bench", at: LocalDateTime(date: nextDay, hour: minute / 60, minute: minute % 60), kind: .guidance)
                if case .booked(let a) = try db.bookAppointment(r, waitlistIfFull: true, now: now, actor: actor, calendar: calendar), let id = a.id {
                    _ = try db.cancelAppointment(id, reason: "bench", now: now, actor: actor, calendar: calendar)
                }
            }
        }
    }
}
