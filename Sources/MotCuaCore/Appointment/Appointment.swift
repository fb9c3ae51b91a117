import Foundation

/// What an appointment (hẹn giờ) is for.
public enum AppointmentKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// Hẹn hướng dẫn: a timed visit to be guided at the desk.
    case guidance
    /// Hẹn nộp hồ sơ: a timed visit to submit one or more dossiers at the desk.
    case submission
    /// Hẹn trả kết quả tại nhà: a clerk brings a result to the citizen's home; the clerk is away
    /// from the desk for the visit and the travel on each side of it.
    case home

    public var label: Localized {
        switch self {
        case .guidance: Localized(vi: "Hướng dẫn", en: "Guidance")
        case .submission: Localized(vi: "Nộp hồ sơ", en: "Submission")
        case .home: Localized(vi: "Trả tại nhà", en: "Result at home")
        }
    }

    /// One letter for the week grid.
    public var letter: String {
        switch self { case .guidance: "H"; case .submission: "N"; case .home: "T" }
    }

    public static func parse(_ raw: String) throws -> AppointmentKind {
        let t = VietnameseText.fold(raw).replacingOccurrences(of: " ", with: "-")
        switch t {
        case "guidance", "huong-dan", "hd": return .guidance
        case "submission", "submit", "nop", "nop-ho-so", "nhs": return .submission
        case "home", "tai-nha", "tra-tai-nha", "home-delivery": return .home
        default:
            throw FieldError(field: "kind", label: Localized(vi: "Loại hẹn", en: "Kind"),
                             problem: Localized(vi: "'\(raw)' không hợp lệ; chọn guidance (hướng dẫn), submission (nộp hồ sơ) hoặc home (trả tại nhà)",
                                                en: "'\(raw)' is not valid; expected guidance, submission or home"))
        }
    }
}

/// booked → checked-in → served | no-show | cancelled. A reschedule keeps the appointment (and
/// its history in the audit log) and changes its time.
public enum AppointmentStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case booked
    case checkedIn = "checked-in"
    case served
    case noShow = "no-show"
    case cancelled

    /// Holds a place at the desk (or a clerk away on a home visit).
    public var holdsPlace: Bool { self == .booked || self == .checkedIn || self == .served }
    public var isFinal: Bool { self == .served || self == .noShow || self == .cancelled }

    public var label: Localized {
        switch self {
        case .booked: Localized(vi: "Đã hẹn", en: "Booked")
        case .checkedIn: Localized(vi: "Đã đến", en: "Checked in")
        case .served: Localized(vi: "Đã phục vụ", en: "Served")
        case .noShow: Localized(vi: "Không đến", en: "No-show")
        case .cancelled: Localized(vi: "Đã huỷ", en: "Cancelled")
        }
    }
}

/// A booked time at the desk, or a clerk's visit to a citizen's home.
public struct Appointment: Hashable, Sendable, Codable {
    public var id: Int64?
    public var day: LocalDate
    /// Minute of the day the visit starts (for home: the time at the citizen's door).
    public var startMinute: Int
    /// Length of the visit itself.
    public var minutes: Int
    public var kind: AppointmentKind
    public var status: AppointmentStatus
    public var applicantName: String
    public var phone: String?
    public var idNumber: String?
    /// Procedures to be guided on or submitted (submission: one or more).
    public var procedureCodes: [String]
    /// Home delivery: the dossier whose result is brought.
    public var dossierCode: String?
    public var address: String?
    /// Home delivery: minutes the clerk travels before and after the visit (away from the desk).
    public var travelBefore: Int
    public var travelAfter: Int
    public var note: String?
    /// The ticket issued at check-in (`H001`, or `A014` for a citizen who came too late).
    public var ticketCode: String?
    public var bookedAt: Date
    public var checkedInAt: Date?
    public var finishedAt: Date?
    public var cancelReason: String?
    /// How many times it was moved (the moves themselves are in the audit log).
    public var rescheduleCount: Int

    public init(id: Int64? = nil, day: LocalDate, startMinute: Int, minutes: Int, kind: AppointmentKind,
                status: AppointmentStatus = .booked, applicantName: String, phone: String? = nil,
                idNumber: String? = nil, procedureCodes: [String] = [], dossierCode: String? = nil,
                address: String? = nil, travelBefore: Int = 0, travelAfter: Int = 0, note: String? = nil,
                ticketCode: String? = nil, bookedAt: Date, checkedInAt: Date? = nil, finishedAt: Date? = nil,
                cancelReason: String? = nil, rescheduleCount: Int = 0) {
        self.id = id; self.day = day; self.startMinute = startMinute; self.minutes = minutes; self.kind = kind
        self.status = status; self.applicantName = applicantName; self.phone = phone; self.idNumber = idNumber
        self.procedureCodes = procedureCodes; self.dossierCode = dossierCode; self.address = address
        self.travelBefore = travelBefore; self.travelAfter = travelAfter; self.note = note
        self.ticketCode = ticketCode; self.bookedAt = bookedAt; self.checkedInAt = checkedInAt
        self.finishedAt = finishedAt; self.cancelReason = cancelReason; self.rescheduleCount = rescheduleCount
    }

    public var endMinute: Int { startMinute + minutes }
    /// The minutes a clerk is taken: the visit, and for a home delivery the travel around it.
    public var busyFrom: Int { startMinute - travelBefore }
    public var busyUntil: Int { endMinute + travelAfter }

    public var start: LocalDateTime { LocalDateTime(date: day, hour: startMinute / 60, minute: startMinute % 60) }
    public var startsAt: Date { VietnamTime.instant(start) }

    /// `08:30–08:45`
    public var timeRange: String { "\(TimeOfDay.hhmm(startMinute))–\(TimeOfDay.hhmm(endMinute))" }

    /// `#12`: how the clerk names it on the command line and the screen.
    public var reference: String { id.map { "#\($0)" } ?? "#?" }

    /// Same citizen: by CCCD when both have one, else by phone.
    public func isSamePerson(idNumber other: String?, phone otherPhone: String?) -> Bool {
        if let a = idNumber, let b = other { return a == b }
        if let a = phone, let b = otherPhone { return a == b }
        return false
    }
}

/// Minutes of the day written as the desk writes them.
public enum TimeOfDay {
    public static func hhmm(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }

    /// `7:00`, `07:00`, `7h`, `7h30`, `13:30` → minute of the day.
    public static func parse(_ raw: String) -> Int? {
        let t = raw.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "h", with: ":")
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let h = Int(parts[0]), (0...23).contains(h) else { return nil }
        let m = parts.count == 2 ? (parts[1].isEmpty ? 0 : Int(parts[1])) : 0
        guard let m, (0...59).contains(m), parts.count == 1 || parts[1].count <= 2 else { return nil }
        return h * 60 + m
    }
}
