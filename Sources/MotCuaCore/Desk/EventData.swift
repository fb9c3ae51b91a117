import Foundation

/// What an audit event carries, as typed fields (stored as JSON in `events.data`). Never a
/// sentence in a UI language: the screens and the CLI word it in the language they speak.
public struct EventData: Codable, Hashable, Sendable {
    /// Status before and after (tickets and dossiers).
    public var from: String?
    public var to: String?
    public var counter: Int?
    public var fromCounter: Int?
    public var toCounter: Int?
    /// The ticket a dossier was received from, or the one call-next finished.
    public var ticket: String?
    public var procedure: String?
    public var applicant: String?
    public var channel: String?
    public var dueDate: String?
    public var receiverName: String?
    public var receiverIdNumber: String?
    public var address: String?
    public var trackingNumber: String?
    public var missing: [String]?
    public var reason: String?
    public var priority: String?
    /// A dossier sent to processing: the department or officer.
    public var sentTo: String?
    /// Money in VND: the post's charge, the fee collected on return.
    public var postage: Int?
    public var feeCollected: Int?
    /// An apology (form 04): the due date before it (`dueDate` is the new one).
    public var previousDueDate: String?
    /// The papers received with a dossier.
    public var documents: [ReceivedDocument]?
    /// A correction: the fields that changed, old and new values.
    public var before: [String: String]?
    public var after: [String: String]?
    /// The state to put back if this change is undone (not shown to users).
    public var ticketBefore: Ticket?
    public var dossierBefore: Dossier?
    public var appointmentBefore: Appointment?
    public var waitlistBefore: WaitlistEntry?
    /// An appointment's time: `2026-12-01 08:30` (booked, or moved to).
    public var at: String?
    public var kind: String?
    public var appointment: Int64?
    /// On an undo event: the event id of the change it undid.
    public var undoes: Int64?
    /// Free key/values of rarer events (catalog import counts, settings).
    public var extra: [String: String]?

    public init(from: String? = nil, to: String? = nil) { self.from = from; self.to = to }

    public func json() -> String {
        let enc = JSONEncoder()
        enc.keyEncodingStrategy = .convertToSnakeCase
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        enc.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(VietnamTime.iso8601(date))
        }
        return (try? enc.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Parses stored event data; data written before typed events existed (flat string maps)
    /// decodes as far as its keys match.
    public static func parse(_ json: String) -> EventData {
        let dec = JSONDecoder()
        dec.keyDecodingStrategy = .convertFromSnakeCase
        dec.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard text.hasSuffix("+07:00"), let local = LocalDateTime(parsing: String(text.dropLast(6))) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a Vietnam time"))
            }
            return VietnamTime.instant(local)
        }
        if let typed = try? dec.decode(EventData.self, from: Data(json.utf8)) { return typed }
        var e = EventData()
        if let any = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] {
            var extra: [String: String] = [:]
            for (k, v) in any { if let s = v as? String { extra[k] = s } else if let n = v as? NSNumber { extra[k] = n.stringValue } }
            e.from = extra["from"]; e.to = extra["to"]; e.reason = extra["reason"]; e.trackingNumber = extra["tracking_number"]
            e.extra = extra
        }
        return e
    }
}
