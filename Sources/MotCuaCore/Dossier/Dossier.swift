import Foundation

/// How the dossier reached the desk.
public enum Channel: String, Sendable, Codable, CaseIterable {
    case direct, post, online
    public var label: Localized {
        switch self {
        case .direct: Localized(vi: "Trực tiếp", en: "In person")
        case .post: Localized(vi: "Bưu chính", en: "By post")
        case .online: Localized(vi: "Trực tuyến", en: "Online")
        }
    }
    public static func parse(_ raw: String) throws -> Channel {
        if let c = Channel(rawValue: raw.trimmingCharacters(in: .whitespaces).lowercased()) { return c }
        throw FieldError(field: "channel", label: Localized(vi: "Hình thức nộp", en: "Channel"),
                         problem: Localized(vi: "'\(raw)' không hợp lệ; chọn direct, post hoặc online",
                                            en: "'\(raw)' is not valid; choose direct, post or online"))
    }
}

/// One application for one procedure.
public struct Dossier: Hashable, Sendable, Codable {
    public var id: Int64?
    public var code: String
    public var procedureCode: String
    public var applicantId: Int64?
    public var applicantName: String
    public var channel: Channel
    public var delivery: Delivery
    public var deliveryAddress: String?
    public var notes: String?
    public var receivedAt: Date
    public var dueDate: LocalDate
    public var status: DossierStatus
    public var ticketCode: String?
    public var counter: Int?
    public var clerk: String?
    public var trackingNumber: String?
    public var closedAt: Date?
    /// When the result came back to the desk (early / on time / late is judged on it).
    public var readyAt: Date?
    /// Who took the result at the desk or at home, and the CCCD seen when not the applicant.
    public var resultReceiver: String?
    public var resultReceiverId: String?
    /// Why it was refused or withdrawn.
    public var reason: String?
    /// What the applicant must still bring (a supplement request).
    public var missingItems: [String] = []
    /// The procedure as the catalog had it at receipt (nil only on a file whose catalog row was
    /// gone when the snapshot was first taken).
    public var procedureSnapshot: ProcedureSnapshot?
    /// The papers received (form 01's "thành phần hồ sơ"); empty on dossiers received before
    /// the list was kept.
    public var documents: [ReceivedDocument] = []
    /// Sent on for processing: to which department or officer, and when.
    public var sentTo: String?
    public var sentAt: Date?
    /// The first due date promised, kept when an apology (form 04) moves `dueDate`; nil while
    /// the date has never moved. Lateness is always judged on it (`lateAfter`).
    public var originalDueDate: LocalDate?
    /// Why the date was moved (form 04's reason), the latest apology's.
    public var apologyReason: String?
    /// What the post charged to send the result (VND).
    public var postage: Int?
    /// The post delivered the result, or brought it back (then it is ready at the desk again).
    public var postDeliveredAt: Date?
    public var postReturnedAt: Date?
    /// The fee collected when the result was handed over (VND).
    public var feeCollected: Int?

    public init(id: Int64? = nil, code: String, procedureCode: String, applicantId: Int64? = nil,
                applicantName: String, channel: Channel, delivery: Delivery = .desk,
                deliveryAddress: String? = nil, notes: String? = nil, receivedAt: Date, dueDate: LocalDate,
                status: DossierStatus = .received, ticketCode: String? = nil, counter: Int? = nil,
                clerk: String? = nil, trackingNumber: String? = nil, closedAt: Date? = nil) {
        self.id = id; self.code = code; self.procedureCode = procedureCode; self.applicantId = applicantId
        self.applicantName = applicantName; self.channel = channel; self.delivery = delivery
        self.deliveryAddress = deliveryAddress; self.notes = notes; self.receivedAt = receivedAt
        self.dueDate = dueDate; self.status = status; self.ticketCode = ticketCode; self.counter = counter
        self.clerk = clerk; self.trackingNumber = trackingNumber; self.closedAt = closedAt
    }

    /// The date lateness is judged against: the first date promised. An apology (form 04) moves
    /// the date the citizen is told (`dueDate`), but the dossier stays counted as late (Nghị định
    /// 118/2025/NĐ-CP: a late dossier is apologised for, not excused). The one rule; the store's
    /// overdue and due-today queries use the same expression (`COALESCE(original_due_date, due_date)`).
    public var lateAfter: LocalDate { originalDueDate ?? dueDate }

    /// Whether an apology moved the due date.
    public var wasApologised: Bool { originalDueDate != nil }

    /// Overdue: still being resolved after the first due date (the due day itself is still on
    /// time; a result ready but not collected is resolved, not overdue). The one definition; the
    /// store's overdue query is built from the same two facts (`DossierStatus.inProgressStatuses`,
    /// `lateAfter < today`).
    public func isOverdue(today: LocalDate) -> Bool { status.isInProgress && today > lateAfter }

    /// Days left or late, in working days, as the desk, the board and the reports show it;
    /// counted from the first due date, so an apology does not turn "late" into "days left".
    public func timeliness(today: LocalDate, calendar: WorkingCalendar) -> Timeliness {
        guard status.isInProgress else { return .closed }
        if today == lateAfter { return .dueToday }
        if today < lateAfter { return .dueIn(workingDays: calendar.workingDaysBetween(today, lateAfter)) }
        return .late(workingDays: calendar.workingDaysBetween(lateAfter, today))
    }

    /// How the dossier was resolved against its first due date (Thông tư 01/2020/TT-VPCP: early
    /// / on time / late), judged on the day the result came back (`readyAt`); nil while it has no
    /// result (or was refused or withdrawn without one).
    public func resolution(calendar: WorkingCalendar) -> Resolution? {
        guard let readyAt else { return nil }
        let day = VietnamTime.local(readyAt).date
        if day > lateAfter { return .late }
        return day < lateAfter ? .early : .onTime
    }

    /// A result waiting at the desk for the citizen to be phoned: the post brought it back, or
    /// it has been ready for more than `days` working days. Returns the day it has waited since
    /// (the post's return, else the ready day); nil when nobody needs to be phoned.
    public func uncollected(today: LocalDate, days: Int, calendar: WorkingCalendar) -> Date? {
        guard status == .ready, let readyAt else { return nil }
        if let back = postReturnedAt, back >= readyAt { return back }
        return calendar.workingDaysBetween(VietnamTime.local(readyAt).date, today) > days ? readyAt : nil
    }

    /// `<desk code>-<yyMMdd>-<seq>`, e.g. `XPH-261125-007`: printable, unique, sortable by day.
    public static func makeCode(deskCode: String, day: LocalDate, sequence: Int) -> String {
        let yy = day.year % 100
        func p2(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        let seq = String(sequence)
        return "\(deskCode)-\(p2(yy))\(p2(day.month))\(p2(day.day))-\(String(repeating: "0", count: max(0, 3 - seq.count)))\(seq)"
    }
}
