import Foundation
import GRDB
import MotCuaCore

/// Row mapping lives in the store so the model stays free of GRDB.
enum SearchKey {
    static func make(name: String?, idNumber: String?, phone: String?) -> String {
        ([name.map(VietnameseText.fold)] + [idNumber, phone]).compactMap { $0 }.joined(separator: " ")
    }

    /// SQL that keeps rows whose `column` has every query word as a word prefix (a word starts
    /// the key or follows a space), so a LIMIT applies to real candidates; the exact match (each
    /// word its own name word) is checked in Swift after. Nil when the query has no word.
    static func wordClause(_ column: String, _ query: String) -> (sql: String, arguments: [String])? {
        let words = VietnameseText.words(VietnameseText.fold(query)).map { AppDatabase.likeEscaped(String($0)) }
        guard !words.isEmpty else { return nil }
        let one = "(\(column) LIKE ? ESCAPE '\\' OR \(column) LIKE ? ESCAPE '\\')"
        return (Array(repeating: one, count: words.count).joined(separator: " AND "),
                words.flatMap { ["\($0)%", "% \($0)%"] })
    }
}

extension Row {
    func date(_ column: String) -> Date? { (self[column] as String?).flatMap(Timestamp.date) }
    func localDate(_ column: String) -> LocalDate? { (self[column] as String?).flatMap { LocalDate(iso: $0) } }
}

enum ProcedureRow {
    static func upsert(_ p: Procedure, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO procedures (code, name, field, processing_days, cutoff_minute, fee, fee_note, deliveries,
                                    effective_from, effective_to, legal_basis, folded_name)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
            ON CONFLICT(code) DO UPDATE SET name=excluded.name, field=excluded.field,
                processing_days=excluded.processing_days, cutoff_minute=excluded.cutoff_minute, fee=excluded.fee,
                fee_note=excluded.fee_note, deliveries=excluded.deliveries, effective_from=excluded.effective_from,
                effective_to=excluded.effective_to, legal_basis=excluded.legal_basis, folded_name=excluded.folded_name
            """, arguments: [p.code, p.name, p.field, p.processingDays, p.cutoffMinuteOfDay, p.fee, p.feeNote,
                             p.deliveries.map(\.rawValue).sorted().joined(separator: ";"),
                             p.effectiveFrom?.iso, p.effectiveTo?.iso, p.legalBasis, VietnameseText.fold(p.name)])
    }

    static func decode(_ r: Row) -> Procedure {
        let deliveries = Set(((r["deliveries"] as String?) ?? "").split(separator: ";").compactMap { Delivery(rawValue: String($0)) })
        return Procedure(code: r["code"], name: r["name"], field: r["field"], processingDays: r["processing_days"],
                         cutoffMinuteOfDay: r["cutoff_minute"], fee: r["fee"], feeNote: r["fee_note"],
                         deliveries: deliveries, effectiveFrom: r.localDate("effective_from"),
                         effectiveTo: r.localDate("effective_to"), legalBasis: r["legal_basis"])
    }
}

enum TicketRow {
    static func decode(_ r: Row) -> Ticket {
        Ticket(id: r["id"], day: r.localDate("day") ?? LocalDate(julianDay: 0),
               series: Ticket.Series(rawValue: r["series"]) ?? .ordinary, number: r["number"],
               applicantName: r["applicant_name"], phone: r["phone"], idNumber: r["id_number"],
               procedureCode: r["procedure_code"], priorityCode: r["priority_code"], priorityReason: r["priority_reason"],
               status: Ticket.Status(rawValue: r["status"]) ?? .waiting, counter: r["counter"], clerk: r["clerk"],
               issuedAt: r.date("issued_at") ?? Date(timeIntervalSince1970: 0), calledAt: r.date("called_at"),
               finishedAt: r.date("finished_at"), recallCount: r["recall_count"], appointmentAt: r.date("appointment_at"))
    }

    static func insert(_ t: Ticket, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO tickets (day, series, number, applicant_name, phone, id_number, procedure_code, priority_code,
                                 priority_reason, status, counter, clerk, issued_at, called_at, finished_at,
                                 recall_count, appointment_at, search_key)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """, arguments: [t.day.iso, t.series.rawValue, t.number, t.applicantName, t.phone, t.idNumber,
                             t.procedureCode, t.priorityCode, t.priorityReason, t.status.rawValue, t.counter, t.clerk,
                             Timestamp.text(t.issuedAt), t.calledAt.map(Timestamp.text), t.finishedAt.map(Timestamp.text),
                             t.recallCount, t.appointmentAt.map(Timestamp.text),
                             SearchKey.make(name: t.applicantName, idNumber: t.idNumber, phone: t.phone)])
        return db.lastInsertedRowID
    }

    static func updateState(_ t: Ticket, _ db: Database) throws {
        guard let id = t.id else { return }
        try db.execute(sql: """
            UPDATE tickets SET status = ?, counter = ?, clerk = ?, called_at = ?, finished_at = ?, recall_count = ?
            WHERE id = ?
            """, arguments: [t.status.rawValue, t.counter, t.clerk, t.calledAt.map(Timestamp.text),
                             t.finishedAt.map(Timestamp.text), t.recallCount, id])
    }
}

enum DossierRow {
    static func decode(_ r: Row) -> Dossier {
        Dossier(id: r["id"], code: r["code"], procedureCode: r["procedure_code"], applicantId: r["applicant_id"],
                applicantName: r["applicant_name"], channel: Channel(rawValue: r["channel"]) ?? .direct,
                delivery: Delivery(rawValue: r["delivery"]) ?? .desk, deliveryAddress: r["delivery_address"],
                notes: r["notes"], receivedAt: r.date("received_at") ?? Date(timeIntervalSince1970: 0),
                dueDate: r.localDate("due_date") ?? LocalDate(julianDay: 0),
                status: DossierStatus(rawValue: r["status"]) ?? .received, ticketCode: r["ticket_code"],
                counter: r["counter"], clerk: r["clerk"], trackingNumber: r["tracking_number"], closedAt: r.date("closed_at"))
    }
}

enum ApplicantRow {
    static func decode(_ r: Row) -> Applicant {
        Applicant(id: r["id"], name: r["name"], idNumber: r["id_number"], phone: r["phone"], address: r["address"])
    }
}

enum EventRow {
    static func decode(_ r: Row) -> AuditEvent {
        AuditEvent(id: r["id"], at: r.date("at") ?? Date(timeIntervalSince1970: 0),
                   actor: Actor(user: r["user"], counter: r["counter"]), entity: r["entity"],
                   entityKey: r["entity_key"], action: r["action"], data: r["data"])
    }
}
