import Foundation

/// The queue's figures for a period: walk-ins per day and per hour, how long they waited to be
/// called, how many did not answer the call, and whether booked appointments were kept.
public struct QueueStatistics: Hashable, Sendable {
    public struct DayCount: Hashable, Sendable { public let day: LocalDate; public let count: Int }
    public struct HourCount: Hashable, Sendable { public let hour: Int; public let count: Int }

    /// Walk-in tickets (series A and B; a registration undone is not counted).
    public var walkIns = 0
    /// Days with at least one walk-in, in order.
    public var perDay: [DayCount] = []
    /// Hours of the day (Vietnam time) with at least one walk-in, in order.
    public var perHour: [HourCount] = []
    /// Walk-ins called to a counter, and those of them marked no-show.
    public var called = 0
    public var noShows = 0
    /// Minutes from the ticket to the call, over the walk-ins called (nearest-rank: the median
    /// is the ⌈n/2⌉-th shortest wait, the 90th percentile the ⌈0.9·n⌉-th); nil with no call.
    public var waitMedian: Int?
    public var waitP90: Int?
    public var appointments = AppointmentCounts()

    public init() {}

    /// No-shows / walk-ins called; nil when nobody was called.
    public var noShowRate: Double? { called == 0 ? nil : Double(noShows) / Double(called) }

    /// The period's figures from its tickets and appointments; days after `asOf` are not counted.
    public static func compute(tickets: [Ticket], appointments: [Appointment], start: LocalDate, asOf: LocalDate) -> QueueStatistics {
        var s = QueueStatistics()
        // An appointment's own ticket (H…) is called at its booked time: it is not a walk-in,
        // and its "wait" says nothing about the queue.
        let walkIns = tickets.filter { $0.day >= start && $0.day <= asOf && $0.series != .appointment && $0.status != .cancelled }
        s.walkIns = walkIns.count
        var days: [LocalDate: Int] = [:], hours: [Int: Int] = [:]
        var waits: [Int] = []
        for t in walkIns {
            days[t.day, default: 0] += 1
            hours[VietnamTime.local(t.issuedAt).hour, default: 0] += 1
            if t.calledAt != nil || t.status == .noShow { s.called += 1 }
            if t.status == .noShow { s.noShows += 1 }
            if let calledAt = t.calledAt { waits.append(t.waitedMinutes(now: calledAt)) }
        }
        s.perDay = days.sorted { $0.key < $1.key }.map { DayCount(day: $0.key, count: $0.value) }
        s.perHour = hours.sorted { $0.key < $1.key }.map { HourCount(hour: $0.key, count: $0.value) }
        waits.sort()
        s.waitMedian = percentile(waits, 0.5)
        s.waitP90 = percentile(waits, 0.9)
        s.appointments = AppointmentCounts(appointments.filter { $0.day >= start && $0.day <= asOf })
        return s
    }

    /// Nearest rank on sorted values: the ⌈p·n⌉-th value.
    static func percentile(_ sorted: [Int], _ p: Double) -> Int? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}

/// Booked appointments of the period and what became of them.
public struct AppointmentCounts: Hashable, Sendable {
    /// Not cancelled: held a place.
    public var booked = 0
    /// Came: checked in, or served.
    public var came = 0
    public var noShows = 0
    /// Still booked (later today, or not yet marked).
    public var open = 0
    public var cancelled = 0

    public init() {}

    public init(_ list: [Appointment]) {
        for a in list {
            switch a.status {
            case .cancelled: cancelled += 1; continue
            case .checkedIn, .served: came += 1
            case .noShow: noShows += 1
            case .booked: open += 1
            }
            booked += 1
        }
    }

    /// Came / (came + no-shows): the appointments kept, of those whose time has been judged.
    public var keptRate: Double? { came + noShows == 0 ? nil : Double(came) / Double(came + noShows) }
}
