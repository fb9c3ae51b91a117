/// One open stretch of a day, in minutes of the day: `[start, end)`.
public struct OpenSpan: Hashable, Sendable, Codable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) { self.start = start; self.end = end }
    public var text: String { "\(TimeOfDay.hhmm(start))-\(TimeOfDay.hhmm(end))" }
}

/// When the desk receives appointments, per ISO weekday (1 = Monday … 7 = Sunday).
/// Default: Monday to Friday 7:00–11:30 and 13:30–17:00 (the working hours most communes post).
public struct OpeningHours: Hashable, Sendable, Codable {
    /// Index 0 = Monday … 6 = Sunday.
    public var days: [[OpenSpan]]

    public init(days: [[OpenSpan]]) {
        self.days = Array((days + Array(repeating: [], count: 7)).prefix(7))
    }

    public static let standardDay = [OpenSpan(start: 7 * 60, end: 11 * 60 + 30), OpenSpan(start: 13 * 60 + 30, end: 17 * 60)]
    public static let standard = OpeningHours(days: Array(repeating: standardDay, count: 5) + [[], []])

    public func spans(isoWeekday: Int) -> [OpenSpan] { days[max(0, min(6, isoWeekday - 1))] }

    /// The hours of an ordinary working day (a make-up Saturday works these): Monday's, or the
    /// first weekday that has any.
    public var workdaySpans: [OpenSpan] { days.prefix(5).first { !$0.isEmpty } ?? Self.standardDay }

    static let dayNames: [(keys: [String], vi: String)] = [
        (["mon", "t2"], "Thứ Hai"), (["tue", "t3"], "Thứ Ba"), (["wed", "t4"], "Thứ Tư"), (["thu", "t5"], "Thứ Năm"),
        (["fri", "t6"], "Thứ Sáu"), (["sat", "t7"], "Thứ Bảy"), (["sun", "cn"], "Chủ nhật"),
    ]

    public static func weekdayName(_ isoWeekday: Int) -> String { dayNames[max(0, min(6, isoWeekday - 1))].vi }

    /// `mon-fri=07:00-11:30,13:30-17:00; sat=07:00-11:30; sun=` : each part sets the days it
    /// names, the days not named keep `base`.
    public static func parse(_ spec: String, base: OpeningHours = .standard) throws -> OpeningHours {
        let label = Localized(vi: "Giờ làm việc", en: "Opening hours")
        func bad(_ vi: String, _ en: String) -> FieldError {
            FieldError(field: "hours", label: label, problem: Localized(
                vi: "\(vi); dạng đúng: mon-fri=07:00-11:30,13:30-17:00;sat=07:00-11:30",
                en: "\(en); expected e.g. mon-fri=07:00-11:30,13:30-17:00;sat=07:00-11:30"))
        }
        func dayIndex(_ key: String) -> Int? { dayNames.firstIndex { $0.keys.contains(key) } }
        var result = base
        for part in spec.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            let p = part.trimmingCharacters(in: .whitespaces).lowercased()
            if p.isEmpty { continue }
            guard let eq = p.firstIndex(of: "=") else { throw bad("thiếu '=' trong '\(p)'", "no '=' in '\(p)'") }
            let dayPart = p[..<eq].trimmingCharacters(in: .whitespaces)
            let spanPart = p[p.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            let range = dayPart.split(separator: "-").map(String.init)
            guard (1...2).contains(range.count), let a = dayIndex(range[0]), let b = dayIndex(range.last ?? ""), a <= b else {
                throw bad("ngày '\(dayPart)' không hợp lệ (mon … sun hoặc t2 … cn)", "days '\(dayPart)' are not valid (mon … sun)")
            }
            var spans: [OpenSpan] = []
            for s in spanPart.split(separator: ",") {
                let ends = s.split(separator: "-").map(String.init)
                guard ends.count == 2, let from = TimeOfDay.parse(ends[0]), let to = TimeOfDay.parse(ends[1]), from < to else {
                    throw bad("khoảng giờ '\(s)' không hợp lệ", "time span '\(s)' is not valid")
                }
                if let last = spans.last, from < last.end {
                    throw bad("khoảng giờ '\(s)' chồng lên khoảng trước", "time span '\(s)' overlaps the one before")
                }
                spans.append(OpenSpan(start: from, end: to))
            }
            for i in a...b { result.days[i] = spans }
        }
        return result
    }

    /// `T2–T6 07:00-11:30, 13:30-17:00` lines for `setup` and the help screen.
    public var summary: [String] {
        var lines: [String] = []
        var i = 0
        while i < 7 {
            var j = i
            while j + 1 < 7 && days[j + 1] == days[i] { j += 1 }
            let name = i == j ? Self.dayNames[i].vi : "\(Self.dayNames[i].vi)–\(Self.dayNames[j].vi)"
            let spans = days[i].isEmpty ? "nghỉ" : days[i].map(\.text).joined(separator: ", ")
            lines.append("\(name): \(spans)")
            i = j + 1
        }
        return lines
    }
}

/// The desk's rules for appointments, set with `motcua setup` and kept in the desk profile.
public struct AppointmentSettings: Hashable, Sendable, Codable {
    public var hours: OpeningHours = .standard
    /// Length of one visit, per kind.
    public var guidanceMinutes = 15
    public var submissionMinutes = 20
    public var homeMinutes = 30
    /// A home delivery's travel each way (the clerk is away from the desk).
    public var travelMinutes = 20
    /// Places at once; nil = one per counter.
    public var seats: Int?
    /// Booking at least this long before the time.
    public var minNoticeMinutes = 60
    /// Booking at most this many days ahead.
    public var maxDaysAhead = 30
    /// Bookings one citizen (same CCCD or phone) may hold on one day.
    public var perPersonPerDay = 1
    /// A citizen later than this is checked in as a walk-in.
    public var lateAfterMinutes = 15
    /// The queue's fairness rule: once a walk-in has waited longer than this, at most one
    /// appointment is called between two walk-ins.
    public var walkInWaitMinutes = 20

    public init() {}

    public func minutes(for kind: AppointmentKind) -> Int {
        switch kind {
        case .guidance: guidanceMinutes
        case .submission: submissionMinutes
        case .home: homeMinutes
        }
    }

    public func travel(for kind: AppointmentKind) -> Int { kind == .home ? travelMinutes : 0 }

    public func seats(counters: Int) -> Int { seats ?? counters }

    enum CodingKeys: String, CodingKey {
        case hours, guidanceMinutes, submissionMinutes, homeMinutes, travelMinutes, seats, minNoticeMinutes,
             maxDaysAhead, perPersonPerDay, lateAfterMinutes, walkInWaitMinutes
    }

    /// Field by field, each missing field taking its default (a profile from an older version).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = AppointmentSettings()
        hours = try c.decodeIfPresent(OpeningHours.self, forKey: .hours) ?? d.hours
        guidanceMinutes = try c.decodeIfPresent(Int.self, forKey: .guidanceMinutes) ?? d.guidanceMinutes
        submissionMinutes = try c.decodeIfPresent(Int.self, forKey: .submissionMinutes) ?? d.submissionMinutes
        homeMinutes = try c.decodeIfPresent(Int.self, forKey: .homeMinutes) ?? d.homeMinutes
        travelMinutes = try c.decodeIfPresent(Int.self, forKey: .travelMinutes) ?? d.travelMinutes
        seats = try c.decodeIfPresent(Int.self, forKey: .seats)
        minNoticeMinutes = try c.decodeIfPresent(Int.self, forKey: .minNoticeMinutes) ?? d.minNoticeMinutes
        maxDaysAhead = try c.decodeIfPresent(Int.self, forKey: .maxDaysAhead) ?? d.maxDaysAhead
        perPersonPerDay = try c.decodeIfPresent(Int.self, forKey: .perPersonPerDay) ?? d.perPersonPerDay
        lateAfterMinutes = try c.decodeIfPresent(Int.self, forKey: .lateAfterMinutes) ?? d.lateAfterMinutes
        walkInWaitMinutes = try c.decodeIfPresent(Int.self, forKey: .walkInWaitMinutes) ?? d.walkInWaitMinutes
    }

    /// Each number within what a desk could mean; the error names the setting.
    public func validated() throws -> AppointmentSettings {
        func check(_ value: Int, _ range: ClosedRange<Int>, _ field: String, _ vi: String, _ en: String) throws {
            guard range.contains(value) else {
                throw FieldError(field: field, label: Localized(vi: vi, en: en),
                                 problem: Localized(vi: "phải từ \(range.lowerBound) đến \(range.upperBound)",
                                                    en: "must be between \(range.lowerBound) and \(range.upperBound)"))
            }
        }
        try check(guidanceMinutes, 5...240, "guidance_minutes", "Thời lượng hẹn hướng dẫn (phút)", "Guidance length (minutes)")
        try check(submissionMinutes, 5...240, "submission_minutes", "Thời lượng hẹn nộp hồ sơ (phút)", "Submission length (minutes)")
        try check(homeMinutes, 5...240, "home_minutes", "Thời lượng trả tại nhà (phút)", "Home visit length (minutes)")
        try check(travelMinutes, 0...240, "travel_minutes", "Thời gian đi đường (phút)", "Travel time (minutes)")
        if let seats { try check(seats, 1...20, "seats", "Số chỗ hẹn cùng lúc", "Places at once") }
        try check(minNoticeMinutes, 0...10_080, "min_notice_minutes", "Đặt trước tối thiểu (phút)", "Minimum notice (minutes)")
        try check(maxDaysAhead, 1...366, "max_days_ahead", "Đặt trước tối đa (ngày)", "Maximum days ahead")
        try check(perPersonPerDay, 1...10, "per_person_per_day", "Số hẹn mỗi người mỗi ngày", "Bookings per person per day")
        try check(lateAfterMinutes, 0...240, "late_after_minutes", "Đến muộn quá (phút)", "Late after (minutes)")
        try check(walkInWaitMinutes, 0...240, "walk_in_wait_minutes", "Khách vãng lai chờ quá (phút)", "Walk-in wait limit (minutes)")
        return self
    }
}
