import Foundation
import GRDB
import MotCuaCore

/// Which dossiers a list shows.
public struct DossierFilter: Sendable {
    public var status: DossierStatus?
    public var overdueOn: LocalDate?
    public var dueBefore: LocalDate?
    public var receivedOn: LocalDate?
    public var search: String?
    public var limit: Int
    public init(status: DossierStatus? = nil, overdueOn: LocalDate? = nil, dueBefore: LocalDate? = nil,
                receivedOn: LocalDate? = nil, search: String? = nil, limit: Int = 10_000) {
        self.status = status; self.overdueOn = overdueOn; self.dueBefore = dueBefore
        self.receivedOn = receivedOn; self.search = search; self.limit = limit
    }
}

extension AppDatabase {
    /// Receives a dossier: finds or records the applicant, computes the due date, gives the code,
    /// and moves the ticket being served (if any) to serving. One transaction.
    public func receiveDossier(_ request: ReceiveRequest, now: Date, actor: Actor, calendar: WorkingCalendar) throws -> Dossier {
        try write { db in
            let profile = try Self.profile(db)
            let valid = try request.validated { code in
                try? Row.fetchOne(db, sql: "SELECT * FROM procedures WHERE code = ?", arguments: [code]).map(ProcedureRow.decode)
            }
            let day = VietnamTime.local(now).date
            if let t = valid.ticketCode {
                let (series, number) = try Ticket.parse(code: t)
                guard let ticket = try Row.fetchOne(db, sql: "SELECT * FROM tickets WHERE day = ? AND series = ? AND number = ?",
                                                    arguments: [day.iso, series.rawValue, number]).map(TicketRow.decode) else {
                    throw FieldError(field: "ticket", label: Localized(vi: "Số thứ tự", en: "Ticket"),
                                     problem: Localized(vi: "không có phiếu \(t) hôm nay", en: "no ticket \(t) today"))
                }
                if ticket.status == .called {
                    var serving = ticket
                    serving.status = .serving
                    try TicketRow.updateState(serving, db)
                }
            }
            let applicantId = try Self.upsertApplicant(valid.applicant, now: now, db)
            let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM dossiers WHERE day = ?", arguments: [day.iso]) ?? 0) + 1
            let due = DueDateRule.dueDate(procedure: valid.procedure, receivedAt: now, calendar: calendar, profile: profile)
            var dossier = Dossier(code: Dossier.makeCode(deskCode: profile.deskCode, day: day, sequence: seq),
                                  procedureCode: valid.procedure.code, applicantId: applicantId,
                                  applicantName: valid.applicant.name, channel: valid.channel, delivery: valid.delivery,
                                  deliveryAddress: valid.deliveryAddress, notes: valid.notes, receivedAt: now, dueDate: due,
                                  ticketCode: valid.ticketCode, counter: actor.counter, clerk: actor.user)
            try db.execute(sql: """
                INSERT INTO dossiers (code, day, seq, procedure_code, applicant_id, applicant_name, channel, delivery,
                    delivery_address, notes, received_at, due_date, status, ticket_code, counter, clerk)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                """, arguments: [dossier.code, day.iso, seq, dossier.procedureCode, applicantId, dossier.applicantName,
                                 dossier.channel.rawValue, dossier.delivery.rawValue, dossier.deliveryAddress, dossier.notes,
                                 Timestamp.text(now), due.iso, dossier.status.rawValue, dossier.ticketCode,
                                 dossier.counter, dossier.clerk])
            dossier.id = db.lastInsertedRowID
            try log(db, at: now, actor: actor, entity: "dossier", key: dossier.code, action: "receive",
                    data: ["procedure": dossier.procedureCode, "applicant": dossier.applicantName,
                           "channel": dossier.channel.rawValue, "due_date": due.iso, "ticket": dossier.ticketCode])
            return dossier
        }
    }

    /// The same person (by CCCD) is one applicant; details given now fill in what was missing.
    static func upsertApplicant(_ a: Applicant, now: Date, _ db: Database) throws -> Int64 {
        if let id = a.idNumber,
           let existing = try Row.fetchOne(db, sql: "SELECT * FROM applicants WHERE id_number = ?", arguments: [id]).map(ApplicantRow.decode),
           let existingId = existing.id {
            let merged = Applicant(id: existingId, name: a.name, idNumber: id, phone: a.phone ?? existing.phone,
                                   address: a.address ?? existing.address)
            try db.execute(sql: "UPDATE applicants SET name = ?, phone = ?, address = ?, search_key = ? WHERE id = ?",
                           arguments: [merged.name, merged.phone, merged.address, merged.searchKey, existingId])
            return existingId
        }
        try db.execute(sql: "INSERT INTO applicants (name, id_number, phone, address, search_key, created_at) VALUES (?,?,?,?,?,?)",
                       arguments: [a.name, a.idNumber, a.phone, a.address, a.searchKey, Timestamp.text(now)])
        return db.lastInsertedRowID
    }

    public func dossiers(_ filter: DossierFilter) throws -> [Dossier] {
        var clauses: [String] = []
        var args: [(any DatabaseValueConvertible)?] = []
        if let s = filter.status { clauses.append("status = ?"); args.append(s.rawValue) }
        if let d = filter.overdueOn {
            let open = DossierStatus.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ",")
            clauses.append("status IN (\(open)) AND due_date < ?"); args.append(d.iso)
        }
        if let d = filter.dueBefore { clauses.append("due_date < ?"); args.append(d.iso) }
        if let d = filter.receivedOn { clauses.append("day = ?"); args.append(d.iso) }
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM dossiers \(whereSQL) ORDER BY due_date, code LIMIT \(filter.limit)",
                             arguments: StatementArguments(args.map { $0?.databaseValue ?? .null }))
        }
        var result = rows.map(DossierRow.decode)
        if let q = filter.search, !q.trimmingCharacters(in: .whitespaces).isEmpty {
            let upper = q.trimmingCharacters(in: .whitespaces).uppercased()
            result = result.filter { $0.code.hasPrefix(upper) || VietnameseText.matchesWordPrefix(query: q, in: VietnameseText.fold($0.applicantName)) }
        }
        return result
    }

    public func dossier(code: String) throws -> Dossier? {
        let c = code.trimmingCharacters(in: .whitespaces).uppercased()
        return try read { db in try Row.fetchOne(db, sql: "SELECT * FROM dossiers WHERE code = ?", arguments: [c]).map(DossierRow.decode) }
    }

    public func applicant(id: Int64) throws -> Applicant? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM applicants WHERE id = ?", arguments: [id]).map(ApplicantRow.decode) }
    }

    /// Past applicants by folded name word prefixes, CCCD or phone prefix.
    public func searchApplicants(_ query: String, limit: Int = 50) throws -> [Applicant] {
        guard let clause = SearchKey.wordClause("search_key", query) else { return [] }
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM applicants WHERE \(clause.sql) ORDER BY name LIMIT 500",
                             arguments: StatementArguments(clause.arguments)).map(ApplicantRow.decode)
        }
        return Array(rows.filter { VietnameseText.matchesWordPrefix(query: query, in: $0.searchKey) }.prefix(limit))
    }

    public func events(entity: String, key: String) throws -> [AuditEvent] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM events WHERE entity = ? AND entity_key = ? ORDER BY id", arguments: [entity, key]).map(EventRow.decode)
        }
    }

    /// Moves a dossier along its process; illegal moves are refused by the model with the reason.
    public func changeDossier(code: String, to next: DossierStatus, trackingNumber: String? = nil, reason: String? = nil,
                              now: Date, actor: Actor) throws -> Dossier {
        let c = code.trimmingCharacters(in: .whitespaces).uppercased()
        return try write { db in
            guard var d = try Row.fetchOne(db, sql: "SELECT * FROM dossiers WHERE code = ?", arguments: [c]).map(DossierRow.decode) else {
                throw StoreError.notFound(Localized(vi: "hồ sơ", en: "dossier"), c)
            }
            let before = d.status
            try before.check(to: next, dossier: d.code)
            d.status = next
            if next.isFinal { d.closedAt = now }
            if let trackingNumber { d.trackingNumber = trackingNumber }
            try db.execute(sql: "UPDATE dossiers SET status = ?, closed_at = ?, tracking_number = ? WHERE id = ?",
                           arguments: [next.rawValue, d.closedAt.map(Timestamp.text), d.trackingNumber, d.id])
            try log(db, at: now, actor: actor, entity: "dossier", key: d.code, action: next.rawValue,
                    data: ["from": before.rawValue, "to": next.rawValue, "tracking_number": trackingNumber, "reason": reason])
            return d
        }
    }
}
