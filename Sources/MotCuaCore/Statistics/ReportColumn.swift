import Foundation

/// The figures of a dossier line, in the template's order, with their headings: one table read
/// by the text report, the CSV, the JSON keys and the desk's reports view, so their wording and
/// order cannot drift apart.
public enum ReportColumn: String, CaseIterable, Hashable, Sendable {
    case received, carriedOver = "carried_over", newOnline = "new_online", newDirect = "new_direct", newByPost = "new_by_post"
    case resolved, early, onTime = "on_time", late, onTimeRate = "on_time_rate"
    case inProgress = "in_progress", withinTime = "within_time", overdue, withdrawn, rejected

    /// The three blocks the 80-column text shows as three tables (the template's column groups).
    public static let receivedBlock: [ReportColumn] = [.received, .carriedOver, .newOnline, .newDirect, .newByPost]
    public static let resolvedBlock: [ReportColumn] = [.resolved, .early, .onTime, .late, .onTimeRate]
    public static let openBlock: [ReportColumn] = [.inProgress, .withinTime, .overdue, .withdrawn, .rejected]

    /// A block's title (`Tiếp nhận`, `Đã giải quyết`, `Đang giải quyết cuối kỳ; rút, từ chối`).
    public static func title(of block: [ReportColumn]) -> Localized {
        switch block.first {
        case .received: Localized(vi: "Tiếp nhận", en: "Received")
        case .resolved: Localized(vi: "Đã giải quyết", en: "Resolved")
        default: Localized(vi: "Đang giải quyết cuối kỳ; rút, từ chối", en: "In progress at the end; withdrawn, rejected")
        }
    }

    /// The heading in a block's table (the block's title says what "Tổng" is the total of).
    public var short: Localized {
        switch self {
        case .received, .resolved, .inProgress: Localized(vi: "Tổng", en: "Total")
        case .carriedOver: Localized(vi: "Kỳ trước", en: "Carried")
        case .newOnline: Localized(vi: "Trực tuyến", en: "Online")
        case .newDirect: Localized(vi: "Trực tiếp", en: "In person")
        case .newByPost: Localized(vi: "Bưu chính", en: "By post")
        case .early: Localized(vi: "Trước hạn", en: "Early")
        case .onTime: Localized(vi: "Đúng hạn", en: "On time")
        case .late: Localized(vi: "Trễ hạn", en: "Late")
        case .onTimeRate: Localized(vi: "Tỷ lệ đúng hạn", en: "On-time rate")
        case .withinTime: Localized(vi: "Trong hạn", en: "Within time")
        case .overdue: Localized(vi: "Quá hạn", en: "Overdue")
        case .withdrawn: Localized(vi: "Rút", en: "Withdrawn")
        case .rejected: Localized(vi: "Từ chối", en: "Rejected")
        }
    }

    /// The heading where the column stands alone (CSV).
    public var long: Localized {
        switch self {
        case .received: Localized(vi: "Số hồ sơ tiếp nhận", en: "Dossiers received")
        case .carriedOver: Localized(vi: "Kỳ trước chuyển qua", en: "Carried over")
        case .newOnline: Localized(vi: "Mới tiếp nhận trực tuyến", en: "New online")
        case .newDirect: Localized(vi: "Mới tiếp nhận trực tiếp", en: "New in person")
        case .newByPost: Localized(vi: "Mới tiếp nhận qua bưu chính", en: "New by post")
        case .resolved: Localized(vi: "Đã giải quyết", en: "Resolved")
        case .early: Localized(vi: "Trả trước hạn", en: "Resolved early")
        case .onTime: Localized(vi: "Trả đúng hạn", en: "Resolved on time")
        case .late: Localized(vi: "Trả trễ hạn", en: "Resolved late")
        case .onTimeRate: Localized(vi: "Tỷ lệ đúng hạn (%)", en: "On-time rate (%)")
        case .inProgress: Localized(vi: "Đang giải quyết", en: "In progress")
        case .withinTime: Localized(vi: "Đang giải quyết trong hạn", en: "In progress, within time")
        case .overdue: Localized(vi: "Đang giải quyết quá hạn", en: "In progress, overdue")
        case .withdrawn: Localized(vi: "Rút hồ sơ", en: "Withdrawn")
        case .rejected: Localized(vi: "Từ chối", en: "Rejected")
        }
    }

    /// The count in this column; nil for the rate.
    public func count(_ c: DossierCounts) -> Int? {
        switch self {
        case .received: c.received
        case .carriedOver: c.carriedOver
        case .newOnline: c.newOnline
        case .newDirect: c.newDirect
        case .newByPost: c.newByPost
        case .resolved: c.resolved
        case .early: c.early
        case .onTime: c.onTime
        case .late: c.late
        case .onTimeRate: nil
        case .inProgress: c.inProgress
        case .withinTime: c.withinTime
        case .overdue: c.overdue
        case .withdrawn: c.withdrawn
        case .rejected: c.rejected
        }
    }

    /// The cell as text: a count, or the rate as a percentage (`85,7%`; `–` with nothing resolved).
    public func text(_ c: DossierCounts, _ lang: Language, percentSign: Bool = true) -> String {
        if let n = count(c) { return String(n) }
        return ReportFormat.percent(c.onTimeRate, lang, sign: percentSign)
    }
}

/// Numbers as the reports write them.
public enum ReportFormat {
    /// One decimal, the decimal comma in Vietnamese (`85,7%`), `–` for no rate.
    public static func percent(_ rate: Double?, _ lang: Language, sign: Bool = true) -> String {
        guard let rate else { return sign ? "–" : "" }
        let tenths = Int((rate * 1000).rounded())
        let text = "\(tenths / 10)\(lang == .vi ? "," : ".")\(tenths % 10)"
        return sign ? text + "%" : text
    }

    /// `12 phút` / `12 min`; `–` when there is no figure.
    public static func minutes(_ m: Int?, _ lang: Language) -> String {
        guard let m else { return "–" }
        return lang == .vi ? "\(m) phút" : "\(m) min"
    }
}
