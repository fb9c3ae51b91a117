/// The calls still to be spoken, each once, in the order they were made (by event id), however
/// they arrive: two calls read in one reload, the same call read again by the next reload, or
/// the latest calls listed newest first. Calls already made when the display starts are never
/// announced (`start(with:)`), so a restarted display does not repeat the morning.
public struct AnnouncementQueue: Sendable {
    /// The highest event id seen (announced, queued or skipped at start).
    public private(set) var lastSeen: Int64 = 0
    public private(set) var pending: [TicketCall] = []

    public init() {}

    /// The calls already on the screen at start: seen, not spoken.
    public mutating func start(with calls: [TicketCall]) {
        lastSeen = max(lastSeen, calls.map(\.id).max() ?? 0)
    }

    /// Queues the calls not seen yet, oldest first; returns how many were new.
    @discardableResult
    public mutating func receive(_ calls: [TicketCall]) -> Int {
        let fresh = calls.filter { $0.id > lastSeen }.sorted { $0.id < $1.id }
        var added = 0
        for c in fresh where !pending.contains(where: { $0.id == c.id }) {
            pending.append(c)
            added += 1
        }
        lastSeen = max(lastSeen, fresh.last?.id ?? lastSeen)
        return added
    }

    /// The next call to speak, taken off the queue.
    public mutating func next() -> TicketCall? { pending.isEmpty ? nil : pending.removeFirst() }
}
