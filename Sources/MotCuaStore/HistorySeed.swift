import Foundation
import GRDB
import MotCuaCore

/// A person the seed records (names and numbers come from the caller's demo data).
public struct SeedPerson: Sendable {
    public var name: String
    public var idNumber: String
    public var phone: String?
    public var address: String
    public init(name: String, idNumber: String, phone: String?, address: String) {
        self.name = name; self.idNumber = idNumber; self.phone = phone; self.address = address
    }
}

/// What a seed wrote.
public struct SeedCounts: Sendable {
    public var applicants = 0, dossiers = 0, tickets = 0, events = 0, open = 0, overdue = 0
}

/// Years of history for `motcua bench`, written straight into the tables in large
/// transactions: one clerk action per row would take hours for ten years. The rows are what the
/// clerk actions write (folded `search_key`, the procedure snapshot, the documents list, audit
/// events with their batch), so every screen and command reads the file normally.
extension AppDatabase {
    /// Rows per transaction: large enough that commits do not dominate, small enough that the
    /// WAL stays a few hundred MiB.
    static let seedChunkDays = 20

    public func seedHistory(years: Int, scale: Double, today: LocalDate, calendar: WorkingCalendar, seed: UInt64 = 11,
                            person: (inout SeededRandom) -> SeedPerson, progress: (String) -> Void) throws -> SeedCounts {
        let profile = try profile()
        let procedures = try procedures(on: today).filter { $0.processingDays <= 30 }
        guard !procedures.isEmpty else { throw StoreError("Danh mục thủ tục trống", "The procedure catalog is empty") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let snapshots = procedures.map { p in (try? encoder.encode(ProcedureSnapshot(p))).map { String(decoding: $0, as: UTF8.self) } }
        let start = today.adding(days: -365 * years)
        var workingDays: [LocalDate] = []
        var d = start
        while d < today {
            if calendar.isWorkingDay(d) { workingDays.append(d) }
            d = d.adding(days: 1)
        }
        let dossierTarget = Int(1_000_000 * scale), ticketTarget = Int(2_000_000 * scale), applicantTarget = Int(500_000 * scale)
        let perDayDossiers = Double(dossierTarget) / Double(max(1, workingDays.count))
        let perDayTickets = Double(ticketTarget) / Double(max(1, workingDays.count))
        // "A few hundred open and overdue" at full scale: a share of the last 60 working days.
        let recentFrom = workingDays.count > 60 ? workingDays[workingDays.count - 60] : start
        let overdueShare = 300.0 * scale / max(1, perDayDossiers * 60)
        var rng = SeededRandom(seed: seed)
        var counts = SeedCounts()
        var usedIds = Set<String>(try read { db in try String.fetchAll(db, sql: "SELECT id_number FROM applicants WHERE id_number IS NOT NULL") })
        var applicantIds: [Int64] = []
        var applicantNames: [Int64: String] = [:]
        var dueCache: [String: LocalDate] = [:]
        let clerks = ["Nguyễn Thị Lan", "Trần Văn Hùng", "Lê Thị Hoa"]

        func instant(_ day: LocalDate, _ minuteOfDay: Int) -> Date {
            VietnamTime.instant(LocalDateTime(date: day, hour: minuteOfDay / 60, minute: minuteOfDay % 60))
        }
        // Office hours 7:00–11:30 and 13:00–17:00.
        func officeMinute() -> Int {
            let m = Int.random(in: 0..<510, using: &rng)
            return m < 270 ? 420 + m : 780 + (m - 270)
        }

        var dayIndex = 0
        while dayIndex < workingDays.count {
            let chunk = workingDays[dayIndex..<min(workingDays.count, dayIndex + Self.seedChunkDays)]
            dayIndex += chunk.count
            try translatingErrors {
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA synchronous = OFF")
                    defer { try? db.execute(sql: "PRAGMA synchronous = FULL") }
                    try db.inTransaction(.immediate) {
                        let insApplicant = try db.makeStatement(sql: """
                            INSERT INTO applicants (name, id_number, phone, address, search_key, created_at) VALUES (?,?,?,?,?,?)
                            """)
                        let insTicket = try db.makeStatement(sql: """
                            INSERT INTO tickets (day, series, number, applicant_name, phone, id_number, procedure_code, priority_code,
                                status, counter, clerk, issued_at, called_at, finished_at, search_key)
                            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                            """)
                        let insDossier = try db.makeStatement(sql: """
                            INSERT INTO dossiers (code, day, seq, procedure_code, applicant_id, applicant_name, channel, delivery,
                                delivery_address, received_at, due_date, status, ticket_code, counter, clerk, search_key,
                                procedure_snapshot, documents, ready_at, closed_at, result_receiver, fee_collected)
                            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                            """)
                        let insEvent = try db.makeStatement(sql: """
                            INSERT INTO events (id, at, user, counter, entity, entity_key, action, data, batch) VALUES (?,?,?,?,?,?,?,?,?)
                            """)
                        // Each event is its own action's batch (the batch is the first event's id).
                        var eventId = (try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM events") ?? 0)
                        func event(_ at: String, _ counter: Int, _ entity: String, _ key: String, _ action: String, _ data: String) throws {
                            eventId += 1
                            try insEvent.execute(arguments: [eventId, at, "bench", counter, entity, key, action, data, eventId])
                            counts.events += 1
                        }
                        for day in chunk {
                            let nTickets = Int((perDayTickets * Double.random(in: 0.7...1.3, using: &rng)).rounded())
                            var numbers = [Ticket.Series.ordinary: 0, .priority: 0]
                            for _ in 0..<nTickets {
                                let p = person(&rng)
                                let series: Ticket.Series = Int.random(in: 0..<10, using: &rng) == 0 ? .priority : .ordinary
                                numbers[series, default: 0] += 1
                                let issued = officeMinute()
                                let called = min(issued + Int.random(in: 1...40, using: &rng), 1020)
                                let finished = called + Int.random(in: 2...20, using: &rng)
                                let roll = Int.random(in: 0..<100, using: &rng)
                                let status: Ticket.Status = roll < 90 ? .done : roll < 98 ? .noShow : .left
                                let counter = Int.random(in: 1...max(1, profile.counters), using: &rng)
                                let proc = procedures[Int.random(in: 0..<procedures.count, using: &rng)]
                                let code = Ticket.code(series: series, number: numbers[series] ?? 1)
                                let phone = Bool.random(using: &rng) ? p.phone : nil
                                try insTicket.execute(arguments: [
                                    day.iso, series.rawValue, numbers[series], p.name, phone, nil, proc.code,
                                    series == .priority ? "elderly" : nil, status.rawValue, status == .left ? nil : counter,
                                    clerks[counter % clerks.count], Timestamp.text(instant(day, issued)),
                                    status == .left ? nil : Timestamp.text(instant(day, called)),
                                    Timestamp.text(instant(day, finished)), SearchKey.make(name: p.name, idNumber: nil, phone: phone)])
                                try event(Timestamp.text(instant(day, issued)), counter, "ticket", "\(day.iso)/\(code)", "register",
                                          "{\"applicant\":\"\(p.name)\",\"to\":\"waiting\"}")
                                counts.tickets += 1
                            }
                            let nDossiers = Int((perDayDossiers * Double.random(in: 0.7...1.3, using: &rng)).rounded())
                            for seq in 1...max(1, nDossiers) where nDossiers > 0 {
                                // Half the dossiers come from a citizen seen before, until the applicant count is reached.
                                var applicantId: Int64
                                var name: String
                                if applicantIds.count < applicantTarget && (applicantIds.isEmpty || Bool.random(using: &rng)
                                        || applicantIds.count * dossierTarget < counts.dossiers * applicantTarget) {
                                    var p = person(&rng)
                                    while usedIds.contains(p.idNumber) { p = person(&rng) }
                                    usedIds.insert(p.idNumber)
                                    let minute = officeMinute()
                                    try insApplicant.execute(arguments: [p.name, p.idNumber, p.phone, p.address,
                                                                         SearchKey.make(name: p.name, idNumber: p.idNumber, phone: p.phone),
                                                                         Timestamp.text(instant(day, minute))])
                                    applicantId = db.lastInsertedRowID
                                    applicantIds.append(applicantId)
                                    applicantNames[applicantId] = p.name
                                    name = p.name
                                    counts.applicants += 1
                                } else {
                                    applicantId = applicantIds[Int.random(in: 0..<applicantIds.count, using: &rng)]
                                    name = applicantNames[applicantId] ?? "?"
                                }
                                let pi = Int.random(in: 0..<procedures.count, using: &rng)
                                let proc = procedures[pi]
                                let minute = officeMinute()
                                let received = instant(day, minute)
                                let cutoff = proc.cutoffMinuteOfDay ?? profile.defaultCutoffMinute ?? 24 * 60
                                let cacheKey = "\(proc.code)|\(day.julianDay)|\(minute >= cutoff)"
                                let due: LocalDate
                                if let cached = dueCache[cacheKey] { due = cached } else {
                                    due = DueDateRule.dueDate(procedure: proc, receivedAt: received, calendar: calendar, profile: profile)
                                    dueCache[cacheKey] = due
                                }
                                let counter = Int.random(in: 1...max(1, profile.counters), using: &rng)
                                let code = Dossier.makeCode(deskCode: profile.deskCode, day: day, sequence: seq)
                                // Closed long ago, open now, or (a few hundred) late.
                                var status: DossierStatus = .returned
                                let recent = day >= recentFrom
                                if due >= today {
                                    let r = Int.random(in: 0..<10, using: &rng)
                                    status = r < 5 ? .received : r < 9 ? .processing : .ready
                                } else if recent && Double.random(in: 0..<1, using: &rng) < overdueShare {
                                    status = Bool.random(using: &rng) ? .processing : .received
                                    counts.overdue += 1
                                } else {
                                    let r = Int.random(in: 0..<100, using: &rng)
                                    status = r < 92 ? .returned : r < 95 ? .posted : r < 98 ? .rejected : .withdrawn
                                }
                                if !status.isFinal { counts.open += 1 }
                                let readyDay = due < today ? due : day
                                let readyAt: String? = status == .ready || status == .returned || status == .posted
                                    ? Timestamp.text(instant(readyDay, 600)) : nil
                                let closedDay = calendar.nextWorkingDay(onOrAfter: due.adding(days: Int.random(in: 0...3, using: &rng)))
                                let closed: String? = status.isFinal ? Timestamp.text(instant(min(closedDay, today.adding(days: -1)), officeMinute())) : nil
                                try insDossier.execute(arguments: [
                                    code, day.iso, seq, proc.code, applicantId, name, Channel.direct.rawValue, Delivery.desk.rawValue,
                                    nil, Timestamp.text(received), due.iso, status.rawValue, nil, counter,
                                    clerks[counter % clerks.count], VietnameseText.fold(name), snapshots[pi], "[]",
                                    readyAt, closed, status == .returned ? name : nil, status == .returned && proc.fee > 0 ? proc.fee : nil])
                                try event(Timestamp.text(received), counter, "dossier", code, "receive",
                                          "{\"applicant\":\"\(name)\",\"procedure\":\"\(proc.code)\",\"to\":\"received\"}")
                                counts.dossiers += 1
                                if let closed {
                                    try event(closed, counter, "dossier", code, status == .returned ? "return" : status.rawValue,
                                              "{\"from\":\"ready\",\"to\":\"\(status.rawValue)\"}")
                                }
                            }
                        }
                        return .commit
                    }
                }
            }
            progress("\(chunk.last?.iso ?? "") — \(counts.dossiers) dossiers, \(counts.tickets) tickets, \(counts.applicants) applicants")
        }
        // The WAL is folded into the file so the measurements that follow read the file itself.
        try translatingErrors { try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) } }
        return counts
    }
}
