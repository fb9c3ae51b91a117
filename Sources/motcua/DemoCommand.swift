import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo",
        abstract: "Tạo dữ liệu mẫu một tuần làm việc (fill a fresh database with a realistic week).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Hạt giống ngẫu nhiên (random seed)") var seed: UInt64 = 2026

    func run() throws {
        try runReporting(global) { lang in
            let db = try global.openSQLite()
            let now = try global.clock().now()
            let (calendar, _) = try global.workingCalendar()
            let today = VietnamTime.local(now).date
            let hasData = try !db.tickets(day: today).isEmpty || !db.dossiers(matching: DossierQuery(limit: 1)).isEmpty
            if hasData {
                throw StoreError("Cơ sở dữ liệu đã có dữ liệu; chỉ tạo dữ liệu mẫu trên tệp mới (--db tệp-mới.sqlite)",
                                 "The database already has data; demo data goes only into a fresh file (--db new.sqlite)")
            }
            // The week is played, action by action, into a scratch file, then copied into the
            // desk's file in one transaction: a demo killed half-way leaves the file as it was,
            // and `demo` runs again on it.
            DemoScratch.removeAbandoned()
            let scratchPath = FileManager.default.temporaryDirectory
                .appendingPathComponent("motcua-demo-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).sqlite").path
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratchPath + suffix) } }
            let scratch = try AppDatabase(path: scratchPath)
            var week = DemoWeek(db: scratch, calendar: calendar, now: now, seed: seed)
            let summary = try week.fill()
            try db.replaceContents(with: scratch)
            try scratch.close()
            Output.print(lang == .vi
                ? "Đã tạo dữ liệu mẫu: \(summary.days) ngày làm việc, \(summary.tickets) số thứ tự, \(summary.dossiers) hồ sơ (\(summary.overdue) quá hạn), \(summary.appointments) lịch hẹn."
                : "Demo data: \(summary.days) working days, \(summary.tickets) tickets, \(summary.dossiers) dossiers (\(summary.overdue) overdue), \(summary.appointments) appointments.")
        }
    }
}

/// Plays a commune desk's week through the same store commands a clerk uses, so the demo data
/// obeys every rule and leaves a full audit trail.
struct DemoWeek {
    let db: any DeskStore
    let calendar: WorkingCalendar
    let now: Date
    var rng: SeededRandom

    init(db: any DeskStore, calendar: WorkingCalendar, now: Date, seed: UInt64) {
        self.db = db; self.calendar = calendar; self.now = now; self.rng = SeededRandom(seed: seed)
    }

    struct Summary { var days = 0, tickets = 0, dossiers = 0, overdue = 0, appointments = 0 }

    mutating func fill() throws -> Summary {
        let setupTime = VietnamTime.instant(LocalDateTime(date: VietnamTime.local(now).date.adding(days: -14), hour: 7, minute: 0))
        var profile = try db.profile()
        profile.province = "Tỉnh Đồng Nai"; profile.commune = "Xã Tân Phú"
        profile.deskName = "Trung tâm Phục vụ hành chính công xã Tân Phú"; profile.deskCode = "TP"; profile.counters = 3
        try db.saveProfile(profile, now: setupTime, actor: Actor(user: "demo", counter: nil))
        let procedures = try db.procedures()
        var summary = Summary()
        let local = VietnamTime.local(now)
        // The last five working days up to today (today only up to the pinned time).
        var days: [LocalDate] = []
        var d = local.date
        while days.count < 5 { if calendar.isWorkingDay(d) { days.insert(d, at: 0) }; d = d.adding(days: -1) }
        // Ten older dossiers, some now overdue, so the supervisor's overdue list is not empty.
        for i in 0..<10 {
            // Working days only: a desk receives nothing on a Sunday.
            var day = d.adding(days: -(i * 2))
            while !calendar.isWorkingDay(day) { day = day.adding(days: -1) }
            let t = VietnamTime.instant(LocalDateTime(date: day, hour: 9, minute: 10 + i))
            if let dossier = try receive(at: t, ticket: nil, procedures: procedures, longOnly: true) {
                summary.dossiers += 1
                // Most older dossiers are finished; three are left open and overdue, the desk's
                // list to chase.
                if i % 3 == 0 {
                    _ = try db.actOnDossier(DossierActionRequest(code: dossier.code, kind: .process), now: t, actor: clerk(1))
                } else {
                    let done = min(now, VietnamTime.instant(LocalDateTime(date: dossier.dueDate, hour: 14, minute: 0)))
                    _ = try db.markReady(dossier.code, now: done, actor: clerk(1))
                    _ = try db.returnResult(dossier.code, receivedBy: dossier.applicantName, now: done, actor: clerk(2))
                }
            }
        }
        for day in days {
            summary.days += 1
            let isToday = day == local.date
            let count = Int.random(in: 14...22, using: &rng)
            var minute = 7 * 60 + 30
            var issued: [(Ticket, Date)] = []
            for _ in 0..<count {
                minute += Int.random(in: 3...14, using: &rng)
                if minute > 11 * 60 && minute < 13 * 60 + 30 { minute = 13 * 60 + 30 }
                if minute > 16 * 60 + 45 { break }
                let at = VietnamTime.instant(LocalDateTime(date: day, hour: minute / 60, minute: minute % 60))
                if at > now { break }
                let person = DemoData.name(&rng)
                // Only a woman is in the "pregnant" group.
                let groups = ["elderly", "disabled", "child", "merit"] + (person.female ? ["pregnant"] : [])
                let priority: String? = Int.random(in: 0..<7, using: &rng) == 0 ? groups.randomElement(using: &rng) : nil
                let proc = procedures.randomElement(using: &rng)?.code
                let t = try db.addWalkIn(WalkInRequest(name: person.name, priority: priority, procedureCode: proc,
                                                       phone: Bool.random(using: &rng) ? DemoData.phone(&rng) : nil),
                                         now: at, actor: clerk(nil))
                issued.append((t, at))
                summary.tickets += 1
            }
            // Serve in calling order; on today, the last few are still waiting.
            let served = isToday ? max(0, issued.count - 4) : issued.count
            for (i, pair) in issued.prefix(served).enumerated() {
                let counter = i % 3 + 1
                let callAt = pair.1.addingTimeInterval(Double(Int.random(in: 4...20, using: &rng) * 60))
                guard callAt <= now, let called = try db.callNext(counter: counter, now: callAt, actor: clerk(counter)).called else { continue }
                if Int.random(in: 0..<12, using: &rng) == 0 {
                    _ = try db.moveTicket(TicketMoveRequest(ticketCode: called.code, move: .noShow, counter: counter),
                                          now: callAt, actor: clerk(counter))
                    continue
                }
                let doneAt = callAt.addingTimeInterval(Double(Int.random(in: 5...15, using: &rng) * 60))
                if Int.random(in: 0..<5, using: &rng) < 2, doneAt <= now {
                    let person = DemoData.name(&rng)
                    if let dossier = try receive(at: doneAt, ticket: called.code, name: called.applicantName, female: person.female,
                                                 procedures: procedures, counter: counter) {
                        summary.dossiers += 1
                        try advance(dossier, day: day)
                    }
                }
                if doneAt <= now {
                    _ = try db.moveTicket(TicketMoveRequest(ticketCode: called.code, move: .done, counter: counter),
                                          now: doneAt, actor: clerk(counter))
                }
            }
        }
        let booked = try bookAppointments(procedures: procedures)
        summary.appointments = booked.appointments
        summary.dossiers += booked.dossiers
        summary.overdue = try db.dossiers(matching: .overdue(on: local.date)).count
        return summary
    }

    /// A few appointments booked now for today (what is still ahead) and the next two working
    /// days: guidance, submission, and one home delivery of a ready dossier. Returns what it
    /// booked and the dossiers it received on the way (the home delivery's), for the summary.
    mutating func bookAppointments(procedures: [Procedure]) throws -> (appointments: Int, dossiers: Int) {
        let today = VietnamTime.local(now).date
        let schedule = try db.appointmentSchedule(calendar: calendar)
        var days: [LocalDate] = []
        var d = today
        while days.count < 3 && d < today.adding(days: 30) {
            if schedule.closure(d) == nil { days.append(d) }
            d = d.adding(days: 1)
        }
        let earliest = now.addingTimeInterval(TimeInterval(schedule.settings.minNoticeMinutes * 60))
        var booked = 0, received = 0
        func book(_ request: BookingRequest) throws {
            guard VietnamTime.instant(request.at) >= earliest else { return }
            do {
                _ = try db.bookAppointment(request, waitlistIfFull: false, now: now, actor: clerk(1), calendar: calendar)
                booked += 1
            } catch is FieldError {
                // A random person may already hold a place that day: the demo goes on without them.
            }
        }
        for (i, day) in days.enumerated() {
            for (j, minute) in [8 * 60, 9 * 60 + 30, 14 * 60, 15 * 60 + 30].enumerated() {
                let person = DemoData.name(&rng)
                let kind: AppointmentKind = (i + j) % 2 == 0 ? .guidance : .submission
                let codes = kind == .submission ? [procedures.randomElement(using: &rng)?.code].compactMap { $0 } : []
                try book(BookingRequest(name: person.name, phone: DemoData.phone(&rng),
                                        at: LocalDateTime(date: day, hour: minute / 60, minute: minute % 60), kind: kind,
                                        procedureCodes: codes))
            }
        }
        // One result brought home, the first afternoon visit of the next working day: a
        // dossier of a procedure that delivers at home, received last week and now ready.
        if days.count > 1, let home = procedures.first(where: { $0.deliveries.contains(.home) && $0.processingDays <= 5 }) {
            let person = DemoData.name(&rng)
            var receivedOn = today.adding(days: -7)
            while !calendar.isWorkingDay(receivedOn) { receivedOn = receivedOn.adding(days: -1) }
            let dossier = try db.receiveDossier(
                ReceiveRequest(procedureCode: home.code, name: person.name, idNumber: DemoData.cccd(&rng, female: person.female),
                               phone: DemoData.phone(&rng), address: DemoData.address(&rng), delivery: "home",
                               identity: .useRecordOnFile, allowDuplicate: true),
                now: VietnamTime.instant(LocalDateTime(date: receivedOn, hour: 9, minute: 30)), actor: clerk(1), calendar: calendar)
            received += 1
            _ = try db.markReady(dossier.code, now: now, actor: clerk(1))
            if let slot = schedule.slots(on: days[1], kind: .home, existing: try db.appointments(day: days[1]))
                .first(where: { $0.startMinute >= 14 * 60 && $0.free > 0 }) {
                try book(BookingRequest(name: dossier.applicantName, phone: DemoData.phone(&rng), at: slot.start, kind: .home,
                                        dossierCode: dossier.code, address: dossier.deliveryAddress ?? DemoData.address(&rng)))
            }
        }
        return (booked, received)
    }

    func clerk(_ counter: Int?) -> Actor {
        Actor(user: ["lan.nt", "hung.vd", "mai.pt"][((counter ?? 1) - 1) % 3], counter: counter)
    }

    mutating func receive(at: Date, ticket: String?, name: String? = nil, female: Bool = false,
                          procedures: [Procedure], counter: Int = 1, longOnly: Bool = false) throws -> Dossier? {
        let pool = longOnly ? procedures.filter { $0.processingDays >= 3 } : procedures
        guard let p = pool.randomElement(using: &rng) else { return nil }
        let person = name.map { ($0, female) } ?? DemoData.name(&rng)
        let post = p.deliveries.contains(.post) && Int.random(in: 0..<4, using: &rng) == 0
        return try db.receiveDossier(
            ReceiveRequest(procedureCode: p.code, name: person.0, idNumber: DemoData.cccd(&rng, female: person.1),
                           phone: DemoData.phone(&rng), address: DemoData.address(&rng), ticketCode: ticket,
                           channel: ticket == nil && Int.random(in: 0..<6, using: &rng) == 0 ? "online" : "direct",
                           delivery: post ? "post" : "desk",
                           // Random CCCDs can repeat under another name: the demo keeps the record on file.
                           identity: .useRecordOnFile, allowDuplicate: true),
            now: at, actor: clerk(counter), calendar: calendar)
    }

    /// Older dossiers have moved on: processed, ready, some returned or posted.
    mutating func advance(_ d: Dossier, day: LocalDate) throws {
        let today = VietnamTime.local(now).date
        guard day < today else { return }
        let t = d.receivedAt.addingTimeInterval(3600)
        _ = try db.actOnDossier(DossierActionRequest(code: d.code, kind: .process), now: t, actor: clerk(1))
        if d.dueDate <= today, Int.random(in: 0..<10, using: &rng) > 0 {
            // On the due day's morning, but never before it was sent to processing (a same-day
            // procedure is ready within the hour).
            let dueMorning = VietnamTime.instant(LocalDateTime(date: d.dueDate, hour: 8, minute: 0))
            let readyAt = min(now, max(t.addingTimeInterval(1800), dueMorning))
            _ = try db.markReady(d.code, now: readyAt, actor: clerk(1))
            if Int.random(in: 0..<4, using: &rng) > 0 {
                if d.delivery == .post {
                    _ = try db.post(d.code, trackingNumber: "EC136431858VN", now: readyAt, actor: clerk(2))
                } else {
                    _ = try db.returnResult(d.code, receivedBy: d.applicantName, now: readyAt, actor: clerk(2))
                }
            }
        }
    }
}
