import Foundation

/// The queue's rules, in one place for the CLI and the desk alike.
public enum QueueRules {
    /// Which waiting ticket the counter calls next: a checked-in appointment whose time has come
    /// first (it was promised that time), then priority groups in the configured order, then the
    /// order of issue.
    /// With `counter`: a ticket transferred to that counter (waiting, held for it) comes first,
    /// and tickets held for another counter are left to it.
    public static func nextToCall(_ tickets: [Ticket], now: Date, policy: PriorityPolicy, counter: Int? = nil) -> Ticket? {
        let waiting = tickets.filter { $0.status == .waiting && ($0.counter == nil || counter == nil || $0.counter == counter) }
        if let counter, let held = waiting.filter({ $0.counter == counter }).min(by: { callsBefore($0, $1, now: now, policy: policy) }) {
            return held
        }
        return waiting.filter { $0.counter == nil || counter == nil }.min { callsBefore($0, $1, now: now, policy: policy) }
    }

    /// Today's list as the waiting room sees it: tickets at counters first, then the waiting
    /// ones in the order they will be called (one sort, not a repeated search).
    public static func callingOrder(_ tickets: [Ticket], now: Date, policy: PriorityPolicy) -> [Ticket] {
        tickets.filter { $0.status != .waiting }
            + tickets.filter { $0.status == .waiting }.sorted { callsBefore($0, $1, now: now, policy: policy) }
    }

    /// True when `a` is called before `b`.
    static func callsBefore(_ a: Ticket, _ b: Ticket, now: Date, policy: PriorityPolicy) -> Bool {
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
