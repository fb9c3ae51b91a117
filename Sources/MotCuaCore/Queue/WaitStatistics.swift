import Foundation

/// How long the people still waiting have waited, for the supervisor's board: the longest wait
/// and the median, in whole minutes (`Ticket.waitedMinutes`, the queue's one rule for a wait).
public struct WaitStatistics: Hashable, Sendable {
    public let count: Int
    public let longestMinutes: Int?
    public let medianMinutes: Int?

    /// Over the tickets waiting now (others are ignored). The median of an even count is the
    /// mean of the two middle waits, rounded down.
    public init(tickets: [Ticket], now: Date) {
        let waits = tickets.filter { $0.status == .waiting }.map { $0.waitedMinutes(now: now) }.sorted()
        count = waits.count
        longestMinutes = waits.last
        if waits.isEmpty {
            medianMinutes = nil
        } else if waits.count % 2 == 1 {
            medianMinutes = waits[waits.count / 2]
        } else {
            medianMinutes = (waits[waits.count / 2 - 1] + waits[waits.count / 2]) / 2
        }
    }
}
