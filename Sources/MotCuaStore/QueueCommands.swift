import Foundation
import GRDB
import MotCuaCore

/// Calling the next ticket: the ticket the counter finished on the way (if any) and the one called.
public struct CallNextResult: Sendable, Hashable {
    public let finished: Ticket?
    public let called: Ticket?
}

/// The queue's writes: one transaction per clerk action, with its audit events, every rule
/// decided by `QueueRules` / the request types in MotCuaCore.
extension AppDatabase {
    /// Registers a walk-in and gives the next number of today's series, atomically across
    /// processes (IMMEDIATE transaction + UNIQUE(day, series, number)).
    public func addWalkIn(_ request: WalkInRequest, now: Date, actor: Actor) throws -> Ticket {
        try write { db in
            let profile = try Self.profile(db)
            try Self.checkCounter(actor, profile)
            let day = VietnamTime.local(now).date
            let valid = try request.validated(policy: profile.priority, on: day) { try Self.procedure(code: $0, on: day, db) }
            let series: Ticket.Series = valid.priorityCode == nil ? .ordinary : .priority
            let last = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM tickets WHERE day = ? AND series = ?",
                                        arguments: [day.iso, series.rawValue]) ?? 0
            var ticket = Ticket(day: day, series: series, number: last + 1, applicantName: valid.name,
                                phone: valid.phone, idNumber: valid.idNumber, procedureCode: valid.procedureCode,
                                priorityCode: valid.priorityCode, priorityReason: valid.priorityReason, issuedAt: now)
            ticket.id = try TicketRow.insert(ticket, db)
            var data = EventData(to: Ticket.Status.waiting.rawValue)
            data.applicant = valid.name; data.priority = valid.priorityCode; data.reason = valid.priorityReason
            data.procedure = valid.procedureCode
            var log = ActionBatch(db, at: now, actor: actor)
            try log.record(entity: "ticket", key: ticket.eventKey, action: "register", data: data)
            return ticket
        }
    }

    /// Corrects a walk-in of today; the old and new values of what changed go into the audit log.
    public func correctWalkIn(_ correction: WalkInCorrection, now: Date, actor: Actor) throws -> Ticket {
        try write { db in
            let profile = try Self.profile(db)
            try Self.checkCounter(actor, profile)
            let day = VietnamTime.local(now).date
            let before = try Self.requireTicket(correction.ticketCode, day: day, db)
            let after = try correction.applied(to: before, policy: profile.priority, on: day) { try Self.procedure(code: $0, on: day, db) }
            let fields: [(String, (Ticket) -> String?)] = [
                ("name", { $0.applicantName }), ("phone", { $0.phone }), ("id_number", { $0.idNumber }),
                ("procedure", { $0.procedureCode }), ("priority", { $0.priorityCode }), ("priority_reason", { $0.priorityReason }),
            ]
            var data = EventData()
            data.before = [:]; data.after = [:]
            for (name, value) in fields where value(before) != value(after) {
                data.before?[name] = value(before) ?? ""
                data.after?[name] = value(after) ?? ""
            }
            guard data.after?.isEmpty == false else { return before }
            data.ticketBefore = before
            try TicketRow.update(after, db)
            var log = ActionBatch(db, at: now, actor: actor)
            try log.record(entity: "ticket", key: after.eventKey, action: "correct", data: data)
            return after
        }
    }

    public func tickets(day: LocalDate) throws -> [Ticket] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM tickets WHERE day = ? ORDER BY issued_at, id", arguments: [day.iso]).map(TicketRow.decode)
        }
    }

    public func ticket(code: String, day: LocalDate) throws -> Ticket? {
        try read { db in try TicketRow.fetch(day: day, code: code, db) }
    }

    /// Calls the next ticket to `counter` by the queue rules, first finishing the counter's
    /// current ticket as done (`QueueRules.callNext`). One action, one batch of events.
    public func callNext(counter: Int, now: Date, actor: Actor) throws -> CallNextResult {
        try write { db in
            let profile = try Self.profile(db)
            let day = VietnamTime.local(now).date
            let open = try Row.fetchAll(db, sql: "SELECT * FROM tickets WHERE day = ? AND status IN ('waiting','called','serving')",
                                        arguments: [day.iso]).map(TicketRow.decode)
            // The fairness rule needs the desk's last call today, which may be a closed ticket.
            let fairness = try Self.fairQueue(day: day, profile: profile, db)
            let result = try QueueRules.callNext(counter: counter, tickets: open, now: now, clerk: actor.user, profile: profile,
                                                 fairness: fairness)
            var log = ActionBatch(db, at: now, actor: actor)
            if let done = result.finished, let before = open.first(where: { $0.id == done.id }) {
                try TicketRow.update(done, db)
                var data = EventData(from: before.status.rawValue, to: done.status.rawValue)
                data.counter = counter; data.ticketBefore = before
                try log.record(entity: "ticket", key: done.eventKey, action: "done", data: data)
                try Self.syncAppointment(for: done, now: now, log: &log, db)
            }
            if let next = result.called, let before = open.first(where: { $0.id == next.id }) {
                try TicketRow.update(next, db)
                var data = EventData(from: before.status.rawValue, to: next.status.rawValue)
                data.counter = counter; data.ticketBefore = before; data.ticket = result.finished?.code
                try log.record(entity: "ticket", key: next.eventKey, action: "call", data: data)
            }
            return CallNextResult(finished: result.finished, called: result.called)
        }
    }

    /// Recall, serve, done, no-show, left, bring back, transfer: one of today's tickets, by the
    /// rules of `QueueRules.apply`.
    public func moveTicket(_ request: TicketMoveRequest, now: Date, actor: Actor) throws -> Ticket {
        try write { db in
            let profile = try Self.profile(db)
            try Self.checkCounter(actor, profile)
            let day = VietnamTime.local(now).date
            let before = try Self.requireTicket(request.ticketCode, day: day, db)
            let after = try QueueRules.apply(request, to: before, today: day, now: now, clerk: actor.user, profile: profile)
            try TicketRow.update(after, db)
            var data = EventData(from: before.status.rawValue, to: after.status.rawValue)
            data.ticketBefore = before
            // The counter the move happened at: the clerk's when named, else the ticket's own (a
            // recall from `queue recall A026` without `--counter` is still a call at the ticket's
            // counter, and the waiting-room display announces it from this field).
            data.counter = request.counter ?? before.counter
            if request.move == .transfer { data.fromCounter = before.counter; data.toCounter = after.counter }
            var log = ActionBatch(db, at: now, actor: actor)
            try log.record(entity: "ticket", key: after.eventKey, action: request.move.rawValue, data: data)
            try Self.syncAppointment(for: after, now: now, log: &log, db)
            return after
        }
    }

    /// The fairness rule's state today: the desk's last call is the last 'call' event of the
    /// day not undone (a recall does not change it; two calls in one minute are told apart).
    /// The one place the desk, `queue list` and `call-next` learn it from.
    static func fairQueue(day: LocalDate, profile: DeskProfile, _ db: Database) throws -> FairQueue {
        let key = try String.fetchOne(db, sql: """
            SELECT entity_key FROM events
            WHERE at >= ? AND +entity = 'ticket' AND action = 'call' AND undone_by IS NULL
            ORDER BY id DESC LIMIT 1
            """, arguments: [Timestamp.startOf(day)])
        let code = key.map { String($0.split(separator: "/").last ?? "") }
        let last = try code.flatMap { try TicketRow.fetch(day: day, code: $0, db) }
        return FairQueue(walkInWaitMinutes: profile.appointments.walkInWaitMinutes, lastCalledWasAppointment: last?.appointmentAt != nil)
    }

    public func fairQueue(day: LocalDate) throws -> FairQueue {
        try read { db in try Self.fairQueue(day: day, profile: try Self.profile(db), db) }
    }

    static func requireTicket(_ code: String, day: LocalDate, _ db: Database) throws -> Ticket {
        guard let t = try TicketRow.fetch(day: day, code: code, db) else {
            let (series, number) = try Ticket.parse(code: code)
            let shown = Ticket.code(series: series, number: number)
            throw FieldError(field: "ticket", label: Localized(vi: "Số thứ tự", en: "Ticket"),
                             problem: Localized(vi: "không có số \(shown) ngày \(day.vietnamese)", en: "no ticket \(shown) on \(day.iso)"))
        }
        return t
    }

    /// A counter named by the clerk (the desk's own, or `--counter`) must exist in the profile.
    static func checkCounter(_ actor: Actor, _ profile: DeskProfile) throws {
        if let c = actor.counter { _ = try profile.validateCounter(c) }
    }

    static func procedure(code: String, _ db: Database) throws -> Procedure? {
        try Row.fetchOne(db, sql: "SELECT * FROM procedures WHERE code = ?", arguments: [code]).map(ProcedureRow.decode)
    }

    /// The version of the code in force on `day` (the latest effective-from ≤ day whose end is
    /// open or ≥ day). When none is, the code's current row, so the caller's `isActive(on:)`
    /// check refuses it with its dates rather than calling the code unknown.
    static func procedure(code: String, on day: LocalDate, _ db: Database) throws -> Procedure? {
        let d = day.iso
        if let row = try Row.fetchOne(db, sql: """
            SELECT * FROM procedure_versions
            WHERE code = ? AND effective_from <= ? AND (effective_to IS NULL OR effective_to >= ?)
            ORDER BY effective_from DESC LIMIT 1
            """, arguments: [code, d, d]) {
            return try ProcedureRow.decode(row)
        }
        return try procedure(code: code, db)
    }
}
