/// How a dossier stands against its due date, in working days.
public enum Timeliness: Hashable, Sendable {
    case dueIn(workingDays: Int)
    case dueToday
    /// Past the due date; the working days since it (0 on a weekend right after it).
    case late(workingDays: Int)
    /// Finished: no longer counted.
    case closed

    public var isLate: Bool { if case .late = self { true } else { false } }

    /// `còn 3 ngày`, `hạn hôm nay`, `trễ 2 ngày` — short enough for a list column.
    public var label: Localized {
        switch self {
        case .dueIn(let n): Localized(vi: "còn \(n) ngày", en: "\(n) days left")
        case .dueToday: Localized(vi: "hạn hôm nay", en: "due today")
        case .late(let n): n == 0 ? Localized(vi: "quá hạn", en: "overdue") : Localized(vi: "trễ \(n) ngày", en: "\(n) days late")
        case .closed: Localized(vi: "", en: "")
        }
    }
}

/// How a resolved dossier stood against its first due date (the statistics' "sớm hạn / đúng
/// hạn / trễ hạn").
public enum Resolution: String, Hashable, Sendable, Codable {
    case early, onTime = "on-time", late

    public var label: Localized {
        switch self {
        case .early: Localized(vi: "Trước hạn", en: "Early")
        case .onTime: Localized(vi: "Đúng hạn", en: "On time")
        case .late: Localized(vi: "Trễ hạn", en: "Late")
        }
    }
}
