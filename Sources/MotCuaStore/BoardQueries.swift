import Foundation
import GRDB
import MotCuaCore

/// Everything the supervisor's board shows, read in one go: today's tickets in calling order,
/// the day's appointments, the dossiers due today and overdue (the same rule as the header's
/// counts), the results not collected and those in the post.
public struct BoardData: Sendable {
    public var profile: DeskProfile
    /// Today's tickets in calling order (`DeskStore.callingOrder`).
    public var tickets: [Ticket]
    public var appointments: [Appointment]
    public var dueToday: [Dossier]
    public var overdue: [Dossier]
    public var uncollected: [UncollectedDossier]
    public var inPost: [Dossier]
    /// The next working day with appointments booked (within two weeks) and its appointments,
    /// for the board's "next appointments" once today has none left.
    public var nextDay: (day: LocalDate, appointments: [Appointment])? = nil
}

/// The board's and the waiting-room display's reads. Nothing here writes: both run on a
/// read-only store.
extension AppDatabase {
    /// Results sent by post that the post has not delivered yet (a result the post brought back
    /// is ready at the desk again, so it is not here), oldest first. Filtered in SQL: posted
    /// dossiers pile up over the years.
    public func dossiersInPost(limit: Int) throws -> [Dossier] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM dossiers WHERE status = ? AND post_delivered_at IS NULL
                ORDER BY closed_at, code LIMIT ?
                """, arguments: [DossierStatus.posted.rawValue, limit]).map(DossierRow.decode)
        }
    }

    /// The waiting room's data for `day`: the latest `limit` calls (call and call-again events
    /// not undone, newest first) and how many tickets wait. Only the ticket number, the counter
    /// and the time leave this query; the events' other data is never decoded here.
    public func displayData(day: LocalDate, limit: Int) throws -> DisplayData {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, at, entity_key, COALESCE(json_extract(data, '$.counter'), counter) AS counter
                FROM events
                WHERE at >= ? AND at < ? AND entity = 'ticket' AND action IN ('call', 'recall') AND undone_by IS NULL
                ORDER BY id DESC LIMIT ?
                """, arguments: [Timestamp.startOf(day), Timestamp.startOf(day.adding(days: 1)), max(0, limit)])
            let calls: [TicketCall] = rows.compactMap { r in
                let key: String = r["entity_key"] ?? ""
                guard let code = key.split(separator: "/").last.map(String.init), !code.isEmpty,
                      let counter: Int = r["counter"], let at = (r["at"] as String?).flatMap(Timestamp.date) else { return nil }
                return TicketCall(id: r["id"], ticket: code, counter: counter, at: at)
            }
            let waiting = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets WHERE day = ? AND status = ?",
                                           arguments: [day.iso, Ticket.Status.waiting.rawValue]) ?? 0
            return DisplayData(calls: calls, waiting: waiting)
        }
    }
}

extension DeskStore {
    /// The board's data for the day of `now` (each part one read; the board reloads on the next
    /// change, so parts a write lands between are current again within a wake-up).
    public func board(now: Date, calendar: WorkingCalendar, inPostLimit: Int = 500) throws -> BoardData {
        let today = VietnamTime.local(now).date
        var data = BoardData(profile: try profile(), tickets: try callingOrder(day: today, now: now),
                             appointments: try appointments(day: today),
                             dueToday: try dossiers(matching: .dueToday(today)), overdue: try dossiers(matching: .overdue(on: today)),
                             uncollected: try uncollectedDossiers(today: today, calendar: calendar),
                             inPost: try dossiersInPost(limit: inPostLimit))
        var day = today.adding(days: 1)
        while day <= today.adding(days: 14) {
            if calendar.isWorkingDay(day) {
                let booked = try appointments(day: day).filter { $0.status == .booked }
                if !booked.isEmpty { data.nextDay = (day, booked); break }
            }
            day = day.adding(days: 1)
        }
        return data
    }
}
