import Foundation

/// The queue's rules, in one place for the CLI and the desk alike.
public enum QueueRules {
    /// Which waiting ticket the counter calls next: a checked-in appointment whose time has come
    /// first (it was promised that time), then priority groups in the configured order, then the
    /// order of issue.
    public static func nextToCall(_ tickets: [Ticket], now: Date, policy: PriorityPolicy) -> Ticket? {
        tickets.filter { $0.status == .waiting }.min { a, b in
            let aDue = a.appointmentAt.map { $0 <= now } ?? false
            let bDue = b.appointmentAt.map { $0 <= now } ?? false
            if aDue != bDue { return aDue }
            if aDue, bDue, let x = a.appointmentAt, let y = b.appointmentAt, x != y { return x < y }
            let ra = policy.rank(of: a.priorityCode), rb = policy.rank(of: b.priorityCode)
            if ra != rb { return ra < rb }
            if a.issuedAt != b.issuedAt { return a.issuedAt < b.issuedAt }
            return (a.id ?? 0) < (b.id ?? 0)
        }
    }

    /// Today's list as the waiting room sees it: tickets at counters first, then the waiting
    /// ones in the order they will be called.
    public static func callingOrder(_ tickets: [Ticket], now: Date, policy: PriorityPolicy) -> [Ticket] {
        var waiting = tickets.filter { $0.status == .waiting }
        var out = tickets.filter { $0.status != .waiting }
        while let next = nextToCall(waiting, now: now, policy: policy) {
            out.append(next)
            waiting.removeAll { $0 == next }
        }
        return out
    }

    /// Legal moves of a ticket, so that an illegal one can say why.
    public static func check(_ from: Ticket.Status, to: Ticket.Status, ticket: String) throws {
        let allowed: [Ticket.Status: Set<Ticket.Status>] = [
            .waiting: [.called, .left],
            .called: [.called, .serving, .done, .noShow, .waiting],
            .serving: [.done, .left, .waiting, .called],
        ]
        if allowed[from]?.contains(to) == true { return }
        let why: Localized
        if from.isFinal {
            why = Localized(vi: "phiếu đã kết thúc (\(from.label.vi))", en: "the ticket is closed (\(from.label.en))")
        } else if from == .waiting {
            why = Localized(vi: "phiếu chưa được gọi", en: "the ticket has not been called")
        } else {
            why = Localized(vi: "không thể chuyển từ '\(from.label.vi)'", en: "cannot move from '\(from.label.en)'")
        }
        throw RuleViolation(code: "ticket_transition",
                            message: Localized(vi: "Phiếu \(ticket): không thể chuyển sang '\(to.label.vi)': \(why.vi)",
                                               en: "Ticket \(ticket): cannot change to '\(to.label.en)': \(why.en)"))
    }
}
