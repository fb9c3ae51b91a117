import Foundation

/// A clerk's step on one appointment. Booking is `BookingRequest`.
public enum AppointmentActionKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// The citizen has come: a ticket is issued (its own series `H`, or a walk-in's when late).
    case checkIn = "check-in"
    /// Moved to another time (the old time is kept in the audit log).
    case reschedule
    /// Called off, with a reason; the freed place is offered to the waitlist.
    case cancel
    /// The time passed and the citizen did not come.
    case noShow = "no-show"
    /// Done without a ticket: a home delivery made, or a visit finished at the desk.
    case serve

    public var label: Localized {
        switch self {
        case .checkIn: Localized(vi: "Đã đến", en: "Check in")
        case .reschedule: Localized(vi: "Dời hẹn", en: "Reschedule")
        case .cancel: Localized(vi: "Huỷ hẹn", en: "Cancel")
        case .noShow: Localized(vi: "Không đến", en: "No-show")
        case .serve: Localized(vi: "Đã phục vụ", en: "Served")
        }
    }
}

public struct AppointmentActionRequest: Sendable, Hashable {
    public var id: Int64
    public var kind: AppointmentActionKind
    /// Reschedule: the new time.
    public var newTime: LocalDateTime?
    /// Cancel: why.
    public var reason: String?

    public init(id: Int64, kind: AppointmentActionKind, newTime: LocalDateTime? = nil, reason: String? = nil) {
        self.id = id; self.kind = kind; self.newTime = newTime; self.reason = reason
    }
}

/// What a check-in decides: which ticket series, and whether the citizen came too late to keep
/// the appointment's place (then they queue as a walk-in, and the desk says so).
public struct CheckInDecision: Sendable, Hashable {
    public let asWalkIn: Bool
    public let lateMinutes: Int
    public var message: Localized? {
        guard asWalkIn else { return nil }
        return Localized(vi: "Đến muộn \(lateMinutes) phút so với giờ hẹn: cấp số như khách vãng lai",
                         en: "\(lateMinutes) minutes late: queued as a walk-in")
    }
}

public enum AppointmentRules {
    static func refuse(_ a: Appointment, _ kind: AppointmentActionKind, _ vi: String, _ en: String) -> RuleViolation {
        RuleViolation(code: "appointment_\(kind.rawValue)",
                      message: Localized(vi: "Lịch hẹn \(a.reference): \(vi)", en: "Appointment \(a.reference): \(en)"))
    }

    /// Refuses a step from the wrong status, day or kind before anything is asked.
    public static func precheck(_ kind: AppointmentActionKind, _ a: Appointment, today: LocalDate) throws {
        let st = a.status
        func need(_ allowed: Set<AppointmentStatus>) throws {
            guard allowed.contains(st) else {
                let ticket = a.ticketCode.map { " (số \($0))" } ?? ""
                let ticketEn = a.ticketCode.map { " (ticket \($0))" } ?? ""
                let wanted = allowed.map { "'\($0.label.vi)'" }.sorted().joined(separator: " hoặc ")
                let wantedEn = allowed.map { "'\($0.label.en)'" }.sorted().joined(separator: " or ")
                throw refuse(a, kind, "đang '\(st.label.vi)'\(ticket); bước '\(kind.label.vi)' chỉ dùng cho lịch hẹn \(wanted)",
                             "is '\(st.label.en)'\(ticketEn); '\(kind.label.en)' is only for an appointment that is \(wantedEn)")
            }
        }
        func needToday() throws {
            if a.day != today {
                throw refuse(a, kind, "hẹn ngày \(a.day.vietnamese), không phải hôm nay", "is on \(a.day.iso), not today")
            }
        }
        switch kind {
        case .checkIn:
            if st == .noShow {
                throw refuse(a, kind, "đã ghi 'Không đến'; người này vừa tới thì cấp số như khách vãng lai (F2 ở hàng chờ, hoặc motcua walkin add)",
                             "was marked a no-show; if they have just come, give them a walk-in's ticket (F2 on the queue, or motcua walkin add)")
            }
            try need([.booked])
            if a.kind == .home {
                throw refuse(a, kind, "hẹn trả tại nhà không đến quầy; khi giao xong, ghi 'Đã trả tại nhà' cho hồ sơ \(a.dossierCode ?? "")",
                             "a home delivery does not come to the desk; when delivered, record the dossier \(a.dossierCode ?? "") as delivered home")
            }
            try needToday()
        case .reschedule, .cancel: try need([.booked])
        case .noShow:
            try need([.booked])
        case .serve:
            // A home delivery ends with the dossier's own step (deliver-home), which closes the
            // appointment too: marking it here would say a result reached home that did not.
            if a.kind == .home {
                throw refuse(a, kind, "hẹn trả tại nhà kết thúc khi ghi 'Đã trả tại nhà' cho hồ sơ \(a.dossierCode ?? "") (motcua dossier deliver-home)",
                             "a home delivery ends when dossier \(a.dossierCode ?? "") is recorded as delivered home (motcua dossier deliver-home)")
            }
            // A checked-in citizen holds a ticket: their visit ends when the ticket does.
            if st == .checkedIn, let t = a.ticketCode {
                throw refuse(a, kind, "đã có số \(t); lịch hẹn xong khi số \(t) được phục vụ xong tại quầy",
                             "holds ticket \(t); it ends when \(t) is served at a counter")
            }
            try need([.booked])
            try needToday()
        }
    }

    /// Checking in at `now`: on time (or early) keeps the appointment's place and series;
    /// later than the desk's limit queues as a walk-in.
    public static func checkIn(_ a: Appointment, now: Date, settings: AppointmentSettings) -> CheckInDecision {
        let late = Int(now.timeIntervalSince(a.startsAt) / 60)
        return CheckInDecision(asWalkIn: late > settings.lateAfterMinutes, lateMinutes: max(0, late))
    }

    /// A no-show is said only once the time (and the lateness allowed) has passed.
    public static func checkNoShow(_ a: Appointment, now: Date, settings: AppointmentSettings) throws {
        let due = a.startsAt.addingTimeInterval(TimeInterval(settings.lateAfterMinutes * 60))
        if now < due {
            throw refuse(a, .noShow, "chưa quá giờ hẹn \(TimeOfDay.hhmm(a.startMinute)) + \(settings.lateAfterMinutes) phút",
                         "the time \(TimeOfDay.hhmm(a.startMinute)) + \(settings.lateAfterMinutes) minutes has not passed")
        }
    }

    /// The cancel reason: required, plain text.
    public static func cancelReason(_ raw: String?) throws -> String {
        guard let r = TextInput.blankToNil(raw) else {
            throw FieldError(field: "reason", label: Localized(vi: "Lý do", en: "Reason"),
                             problem: Localized(vi: "bắt buộc nhập lý do huỷ hẹn", en: "a reason is required to cancel"))
        }
        return try TextInput.required(r, field: "reason", label: Localized(vi: "Lý do", en: "Reason"))
    }

    /// The appointment's status when its ticket closes: served when the ticket is done, no-show
    /// when the citizen did not come up or left; nil when the ticket is still open.
    public static func status(afterTicket t: Ticket) -> AppointmentStatus? {
        switch t.status {
        case .done: .served
        case .noShow, .left: .noShow
        case .cancelled: .booked
        case .waiting, .called, .serving: .checkedIn
        }
    }
}
