import Foundation
import GRDB
import MotCuaCore

enum CodeList {
    static func encode(_ codes: [String]) -> String {
        (try? JSONEncoder().encode(codes)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
    static func decode(_ text: String?) -> [String] {
        guard let text else { return [] }
        return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}

enum AppointmentRow {
    static func decode(_ r: Row) throws -> Appointment {
        let key = "#\(r["id"] as Int64? ?? 0)"
        let what = "lịch hẹn"
        return Appointment(
            id: r["id"], day: try r.required("day", what, key) { LocalDate(iso: $0) }, startMinute: r["start_minute"],
            minutes: r["minutes"], kind: try r.required("kind", what, key) { AppointmentKind(rawValue: $0) },
            status: try r.required("status", what, key) { AppointmentStatus(rawValue: $0) },
            applicantName: r["applicant_name"], phone: r["phone"], idNumber: r["id_number"],
            procedureCodes: CodeList.decode(r["procedure_codes"]), dossierCode: r["dossier_code"], address: r["address"],
            travelBefore: r["travel_before"], travelAfter: r["travel_after"], note: r["note"], ticketCode: r["ticket_code"],
            bookedAt: try r.required("booked_at", what, key, Timestamp.date),
            checkedInAt: try r.optionalDate("checked_in_at", what, key), finishedAt: try r.optionalDate("finished_at", what, key),
            cancelReason: r["cancel_reason"], rescheduleCount: r["reschedule_count"])
    }

    static func insert(_ a: Appointment, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO appointments (day, start_minute, minutes, kind, status, applicant_name, phone, id_number,
                procedure_codes, dossier_code, address, travel_before, travel_after, note, ticket_code, booked_at,
                checked_in_at, finished_at, cancel_reason, reschedule_count, search_key)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """, arguments: [a.day.iso, a.startMinute, a.minutes, a.kind.rawValue, a.status.rawValue, a.applicantName,
                             a.phone, a.idNumber, CodeList.encode(a.procedureCodes), a.dossierCode, a.address,
                             a.travelBefore, a.travelAfter, a.note, a.ticketCode, Timestamp.text(a.bookedAt),
                             a.checkedInAt.map(Timestamp.text), a.finishedAt.map(Timestamp.text), a.cancelReason,
                             a.rescheduleCount, SearchKey.make(name: a.applicantName, idNumber: a.idNumber, phone: a.phone)])
        return db.lastInsertedRowID
    }

    /// Writes what a clerk action can change: time, state, ticket.
    static func update(_ a: Appointment, _ db: Database) throws {
        guard let id = a.id else { return }
        try db.execute(sql: """
            UPDATE appointments SET day = ?, start_minute = ?, minutes = ?, status = ?, ticket_code = ?,
                checked_in_at = ?, finished_at = ?, cancel_reason = ?, reschedule_count = ?
            WHERE id = ?
            """, arguments: [a.day.iso, a.startMinute, a.minutes, a.status.rawValue, a.ticketCode,
                             a.checkedInAt.map(Timestamp.text), a.finishedAt.map(Timestamp.text), a.cancelReason,
                             a.rescheduleCount, id])
    }

    static func fetch(id: Int64, _ db: Database) throws -> Appointment? {
        try Row.fetchOne(db, sql: "SELECT * FROM appointments WHERE id = ?", arguments: [id]).map(decode)
    }

    static func fetch(day: LocalDate, _ db: Database) throws -> [Appointment] {
        try Row.fetchAll(db, sql: "SELECT * FROM appointments WHERE day = ? ORDER BY start_minute, id", arguments: [day.iso]).map(decode)
    }
}

enum WaitlistRow {
    static func decode(_ r: Row) throws -> WaitlistEntry {
        let key = "C\(r["id"] as Int64? ?? 0)"
        let what = "danh sách chờ"
        var w = WaitlistEntry(
            id: r["id"], day: try r.required("day", what, key) { LocalDate(iso: $0) }, wantedMinute: r["wanted_minute"],
            kind: try r.required("kind", what, key) { AppointmentKind(rawValue: $0) }, applicantName: r["applicant_name"],
            phone: r["phone"], idNumber: r["id_number"], procedureCodes: CodeList.decode(r["procedure_codes"]),
            status: try r.required("status", what, key) { WaitlistEntry.Status(rawValue: $0) },
            createdAt: try r.required("created_at", what, key, Timestamp.date), offeredAt: try r.optionalDate("offered_at", what, key),
            offeredMinute: r["offered_minute"], freedBy: r["freed_by"])
        w.outcome = (r["outcome"] as String?).flatMap(WaitlistEntry.Outcome.init(rawValue:))
        return w
    }

    static func insert(_ w: WaitlistEntry, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO waitlist (day, wanted_minute, kind, applicant_name, phone, id_number, procedure_codes, status,
                created_at, offered_at, offered_minute, freed_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
            """, arguments: [w.day.iso, w.wantedMinute, w.kind.rawValue, w.applicantName, w.phone, w.idNumber,
                             CodeList.encode(w.procedureCodes), w.status.rawValue, Timestamp.text(w.createdAt),
                             w.offeredAt.map(Timestamp.text), w.offeredMinute, w.freedBy])
        return db.lastInsertedRowID
    }

    static func update(_ w: WaitlistEntry, _ db: Database) throws {
        guard let id = w.id else { return }
        try db.execute(sql: "UPDATE waitlist SET status = ?, offered_at = ?, offered_minute = ?, freed_by = ?, outcome = ? WHERE id = ?",
                       arguments: [w.status.rawValue, w.offeredAt.map(Timestamp.text), w.offeredMinute, w.freedBy, w.outcome?.rawValue, id])
    }

    static func fetch(id: Int64, _ db: Database) throws -> WaitlistEntry? {
        try Row.fetchOne(db, sql: "SELECT * FROM waitlist WHERE id = ?", arguments: [id]).map(decode)
    }
}
