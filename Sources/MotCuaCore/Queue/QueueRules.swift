import Foundation

/// The fairness rule between appointments and walk-ins, stated once:
/// a checked-in appointment whose time has come is called before walk-ins (it was promised that
/// time), except that once a walk-in has waited longer than `walkInWaitMinutes`, at most one
/// appointment is called between two walk-ins. So a morning full of appointments never leaves
/// the people without one standing for ever.
public struct FairQueue: Sendable, Hashable {
    public var walkInWaitMinutes: Int
    /// The desk's last call today was an appointment's ticket.
    public var lastCalledWasAppointment: Bool

    public init(walkInWaitMinutes: Int = AppointmentSettings().walkInWaitMinutes, lastCalledWasAppointment: Bool = false) {
        self.walkInWaitMinutes = walkInWaitMinutes; self.lastCalledWasAppointment = lastCalledWasAppointment
    }
}

/// The queue's rules, in one place for the CLI and the desk alike.
public enum QueueRules {
    /// Which waiting ticket the counter calls next (see `callingOrder`).
    /// With `counter`: a ticket transferred to that counter (waiting, held for it) comes first,
    /// and tickets held for another counter are left to it.
    public static func nextToCall(_ tickets: [Ticket], now: Date, policy: PriorityPolicy, counter: Int? = nil,
                                  fairness: FairQueue = FairQueue()) -> Ticket? {
        let waiting = tickets.filter { $0.status == .waiting && ($0.counter == nil || counter == nil || $0.counter == counter) }
        if let counter, let held = waiting.filter({ $0.counter == counter }).min(by: { callsBefore($0, $1, policy: policy) }) {
            return held
        }
        return waitingOrder(waiting.filter { $0.counter == nil || counter == nil }, now: now, policy: policy, fairness: fairness).first
    }

    /// Today's list as the waiting room sees it: tickets at counters first, then the waiting
    /// ones in the order they will be called.
    public static func callingOrder(_ tickets: [Ticket], now: Date, policy: PriorityPolicy,
                                    fairness: FairQueue = FairQueue()) -> [Ticket] {
        tickets.filter { $0.status != .waiting }
            + waitingOrder(tickets.filter { $0.status == .waiting }, now: now, policy: policy, fairness: fairness)
    }

    /// The waiting tickets in calling order, in one pass (no repeated search): appointments
    /// whose time has come (by their time) merged with the walk-ins (priority groups in the
    /// configured order, then order of issue) by the `FairQueue` rule; then appointments checked
    /// in early, by their time: they were promised their time, not a place ahead of people
    /// already waiting, and are called early only when nobody else waits.
    static func waitingOrder(_ waiting: [Ticket], now: Date, policy: PriorityPolicy, fairness: FairQueue) -> [Ticket] {
        func byTime(_ a: Ticket, _ b: Ticket) -> Bool {
            (a.appointmentAt ?? now, a.issuedAt, a.id ?? 0) < (b.appointmentAt ?? now, b.issuedAt, b.id ?? 0)
        }
        let due = waiting.filter { $0.appointmentAt.map { $0 <= now } ?? false }.sorted(by: byTime)
        let early = waiting.filter { $0.appointmentAt.map { $0 > now } ?? false }.sorted(by: byTime)
        let walkIns = waiting.filter { $0.appointmentAt == nil }.sorted { callsBefore($0, $1, policy: policy) }
        guard !due.isEmpty, !walkIns.isEmpty else { return due + walkIns + early }
        // The longest wait among the walk-ins not yet placed: a suffix minimum of issue times.
        var oldestFrom = [Date](repeating: .distantFuture, count: walkIns.count + 1)
        for i in stride(from: walkIns.count - 1, through: 0, by: -1) { oldestFrom[i] = min(walkIns[i].issuedAt, oldestFrom[i + 1]) }
        let limit = TimeInterval(fairness.walkInWaitMinutes * 60)
        var order: [Ticket] = []
        order.reserveCapacity(waiting.count)
        var i = 0, j = 0
        var lastWasAppointment = fairness.lastCalledWasAppointment
        while i < due.count || j < walkIns.count {
            let takeWalkIn: Bool
            if i == due.count { takeWalkIn = true }
            else if j == walkIns.count { takeWalkIn = false }
            else { takeWalkIn = lastWasAppointment && now.timeIntervalSince(oldestFrom[j]) > limit }
            if takeWalkIn { order.append(walkIns[j]); j += 1; lastWasAppointment = false }
            else { order.append(due[i]); i += 1; lastWasAppointment = true }
        }
        return order + early
    }

    /// True when `a` is called before `b` among tickets that are not a due appointment.
    static func callsBefore(_ a: Ticket, _ b: Ticket, policy: PriorityPolicy) -> Bool {
        let ra = policy.rank(of: a.priorityCode), rb = policy.rank(of: b.priorityCode)
        if ra != rb { return ra < rb }
        if a.issuedAt != b.issuedAt { return a.issuedAt < b.issuedAt }
        return (a.id ?? 0) < (b.id ?? 0)
    }
}
