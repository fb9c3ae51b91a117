import Foundation

/// A citizen waiting for a place on a full day: offered the first place that frees up.
public struct WaitlistEntry: Hashable, Sendable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable, Hashable {
        /// Waiting for a place.
        case waiting
        /// A place freed up: the desk is to phone them (shown at the desk and on the call list).
        case offered
        /// Booked into a place (or no longer wanted).
        case closed

        public var label: Localized {
            switch self {
            case .waiting: Localized(vi: "Đang chờ chỗ", en: "Waiting")
            case .offered: Localized(vi: "Có chỗ — cần gọi", en: "Offered — to phone")
            case .closed: Localized(vi: "Đã xong", en: "Closed")
            }
        }
    }

    /// How a closed entry ended: booked into a place, or taken off the list.
    public enum Outcome: String, Sendable, Codable, CaseIterable, Hashable {
        case booked, removed
    }

    /// What the desk reads: a closed entry says whether the person got a place or was taken off.
    public var statusLabel: Localized {
        switch (status, outcome) {
        case (.closed, .booked?): Localized(vi: "Đã đặt hẹn", en: "Booked")
        case (.closed, .removed?): Localized(vi: "Đã xoá khỏi danh sách", en: "Taken off")
        default: status.label
        }
    }

    public var id: Int64?
    public var day: LocalDate
    /// The time asked for (a freed place nearest to it is offered first).
    public var wantedMinute: Int
    public var kind: AppointmentKind
    public var applicantName: String
    public var phone: String
    public var idNumber: String?
    public var procedureCodes: [String]
    public var status: Status
    public var createdAt: Date
    public var offeredAt: Date?
    /// The place offered: its start, and the appointment whose cancel freed it.
    public var offeredMinute: Int?
    public var freedBy: Int64?
    public var outcome: Outcome?

    public init(id: Int64? = nil, day: LocalDate, wantedMinute: Int, kind: AppointmentKind, applicantName: String,
                phone: String, idNumber: String? = nil, procedureCodes: [String] = [], status: Status = .waiting,
                createdAt: Date, offeredAt: Date? = nil, offeredMinute: Int? = nil, freedBy: Int64? = nil) {
        self.id = id; self.day = day; self.wantedMinute = wantedMinute; self.kind = kind
        self.applicantName = applicantName; self.phone = phone; self.idNumber = idNumber
        self.procedureCodes = procedureCodes; self.status = status; self.createdAt = createdAt
        self.offeredAt = offeredAt; self.offeredMinute = offeredMinute; self.freedBy = freedBy
    }

    public var reference: String { id.map { "C\($0)" } ?? "C?" }

    /// A waitlist entry needs a phone: the desk has no other way to reach them.
    public static func from(_ a: Appointment, now: Date) throws -> WaitlistEntry {
        guard let phone = a.phone else {
            throw FieldError(field: "phone", label: Localized(vi: "Số điện thoại", en: "Phone"),
                             problem: Localized(vi: "ghi vào danh sách chờ cần số điện thoại để gọi khi có chỗ",
                                                en: "the waitlist needs a phone number to call when a place frees up"))
        }
        return WaitlistEntry(day: a.day, wantedMinute: a.startMinute, kind: a.kind, applicantName: a.applicantName,
                             phone: phone, idNumber: a.idNumber, procedureCodes: a.procedureCodes, createdAt: now)
    }

    /// Who is offered a place freed by `cancelled`: the first in line (by when they asked) for
    /// the same day and kind, of those still waiting.
    public static func offer(for cancelled: Appointment, in waiting: [WaitlistEntry]) -> WaitlistEntry? {
        waiting.filter { $0.status == .waiting && $0.day == cancelled.day && $0.kind == cancelled.kind }
            .min { ($0.createdAt, $0.id ?? 0) < ($1.createdAt, $1.id ?? 0) }
    }

    /// The place an offer holds until the person is booked into it or taken off the list: a
    /// freed place is kept for the one phoned, not given to whoever books next.
    public func hold(settings: AppointmentSettings) -> Appointment? {
        guard status == .offered, let minute = offeredMinute else { return nil }
        let length = settings.minutes(for: kind) * (kind == .submission ? max(1, min(3, procedureCodes.count)) : 1)
        return Appointment(day: day, startMinute: minute, minutes: length, kind: kind, applicantName: applicantName,
                           phone: phone, idNumber: idNumber, procedureCodes: procedureCodes,
                           travelBefore: settings.travel(for: kind), travelAfter: settings.travel(for: kind),
                           bookedAt: offeredAt ?? createdAt)
    }

    /// True when `request` books the person this entry is for (by CCCD, else phone).
    public func isFor(idNumber other: String?, phone otherPhone: String?) -> Bool {
        if let a = idNumber, let b = other { return a == b }
        if let b = otherPhone { return phone == b }
        return false
    }
}
