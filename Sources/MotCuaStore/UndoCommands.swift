import Foundation
import GRDB
import MotCuaCore

/// What an undo took back, worded for the clerk.
public struct UndoResult: Sendable, Hashable {
    /// The action undone (`call`, `ready` …) and what it was on (`A002`, `MC-261130-004`).
    public let action: String
    public let subject: String
    public let message: Localized
}

extension AppDatabase {
    /// Undoes this clerk's (user and counter; without a counter, the user's at any counter) last
    /// change of today — a ticket move, a
    /// registration, a correction, a dossier step — as new audited events that put the earlier
    /// state back; history is never deleted. Refuses, saying why, when something depends on it
    /// since, or when the step cannot be taken back (a rejection, a withdrawal, a receipt).
    public func undoLast(now: Date, actor: Actor) throws -> UndoResult {
        try write { db in
            try Self.checkCounter(actor, try Self.profile(db))
            let day = VietnamTime.local(now).date
            guard let batch = try Int64.fetchOne(db, sql: """
                SELECT batch FROM events
                WHERE at >= ? AND user = ? AND (counter IS ? OR ? IS NULL) AND action != 'undo' AND undone_by IS NULL
                  AND +entity IN ('ticket', 'dossier', 'applicant', 'appointment', 'waitlist') -- `+`: search by today's time, never by entity (all history)
                ORDER BY id DESC LIMIT 1
                """, arguments: [Timestamp.startOf(day), actor.user, actor.counter, actor.counter]) else {
                throw RuleViolation(code: "undo_nothing",
                                    message: Localized(vi: "Không có thao tác nào hôm nay của \(actor.user)\(actor.counter.map { " (quầy \($0))" } ?? "") để hoàn tác",
                                                       en: "Nothing of \(actor.user)'s\(actor.counter.map { " (counter \($0))" } ?? "") today to undo"))
            }
            let events = try Row.fetchAll(db, sql: "SELECT * FROM events WHERE batch = ? ORDER BY id", arguments: [batch]).map(EventRow.decode)
            guard let main = events.last, let lastId = main.id else {
                throw StoreError("Không tìm thấy thao tác để hoàn tác", "The change to undo was not found")
            }
            let subject = switch main.entity {
            case "ticket": String(main.entityKey.split(separator: "/").last ?? "")
            case "appointment": "#" + main.entityKey
            case "waitlist": "C" + main.entityKey
            default: main.entityKey
            }
            let what = AuditActionLabel.label(main.action, entity: main.entity)
            func refuse(_ vi: String, _ en: String) -> RuleViolation {
                RuleViolation(code: "undo_refused",
                              message: Localized(vi: "Không hoàn tác được '\(what.vi)' \(subject): \(vi)",
                                                 en: "Cannot undo '\(what.en)' \(subject): \(en)"))
            }
            if events.contains(where: { $0.action == "receive" }) {
                throw refuse("hồ sơ đã có mã và giấy hẹn; nếu nhận nhầm, dùng Rút hồ sơ với lý do",
                             "the dossier has its code and receipt; if it was a mistake, withdraw it with a reason")
            }
            if let kind = DossierActionKind(rawValue: main.action), kind.isIrreversible {
                throw refuse("bước này không thể hoàn tác", "this step cannot be undone")
            }
            for e in events {
                if let later = try String.fetchOne(db, sql: """
                    SELECT action FROM events WHERE entity = ? AND entity_key = ? AND id > ? AND undone_by IS NULL AND action != 'undo'
                    ORDER BY id LIMIT 1
                    """, arguments: [e.entity, e.entityKey, lastId]) {
                    throw refuse("sau đó đã có '\(AuditActionLabel.label(later, entity: e.entity).vi)'", "'\(AuditActionLabel.label(later, entity: e.entity).en)' happened since")
                }
            }
            var log = ActionBatch(db, at: now, actor: actor)
            var placesPutBack: [Appointment] = []
            for e in events.reversed() {
                let data = EventData.parse(e.data)
                var undo = EventData()
                undo.undoes = e.id
                switch (e.entity, e.action) {
                case ("ticket", "register"):
                    let code = String(e.entityKey.split(separator: "/").last ?? "")
                    guard var t = try TicketRow.fetch(day: day, code: code, db) else { throw refuse("không còn phiếu", "the ticket is gone") }
                    if let dossier = try String.fetchOne(db, sql: "SELECT code FROM dossiers WHERE day = ? AND ticket_code = ?",
                                                         arguments: [day.iso, t.code]) {
                        throw refuse("đã tiếp nhận hồ sơ \(dossier) từ số này", "dossier \(dossier) was received from this ticket")
                    }
                    undo.from = t.status.rawValue
                    t.status = .cancelled
                    t.finishedAt = now
                    undo.to = t.status.rawValue
                    try TicketRow.update(t, db)
                case ("ticket", _):
                    guard let before = data.ticketBefore else { throw refuse("thao tác cũ không lưu trạng thái trước", "the old change kept no earlier state") }
                    undo.from = data.to; undo.to = before.status.rawValue
                    try TicketRow.update(before, db)
                case ("appointment", "book"):
                    guard let id = Int64(e.entityKey), var a = try AppointmentRow.fetch(id: id, db) else { throw refuse("không còn lịch hẹn", "the appointment is gone") }
                    undo.from = a.status.rawValue
                    a.status = .cancelled; a.finishedAt = now
                    undo.to = a.status.rawValue
                    try AppointmentRow.update(a, db)
                case ("appointment", _):
                    guard let before = data.appointmentBefore else { throw refuse("thao tác cũ không lưu trạng thái trước", "the old change kept no earlier state") }
                    if before.status.holdsPlace { placesPutBack.append(before) }
                    undo.from = data.to; undo.to = before.status.rawValue
                    try AppointmentRow.update(before, db)
                case ("waitlist", "add"):
                    guard let id = Int64(e.entityKey), var w = try WaitlistRow.fetch(id: id, db) else { throw refuse("không còn trong danh sách chờ", "the waitlist entry is gone") }
                    undo.from = w.status.rawValue
                    w.status = .closed
                    undo.to = w.status.rawValue
                    try WaitlistRow.update(w, db)
                case ("waitlist", _):
                    guard let before = data.waitlistBefore else { throw refuse("thao tác cũ không lưu trạng thái trước", "the old change kept no earlier state") }
                    undo.from = data.to; undo.to = before.status.rawValue
                    try WaitlistRow.update(before, db)
                case ("dossier", _):
                    guard let before = data.dossierBefore else { throw refuse("thao tác cũ không lưu trạng thái trước", "the old change kept no earlier state") }
                    undo.from = data.to; undo.to = before.status.rawValue
                    try DossierRow.updateState(before, db)
                default:
                    throw refuse("loại thao tác này không hoàn tác được", "this kind of change cannot be undone")
                }
                try log.record(entity: e.entity, key: e.entityKey, action: "undo", data: undo)
            }
            // A place put back (a cancel or a move undone) must still be free once everything of
            // the action is undone (its waitlist offer too): someone else may have booked it since.
            if !placesPutBack.isEmpty {
                let profile = try Self.profile(db)
                let places = AppointmentSchedule(settings: profile.appointments, counters: profile.counters, calendar: WorkingCalendar())
                for a in placesPutBack {
                    let others = try Self.placesTaken(day: a.day, profile: profile, notFor: (nil, nil), db).filter { $0.id != a.id }
                    if places.free(from: a.busyFrom, until: a.busyUntil, others) == 0 {
                        throw refuse("giờ cũ \(TimeOfDay.hhmm(a.startMinute)) ngày \(a.day.vietnamese) đã có người khác đặt",
                                     "the old time \(TimeOfDay.hhmm(a.startMinute)) on \(a.day.iso) has been booked by someone else")
                    }
                }
            }
            if let undoBatch = log.batch {
                try db.execute(sql: "UPDATE events SET undone_by = ? WHERE batch = ?", arguments: [undoBatch, batch])
            }
            return UndoResult(action: main.action, subject: subject,
                              message: Localized(vi: "Đã hoàn tác: \(what.vi) \(subject)", en: "Undone: \(what.en) \(subject)"))
        }
    }
}
