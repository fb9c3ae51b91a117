import Foundation
import GRDB
import MotCuaCore

/// Row mapping lives in the store so the model stays free of GRDB.
enum SearchKey {
    /// `SearchRule.compactNumber`: the one rule, here under its old name for the store's callers.
    static func compactNumber(_ text: String) -> String { SearchRule.compactNumber(text) }

    /// The full-text query of `SearchRule`'s words: each a prefix (`"ng"* "van"*`, all required).
    /// Words hold only letters and digits, so quoting them cannot break the query. Nil without a word.
    static func ftsMatch(_ query: String) -> String? {
        let words = SearchRule.words(query)
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"*" }.joined(separator: " ")
    }

    static func make(name: String?, idNumber: String?, phone: String?) -> String {
        ([name.map(VietnameseText.fold)] + [idNumber, phone]).compactMap { $0 }.joined(separator: " ")
    }
}

extension SearchKey {
    /// The first `limit` rows of `sql` (ordered, without LIMIT) that `keep` turns into values.
    /// An index lets through a row where two query words prefix the same name word ("ng ng"
    /// and Nguyễn Văn), so the exact word match is checked here, and rows are read in chunks
    /// until `limit` are kept: the limit counts real matches, never candidates.
    static func fetch<T>(_ db: Database, sql: String, arguments: [DatabaseValue], limit: Int,
                         keep: (Row) throws -> T?) throws -> [T] {
        var out: [T] = []
        let chunk = max(limit, 200)
        var offset = 0
        while out.count < limit {
            let rows = try Row.fetchAll(db, sql: sql + " LIMIT \(chunk) OFFSET \(offset)", arguments: StatementArguments(arguments))
            for row in rows {
                guard let value = try keep(row) else { continue }
                out.append(value)
                if out.count == limit { break }
            }
            if rows.count < chunk { break }
            offset += chunk
        }
        return out
    }
}

extension Row {
    func date(_ column: String) -> Date? { (self[column] as String?).flatMap(Timestamp.date) }
    func localDate(_ column: String) -> LocalDate? { (self[column] as String?).flatMap(Timestamp.day) }
}

enum ProcedureRow {
    static func upsert(_ p: Procedure, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO procedures (code, name, field, processing_days, processing_unit, cutoff_minute, fee, fee_note,
                                    deliveries, effective_from, effective_to, legal_basis, note, folded_name, documents)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            ON CONFLICT(code) DO UPDATE SET name=excluded.name, field=excluded.field,
                processing_days=excluded.processing_days, processing_unit=excluded.processing_unit,
                cutoff_minute=excluded.cutoff_minute, fee=excluded.fee,
                fee_note=excluded.fee_note, deliveries=excluded.deliveries, effective_from=excluded.effective_from,
                effective_to=excluded.effective_to, legal_basis=excluded.legal_basis, note=excluded.note,
                folded_name=excluded.folded_name, documents=excluded.documents
            """, arguments: arguments(p))
    }

    /// Adds a version of the procedure, or corrects the version with the same code and
    /// effective-from date; no other version is touched. Says what happened.
    enum VersionWrite { case added, corrected, unchanged }
    static func writeVersion(_ p: Procedure, _ db: Database) throws -> VersionWrite {
        let from = p.effectiveFrom?.iso ?? ""
        let before = try Row.fetchOne(db, sql: "SELECT * FROM procedure_versions WHERE code = ? AND effective_from = ?",
                                      arguments: [p.code, from]).map(decode)
        if before == p { return .unchanged }
        // The code must exist in `procedures` before a version can reference it.
        try db.execute(sql: """
            INSERT INTO procedures (code, name, field, processing_days, processing_unit, cutoff_minute, fee, fee_note,
                                    deliveries, effective_from, effective_to, legal_basis, note, folded_name, documents)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(code) DO NOTHING
            """, arguments: arguments(p))
        try db.execute(sql: """
            INSERT INTO procedure_versions (code, name, field, processing_days, processing_unit, cutoff_minute, fee, fee_note,
                                    deliveries, effective_from, effective_to, legal_basis, note, folded_name, documents)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            ON CONFLICT(code, effective_from) DO UPDATE SET name=excluded.name, field=excluded.field,
                processing_days=excluded.processing_days, processing_unit=excluded.processing_unit,
                cutoff_minute=excluded.cutoff_minute, fee=excluded.fee,
                fee_note=excluded.fee_note, deliveries=excluded.deliveries,
                effective_to=excluded.effective_to, legal_basis=excluded.legal_basis, note=excluded.note,
                folded_name=excluded.folded_name, documents=excluded.documents
            """, arguments: arguments(p, fromText: from))
        return before == nil ? .added : .corrected
    }

    static func versions(code: String, _ db: Database) throws -> [Procedure] {
        try Row.fetchAll(db, sql: "SELECT * FROM procedure_versions WHERE code = ? ORDER BY effective_from",
                         arguments: [code]).map(decode)
    }

    /// Sets the `procedures` row of the code to the version that stands for it on `day`
    /// (`Procedure.current(in:on:)`).
    static func refreshCurrent(code: String, on day: LocalDate, _ db: Database) throws {
        guard let p = Procedure.current(in: try versions(code: code, db), on: day) else { return }
        try upsert(p, db)
    }

    private static func arguments(_ p: Procedure, fromText: String? = nil) -> StatementArguments {
        let from: String? = fromText ?? p.effectiveFrom?.iso
        return [p.code, p.name, p.field, p.processingDays, p.processingUnit.rawValue, p.cutoffMinuteOfDay,
                p.fee, p.feeNote, p.deliveries.map(\.rawValue).sorted().joined(separator: ";"),
                from, p.effectiveTo?.iso, p.legalBasis, p.note, VietnameseText.fold(p.name), ReceivedDocument.listText(p.documents)]
    }

    /// An unknown unit is an error naming the row: read as working days it would print a wrong
    /// due date without anyone noticing.
    static func decode(_ r: Row) throws -> Procedure {
        let code: String = r["code"]
        let deliveries = Set(((r["deliveries"] as String?) ?? "").split(separator: ";").compactMap { Delivery(rawValue: String($0)) })
        return Procedure(code: code, name: r["name"], field: r["field"], processingDays: r["processing_days"],
                         processingUnit: try r.required("processing_unit", "thủ tục", code) { ProcessingUnit(rawValue: $0) },
                         cutoffMinuteOfDay: r["cutoff_minute"], fee: r["fee"], feeNote: r["fee_note"],
                         deliveries: deliveries, effectiveFrom: r.localDate("effective_from"),
                         effectiveTo: r.localDate("effective_to"), legalBasis: r["legal_basis"], note: r["note"],
                         documents: try documents(r, code))
    }

    /// The stored papers; a list that no longer reads is an error naming the row.
    private static func documents(_ r: Row, _ code: String) throws -> [ReceivedDocument] {
        let raw: String = r["documents"] ?? ""
        do { return try ReceivedDocument.parseList(raw) } catch { throw unreadable("thủ tục", code, "documents", raw) }
    }
}

/// A stored value the program cannot read: an error naming the record, never a silent default
/// (an unknown status read as "received" would hide a damaged or newer file).
func unreadable(_ what: String, _ key: String, _ column: String, _ value: String?) -> StoreError {
    StoreError("\(what) '\(key)': giá trị '\(value ?? "NULL")' ở cột \(column) không đọc được (tệp hỏng hoặc của phiên bản mới hơn)",
               "\(what) '\(key)': cannot read '\(value ?? "NULL")' in column \(column) (damaged file, or from a newer version)")
}

/// A stored row read by column name: GRDB's `Row`, or an `IndexedRow` (by position).
protocol NamedColumns {
    subscript<Value: DatabaseValueConvertible>(_ name: String) -> Value? { get }
}

extension Row: NamedColumns {}

extension NamedColumns {
    func required<T>(_ column: String, _ what: String, _ key: String, _ parse: (String) -> T?) throws -> T {
        let raw: String? = self[column]
        guard let raw, let value = parse(raw) else { throw unreadable(what, key, column, raw) }
        return value
    }

    func optionalDate(_ column: String, _ what: String, _ key: String) throws -> Date? {
        let raw: String? = self[column]
        guard let raw else { return nil }
        guard let d = Timestamp.date(raw) else { throw unreadable(what, key, column, raw) }
        return d
    }
}

enum TicketRow {
    static func decode(_ r: Row) throws -> Ticket {
        let key = "\(r["day"] as String? ?? "?")/\(r["series"] as String? ?? "?")\(r["number"] as Int? ?? 0)"
        let what = "phiếu"
        return Ticket(id: r["id"], day: try r.required("day", what, key, Timestamp.day),
               series: try r.required("series", what, key) { Ticket.Series(rawValue: $0) }, number: r["number"],
               applicantName: r["applicant_name"], phone: r["phone"], idNumber: r["id_number"],
               procedureCode: r["procedure_code"], priorityCode: r["priority_code"], priorityReason: r["priority_reason"],
               status: try r.required("status", what, key) { Ticket.Status(rawValue: $0) }, counter: r["counter"], clerk: r["clerk"],
               issuedAt: try r.required("issued_at", what, key, Timestamp.date), calledAt: try r.optionalDate("called_at", what, key),
               finishedAt: try r.optionalDate("finished_at", what, key), recallCount: r["recall_count"],
               appointmentAt: try r.optionalDate("appointment_at", what, key), appointmentId: r["appointment_id"])
    }

    static func insert(_ t: Ticket, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO tickets (day, series, number, applicant_name, phone, id_number, procedure_code, priority_code,
                                 priority_reason, status, counter, clerk, issued_at, called_at, finished_at,
                                 recall_count, appointment_at, search_key, appointment_id)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """, arguments: [t.day.iso, t.series.rawValue, t.number, t.applicantName, t.phone, t.idNumber,
                             t.procedureCode, t.priorityCode, t.priorityReason, t.status.rawValue, t.counter, t.clerk,
                             Timestamp.text(t.issuedAt), t.calledAt.map(Timestamp.text), t.finishedAt.map(Timestamp.text),
                             t.recallCount, t.appointmentAt.map(Timestamp.text),
                             SearchKey.make(name: t.applicantName, idNumber: t.idNumber, phone: t.phone), t.appointmentId])
        return db.lastInsertedRowID
    }

    /// Writes every field a clerk action can change (state, counter, and the corrections).
    static func update(_ t: Ticket, _ db: Database) throws {
        guard let id = t.id else { return }
        try db.execute(sql: """
            UPDATE tickets SET status = ?, counter = ?, clerk = ?, called_at = ?, finished_at = ?, recall_count = ?,
                applicant_name = ?, phone = ?, id_number = ?, procedure_code = ?, priority_code = ?, priority_reason = ?,
                search_key = ?
            WHERE id = ?
            """, arguments: [t.status.rawValue, t.counter, t.clerk, t.calledAt.map(Timestamp.text),
                             t.finishedAt.map(Timestamp.text), t.recallCount, t.applicantName, t.phone, t.idNumber,
                             t.procedureCode, t.priorityCode, t.priorityReason,
                             SearchKey.make(name: t.applicantName, idNumber: t.idNumber, phone: t.phone), id])
    }

    static func fetch(day: LocalDate, code: String, _ db: Database) throws -> Ticket? {
        let (series, number) = try Ticket.parse(code: code)
        return try Row.fetchOne(db, sql: "SELECT * FROM tickets WHERE day = ? AND series = ? AND number = ?",
                                arguments: [day.iso, series.rawValue, number]).map(decode)
    }
}

/// A row read through a name → position map made once per query: GRDB's lookup by name
/// lowercases the name on every access (40 columns, every row: a third of decoding a dossier).
struct IndexedRow: NamedColumns {
    let row: Row
    let columns: [String: Int]

    /// The map of a query's columns (the first occurrence of a name wins, as GRDB's lookup).
    static func columns(of row: Row) -> [String: Int] {
        var map: [String: Int] = [:]
        for (i, name) in row.columnNames.enumerated() where map[name] == nil { map[name] = i }
        return map
    }

    /// As `Row`'s own subscript (an optional type for a column that may be NULL), by position.
    subscript<Value: DatabaseValueConvertible>(_ name: String) -> Value {
        guard let i = columns[name] else { return row[name] }
        return row[i]
    }

}

enum DossierRow {
    static func decode(_ r: Row) throws -> Dossier {
        try decode(IndexedRow(row: r, columns: IndexedRow.columns(of: r)))
    }

    /// Rows of one query, its column map made once.
    static func decodeAll(_ rows: [Row]) throws -> [Dossier] {
        guard let first = rows.first else { return [] }
        let columns = IndexedRow.columns(of: first)
        return try rows.map { try decode(IndexedRow(row: $0, columns: columns)) }
    }

    static func decode(_ r: IndexedRow) throws -> Dossier {
        let key: String = r["code"] ?? "?"
        let what = "hồ sơ"
        let missing = try r.required("missing_items", what, key) { JSONList.decode([String].self, $0) }
        var d = Dossier(id: r["id"], code: key, procedureCode: r["procedure_code"], applicantId: r["applicant_id"],
                applicantName: r["applicant_name"], channel: try r.required("channel", what, key) { Channel(rawValue: $0) },
                delivery: try r.required("delivery", what, key) { Delivery(rawValue: $0) }, deliveryAddress: r["delivery_address"],
                notes: r["notes"], receivedAt: try r.required("received_at", what, key, Timestamp.date),
                dueDate: try r.required("due_date", what, key, Timestamp.day),
                status: try r.required("status", what, key) { DossierStatus(rawValue: $0) }, ticketCode: r["ticket_code"],
                counter: r["counter"], clerk: r["clerk"], trackingNumber: r["tracking_number"],
                closedAt: try r.optionalDate("closed_at", what, key))
        d.readyAt = try r.optionalDate("ready_at", what, key)
        d.resultReceiver = r["result_receiver"]
        d.resultReceiverId = r["result_receiver_id"]
        d.reason = r["reason"]
        d.missingItems = missing
        d.procedureSnapshot = (r["procedure_snapshot"] as String?).flatMap(SnapshotCache.shared.snapshot)
        d.documents = try r.required("documents", what, key) { JSONList.decode([ReceivedDocument].self, $0) }
        d.sentTo = r["sent_to"]
        d.sentAt = try r.optionalDate("sent_at", what, key)
        if let raw = r["original_due_date"] as String? {
            guard let day = Timestamp.day(raw) else { throw unreadable(what, key, "original_due_date", raw) }
            d.originalDueDate = day
        }
        d.apologyReason = r["apology_reason"]
        d.postage = r["postage"]
        d.postDeliveredAt = try r.optionalDate("post_delivered_at", what, key)
        d.postReturnedAt = try r.optionalDate("post_returned_at", what, key)
        d.feeCollected = r["fee_collected"]
        return d
    }

    /// The papers as stored: a JSON list, the same text for the same list.
    static func documentsJSON(_ documents: [ReceivedDocument]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(documents)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// Writes what a clerk's step changes.
    static func updateState(_ d: Dossier, _ db: Database) throws {
        let missing = String(decoding: (try? JSONEncoder().encode(d.missingItems)) ?? Data("[]".utf8), as: UTF8.self)
        try db.execute(sql: """
            UPDATE dossiers SET status = ?, closed_at = ?, tracking_number = ?, ready_at = ?, result_receiver = ?,
                result_receiver_id = ?, reason = ?, missing_items = ?, delivery_address = ?, delivery = ?,
                due_date = ?, original_due_date = ?, apology_reason = ?, sent_to = ?, sent_at = ?, postage = ?,
                post_delivered_at = ?, post_returned_at = ?, fee_collected = ?
            WHERE id = ?
            """, arguments: [d.status.rawValue, d.closedAt.map(Timestamp.text), d.trackingNumber, d.readyAt.map(Timestamp.text),
                             d.resultReceiver, d.resultReceiverId, d.reason, missing, d.deliveryAddress, d.delivery.rawValue,
                             d.dueDate.iso, d.originalDueDate?.iso, d.apologyReason, d.sentTo, d.sentAt.map(Timestamp.text), d.postage,
                             d.postDeliveredAt.map(Timestamp.text), d.postReturnedAt.map(Timestamp.text), d.feeCollected, d.id])
    }

    static func fetch(code: String, _ db: Database) throws -> Dossier? {
        let c = code.trimmingCharacters(in: .whitespaces).uppercased()
        return try Row.fetchOne(db, sql: "SELECT * FROM dossiers WHERE code = ?", arguments: [c]).map(decode)
    }
}

/// A JSON list column: most rows hold the empty list, which needs no decoder.
enum JSONList {
    static func decode<T: Decodable>(_ type: [T].Type, _ text: String) -> [T]? {
        if text == "[]" { return [] }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

/// Procedure snapshots repeat: every dossier of a procedure version holds the same text, so a
/// list of a thousand dossiers decodes a few dozen of them, not a thousand.
final class SnapshotCache: @unchecked Sendable {
    static let shared = SnapshotCache()
    private let lock = NSLock()
    private var decoded: [String: ProcedureSnapshot] = [:]

    func snapshot(_ text: String) -> ProcedureSnapshot? {
        lock.lock()
        let known = decoded[text]
        lock.unlock()
        if let known { return known }
        guard let value = try? JSONDecoder().decode(ProcedureSnapshot.self, from: Data(text.utf8)) else { return nil }
        lock.lock()
        // Bounded: a catalog has a few hundred versions; a damaged file must not grow this.
        if decoded.count > 2_000 { decoded.removeAll() }
        decoded[text] = value
        lock.unlock()
        return value
    }
}

enum ApplicantRow {
    static func decode(_ r: Row) -> Applicant {
        Applicant(id: r["id"], name: r["name"], idNumber: r["id_number"], phone: r["phone"], address: r["address"])
    }
}

enum EventRow {
    static func decode(_ r: Row) throws -> AuditEvent {
        AuditEvent(id: r["id"], at: try r.required("at", "sự kiện", "\(r["id"] as Int64? ?? 0)", Timestamp.date),
                   actor: Actor(user: r["user"], counter: r["counter"]), entity: r["entity"],
                   entityKey: r["entity_key"], action: r["action"], data: r["data"], undoneBy: r["undone_by"])
    }
}
