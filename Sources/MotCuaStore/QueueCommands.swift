import Foundation
import GRDB
import MotCuaCore

extension AppDatabase {
    /// Registers a walk-in and gives the next number of today's series, atomically across
    /// processes (IMMEDIATE transaction + UNIQUE(day, series, number)).
    public func addWalkIn(_ request: WalkInRequest, now: Date, actor: Actor) throws -> Ticket {
        try write { db in
            let profile = try Self.profile(db)
            let valid = try request.validated(policy: profile.priority) { code in
                try? Row.fetchOne(db, sql: "SELECT * FROM procedures WHERE code = ?", arguments: [code]).map(ProcedureRow.decode)
            }
            let day = VietnamTime.local(now).date
            let series: Ticket.Series = valid.priorityCode == nil ? .ordinary : .priority
            let last = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM tickets WHERE day = ? AND series = ?",
                                        arguments: [day.iso, series.rawValue]) ?? 0
            var ticket = Ticket(day: day, series: series, number: last + 1, applicantName: valid.name,
                                phone: valid.phone, idNumber: valid.idNumber, procedureCode: valid.procedureCode,
                                priorityCode: valid.priorityCode, priorityReason: valid.priorityReason, issuedAt: now)
            ticket.id = try TicketRow.insert(ticket, db)
            try log(db, at: now, actor: actor, entity: "ticket", key: "\(day.iso)/\(ticket.code)", action: "register",
                    data: ["name": valid.name, "priority": valid.priorityCode, "reason": valid.priorityReason,
                           "procedure": valid.procedureCode])
            return ticket
        }
    }

    public func tickets(day: LocalDate) throws -> [Ticket] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM tickets WHERE day = ? ORDER BY issued_at, id", arguments: [day.iso]).map(TicketRow.decode)
        }
    }

    public func ticket(code: String, day: LocalDate) throws -> Ticket? {
        let (series, number) = try Ticket.parse(code: code)
        return try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM tickets WHERE day = ? AND series = ? AND number = ?",
                             arguments: [day.iso, series.rawValue, number]).map(TicketRow.decode)
        }
    }

    /// Calls the next ticket to `counter` by the queue rules; nil when nobody is waiting.
    public func callNext(counter: Int, now: Date, actor: Actor) throws -> Ticket? {
        try write { db in
            let profile = try Self.profile(db)
            _ = try profile.validateCounter(counter)
            let day = VietnamTime.local(now).date
            let waiting = try Row.fetchAll(db, sql: "SELECT * FROM tickets WHERE day = ? AND status = 'waiting'",
                                           arguments: [day.iso]).map(TicketRow.decode)
            guard var next = QueueRules.nextToCall(waiting, now: now, policy: profile.priority) else { return nil }
            next.status = .called
            next.counter = counter
            next.clerk = actor.user
            next.calledAt = now
            try TicketRow.updateState(next, db)
            try log(db, at: now, actor: actor, entity: "ticket", key: "\(day.iso)/\(next.code)", action: "call",
                    data: ["counter": String(counter)])
            return next
        }
    }

    /// Moves a ticket of `day` to a new status (serving, done, no-show, left, recall = called again).
    public func changeTicket(code: String, day: LocalDate, to status: Ticket.Status, counter: Int?, now: Date, actor: Actor) throws -> Ticket {
        let (series, number) = try Ticket.parse(code: code)
        return try write { db in
            guard var t = try Row.fetchOne(db, sql: "SELECT * FROM tickets WHERE day = ? AND series = ? AND number = ?",
                                           arguments: [day.iso, series.rawValue, number]).map(TicketRow.decode) else {
                throw StoreError.notFound(Localized(vi: "phiếu", en: "ticket"), "\(Ticket.code(series: series, number: number)) (\(day.vietnamese))")
            }
            let before = t.status
            try QueueRules.check(before, to: status, ticket: t.code)
            if status == .called {
                t.recallCount += before == .called ? 1 : 0
                t.calledAt = now
                if let counter { t.counter = counter }
            }
            if status == .waiting { t.counter = nil; t.calledAt = nil; t.clerk = nil }
            if status.isFinal { t.finishedAt = now }
            t.status = status
            if t.clerk == nil && status != .waiting { t.clerk = actor.user }
            try TicketRow.updateState(t, db)
            try log(db, at: now, actor: actor, entity: "ticket", key: "\(day.iso)/\(t.code)", action: status.rawValue,
                    data: ["from": before.rawValue, "to": status.rawValue])
            return t
        }
    }
}

extension AppDatabase {
    /// Sends the ticket being served to another counter: it becomes that counter's called
    /// ticket (the waiting-room display shows the new counter), with the move in the audit log.
    public func transferTicket(code: String, day: LocalDate, to counter: Int, now: Date, actor: Actor) throws -> Ticket {
        let (series, number) = try Ticket.parse(code: code)
        return try write { db in
            guard var t = try Row.fetchOne(db, sql: "SELECT * FROM tickets WHERE day = ? AND series = ? AND number = ?",
                                           arguments: [day.iso, series.rawValue, number]).map(TicketRow.decode) else {
                throw StoreError.notFound(Localized(vi: "phiếu", en: "ticket"), code)
            }
            _ = try Self.profile(db).validateCounter(counter)
            let from = t.counter
            try QueueRules.check(t.status, to: .called, ticket: t.code)
            t.status = .called
            t.counter = counter
            t.calledAt = now
            t.clerk = nil
            try TicketRow.updateState(t, db)
            try log(db, at: now, actor: actor, entity: "ticket", key: "\(day.iso)/\(t.code)", action: "transfer",
                    data: ["from_counter": from.map(String.init), "to_counter": String(counter)])
            return t
        }
    }
}
