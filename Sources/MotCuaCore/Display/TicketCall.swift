import Foundation

/// One call of a ticket to a counter, as the waiting room may see it: the ticket's number, the
/// counter and the time, nothing else. It has no field for a name, a CCCD or a phone, so the
/// display, which is built only from these, cannot show one.
public struct TicketCall: Hashable, Sendable {
    /// The audit event of the call (grows with every call): what announcements are keyed by.
    public let id: Int64
    /// `A015`.
    public let ticket: String
    public let counter: Int
    public let at: Date

    public init(id: Int64, ticket: String, counter: Int, at: Date) {
        self.id = id; self.ticket = ticket; self.counter = counter; self.at = at
    }

    /// "Mời số A015 đến quầy 2" (shown), or in English "Ticket A015, counter 2".
    public func sentence(_ language: Language) -> String {
        language == .en ? "Ticket \(ticket), please go to counter \(counter)" : "Mời số \(ticket) đến quầy \(counter)"
    }

    /// What the loudspeaker says: "Mời số A mười lăm đến quầy hai". The series letter is said as
    /// its Vietnamese letter name (B "bê", H "hát") and the number as a number.
    public var spoken: String {
        "Mời số \(Self.spokenTicket(ticket)) đến quầy \(VietnameseNumberWords.words(counter))"
    }

    /// `A015` → "A mười lăm", `B002` → "bê hai"; a code that does not parse is said as written.
    public static func spokenTicket(_ code: String) -> String {
        guard let (series, number) = try? Ticket.parse(code: code) else { return code }
        let letter: String = switch series {
        case .ordinary: "A"
        case .priority: "bê"
        case .appointment: "hát"
        }
        return "\(letter) \(VietnameseNumberWords.words(number))"
    }
}

/// Everything the waiting-room display shows: the latest calls (newest first) and how many
/// people wait. No personal data by construction (see `TicketCall`).
public struct DisplayData: Hashable, Sendable {
    public var calls: [TicketCall]
    public var waiting: Int
    public init(calls: [TicketCall], waiting: Int) { self.calls = calls; self.waiting = waiting }
}
