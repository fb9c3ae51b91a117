import Foundation

/// A clerk's move of one of today's tickets. Calling the next ticket is `QueueRules.callNext`;
/// these are the moves of a ticket the clerk names (or the counter's current one at the desk).
public enum TicketMove: String, Sendable, CaseIterable, Codable {
    /// Call the same ticket again (only one already called, at the same counter).
    case recall
    /// The citizen has come up: start serving.
    case serve
    /// Served; the ticket is closed.
    case done
    /// Called but did not come.
    case noShow = "no-show"
    /// Left without being served.
    case left
    /// A no-show comes back the same day: waiting again, in the place of the original issue time.
    case bringBack = "bring-back"
    /// Sent to another counter, which then holds it as called.
    case transfer

    public var label: Localized {
        switch self {
        case .recall: Localized(vi: "Gọi lại", en: "Recall")
        case .serve: Localized(vi: "Bắt đầu phục vụ", en: "Start serving")
        case .done: Localized(vi: "Xong", en: "Done")
        case .noShow: Localized(vi: "Vắng mặt", en: "No-show")
        case .left: Localized(vi: "Bỏ về", en: "Left")
        case .bringBack: Localized(vi: "Gọi lại người vắng mặt", en: "Bring back a no-show")
        case .transfer: Localized(vi: "Chuyển quầy", en: "Transfer")
        }
    }
}

/// What the clerk asks: a move of a named ticket, at a counter (the desk always gives its own;
/// the command line may leave it out), and for a transfer the counter it goes to.
public struct TicketMoveRequest: Sendable, Hashable {
    public var ticketCode: String
    public var move: TicketMove
    public var counter: Int?
    public var toCounter: Int?

    public init(ticketCode: String, move: TicketMove, counter: Int? = nil, toCounter: Int? = nil) {
        self.ticketCode = ticketCode; self.move = move; self.counter = counter; self.toCounter = toCounter
    }
}

extension QueueRules {
    /// Applies a move to `ticket`, or throws why it is not allowed. The profile bounds the counters.
    public static func apply(_ request: TicketMoveRequest, to ticket: Ticket, today: LocalDate, now: Date,
                             clerk: String, profile: DeskProfile) throws -> Ticket {
        if let c = request.counter { _ = try profile.validateCounter(c) }
        var t = ticket
        let code = t.code
        func refuse(_ vi: String, _ en: String) -> RuleViolation {
            RuleViolation(code: "ticket_\(request.move.rawValue)",
                          message: Localized(vi: "Phiếu \(code): \(vi)", en: "Ticket \(code): \(en)"))
        }
        func requireStatus(_ allowed: Set<Ticket.Status>) throws {
            guard allowed.contains(t.status) else {
                let now = t.status.label
                if t.status == .waiting {
                    throw refuse("chưa được gọi (đang chờ) — \(request.move.label.vi) không áp dụng",
                                 "has not been called (waiting) — cannot \(request.move.label.en.lowercased())")
                }
                throw refuse("đang ở trạng thái '\(now.vi)', không thể \(request.move.label.vi.lowercased())",
                             "is '\(now.en)'; cannot \(request.move.label.en.lowercased())")
            }
        }
        /// A move at a counter applies only to that counter's ticket: a ticket at another counter
        /// is moved with a transfer, never silently.
        func requireSameCounter() throws {
            if let c = request.counter, let at = t.counter, c != at {
                throw refuse("đang ở quầy \(at), không phải quầy \(c); muốn chuyển quầy thì dùng thao tác Chuyển quầy (dòng lệnh: motcua queue transfer)",
                             "is at counter \(at), not counter \(c); to move it, use Transfer (command line: motcua queue transfer)")
            }
        }
        guard t.day == today else {
            throw refuse("là phiếu ngày \(t.day.vietnamese), chỉ phiếu hôm nay mới thay đổi được",
                         "is from \(t.day.iso); only today's tickets can change")
        }
        switch request.move {
        case .recall:
            try requireStatus([.called])
            try requireSameCounter()
            t.recallCount += 1
            t.calledAt = now
        case .serve:
            try requireStatus([.called])
            try requireSameCounter()
            t.status = .serving
        case .done:
            try requireStatus([.called, .serving])
            try requireSameCounter()
            t.status = .done
            t.finishedAt = now
        case .noShow:
            try requireStatus([.called])
            try requireSameCounter()
            t.status = .noShow
            t.finishedAt = now
        case .left:
            try requireStatus([.waiting, .called, .serving])
            try requireSameCounter()
            t.status = .left
            t.finishedAt = now
        case .bringBack:
            try requireStatus([.noShow])
            // Back in the queue at the original issue time: the citizen keeps their place.
            t.status = .waiting
            t.counter = nil
            t.clerk = nil
            t.calledAt = nil
            t.finishedAt = nil
        case .transfer:
            try requireStatus([.called, .serving])
            try requireSameCounter()
            guard let to = request.toCounter else {
                throw FieldError(field: "to_counter", label: Localized(vi: "Chuyển tới quầy", en: "To counter"),
                                 problem: Localized(vi: "bắt buộc nhập", en: "is required"))
            }
            _ = try profile.validateCounter(to)
            if to == t.counter {
                throw FieldError(field: "to_counter", label: Localized(vi: "Chuyển tới quầy", en: "To counter"),
                                 problem: Localized(vi: "phải khác quầy đang giữ phiếu (\(to))", en: "must differ from the ticket's counter (\(to))"))
            }
            // The citizen waits again, held for that counter, which calls them first: the other
            // clerk decides when to take them (they may be serving someone), and their wait keeps
            // counting from the original issue time.
            t.status = .waiting
            t.counter = to
            t.calledAt = nil
            t.clerk = nil
            return t
        }
        if t.status != .waiting, t.clerk == nil { t.clerk = clerk }
        return t
    }

    /// The ticket a counter is dealing with: the one called or being served there (the rule
    /// `callNext` keeps is that there is at most one; the latest called wins on an old file).
    public static func currentTicket(counter: Int, in tickets: [Ticket]) -> Ticket? {
        tickets.filter { $0.counter == counter && $0.status.isAtCounter }
            .max { ($0.calledAt ?? $0.issuedAt, $0.id ?? 0) < ($1.calledAt ?? $1.issuedAt, $1.id ?? 0) }
    }

    /// Calling the next ticket first closes the counter's current one as done: a clerk calls the
    /// next person when the last one is finished, and a counter never holds two tickets (on the
    /// desk and the command line alike). A current ticket that should be a no-show is marked so
    /// before calling. Returns the finished ticket (if any) and the called one (nil: nobody waits).
    public static func callNext(counter: Int, tickets: [Ticket], now: Date, clerk: String,
                                profile: DeskProfile, fairness: FairQueue = FairQueue()) throws -> (finished: Ticket?, called: Ticket?) {
        _ = try profile.validateCounter(counter)
        var finished: Ticket?
        if var current = currentTicket(counter: counter, in: tickets) {
            current.status = .done
            current.finishedAt = now
            if current.clerk == nil { current.clerk = clerk }
            finished = current
        }
        guard var next = nextToCall(tickets, now: now, policy: profile.priority, counter: counter, fairness: fairness) else { return (finished, nil) }
        next.status = .called
        next.counter = counter
        next.clerk = clerk
        next.calledAt = now
        return (finished, next)
    }
}
