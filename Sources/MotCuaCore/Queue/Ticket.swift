import Foundation

/// A walk-in's place in today's queue. Statuses: waiting → called → serving → done | no-show | left.
public struct Ticket: Hashable, Sendable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case waiting, called, serving, done
        case noShow = "no-show"
        case left
        /// Registered by mistake and undone; kept so the number is never given twice.
        case cancelled

        public var isFinal: Bool { self == .done || self == .noShow || self == .left || self == .cancelled }

        /// Still in today's queue: waiting, or at a counter.
        public var isAtCounter: Bool { self == .called || self == .serving }

        public static func parse(_ raw: String) throws -> Status {
            if let s = Status(rawValue: raw) { return s }
            throw RuleViolation(code: "unknown_status",
                                message: Localized(vi: "trạng thái phiếu '\(raw)' không hợp lệ", en: "unknown ticket status '\(raw)'"))
        }

        public var label: Localized {
            switch self {
            case .waiting: Localized(vi: "Đang chờ", en: "Waiting")
            case .called: Localized(vi: "Đã gọi", en: "Called")
            case .serving: Localized(vi: "Đang phục vụ", en: "Serving")
            case .done: Localized(vi: "Xong", en: "Done")
            case .noShow: Localized(vi: "Vắng mặt", en: "No-show")
            case .left: Localized(vi: "Đã về", en: "Left")
            case .cancelled: Localized(vi: "Đã huỷ", en: "Cancelled")
            }
        }
    }

    /// Ordinary tickets are `A001…`, priority tickets a series of their own `B001…`, so the
    /// waiting room can see why a later number is called first.
    public enum Series: String, Sendable, Codable, CaseIterable {
        case ordinary = "A"
        case priority = "B"
        /// A checked-in appointment (hẹn giờ): called at its time, see `FairQueue`.
        case appointment = "H"
    }

    public var id: Int64?
    public var day: LocalDate
    public var series: Series
    public var number: Int
    public var applicantName: String
    public var phone: String?
    public var idNumber: String?
    public var procedureCode: String?
    public var priorityCode: String?
    public var priorityReason: String?
    public var status: Status
    public var counter: Int?
    public var clerk: String?
    public var issuedAt: Date
    public var calledAt: Date?
    public var finishedAt: Date?
    public var recallCount: Int
    /// Set when the ticket comes from a checked-in appointment: it is called at that time.
    public var appointmentAt: Date?
    /// The appointment this ticket was issued for at check-in.
    public var appointmentId: Int64?

    public init(id: Int64? = nil, day: LocalDate, series: Series, number: Int, applicantName: String,
                phone: String? = nil, idNumber: String? = nil, procedureCode: String? = nil,
                priorityCode: String? = nil, priorityReason: String? = nil, status: Status = .waiting,
                counter: Int? = nil, clerk: String? = nil, issuedAt: Date, calledAt: Date? = nil,
                finishedAt: Date? = nil, recallCount: Int = 0, appointmentAt: Date? = nil, appointmentId: Int64? = nil) {
        self.id = id; self.day = day; self.series = series; self.number = number
        self.applicantName = applicantName; self.phone = phone; self.idNumber = idNumber
        self.procedureCode = procedureCode; self.priorityCode = priorityCode; self.priorityReason = priorityReason
        self.status = status; self.counter = counter; self.clerk = clerk; self.issuedAt = issuedAt
        self.calledAt = calledAt; self.finishedAt = finishedAt; self.recallCount = recallCount
        self.appointmentAt = appointmentAt; self.appointmentId = appointmentId
    }

    /// `A001`, `B012`.
    public var code: String { Ticket.code(series: series, number: number) }

    public static func code(series: Series, number: Int) -> String {
        let n = String(number)
        return series.rawValue + String(repeating: "0", count: max(0, 3 - n.count)) + n
    }

    /// Parses `A001` / `b12` into series and number.
    public static func parse(code raw: String) throws -> (series: Series, number: Int) {
        let t = raw.trimmingCharacters(in: .whitespaces).uppercased()
        if let first = t.first, let series = Series(rawValue: String(first)),
           let n = Int(t.dropFirst()), n > 0, t.count >= 2 {
            return (series, n)
        }
        throw FieldError(field: "ticket", label: Localized(vi: "Số thứ tự", en: "Ticket"),
                         problem: Localized(vi: "'\(raw)' không hợp lệ; dạng đúng như A001, B012 hoặc H003",
                                            en: "'\(raw)' is not valid; expected e.g. A001, B012 or H003"))
    }

    public var isPriority: Bool { priorityCode != nil }

    public func waitedMinutes(now: Date) -> Int {
        // A ticket closed without a call (cancelled, left) stopped waiting when it closed.
        max(0, Int((calledAt ?? finishedAt ?? now).timeIntervalSince(issuedAt) / 60))
    }
}
